"""Query filters of the claim, link and fact lists and of the JSON Lines export."""

import json

from django.db.models import Q
from django_filters import rest_framework as filters

from articles.models import Language, Source
from claims.models import Claim, ClaimLink, Fact
from core.api.filters import TEXT_FILTER_MAX_CHARS, UtcDateTimeFilter


class ClaimFilter(filters.FilterSet):
    source = filters.ModelChoiceFilter(field_name="article__source", queryset=Source.objects.all(), label="Outlet id")
    language = filters.ChoiceFilter(field_name="article__language", choices=Language.choices)
    unit = filters.CharFilter(
        field_name="normalized__unit",
        lookup_expr="iexact",
        label="Unit of a quantity",
        max_length=TEXT_FILTER_MAX_CHARS,
    )
    entity = filters.CharFilter(
        method="filter_entity",
        label="Entity named by the claim (exact name, any case)",
        max_length=TEXT_FILTER_MAX_CHARS,
    )
    published_after = filters.DateFilter(field_name="article__published_on", lookup_expr="gte")
    published_before = filters.DateFilter(field_name="article__published_on", lookup_expr="lte")
    updated_since = UtcDateTimeFilter(
        method="filter_updated_since",
        label="Changed at or after this time, its article included (deletions: /claims/deleted/)",
    )

    class Meta:
        model = Claim
        fields = ["status", "kind", "article", "origin", "fact"]

    def filter_entity(self, queryset, name, value):
        # `entities` is a JSON list of {"text": …}; its text form escapes accents on SQLite, not on PostgreSQL.
        mentions = Q()
        for ascii_only in (True, False):
            mentions |= Q(entities__icontains=f'"text": {json.dumps(value, ensure_ascii=ascii_only)}')
        return queryset.filter(mentions | Q(kind=Claim.Kind.ENTITY, text__iexact=value))

    def filter_updated_since(self, queryset, name, value):
        return queryset.filter(Q(updated_at__gte=value) | Q(article__updated_at__gte=value))


class ClaimLinkFilter(filters.FilterSet):
    updated_since = UtcDateTimeFilter(field_name="created_at", lookup_expr="gte", label="Made at or after")

    class Meta:
        model = ClaimLink
        fields = ["relation", "from_claim", "to_claim"]


class FactFilter(filters.FilterSet):
    has_verdict = filters.BooleanFilter(field_name="verdict", lookup_expr="isnull", exclude=True)
    verdict = filters.NumberFilter(field_name="verdict__value", label="Verdict value on the newsroom's scale")
    updated_since = UtcDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Fact
        fields = []
