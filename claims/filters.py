"""The review queue's filters, from the query string (django-filter)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, TextField
from django.db.models.functions import Cast

from articles.models import Language, Source
from core.api.filters import TEXT_FILTER_MAX_CHARS

from .models import Claim, Fact, Rating


class AnyYesNo(forms.NullBooleanSelect):
    """A yes/no filter whose unset state reads "Any", not Django's "Unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", "Any"), ("true", "Yes"), ("false", "No")]


SORTS = {
    "-published": ("Newest publication first", ["-article__published_on", "-article_id", "start"]),
    "published": ("Oldest publication first", ["article__published_on", "article_id", "start"]),
    "confidence": ("Least confident first", ["confidence", "-article_id", "start"]),
    "-confidence": ("Most confident first", ["-confidence", "-article_id", "start"]),
}


class ClaimQueueFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Claim.Status.choices, empty_label="Any status")
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices, empty_label="Any kind")
    source = django_filters.ModelChoiceFilter(
        field_name="article__source", queryset=Source.objects.all(), empty_label="Any outlet", label="Outlet"
    )
    language = django_filters.ChoiceFilter(
        field_name="article__language", choices=Language.choices, empty_label="Any language", label="Language"
    )
    published_after = django_filters.DateFilter(field_name="article__published_on", lookup_expr="gte")
    published_before = django_filters.DateFilter(field_name="article__published_on", lookup_expr="lte")
    unit = django_filters.CharFilter(method="filter_unit", label="Unit", max_length=TEXT_FILTER_MAX_CHARS)
    entity = django_filters.CharFilter(method="filter_entity", label="Entity", max_length=TEXT_FILTER_MAX_CHARS)
    q = django_filters.CharFilter(method="filter_text", label="Search", max_length=TEXT_FILTER_MAX_CHARS)
    mine = django_filters.BooleanFilter(
        method="filter_mine", label="Only articles assigned to me", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="filter_sort",
        empty_label="Newest upload first",
        label="Sort",
    )

    class Meta:
        model = Claim
        fields = []

    def filter_unit(self, queryset, name, value):
        return queryset.filter(normalized__unit__iexact=value.strip())

    def filter_entity(self, queryset, name, value):
        # Entities are a JSON list; a text match on it works the same on SQLite and PostgreSQL.
        return queryset.annotate(entities_text=Cast("entities", TextField())).filter(
            entities_text__icontains=value.strip()
        )

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(text__icontains=value) | Q(sentence__icontains=value))

    def filter_mine(self, queryset, name, value):
        if not value or self.request is None:
            return queryset
        return queryset.filter(article__assignment__reviewer=self.request.user)

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS[value][1])


class FactListFilter(django_filters.FilterSet):
    """The facts list's filters: words of the statement, verdict (or none yet), outlet, contradicted or not."""

    q = django_filters.CharFilter(
        field_name="statement", lookup_expr="icontains", label="Statement", max_length=TEXT_FILTER_MAX_CHARS
    )
    verdict = django_filters.ModelChoiceFilter(queryset=Rating.objects.all(), empty_label="Any verdict")
    has_verdict = django_filters.BooleanFilter(
        field_name="verdict", lookup_expr="isnull", exclude=True, label="Has a verdict", widget=AnyYesNo
    )
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.all(), method="filter_source", empty_label="Any outlet", label="Reported by"
    )
    contradicted = django_filters.BooleanFilter(method="filter_contradicted", label="Contradicted", widget=AnyYesNo)

    class Meta:
        model = Fact
        fields = []

    def filter_source(self, queryset, name, value):
        return queryset.filter(Exists(Claim.objects.filter(fact=OuterRef("pk"), article__source=value)))

    def filter_contradicted(self, queryset, name, value):
        return queryset.filter(contradiction_count__gt=0) if value else queryset.filter(contradiction_count=0)
