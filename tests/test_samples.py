"""Consistency checks for the hand-coded sample corpus and its gold (samples/). Fast, no NLP."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
FACTUALITIES = {"asserted", "negated", "future", "hypothetical", "historical"}
SECTORS = {
    "GOV", "MIL", "REB", "COP", "CVL", "OPP", "LEG", "JUD", "IGO", "MED", "JRN", "BUS", "REF",
    "PTY", "SPY", "UAF", "UNK", "PRM", "SOC", "LAB", "EDU", "REL", "ELI", "CRM", "AGR", "PRE", None,
}
NON_STATE_CODES = {"NATO", "EUR", "UNO", "IGO", "NGO"}
ISSUES = {
    "ceasefire", "territorial concessions", "security guarantees", "sanctions", "sanctions relief",
    "prisoner exchange", "peacekeepers", "elections", "humanitarian access", "nuclear program",
    "troop withdrawal", "root causes", "trade", "aid", "peace talks", "independence", "hostages",
    "borders", "energy",
    # additions, listed in samples/README.md
    "disarmament", "water",
    None,
}
PRECISIONS = {"day", "week", "month", "year"}
ARTICLE_KEYS = {"id", "title", "published", "url", "source", "text"}
GOLD_KEYS = {"article_id", "split", "published", "events"}
EVENT_KEYS = {"event_type", "actor", "recipient", "factuality", "mode", "issue", "location",
              "date", "date_precision", "evidence"}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return _jsonl(SAMPLES / "corpus" / "articles.jsonl")


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return _jsonl(SAMPLES / "gold.jsonl")


@pytest.fixture(scope="module", params=["gold.jsonl", "second-coding.jsonl"])
def coding(request) -> list[dict]:
    """Each hand-coding of the articles: the gold, and a second coder's (samples/README.md)."""
    return _jsonl(SAMPLES / request.param)


def _events(gold):
    for g in gold:
        for i, e in enumerate(g["events"]):
            yield g["article_id"], i, e


def _date(s: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s), s
    return dt.date.fromisoformat(s)


def _valid_country(code: str) -> bool:
    if code in NON_STATE_CODES or code in {"TWN", "PSE", "KOS"}:
        return True
    if not re.fullmatch(r"[A-Z]{3}", code):
        return False
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a project dependency
        return True
    return pycountry.countries.get(alpha_3=code) is not None


def test_articles_parse_and_shape(articles):
    assert len(articles) >= 36
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids)
    for a in articles:
        assert set(a) >= ARTICLE_KEYS, a["id"]
        assert set(a) <= ARTICLE_KEYS | {"cluster"}, a["id"]
        assert re.fullmatch(r"s\d{2,3}-[a-z0-9-]+", a["id"])
        _date(a["published"])
        assert re.fullmatch(r"https://[a-z0-9-]+\.example/\S+", a["url"]), a["url"]
        assert 150 <= len(a["text"].split()) <= 350, (a["id"], len(a["text"].split()))
        assert "\n\n" in a["text"]
    assert articles[0]["id"] == "s01-anchorage-summit" and articles[0]["published"] == "2025-08-16"
    assert articles[1]["id"].startswith("s02-")


def test_clusters(articles):
    clusters: dict[str, list[str]] = {}
    for a in articles:
        if "cluster" in a:
            clusters.setdefault(a["cluster"], []).append(a["id"])
    assert len(clusters) >= 3
    assert all(len(v) >= 2 for v in clusters.values())
    assert {"s01-anchorage-summit", articles[1]["id"]} <= set(clusters[articles[0]["cluster"]])


def test_gold_matches_corpus_in_order(articles, gold):
    assert [g["article_id"] for g in gold] == [a["id"] for a in articles]
    for a, g in zip(articles, gold, strict=True):
        assert set(g) == GOLD_KEYS
        assert g["published"] == a["published"]
        assert g["split"] in {"dev", "test"}
        assert 1 <= len(g["events"]) <= 15, g["article_id"]


def test_second_coding_covers_both_splits_in_corpus_order(articles, gold):
    second = _jsonl(SAMPLES / "second-coding.jsonl")
    order = [a["id"] for a in articles]
    ids = [g["article_id"] for g in second]
    assert ids == sorted(ids, key=order.index) and len(set(ids)) == len(ids)
    split = {g["article_id"]: g["split"] for g in gold}
    assert {split[i] for i in ids} == {"dev", "test"}
    published = {a["id"]: a["published"] for a in articles}
    for g in second:
        assert set(g) == GOLD_KEYS and g["split"] == "second" and g["published"] == published[g["article_id"]]


def test_splits(gold):
    splits = {g["split"] for g in gold}
    assert splits == {"dev", "test"}
    by_id = {g["article_id"]: g["split"] for g in gold}
    assert by_id["s01-anchorage-summit"] == "dev"
    assert by_id[gold[1]["article_id"]] == "test"
    n_test = sum(s == "test" for s in by_id.values())
    assert 0.25 <= n_test / len(by_id) <= 0.45


def test_evidence_verbatim(articles, coding):
    text = {a["id"]: a["text"] for a in articles}
    for aid, i, e in _events(coding):
        assert e["evidence"], (aid, i)
        for ev in e["evidence"]:
            assert ev and ev in text[aid], (aid, i, ev)


def test_event_fields(coding):
    for aid, i, e in _events(coding):
        where = (aid, i)
        assert set(e) == EVENT_KEYS, where
        assert e["event_type"] in EVENT_TYPES, where
        assert e["factuality"] in FACTUALITIES, where
        assert e["issue"] in ISSUES, where
        assert isinstance(e["mode"], list) and all(isinstance(m, str) for m in e["mode"]), where
        assert e["actor"], where
        for ent in e["actor"] + e["recipient"]:
            assert set(ent) == {"country", "sector"}, where
            if ent["country"] is None:  # unidentified armed forces / actor of unknown nationality
                assert ent["sector"] in {"UAF", "UNK"}, (where, ent)
            else:
                assert _valid_country(ent["country"]), (where, ent)
            assert ent["sector"] in SECTORS, (where, ent)
        loc = e["location"]
        if loc is not None:
            assert set(loc) == {"name", "country", "lat", "lon"}, where
            assert loc["name"]
            assert loc["country"] is None or _valid_country(loc["country"]), where
            assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180, where


def test_dates(coding):
    for g in coding:
        pub = _date(g["published"])
        for i, e in enumerate(g["events"]):
            where = (g["article_id"], i)
            if e["date"] is None:
                assert e["date_precision"] is None, where
                continue
            d = _date(e["date"])
            assert e["date_precision"] in PRECISIONS, where
            if e["date_precision"] == "month":
                assert d.day == 1, where
            if e["date_precision"] == "year":
                assert (d.month, d.day) == (1, 1), where
            if e["date_precision"] == "week":
                assert d.weekday() == 0, where  # weeks are anchored on their Monday
            if e["factuality"] in {"asserted", "historical", "negated"} and e["date_precision"] == "day":
                assert d <= pub, where
            if e["factuality"] == "historical":
                assert d < pub, where


def test_all_types_present(gold):
    seen = {e["event_type"] for _, _, e in _events(gold)}
    assert seen == EVENT_TYPES
    for split in ("dev", "test"):
        in_split = {e["event_type"] for g in gold if g["split"] == split for e in g["events"]}
        assert len(in_split) >= 14, (split, EVENT_TYPES - in_split)


def test_all_factualities_present(gold):
    assert {e["factuality"] for _, _, e in _events(gold)} == FACTUALITIES
