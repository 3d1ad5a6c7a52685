"""The summary table of `tidings eval` over several sets (tidings/evaluate/summary.py)."""

from __future__ import annotations

from tidings.evaluate.summary import format_summary, headlines, summarize

PETRARCH = {"exact": 0.8173, "triples": {"f1": 0.8553}, "root_code": {"f1": 0.9},
            "dyad": {"f1": 0.95}, "error_rate": 0.0}
GEO = {"lgl-dev": {"acc161": 0.818, "country": 0.937, "e2e_f1": 0.677},
       "Other-dev": {"acc161": 0.5, "country": None, "e2e_f1": 0.1}}


def _row(rows, set_name, measure):
    return next(r for r in rows if r.set == set_name and r.measure == measure)


def test_every_headline_measure_of_a_set_gets_a_row_with_its_reference_and_goal():
    rows = summarize({"petrarch:records-dev.jsonl": PETRARCH})
    assert [r.measure for r in rows] == [h["measure"] for h in headlines()["petrarch"]]
    exact = _row(rows, "petrarch:records-dev.jsonl", "records exactly right %")
    assert (exact.value, exact.reference, exact.goal) == ("81.7", "32.3 (PETRARCH2)", ">= 60")
    assert _row(rows, "petrarch:records-dev.jsonl", "triple F1").value == "0.855"
    assert _row(rows, "petrarch:records-dev.jsonl", "records that crash %").value == "0.0"


def test_geo_rows_are_per_corpus_with_that_corpus_reference():
    rows = summarize({"geo:geoparsing": GEO})
    lgl = _row(rows, "geo:geoparsing/lgl-dev", "within 161 km %, given gold names")
    assert (lgl.value, lgl.reference, lgl.goal) == ("81.8", "82.7 (Mordecai3)", "match or beat")
    other = _row(rows, "geo:geoparsing/Other-dev", "within 161 km %, given gold names")
    assert (other.reference, other.goal) == ("", "")  # no reference, so no goal against it
    assert _row(rows, "geo:geoparsing/Other-dev", "right country %, given gold names").value == "-"


def test_a_measure_missing_from_a_result_shows_a_dash_and_unknown_sets_add_no_rows():
    rows = summarize({"petrarch:x": {"exact": 0.5}, "nosuchscorer:y": {"f1": 1.0}})
    assert _row(rows, "petrarch:x", "triple F1").value == "-"
    assert {r.set for r in rows} == {"petrarch:x"}


def test_the_table_aligns_its_columns():
    lines = format_summary(summarize({"petrarch:records-dev.jsonl": PETRARCH})).splitlines()
    column = lines[0].index("tidings")
    assert all(line[column - 2:column] == "  " for line in lines)
