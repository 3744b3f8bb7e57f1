"""The reader's shared-work panel as a tag, so the page includes it in one line."""

from django import template

from ..selectors.desk import article_desk, reviewers

register = template.Library()


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
