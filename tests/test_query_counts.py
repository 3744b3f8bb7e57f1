"""Pages and API lists run the same number of queries whatever the size of the data (issue 7).

Each test counts the queries of one request over a small corpus, grows the corpus tenfold, and asks
for the same count again; the response times at newsroom size are in `benchmarks/`.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from claims import services
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="ada", roles=["admin"]))
    return client


def add_articles(count: int, reviewer) -> list[Article]:
    """Articles on several outlets, each with a few claims, some reviewed and linked to the one before."""
    articles = []
    for _ in range(count):
        article = ArticleFactory(source=SourceFactory())
        first = ClaimFactory(article=article, start=0)
        ClaimFactory(article=article, start=5, kind=Claim.Kind.DATE)
        ClaimFactory(article=article, start=9, kind=Claim.Kind.ENTITY)
        services.claim_confirm(claim=first, user=reviewer)
        if articles:
            previous = articles[-1].claims.order_by("start").first()
            services.claim_link(from_claim=first, to_claim=previous, relation="same_as", user=reviewer)
        articles.append(article)
    return articles


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


LIST_URLS = [
    "/articles/",
    "/facts/",
    "/facts/?contradicted=false",
    "/api/v1/articles/",
    "/api/v1/claims/",
    "/api/v1/claims/?status=confirmed&kind=quantity",
    "/api/v1/links/",
    "/api/v1/sources/",
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_a_list_runs_as_many_queries_for_fifty_articles_as_for_five(admin_client, reviewer, url):
    add_articles(5, reviewer)
    small = query_count(admin_client, url)

    add_articles(45, reviewer)

    assert query_count(admin_client, url) == small


def test_the_reader_runs_as_many_queries_for_an_article_with_many_linked_claims_as_with_few(admin_client, reviewer):
    others = add_articles(3, reviewer)
    article = ArticleFactory(body="Plus de 30 pays. " * 40)
    url = reverse("claims:article_reader", args=[article.pk])

    def add_claims(starts):
        for start in starts:
            claim = ClaimFactory(article=article, start=start)
            services.claim_confirm(claim=claim, user=reviewer)
            services.claim_link(from_claim=claim, to_claim=others[start % 3].claims.first(), relation="supports",
                                user=reviewer)  # fmt: skip

    add_claims([0, 17])
    few = query_count(admin_client, url)
    add_claims(range(34, 34 + 17 * 20, 17))

    assert query_count(admin_client, url) == few
