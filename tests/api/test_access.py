import pytest
from rest_framework.test import APIClient

from core.api.access import PerTokenRateThrottle
from core.models import ApiToken
from tests.api.conftest import token_client
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_read_only_token_cannot_change_a_claim_even_for_a_reviewer(reviewer):
    claim = ClaimFactory()
    client = token_client(reviewer, ApiToken.Access.READ)

    response = client.patch(f"/api/v1/claims/{claim.pk}/", {"status": "confirmed", "version": 1}, format="json")

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "candidate"


def test_a_read_write_token_of_a_viewer_cannot_change_a_claim(viewer):
    claim = ClaimFactory()
    client = token_client(viewer, ApiToken.Access.READ_WRITE)

    response = client.patch(f"/api/v1/claims/{claim.pk}/", {"status": "confirmed", "version": 1}, format="json")

    assert response.status_code == 403


def test_a_revoked_token_is_refused(viewer):
    client = token_client(viewer)
    ApiToken.objects.update(is_active=False)

    assert client.get("/api/v1/claims/").status_code == 401


def test_only_a_digest_of_the_key_is_stored(viewer):
    client = token_client(viewer)
    key = client._credentials["HTTP_AUTHORIZATION"].removeprefix("Token ")

    token = ApiToken.objects.get()
    assert key not in {token.key_digest, token.key_prefix}
    assert token.key_digest == ApiToken.digest(key)


def test_a_session_reads_the_browsable_api(viewer_client):
    response = viewer_client.get("/api/v1/claims/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"Claim" in response.content


def test_throttling_counts_each_token_on_its_own(viewer, monkeypatch):
    monkeypatch.setattr(PerTokenRateThrottle, "THROTTLE_RATES", {"api": "3/hour"})
    busy, other = token_client(viewer), token_client(viewer, ApiToken.Access.READ_WRITE)

    answers = [busy.get("/api/v1/sources/").status_code for _ in range(4)]

    assert answers == [200, 200, 200, 429]
    assert other.get("/api/v1/sources/").status_code == 200


def test_anonymous_clients_cannot_read_the_export(db):
    assert APIClient().get("/api/v1/export/claims.jsonl").status_code == 401


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims/",
        "/api/v1/articles/",
        "/api/v1/sources/",
        "/api/v1/links/",
        "/api/v1/facts/",
        "/api/v1/export/claims.jsonl",
        "/api/v1/claim-reviews/",
    ],
)
def test_an_account_without_a_role_reads_nothing(url):
    client = APIClient()
    client.force_authenticate(UserFactory(username="no-role"))

    assert client.get(url).status_code == 403
