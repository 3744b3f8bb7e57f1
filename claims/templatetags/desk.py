"""Template tags of the review desk: waits in words, and the reader's shared-work panel in one line."""

from datetime import timedelta

from django import template

from ..selectors.desk import article_desk, reviewers

register = template.Library()


@register.filter
def duration_words(value: timedelta) -> str:
    """A wait as an editor says it: "45 min", "3 h 20 min", "2 d 4 h"."""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


@register.inclusion_tag("claims/includes/article_desk_panel.html", takes_context=True)
def article_desk_panel(context, article):
    """Assignment, wire copies and the claims a correction lost; who else is on it comes with the heartbeat."""
    perms = context["perms"]
    return {
        "article": article,
        "desk": article_desk(article=article),
        "perms": perms,
        "user": context["user"],
        "csrf_token": context.get("csrf_token"),
        "reviewers": reviewers() if perms["claims"]["change_articleassignment"] else [],
    }
