"""The JSON Lines media type; the dump itself is written by `claims.exports.dump`."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from rest_framework.renderers import BaseRenderer


class JSONLinesRenderer(BaseRenderer):
    """Renders what is not streamed (an error) as a single line, so a client always reads JSON Lines."""

    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return (json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n").encode(self.charset)
