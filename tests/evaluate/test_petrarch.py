"""The PETRARCH2 validation scorer: exact figures on known inputs, and a run on dev records."""

from __future__ import annotations

import json

import pytest

from tidings.errors import TidingsError
from tidings.evaluate.petrarch import evaluate_petrarch, format_table, load_records, score


def rec(rid, events=None, kind="events", category="DEMO", attr="true", text="x"):
    return {"id": rid, "category": category, "sentence_attr": attr, "date": "19950101", "text": text,
            "expected": {"kind": kind, "error": None,
                         "events": [{"source": s, "target": t, "code": c} for s, t, c in (events or [])]}}


RECORDS = [
    rec("R1", [("ARN", "GON", "064")]),  # right
    rec("R2", [("ARN", "GON", "064"), ("GON", "ARN", "064")], category="COMPOUND"),  # half right
    rec("R3", kind="noevents", category="COMPOUND"),  # a false event
    rec("R4", kind="error", category="ERROR"),  # the coder raises: an error, not a crash
    rec("R5", [("ARN", "GON", "064")], attr="false"),  # unscored
    rec("R6", kind="none_given"),  # right: nothing expected, nothing coded
]
PREDICTIONS = {
    "R1": {("ARN", "GON", "064")},
    "R2": {("ARN", "GON", "064"), ("GON", "ARN", "061")},
    "R3": {("ARN", "OSG", "120")},
    "R6": set(),
}


def fake_coder(record):
    if record["id"] == "R4":
        raise ValueError("boom")
    return PREDICTIONS[record["id"]]


def test_score_exact_numbers():
    result = score(RECORDS, fake_coder)
    assert (result["scored"], result["unscored"], result["correct"]) == (5, 1, 2)
    assert result["exact"] == 0.4
    # triples: tp 2 (R1, R2), fp 2 (R2's 061, R3), fn 1 (R2's GON>ARN 064)
    assert result["triples"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    # root codes: GON>ARN "06" now matches: tp 3, fp 1, fn 0
    assert result["root_code"] == {"precision": 0.75, "recall": 1.0, "f1": 0.8571}
    assert result["dyad"] == {"precision": 0.75, "recall": 1.0, "f1": 0.8571}
    assert [e["id"] for e in result["errors"]] == ["R4"] and "boom" in result["errors"][0]["error"]
    assert result["error_rate"] == 0.2
    # COMPOUND: tp 1, fp 2, fn 1 -> P 1/3, R 1/2, F1 0.4
    assert result["categories"]["COMPOUND"] == {"n": 2, "exact": 0.0, "triple_f1": 0.4}
    assert result["categories"]["DEMO"]["exact"] == 1.0
    assert {f["id"] for f in result["failures"]} == {"R2", "R3", "R4"}
    table = format_table(result)
    assert "40.0%" in table and "R4: ValueError: boom" in table


def test_load_records_reports_bad_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(rec("A")) + "\n{not json\n")
    with pytest.raises(TidingsError) as err:
        load_records(path)
    assert err.value.code == "E301" and "line 2" in str(err.value)


def test_evaluate_with_tiny_dictionaries(tmp_path):
    (tmp_path / "t.actors.txt").write_text("ARNOR [ARN]\nGONDOR [GON]\n")
    (tmp_path / "t.verbs.txt").write_text("--- CONDEMN [122] ---\nCONDEMN\n")
    records = tmp_path / "r.jsonl"
    rows = [rec("A", [("ARN", "GON", "122")], text="Arnor condemned Gondor."),
            rec("B", kind="noevents", text="Arnor did not condemn Gondor.")]
    records.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = evaluate_petrarch(records, tmp_path, profile=None)
    assert result["exact"] == 1.0 and result["errors"] == []


@pytest.mark.slow
def test_first_dev_records_run_without_crashing(shared):
    result = evaluate_petrarch(shared / "data" / "petrarch2-validation" / "records-dev.jsonl",
                               shared / "data" / "petrarch2-dictionaries", limit=20)
    assert result["scored"] + result["unscored"] == 20
    assert result["errors"] == []
