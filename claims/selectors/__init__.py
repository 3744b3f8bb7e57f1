"""Reads of claims, links and facts, with their joins already applied. Views and the API call these."""

from .articles import articles_with_claim_counts
from .dashboard import (
    articles_most_to_review,
    candidates_to_review,
    desk_pace,
    entity_mentions_count,
    extraction_counts,
    extractor_scores,
    recent_decisions,
)
from .export import facts_reviewed, facts_with_claims, rating_scale_bounds
from .facts import FactView, fact_detail, fact_list
from .review import (
    TextSegment,
    article_for_review,
    article_segments,
    claim_list,
    claim_passage,
    claims_for_cards,
    claims_history,
    link_list,
)
from .search import claims_search_for_link, link_panel_items
from .suggestions import (
    PanelItem,
    SuggestionSummary,
    claim_link_panel_suggestions,
    claim_suggestion_summary,
    claim_suggestions,
    contradictions_against_verdicts,
    suggestion_list,
    suggestions_pending,
)

__all__ = [
    "FactView",
    "PanelItem",
    "SuggestionSummary",
    "TextSegment",
    "article_for_review",
    "article_segments",
    "articles_most_to_review",
    "articles_with_claim_counts",
    "candidates_to_review",
    "claim_link_panel_suggestions",
    "claim_list",
    "claim_passage",
    "claim_suggestion_summary",
    "claim_suggestions",
    "claims_for_cards",
    "claims_history",
    "claims_search_for_link",
    "contradictions_against_verdicts",
    "desk_pace",
    "entity_mentions_count",
    "extraction_counts",
    "extractor_scores",
    "fact_detail",
    "fact_list",
    "facts_reviewed",
    "facts_with_claims",
    "link_list",
    "link_panel_items",
    "rating_scale_bounds",
    "recent_decisions",
    "suggestion_list",
    "suggestions_pending",
]
