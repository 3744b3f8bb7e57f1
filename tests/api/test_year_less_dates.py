"""The API passes a year-less date ("--11-09", for an article with no publication date) through, takes one
back, and refuses a malformed one."""

import pytest

from tests.factories import year_less_date_claim

pytestmark = pytest.mark.django_db


SENTENCE = "Le sommet s'est tenu le 9 novembre."


@pytest.fixture
def claim():
    return year_less_date_claim(SENTENCE)


def test_the_api_passes_the_year_less_date_through_and_takes_it_back(reviewer_api, claim):
    url = f"/api/v1/claims/{claim.pk}/"
    assert reviewer_api.get(url).json()["normalized"] == {"date": "--11-09", "precision": "day"}

    change = {"reading": {"date": "--03", "precision": "month"}, "version": claim.version}
    response = reviewer_api.patch(url, change, format="json")

    assert response.status_code == 200
    assert response.json()["normalized"] == {"date": "--03", "precision": "month"}


@pytest.mark.parametrize(
    "reading",
    [
        {"date": "--13", "precision": "month"},
        {"date": "--02-30", "precision": "day"},
        {"date": "--11-09", "precision": "month"},  # a day written, a month meant
        {"date": "--11", "precision": "year"},
        {"date": "11-09", "precision": "day"},
        {"date": "le 9 novembre", "precision": "day"},
    ],
)
def test_the_api_refuses_a_malformed_date(reviewer_api, claim, reading):
    response = reviewer_api.patch(
        f"/api/v1/claims/{claim.pk}/", {"reading": reading, "version": claim.version}, format="json"
    )

    assert response.status_code == 400
    assert "date" in response.json()
    claim.refresh_from_db()
    assert claim.normalized == {"date": "--11-09", "precision": "day"}
