"""Hostile text, CSRF, sign-in throttling and the production profile."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.factories import PASSWORD, ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">lien</a>'


@pytest.fixture
def hostile_article():
    body = f"Plus de 30 pays {HOSTILE} ont signé."
    article = ArticleFactory(title=f"Titre {HOSTILE}", body=body, extraction_status=Article.ExtractionStatus.FAILED)
    start = body.index("<script>")
    ClaimFactory(article=article, start=start, text=body[start : start + 30])
    return article


@pytest.mark.parametrize(
    "page",
    [
        lambda article: reverse("claims:article_reader", args=[article.pk]),
        lambda article: reverse("claims:article_list"),
        lambda article: f"{reverse('claims:article_upload')}?uploaded={article.pk}",
    ],
    ids=["article page with highlights", "article list", "upload progress"],
)
def test_hostile_article_text_and_title_are_shown_as_text_never_as_markup(client, hostile_article, page):
    client.force_login(UserFactory(username="all", roles=["editor", "reviewer"]))

    html = client.get(page(hostile_article)).content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(" in html


@pytest.fixture
def csrf_client(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(username="all", roles=["editor", "reviewer", "admin"], is_staff=True))
    return client


@pytest.mark.parametrize(
    "url",
    [
        lambda objects: reverse("claims:article_upload"),
        lambda objects: reverse("claims:article_retry", args=[objects.article.pk]),
        lambda objects: reverse("claims:claim_confirm", args=[objects.pk]),
        lambda objects: reverse("claims:claim_reject", args=[objects.pk]),
        lambda objects: reverse("claims:claim_link", args=[objects.pk]),
        lambda objects: reverse("admin:articles_source_add"),
        lambda objects: reverse("logout"),
    ],
    ids=["upload", "retry", "confirm", "reject", "link", "admin", "sign out"],
)
def test_every_form_refuses_a_post_without_its_csrf_token(csrf_client, url):
    claim = ClaimFactory(article=ArticleFactory(extraction_status=Article.ExtractionStatus.FAILED))

    response = csrf_client.post(url(claim), {"title": "x", "new_source": "AFP", "body": "Plus de 30 pays."})

    assert response.status_code == 403
    assert Article.objects.count() == 1


def test_sign_in_form_refuses_a_post_without_its_csrf_token(db):
    UserFactory(username="edith", roles=["editor"])

    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "edith", "password": PASSWORD})

    assert response.status_code == 403


def test_sign_in_is_locked_after_repeated_wrong_passwords_even_for_the_right_one(client, settings):
    UserFactory(username="edith", roles=["editor"])
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "edith", "password": "guess"})

    response = client.post(reverse("login"), {"username": "edith", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_below_the_limit_still_lets_the_right_one_in(client):
    UserFactory(username="edith", roles=["editor"])
    client.post(reverse("login"), {"username": "edith", "password": "guess"})

    response = client.post(reverse("login"), {"username": "edith", "password": PASSWORD})

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_production_profile_passes_the_deploy_check_with_nothing_to_report():
    env = {**os.environ, "TRACKER_PROFILE": "production", "ALLOWED_HOSTS": "tracker.example.org"}
    env.pop("DEBUG", None)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_no_generated_secret_or_local_database_is_tracked_by_git():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert not [path for path in tracked.splitlines() if path.startswith("var/") or path.endswith(".sqlite3")]
