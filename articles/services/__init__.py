"""Writes to articles and sources. Views, the admin, the API, tasks and commands call these."""

from .sources import source_get_or_create
from .submission import ArticleDraft, ArticlesCreated, article_duplicate_error, articles_create, is_duplicate
from .updates import EXTRACTION_INPUTS, article_set_extraction_status, article_update, articles_set_extraction_status

__all__ = [
    "EXTRACTION_INPUTS",
    "ArticleDraft",
    "ArticlesCreated",
    "article_duplicate_error",
    "article_set_extraction_status",
    "article_update",
    "articles_create",
    "articles_set_extraction_status",
    "is_duplicate",
    "source_get_or_create",
]
