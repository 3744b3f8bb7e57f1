import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def edit(client, article, **changes):
    data = {
        "title": article.title,
        "source": article.source_id,
        "new_source": "",
        "language": article.language,
        "published_on": "",
        "url": "",
        **changes,
    }
    return client.post(reverse("claims:article_edit", args=[article.pk]), data)


def test_editor_corrects_the_title_and_outlet_and_the_change_is_audited(editor_client, editor):
    article = ArticleFactory(title="Sommet")

    response = edit(editor_client, article, title="Sommet de Londres", source="", new_source="Le Quotidien")

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.source.name) == ("Sommet de Londres", "Le Quotidien")
    assert article.history.latest().history_user == editor
    assert article.extraction_status == Article.ExtractionStatus.DONE  # nothing the extractor reads changed


def test_a_new_publication_date_extracts_the_claims_again(editor_client, django_capture_on_commit_callbacks):
    article = ArticleFactory()

    with django_capture_on_commit_callbacks():
        edit(editor_client, article, published_on="2025-03-17")

    article.refresh_from_db()
    assert str(article.published_on) == "2025-03-17"
    assert article.extraction_status in {Article.ExtractionStatus.PENDING, Article.ExtractionStatus.DONE}
    assert article.extraction_status_changed_at > article.uploaded_at


def test_bad_details_are_explained_next_to_the_fields(editor_client):
    article = ArticleFactory(title="Sommet")

    response = edit(editor_client, article, title="", url="not a url", source="")

    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html and "Enter a valid URL." in html
    assert "Pick the outlet or type a new one." in html
    article.refresh_from_db()
    assert article.title == "Sommet"


@pytest.mark.parametrize("role_client", ["viewer_client", "reviewer_client"])
def test_only_editors_edit_articles(request, role_client):
    article = ArticleFactory(title="Sommet")

    response = edit(request.getfixturevalue(role_client), article, title="Changed")

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Sommet"
