"""The dashboard says what it counts: its "to review" figure and its tables agree, entity mentions are
counted apart, and the desk's pace is shown (decisions per day, median wait from upload to first decision)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from claims import selectors, services
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def tile(html: str, words: str) -> int:
    return int(re.search(rf'<span class="tile-num">(\d+)</span> {words}', html).group(1))


def test_the_to_review_figure_matches_the_tables_and_entities_stand_apart(reviewer_client, reviewer):
    article = ArticleFactory(body="Plus de 30 pays, dit Paris. Des milliers de soldats.", extractor_version="1.2.0")
    ClaimFactory(article=article, start=0, text="Plus de 30 pays", extractor_version="1.2.0")
    ClaimFactory(article=article, start=28, text="Des milliers", extractor_version="1.2.0")
    ClaimFactory(article=article, start=22, text="Paris", kind=Claim.Kind.ENTITY, normalized={"label": "LOC"})

    html = reviewer_client.get(reverse("claims:dashboard")).content.decode()

    assert tile(html, "candidates to review") == 2
    assert tile(html, "entity mentions") == 1
    assert 'Undecided in all: the candidates to review</th><th class="num">2</th>' in html
    assert '<span class="badge kind-entity">' not in html.split("How the extractor is doing")[1]


def test_pace_counts_decisions_per_day_without_undos_and_the_median_wait(reviewer):
    quick = ArticleFactory()
    slow = ArticleFactory()
    Article.objects.filter(pk=slow.pk).update(uploaded_at=timezone.now() - timedelta(hours=3))
    Article.objects.filter(pk=quick.pk).update(uploaded_at=timezone.now() - timedelta(hours=1))
    services.claim_confirm(claim=ClaimFactory(article=quick), user=reviewer)
    services.claim_reject(claim=ClaimFactory(article=slow), user=reviewer)
    undone = ClaimFactory(article=slow, start=5)
    services.claim_confirm(claim=undone, user=reviewer)
    services.claim_undo_last_decision(user=reviewer)

    pace = selectors.desk_pace()

    assert pace.days[-1] == (timezone.localdate(), 3)
    assert pace.articles_waited == 2
    assert timedelta(hours=1, minutes=59) < pace.median_wait < timedelta(hours=2, minutes=1)


def test_the_dashboard_shows_the_pace(reviewer_client, reviewer):
    services.claim_confirm(claim=ClaimFactory(), user=reviewer)

    html = reviewer_client.get(reverse("claims:dashboard")).content.decode()

    assert "The desk's pace" in html and "1 in all" in html
    assert "median time from upload to the first decision" in html
