"""extract_claims and evaluate_extraction: thin commands over the pipeline; no database."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_159c84c4d4c45dea.txt"


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_extract_claims_prints_json_records():
    data = json.loads(run("extract_claims", str(SEED), "--published", "2025-03-17", "--format", "json"))
    kinds = {item["kind"] for item in data}
    assert kinds == {"quantity", "date", "quote"}
    quantity = next(item for item in data if item["kind"] == "quantity")
    for key in (
        "text",
        "start",
        "end",
        "sentence",
        "negated",
        "hypothetical",
        "reported",
        "entities",
        "value",
        "value_max",
        "qualifier",
        "unit",
    ):
        assert key in quantity


def test_extract_claims_filters_kinds_and_can_add_entities():
    data = json.loads(run("extract_claims", str(SEED), "--format", "json", "--kinds", "quantity,entity"))
    assert {item["kind"] for item in data} == {"quantity", "entity"}


def test_extract_claims_text_format_lists_one_line_per_record():
    output = run("extract_claims", str(SEED), "--kinds", "quantity")
    assert "Plus de 30 pays" in output


def test_extract_claims_reads_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Plus de 30 pays.")))
    data = json.loads(run("extract_claims", "-", "--format", "json"))
    assert data[0]["value"] == 30


def test_extract_claims_falls_back_to_cp1252(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le déploiement de 30 soldats a été annoncé.".encode("cp1252"))
    data = json.loads(run("extract_claims", str(path), "--format", "json"))
    assert data[0]["unit"] == "soldat"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.txt",), "No such file"),
        ((str(SEED), "--published", "17/03/2025"), "YYYY-MM-DD"),
        ((str(SEED), "--kinds", "quantity,opinion"), "--kinds"),
    ],
)
def test_extract_claims_bad_input_is_a_command_error(args, message):
    with pytest.raises(CommandError, match=message):
        run("extract_claims", *args)


def test_evaluate_extraction_prints_a_table_per_kind():
    output = run("evaluate_extraction")
    for word in ("quantity", "date", "quote", "reading", "unit", "spea"):
        assert word in output


def test_evaluate_extraction_on_the_development_set_has_a_row_per_language_and_kind():
    output = run("evaluate_extraction", "--set", "dev")
    rows = {tuple(line.split()[:2]) for line in output.splitlines()}
    for language in ("fr", "en", "all"):
        for kind in ("quantity", "date", "quote"):
            assert (language, kind) in rows


def test_evaluate_extraction_rejects_a_missing_gold_directory(tmp_path):
    with pytest.raises(CommandError, match="gold"):
        run("evaluate_extraction", "--gold", str(tmp_path / "none"))
