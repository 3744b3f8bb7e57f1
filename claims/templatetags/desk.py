"""Template filters of the review desk."""

from datetime import timedelta

from django import template

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
