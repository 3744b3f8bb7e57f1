"""An editor corrects an article's text: claims follow their words, reviewed work is never lost."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article, content_hash
from claims import services
from claims.models import ArticleCorrection, Claim, ClaimLink
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db
BODY = (
    "Le sommet s'est tenu à Londres.\n\n"
    "Plus de 30 pays ont envoyé des soldats. Des milliers de soldats sont attendus.\n\n"
    "Le 9 novembre, deux mois plus tard, la coalition s'est réunie."
)


def claim_on(article, text: str, **fields) -> Claim:
    start = article.body.index(text)
    end = start + len(text)
    context = {
        "context_before": article.body[max(0, start - 30) : start],
        "context_after": article.body[end : end + 30],
    }
    return ClaimFactory(article=article, start=start, text=text, **context, **fields)


def correct(article, body: str, user, **fields):
    return services.article_correct(article=article, user=user, body=body, **fields)


def on_its_words(claim: Claim) -> bool:
    claim.refresh_from_db()
    return claim.article.body[claim.start : claim.end] == claim.text


def test_a_typo_fixed_above_keeps_a_confirmed_claim_on_its_words(editor, reviewer):
    article = ArticleFactory(body=BODY)
    claim = claim_on(article, "Plus de 30 pays")
    services.claim_confirm(claim=claim, user=reviewer)

    correct(article, BODY.replace("s'est tenu", "s’est bien tenu"), editor, note="Typo in the first line")

    assert on_its_words(claim)
    assert (claim.status, claim.text) == (Claim.Status.CONFIRMED, "Plus de 30 pays")
    article.refresh_from_db()
    assert article.content_hash == content_hash(article.body)
    record = article.history.latest()
    assert (record.history_user, record.history_change_reason) == (editor, "Typo in the first line")
    assert "Londres" in article.history.earliest().body and "bien tenu" in record.body


def test_a_claim_whose_words_changed_goes_back_to_review_with_a_note(editor, reviewer):
    article = ArticleFactory(body=BODY)
    claim = claim_on(article, "Plus de 30 pays")
    services.claim_confirm(claim=claim, user=reviewer)

    result = correct(article, BODY.replace("Plus de 30 pays", "Plus de 32 pays"), editor)

    assert result.changed == [claim]
    assert on_its_words(claim)
    assert (claim.text, claim.status) == ("Plus de 32 pays", Claim.Status.CANDIDATE)
    assert "“Plus de 30 pays” now reads “Plus de 32 pays”" in claim.comments.get().body


def test_a_reviewed_claim_whose_words_are_gone_is_kept_and_listed_not_moved(editor, reviewer, reviewer_client):
    article = ArticleFactory(body=BODY)
    gone = claim_on(article, "deux mois")
    services.claim_reject(claim=gone, user=reviewer)
    untouched = claim_on(article, "Le 9 novembre", kind=Claim.Kind.DATE, normalized={"date": "2025-11-09"})

    result = correct(article, BODY.split("\n\nLe 9 novembre")[0], editor)

    assert result.lost == [gone]
    gone.refresh_from_db()
    assert (gone.orphaned, gone.status, gone.text) == (True, Claim.Status.REJECTED, "deux mois")
    assert not Claim.objects.filter(pk=untouched.pk).exists()  # a machine suggestion nobody touched
    page = reviewer_client.get(reverse("claims:article_reader", args=[article.pk])).content.decode()
    assert "could no longer be found" in page and "deux mois" in page


def test_linked_claims_keep_their_links_when_their_text_moves(editor, reviewer):
    article = ArticleFactory(body=BODY)
    claim = claim_on(article, "Des milliers de soldats")
    other = ClaimFactory()
    services.claim_link(from_claim=claim, to_claim=other, relation="same_as", user=reviewer)

    correct(article, "Correction : le sommet a eu lieu jeudi.\n\n" + BODY, editor)

    assert on_its_words(claim)
    assert ClaimLink.objects.filter(from_claim=claim, to_claim=other).exists()
    assert claim.fact_id is not None


def test_claims_swapping_places_do_not_collide(editor, reviewer):
    article = ArticleFactory(body="Lundi, 30 pays ont voté.\n\nMardi, 30 pays ont signé.")
    first = claim_on(article, "30 pays")
    second = ClaimFactory(article=article, start=article.body.rindex("30 pays"), text="30 pays",
                          context_before="Mardi, ", context_after=" ont signé.")  # fmt: skip
    for claim in (first, second):
        services.claim_confirm(claim=claim, user=reviewer)

    correct(article, "Mardi, 30 pays ont signé.\n\nLundi, 30 pays ont voté.", editor)

    first.refresh_from_db()
    second.refresh_from_db()
    body = first.article.body
    assert body[first.start - 7 : first.end] == "Lundi, 30 pays"
    assert body[second.start - 7 : second.end] == "Mardi, 30 pays"


def test_a_moved_claim_cannot_be_undone_into_the_old_text(editor, reviewer):
    article = ArticleFactory(body=BODY)
    claim = claim_on(article, "Plus de 30 pays")
    services.claim_confirm(claim=claim, user=reviewer)
    correct(article, "Mise à jour.\n\n" + BODY, editor)

    with pytest.raises(ValidationError):
        services.claim_undo_last_decision(user=reviewer)
    with pytest.raises(ValidationError):
        services.claim_undo_last_decision(user=editor)

    assert on_its_words(claim)


def test_a_text_already_in_the_tracker_is_refused(editor):
    ArticleFactory(body="Un autre texte, déjà suivi.")
    article = ArticleFactory(body=BODY)

    with pytest.raises(ValidationError, match="already in the tracker"):
        correct(article, "Un autre texte, déjà suivi.", editor)

    article.refresh_from_db()
    assert article.body == BODY


def test_only_the_changed_paragraph_is_extracted_again(editor, django_capture_on_commit_callbacks):
    article = ArticleFactory(body=BODY, extraction_status=Article.ExtractionStatus.PENDING)
    services.article_extract_claims(article_id=article.pk)
    before = {(claim.text, claim.pk) for claim in article.claims.all()}
    kept_far = {pair for pair in before if pair[0] == "Le 9 novembre"}

    new_body = BODY.replace("Plus de 30 pays ont envoyé", "Plus de 40 pays ont envoyé 5 000")
    with django_capture_on_commit_callbacks(execute=True):
        correct(article, new_body, editor)

    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    after = {(claim.text, claim.pk) for claim in article.claims.all()}
    assert kept_far <= after  # an untouched paragraph keeps its very claims
    assert "Plus de 40 pays" in {text for text, _ in after}
    assert all(article.body[c.start : c.end] == c.text for c in article.claims.all())
    assert ArticleCorrection.objects.get(article=article).extracted_at is not None


def test_the_edit_page_corrects_the_text_and_says_what_became_of_the_claims(editor_client, reviewer):
    article = ArticleFactory(body=BODY)
    claim = claim_on(article, "Plus de 30 pays")
    services.claim_confirm(claim=claim, user=reviewer)
    data = {"title": article.title, "source": article.source_id, "language": "fr", "body": "Mise à jour.\n\n" + BODY}

    response = editor_client.post(reverse("claims:article_edit", args=[article.pk]), {**data, "note": "Update"})

    assert response.status_code == 302
    assert on_its_words(claim)
    page = editor_client.get(response.url).content.decode()
    assert "Text corrected: 1 claim(s) kept on their words" in page


def test_an_empty_text_is_refused_next_to_the_field(editor_client):
    article = ArticleFactory(body=BODY)
    data = {"title": article.title, "source": article.source_id, "language": "fr", "body": "   "}

    response = editor_client.post(reverse("claims:article_edit", args=[article.pk]), data)

    assert response.status_code == 200
    assert "The article&#x27;s text cannot be empty" in response.content.decode()
    article.refresh_from_db()
    assert article.body == BODY


def test_a_text_corrected_again_before_its_extraction_ran_is_extracted_whole(
    editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory(body=BODY, extraction_status=Article.ExtractionStatus.PENDING)
    services.article_extract_claims(article_id=article.pk)
    with django_capture_on_commit_callbacks() as first_callbacks:  # its extraction message is not delivered yet
        correct(article, BODY.replace("Plus de 30 pays", "Plus de 40 pays"), editor)

    with django_capture_on_commit_callbacks(execute=True):
        correct(article, BODY.replace("Plus de 30 pays", "Plus de 40 pays").replace("Londres", "Paris"), editor)
    for callback in first_callbacks:
        callback()  # the late first message finds a text it was not made for, and leaves it alone

    article.refresh_from_db()
    assert article.extraction_status == Article.ExtractionStatus.DONE
    texts = set(article.claims.values_list("text", flat=True))
    assert "Plus de 40 pays" in texts and "Plus de 30 pays" not in texts
    assert all(article.body[c.start : c.end] == c.text for c in article.claims.all())


def test_a_lost_claim_placed_again_by_a_reviewer_is_back_in_the_text(editor, reviewer, reviewer_client):
    article = ArticleFactory(body=BODY)
    gone = claim_on(article, "deux mois")
    services.claim_confirm(claim=gone, user=reviewer)
    new_body = BODY.replace("deux mois plus tard", "huit semaines plus tard")
    correct(article, new_body, editor)
    gone.refresh_from_db()
    assert gone.orphaned

    start = new_body.index("huit semaines")
    services.claim_update(
        claim=gone,
        user=reviewer,
        expected_version=gone.version,
        reading={"value": 8, "qualifier": "exact", "unit": "semaines"},
        start=start,
        end=start + 13,
    )

    gone.refresh_from_db()
    assert (gone.orphaned, gone.text) == (False, "huit semaines")
    page = reviewer_client.get(article.get_absolute_url()).content.decode()
    assert "could no longer be found" not in page and f'id="claim-{gone.pk}"' in page


def test_the_api_says_which_claims_a_correction_lost(editor, reviewer, reviewer_client):
    article = ArticleFactory(body=BODY)
    gone = claim_on(article, "deux mois")
    services.claim_reject(claim=gone, user=reviewer)
    correct(article, BODY.split("\n\nLe 9 novembre")[0], editor)

    claims = reviewer_client.get(f"/api/v1/claims/?article={article.pk}&status=rejected").json()["results"]

    assert [(claim["id"], claim["orphaned"]) for claim in claims] == [(gone.pk, True)]
