"""Cross-source claim linking: language-independent keys and a plain ranking. No Django, no ORM.

`claim_key` turns a claim (its reading, text, sentence, entities, language, publication time and the article's
text before it) into a `ClaimKey`; `search_terms` and `value_bounds` say what to ask the archive for; `rank` orders the
candidates the archive returns and types each pair as same, contradiction, support or update, with the
reasons in words.
"""

from .keys import ClaimKey, claim_key, search_terms, value_bounds
from .ranking import Relation, Suggestion, rank

__all__ = ["ClaimKey", "Relation", "Suggestion", "claim_key", "rank", "search_terms", "value_bounds"]
