"""The Link panel's search: claims of other articles matching a reviewer's words and figures, same kind first.

Figures are read as numbers, whichever way they are written: "12000", "12 000", "12,000", "12.000", "12k",
"2,4 millions" and "douze mille" all find a claim whose value bounds hold 12 000 (or 2.4 million). The words
left over go to the full-text index (accents folded), and all of them must match.
"""

import re
from dataclasses import dataclass

from django.db.models import QuerySet

from ..extraction.numbers import digits_value, words_value
from ..models import Claim, ClaimLinkKey
from .linking import claim_rank_against, fts_terms, full_text_claim_ids
from .suggestions import PanelItem

# How many matches a search brings back at most; a reviewer pages through them 15 at a time.
SEARCH_LIMIT = 300
# A figure in digits, with thousands grouped by a space, a comma or a point, and an optional scale word.
FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*"
    r"(k|m|bn|md|mds|mille|thousand|million|millions|milliard|milliards|billion|billions)?(?![\w])",
    re.IGNORECASE,
)
SCALES = {
    "k": 1e3, "mille": 1e3, "thousand": 1e3,
    "m": 1e6, "million": 1e6, "millions": 1e6,
    "bn": 1e9, "md": 1e9, "mds": 1e9, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
}  # fmt: skip
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class SearchQuery:
    words: list[str]
    figures: list[float]
    figures_as_typed: list[str]


def figure_value(digits: str) -> float:
    """A figure whatever its grouping: a 3-digit group after a separator groups thousands, else it is decimals."""
    compact = re.sub(r"[ \u00a0\u202f]", "", digits)
    if re.fullmatch(r"\d{1,3}([.,])\d{3}(\1\d{3})*", compact):
        return float(re.sub(r"[.,]", "", compact))
    return digits_value(compact, "en" if "." in compact and "," in compact else "fr")


def search_query_parse(query: str) -> SearchQuery:
    """Split a search into figures (read as values) and words."""
    figures, typed = [], []
    for match in FIGURE.finditer(query):
        figures.append(figure_value(match[1]) * SCALES.get((match[2] or "").lower(), 1))
        typed.append(match[0])
    tokens = WORD.findall(FIGURE.sub(" ", query).lower())
    words, index = [], 0
    while index < len(tokens):
        # The longest run of number words text2num reads ("douze mille", "twelve thousand"), else a word.
        end, value = index, None
        for stop in range(index + 1, min(index + 6, len(tokens)) + 1):
            phrase = " ".join(tokens[index:stop])
            found = words_value(phrase, "fr") or words_value(phrase, "en")
            if found is not None:
                end, value = stop, found
        if value is not None and value > 1:
            figures.append(value)
            typed.append(" ".join(tokens[index:end]))
            index = end
        else:
            words.append(tokens[index])
            index += 1
    return SearchQuery(words=fts_terms(words), figures=figures, figures_as_typed=typed)


def claims_holding_value(value: float, *, exclude_article_id: int, limit: int = SEARCH_LIMIT) -> list[int]:
    """Claims whose value bounds hold this figure; the lower bound is searched in a band so the index serves it."""
    keys = ClaimLinkKey.objects.filter(low__gte=value / 2, low__lte=value, high__gte=value).exclude(
        article_id=exclude_article_id
    )
    return list(keys.values_list("claim_id", flat=True)[:limit])


def claims_search_for_link(*, claim: Claim, query: str) -> QuerySet[Claim] | list[Claim]:
    """Claims of other articles matching the search, of the claim's own kind first, best text match next."""
    parsed = search_query_parse(query)
    matched: list[int] | None = None
    for value, as_typed in zip(parsed.figures, parsed.figures_as_typed, strict=True):
        # A claim whose reading holds the value, or whose sentence has the figure as typed ("27 pays" read
        # as a date, a figure the extractor did not take as the claim's own).
        found = claims_holding_value(value, exclude_article_id=claim.article_id)
        found += full_text_claim_ids(
            terms=[as_typed], exclude_article_id=claim.article_id, limit=SEARCH_LIMIT, match_all=True
        )
        found = list(dict.fromkeys(found))
        matched = found if matched is None else [claim_id for claim_id in matched if claim_id in set(found)]
    if parsed.words:
        found = full_text_claim_ids(
            terms=parsed.words, exclude_article_id=claim.article_id, limit=SEARCH_LIMIT, match_all=True
        )
        matched = found if matched is None else [claim_id for claim_id in found if claim_id in set(matched)]
    if not matched:
        return []
    order = {claim_id: position for position, claim_id in enumerate(matched)}
    claims = list(
        Claim.objects.select_related("article__source").filter(pk__in=matched).exclude(status=Claim.Status.REJECTED)
    )
    claims.sort(key=lambda other: (other.kind != claim.kind, order[other.pk]))
    return claims


def link_panel_items(*, claim: Claim, others: list[Claim]) -> list[PanelItem]:
    """The engine's verdict on each of these claims against this one (search results are ranked on the spot)."""
    ranked = {proposal.candidate_id: proposal for proposal in claim_rank_against(claim=claim, others=others)}
    items = []
    for other in others:
        proposal = ranked.get(other.pk)
        if proposal is None:
            items.append(PanelItem(other))
        else:
            items.append(PanelItem(other, str(proposal.relation), tuple(proposal.reasons), proposal.score))
    return items
