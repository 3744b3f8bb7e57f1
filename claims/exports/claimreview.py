"""schema.org ClaimReview JSON-LD for a reviewed fact (https://schema.org/ClaimReview)."""

from datetime import date

from rest_framework.renderers import JSONRenderer

from claims.models import Claim, Fact


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


def _appearance_order(claim: Claim) -> tuple:
    return (claim.article.published_on or date.max, claim.article_id, claim.pk)


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
    appearances = sorted((c for c in fact.claims.all() if c.status != Claim.Status.REJECTED), key=_appearance_order)
    reviewed = next((c for c in appearances if c.status == Claim.Status.CONFIRMED), appearances[0])
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
