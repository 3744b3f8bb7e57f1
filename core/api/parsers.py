"""JSON bodies with a bounded nesting depth: Python's decoder recurses, so `[` a thousand times deep
would end in a RecursionError (a server error) instead of a clear 400."""

import io
import re

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# A JSON string (with its escapes): brackets inside strings are text, not nesting.
JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(body: bytes) -> int:
    depth = deepest = 0
    for match in BRACKET.finditer(JSON_STRING.sub(b"", body)):
        depth += 1 if match.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


class DepthLimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read() if stream is not None else b""
        limit = settings.API_JSON_MAX_DEPTH
        if json_depth(body) > limit:
            raise ParseError(f"JSON nested deeper than {limit} levels is not accepted.")
        return super().parse(io.BytesIO(body), media_type, parser_context)
