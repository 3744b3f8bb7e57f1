"""Reads for sharing the work: assignments, who else is on an article, and its wire copies."""

import json
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db.models import Q, QuerySet
from django.utils import timezone

from articles.models import Article

from ..models import ArticleAssignment, Claim, ReviewPresence, WireCopy


def presences_of_others(*, article_ids: list[int], user: AbstractBaseUser) -> list[ReviewPresence]:
    """Who else had these articles open within the presence window, most recent first."""
    since = timezone.now() - timedelta(minutes=settings.PRESENCE_MINUTES)
    return list(
        ReviewPresence.objects.filter(article_id__in=article_ids, seen_at__gte=since)
        .exclude(user=user)
        .select_related("user", "claim", "article")
        .order_by("-seen_at")
    )


def reviewers() -> QuerySet:
    """Active accounts that may review claims (through a role or their own grant): whom an article can go to."""
    can_review = Permission.objects.filter(codename="change_claim", content_type__app_label="claims")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions__in=can_review) | Q(user_permissions__in=can_review))
        .distinct()
        .order_by("username")
    )


def claim_words(claim: Claim) -> tuple[str, str, str]:
    """What must agree for two copies' claims to be the same: kind, words and reading (a relative date may not)."""
    return claim.kind, " ".join(claim.text.lower().split()), json.dumps(claim.normalized, sort_keys=True)


def wire_matching_claims(*, claims: list[Claim], others: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs of claims worded the same in two copies, neither rejected nor lost, not already one fact."""
    usable = {Claim.Status.CANDIDATE, Claim.Status.CONFIRMED}

    def matchable(claim: Claim) -> bool:
        return claim.status in usable and claim.kind != Claim.Kind.ENTITY and not claim.orphaned

    by_words: dict[tuple[str, str], Claim] = {}
    for other in filter(matchable, others):
        by_words.setdefault(claim_words(other), other)
    pairs = []
    for claim in filter(matchable, claims):
        other = by_words.get(claim_words(claim))
        if other is not None and (claim.fact_id is None or claim.fact_id != other.fact_id):
            pairs.append((claim, other))
    return pairs


@dataclass
class WireCopyView:
    other: Article
    similarity: float
    matching: int


def article_wire_copies(*, article: Article, claims: list[Claim]) -> list[WireCopyView]:
    """The article's wire copies, each with how many of its claims are worded the same there: two queries."""
    copies = list(
        WireCopy.objects.filter(Q(article=article) | Q(other=article))
        .select_related("article__source", "other__source")
        .order_by("-similarity")
    )
    if not copies:
        return []
    partners = [(copy.other if copy.article_id == article.pk else copy.article, copy.similarity) for copy in copies]
    theirs: dict[int, list[Claim]] = {other.pk: [] for other, _ in partners}
    for claim in Claim.objects.filter(article_id__in=list(theirs)).only(
        "article_id", "kind", "text", "normalized", "status", "orphaned", "fact_id"
    ):
        theirs[claim.article_id].append(claim)
    return [
        WireCopyView(other, score, len(wire_matching_claims(claims=claims, others=theirs[other.pk])))
        for other, score in partners
    ]


@dataclass
class ArticleDesk:
    """Everything the reader shows about sharing the work on one article, beside who else is on it (polled)."""

    assignment: ArticleAssignment | None
    wire_copies: list[WireCopyView]
    orphaned: list[Claim]


def article_desk(*, article: Article) -> ArticleDesk:
    """From an article read by `article_for_review` (claims and assignment joined): one query, for wire copies."""
    claims = list(article.claims.all())
    return ArticleDesk(
        assignment=getattr(article, "assignment", None),
        wire_copies=article_wire_copies(article=article, claims=claims),
        # The claims whose words a text correction took away: for a reviewer to place again or reject.
        orphaned=[claim for claim in claims if claim.orphaned],
    )
