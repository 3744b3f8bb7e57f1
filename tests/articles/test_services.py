import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from articles.services import ArticleDraft, articles_create, is_duplicate, source_get_or_create
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def create_one(**fields) -> Article:
    result = articles_create(drafts=[ArticleDraft(**{"title": "Titre", "source": "Le Monde", **fields})])
    if result.refused:
        raise result.refused[0][1]
    return result.created[0]


def test_article_create_stores_text_and_content_hash():
    article = create_one(title="  Un  titre ", body=" Plus de 30 pays. ")

    assert article.title == "Un titre"
    assert article.body == "Plus de 30 pays."
    assert article.source.name == "Le Monde"
    assert len(article.content_hash) == 64
    assert article.extraction_status == Article.ExtractionStatus.PENDING


def test_windows_and_old_mac_line_breaks_are_stored_as_newlines_without_trailing_blanks():
    article = create_one(body="Premier paragraphe.  \r\n\r\nDeuxième\tparagraphe.\rFin. ")

    assert article.body == "Premier paragraphe.\n\nDeuxième\tparagraphe.\nFin."


def test_decomposed_accents_are_stored_composed():
    article = create_one(body="Le ministe\u0300re a re\u0301pondu.")

    assert article.body == "Le ministère a répondu."


def test_same_text_uploaded_twice_is_refused_and_names_the_existing_article():
    existing = ArticleFactory(title="Premier envoi", body="Plus de 30 pays ont répondu.")

    with pytest.raises(ValidationError) as refusal:
        create_one(title="Copie", body="Plus de 30   pays ont\nrépondu.")

    assert is_duplicate(refusal.value)
    assert "Premier envoi" in str(refusal.value)
    assert f"/articles/{existing.pk}/" in str(refusal.value)
    assert Article.objects.count() == 1


def test_empty_article_is_refused():
    with pytest.raises(ValidationError, match="no text"):
        create_one(title="Vide", body="   ")


def test_one_refused_draft_does_not_stop_the_others_and_is_named_by_position():
    drafts = [
        ArticleDraft(title="Bon", body="Plus de 30 pays.", source="AFP"),
        ArticleDraft(title="Vide", body=" \n ", source="AFP"),
        ArticleDraft(title="Répété", body="Plus de 30 pays.", source="AFP"),
        ArticleDraft(title="Autre", body="Des milliers de soldats.", source="Reuters"),
    ]

    result = articles_create(drafts=drafts)

    assert [article.title for article in result.created] == ["Bon", "Autre"]
    assert [position for position, _ in result.refused] == [1, 2]
    assert result.refused[0][1].messages == ["The article has no text."]
    assert is_duplicate(result.refused[1][1])


def test_source_names_are_matched_case_insensitively():
    first = source_get_or_create(name="Le  Figaro")

    assert source_get_or_create(name="le figaro") == first


def test_extraction_status_refuses_illegal_transitions():
    article = ArticleFactory(extraction_status=Article.ExtractionStatus.DONE)

    with pytest.raises(ValidationError):
        article.set_extraction_status(Article.ExtractionStatus.RUNNING)
