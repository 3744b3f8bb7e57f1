import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.services import ArticleDraft, is_duplicate, source_get_or_create
from claims import services
from claims.extraction import ClaimRecord
from claims.models import Claim
from claims.services import batches
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
Status = Article.ExtractionStatus


def spans(article: Article) -> list[tuple]:
    return list(
        article.claims.order_by("start", "end", "kind").values_list("kind", "start", "end", "text", "normalized")
    )


def pending(body: str) -> Article:
    return ArticleFactory(body=body, extraction_status=Status.PENDING)


def test_a_batch_stores_the_same_claims_as_extracting_each_article_alone(seed_text):
    articles = [pending(seed_text("001")), pending(seed_text("002")), pending(seed_text("004"))]
    for article in articles:
        services.article_extract_claims(article_id=article.pk)
    alone = {article.pk: spans(article) for article in articles}
    Claim.objects.all().delete()
    Article.objects.update(extraction_status=Status.PENDING)

    services.articles_extract_claims_batch(article_ids=list(alone))

    for article in Article.objects.all():
        assert article.extraction_status == Status.DONE
        assert spans(article) == alone[article.pk]


def test_running_a_batch_twice_adds_nothing(seed_text):
    article = pending(seed_text("002"))
    services.articles_extract_claims_batch(article_ids=[article.pk])
    count = article.claims.count()

    extracted_again = services.articles_extract_claims_batch(article_ids=[article.pk])

    assert extracted_again == []
    assert article.claims.count() == count > 0


def test_a_batch_keeps_reviewed_claims_of_an_article_extracted_before(seed_text, reviewer):
    article = pending(seed_text("002"))
    services.article_extract_claims(article_id=article.pk)
    claim = article.claims.get(text="Plus de 30 pays", kind="quantity")
    services.claim_reject(claim=claim, user=reviewer)
    Article.objects.filter(pk=article.pk).update(extraction_status=Status.PENDING)

    services.articles_extract_claims_batch(article_ids=[article.pk])

    claim.refresh_from_db()
    assert claim.status == Claim.Status.REJECTED
    assert article.claims.filter(kind="quantity", text="Plus de 30 pays").count() == 1


def test_a_failing_batch_falls_back_to_one_article_at_a_time(monkeypatch, seed_text):
    readable, unreadable = pending(seed_text("002")), pending("Un texte que le modèle ne lit pas.")

    def batch_breaks(documents, **kwargs):
        raise RuntimeError("one text broke the batch")

    def only_unreadable_breaks(text, **kwargs):
        if text.startswith("Un texte"):
            raise ValueError("unreadable")
        return [ClaimRecord(kind="quantity", text="Plus", start=0, end=4, sentence=text, sentence_start=0)]

    monkeypatch.setattr(batches, "extract_documents", batch_breaks)
    monkeypatch.setattr(services.extraction, "extract", only_unreadable_breaks)
    services.articles_extract_claims_batch(article_ids=[readable.pk, unreadable.pk])

    readable.refresh_from_db()
    unreadable.refresh_from_db()
    assert readable.extraction_status == Status.DONE
    assert unreadable.extraction_status == Status.FAILED


def test_a_batch_skips_failed_done_and_missing_articles(seed_text):
    failed = ArticleFactory(body=seed_text("002"), extraction_status=Status.FAILED)
    done_by_an_older_extractor = ArticleFactory(body=seed_text("001"), extractor_version="0.9")

    extracted = services.articles_extract_claims_batch(article_ids=[failed.pk, done_by_an_older_extractor.pk, 987654])

    assert extracted == []
    assert not Claim.objects.exists()


def test_submitting_skips_texts_already_stored_or_repeated_and_queues_after_commit(
    seed_text, django_capture_on_commit_callbacks
):
    ArticleFactory(body=seed_text("001"))
    drafts = [
        ArticleDraft(title="Déjà là", body=seed_text("001")),
        ArticleDraft(title="Coalition", body=seed_text("002"), source="AFP"),
        ArticleDraft(title="Coalition, bis", body="\n" + seed_text("002") + "  "),
        ArticleDraft(title="Vide", body="   "),
    ]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = services.articles_submit(drafts=drafts)

    assert [article.title for article in result.created] == ["Coalition"]
    assert result.duplicates == 2
    assert [(position, error.messages) for position, error in result.refused if not is_duplicate(error)] == [
        (3, ["The article has no text."])
    ]
    created = Article.objects.get(title="Coalition")
    assert created.source.name == "AFP"
    assert created.extraction_status == Status.PENDING
    assert created.history.count() == 1  # the upload is in the audit trail, as for a single upload
    assert len(callbacks) == 1
    callbacks[0]()  # the broker gets the batch only now; the eager task extracts it
    created.refresh_from_db()
    assert created.extraction_status == Status.DONE


def test_submitting_costs_the_same_queries_into_a_full_database_as_into_an_empty_one():
    def drafts(offset: int, count: int = 20) -> list[ArticleDraft]:
        return [ArticleDraft(title=f"A{n}", body=f"Texte {n}.", source="AFP") for n in range(offset, offset + count)]

    source_get_or_create(name="AFP")
    with CaptureQueriesContext(connection) as into_empty:
        services.articles_submit(drafts=drafts(0))
    services.articles_submit(drafts=drafts(1000, count=200))
    with CaptureQueriesContext(connection) as into_full:
        services.articles_submit(drafts=drafts(100))

    assert Article.objects.count() == 240
    assert len(into_full) == len(into_empty)
