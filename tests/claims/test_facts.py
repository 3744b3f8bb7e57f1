import pytest
from django.core.exceptions import ValidationError

from claims import selectors, services
from claims.models import ClaimLink, Fact, Rating
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory(roles=["reviewer"])


def claims_in_separate_articles(count: int):
    return [ClaimFactory(article=ArticleFactory(), text="Plus de 30 pays") for _ in range(count)]


def test_a_same_as_link_makes_one_fact_of_both_claims(user):
    a, b = claims_in_separate_articles(2)

    services.claim_link(from_claim=a, to_claim=b, relation="same_as", user=user)

    a.refresh_from_db(), b.refresh_from_db()
    assert a.fact_id is not None and a.fact_id == b.fact_id


def test_other_relations_make_no_fact(user):
    a, b = claims_in_separate_articles(2)

    services.claim_link(from_claim=a, to_claim=b, relation="contradicts", user=user)

    assert not Fact.objects.exists()


def test_linking_two_facts_merges_them_and_keeps_the_older_verdict(user):
    a, b, c, d = claims_in_separate_articles(4)
    services.claim_link(from_claim=a, to_claim=b, relation="same_as", user=user)
    services.claim_link(from_claim=c, to_claim=d, relation="same_as", user=user)
    older = Fact.objects.order_by("pk").first()
    services.fact_set_verdict(fact=older, rating=Rating.objects.create(value=-5, name="Pants on fire"), user=user)

    services.claim_link(from_claim=b, to_claim=c, relation="same_as", user=user)

    assert Fact.objects.count() == 1
    fact = Fact.objects.get()
    assert fact == older and fact.verdict.name == "Pants on fire"
    assert set(fact.claims.all()) == {a, b, c, d}


def test_unlinking_splits_a_fact_and_a_lone_claim_has_none(user):
    a, b, c = claims_in_separate_articles(3)
    services.claim_link(from_claim=a, to_claim=b, relation="same_as", user=user)
    link = services.claim_link(from_claim=b, to_claim=c, relation="same_as", user=user)

    services.claim_unlink(link=link, user=user)

    for claim in (a, b, c):
        claim.refresh_from_db()
    assert a.fact_id == b.fact_id is not None
    assert c.fact_id is None
    assert Fact.objects.count() == 1


def test_the_same_link_in_the_other_direction_is_refused(user):
    a, b = claims_in_separate_articles(2)
    services.claim_link(from_claim=a, to_claim=b, relation="same_as", user=user)

    with pytest.raises(ValidationError, match="already linked"):
        services.claim_link(from_claim=b, to_claim=a, relation="same_as", user=user)
    assert ClaimLink.objects.count() == 1


def test_fact_view_orders_sources_by_publication_and_lists_contradictions(user):
    later = ClaimFactory(article=ArticleFactory(published_on="2025-03-18"), text="Plus de 30 pays")
    first = ClaimFactory(article=ArticleFactory(published_on="2025-03-17"), text="Plus de 30 pays")
    undated = ClaimFactory(article=ArticleFactory(published_on=None), text="Plus de 30 pays")
    rival = ClaimFactory(article=ArticleFactory(), text="Plus de 30 pays")
    services.claim_link(from_claim=later, to_claim=first, relation="same_as", user=user)
    services.claim_link(from_claim=undated, to_claim=later, relation="same_as", user=user)
    services.claim_link(from_claim=rival, to_claim=first, relation="contradicts", user=user)

    view = selectors.fact_detail(fact_id=Fact.objects.get().pk)

    assert view.claims == [first, later, undated]
    assert [(link.from_claim, link.to_claim) for link in view.contradictions] == [(rival, first)]
