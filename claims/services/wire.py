"""Wire copies: articles that reproduce the same agency copy, and their matching claims linked in one action.

Each article's signature (`claims.fingerprints`) and its locality-sensitive-hashing bands are stored beside
it, so a new article is compared only with those sharing a band, found by an indexed query. The bands live
in the database rather than in datasketch's in-memory index because the database is the truth that every
web process and worker shares.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from articles.models import Article

from ..fingerprints import band_keys, similarity, text_signature
from ..models import ArticleFingerprint, Claim, ClaimLink, FingerprintBand, WireCopy
from ..selectors.desk import wire_matching_claims
from .follow_up import queue_on_commit
from .links import claim_link

WIRE_NOTE = "Same wire copy"


@transaction.atomic
def article_find_wire_copies(*, article: Article) -> list[WireCopy]:
    """Fingerprint the article's text and record every other article carrying the same copy. Idempotent."""
    threshold = settings.WIRE_COPY_MIN_SIMILARITY
    signature = text_signature(article.body)
    fingerprint, _ = ArticleFingerprint.objects.update_or_create(
        article=article, defaults={"content_hash": article.content_hash, "signature": signature}
    )
    keys = band_keys(signature, threshold)
    fingerprint.bands.all().delete()
    FingerprintBand.objects.bulk_create(FingerprintBand(fingerprint=fingerprint, band=b, key=k) for b, k in keys)
    shared_band = Q()
    for band, key in keys:
        shared_band |= Q(bands__band=band, bands__key=key)
    candidates = ArticleFingerprint.objects.filter(shared_band).exclude(pk=fingerprint.pk).distinct()
    found = {}
    for other in candidates.only("article_id", "signature"):
        score = similarity(signature, other.signature)
        if score >= threshold:
            found[other.article_id] = score
    WireCopy.objects.filter(Q(article=article) | Q(other=article)).exclude(
        Q(article_id__in=found) | Q(other_id__in=found)
    ).delete()
    copies = []
    for other_id, score in found.items():
        low, high = sorted([article.pk, other_id])
        copy, _ = WireCopy.objects.update_or_create(article_id=low, other_id=high, defaults={"similarity": score})
        copies.append(copy)
    return copies


def articles_find_wire_copies(*, article_ids: list[int]) -> None:
    for article in Article.objects.filter(pk__in=article_ids).order_by("pk"):
        article_find_wire_copies(article=article)


def articles_queue_wire_copies(*, article_ids: list[int]) -> None:
    """After an extraction: fingerprinting (tens of ms a text) runs on the light queue, not in the extraction."""
    from ..tasks import articles_find_wire_copies as task  # the task module imports this one

    queue_on_commit(task, article_ids, what="wire-copy fingerprints")


@transaction.atomic
def wire_copy_link_claims(*, article: Article, other: Article, user: AbstractBaseUser) -> int:
    """Link as the same claim every pair worded the same in two wire copies; how many were linked."""
    low, high = sorted([article.pk, other.pk])
    if not WireCopy.objects.filter(article_id=low, other_id=high).exists():
        raise ValidationError("These two articles are not copies of the same wire story.")
    claims = list(Claim.objects.filter(article=article))
    others = list(Claim.objects.filter(article=other))
    linked = 0
    for claim, match in wire_matching_claims(claims=claims, others=others):
        if ClaimLink.objects.filter(
            Q(from_claim=claim, to_claim=match) | Q(from_claim=match, to_claim=claim),
            relation=ClaimLink.Relation.SAME_AS,
        ).exists():
            continue
        claim_link(from_claim=claim, to_claim=match, relation=ClaimLink.Relation.SAME_AS, note=WIRE_NOTE, user=user)
        linked += 1
    return linked
