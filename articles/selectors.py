"""Reads of articles and sources, with the joins and counts their pages need."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from claims.models import Claim

from .models import Article, Source


def claim_count(**filters) -> Coalesce:
    """Factual claims (not entity mentions) of the row's article, counted per row shown.

    A subquery rather than a JOIN with GROUP BY: the database then counts only the page's articles
    through the claims' article index, instead of grouping every claim before it can sort and cut.
    """
    claims = (
        Claim.objects.filter(article=OuterRef("pk"), **filters)
        .exclude(kind=Claim.Kind.ENTITY)
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(claims, output_field=IntegerField()), 0)


def article_list() -> QuerySet[Article]:
    return (
        Article.objects.select_related("source", "uploaded_by")
        .annotate(claim_count=claim_count(), unreviewed_count=claim_count(status=Claim.Status.CANDIDATE))
        .order_by("-uploaded_at", "-id")
    )


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
