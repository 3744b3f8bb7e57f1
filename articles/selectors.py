"""Reads of articles and sources, with the joins and counts their pages need."""

from django.db.models import Count, Q, QuerySet

from .models import Article, Source


def article_list() -> QuerySet[Article]:
    return (
        Article.objects.select_related("source", "uploaded_by")
        .annotate(
            claim_count=Count("claims", filter=~Q(claims__kind="entity")),
            unreviewed_count=Count("claims", filter=Q(claims__status="candidate") & ~Q(claims__kind="entity")),
        )
        .order_by("-uploaded_at", "-id")
    )


def source_list() -> QuerySet[Source]:
    return Source.objects.annotate(article_count=Count("articles")).order_by("name")
