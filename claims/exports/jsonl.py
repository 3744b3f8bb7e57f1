"""JSON Lines: one claim per line, streamed so a full dump needs no more memory than one chunk of rows."""

import json
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from rest_framework.renderers import BaseRenderer

CHUNK_SIZE = 1000


class JSONLinesRenderer(BaseRenderer):
    """Renders what is not streamed (an error) as a single line, so a client always reads JSON Lines."""

    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return (json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n").encode(self.charset)


def json_lines(queryset: QuerySet, to_representation) -> Iterator[bytes]:
    # iterator() reads in chunks (a server-side cursor on PostgreSQL) instead of loading every row.
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield (json.dumps(to_representation(row), cls=DjangoJSONEncoder, ensure_ascii=False) + "\n").encode()
