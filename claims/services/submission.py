"""Submit articles: store them (articles' one way in) and queue their claim extraction after commit.

The use case spans both apps, so it lives here, in the upper one, in plain sight: `articles` stores
documents and knows nothing of claims.
"""

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article
from articles.services import ArticleDraft, ArticlesCreated, articles_create

from .batches import articles_queue_extraction


@transaction.atomic
def articles_submit(
    *, drafts: Sequence[ArticleDraft], uploaded_by: AbstractBaseUser | None = None, all_or_none: bool = False
) -> ArticlesCreated:
    """Store the drafts (see `articles.services.articles_create`) and queue the new articles' extraction.

    With `all_or_none`, one refused draft refuses them all, with an error naming its position when
    there are several, so a tool knows which one to fix.
    """
    result = articles_create(drafts=drafts, uploaded_by=uploaded_by)
    if all_or_none and result.refused:
        raise refusals_error(result.refused, numbered=len(drafts) > 1)
    if result.created:
        articles_queue_extraction(articles=result.created)
    return result


def article_submit(*, draft: ArticleDraft, uploaded_by: AbstractBaseUser | None = None) -> Article:
    """One article: stored and queued, or a ValidationError saying why not."""
    return articles_submit(drafts=[draft], uploaded_by=uploaded_by, all_or_none=True).created[0]


def refusals_error(refused: list[tuple[int, ValidationError]], *, numbered: bool) -> ValidationError:
    if not numbered:
        return refused[0][1]
    messages: dict[str, list[str]] = {}
    for position, error in refused:
        prefix = f"Article {position + 1}: "
        by_field = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        for name, field_messages in by_field.items():
            messages.setdefault(name, []).extend(prefix + message for message in field_messages)
    return ValidationError(messages)
