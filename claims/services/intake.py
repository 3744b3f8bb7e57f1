"""Articles pushed by a newsroom tool through the API, one or many at a time."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article
from articles.services import source_get_or_create

from .extraction import article_create_and_queue


@transaction.atomic
def articles_create_and_queue(*, articles: list[dict], uploaded_by: AbstractBaseUser | None) -> list[Article]:
    """Store every article (all or none) and queue their extraction.

    Each item has `source` (the outlet's name) and the fields of `article_create`. When several are sent,
    an error names the article's position, so a tool knows which one to fix.
    """
    created = []
    for position, fields in enumerate(articles, start=1):
        fields = dict(fields)
        try:
            source = source_get_or_create(name=fields.pop("source"), default_language=fields["language"])
            created.append(article_create_and_queue(**fields, source=source, uploaded_by=uploaded_by))
        except ValidationError as error:
            if len(articles) == 1:
                raise
            prefix = f"Article {position}: "
            raise ValidationError(
                {field: [prefix + message for message in messages] for field, messages in error.message_dict.items()}
                if hasattr(error, "error_dict")
                else [prefix + message for message in error.messages]
            ) from error
    return created
