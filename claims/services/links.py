"""Links between claims of different articles, and the facts their same-as links form."""

import re
from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator

from ..models import Claim, ClaimLink, Fact, Rating
from .webhooks import fact_changed_publish, link_created_publish

STATEMENT_MAX = 500  # Fact.statement's length


def claim_link(
    *, from_claim: Claim, to_claim: Claim, relation: str, note: str = "", user: AbstractBaseUser
) -> ClaimLink:
    """Record that two claims of different articles are the same, support or contradict each other."""
    if from_claim.article_id == to_claim.article_id:
        raise ValidationError({"to_claim": "Link a claim to a claim of another article."})
    link = ClaimLink(from_claim=from_claim, to_claim=to_claim, relation=relation, note=note.strip(), created_by=user)
    link._history_user = user
    link.full_clean(validate_constraints=False)
    if ClaimLink.objects.filter(
        Q(from_claim=from_claim, to_claim=to_claim) | Q(from_claim=to_claim, to_claim=from_claim), relation=relation
    ).exists():
        raise ValidationError({"to_claim": "These two claims are already linked that way."})
    try:
        with transaction.atomic():
            link.save()
            if relation == ClaimLink.Relation.SAME_AS:
                facts_regroup(claim_ids=[from_claim.pk, to_claim.pk])
            link_created_publish(link=link)
    except IntegrityError as error:
        raise ValidationError({"to_claim": "These two claims are already linked that way."}) from error
    return link


@transaction.atomic
def claim_unlink(*, link: ClaimLink, user: AbstractBaseUser) -> int:
    """Remove a link; returns the history entry of the removal, which `link_restore` takes to undo it."""
    ends, link_id = [link.from_claim_id, link.to_claim_id], link.pk
    link._history_user = user
    link.delete()
    if link.relation == ClaimLink.Relation.SAME_AS:
        facts_regroup(claim_ids=ends)
    return ClaimLink.history.filter(id=link_id, history_type="-").latest("history_id").history_id


def same_as_cluster(claim_ids: Iterable[int]) -> set[int]:
    """Every claim reachable from these through same-as links, in either direction."""
    cluster, frontier = set(claim_ids), set(claim_ids)
    while frontier:
        pairs = ClaimLink.objects.filter(
            Q(from_claim_id__in=frontier) | Q(to_claim_id__in=frontier), relation=ClaimLink.Relation.SAME_AS
        ).values_list("from_claim_id", "to_claim_id")
        reached = {claim_id for pair in pairs for claim_id in pair}
        frontier = reached - cluster
        cluster |= reached
    return cluster


@transaction.atomic
def facts_regroup(*, claim_ids: Iterable[int]) -> list[Fact]:
    """Make each same-as cluster touching these claims share one fact.

    A merged cluster keeps its oldest fact (and with it the verdict); a cluster split by an unlink
    gets a new fact for the part that lost it; a claim left alone has no fact; empty facts go.
    """
    pending, facts = set(claim_ids), []
    touched_fact_ids = set(Claim.objects.filter(pk__in=pending, fact__isnull=False).values_list("fact_id", flat=True))
    while pending:
        cluster = same_as_cluster([pending.pop()])
        pending -= cluster
        members = Claim.objects.filter(pk__in=cluster)
        current = set(members.filter(fact__isnull=False).values_list("fact_id", flat=True))
        touched_fact_ids |= current
        if len(cluster) < 2:
            members.update(fact=None, updated_at=timezone.now())
            continue
        fact = Fact.objects.filter(pk__in=current).exclude(pk__in=[f.pk for f in facts]).order_by("pk").first()
        if fact is None:
            fact = Fact.objects.create(statement=fact_statement_propose(claims=members))
        elif not fact.statement:
            fact.statement = fact_statement_propose(claims=members)
            fact.save(update_fields=["statement", "updated_at"])
        else:
            fact.save(update_fields=["updated_at"])
        members.exclude(fact=fact).update(fact=fact, updated_at=timezone.now())
        facts.append(fact)
    Fact.objects.filter(pk__in=touched_fact_ids, claims__isnull=True).delete()
    fact_changed_publish(fact_ids=touched_fact_ids | {fact.pk for fact in facts})
    return facts


def fact_statement_propose(*, claims) -> str:
    """A first wording of the fact, for a reviewer to edit: the quote with its speaker, or the sentence of
    the earliest report (a confirmed one if there is one), since that is the fact as it was first stated."""
    ordered = sorted(
        claims.select_related("article"),
        key=lambda c: (c.status != Claim.Status.CONFIRMED, c.article.published_on or date.max, c.pk),
    )
    if not ordered:
        return ""
    claim = ordered[0]
    if claim.kind == Claim.Kind.QUOTE and claim.normalized.get("quote"):
        speaker = claim.normalized.get("speaker") or "Someone"
        return Truncator(f"{speaker}: “{claim.normalized['quote']}”").chars(STATEMENT_MAX)
    return Truncator(statement_clause(claim)).chars(STATEMENT_MAX)


CLAUSE_BREAK = re.compile(r"[,;:—–]\s")
SHORT_STATEMENT = 140


def statement_clause(claim: Claim) -> str:
    """The claim's sentence, or, when the sentence is long, the clause holding the claim (between the
    punctuation before and after it): a title a reader takes in at a glance."""
    sentence = " ".join((claim.sentence or claim.text).split())
    position = sentence.find(claim.text)
    if len(sentence) <= SHORT_STATEMENT or position == -1:
        return sentence
    before = [match.end() for match in CLAUSE_BREAK.finditer(sentence, 0, position)]
    after = CLAUSE_BREAK.search(sentence, position + len(claim.text))
    clause = sentence[before[-1] if before else 0 : after.start() if after else len(sentence)].strip()
    return clause[:1].upper() + clause[1:]


@transaction.atomic
def fact_set_statement(*, fact: Fact, statement: str, user: AbstractBaseUser) -> Fact:
    fact.statement = " ".join(statement.split())
    if not fact.statement:
        raise ValidationError({"statement": "Say the fact in words."})
    fact._history_user = user
    fact.full_clean()
    fact.save(update_fields=["statement", "updated_at"])
    fact_changed_publish(fact_ids={fact.pk})
    return fact


@transaction.atomic
def fact_set_verdict(*, fact: Fact, rating: Rating | None, note: str = "", user: AbstractBaseUser) -> Fact:
    fact.verdict = rating
    fact.verdict_note = note.strip()
    fact.verdict_by = user if rating else None
    fact.verdict_at = timezone.now() if rating else None
    fact._history_user = user
    fact.full_clean()
    fact.save()
    fact_changed_publish(fact_ids={fact.pk})
    return fact
