import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_load_seeds_loads_the_five_articles_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as first_run:
        call_command("load_seeds")
    call_command("load_seeds")

    assert Article.objects.count() == 5
    assert len(first_run) == 1  # the five extractions queued together, once the articles are stored
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {Article.ExtractionStatus.PENDING}
    assert Article.objects.filter(published_on="2025-03-17").count() == 1
    assert all(article.title and article.body for article in Article.objects.all())
