"""Reads of the engine's suggestions, joins applied: the Suggestions page, the API, the cards' summary line."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from ..models import Claim, Suggestion

CLAIM_JOINS = ("claim__article__source", "candidate__article__source")


def suggestion_list() -> QuerySet[Suggestion]:
    return Suggestion.objects.select_related(*CLAIM_JOINS)


def suggestions_pending() -> QuerySet[Suggestion]:
    """What reviewers still have to decide on, best first."""
    return suggestion_list().filter(status=Suggestion.Status.PENDING).order_by("-score", "-id")


def claim_suggestions(*, claim_id: int) -> QuerySet[Suggestion]:
    """A claim's pending suggestions whichever side they were computed from, best first."""
    return suggestions_pending().filter(Q(claim_id=claim_id) | Q(candidate_id=claim_id))


def contradictions_against_verdicts(*, limit: int = 10) -> QuerySet[Suggestion]:
    """Possible contradictions of a fact that already has a verdict: the ones a newsroom must look at first."""
    with_verdict = Q(claim__fact__verdict__isnull=False) | Q(candidate__fact__verdict__isnull=False)
    return (
        suggestion_list()
        .select_related("claim__fact__verdict", "candidate__fact__verdict")
        .filter(with_verdict, status=Suggestion.Status.PENDING, relation=Suggestion.Relation.CONTRADICTS)
        .order_by("-created_at", "-id")[:limit]
    )


def suggestion_prefetches() -> list[Prefetch]:
    """What a claim card's summary line reads, for a whole page of cards in two queries."""
    open_suggestions = Suggestion.objects.exclude(status=Suggestion.Status.DISMISSED).only(
        "id", "claim_id", "candidate_id", "relation", "status"
    )
    return [
        Prefetch(
            "suggestions",
            queryset=open_suggestions.select_related("candidate__article").only(
                "id", "claim_id", "candidate_id", "relation", "status", "candidate__article__source_id"
            ),
            to_attr="suggestions_open",
        ),
        Prefetch(
            "suggested_in",
            queryset=open_suggestions.select_related("claim__article").only(
                "id", "claim_id", "candidate_id", "relation", "status", "claim__article__source_id"
            ),
            to_attr="suggested_in_open",
        ),
    ]


@dataclass(frozen=True)
class SuggestionSummary:
    other_outlets: int
    contradictions: int

    def __bool__(self) -> bool:
        return bool(self.other_outlets or self.contradictions)


def claim_suggestion_summary(claim: Claim) -> SuggestionSummary:
    """How many other outlets report the claim and how many possibly contradict it, from the prefetched rows."""
    outgoing = getattr(claim, "suggestions_open", None)
    incoming = getattr(claim, "suggested_in_open", None)
    if outgoing is None or incoming is None:
        return SuggestionSummary(0, 0)  # a card rendered without the prefetch shows no line rather than querying
    outlets, contradictions = set(), 0
    pairs = [(s, s.candidate) for s in outgoing] + [(s, s.claim) for s in incoming]
    for suggestion, other in pairs:
        if suggestion.relation == Suggestion.Relation.CONTRADICTS:
            contradictions += suggestion.status == Suggestion.Status.PENDING
        else:
            outlets.add(other.article.source_id)
    outlets.discard(claim.article.source_id)
    return SuggestionSummary(len(outlets), contradictions)


@dataclass(frozen=True)
class PanelItem:
    """One claim in the Link panel, with what the engine says of it next to the claim the panel is for."""

    claim: Claim
    relation: str = ""
    reasons: tuple[str, ...] = ()
    score: float | None = None

    @property
    def contradiction(self) -> bool:
        return self.relation == "contradicts"


def claim_link_panel_suggestions(*, claim: Claim) -> list[PanelItem]:
    """The claim's pending suggestions as Link panel items, the other claim of each pair shown."""
    return [
        PanelItem(s.other(claim.pk), s.relation, tuple(s.reasons), s.score)
        for s in claim_suggestions(claim_id=claim.pk)[:15]
    ]
