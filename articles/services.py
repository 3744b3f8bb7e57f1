"""Writes to articles and sources. Queuing their extraction is the claims app's job (claims.services)."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html

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
