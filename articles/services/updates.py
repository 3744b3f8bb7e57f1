"""Changes to stored articles: an editor's corrections, and the extraction status the worker moves along."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Article, content_hash
from ..text import article_text_normalize
from .sources import source_get_or_create
from .submission import article_duplicate_error

# Changing these changes what the extractor finds (relative dates, the language's rules).
EXTRACTION_INPUTS = ("language", "published_on")


@transaction.atomic
def article_update(
    *, article: Article, user: AbstractBaseUser, new_source: str = "", change_reason: str = "", **fields
) -> tuple[Article, bool]:
    """Correct an article's details or text: the saved article, and whether its claims need extracting again.

    A new text gets the upload's normalisation and a new content hash, and must not be another article's.
    What the claims pointing into the old text become is the claims app's business (`claims.services`).
    """
    # Compared with the stored row: a ModelForm has already copied its values onto the instance it was given.
    stored = Article.objects.select_for_update().get(pk=article.pk)
    if new_source:
        fields["source"] = source_get_or_create(name=new_source)
    if "body" in fields:
        fields["body"] = article_text_normalize(fields["body"] or "")
        if not fields["body"]:
            raise ValidationError({"body": "The article has no text."})
    extraction_changed = any(getattr(stored, name) != fields[name] for name in EXTRACTION_INPUTS if name in fields)
    for name, value in fields.items():
        setattr(stored, name, value)
    stored.title = " ".join(stored.title.split())
    stored.content_hash = content_hash(stored.body)
    duplicate = Article.objects.filter(content_hash=stored.content_hash).exclude(pk=stored.pk).first()
    if duplicate is not None:
        raise ValidationError({"body": article_duplicate_error(duplicate).message})
    stored.full_clean()
    stored._history_user = user
    stored._change_reason = " ".join(change_reason.split())
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


def articles_set_extraction_status(*, articles: list[Article], status: str, extractor_version: str = "") -> None:
    """`article_set_extraction_status` for a batch, in one UPDATE; each article's transition is checked."""
    now = timezone.now()
    for article in articles:
        article.set_extraction_status(status)
        article.extraction_status_changed_at = now  # one moment for the batch, so one UPDATE can write it
        article.updated_at = now  # bulk_update skips auto_now
        if extractor_version:
            article.extractor_version = extractor_version
    fields = ["extraction_status", "extraction_error", "extraction_status_changed_at", "extractor_version"]
    values = {(article.extractor_version, article.extraction_error) for article in articles}
    # Machine bookkeeping: no history rows, like the single version.
    if len(values) == 1:
        # The same values for every article: a plain UPDATE, without bulk_update's CASE per row.
        Article.objects.filter(pk__in=[article.pk for article in articles]).update(
            **{name: getattr(articles[0], name) for name in [*fields, "updated_at"]}
        )
    elif articles:
        Article.objects.bulk_update(articles, [*fields, "updated_at"])
