"""A synthetic newsroom archive made from the seed articles, built with bulk inserts (needs Django set up).

Each synthetic article is a seed text with a numbered dateline, so every content hash is new; its claims
are the seed's real extracted claims, repeated at shifted spans when the target needs more per article.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, Source, content_hash
from articles.services import ArticleDraft
from claims.extraction import EXTRACTOR_VERSION, Document, extract_documents
from claims.models import Claim, ClaimLink, Fact
from claims.services.extraction import candidate_values

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OUTLETS = ["AFP", "Le Monde", "Libération", "Le Figaro", "Ouest-France", "France Info", "Mediapart", "Reuters"]


def seed_documents() -> list[Document]:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    return [
        Document(
            (SEEDS / entry["file"]).read_text(encoding="utf-8").strip(),
            entry["language"],
            date.fromisoformat(entry["published"]) if entry["published"] else None,
        )
        for entry in manifest
    ]


def synthetic_drafts(count: int, *, first_number: int) -> list[ArticleDraft]:
    seeds = seed_documents()
    drafts = []
    for number in range(first_number, first_number + count):
        seed = seeds[number % len(seeds)]
        # The dateline goes last so the seed's claims keep their offsets.
        body = f"{seed.text}\n\nDépêche n° {number}."
        drafts.append(
            ArticleDraft(
                title=f"Dépêche {number}: {seed.text.split(chr(10), 1)[0][:120]}",
                body=body,
                source=OUTLETS[number % len(OUTLETS)],
                language=seed.language,
                published_on=seed.published,
            )
        )
    return drafts


def corpus_fill(*, articles: int, claims: int, advance: Callable[[int], None]) -> None:
    """Add done articles with claims until the database holds `articles` articles and `claims` claims."""
    missing_articles = articles - Article.objects.count()
    missing_claims = claims - Claim.objects.count()
    if missing_articles <= 0:
        return
    seeds = seed_documents()
    seed_records = list(extract_documents(seeds))
    per_article = max(1, missing_claims // missing_articles)
    sources = {name: Source.objects.get_or_create(name=name)[0] for name in OUTLETS}
    reviewer, _ = get_user_model().objects.get_or_create(username="bench-reviewer")
    first_number = 10_000_000
    chunk = 500
    for offset in range(0, missing_articles, chunk):
        drafts = synthetic_drafts(min(chunk, missing_articles - offset), first_number=first_number + offset)
        with transaction.atomic():
            rows = Article.objects.bulk_create(
                [
                    Article(
                        title=draft.title,
                        body=draft.body,
                        source=sources[draft.source],
                        language=draft.language,
                        published_on=draft.published_on,
                        content_hash=content_hash(draft.body),
                        extraction_status=Article.ExtractionStatus.DONE,
                        extractor_version=EXTRACTOR_VERSION,
                    )
                    for draft in drafts
                ]
            )
            claim_rows = []
            for number, article in enumerate(rows, start=first_number + offset):
                records = seed_records[number % len(seeds)]
                claim_rows += article_claims(article, records, per_article, reviewer)
            Claim.objects.bulk_create(claim_rows, batch_size=2000, ignore_conflicts=True)
        advance(len(rows))
    links_add(count=min(5_000, claims // 40), reviewer=reviewer)
    if connection.vendor == "postgresql":
        # What autovacuum does after such a load, done now so it does not run during the measurements; then
        # a checkpoint, so the load's dirty pages are not written out during them either. SQLite gathers no
        # statistics unless told to, and with them its planner sorts the whole claims table for
        # /api/v1/claims/ (see docs/scaling.md), so it is left as a SQLite install is.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            cursor.execute("CHECKPOINT")


def article_claims(article: Article, records: list, count: int, reviewer) -> list[Claim]:
    claims = []
    for index in range(count):
        record = records[index % len(records)]
        claim = Claim(article=article, **candidate_values(record=record, extractor_version=EXTRACTOR_VERSION))
        shift = index // len(records)  # repeats move one character on: a distinct span, as in a long article
        claim.start, claim.end = record.start + shift, record.end + shift
        if index % 7 == 0:  # about one claim in seven is reviewed
            claim.status = Claim.Status.CONFIRMED if index % 2 else Claim.Status.REJECTED
            claim.reviewed_by, claim.reviewed_at = reviewer, timezone.now()
        claims.append(claim)
    return claims


def links_add(*, count: int, reviewer) -> None:
    ids = list(Claim.objects.order_by("?").values_list("pk", "article_id")[: count * 2])
    links = [
        ClaimLink(from_claim_id=a, to_claim_id=b, relation=ClaimLink.Relation.SAME_AS, created_by=reviewer)
        for (a, article_a), (b, article_b) in zip(ids[::2], ids[1::2], strict=False)
        if article_a != article_b
    ]
    ClaimLink.objects.bulk_create(links, ignore_conflicts=True)
    # Same-as links join their claims into a fact, as `claim_link` does: the fact pages need some.
    facts = Fact.objects.bulk_create([Fact() for _ in links])
    members = [Claim(pk=pk, fact=fact) for fact, link in zip(facts, links, strict=True)
               for pk in (link.from_claim_id, link.to_claim_id)]  # fmt: skip
    Claim.objects.bulk_update(members, ["fact"], batch_size=1000)
