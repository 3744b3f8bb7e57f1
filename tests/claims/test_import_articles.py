import zipfile
from datetime import date

import orjson
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article
from claims.models import Claim
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def run_import(path, *args) -> str:
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_articles", str(path), *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_a_folder_of_text_and_html_files_is_imported_with_headlines_as_titles(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(
        "<html><body><h1>Des milliers de soldats</h1><p>Plus de 30 pays ont promis des troupes.</p></body></html>"
    )
    (tmp_path / "notes.md").write_text("not an article")

    output = run_import(tmp_path, "--source", "AFP")

    assert "Imported 2 article(s); skipped 0 duplicate(s)" in output
    html_article = Article.objects.get(title="Des milliers de soldats")
    assert html_article.body == "Des milliers de soldats\n\nPlus de 30 pays ont promis des troupes."
    assert html_article.source.name == "AFP"
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {Article.ExtractionStatus.PENDING}


def test_a_zip_of_articles_is_imported_and_a_second_run_counts_every_one_as_duplicate(tmp_path):
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in SEED_FILES:
            handle.write(path, arcname=f"press/{path.name}")
        handle.writestr("press/photo.txt", b"\x89PNG\r\n")

    first = run_import(archive)
    second = run_import(archive)

    assert "Imported 5 article(s); skipped 0 duplicate(s) and 1 unreadable" in first
    assert "press/photo.txt: This file is a PNG image" in first
    assert "Imported 0 article(s); skipped 5 duplicate(s)" in second
    assert Article.objects.count() == 5


def test_a_json_lines_file_keeps_each_records_fields(tmp_path):
    records = [
        {"title": "Coalition", "body": "Plus de 30 pays.", "source": "Le Monde", "language": "fr",
         "published_on": "2025-03-17", "url": "https://example.org/coalition"},
        {"title": "Copie", "body": "Plus de 30 pays."},
        {"title": "Date fausse", "body": "Autre texte.", "published_on": "17/03/2025"},
    ]  # fmt: skip
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(record) for record in records) + b"\n{not json\n")

    output = run_import(path, "--chunk-size", "2")

    assert "Imported 1 article(s); skipped 1 duplicate(s) and 2 unreadable" in output
    assert "line 3: `published_on` is not a YYYY-MM-DD date" in output
    assert "line 4: not JSON" in output
    article = Article.objects.get()
    assert (article.title, article.source.name, article.published_on, article.url) == (
        "Coalition", "Le Monde", date(2025, 3, 17), "https://example.org/coalition"
    )  # fmt: skip


def test_the_import_queues_extraction_in_batches_of_the_configured_size(
    tmp_path, settings, django_capture_on_commit_callbacks, monkeypatch
):
    from claims import tasks

    settings.EXTRACTION_BATCH_SIZE = 2
    sent = []
    monkeypatch.setattr(tasks.articles_extract_claims_batch, "apply_async", lambda args, **options: sent.append(*args))
    for path in SEED_FILES:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")

    with django_capture_on_commit_callbacks(execute=True):
        run_import(tmp_path)

    assert [len(batch) for batch in sent] == [2, 2, 1]
    assert sorted(pk for batch in sent for pk in batch) == sorted(Article.objects.values_list("pk", flat=True))


def test_a_file_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text("title,body\n")

    with pytest.raises(CommandError, match=r"not a folder, a \.zip or a JSON Lines"):
        run_import(path)


def test_the_first_decision_on_an_imported_claim_can_be_undone(
    tmp_path, reviewer_client, django_capture_on_commit_callbacks
):
    (tmp_path / "depeche.txt").write_text("Plus de 30 pays ont promis des troupes.", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        run_import(tmp_path, "--language", "fr")
    claim = Article.objects.get().claims.get(text="Plus de 30 pays")

    reviewer_client.post(reverse("claims:claim_confirm", args=[claim.pk]), {"version": claim.version})
    response = reviewer_client.post(reverse("claims:claim_undo"), follow=True)

    assert "No earlier state" not in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Claim.Status.CANDIDATE
    assert claim.reviewed_by is None


@pytest.mark.hostile
def test_an_archive_member_over_the_upload_limit_is_skipped_unread_and_the_rest_imported(tmp_path, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("bomb.txt", b"a" * 50 * 1024 * 1024)  # 50 MB packed into about 50 KB
        handle.writestr("good.txt", "Plus de 30 pays ont rejoint la coalition.")

    output = run_import(archive, "--source", "AFP", "--language", "fr")

    assert "bomb.txt: This file is 50.0\xa0MB; the limit is 1.0\xa0KB." in output
    assert list(Article.objects.values_list("title", flat=True)) == ["Plus de 30 pays ont rejoint la coalition."]


@pytest.mark.hostile
def test_an_imported_text_over_the_length_limit_is_refused_by_line(tmp_path, settings):
    settings.ARTICLE_MAX_CHARS = 100
    lines = tmp_path / "articles.jsonl"
    lines.write_bytes(
        orjson.dumps({"title": "Long", "body": "Plus de 30 pays. " * 10, "source": "AFP", "language": "fr"})
        + b"\n"
        + orjson.dumps({"title": "Court", "body": "Plus de 30 pays.", "source": "AFP", "language": "fr"})
        + b"\n"
    )

    output = run_import(lines)

    assert "the limit is 100" in output
    assert list(Article.objects.values_list("title", flat=True)) == ["Court"]


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"body": "Plus de 30 pays.", "extra": NaN}', "not JSON (unexpected character"),
        (b"[" * 5000 + b"]" * 5000, "not JSON (array and object recursion depth exceeded"),
        (b'["Plus de 30 pays."]', "a record needs at least a text `body`"),
        (b'{"title": "A", "body": "Plus de 30\\u0000 pays."}', "Null characters are not allowed."),
        (b'{"title": "A\\u0000", "body": "Plus de 30 pays."}', "Null characters are not allowed."),
        (b'{"body": "Plus de 30 pays \xff."}', "not JSON (str is not valid UTF-8"),
        (b'{"title": {"x": 1}, "body": "Plus de 30 pays."}', "`title` is not text: {'x': 1}"),
    ],
    ids=["NaN", "nested 5000 deep", "a list", "null in body", "null in title", "invalid UTF-8", "title an object"],
)
def test_a_hostile_json_line_is_refused_with_the_reason_and_the_next_imported(tmp_path, line, message):
    path = tmp_path / "articles.jsonl"
    good = orjson.dumps({"title": "Court", "body": "Des milliers de soldats.", "source": "AFP", "language": "fr"})
    path.write_bytes(line + b"\n" + good + b"\n")

    output = run_import(path)

    assert message in output.split("Skipped ", 1)[1]
    assert list(Article.objects.values_list("title", flat=True)) == ["Court"]


@pytest.mark.hostile
def test_an_archive_member_named_to_climb_out_of_the_folder_is_read_in_memory_only(tmp_path):
    (tmp_path / "inside").mkdir()
    archive = tmp_path / "inside" / "archive.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("../../escaped.txt", "Plus de 30 pays ont rejoint la coalition.")

    output = run_import(archive, "--source", "AFP", "--language", "fr")

    assert "Imported 1 article(s)" in output
    assert not list(tmp_path.rglob("escaped.txt"))
    assert not (tmp_path.parent / "escaped.txt").exists()
