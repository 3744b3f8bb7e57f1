from django import template

from claims.selectors.suggestions import claim_suggestion_summary

register = template.Library()


@register.filter
def suggestion_summary(claim):
    """The card's line "reported by 4 other outlets · 1 possible contradiction", from prefetched suggestions."""
    return claim_suggestion_summary(claim)
