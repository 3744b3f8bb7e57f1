"""Files made to stall or fool a server, generated here (too big to keep in git): each is refused by name, in
seconds, or read right, and the good file dropped with it is still kept.

Each case is a test id marked `hostile` (count them as tests/api/test_hostile_requests.py says)."""

import gzip
import io
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db
UPLOAD = reverse("claims:article_upload")
GOOD_TEXT = "Plus de 30 pays ont rejoint la coalition le 9 novembre."
ARTICLE_PDF = Path(__file__).resolve().parents[1] / "nasty_files" / "article.pdf"


def drop_with_a_good_file(client, hostile: SimpleUploadedFile):
    good = SimpleUploadedFile("good.txt", GOOD_TEXT.encode())
    return client.post(UPLOAD, {"new_source": "AFP", "language": "fr", "files": [hostile, good]})


def refusal(response, name: str) -> str:
    """The one error naming `name`, after checking the good file of the drop was kept."""
    assert response.status_code == 200
    assert list(Article.objects.values_list("body", flat=True)) == [GOOD_TEXT]
    errors = [error for error in response.context["form"].errors["files"] if error.startswith(f"{name}: ")]
    assert len(errors) == 1, response.context["form"].errors
    return errors[0]


def docx_bytes(*, paragraphs: int = 1, extra_members: dict[str, bytes] | None = None) -> bytes:
    """A real Word file, its body repeated to `paragraphs` paragraphs, with `extra_members` added to the zip."""
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Des milliers de soldats.")
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
                data = data.replace(b"<w:body>", b"<w:body>" + paragraph * (paragraphs - 1), 1)
            archive.writestr(info.filename, data)
        for name, data in (extra_members or {}).items():
            archive.writestr(name, data)
    return packed.getvalue()


@pytest.mark.hostile
def test_html_nested_100000_deep_is_refused_by_name(editor_client):
    nested = "<html><body>" + "<div>" * 100_000 + "Plus de 30 pays." + "</div>" * 100_000 + "</body></html>"

    response = drop_with_a_good_file(editor_client, SimpleUploadedFile("nested.html", nested.encode()))

    assert "nested more than 256 elements deep" in refusal(response, "nested.html")


@pytest.mark.hostile
def test_html_nested_200_deep_is_read_whole(editor_client):
    nested = "<html><body>" + "<div>" * 200 + "Plus de 30 pays." + "</div>" * 200 + "</body></html>"

    editor_client.post(UPLOAD, {"new_source": "AFP", "files": [SimpleUploadedFile("deep.html", nested.encode())]})

    assert Article.objects.get().body == "Plus de 30 pays."


