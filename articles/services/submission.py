"""The one way an article is stored, whether it came from the upload page, the API, an import or the seeds.

Queuing its extraction is the claims app's half of that use case (`claims.services.articles_submit`).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from simple_history.utils import bulk_create_with_history

from ..models import Article, Source, content_hash
from ..text import article_text_normalize
from .sources import source_get_or_create


@dataclass(frozen=True)
class ArticleDraft:
    """One article as it arrives: a form's text or file, an API item, an imported file or record, a seed."""

    title: str
    body: str
    source: str = "Unknown outlet"  # the outlet's name; made when the tracker does not know it yet
    language: str = "fr"
    published_on: date | None = None
    url: str = ""


@dataclass
class ArticlesCreated:
    """What became of each draft, by its position in the list given."""

    created: list[Article] = field(default_factory=list)
    refused: list[tuple[int, ValidationError]] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return sum(1 for _, error in self.refused if is_duplicate(error))


def is_duplicate(error: ValidationError) -> bool:
    return getattr(error, "code", None) == "duplicate"


def article_duplicate_error(existing: Article) -> ValidationError:
    url = reverse("claims:article_reader", args=[existing.pk])
    return ValidationError(
        format_html('This text is already in the tracker as <a href="{}">{}</a>.', url, existing.title),
        code="duplicate",
    )


def article_from_draft(draft: ArticleDraft, *, source: Source, uploaded_by: AbstractBaseUser | None) -> Article:
    body = article_text_normalize(draft.body)
    if not body:
        raise ValidationError({"body": "The article has no text."})
    article = Article(
        title=" ".join(draft.title.split()),
        body=body,
        source=source,
        language=draft.language,
        published_on=draft.published_on,
        url=draft.url,
        uploaded_by=uploaded_by,
        content_hash=content_hash(body),
    )
    # Uniqueness is checked for the whole list in one query, and the outlet and user are rows in hand:
    # Django would otherwise run a query per article for each.
    article.full_clean(exclude=["source", "uploaded_by"], validate_unique=False, validate_constraints=False)
    return article


@transaction.atomic
def articles_create(*, drafts: Sequence[ArticleDraft], uploaded_by: AbstractBaseUser | None = None) -> ArticlesCreated:
    """Store each valid draft as an article; refuse, by position, empty or invalid ones and texts already stored.

    Every draft gets the same text normalisation (`article_text_normalize`), checks and duplicate test
    (the content hash, against the database and the drafts before it). One refusal never stops the others.
    The query count depends on the number of distinct outlets, never on the size of the database.
    """
    result = ArticlesCreated()
    sources: dict[str, Source] = {}
    candidates: dict[str, tuple[int, Article]] = {}
    for position, draft in enumerate(drafts):
        try:
            outlet = " ".join(draft.source.split()).lower()
            if outlet not in sources:
                sources[outlet] = source_get_or_create(name=draft.source, default_language=draft.language)
            article = article_from_draft(draft, source=sources[outlet], uploaded_by=uploaded_by)
        except ValidationError as error:
            result.refused.append((position, error))
            continue
        if article.content_hash in candidates:
            earlier = candidates[article.content_hash][1].title
            result.refused.append(
                (position, ValidationError(f"Same text as “{earlier}”, sent just before.", code="duplicate"))
            )
            continue
        candidates[article.content_hash] = (position, article)
    stored = Article.objects.filter(content_hash__in=list(candidates)).only("pk", "title", "content_hash")
    for existing in stored:
        position, _ = candidates.pop(existing.content_hash)
        result.refused.append((position, article_duplicate_error(existing)))
    fresh = [article for _, article in sorted(candidates.values(), key=lambda item: item[0])]
    result.created = bulk_create_with_history(fresh, Article, batch_size=500, default_user=uploaded_by)
    result.refused.sort(key=lambda item: item[0])
    return result
