from django_filters import rest_framework as filters

from articles.models import Article
from core.api.filters import UtcDateTimeFilter


class ArticleFilter(filters.FilterSet):
    published_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")
    updated_since = UtcDateTimeFilter(field_name="updated_at", lookup_expr="gte", label="Changed at or after")

    class Meta:
        model = Article
        fields = ["language", "source", "extraction_status", "published_on"]
