"""Build the linking development set from its annotated sources.

Each `annotated/<event-slug>.md` holds the articles of one event, written with inline marks around the
gold mentions, and the relations between them. This script strips the marks, writes each article body to
`<event-slug>/<NN>_<outlet-slug>.txt` and computes every mention's `start`/`end` from the stripped text,
so `body[start:end] == text` by construction, then writes `gold.json`. Run it after editing a source:

    .venv/bin/python tests/devset/linking/build_gold.py

The format of the sources is described in README.md.
"""

import itertools
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANNOTATED = HERE / "annotated"
GOLD = HERE / "gold.json"

KINDS = {"q": "quantity", "d": "date", "s": "quote"}
DISTRACTOR_TYPES = ("other place", "other date", "other scope", "other source type")
# Typographic spaces that French outlets put inside numbers ("12 000"): written as tokens in the sources
# so they stay visible when editing.
SPACE_TOKENS = {"{nbsp}": "\u00a0", "{nnbsp}": "\u202f"}
MARK = re.compile(r"\{([qds]):([a-z0-9-]+)\|([^{}]+)\}")
# A sentence ends at . ! ? or … (possibly followed by a closing quote) before whitespace, except after
# a title, an initial or an initialism ("M. Nuñez", "Mr. Sánchez", "U.S. officials").
SENTENCE_END = re.compile(r"[.!?…][»”\"']?(?=\s)")
ABBREVIATIONS = ("M.", "Mme.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "No.")
MIN_WORDS, MAX_WORDS = 150, 400


class SourceError(ValueError):
    pass


def sentence_bounds(body: str) -> list[tuple[int, int]]:
    bounds = []
    for paragraph in re.finditer(r"[^\n]+", body):
        start = paragraph.start()
        for end_match in SENTENCE_END.finditer(paragraph.group()):
            end = paragraph.start() + end_match.end()
            before = body[start:end]
            if before.endswith(ABBREVIATIONS) or re.search(r"(?:^|[\s.])[A-Z]\.$", before):
                continue
            bounds.append((start, end))
            start = end
            while start < paragraph.end() and body[start].isspace():
                start += 1
        if start < paragraph.end():
            bounds.append((start, paragraph.end()))
    return bounds


def sentence_of(body: str, bounds: list[tuple[int, int]], start: int, end: int) -> str:
    first = next(i for i, (s, e) in enumerate(bounds) if s <= start < e)
    last = next(i for i, (s, e) in enumerate(bounds) if s < end <= e)
    return body[bounds[first][0] : bounds[last][1]]


def parse_header(lines: list[str], where: str) -> dict:
    header = {}
    for line in lines:
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise SourceError(f"{where}: header line without a colon: {line!r}")
        header[key.strip()] = value.strip()
    return header


def strip_marks(marked: str, where: str) -> tuple[str, list[dict]]:
    for token, char in SPACE_TOKENS.items():
        marked = marked.replace(token, char)
    # Normalise as the tracker does on submission (articles.text.article_text_normalize: NFC, no trailing
    # blanks, none before or after the text) before offsets are taken, so the stored text is this file.
    marked = "\n".join(line.rstrip() for line in marked.strip().splitlines())
    marked = unicodedata.normalize("NFC", marked)
    body, mentions, cursor = [], [], 0
    for match in MARK.finditer(marked):
        body.append(marked[cursor : match.start()])
        offset = sum(len(part) for part in body)
        kind, local_id, text = match.groups()
        mentions.append({"local": local_id, "kind": KINDS[kind], "text": text, "start": offset})
        body.append(text)
        cursor = match.end()
    body.append(marked[cursor:])
    text = "".join(body)
    if "{" in text or "}" in text:
        raise SourceError(f"{where}: a mark was not closed or not understood")
    return text, mentions


def parse_event(path: Path) -> dict:
    source = path.read_text(encoding="utf-8")
    head, *blocks = re.split(r"^=== ", source, flags=re.MULTILINE)
    event = parse_header([line.lstrip("# ") for line in head.splitlines()], path.name)
    event["articles"], relation_lines = [], []
    for block in blocks:
        title_line, _, rest = block.partition("\n")
        if title_line.strip() == "relations":
            relation_lines = rest.splitlines()
            continue
        number, outlet_slug = title_line.split()
        header_text, sep, marked = rest.partition("\n---\n")
        where = f"{path.name} article {number}"
        if not sep:
            raise SourceError(f"{where}: no '---' line between header and body")
        header = parse_header(header_text.splitlines(), where)
        body, mentions = strip_marks(marked, where)
        event["articles"].append(
            {"number": number, "outlet_slug": outlet_slug, "header": header, "body": body, "mentions": mentions}
        )
    event["relation_lines"] = relation_lines
    return event


def build(*, write: bool) -> tuple[dict, dict[str, str]]:
    """Return the gold annotations and every article body by file; write them to disk when `write`."""
    gold = {
        "version": 1,
        "events": [],
        "articles": [],
        "mentions": [],
        "facts": [],
        "contradictions": [],
        "updates": [],
        "distractors": [],
    }
    bodies: dict[str, str] = {}
    for path in sorted(ANNOTATED.glob("*.md")):
        build_event(parse_event(path), gold, bodies)
    if write:
        for folder in {file.split("/")[0] for file in bodies}:
            (HERE / folder).mkdir(exist_ok=True)
            for stale in (HERE / folder).glob("*.txt"):
                stale.unlink()
        for file, body in bodies.items():
            (HERE / file).write_text(body, encoding="utf-8")
        GOLD.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold, bodies


def build_event(event: dict, gold: dict, bodies: dict[str, str]) -> None:
    slug = event["slug"]
    gold["events"].append({"slug": slug, "name": event["name"], "dates": event["dates"]})
    mention_ids, article_of = {}, {}
    for article in event["articles"]:
        header, body = article["header"], article["body"]
        file = f"{slug}/{article['number']}_{article['outlet_slug']}.txt"
        words = len(body.split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            raise SourceError(f"{file}: {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
        bodies[file] = body
        gold["articles"].append(
            {
                "file": file,
                "event": slug,
                "outlet": header["outlet"],
                "language": header["language"],
                "published": header["published"],
                "title": header["title"],
                "modelled_on": header["modelled_on"].split(),
                "words": words,
            }
        )
        bounds = sentence_bounds(body)
        for mention in article["mentions"]:
            key = f"{article['number']}.{mention['local']}"
            if key in mention_ids:
                raise SourceError(f"{file}: mention id {mention['local']} used twice")
            mention_id = f"{slug}/{key}"
            mention_ids[key] = mention_id
            article_of[mention_id] = file
            start = mention["start"]
            end = start + len(mention["text"])
            if body[start:end] != mention["text"]:
                raise SourceError(f"{file}: offsets of {mention['local']} do not match its text")
            gold["mentions"].append(
                {
                    "id": mention_id,
                    "file": file,
                    "kind": mention["kind"],
                    "text": mention["text"],
                    "start": start,
                    "end": end,
                    "sentence": sentence_of(body, bounds, start, end),
                }
            )
    build_relations(event, gold, mention_ids, article_of)


def build_relations(event: dict, gold: dict, mention_ids: dict, article_of: dict) -> None:
    slug = event["slug"]
    facts = {}

    def members(ref: str) -> list[str]:
        if ref.startswith("@"):
            if ref[1:] not in facts:
                raise SourceError(f"{slug}: unknown fact {ref}")
            return facts[ref[1:]]
        if ref not in mention_ids:
            raise SourceError(f"{slug}: unknown mention {ref}")
        return [mention_ids[ref]]

    def pairs(left: str, right: str) -> list[tuple[str, str]]:
        """Every pair across the two sides; pairs inside one article only when named mention by mention."""
        explicit = not left.startswith("@") and not right.startswith("@")
        return [
            (a, b)
            for a, b in itertools.product(members(left), members(right))
            if a != b and (explicit or article_of[a] != article_of[b])
        ]

    for line in event["relation_lines"]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        verb, _, rest = line.partition(" ")
        refs, _, reason = rest.partition("|")
        reason = reason.strip()
        if verb == "fact":
            name, *refs_list = refs.split()
            facts[name] = [members(ref)[0] for ref in refs_list]
            gold["facts"].append({"id": f"{slug}/{name}", "label": reason, "mentions": facts[name]})
        elif verb == "contradiction":
            left, right = refs.split()
            for a, b in pairs(left, right):
                gold["contradictions"].append({"a": a, "b": b, "reason": reason})
        elif verb == "update":
            earlier, later = refs.split()
            for a, b in pairs(earlier, later):
                gold["updates"].append({"earlier": a, "later": b, "reason": reason})
        elif verb == "distractor":
            left, right = refs.split()
            kind, _, why = reason.partition(":")
            if kind.strip() not in DISTRACTOR_TYPES:
                raise SourceError(f"{slug}: distractor type {kind!r} is not one of {DISTRACTOR_TYPES}")
            for a, b in pairs(left, right):
                gold["distractors"].append({"a": a, "b": b, "type": kind.strip(), "reason": why.strip()})
        else:
            raise SourceError(f"{slug}: unknown relation {verb!r}")
    grouped = [m for fact in facts.values() for m in fact]
    if len(grouped) != len(set(grouped)):
        raise SourceError(f"{slug}: a mention is in two facts")


def main() -> int:
    try:
        gold, _ = build(write=True)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"{len(gold['events'])} events, {len(gold['articles'])} articles, {len(gold['mentions'])} mentions, "
        f"{len(gold['facts'])} facts, {len(gold['contradictions'])} contradiction pairs, "
        f"{len(gold['updates'])} update pairs, {len(gold['distractors'])} distractor pairs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
