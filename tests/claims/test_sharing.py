"""Sharing the work: assigning articles, taking them, My queue, and who else has an article open."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import ArticleAssignment, ReviewPresence
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_editor_assigns_an_article_to_a_reviewer_and_it_is_audited(editor_client, editor, reviewer):
    article = ArticleFactory()

    response = editor_client.post(reverse("claims:article_assign", args=[article.pk]), {"reviewer": reviewer.pk})

    assert response.status_code == 302
    assignment = ArticleAssignment.objects.get(article=article)
    assert (assignment.reviewer, assignment.assigned_by) == (reviewer, editor)
    assert assignment.history.latest().history_user == editor
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "Assigned to <strong>remi</strong>" in page


def test_an_article_cannot_be_given_to_someone_who_does_not_review(editor_client, viewer):
    article = ArticleFactory()

    response = editor_client.post(
        reverse("claims:article_assign", args=[article.pk]), {"reviewer": viewer.pk}, follow=True
    )

    assert "violette does not review claims." in response.content.decode()
    assert not ArticleAssignment.objects.exists()


def test_a_reviewer_takes_a_free_article_but_not_a_colleagues(reviewer_client, reviewer):
    free, taken = ArticleFactory(), ArticleFactory()
    colleague = UserFactory(username="alice", roles=["reviewer"])
    services.article_take(article=taken, user=colleague)

    reviewer_client.post(reverse("claims:article_take", args=[free.pk]))
    response = reviewer_client.post(reverse("claims:article_take", args=[taken.pk]), follow=True)

    assert ArticleAssignment.objects.get(article=free).reviewer == reviewer
    assert ArticleAssignment.objects.get(article=taken).reviewer == colleague
    assert "alice already has this article." in response.content.decode()


def test_a_reviewer_cannot_assign_nor_release_a_colleagues_article(reviewer_client):
    article = ArticleFactory()
    colleague = UserFactory(username="alice", roles=["reviewer"])
    services.article_take(article=article, user=colleague)

    assign = reviewer_client.post(reverse("claims:article_assign", args=[article.pk]), {"reviewer": colleague.pk})
    release = reviewer_client.post(reverse("claims:article_release", args=[article.pk]), follow=True)

    assert assign.status_code == 403
    assert "Only its reviewer or an editor can release this article." in release.content.decode()
    assert ArticleAssignment.objects.get(article=article).reviewer == colleague


def test_my_queue_lists_only_the_claims_of_my_articles(reviewer_client, reviewer):
    mine = ClaimFactory(article=ArticleFactory(title="Mon article"))
    ClaimFactory(article=ArticleFactory(title="Celui d'un autre"))
    services.article_take(article=mine.article, user=reviewer)

    response = reviewer_client.get(reverse("claims:my_queue"), follow=True)

    html = response.content.decode()
    assert "<h1>My queue" in html
    assert f'id="claim-{mine.pk}"' in html
    assert html.count('class="claim card') == 1


def test_the_heartbeat_says_who_else_is_on_the_article_and_which_claim(client, reviewer):
    claim = ClaimFactory()
    alice = UserFactory(username="alice", roles=["reviewer"])
    client.force_login(alice)
    client.post(reverse("claims:article_presence", args=[claim.article_id]), {"claim": claim.pk})
    client.force_login(reviewer)

    html = client.post(reverse("claims:article_presence", args=[claim.article_id])).content.decode()

    assert "<strong>alice</strong> is reviewing this article, opened 0" in html
    assert f"on the claim “{claim.text}”" in html
    assert "remi" not in html  # never oneself


def test_someone_gone_for_longer_than_the_window_is_not_shown(client, reviewer, settings):
    article = ArticleFactory()
    alice = UserFactory(username="alice", roles=["reviewer"])
    services.presence_touch(user=alice, article=article)
    ReviewPresence.objects.update(seen_at=timezone.now() - timedelta(minutes=settings.PRESENCE_MINUTES + 1))
    client.force_login(reviewer)

    html = client.post(reverse("claims:article_presence", args=[article.pk])).content.decode()

    assert "alice" not in html


def test_coming_back_after_the_window_restarts_the_visit():
    article = ArticleFactory()
    alice = UserFactory(username="alice", roles=["reviewer"])
    first = services.presence_touch(user=alice, article=article)
    ReviewPresence.objects.update(
        opened_at=first.opened_at - timedelta(hours=1), seen_at=first.seen_at - timedelta(hours=1)
    )

    again = services.presence_touch(user=alice, article=article)

    assert again.opened_at >= first.opened_at


def test_the_queue_polls_who_else_is_on_its_articles(reviewer_client):
    claim = ClaimFactory(article=ArticleFactory(title="Sommet de Londres"))
    services.presence_touch(user=UserFactory(username="alice", roles=["reviewer"]), article=claim.article)

    page = reviewer_client.get(reverse("claims:review_queue")).content.decode()
    polled = reviewer_client.get(f"{reverse('claims:queue_presence')}?article={claim.article_id}&article=junk")

    assert f"article={claim.article_id}" in page
    assert (
        "<strong>alice</strong> is reviewing" in polled.content.decode()
        and "Sommet de Londres" in polled.content.decode()
    )


def test_a_viewer_sees_who_is_assigned_but_cannot_take(viewer_client):
    article = ArticleFactory()

    html = viewer_client.get(article.get_absolute_url()).content.decode()

    assert "Nobody is assigned." in html
    assert ">Take<" not in html
    assert viewer_client.post(reverse("claims:article_take", args=[article.pk])).status_code == 403
