"""A date an article with no publication date gives without its year ("le 9 novembre") is stored as the
partial date "--11-09": shown as such, and corrected to a full date by a reviewer (the API: tests/api)."""

import re

import pytest
from django.urls import reverse

from claims.models import date_reading
from tests.factories import year_less_date_claim

pytestmark = pytest.mark.django_db

SENTENCE = "Le sommet s'est tenu le 9 novembre à Londres."


@pytest.fixture
def claim():
    return year_less_date_claim(SENTENCE)


@pytest.mark.parametrize(
    ("reading", "words"),
    [
        ({"date": "--11-09", "precision": "day"}, "9 Nov, year not stated"),
        ({"date": "--08", "precision": "month"}, "Aug, year not stated"),
        ({"date": "--06-10", "precision": "week"}, "10 Jun, year not stated (week)"),
        ({"date": "2025-11-09", "precision": "day"}, "2025-11-09 (day)"),
        ({"date": "2025-03-01", "precision": "month"}, "2025-03 (month)"),
        ({"date": "2024-01-01", "precision": "year"}, "2024 (year)"),
        ({"date": None, "precision": "day"}, "not resolved (day)"),
    ],
)
def test_a_date_reads_as_precisely_as_its_words(reading, words):
    assert date_reading(reading) == words


def test_the_card_and_the_highlight_say_the_year_is_not_stated(reviewer_client, claim):
    html = reviewer_client.get(claim.article.get_absolute_url()).content.decode()

    assert 'data-reading="9 Nov, year not stated"' in html
    assert '<span class="reading">9 Nov, year not stated</span>' in html
    assert "2026-11-09" not in html


def test_the_edit_form_shows_the_year_less_date_and_keeps_it(reviewer_client, claim):
    url = reverse("claims:claim_edit", args=[claim.pk])

    html = reviewer_client.get(url).content.decode()
    assert re.search(r'<input type="text" name="date" value="--11-09"', html)

    form = {"version": claim.version, "start": claim.start, "end": claim.end, "date": "--11-09", "precision": "day"}
    assert reviewer_client.post(url, form).status_code == 302
    claim.refresh_from_db()
    assert claim.normalized == {"date": "--11-09", "precision": "day"}


def test_a_reviewer_fixes_the_year_by_typing_the_full_date(reviewer_client, claim):
    form = {"version": claim.version, "start": claim.start, "end": claim.end, "date": "2025-11-09", "precision": "day"}

    assert reviewer_client.post(reverse("claims:claim_edit", args=[claim.pk]), form).status_code == 302
    claim.refresh_from_db()
    assert claim.normalized == {"date": "2025-11-09", "precision": "day"}
    assert claim.edited
