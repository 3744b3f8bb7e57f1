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
from .related import Suggestion, claim_related_suggestions
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

__all__ = [
    "FactView",
    "Suggestion",
    "TextSegment",
    "article_for_review",
    "article_segments",
    "articles_most_to_review",
    "articles_with_claim_counts",
    "candidates_to_review",
    "claim_list",
    "claim_passage",
    "claim_related_suggestions",
    "claims_for_cards",
    "claims_history",
    "desk_pace",
    "entity_mentions_count",
    "extraction_counts",
    "extractor_scores",
    "fact_detail",
    "fact_list",
    "facts_reviewed",
    "facts_with_claims",
    "link_list",
    "rating_scale_bounds",
    "recent_decisions",
]
