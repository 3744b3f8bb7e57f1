"""Reads of articles and sources, with the joins and counts their pages need."""

from django.db.models import Count, QuerySet

from .models import Article, Source


def source_list() -> QuerySet[Source]:
    return Source.objects.annotate(article_count=Count("articles")).order_by("name")


UPLOAD_PROGRESS_MAX = 50  # more than a newsroom drops at once; bounds what one polling request reads


def article_upload_progress(*, article_ids: list[int]) -> list[Article]:
    """The articles of one upload, in upload order, with what their progress list shows."""
    articles = Article.objects.filter(pk__in=article_ids[:UPLOAD_PROGRESS_MAX]).select_related("source")
    return sorted(articles, key=lambda article: article.pk)


def extraction_in_progress(articles: list[Article]) -> bool:
    return any(
        article.extraction_status in {Article.ExtractionStatus.PENDING, Article.ExtractionStatus.RUNNING}
        for article in articles
    )
