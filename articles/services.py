"""Writes to articles and sources. Queuing their extraction is the claims app's job (claims.services)."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.utils import bulk_create_with_history

from .ingest import IngestedDocument, detect_language
from .models import Article, Source, content_hash


def source_get_or_create(*, name: str, default_language: str = "fr") -> Source:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"source": "Give the outlet's name."})
    existing = Source.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    source = Source(name=name, default_language=default_language)
    source.full_clean()
    source.save()
    return source


def article_duplicate_error(existing: Article) -> ValidationError:
    url = reverse("claims:article_review", args=[existing.pk])
    return ValidationError(
        format_html('This text is already in the tracker as <a href="{}">{}</a>.', url, existing.title),
        code="duplicate",
    )


@transaction.atomic
def article_create(
    *,
    title: str,
    body: str,
    source: Source,
    language: str,
    published_on: date | None = None,
    url: str = "",
    uploaded_by: AbstractBaseUser | None = None,
) -> Article:
    """Store a new article. Refuses a text already stored (same content hash), naming the existing one."""
    body = body.strip()
    if not body:
        raise ValidationError({"body": "The article has no text."})
    digest = content_hash(body)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        raise article_duplicate_error(existing)
    article = Article(
        title=" ".join(title.split()),
        body=body,
        source=source,
        language=language,
        published_on=published_on,
        url=url,
        uploaded_by=uploaded_by,
        content_hash=digest,
    )
    article.full_clean()
    article.save()
    return article


# Changing these changes what the extractor finds (relative dates, the language's rules).
EXTRACTION_INPUTS = ("language", "published_on")


@transaction.atomic
def article_update(*, article: Article, user: AbstractBaseUser, new_source: str = "", **fields) -> tuple[Article, bool]:
    """Correct an article's details: the saved article, and whether its claims need extracting again."""
    # Compared with the stored row: a ModelForm has already copied its values onto the instance it was given.
    stored = Article.objects.select_for_update().get(pk=article.pk)
    if new_source:
        fields["source"] = source_get_or_create(name=new_source)
    extraction_changed = any(getattr(stored, name) != fields[name] for name in EXTRACTION_INPUTS if name in fields)
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.title = " ".join(stored.title.split())
    stored.full_clean()
    stored._history_user = user
    stored.save()
    return stored, extraction_changed


def article_set_extraction_status(*, article: Article, status: str, error: str = "", extractor_version: str = ""):
    article.set_extraction_status(status, error=error)
    # Machine bookkeeping, not an editorial change: keep it out of the audit trail.
    article.skip_history_when_saving = True
    update_fields = ["extraction_status", "extraction_error", "extraction_status_changed_at", "updated_at"]
    if extractor_version:
        article.extractor_version = extractor_version
        update_fields.append("extractor_version")
    try:
        article.save(update_fields=update_fields)
    finally:
        del article.skip_history_when_saving
    return article


@dataclass(frozen=True)
class UploadOutcome:
    created: list[Article]
    refused: list[tuple[str, ValidationError]]  # (file name, or "" for pasted text; why)


def articles_upload(
    *,
    documents: list[tuple[str, IngestedDocument]],
    source: Source | None,
    new_source: str = "",
    language: str = "",
    published_on: date | None = None,
    url: str = "",
    uploaded_by: AbstractBaseUser | None = None,
) -> UploadOutcome:
    """Store each document as its own article and queue its extraction; one refusal never loses the others.

    `language` empty means: detect each article's language from its text.
    """
    # claims.services builds on this module: import it here, not at the top, to keep the import order one-way.
    from claims.services import article_create_and_queue

    created, refused = [], []
    for name, document in documents:
        article_language = language or detect_language(document.text)
        try:
            with transaction.atomic():
                article_source = source or source_get_or_create(name=new_source, default_language=article_language)
                article = article_create_and_queue(
                    title=document.title or name or "Untitled",
                    body=document.text,
                    source=article_source,
                    language=article_language,
                    published_on=published_on,
                    url=url,
                    uploaded_by=uploaded_by,
                )
        except ValidationError as error:
            refused.append((name, error))
        else:
            created.append(article)
    return UploadOutcome(created=created, refused=refused)


@dataclass(frozen=True)
class ArticleDraft:
    """One article read from a bulk import (a file, a JSON Lines record, an API list item)."""

    title: str
    body: str
    source: str = "Unknown outlet"
    language: str = "fr"
    published_on: date | None = None
    url: str = ""


@dataclass
class BulkCreateResult:
    created: list[Article] = field(default_factory=list)
    duplicates: int = 0
    refused: list[str] = field(default_factory=list)  # one "title: reason" per draft refused


@transaction.atomic
def articles_create_bulk(
    *, drafts: list[ArticleDraft], uploaded_by: AbstractBaseUser | None = None
) -> BulkCreateResult:
    """Store many articles with a fixed number of queries, skipping texts already stored or repeated.

    Same checks as `article_create`, but duplicates are counted rather than refused: re-running an
    import of a folder adds only what is new. The query count depends on the number of distinct
    outlets, never on the size of the database.
    """
    result = BulkCreateResult()
    candidates: dict[str, Article] = {}
    sources: dict[str, Source] = {}
    for draft in drafts:
        body = draft.body.strip()
        digest = content_hash(body)
        if digest in candidates:
            result.duplicates += 1
            continue
        if not body:
            result.refused.append(f"{draft.title[:80]}: The article has no text.")
            continue
        try:
            source_key = " ".join(draft.source.split()).lower()
            if source_key not in sources:
                sources[source_key] = source_get_or_create(name=draft.source, default_language=draft.language)
            article = Article(
                title=" ".join(draft.title.split()),
                body=body,
                source=sources[source_key],
                language=draft.language,
                published_on=draft.published_on,
                url=draft.url,
                uploaded_by=uploaded_by,
                content_hash=digest,
            )
            # Uniqueness is checked below in one query for the whole batch, the empty body above, and the
            # outlet and user are rows in hand: Django would otherwise run a query per article for each.
            article.full_clean(exclude=["source", "uploaded_by"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            result.refused.append(f"{draft.title[:80]}: {'; '.join(error.messages)}")
            continue
        candidates[digest] = article
    stored = set(Article.objects.filter(content_hash__in=list(candidates)).values_list("content_hash", flat=True))
    result.duplicates += len(stored)
    fresh = [article for digest, article in candidates.items() if digest not in stored]
    result.created = bulk_create_with_history(fresh, Article, batch_size=500, default_user=uploaded_by)
    return result


def articles_set_extraction_status(*, articles: list[Article], status: str, extractor_version: str = "") -> None:
    """`article_set_extraction_status` for a batch, in one UPDATE; each article's transition is checked."""
    now = timezone.now()
    for article in articles:
        article.set_extraction_status(status)
        article.updated_at = now  # bulk_update skips auto_now
        if extractor_version:
            article.extractor_version = extractor_version
    fields = ["extraction_status", "extraction_error", "extraction_status_changed_at", "extractor_version"]
    # Machine bookkeeping: no history rows, like the single version.
    Article.objects.bulk_update(articles, [*fields, "updated_at"])
