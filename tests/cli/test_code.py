"""`tidings code`: events to stdout or a file in each format; bad inputs skipped and named."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tidings.model import Event

from .conftest import FRENCH, MUSCAT, ZURICH, jsonl, write_good, write_records


def test_code_jsonl_prints_plover_records(run, tmp_path):
    path = write_good(tmp_path / "in")
    result = run("code", path, "--published", "2025-08-16", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert {r["event_type"] for r in records} == {"ASSAULT", "SANCTION"}
    text = path.read_text(encoding="utf-8")
    for record in records:
        assert list(record)[:3] == ["event_id", "article_id", "event_type"]
        for mention in record["mentions"]:
            assert text[mention["start_char"]:mention["end_char"]] == mention["text"]
    attack = next(r for r in records if r["event_type"] == "ASSAULT")
    assert attack["date"] == "2025-08-12"  # "on Tuesday", anchored by --published
    assert attack["actor"][0]["country"] == "RUS"


def test_published_is_required_to_anchor_relative_dates(run, tmp_path):
    path = write_good(tmp_path / "in")
    records = jsonl(run("code", path, "--format", "jsonl").stdout)
    attack = next(r for r in records if r["event_type"] == "ASSAULT")
    assert attack["date"] is None


def test_published_does_not_override_a_record_date(run, tmp_path):
    path = write_records(tmp_path / "records.jsonl")
    records = jsonl(run("code", path, "--published", "2030-01-01", "-f", "jsonl").stdout)
    talks = next(r for r in records if r["article_id"] == "r-talks")
    assert talks["date"] == "2025-08-11"  # Monday before the record's own 2025-08-12


def test_code_json_is_one_array(run, tmp_path):
    path = write_good(tmp_path / "in")
    result = run("code", path, "-p", "2025-08-16", "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 2
    assert {r["event_type"] for r in records} == {"ASSAULT", "SANCTION"}


def test_code_csv_has_flat_rows(run, tmp_path):
    path = write_good(tmp_path / "in")
    result = run("code", path, "-p", "2025-08-16", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["event_type"] for r in rows} == {"ASSAULT", "SANCTION"}
    attack = next(r for r in rows if r["event_type"] == "ASSAULT")
    assert attack["actor"] == "RUSMIL" or attack["actor"].startswith("RUS")
    assert attack["date"] == "2025-08-12" and attack["trigger"] == "struck"
    assert attack["location"] == "Kharkiv" and attack["country"] == "UKR"


def test_code_table_names_the_events(run, tmp_path):
    path = write_good(tmp_path / "in")
    result = run("code", path, "-p", "2025-08-16")
    assert result.exit_code == 0
    assert "2 events in 1 article(s)" in result.stdout
    wide = tmp_path / "table.txt"  # a file gets a wide table: no words folded
    run("code", path, "-p", "2025-08-16", "-o", wide)
    table = wide.read_text(encoding="utf-8")
    for word in ("ASSAULT", "SANCTION", "RUSMIL", "Kharkiv", "2025-08-12", "struck"):
        assert word in table


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_code_output_file(run, tmp_path, fmt):
    path = write_good(tmp_path / "in")
    out = tmp_path / f"events.{fmt}"
    result = run("code", path, "-p", "2025-08-16", "--format", fmt, "-o", out)
    assert result.exit_code == 0
    assert result.stdout == ""
    written = out.read_text(encoding="utf-8")
    assert "ASSAULT" in written and "SANCTION" in written
    if fmt == "jsonl":
        assert len(jsonl(written)) == 2
    elif fmt == "json":
        assert len(json.loads(written)) == 2


def test_code_parquet_needs_an_output_file(run, tmp_path):
    path = write_good(tmp_path / "in")
    result = run("code", path, "-p", "2025-08-16", "--format", "parquet")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    out = tmp_path / "events.parquet"
    assert run("code", path, "-p", "2025-08-16", "-f", "parquet", "-o", out).exit_code == 0
    assert out.stat().st_size > 0


def test_bad_published_is_a_usage_error(run, tmp_path):
    path = write_good(tmp_path / "in")
    result = run("code", path, "--published", "16/08/2025")
    assert result.exit_code == 2
    assert "E010" in result.stderr and "Traceback" not in result.stderr


def test_jsonl_is_strict_json_that_validates_as_events(run, tmp_path):
    # one event with an issue and a score, one with neither: the columns mix values and nulls
    path = tmp_path / "mixed.txt"
    path.write_text("Egypt demanded a halt to the fighting in Gaza on Monday.\n\n"
                    "Trump will brief European leaders.", encoding="utf-8")
    result = run("code", path, "-p", "2025-08-16", "--format", "jsonl")
    assert len(result.stdout.splitlines()) == 2

    def refuse(constant: str):
        raise ValueError(f"not JSON: {constant}")

    for line in result.stdout.splitlines():
        Event.model_validate(json.loads(line, parse_constant=refuse))


# --- bad inputs -------------------------------------------------------------------------------

@pytest.fixture
def mixed_batch(tmp_path):
    folder = tmp_path / "batch"
    write_good(folder)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(ZURICH.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(MUSCAT.encode("utf-16"))
    write_records(folder / "records.jsonl", broken_line="{broken")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "huge.txt").write_text("Talks continued. " * 620_000, encoding="utf-8")  # > 10 MB
    return folder


def test_bad_inputs_are_skipped_and_named_and_the_rest_is_coded(run, mixed_batch):
    result = run("code", mixed_batch, "-p", "2025-08-16", "--format", "jsonl")
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    by_source = {line.split(": ", 1)[0].removeprefix("skipped "): line for line in skipped}
    expected = {
        mixed_batch / "empty.txt": "E001",
        mixed_batch / "binary.txt": "E002",
        mixed_batch / "huge.txt": "E004",
        f"{mixed_batch / 'records.jsonl'}:2": "E005",
        mixed_batch / "french.txt": "E007",
    }
    assert set(by_source) == {str(source) for source in expected}
    for source, code in expected.items():
        assert code in by_source[str(source)]
    assert "Traceback" not in result.stderr
    # everything else was read and coded: the good text, Latin-1, UTF-16, both JSONL records
    records = jsonl(result.stdout)
    assert {"r-talks", "r-shelling"} <= {r["article_id"] for r in records}
    sentences = " ".join(m["text"] for r in records for m in r["mentions"])
    assert "Zürich" in sentences
    assert "Muscat" in sentences
    assert "Kharkiv" in sentences


def test_a_clean_batch_exits_zero(run, tmp_path):
    folder = tmp_path / "clean"
    write_good(folder)
    (folder / "latin1.txt").write_bytes(ZURICH.encode("latin-1"))
    (folder / "utf16.txt").write_bytes(MUSCAT.encode("utf-16"))
    result = run("code", folder, "-p", "2025-08-16", "-f", "jsonl")
    assert result.exit_code == 0
    assert "skipped" not in result.stderr


def test_nothing_readable_exits_three(run, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("code", tmp_path / "empty.txt", tmp_path / "missing.txt")
    assert result.exit_code == 3
    assert "E001" in result.stderr and "E009" in result.stderr
    assert result.stderr.splitlines()[-1] == "error: no readable article in the input"