@pytest.mark.hostile
def test_docx_zip_bomb_is_refused_from_its_directory(editor_client):
    # 200 MB of zeros packs to about 200 KB: a real bomb, unpacked by nothing but zipfile's directory.
    bomb = docx_bytes(extra_members={"word/media/zeros.bin": bytes(200 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024

    response = drop_with_a_good_file(editor_client, SimpleUploadedFile("bomb.docx", bomb))

    message = refusal(response, "bomb.docx")
    assert "This Word file unpacks to 200." in message
    assert message.endswith("the limit is 50.0\xa0MB.")


@pytest.mark.hostile
def test_docx_of_300000_paragraphs_is_refused_before_reading_them(editor_client):
    crowded = docx_bytes(paragraphs=300_000)
    assert len(crowded) < 100 * 1024

    response = drop_with_a_good_file(editor_client, SimpleUploadedFile("crowded.docx", crowded))

    assert "This Word file has 300,001 paragraphs; the limit is 20,000." in refusal(response, "crowded.docx")


@pytest.mark.hostile
def test_docx_of_too_many_parts_is_refused(editor_client):
    parts = docx_bytes(extra_members={f"customXml/item{number}.xml": b"<a/>" for number in range(1000)})

    response = drop_with_a_good_file(editor_client, SimpleUploadedFile("parts.docx", parts))

    assert "parts; the limit is 1,000." in refusal(response, "parts.docx")


@pytest.mark.hostile
def test_pdf_over_the_page_limit_is_refused(editor_client):
    writer = pypdf.PdfWriter()
    for _ in range(501):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)

    response = drop_with_a_good_file(editor_client, SimpleUploadedFile("pages.pdf", buffer.getvalue()))

    assert "This PDF has 501 pages; the limit is 500." in refusal(response, "pages.pdf")


@pytest.mark.hostile
def test_pdf_over_the_length_limit_is_refused_while_reading(editor_client, settings):
    settings.ARTICLE_MAX_CHARS = 20

    response = editor_client.post(
        UPLOAD, {"new_source": "AFP", "files": [SimpleUploadedFile("long.pdf", ARTICLE_PDF.read_bytes())]}
    )

    assert response.context["form"].errors["files"] == [
        "long.pdf: This PDF has more than 20 characters of text, the limit."
    ]
    assert not Article.objects.exists()


@pytest.mark.hostile
def test_text_file_over_the_length_limit_is_refused_by_name(editor_client, settings):
    settings.ARTICLE_MAX_CHARS = 100

    response = drop_with_a_good_file(editor_client, SimpleUploadedFile("long.txt", b"Plus de 30 pays. " * 10))

    assert "The text is 169 characters long; the limit is 100." in refusal(response, "long.txt")


@pytest.mark.hostile
def test_pasted_text_over_the_length_limit_is_refused_next_to_the_text(editor_client, settings):
    settings.ARTICLE_MAX_CHARS = 100

    response = editor_client.post(UPLOAD, {"new_source": "AFP", "title": "Long", "body": "Plus de 30 pays. " * 10})

    assert response.status_code == 200
    assert any("the limit is 100" in error for error in response.context["form"].errors["body"])
    assert not Article.objects.exists()


def test_the_default_length_limit_stays_under_spacys_own(settings):
    assert settings.ARTICLE_MAX_CHARS < 1_000_000


def hostile_drop(client, name: str, content: bytes):
    return drop_with_a_good_file(client, SimpleUploadedFile(name, content))


@pytest.mark.hostile
def test_a_file_name_climbing_out_of_its_folder_is_cut_to_its_own_name(editor_client):
    response = hostile_drop(editor_client, "../../etc/passwd.txt", b"")

    assert refusal(response, "passwd.txt") == "passwd.txt: This file is empty."


@pytest.mark.hostile
def test_a_docx_that_is_plain_text_is_read_as_text(editor_client):
    editor_client.post(UPLOAD, {"new_source": "AFP", "files": [SimpleUploadedFile("notes.docx", GOOD_TEXT.encode())]})

    assert Article.objects.get().body == GOOD_TEXT


@pytest.mark.hostile
def test_a_truncated_docx_is_refused_by_name(editor_client):
    whole = docx_bytes()

    response = hostile_drop(editor_client, "cut.docx", whole[: len(whole) // 2])

    assert "This file is a zip archive" in refusal(response, "cut.docx")


@pytest.mark.hostile
def test_a_docx_with_an_entity_bomb_is_refused_without_expanding_it(editor_client):
    laughs = b'<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' + b"".join(
        b'<!ENTITY %c "%s">' % (ord(name), (b"&%c;" % ord(previous)) * 10)
        for previous, name in zip("bcdefgh", "cdefghi", strict=True)
    )
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b"?>" + laughs + b"]>", 1).replace(b"Des milliers", b"&i; milliers", 1)
            archive.writestr(info.filename, data)

    response = hostile_drop(editor_client, "laughs.docx", packed.getvalue())

    assert "laughs.docx: This file is a zip archive, not a text" in refusal(response, "laughs.docx")


@pytest.mark.hostile
def test_an_encrypted_pdf_is_refused_by_name(editor_client):
    writer = pypdf.PdfWriter(clone_from=ARTICLE_PDF)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)

    response = hostile_drop(editor_client, "locked.pdf", buffer.getvalue())

    assert refusal(response, "locked.pdf") == "locked.pdf: This PDF could not be read (damaged or password-protected)."


@pytest.mark.hostile
def test_html_with_an_entity_bomb_is_read_without_expanding_it(editor_client):
    laughs = '<!DOCTYPE html [<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {name} "{f"&{previous};" * 10}">' for previous, name in zip("abcdefg", "bcdefgh", strict=True)
    )
    page = f"{laughs}]><html><body><p>Plus de 30 pays &h;.</p></body></html>"

    editor_client.post(UPLOAD, {"new_source": "AFP", "files": [SimpleUploadedFile("laughs.html", page.encode())]})

    body = Article.objects.get().body
    assert "Plus de 30 pays" in body
    assert len(body) < 1000


@pytest.mark.hostile
def test_a_file_of_five_megabytes_of_line_breaks_is_refused_as_empty(editor_client):
    response = hostile_drop(editor_client, "breaks.txt", b"\r\n" * (5 * 1024 * 1024 // 2))

    assert "This file is empty." in refusal(response, "breaks.txt")


@pytest.mark.hostile
def test_a_gzip_renamed_txt_is_refused_as_not_text(editor_client):
    response = hostile_drop(editor_client, "packed.txt", gzip.compress(GOOD_TEXT.encode() * 100))

    assert "packed.txt: This file is a gzip archive, not a text" in refusal(response, "packed.txt")
