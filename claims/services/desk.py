"""Sharing the work: giving articles to reviewers, and noting who has which article or claim open."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article

from ..models import ArticleAssignment, Claim, ReviewPresence

REVIEW_PERMISSION = "claims.change_claim"
ASSIGN_PERMISSION = "claims.change_articleassignment"


@transaction.atomic
def article_assign(*, article: Article, reviewer: AbstractBaseUser, user: AbstractBaseUser) -> ArticleAssignment:
    """An editor gives the article to a reviewer (replacing whoever had it)."""
    if not reviewer.is_active or not reviewer.has_perm(REVIEW_PERMISSION):
        raise ValidationError({"reviewer": f"{reviewer.get_username()} does not review claims."})
    assignment = ArticleAssignment.objects.select_for_update().filter(article=article).first()
    assignment = assignment or ArticleAssignment(article=article)
    assignment.reviewer, assignment.assigned_by = reviewer, user
    assignment._history_user = user
    assignment.save()
    return assignment


@transaction.atomic
def article_take(*, article: Article, user: AbstractBaseUser) -> ArticleAssignment:
    """A reviewer takes an article nobody has; one given to someone else stays theirs until it is released."""
    assignment = (
        ArticleAssignment.objects.select_for_update().select_related("reviewer").filter(article=article).first()
    )
    if assignment is not None and assignment.reviewer_id != user.pk:
        raise ValidationError(f"{assignment.reviewer.get_username()} already has this article.")
    return article_assign(article=article, reviewer=user, user=user)


@transaction.atomic
def article_release(*, article: Article, user: AbstractBaseUser) -> None:
    """Give the article back: its reviewer may, and so may whoever can assign articles."""
    assignment = ArticleAssignment.objects.select_for_update().filter(article=article).first()
    if assignment is None:
        return
    if assignment.reviewer_id != user.pk and not user.has_perm(ASSIGN_PERMISSION):
        raise ValidationError("Only its reviewer or an editor can release this article.")
    assignment._history_user = user
    assignment.delete()


def presence_touch(*, user: AbstractBaseUser, article: Article, claim: Claim | None = None) -> ReviewPresence:
    """Note that this person has the article (and perhaps one of its claims) open now.

    `opened_at` restarts when they come back after the presence window, so "opened 2 min ago" means this visit.
    """
    now = timezone.now()
    window = timedelta(minutes=settings.PRESENCE_MINUTES)
    # Visits from before yesterday say nothing any more: the table stays the size of a day's work.
    ReviewPresence.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
    presence, created = ReviewPresence.objects.get_or_create(
        user=user, article=article, defaults={"claim": claim, "opened_at": now, "seen_at": now}
    )
    if not created:
        if presence.seen_at < now - window:
            presence.opened_at = now
        presence.seen_at = now
        presence.claim = claim if claim is not None and claim.article_id == article.pk else presence.claim
        presence.save(update_fields=["opened_at", "seen_at", "claim"])
    return presence
