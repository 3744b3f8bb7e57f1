import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db
UPLOAD = reverse("claims:article_upload")


def paste(client, **overrides):
    data = {"title": "Sommet de Paris", "new_source": "AFP", "language": "fr", "body": "Plus de 30 pays ont signé."}
    return client.post(UPLOAD, {**data, **overrides})


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("claims:article_list"))

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
    assert response.url == f"{UPLOAD}?uploaded={article.pk}"
    assert article.uploaded_by == editor
    assert article.source.name == "AFP"
    # The upload queues its extraction after commit; the finished extraction then queues what follows it (link
    # suggestions and wire-copy fingerprints), each after its own commit.
    assert [callback.__module__ for callback in callbacks] == [
        "claims.services.batches",
        "claims.services.follow_up",
        "claims.services.follow_up",
    ]
    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.claims.filter(kind=Claim.Kind.QUANTITY).exists()


def test_editor_uploads_an_html_file(editor_client):
    source = SourceFactory(name="Reuters")
    html = SimpleUploadedFile("a.html", b"<html><body><script>x()</script><p>Deux mois plus tard.</p></body></html>")

    response = editor_client.post(
        UPLOAD, {"title": "Fichier", "source": source.pk, "language": "fr", "body": "", "files": [html]}
    )

    assert response.status_code == 302
    assert Article.objects.get().body == "Deux mois plus tard."
    assert Article.objects.get().title == "Fichier"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"body": ""}, "body", "Paste the article"),
        ({"title": ""}, "title", "Give the pasted article a title"),
        ({"new_source": ""}, "source", "Pick the outlet"),
        ({"published_on": "31/02/2025"}, "published_on", "valid date"),
        ({"url": "not a url"}, "url", "valid URL"),
    ],
)
def test_bad_form_input_is_shown_next_to_its_field(editor_client, overrides, field, message):
    response = paste(editor_client, **overrides)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Article.objects.exists()


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
        response = viewer_client.get(reverse("claims:article_list"))

    assert response.status_code == 200
    assert response.content.decode().count("status-done") == 30


def test_each_dropped_file_becomes_its_own_article_titled_from_the_file(editor_client):
    files = [
        SimpleUploadedFile("sommet.html", b"<title>Sommet de Paris</title><p>Plus de 30 pays.</p>"),
        SimpleUploadedFile("notes.txt", b"Des milliers de soldats\n\nIls partiront en mars."),
    ]

    response = editor_client.post(UPLOAD, {"new_source": "AFP", "language": "fr", "files": files})

    assert response.status_code == 302
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Des milliers de soldats", "Sommet de Paris"]


def test_a_bad_file_is_named_next_to_the_field_and_the_good_ones_are_kept(editor_client):
    files = [
        SimpleUploadedFile("bon.txt", "Plus de 30 pays ont signé.".encode()),
        SimpleUploadedFile("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ]

    response = editor_client.post(UPLOAD, {"new_source": "AFP", "files": files})

    assert response.status_code == 200
    assert response.context["form"].errors["files"] == [
        "image.txt: This file is a PNG image, not a text, HTML, Word (.docx) or PDF article."
    ]
    kept = Article.objects.get()
    assert kept.title == "Plus de 30 pays ont signé."
    assert f'id="progress-{kept.pk}"' in response.content.decode()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le président a déclaré que plus de trente pays étaient prêts à envoyer des soldats.", "fr"),
        ("The president said that more than thirty countries were ready to send troops.", "en"),
    ],
)
def test_language_is_detected_when_left_to_detection(editor_client, text, language):
    paste(editor_client, language="", body=text)

    assert Article.objects.get().language == language


def test_chosen_language_overrides_detection(editor_client):
    paste(editor_client, language="en", body="Le président a déclaré que plus de trente pays étaient prêts.")

    assert Article.objects.get().language == "en"


def test_upload_page_lists_the_uploaded_articles_progress_and_polls_while_pending(editor_client):
    pending = ArticleFactory(title="En attente", extraction_status=Article.ExtractionStatus.PENDING)

    html = editor_client.get(UPLOAD, {"uploaded": [pending.pk, "junk"]}).content.decode()

    assert "En attente" in html
    assert "Extraction pending" in html
    assert 'hx-trigger="every 1s"' in html


def test_progress_fragment_stops_polling_once_every_article_is_finished(editor_client):
    done = ArticleFactory(extraction_status=Article.ExtractionStatus.DONE)

    response = editor_client.get(UPLOAD, {"uploaded": done.pk, "partial": "progress"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="upload-progress"')
    assert "Extraction done" in html
    assert "hx-trigger" not in html


def test_failed_extraction_shows_its_reason_and_retry_queues_it_again(
    editor_client, django_capture_on_commit_callbacks
):
    failed = ArticleFactory(
        extraction_status=Article.ExtractionStatus.FAILED, extraction_error="The extractor could not read it."
    )
    html = editor_client.get(UPLOAD, {"uploaded": failed.pk}).content.decode()
    assert "The extractor could not read it." in html
    assert reverse("claims:article_retry", args=[failed.pk]) in html

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("claims:article_retry", args=[failed.pk]), {"uploaded": [failed.pk]})

    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.extraction_status == Article.ExtractionStatus.DONE  # tasks run inline in unit tests
    assert failed.extraction_error == ""


def test_retrying_an_extraction_that_did_not_fail_is_refused_politely(editor_client):
    done = ArticleFactory(extraction_status=Article.ExtractionStatus.DONE)

    response = editor_client.post(reverse("claims:article_retry", args=[done.pk]), follow=True)

    assert response.status_code == 200
    assert "Only a failed extraction can be retried" in response.content.decode()


def test_retrying_a_missing_article_is_refused_politely(editor_client):
    response = editor_client.post(reverse("claims:article_retry", args=[999_999]), follow=True)

    assert response.status_code == 200
    assert "no longer exists" in response.content.decode()


def test_a_pasted_text_with_windows_line_breaks_is_stored_with_newlines_and_a_selection_lands_on_its_words(
    editor_client, reviewer
):
    paste(editor_client, body="Premier paragraphe.\r\n\r\nDeuxième paragraphe.\r\nLe 9 novembre, tout change.  ")
    article = Article.objects.get()
    assert article.body == "Premier paragraphe.\n\nDeuxième paragraphe.\nLe 9 novembre, tout change."

    # The reader counts a selection in characters of the text it shows, which is the stored body.
    start = article.body.index("9 novembre")
    data = {"kind": "date", "start": start, "end": start + len("9 novembre"), "date": "2025-11-09", "precision": "day"}
    editor_client.force_login(reviewer)
    editor_client.post(reverse("claims:claim_create", args=[article.pk]), data)

    assert article.claims.get(origin=Claim.Origin.HUMAN).text == "9 novembre"
