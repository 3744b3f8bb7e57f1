"""`manage.py evaluate_linking` scores the engine on the linking development set, per language pair."""

import pytest
from django.core.management import CommandError, call_command


def test_evaluate_linking_prints_each_measure_per_language_pair(capsys):
    call_command("evaluate_linking")
    output = capsys.readouterr().out
    for measure in ("recall@5", "MRR", "contradiction precision", "contradiction recall", "distractors"):
        assert measure in output
    header = next(line for line in output.splitlines() if "fr-fr" in line)
    assert "en-en" in header and "en-fr" in header and "all" in header


def test_evaluate_linking_says_which_folder_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="Cannot load the linking set"):
        call_command("evaluate_linking", "--devset", str(tmp_path))


def test_evaluate_linking_lists_the_pairs_it_got_wrong_on_request(capsys):
    call_command("evaluate_linking", "--misses")
    output = capsys.readouterr().out
    assert "== same fact missed" in output and "engine: " in output
