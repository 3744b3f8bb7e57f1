import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from claims import services
from claims.extraction import ClaimRecord
from claims.models import Claim, ClaimLink
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db
BODY = "Plus de 30 pays et des milliers de soldats. Le 9 novembre, deux mois plus tard."


def record(text: str, *, body: str = BODY, value: float = 1.0, kind: str = "quantity") -> ClaimRecord:
    start = body.index(text)
    return ClaimRecord(
        kind=kind,
        text=text,
        start=start,
        end=start + len(text),
        sentence=body,
        sentence_start=0,
        fields={"value": value, "value_max": None, "qualifier": "exact", "unit": "x"},
        rule="test",
    )


def store(article, *records, version="1"):
    return services.claims_store_candidates(records_by_article={article: list(records)}, extractor_version=version)


def test_storing_the_same_candidates_twice_adds_nothing():
    article = ArticleFactory(body=BODY)
    store(article, record("Plus de 30 pays"), record("des milliers de soldats"))

    counts = store(article, record("Plus de 30 pays"), record("des milliers de soldats"))

    assert article.claims.count() == 2
    assert counts["created"] == 0


def test_re_extraction_keeps_human_work_and_adds_new_candidates(reviewer):
    article = ArticleFactory(body=BODY)
    store(article, record("Plus de 30 pays", value=30), record("des milliers de soldats"), record("deux mois"))
    confirmed = article.claims.get(text="Plus de 30 pays")
    services.claim_confirm(claim=confirmed, user=reviewer)
    rejected = article.claims.get(text="deux mois")
    services.claim_reject(claim=rejected, user=reviewer)
    other = ClaimFactory()
    linked = article.claims.get(text="des milliers de soldats")
    services.claim_link(from_claim=linked, to_claim=other, relation="same_as", user=reviewer)

    # The new extractor version reads the values differently, no longer finds two spans, finds a new one.
    store(article, record("Plus de 30 pays", value=31), record("Le 9 novembre", kind="date"), version="2")

    claims = {claim.text: claim for claim in article.claims.all()}
    assert claims["Plus de 30 pays"].status == Claim.Status.CONFIRMED
    assert claims["Plus de 30 pays"].normalized["value"] == 30  # a reviewed reading is not overwritten
    assert claims["deux mois"].status == Claim.Status.REJECTED
    assert "des milliers de soldats" in claims  # kept because a reviewer linked it
    assert claims["Le 9 novembre"].extractor_version == "2"
    assert ClaimLink.objects.count() == 1


def test_re_extraction_refreshes_untouched_candidates_and_drops_vanished_ones():
    article = ArticleFactory(body=BODY)
    store(article, record("Plus de 30 pays", value=3), record("deux mois"))

    store(article, record("Plus de 30 pays", value=30), version="2")

    claim = article.claims.get()
    assert claim.normalized["value"] == 30
    assert claim.extractor_version == "2"


def test_extracting_an_article_stores_candidates_and_marks_it_done(seed_text):
    article = ArticleFactory(body=seed_text("002"), extraction_status=Article.ExtractionStatus.PENDING)

    services.article_extract_claims(article_id=article.pk)
    services.article_extract_claims(article_id=article.pk)  # a duplicate message

    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.extractor_version
    texts = list(article.claims.values_list("text", flat=True))
    assert "Plus de 30 pays" in texts
    assert len(texts) == len(set(article.claims.values_list("kind", "start", "end")))


def test_an_extractor_crash_marks_the_article_failed_with_a_reason(monkeypatch):
    article = ArticleFactory(extraction_status=Article.ExtractionStatus.PENDING)

    def broken(*args, **kwargs):
        raise ValueError("model file unreadable")

    monkeypatch.setattr(services.extraction, "extract", broken)
    services.article_extract_claims(article_id=article.pk)

    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.FAILED
    assert "model file unreadable" in article.extraction_error


def test_extracting_a_deleted_article_does_nothing():
    assert services.article_extract_claims(article_id=987654) is None


def test_confirm_and_reject_record_who_and_when(reviewer):
    claim = ClaimFactory()

    services.claim_confirm(claim=claim, user=reviewer)
    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by) == (Claim.Status.CONFIRMED, reviewer)
    assert claim.reviewed_at is not None

    services.claim_reject(claim=claim, user=reviewer)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.REJECTED


def test_claims_of_the_same_article_cannot_be_linked(reviewer):
    claim = ClaimFactory()
    sibling = ClaimFactory(article=claim.article, start=5)

    with pytest.raises(ValidationError, match="another article"):
        services.claim_link(from_claim=claim, to_claim=sibling, relation="same_as", user=reviewer)


def test_the_same_link_cannot_be_recorded_twice(reviewer):
    first, second = ClaimFactory(), ClaimFactory()
    services.claim_link(from_claim=first, to_claim=second, relation="contradicts", user=reviewer)

    with pytest.raises(ValidationError, match="already linked"):
        services.claim_link(from_claim=first, to_claim=second, relation="contradicts", user=reviewer)


def test_stale_pending_articles_are_queued_again(settings, django_capture_on_commit_callbacks):
    settings.EXTRACTION_STALE_AFTER_SECONDS = 0
    stale = ArticleFactory(extraction_status=Article.ExtractionStatus.PENDING)
    ArticleFactory(extraction_status=Article.ExtractionStatus.DONE)

    with django_capture_on_commit_callbacks(execute=True):
        requeued = services.articles_requeue_stale_extractions()

    stale.refresh_from_db()
    assert requeued == 1
    assert stale.extraction_status == Article.ExtractionStatus.DONE  # the eager task ran
