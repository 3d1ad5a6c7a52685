"""`tidings ingest`, `events` and `export` over a DuckDB store in a temporary folder."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from tidings.cli import app

from .conftest import KHARKIV, RECORDS, ZURICH, jsonl, write_records


def _invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("corpus")
    records = [*RECORDS,
               {"id": "r-kharkiv", "published": "2025-08-16", "text": KHARKIV},
               {"id": "r-old", "published": "2025-06-02", "text": ZURICH}]
    write_records(folder / "articles.jsonl", records)
    return folder


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "events.duckdb"
    result = _invoke("ingest", corpus, "--db", db)
    assert result.exit_code == 0, result.stderr
    return db, result


def _count(db) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]


def _events(db, *filters: object) -> list[dict]:
    result = _invoke("events", "--db", db, "--format", "jsonl", *filters)
    assert result.exit_code == 0, result.stderr
    return jsonl(result.stdout)


def _reported(stderr: str, name: str) -> int:
    """A number from ingest's closing summary on stderr ("articles read ... 4")."""
    found = re.findall(rf"{name}\W*(\d+)", stderr)
    assert found, f"no {name!r} in {stderr!r}"
    return int(found[-1])


def test_ingest_reports_what_it_did(store):
    db, result = store
    assert db.exists()
    assert _reported(result.stderr, "articles read") == 4
    assert _reported(result.stderr, "already stored") == 0
    assert _reported(result.stderr, "inputs skipped") == 0
    assert str(db) in result.stderr.replace("\n", "")


def test_ingest_summary_names_the_event_types(store):
    _, result = store
    assert "ASSAULT" in result.stdout and "CONSULT" in result.stdout


def test_reingest_is_idempotent(store, corpus):
    db, _ = store
    before = _count(db)
    ids = sorted(e["event_id"] for e in _events(db))
    again = _invoke("ingest", corpus, "--db", db, "--quiet")
    assert again.exit_code == 0
    assert again.stdout == "" and again.stderr == ""
    assert _count(db) == before
    assert sorted(e["event_id"] for e in _events(db)) == ids
    loud = _invoke("ingest", corpus, "--db", db)
    assert _reported(loud.stderr, "already stored") == 4
    assert _count(db) == before


def test_events_lists_everything_oldest_first(store):
    db, _ = store
    events = _events(db)
    assert len(events) == _count(db)
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates)
    assert {"r-talks", "r-shelling", "r-kharkiv", "r-old"} <= {e["article_id"] for e in events}


def test_events_filter_by_actor(store):
    db, _ = store
    events = _events(db, "--actor", "RUS")
    assert events
    assert all(any(a["code"].startswith("RUS") or a["country"] == "RUS" for a in e["actor"])
               for e in events)
    assert {e["event_type"] for e in events} == {"ASSAULT"}


def test_events_filter_by_type(store):
    db, _ = store
    events = _events(db, "--type", "CONSULT")
    assert [e["article_id"] for e in events] == ["r-talks"]
    both = _events(db, "--type", "CONSULT", "--type", "SANCTION")
    assert {e["event_type"] for e in both} == {"CONSULT", "SANCTION"}


def test_events_filter_since(store):
    db, _ = store
    recent = _events(db, "--since", "2025-08-01")
    assert recent and all(e["date"] >= "2025-08-01" for e in recent)
    assert "r-old" not in {e["article_id"] for e in recent}
    assert len(recent) < len(_events(db))


def test_events_csv_and_limit(store):
    db, _ = store
    result = _invoke("events", "--db", db, "--format", "csv", "--limit", "2")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2
    assert {"event_id", "event_type", "actor_codes", "date"} <= set(rows[0])


def test_events_table_to_a_file(store, tmp_path):
    db, _ = store
    out = tmp_path / "events.txt"
    assert _invoke("events", "--db", db, "-o", out).exit_code == 0
    table = out.read_text(encoding="utf-8")
    assert "ASSAULT" in table and "2025-08-12" in table


