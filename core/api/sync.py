"""Incremental sync: every resource's `deleted/` feed of tombstones, beside its list's `updated_since` filter."""

import datetime

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from .pagination import NewestFirstCursorPagination


class DeletionsCursorPagination(NewestFirstCursorPagination):
    ordering = "history_id"  # oldest deletion first: a sync replays them in order


class TombstoneSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The id the deleted row had.")
    deleted_at = serializers.DateTimeField(source="history_date")


class TombstoneQuerySerializer(serializers.Serializer):
    since = serializers.DateTimeField(help_text="Deletions at or after this time (ISO 8601), e.g. your last sync.")


class DeletionsMixin:
    """`GET <resource>/deleted/?since=…`: the ids deleted since then, from the audit trail (django-simple-history)."""

    @extend_schema(
        description="Tombstones for incremental sync: the ids of rows of this resource deleted since `since`, "
        "oldest first. Together with the list's `updated_since` filter, a tool that keeps its last sync time "
        "gets exactly what changed.",
        parameters=[TombstoneQuerySerializer],
        responses=TombstoneSerializer(many=True),
        filters=False,
        examples=[
            OpenApiExample("A deleted row", value=[{"id": 42, "deleted_at": "2026-03-17T09:30:00+01:00"}]),
        ],
    )
    @action(detail=False, filter_backends=[], pagination_class=DeletionsCursorPagination)
    def deleted(self, request):
        query = TombstoneQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        deletions = self.queryset.model.history.filter(
            # In UTC: PostgreSQL refuses the larger offsets ISO 8601 allows.
            history_type="-",
            history_date__gte=query.validated_data["since"].astimezone(datetime.UTC),
        )
        page = self.paginate_queryset(deletions.only("id", "history_id", "history_date"))
        return self.get_paginated_response(TombstoneSerializer(page, many=True).data)
