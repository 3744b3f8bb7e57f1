import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from articles.services import article_create, source_get_or_create
from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_article_create_stores_text_and_content_hash():
    source = SourceFactory(name="Le Monde")

    article = article_create(title="  Un  titre ", body=" Plus de 30 pays. ", source=source, language="fr")

    assert article.title == "Un titre"
    assert article.body == "Plus de 30 pays."
    assert len(article.content_hash) == 64
    assert article.extraction_status == Article.ExtractionStatus.PENDING


def test_same_text_uploaded_twice_is_refused_and_names_the_existing_article():
    existing = ArticleFactory(title="Premier envoi", body="Plus de 30 pays ont répondu.")

    with pytest.raises(ValidationError) as refusal:
        article_create(title="Copie", body="Plus de 30   pays ont\nrépondu.", source=existing.source, language="fr")

    assert "Premier envoi" in str(refusal.value)
    assert f"/articles/{existing.pk}/" in str(refusal.value)
    assert Article.objects.count() == 1


def test_empty_article_is_refused():
    with pytest.raises(ValidationError, match="no text"):
        article_create(title="Vide", body="   ", source=SourceFactory(), language="fr")


def test_source_names_are_matched_case_insensitively():
    first = source_get_or_create(name="Le  Figaro")

    assert source_get_or_create(name="le figaro") == first


def test_extraction_status_refuses_illegal_transitions():
    article = ArticleFactory(extraction_status=Article.ExtractionStatus.DONE)

    with pytest.raises(ValidationError):
        article.set_extraction_status(Article.ExtractionStatus.RUNNING)
