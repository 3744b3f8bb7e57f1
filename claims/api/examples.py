"""Example payloads shown in the API documentation (Swagger UI and Redoc)."""

from drf_spectacular.utils import OpenApiExample

CLAIM = {
    "id": 812,
    "version": 3,
    "article": 57,
    "article_title": "Sommet de l'OTAN : plus de 30 pays réunis à Vilnius",
    "source": "Le Quotidien",
    "source_id": 4,
    "language": "fr",
    "published_on": "2026-03-17",
    "article_url": "https://example.org/otan-vilnius",
    "kind": "quantity",
    "text": "plus de 30 pays",
    "start": 118,
    "end": 133,
    "sentence": "Plus de 30 pays ont envoyé des délégations.",
    "normalized": {"value": 30.0, "value_max": None, "qualifier": "more_than", "unit": "pays"},
    "negated": False,
    "hypothetical": False,
    "reported": False,
    "entities": [{"text": "OTAN", "label": "ORG", "start": 10, "end": 14}],
    "status": "confirmed",
    "origin": "machine",
    "edited": False,
    "fact": 9,
    "reviewed_by": "remi",
    "reviewed_at": "2026-03-17T10:02:11+01:00",
    "extractor_version": "1.2.0",
    "rule": "quantity.comparative",
    "confidence": 0.9,
    "created_at": "2026-03-17T09:58:40+01:00",
    "updated_at": "2026-03-17T10:02:11+01:00",
}
CLAIM_EXAMPLE = OpenApiExample("A confirmed quantity", value=CLAIM, response_only=True)
CONFIRM_EXAMPLE = OpenApiExample("Confirm", value={"status": "confirmed", "version": 3}, request_only=True)
CORRECT_EXAMPLE = OpenApiExample(
    "Correct the reading", value={"reading": {"value": 32, "unit": "pays"}, "version": 3}, request_only=True
)
CONFLICT_EXAMPLE = OpenApiExample(
    "Someone else decided first",
    value={
        "detail": "Claim 812 changed since you opened it: remi changed status at 10:02:11.",
        "changes": ["remi changed status at 10:02:11"],
        "version": 4,
    },
    response_only=True,
    status_codes=["409"],
)
LINK_EXAMPLE = OpenApiExample(
    "A contradiction",
    value={
        "id": 31,
        "from_claim": 812,
        "to_claim": 977,
        "relation": "contradicts",
        "note": "The ministry counts 28 countries.",
        "created_by": "remi",
        "created_at": "2026-03-17T10:05:00+01:00",
    },
    response_only=True,
)
FACT_EXAMPLE = OpenApiExample(
    "A fact stated by two outlets, with a verdict",
    value={
        "id": 9,
        "statement": "More than 30 countries will join the coalition.",
        "verdict": {"value": 4, "name": "Mostly true", "description": ""},
        "verdict_note": "The summit's list names 31 countries.",
        "verdict_by": "remi",
        "verdict_at": "2026-03-17T11:00:00+01:00",
        "claims": [
            {
                "id": 812,
                "article": 57,
                "source": "Le Quotidien",
                "published_on": "2026-03-17",
                "article_url": "https://example.org/otan-vilnius",
                "kind": "quantity",
                "text": "plus de 30 pays",
                "normalized": {"value": 30.0, "qualifier": "more_than", "unit": "pays"},
                "status": "confirmed",
            }
        ],
        "contradictions": [{"link": 31, "from_claim": 812, "to_claim": 977, "note": "The ministry counts 28."}],
        "created_at": "2026-03-17T10:04:00+01:00",
        "updated_at": "2026-03-17T11:00:00+01:00",
    },
    response_only=True,
)
CLAIM_REVIEW_EXAMPLE = OpenApiExample(
    "ClaimReview JSON-LD",
    value={
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": "https://tracker.example.org/api/v1/claim-reviews/9/",
        "url": "https://tracker.example.org/api/v1/claim-reviews/9/",
        "claimReviewed": "Plus de 30 pays ont envoyé des délégations.",
        "itemReviewed": {
            "@type": "Claim",
            "@id": "https://tracker.example.org/api/v1/claim-reviews/9/#claim",
            "appearance": [
                {
                    "@type": "NewsArticle",
                    "headline": "Sommet de l'OTAN",
                    "url": "https://example.org/otan-vilnius",
                    "datePublished": "2026-03-17",
                    "publisher": {"@type": "Organization", "name": "Le Quotidien"},
                }
            ],
            "firstAppearance": {
                "@type": "NewsArticle",
                "headline": "Sommet de l'OTAN",
                "url": "https://example.org/otan-vilnius",
                "datePublished": "2026-03-17",
                "publisher": {"@type": "Organization", "name": "Le Quotidien"},
            },
        },
        "author": {"@type": "Organization", "name": "Fact tracker"},
        "datePublished": "2026-03-17",
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 4,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Mostly true",
        },
    },
    response_only=True,
)
JSONL_EXAMPLE = OpenApiExample(
    "Two lines of the dump (one claim per line)",
    value='{"id": 812, "status": "confirmed", "kind": "quantity", "…": "…"}\n{"id": 813, "…": "…"}\n',
    response_only=True,
    media_type="application/x-ndjson",
)