def test_events_table_shows_days_not_timestamps(store, tmp_path):
    db, _ = store
    out = tmp_path / "events.txt"
    _invoke("events", "--db", db, "-o", out)
    assert "00:00:00" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, name", [
    ("jsonl", "events.jsonl"),
    ("csv", "events.csv"),
    ("parquet", "events.parquet"),
    ("gdelt", None),
])
def test_export_each_format(store, tmp_path, fmt, name):
    db, _ = store
    out = tmp_path / fmt
    result = _invoke("export", "--db", db, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines() if line.strip()]
    assert written and all(path.exists() for path in written)
    total = _count(db)
    if fmt == "jsonl":
        assert len(jsonl((out / name).read_text(encoding="utf-8"))) == total
    elif fmt == "csv":
        assert len(pd.read_csv(out / name)) == total
    elif fmt == "parquet":
        assert len(pd.read_parquet(out / name)) == total
        assert out / name in written
    else:
        [path] = written
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert lines and all("\t" in line for line in lines)


def test_export_with_filters(store, tmp_path):
    db, _ = store
    out = tmp_path / "assault"
    result = _invoke("export", "--db", db, "-f", "jsonl", "-o", out, "--type", "ASSAULT")
    assert result.exit_code == 0
    exported = jsonl((out / "events.jsonl").read_text(encoding="utf-8"))
    assert exported and {e["event_type"] for e in exported} == {"ASSAULT"}


def test_export_unknown_format_is_one_error_line(store, tmp_path):
    db, _ = store
    result = _invoke("export", "--db", db, "-f", "xml", "-o", tmp_path / "x")
    assert result.exit_code == 2  # an unknown format name is bad usage
    assert result.stderr.startswith("error: E205")
    assert "Traceback" not in result.stderr


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["events", "export"])
def test_a_missing_store_is_one_line_and_exit_three(tmp_path, command):
    missing = tmp_path / "none.duckdb"
    result = _invoke(command, "--db", missing, *(["-o", tmp_path / "out"] if command == "export" else []))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("error: E201 ")
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not missing.exists()  # reading does not create a store


@pytest.mark.parametrize("command", ["events", "export"])
def test_a_bad_since_is_a_usage_error(store, tmp_path, command):
    db, _ = store
    extra = ["-o", tmp_path / "out"] if command == "export" else []
    result = _invoke(command, "--db", db, "--since", "last tuesday", *extra)
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["events", "export"])
def test_a_bad_since_is_refused_in_one_line(store, tmp_path, command):
    db, _ = store
    extra = ["-o", tmp_path / "out"] if command == "export" else []
    result = _invoke(command, "--db", db, "--since", "last tuesday", *extra)
    assert result.exit_code != 0
    assert "since" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_skips_bad_inputs_and_exits_one(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    write_records(folder / "records.jsonl", broken_line="{broken")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result = _invoke("ingest", folder, "--db", db)
    assert result.exit_code == 1
    def squash(text: str) -> str:  # the console may wrap or fold long lines
        return "".join(text.split())

    assert squash(f"skipped {folder / 'empty.txt'}: E001") in squash(result.stderr)
    assert squash(f"skipped {folder / 'records.jsonl'}:2: E005") in squash(result.stderr)
    assert _reported(result.stderr, "inputs skipped") == 2
    assert {e["article_id"] for e in _events(db)} == {"r-talks", "r-shelling"}


def test_ingest_names_each_skipped_input_on_one_line(tmp_path, nlp):
    folder = tmp_path / ("a-folder-with-a-rather-long-name-" * 2)
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    write_records(folder / "records.jsonl")
    result = _invoke("ingest", folder, "--db", tmp_path / "e.duckdb")
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert lines == [f"skipped {folder / 'empty.txt'}: E001 empty input: the file has no text"]


def test_ingest_of_nothing_readable_exits_three(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = _invoke("ingest", tmp_path / "empty.txt", "--db", tmp_path / "e.duckdb", "-q")
    assert result.exit_code == 3


def test_jsonl_export_is_strict_json(store, tmp_path):
    db, _ = store
    out = tmp_path / "strict"
    _invoke("export", "--db", db, "-f", "jsonl", "-o", out)

    def refuse(constant: str):
        raise ValueError(constant)

    for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line, parse_constant=refuse)
