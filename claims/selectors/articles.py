"""Articles as the article list and the API show them: with their claim counts."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from articles.models import Article

from ..models import Claim


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


def articles_with_claim_counts() -> QuerySet[Article]:
    return (
        Article.objects.select_related("source", "uploaded_by")
        .annotate(claim_count=claim_count(), unreviewed_count=claim_count(status=Claim.Status.CANDIDATE))
        .order_by("-uploaded_at", "-id")
    )
