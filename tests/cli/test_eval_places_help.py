"""`tidings eval` on a one-article gold file, `tidings places`, and every command's --help."""

from __future__ import annotations

import json

import pytest

from .conftest import jsonl

TEXT = ("China and Japan held talks in Beijing on Monday.\n\n"
        "The European Union imposed new sanctions on Russia on Tuesday.")
GOLD = {
    "article_id": "g1", "split": "dev", "published": "2025-08-16",
    "events": [
        {"event_type": "CONSULT", "actor": [{"country": "CHN", "sector": None},
                                            {"country": "JPN", "sector": None}],
         "recipient": [], "factuality": "asserted", "mode": [], "issue": None,
         "location": {"name": "Beijing", "country": "CHN", "lat": 39.9, "lon": 116.4},
         "date": "2025-08-11", "date_precision": "day",
         "evidence": ["China and Japan held talks in Beijing on Monday"]},
        {"event_type": "SANCTION", "actor": [{"country": "EUR", "sector": "IGO"}],
         "recipient": [{"country": "RUS", "sector": None}], "factuality": "asserted", "mode": [],
         "issue": None, "location": None, "date": "2025-08-12", "date_precision": "day",
         "evidence": ["imposed new sanctions on Russia"]},
    ],
}


@pytest.fixture
def gold_file(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "articles.jsonl").write_text(
        json.dumps({"id": "g1", "published": "2025-08-16", "text": TEXT}) + "\n", encoding="utf-8")
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    return path


def test_eval_prints_the_tables(run, gold_file):
    result = run("eval", gold_file)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "# samples:gold.jsonl" in out
    assert "== split dev: 1 articles" in out
    for label in ("events (type+actors+recip.+fact.)", "type + factuality", "actor accuracy",
                  "recipient accuracy", "place: right country", "place: within 50 km",
                  "date: exact day", "date: within precision",
                  "negated agreements coded as asserted:", "duplicates remaining:"):
        assert label in out, label
    assert "CONSULT" in out and "SANCTION" in out


def test_eval_writes_a_json_report(run, gold_file, tmp_path):
    report = tmp_path / "out" / "eval.json"
    result = run("eval", "--gold", gold_file, "--report", report)
    assert result.exit_code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    summary = data.pop("summary")
    [(name, scored)] = data.items()
    assert name == "samples:gold.jsonl"
    events_f1 = next(row for row in summary if row["measure"] == "events F1, dev split")
    assert events_f1["value"] == f"{scored['dev']['events']['f1']:.3f}"
    assert scored["missing_articles"] == []
    dev = scored["dev"]
    assert dev["articles"] == 1
    events = dev["events"]
    assert events["tp"] + events["fn"] == 2  # both gold events are counted


def test_eval_scores_petrarch_records_with_their_dictionaries(run, shared, tmp_path):
    records = shared / "data" / "petrarch2-validation" / "records-dev.jsonl"
    report = tmp_path / "eval.json"
    result = run("eval", "--gold", records, "--dictionaries", shared / "data" / "petrarch2-dictionaries",
                 "--limit", "5", "--report", report)
    assert result.exit_code == 0, result.stderr
    assert "exact (triple set equal)" in result.stdout
    scored = json.loads(report.read_text(encoding="utf-8"))["petrarch:records-dev.jsonl"]
    assert scored["scored"] + scored["unscored"] == 5


def test_eval_of_several_sets_ends_with_one_summary_table(run, shared, gold_file):
    records = shared / "data" / "petrarch2-validation" / "records-dev.jsonl"
    result = run("eval", gold_file, "--gold", records, "--dictionaries",
                 shared / "data" / "petrarch2-dictionaries", "--limit", "5")
    assert result.exit_code == 0, result.stderr
    summary = result.stdout.split("# summary\n")[1].splitlines()
    assert summary[0].split() == ["set", "measure", "tidings", "reference", "goal"]
    exact = next(line for line in summary if "records exactly right %" in line)
    assert exact.startswith("petrarch:records-dev.jsonl") and "32.3 (PETRARCH2)" in exact
    assert any(line.startswith("samples:gold.jsonl") for line in summary)


def test_petrarch_records_without_dictionaries_are_e301(run, shared):
    records = shared / "data" / "petrarch2-validation" / "records-dev.jsonl"
    result = run("eval", "--gold", records)
    assert result.exit_code == 3
    assert "--dictionaries" in result.stderr


def test_eval_without_a_gold_file_is_a_usage_error(run):
    result = run("eval")
    assert result.exit_code == 2


def test_eval_of_a_missing_file_is_e301(run, tmp_path):
    result = run("eval", tmp_path / "nope.jsonl")
    assert result.exit_code == 3
    assert result.stderr.startswith("error: E301")
    assert "Traceback" not in result.stderr


def test_places_jsonl(run, gold_file):
    corpus = gold_file.parent / "corpus" / "articles.jsonl"
    result = run("places", corpus, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = jsonl(result.stdout)
    names = [r["name"] for r in rows]
    assert {"China", "Japan", "Beijing", "Russia"} <= set(names)
    beijing = next(r for r in rows if r["name"] == "Beijing")
    assert beijing["country"] == "CHN" and beijing["article_id"] == "g1"
    assert TEXT[beijing["start_char"]:beijing["end_char"]] == beijing["text"]
    assert {"lat", "lon", "geonameid", "score"} <= set(beijing)


def test_places_skips_bad_inputs(run, tmp_path, gold_file):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    corpus = gold_file.parent / "corpus" / "articles.jsonl"
    result = run("places", corpus, tmp_path / "empty.txt", "-f", "jsonl")
    assert result.exit_code == 1
    assert f"skipped {tmp_path / 'empty.txt'}: E001" in result.stderr
    assert jsonl(result.stdout)


@pytest.mark.parametrize("command", ["code", "ingest", "events", "export", "eval", "places"])
def test_help_shows_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"tidings {command}" in result.stdout


def test_top_level_help_lists_commands_and_exit_codes(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("code", "ingest", "events", "export", "eval", "places"):
        assert command in result.stdout
    assert "Exit codes" in result.stdout


def test_places_jsonl_is_strict_json(run, gold_file):
    corpus = gold_file.parent / "corpus" / "articles.jsonl"
    result = run("places", corpus, "--format", "jsonl")

    def refuse(constant: str):
        raise ValueError(f"not JSON: {constant}")

    for line in result.stdout.splitlines():
        json.loads(line, parse_constant=refuse)
