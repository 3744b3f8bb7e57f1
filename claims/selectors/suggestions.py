"""Reads of the engine's suggestions, joins applied: the Suggestions page, the API, the cards' summary line."""

from dataclasses import dataclass

from django.db.models import Case, Count, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

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


def _open_suggestions_of_card():
    """Open suggestions on either side of the card's claim (a subquery of the card's own query)."""
    either_side = Q(claim_id=OuterRef("pk")) | Q(candidate_id=OuterRef("pk"))
    return Suggestion.objects.filter(either_side).exclude(status=Suggestion.Status.DISMISSED).order_by()


def suggestion_summary_annotations() -> dict:
    """What a card's summary line says, computed in the cards' own query: no query per card, none per page.

    Other outlets: distinct outlets of the other side among open same/supports/update suggestions;
    contradictions: pending possible contradictions.
    """
    other_source = Case(
        When(claim_id=OuterRef("pk"), then=F("candidate__article__source_id")),
        default=F("claim__article__source_id"),
    )
    outlets = (
        _open_suggestions_of_card()
        .exclude(relation=Suggestion.Relation.CONTRADICTS)
        .annotate(other_source=other_source)
        .exclude(other_source=OuterRef("article__source_id"))
        .annotate(one=Value(1))
        .values("one")
        .annotate(outlets=Count("other_source", distinct=True))
        .values("outlets")
    )
    contradictions = (
        _open_suggestions_of_card()
        .filter(status=Suggestion.Status.PENDING, relation=Suggestion.Relation.CONTRADICTS)
        .annotate(one=Value(1))
        .values("one")
        .annotate(contradictions=Count("pk"))
        .values("contradictions")
    )
    return {
        "suggested_outlets": Coalesce(Subquery(outlets), 0),
        "suggested_contradictions": Coalesce(Subquery(contradictions), 0),
    }


@dataclass(frozen=True)
class SuggestionSummary:
    other_outlets: int
    contradictions: int

    def __bool__(self) -> bool:
        return bool(self.other_outlets or self.contradictions)


def claim_suggestion_summary(claim: Claim) -> SuggestionSummary:
    """The card's summary from the annotations of `suggestion_summary_annotations` (none: no line, no query)."""
    return SuggestionSummary(getattr(claim, "suggested_outlets", 0), getattr(claim, "suggested_contradictions", 0))


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
