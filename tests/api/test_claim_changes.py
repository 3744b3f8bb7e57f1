import pytest

from claims.services import claim_confirm
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_a_reviewer_tool_confirms_a_claim_with_the_version_it_read(reviewer_api, reviewer):
    claim = ClaimFactory()

    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "confirmed", "version": 1}, format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "confirmed"
    assert response.json()["reviewed_by"] == reviewer.username
    assert response.json()["version"] == 2
    assert response["ETag"] == '"2"'


def test_the_version_may_come_as_if_match_from_the_etag(reviewer_api):
    claim = ClaimFactory()
    etag = reviewer_api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]

    response = reviewer_api.patch(
        f"/api/v1/claims/{claim.pk}/", {"status": "rejected"}, format="json", HTTP_IF_MATCH=etag
    )

    assert response.status_code == 200
    assert response.json()["status"] == "rejected"


def test_a_stale_write_is_a_409_listing_what_changed(reviewer_api, editor):
    claim = ClaimFactory()
    claim_confirm(claim=claim, user=editor)

    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "rejected", "version": 1}, format="json")

    assert response.status_code == 409
    body = response.json()
    assert body["version"] == 2
    assert any(editor.username in change and "status" in change for change in body["changes"])
    claim.refresh_from_db()
    assert claim.status == "confirmed"


def test_a_change_without_a_version_is_refused_with_428(reviewer_api):
    claim = ClaimFactory()

    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "confirmed"}, format="json")

    assert response.status_code == 428


def test_a_malformed_if_match_is_a_400(reviewer_api):
    claim = ClaimFactory()

    response = reviewer_api.patch(
        f"/api/v1/claims/{claim.pk}/", {"status": "confirmed"}, format="json", HTTP_IF_MATCH="*"
    )

    assert response.status_code == 400


def test_a_corrected_reading_is_saved_and_confirms_the_claim(reviewer_api):
    claim = ClaimFactory()
    change = {"reading": {"value": 32, "qualifier": "exact", "unit": "pays"}, "version": 1}

    response = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", change, format="json")

    assert response.status_code == 200
    assert response.json()["normalized"]["value"] == 32
    assert response.json()["status"] == "confirmed"
    assert response.json()["edited"] is True


def test_an_invalid_reading_is_a_400(reviewer_api):
    claim = ClaimFactory()

    response = reviewer_api.patch(
        f"/api/v1/claims/{claim.pk}/", {"reading": {"value": "lots"}, "version": 1}, format="json"
    )

    assert response.status_code == 400
    assert "value" in response.json()


def test_an_empty_change_is_a_400(reviewer_api):
    claim = ClaimFactory()

    assert reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"version": 1}, format="json").status_code == 400
