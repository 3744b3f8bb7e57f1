"""Turn a hand-written annotation draft into gold JSON with offsets computed from the text.

Usage: python tests/devset/extraction/anchor_gold.py DRAFT  (writes <stem>.json next to <stem>.txt)

The draft is written before the extractor is run on the text. One item a line, in text order:

    q TEXT | value | value_max | qualifier | unit | unit_key [; per=100000 inhabitant; value_old=62]
    d TEXT | date | precision
    t TEXT | speaker | speaker_mention [; fragment]

`-` is null. TEXT is found in the article at or after the previous item's start, so a repeated
phrase is anchored to the occurrence the draft means; `body[start:end] == text` is checked.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _null(raw: str):
    raw = raw.strip()
    return None if raw in {"-", ""} else raw


def _number(raw: str):
    raw = _null(raw)
    if raw is None:
        return None
    value = float(raw)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def parse_item(line: str) -> dict:
    kind_code, rest = line.split(" ", 1)
    main, _, extras = rest.partition(" ; ")
    parts = [part.strip() for part in main.split(" | ")]
    text = parts[0]
    if kind_code == "q":
        value, value_max, qualifier, unit, unit_key = parts[1:6]
        item = {
            "kind": "quantity",
            "text": text,
            "value": _number(value),
            "value_max": _number(value_max),
            "qualifier": qualifier,
            "unit": _null(unit),
            "unit_key": _null(unit_key),
        }
    elif kind_code == "d":
        item = {"kind": "date", "text": text, "date": _null(parts[1]), "precision": parts[2]}
    elif kind_code == "t":
        item = {
            "kind": "quote",
            "text": text,
            "speaker": _null(parts[1]),
            "speaker_mention": _null(parts[2]) if len(parts) > 2 else None,
            "quote": text,
        }
    else:
        raise ValueError(f"unknown kind {kind_code!r} in {line!r}")
    for extra in filter(None, (part.strip() for part in extras.split(" ; "))):
        key, _, raw = extra.partition("=")
        if key == "fragment":
            item["fragment"] = True
        elif key == "value_old":
            item["value_old"] = _number(raw)
        elif key == "per":
            item["per"] = raw.strip()
        else:
            raise ValueError(f"unknown extra {key!r} in {line!r}")
    return item


def anchor(body: str, items: list[dict]) -> list[dict]:
    cursor = 0
    used: set[tuple[str, int, int]] = set()
    for item in items:
        start = body.find(item["text"], cursor)
        while start != -1 and (item["kind"], start, start + len(item["text"])) in used:
            start = body.find(item["text"], start + 1)
        if start == -1:
            raise ValueError(f"{item['text']!r} not found after offset {cursor}")
        end = start + len(item["text"])
        assert body[start:end] == item["text"]
        used.add((item["kind"], start, end))
        item["start"], item["end"] = start, end
        cursor = start
    return items


def main(draft_path: str) -> None:
    lines = Path(draft_path).read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])  # {"file": ..., "language": ..., "published": ...}
    body = (HERE / header["file"]).read_text(encoding="utf-8")
    items = [parse_item(line) for line in lines[1:] if line.strip() and not line.startswith("#")]
    ordered = []
    for item in anchor(body, items):
        ordered.append({key: item[key] for key in ("kind", "text", "start", "end")} | item)
    gold = {**header, "items": ordered}
    out = HERE / (Path(header["file"]).stem + ".json")
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{out.name}: {len(ordered)} items")


if __name__ == "__main__":
    main(sys.argv[1])
