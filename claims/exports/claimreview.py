"""schema.org ClaimReview JSON-LD for a reviewed fact (https://schema.org/ClaimReview)."""

from datetime import date

import orjson
from django.utils.html import mark_safe
from rest_framework.renderers import JSONRenderer

from claims.models import Claim, Fact


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


def _appearance_order(claim: Claim) -> tuple:
    return (claim.article.published_on or date.max, claim.article_id, claim.pk)


def _one_per_article(claims: list[Claim]) -> list[Claim]:
    """An article that words the fact twice is still one appearance of it."""
    seen: set[int] = set()
    return [claim for claim in claims if not (claim.article_id in seen or seen.add(claim.article_id))]


def _creative_work(claim: Claim) -> dict:
    article = claim.article
    work = {"@type": "NewsArticle", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published_on:
        work["datePublished"] = article.published_on.isoformat()
    work["publisher"] = {"@type": "Organization", "name": article.source.name}
    return work


def fact_claimreview(fact: Fact, *, url: str, newsroom: str, best: int | None, worst: int | None) -> dict:
    """The review of one fact: the claim as its first confirmed wording, every article that states it, the verdict.

    `fact.claims` must hold the fact's claims with their articles and sources (see `selectors.facts_with_claims`).
    """
    stated = sorted((c for c in fact.claims.all() if c.status != Claim.Status.REJECTED), key=_appearance_order)
    reviewed = next((c for c in stated if c.status == Claim.Status.CONFIRMED), stated[0])
    appearances = _one_per_article(stated)
    item = {
        "@type": "Claim",
        "@id": f"{url}#claim",
        "appearance": [_creative_work(claim) for claim in appearances],
        "firstAppearance": _creative_work(appearances[0]),
    }
    speaker = reviewed.normalized.get("speaker") if reviewed.kind == Claim.Kind.QUOTE else None
    if speaker:
        item["author"] = {"@type": "Person", "name": speaker}
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": url,
        "url": url,
        "claimReviewed": reviewed.normalized.get("quote") or reviewed.sentence or reviewed.text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": newsroom},
        "datePublished": (fact.verdict_at or fact.updated_at).date().isoformat(),
    }
    if fact.verdict:
        review["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": fact.verdict.value,
            "bestRating": best,
            "worstRating": worst,
            "alternateName": fact.verdict.name,
        }
        if fact.verdict_note:
            review["reviewBody"] = fact.verdict_note
    return review


# Characters that could end the script element or open markup, escaped as JSON allows (as json_script does).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def claimreview_script(review: dict) -> str:
    """The review as a `<script type="application/ld+json">` element for the fact's page (search engines)."""
    data = orjson.dumps(review).decode().translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308 - escaped above
