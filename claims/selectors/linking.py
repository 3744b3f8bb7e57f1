"""Retrieval for the linking engine: the archive's claims that may relate to one claim, found by indexed queries.

Every route is bounded and uses an index, so the cost of one claim's candidates does not grow with the archive:
the same kind and unit concept with overlapping value bounds, a nearby date, a shared canonical entity
(rarest first), and, when those find little, full-text search of the sentence's terms (FTS5 on SQLite, a
tsvector with unaccent on PostgreSQL; both kept by the database, see migration 0005).
"""

import hashlib
import re
from datetime import timedelta
from itertools import combinations

from django.core.cache import cache
from django.db import connection
from django.db.models import Count

from ..linking import ClaimKey, claim_key, rank, search_terms, value_bounds
from ..linking.keys import PREVIOUS_SENTENCE_REACH
from ..models import Claim, ClaimEntityKey, ClaimLinkKey

# How many candidates each route may bring; the ranking reads them all, so this bounds its cost.
VALUE_ROUTE_LIMIT = 40
DATE_ROUTE_LIMIT = 40
ENTITY_ROUTE_LIMIT = 60
TEXT_ROUTE_LIMIT = 40
ENOUGH_FROM_KEYS = 5
# An entity in more than this share of the archive (and more claims than the floor) does not narrow it down.
COMMON_ENTITY_SHARE = 0.02
COMMON_ENTITY_FLOOR = 200
# A date claim looks this far either side of its own date.
DATE_WINDOW = timedelta(days=3)
# Full-text terms: letters and digits only, so no user text reaches the query syntax.
TERM = re.compile(r"\w+")
MAX_TERMS = 24
ENTITY_COUNT_SECONDS = 600


def fts_terms(terms) -> list[str]:
    """The distinct searchable words of some terms, in order, lower case, without query syntax."""
    seen: dict[str, None] = {}
    for term in terms:
        for word in TERM.findall(str(term).lower()):
            if len(word) > 1 or word.isdigit():
                seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


# Article ids start at 1: excluding this one excludes nothing.
NO_ARTICLE = 0
# A reviewer's words are matched stemmed in both languages and unstemmed, best match first; the engine's terms
# are already language-independent (base forms, canonical names), so its route uses the unstemmed configuration
# alone, and takes the matches as the index gives them: the engine ranks them itself, and sorting every match of
# two common words would cost more than the engine's whole work.
POSTGRES_SEARCH = """
    WITH q AS (SELECT to_tsquery('tracker_simple', %s) || to_tsquery('tracker_french', %s)
                      || to_tsquery('tracker_english', %s) AS query)
    SELECT k.claim_id FROM claims_claimlinkkey k, q
    WHERE k.search_vector @@ q.query AND k.article_id <> %s AND (%s = '' OR k.kind = %s)
    ORDER BY ts_rank(k.search_vector, q.query) DESC, k.claim_id DESC LIMIT %s"""
POSTGRES_ROUTE = """
    SELECT k.claim_id FROM claims_claimlinkkey k
    WHERE k.search_vector @@ to_tsquery('tracker_simple', %s) AND k.article_id <> %s AND (%s = '' OR k.kind = %s)
    LIMIT %s"""
SQLITE_SEARCH = """
    SELECT k.claim_id FROM claims_linkkey_fts f JOIN claims_claimlinkkey k ON k.claim_id = f.rowid
    WHERE claims_linkkey_fts MATCH %s AND k.article_id <> %s AND (%s = '' OR k.kind = %s)
    ORDER BY bm25(claims_linkkey_fts), k.claim_id DESC LIMIT %s"""
SQLITE_ROUTE = """
    SELECT k.claim_id FROM claims_linkkey_fts f JOIN claims_claimlinkkey k ON k.claim_id = f.rowid
    WHERE claims_linkkey_fts MATCH %s AND k.article_id <> %s AND (%s = '' OR k.kind = %s)
    LIMIT %s"""
# The engine's route asks for claims sharing at least two of its first terms: one common word alone would
# bring back a good part of the archive, to be ranked for nothing.
PAIRED_TERMS = 6
# PostgreSQL's statistics on the index column name its most common words and the share of rows holding each.
POSTGRES_COMMON_TERMS = """
    SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats
    WHERE tablename = 'claims_claimlinkkey' AND attname = 'search_vector'"""
