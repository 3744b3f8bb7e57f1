import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db
UPLOAD = reverse("articles:upload")


def paste(client, **overrides):
    data = {"title": "Sommet de Paris", "new_source": "AFP", "language": "fr", "body": "Plus de 30 pays ont signé."}
    return client.post(UPLOAD, {**data, **overrides})


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("articles:list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_viewer_cannot_upload(viewer_client):
    assert viewer_client.get(UPLOAD).status_code == 403
    assert paste(viewer_client).status_code == 403
    assert not Article.objects.exists()


def test_editor_pastes_an_article_and_its_extraction_is_queued_after_commit(
    editor_client, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = paste(editor_client, body="Plus de 30 pays et des milliers de soldats.")

    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("claims:article_review", args=[article.pk])
    assert article.uploaded_by == editor
    assert article.source.name == "AFP"
    assert len(callbacks) == 1
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.claims.filter(kind=Claim.Kind.QUANTITY).exists()


def test_editor_uploads_an_html_file(editor_client):
    source = SourceFactory(name="Reuters")
    html = SimpleUploadedFile("a.html", b"<html><body><script>x()</script><p>Deux mois plus tard.</p></body></html>")

    response = editor_client.post(
        UPLOAD, {"title": "Fichier", "source": source.pk, "language": "fr", "body": "", "file": html}
    )

    assert response.status_code == 302
    assert Article.objects.get().body == "Deux mois plus tard."


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"body": ""}, "body", "Paste the article"),
        ({"new_source": ""}, "source", "Pick the outlet"),
        ({"title": ""}, "title", "required"),
        ({"published_on": "31/02/2025"}, "published_on", "valid date"),
        ({"url": "not a url"}, "url", "valid URL"),
    ],
)
def test_bad_form_input_is_shown_next_to_its_field(editor_client, overrides, field, message):
    response = paste(editor_client, **overrides)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Article.objects.exists()


def test_binary_file_renamed_txt_is_refused(editor_client):
    fake = SimpleUploadedFile("notes.txt", b"PK\x03\x04\x14\x00 zip content")

    response = paste(editor_client, body="", file=fake)

    assert "zip archive" in " ".join(response.context["form"].errors["file"])


def test_oversized_file_is_refused(editor_client, settings):
    settings.UPLOAD_MAX_BYTES = 100
    big = SimpleUploadedFile("big.txt", b"a" * 101)

    response = paste(editor_client, body="", file=big)

    assert "the limit is" in " ".join(response.context["form"].errors["file"])


def test_duplicate_upload_links_to_the_existing_article(editor_client):
    existing = ArticleFactory(body="Plus de 30 pays ont signé.")

    response = paste(editor_client)

    assert response.status_code == 200
    assert existing.get_absolute_url() in response.content.decode()
    assert Article.objects.count() == 1


def test_article_list_shows_status_and_counts_in_constant_queries(viewer_client, django_assert_max_num_queries):
    for _ in range(30):
        ArticleFactory()

    with django_assert_max_num_queries(8):
        response = viewer_client.get(reverse("articles:list"))

    assert response.status_code == 200
    assert response.content.decode().count("status-done") == 30
