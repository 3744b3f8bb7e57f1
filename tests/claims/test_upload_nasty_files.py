"""Every file of the nasty corpus, through the upload form: read right, or refused by name next to the field.

Each nasty file is a test id marked `hostile` (count them as tests/api/test_hostile_requests.py says); the plain
UTF-8, Word and PDF articles are the controls."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parents[1] / "nasty_files"
CONTROLS = {"utf8.txt", "article.docx", "article.pdf"}
UPLOAD = reverse("claims:article_upload")

READABLE = {
    "utf8.txt": "Le président a déclaré que plus de 30 pays étaient prêts",
    "utf8-bom.txt": "Le président a déclaré que plus de 30 pays étaient prêts",
    "utf16-le-bom.txt": "Le président a déclaré que plus de 30 pays étaient prêts",
    "utf16-be-no-bom.txt": "Le président a déclaré que plus de 30 pays étaient prêts",
    "windows-1252.txt": "« Le ministre » a précisé que 12 000 hommes – dit-il – partiraient en mars. Œuvre d’art.",
    "latin-1.txt": "Le président a déclaré que plus de 30 pays étaient prêts",
    "rtl-emoji.txt": "قال الرئيس إن أكثر من 30 دولة مستعدة.\nהנשיא אמר כי יותר מ-30 מדינות מוכנות.",
    "script-heavy.html": "Le président a déclaré que plus de 30 pays étaient prêts.",
    "article.docx": "Des milliers de soldats pourraient être déployés.",
    "article.pdf": "Plus de 30 pays ont rejoint la coalition.",
    "macroman.txt": "Début de l’été : le président a déclaré que plus de 30 pays étaient prêts à agir.",
    "iso-8859-15.txt": "Le coût annoncé : 30 € par élève, pour une « œuvre » commune dès l'été.",
    "cp1251.txt": "Президент заявил, что более 30 стран готовы действовать.",
    "shift-jis.txt": "大統領は30以上の国が準備ができていると述べた。",
}
REFUSED = {
    "empty.txt": "This file is empty.",
    "only-whitespace.txt": "This file is empty.",
    "zip-renamed.txt": "This file is a zip archive",
    "broken.docx": "This file is a zip archive",
    "png-renamed.txt": "This file is a PNG image",
    "random-binary.txt": "This file is not text",
    "only-scripts.html": "This file has no readable text.",
    "no-text.pdf": "This PDF has no text to read",
    "truncated.pdf": "This PDF could not be read",
    "utf8-one-invalid-byte.txt": "This file is UTF-8 with 1 invalid byte (the first at byte 47)",
    "only-zero-width.txt": "The text has nothing to read",
    "only-control.txt": "The text has nothing to read",
}


def upload(client, *files, **fields):
    data = {"new_source": "AFP", "language": "", **fields, "files": list(files)}
    return client.post(UPLOAD, data)


def corpus_file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (CORPUS / name).read_bytes())


def test_every_corpus_file_is_covered():
    assert {path.name for path in CORPUS.iterdir() if path.name != "README.md"} == {*READABLE, *REFUSED}


@pytest.mark.parametrize(
    ("name", "expected_text"),
    [pytest.param(*item, marks=[] if item[0] in CONTROLS else [pytest.mark.hostile]) for item in READABLE.items()],
)
def test_readable_file_becomes_an_article_with_its_text(editor_client, name, expected_text):
    response = upload(editor_client, corpus_file(name))

    assert response.status_code == 302
    assert expected_text in Article.objects.get().body


@pytest.mark.hostile
@pytest.mark.parametrize(("name", "message"), REFUSED.items())
def test_unusable_file_is_refused_by_name_next_to_the_files_field(editor_client, name, message):
    response = upload(editor_client, corpus_file(name))

    assert response.status_code == 200
    errors = response.context["form"].errors["files"]
    assert any(error.startswith(f"{name}: {message}") for error in errors), errors
    assert not Article.objects.exists()


def test_html_upload_keeps_no_script_style_or_markup(editor_client):
    upload(editor_client, corpus_file("script-heavy.html"))

    body = Article.objects.get().body
    assert "alert" not in body
    assert "<" not in body
    assert "background" not in body
    assert "hidden template" not in body


@pytest.mark.hostile
def test_file_over_the_size_limit_is_refused_by_name(editor_client):
    huge = SimpleUploadedFile("huge.txt", b"Plus de 30 pays. " * (10 * 1024 * 1024 // 17 + 1))

    response = upload(editor_client, huge)

    assert response.context["form"].errors["files"] == ["huge.txt: This file is 10.0\xa0MB; the limit is 10.0\xa0MB."]


def test_size_limit_is_configurable(editor_client, settings):
    settings.UPLOAD_MAX_BYTES = 100

    response = upload(editor_client, SimpleUploadedFile("small.txt", b"a" * 101))

    assert (
        "small.txt: This file is 101\xa0bytes; the limit is 100\xa0bytes." in response.context["form"].errors["files"]
    )


def test_same_text_in_another_encoding_is_recognised_and_linked(editor_client):
    upload(editor_client, corpus_file("utf8.txt"))
    existing = Article.objects.get()

    response = upload(editor_client, corpus_file("utf16-le-bom.txt"))

    assert response.status_code == 200
    assert f'href="{existing.get_absolute_url()}"' in response.content.decode()
    assert Article.objects.count() == 1