COMMON_TERMS_CACHE_KEY = "linking:common-terms"


def common_search_terms(*, total: int) -> frozenset[str]:
    """Words too common in the archive to narrow the full-text route down, like common entities: they would
    make the index read most of its postings for candidates the other terms already find.

    Read from the statistics PostgreSQL keeps for its planner (ANALYZE, run by autovacuum), cached a few
    minutes. SQLite keeps no such statistics; its archives are the embedded default's, small enough that
    every word may stay.
    """
    if connection.vendor != "postgresql" or total <= COMMON_ENTITY_FLOOR:
        return frozenset()
    common = cache.get(COMMON_TERMS_CACHE_KEY)
    if common is None:
        with connection.cursor() as cursor:
            cursor.execute(POSTGRES_COMMON_TERMS)
            row = cursor.fetchone()
        words, shares = row if row and row[0] else ([], [])
        # A word in a small archive may be frequent in share and still rare in claims: both must hold.
        floor = max(COMMON_ENTITY_SHARE, COMMON_ENTITY_FLOOR / total)
        common = frozenset(word for word, share in zip(words, shares, strict=False) if share > floor)
        cache.set(COMMON_TERMS_CACHE_KEY, common, ENTITY_COUNT_SECONDS)
    return common


def full_text_claim_ids(
    *,
    terms,
    exclude_article_id: int = NO_ARTICLE,
    kind: str = "",
    limit: int = TEXT_ROUTE_LIMIT,
    match_all: bool = False,
    skip: frozenset[str] = frozenset(),
) -> list[int]:
    """Claim ids whose key text matches all of the terms (a reviewer's search, best match first: bm25 on
    SQLite, ts_rank on PostgreSQL) or at least two of them (the engine's route, in index order), leaving out
    the words in `skip`. Only words reach the query (see `fts_terms`), never its syntax."""
    words = [word for word in fts_terms(terms) if word not in skip]
    if not words:
        return []
    postgres = connection.vendor == "postgresql"
    both, either = (" & ", " | ") if postgres else (" AND ", " OR ")
    quoted = words if postgres else [f'"{word}"' for word in words]
    if match_all:
        query = both.join(quoted)
    elif len(quoted) == 1:
        query = quoted[0]
    else:
        query = either.join(f"({a}{both}{b})" for a, b in combinations(quoted[:PAIRED_TERMS], 2))
    filters = [exclude_article_id, kind, kind, limit]
    if postgres and match_all:
        sql, params = POSTGRES_SEARCH, [query, query, query, *filters]
    elif postgres:
        sql, params = POSTGRES_ROUTE, [query, *filters]
    else:
        sql, params = (SQLITE_SEARCH if match_all else SQLITE_ROUTE), [query, *filters]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def entity_frequencies(entities) -> dict[str, int]:
    """How many claims of the archive mention each canonical entity: rare names say more than common ones.

    Counts are cached a few minutes: a rarity weight does not need the last claim, and the same names
    come back claim after claim of an article.
    """
    entities = [entity for entity in entities if entity]
    if not entities:
        return {}
    cache_keys = {entity: f"linking:entity:{hashlib.sha256(entity.encode()).hexdigest()}" for entity in entities}
    cached = cache.get_many(list(cache_keys.values()))
    found = {entity: cached[key] for entity, key in cache_keys.items() if key in cached}
    missing = [entity for entity in entities if entity not in found]
    if missing:
        counts = ClaimEntityKey.objects.filter(entity__in=missing).values("entity").annotate(claims=Count("claim_id"))
        fresh = {row["entity"]: row["claims"] for row in counts}
        fresh = {entity: fresh.get(entity, 0) for entity in missing}
        cache.set_many({cache_keys[entity]: count for entity, count in fresh.items()}, ENTITY_COUNT_SECONDS)
        found |= fresh
    return found


def archive_size() -> int:
    """Claims indexed for linking: the rarity weights' denominator (a task counts it once per batch)."""
    return ClaimLinkKey.objects.count()


