from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimLink
from claims.services import claim_confirm, claim_unlink, claims_store_candidates
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


def test_claims_filter_by_source_and_language(api):
    outlet = SourceFactory(name="Le Quotidien")
    wanted = ClaimFactory(article=ArticleFactory(source=outlet, language="en"))
    ClaimFactory(article=ArticleFactory(source=outlet, language="fr"))
    ClaimFactory(article=ArticleFactory(language="en"))

    assert ids(api.get("/api/v1/claims/", {"source": outlet.pk, "language": "en"})) == [wanted.pk]


def test_claims_filter_by_unit_in_any_case(api):
    wanted = ClaimFactory(normalized={"value": 3, "qualifier": "exact", "unit": "pays"})
    ClaimFactory(normalized={"value": 3, "qualifier": "exact", "unit": "soldats"})

    assert ids(api.get("/api/v1/claims/", {"unit": "PAYS"})) == [wanted.pk]


def test_claims_filter_by_an_entity_they_name_accents_included(api):
    wanted = ClaimFactory(entities=[{"text": "Élysée", "label": "LOC", "start": 0, "end": 6}])
    mention = ClaimFactory(kind="entity", normalized={"label": "LOC"}, text="Élysée")
    ClaimFactory(entities=[{"text": "OTAN", "label": "ORG", "start": 0, "end": 4}])

    assert ids(api.get("/api/v1/claims/", {"entity": "Élysée"})) == sorted([wanted.pk, mention.pk])


def test_claims_filter_by_publication_date_range(api):
    inside = ClaimFactory(article=ArticleFactory(published_on="2026-03-10"))
    ClaimFactory(article=ArticleFactory(published_on="2026-02-01"))
    ClaimFactory(article=ArticleFactory(published_on="2026-04-01"))

    response = api.get("/api/v1/claims/", {"published_after": "2026-03-01", "published_before": "2026-03-31"})

    assert ids(response) == [inside.pk]


def test_claims_search_their_text(api):
    wanted = ClaimFactory(sentence="Des milliers de soldats à la frontière.")
    ClaimFactory(sentence="Rien à voir.")

    assert ids(api.get("/api/v1/claims/", {"search": "soldats"})) == [wanted.pk]


def test_claims_order_by_last_change(api, reviewer):
    first, second = ClaimFactory(), ClaimFactory()
    claim_confirm(claim=first, user=reviewer)

    results = api.get("/api/v1/claims/", {"ordering": "updated_at"}).json()["results"]

    assert [claim["id"] for claim in results] == [second.pk, first.pk]


def test_updated_since_returns_exactly_what_changed_and_deletions_come_as_tombstones(api, reviewer):
    article = ArticleFactory()
    kept, confirmed, dropped = (ClaimFactory(article=article, start=start) for start in (0, 1, 2))
    Claim.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    last_sync = timezone.now()

    claim_confirm(claim=confirmed, user=reviewer)
    claims_store_candidates(records_by_article={dropped.article: []}, extractor_version="test")  # drops untouched ones

    changed = api.get("/api/v1/claims/", {"updated_since": last_sync.isoformat()})
    deleted = api.get("/api/v1/claims/deleted/", {"since": last_sync.isoformat()}).json()["results"]
    assert ids(changed) == [confirmed.pk]
    assert sorted(row["id"] for row in deleted) == sorted([kept.pk, dropped.pk])


def test_unlinked_links_are_tombstones(api, reviewer):
    link = ClaimLink.objects.create(from_claim=ClaimFactory(), to_claim=ClaimFactory(), relation="supports")
    since = timezone.now()
    link_id = link.pk

    claim_unlink(link=link, user=reviewer)

    deleted = api.get("/api/v1/links/deleted/", {"since": since.isoformat()}).json()["results"]
    assert [row["id"] for row in deleted] == [link_id]


def test_the_deletions_feed_requires_a_valid_since(api):
    assert api.get("/api/v1/claims/deleted/").status_code == 400
    assert api.get("/api/v1/claims/deleted/", {"since": "yesterday"}).status_code == 400


def test_a_bad_date_filter_is_a_400(api):
    assert api.get("/api/v1/claims/", {"updated_since": "not a date"}).status_code == 400


def test_a_far_offset_in_updated_since_is_read_in_utc_not_an_error(api):
    ClaimFactory()

    response = api.get("/api/v1/claims/", {"updated_since": "2020-11-16T18:51:00+19:03"})
    deleted = api.get("/api/v1/claims/deleted/", {"since": "2020-11-16T18:51:00+19:03"})

    assert response.status_code == 200 and len(response.json()["results"]) == 1
    assert deleted.status_code == 200
