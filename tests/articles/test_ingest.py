import pytest
from django.core.exceptions import ValidationError

from articles.ingest import document_from_upload

TEXT = "Le président a déclaré que plus de 30 pays étaient prêts."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_text_files_are_decoded_whatever_their_encoding(encoding):
    assert document_from_upload(name="article.txt", data=TEXT.encode(encoding)).text == TEXT


def test_html_is_reduced_to_its_text_without_scripts_or_styles():
    html = (
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<script>alert('x')</script><h1>Titre</h1><p>Plus de <b>30</b> pays.</p><p>Deuxième paragraphe.</p>"
        "</body></html>"
    )

    text = document_from_upload(name="page.html", data=html.encode()).text

    assert text == "Titre\n\nPlus de 30 pays.\n\nDeuxième paragraphe."


def test_html_is_recognised_by_content_even_with_a_txt_name():
    text = document_from_upload(name="article.txt", data=b"<!DOCTYPE html><p>Bonjour <i>le monde</i></p>").text
    assert text == "Bonjour le monde"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"PK\x03\x04\x14\x00\x00\x00 rest of a zip", "zip archive"),
        (b"%PDF-1.7 binary", "PDF could not be read"),
        (b"text\x00with\x00nul\x00bytes", "not text"),
        (b"<html><script>only()</script></html>", "no readable text"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(ValidationError, match=message):
        document_from_upload(name="article.txt", data=data)


@pytest.mark.parametrize("data", [b"<!-- only a comment -->", b"<!doctype html>", b"<html></html>", b"<p>\x0c\x0b</p>"])
def test_html_with_nothing_to_read_is_refused_not_a_server_error(data):
    with pytest.raises(ValidationError, match=r"no readable text|nothing to read"):
        document_from_upload(name="page.html", data=data)


def test_control_characters_between_html_elements_do_not_stop_the_reading():
    assert document_from_upload(name="page.html", data=b"<p>Plus de 30 pays.</p>\x0c\x0b<p>Fin.</p>").text == (
        "Plus de 30 pays.\n\nFin."
    )
