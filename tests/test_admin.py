import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("boss", password="x" * 12))
    return client


@pytest.mark.parametrize("model", ["articles_source", "articles_article", "claims_claim", "claims_claimlink"])
def test_every_model_has_a_searchable_filterable_admin_list(admin_client, model):
    ClaimFactory()

    response = admin_client.get(reverse(f"admin:{model}_changelist"), {"q": "pays"})

    assert response.status_code == 200
    assert 'id="changelist-search"' in response.content.decode()


def test_article_admin_shows_its_claims_inline(admin_client):
    claim = ClaimFactory(text="Plus de 30 pays")

    html = admin_client.get(reverse("admin:articles_article_change", args=[claim.article.pk])).content.decode()

    assert "Plus de 30 pays" in html


def test_admin_action_reruns_extraction(admin_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(body="Plus de 30 pays ont signé.")

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "rerun_extraction", "_selected_action": [article.pk]},
        )

    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.claims.filter(text="Plus de 30 pays").exists()
