"""The archive path: import_articles queues batches on the extraction queue, a real worker extracts them."""

import pytest
from django.core.management import call_command

from articles.models import Article
from tests.conftest import SEEDS, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_imported_articles_are_extracted_in_batches_by_a_worker(celery_worker, settings, tmp_path):
    settings.EXTRACTION_BATCH_SIZE = 2
    for path in sorted(SEEDS.glob("00[0-2]_*.txt")):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")

    call_command("import_articles", str(tmp_path))

    wait_for(
        lambda: not Article.objects.exclude(extraction_status=Article.ExtractionStatus.DONE).exists(),
        timeout=120,
        message="the worker to extract the imported batches",
    )
    assert Article.objects.count() == 3
    assert all(article.claims.exists() for article in Article.objects.all())