def link_candidate_ids(*, row: ClaimLinkKey, key: ClaimKey, entity_counts: dict[str, int], total: int) -> list[int]:
    """Ids of claims of other articles worth ranking against this claim's key, from every route."""
    others = ClaimLinkKey.objects.exclude(article_id=row.article_id).exclude(claim_id=row.claim_id)
    found: dict[int, None] = {}

    def add(ids) -> None:
        for claim_id in ids:
            found.setdefault(claim_id, None)

    low, high = value_bounds(key)
    if row.unit_concept and low is not None and high is not None:
        # Walk the index down from the top of the range, so the first rows read are the nearest values.
        near_value = others.filter(kind=row.kind, unit_concept=row.unit_concept, low__lte=high, high__gte=low)
        add(near_value.order_by("-low").values_list("claim_id", flat=True)[:VALUE_ROUTE_LIMIT])
    if row.date_start is not None:
        near_date = others.filter(
            kind=row.kind, date_start__range=(row.date_start - DATE_WINDOW, row.date_start + DATE_WINDOW)
        )
        add(near_date.values_list("claim_id", flat=True)[:DATE_ROUTE_LIMIT])
    # A name most of the archive shares finds nothing in particular; the others, in one query, newest first.
    common = max(COMMON_ENTITY_FLOOR, total * COMMON_ENTITY_SHARE)
    telling = [entity for entity, claims in entity_counts.items() if 0 < claims <= common]
    if telling:
        sharing = ClaimEntityKey.objects.filter(entity__in=telling, kind=row.kind).order_by("-claim_id")
        add(sharing.values_list("claim_id", flat=True)[:ENTITY_ROUTE_LIMIT])
    if len(found) < ENOUGH_FROM_KEYS:
        # Full text is the costly route: asked only when the keys found little (a claim without a figure, a
        # date or a known name, or a story the archive has not seen under those keys).
        add(
            full_text_claim_ids(
                terms=search_terms(key),
                exclude_article_id=row.article_id,
                kind=row.kind,
                skip=common_search_terms(total=total),
            )
        )
    found.pop(row.claim_id, None)
    return list(found)


def claim_key_of(claim: Claim):
    """The engine's key of a claim, from its reading, sentence, entities and article (its text before the claim
    too: the sentence before may name the figure's day or source)."""
    return claim_key(
        kind=claim.kind,
        reading=claim.normalized,
        text=claim.text,
        sentence=claim.sentence,
        entities=[entity["text"] for entity in claim.entities if entity.get("text")],
        language=claim.article.language,
        published=claim.article.published_on,
        before=claim.article.body[max(claim.start - PREVIOUS_SENTENCE_REACH, 0) : claim.start],
    )


def key_from_row(row: ClaimLinkKey) -> ClaimKey:
    """The engine's key as stored with the row, rebuilt without re-reading the claim."""
    return ClaimKey.from_dict(row.key)


def claim_link_key_row(claim: Claim) -> ClaimLinkKey:
    """The key's indexed columns for one claim (not saved)."""
    key = claim_key_of(claim)
    terms = search_terms(key)
    return ClaimLinkKey(
        claim_id=claim.pk,
        article_id=claim.article_id,
        kind=claim.kind,
        unit_concept=key.unit_concept or "",
        low=key.low,
        high=key.high,
        date_start=key.date_start,
        language=claim.article.language,
        published=claim.article.published_on,
        entities="\n".join(key.entities),
        search_text=" ".join([claim.sentence, claim.article.title, *terms]),
        key=key.as_dict(),
    )


def claim_rank_against(*, claim: Claim, others: list[Claim]) -> list:
    """The engine's verdict on these claims against this one, keys read from the index or made on the spot."""
    stored = {
        row.claim_id: row for row in ClaimLinkKey.objects.filter(claim_id__in=[claim.pk, *(o.pk for o in others)])
    }
    key = key_from_row(stored[claim.pk]) if claim.pk in stored else claim_key_of(claim)
    candidates = {
        other.pk: key_from_row(stored[other.pk]) if other.pk in stored else claim_key_of(other) for other in others
    }
    return rank(key, candidates.items(), entity_frequency=entity_frequencies(key.entities), archive_size=archive_size())
