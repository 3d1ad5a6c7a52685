"""The gold scorer (tidings/evaluate/gold.py) on hand-made gold and coded events: exact numbers."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tidings.errors import TidingsError
from tidings.evaluate import detect
from tidings.evaluate.gold import (
    GoldArticle,
    evaluate_agreement,
    evaluate_gold,
    format_agreement,
    format_report,
    load_gold,
    score,
)
from tidings.evaluate.metrics import PRF, Rate
from tidings.model import Article, Entity, Event, Location

USAGOV = Entity(text="Trump", country="USA", sector="GOV", code="USAGOV")
RUSGOV = Entity(text="Putin", country="RUS", sector="GOV", code="RUSGOV")
USA = Entity(text="the US", country="USA", code="USA")
RUS = Entity(text="Russia", country="RUS", code="RUS")
ANCHORAGE = Location(name="Anchorage", country="USA", lat=61.22, lon=-149.9, feature="city")
KYIV = Location(name="Kyiv", country="UKR", lat=50.45, lon=30.52, feature="city")


def _gold(event_type, actor, recipient=(), factuality="asserted", location=None, date=None,
          precision=None, issue=None):
    return {"event_type": event_type, "actor": [{"country": c, "sector": None} for c in actor],
            "recipient": [{"country": c, "sector": None} for c in recipient],
            "factuality": factuality, "mode": [], "issue": issue, "location": location,
            "date": date, "date_precision": precision, "evidence": []}


def _coded(event_type, actor, recipient=(), factuality="asserted", location=None, date=None,
           article_id="a1"):
    return Event(article_id=article_id, event_type=event_type, actor=list(actor),
                 recipient=list(recipient), factuality=factuality, location=location, date=date,
                 date_precision="day" if date else None)


GOLD = [
    GoldArticle("a1", "dev", [
        _gold("CONSULT", ["USA", "RUS"], location={"name": "Anchorage", "country": "USA",
                                                   "lat": 61.218, "lon": -149.9},
              date="2025-08-15", precision="day"),
        _gold("AGREE", ["USA", "RUS"], factuality="negated", issue="ceasefire"),
        _gold("ASSAULT", ["RUS"], ["UKR"], location={"name": "Kharkiv", "country": "UKR",
                                                     "lat": 49.98, "lon": 36.25},
              date="2025-08-14", precision="day"),
    ]),
    GoldArticle("a2", "dev", [_gold("PROTEST", ["KEN"])]),
]
CODED = {
    "a1": [
        _coded("CONSULT", [USAGOV, RUSGOV], location=ANCHORAGE, date=dt.date(2025, 8, 15)),  # right
        _coded("CONSULT", [USA, RUS]),  # the same fact again: a duplicate
        _coded("AGREE", [USAGOV, RUSGOV]),  # a failed agreement coded as asserted
        _coded("ASSAULT", [RUS], [], location=KYIV, date=dt.date(2025, 8, 13)),  # no recipient
    ],
    "zz": [_coded("AID", [USA], article_id="zz")],  # not in the gold: ignored
}


@pytest.fixture(scope="module")
def result():
    return score(GOLD, CODED)


def test_strict_event_counts(result):
    assert (result.events.tp, result.events.fp, result.events.fn) == (1, 3, 3)
    assert result.events.precision == pytest.approx(0.25)
    assert result.events.recall == pytest.approx(0.25)
    assert result.events.f1 == pytest.approx(0.25)
    assert result.articles == 2


def test_counts_by_type(result):
    counts = {t: (p.tp, p.fp, p.fn) for t, p in result.by_type.items()}
    assert counts == {"CONSULT": (1, 1, 0), "AGREE": (0, 1, 1), "ASSAULT": (0, 1, 1),
                      "PROTEST": (0, 0, 1)}
    assert "AID" not in counts


def test_type_and_factuality_counts(result):
    # loose pairs: CONSULT with the first CONSULT, ASSAULT with the ASSAULT
    assert (result.typed.tp, result.typed.fp, result.typed.fn) == (2, 2, 2)
    assert result.typed.precision == pytest.approx(0.5)
    assert result.typed.recall == pytest.approx(0.5)
    assert result.typed.f1 == pytest.approx(0.5)


def test_field_accuracies_over_loose_pairs(result):
    assert (result.actor.hits, result.actor.total) == (2, 2)
    assert (result.recipient.hits, result.recipient.total) == (1, 2)
    assert (result.place_country.hits, result.place_country.total) == (2, 2)
    assert (result.place_50km.hits, result.place_50km.total) == (1, 2)  # Kyiv is not Kharkiv
    assert (result.date_exact.hits, result.date_exact.total) == (1, 2)
    assert (result.date_within.hits, result.date_within.total) == (2, 2)  # a day off is within


def test_duplicates_and_negated_agreements(result):
    assert result.duplicates == 1
    assert result.negated_agreements_as_asserted == 1


def test_as_dict_is_json_ready_and_rounded(result):
    report = result.as_dict()
    json.dumps(report)
    assert report["events"] == {"tp": 1, "fp": 3, "fn": 3, "precision": 0.25, "recall": 0.25,
                                "f1": 0.25}
    assert report["recipient_accuracy"] == {"hits": 1, "total": 2, "rate": 0.5}
    assert report["duplicates_remaining"] == 1
    assert report["negated_agreements_coded_as_asserted"] == 1
    assert list(report["by_type"]) == sorted(report["by_type"])


def test_a_perfect_coding_scores_one():
    gold = [GoldArticle("a1", "dev", [_gold("SANCTION", ["USA"], ["RUS"]),
                                      _gold("CONSULT", ["CHN", "JPN"])])]
    coded = {"a1": [_coded("CONSULT", [Entity(text="China", country="CHN", code="CHN"),
                                       Entity(text="Japan", country="JPN", code="JPN")]),
                    _coded("SANCTION", [USAGOV], [RUSGOV])]}
    result = score(gold, coded)
    assert (result.events.tp, result.events.fp, result.events.fn) == (2, 0, 0)
    assert result.events.f1 == 1.0 and result.typed.f1 == 1.0
    assert result.actor.value == 1.0 and result.recipient.value == 1.0
    assert result.place_country.value is None  # no gold place: not counted
    assert result.duplicates == 0 and result.negated_agreements_as_asserted == 0


def test_nothing_coded_is_all_misses():
    result = score(GOLD[:1], {})
    assert (result.events.tp, result.events.fp, result.events.fn) == (0, 0, 3)
    assert result.events.precision == 0.0 and result.events.f1 == 0.0


def test_date_within_uses_the_gold_precision():
    gold = [GoldArticle("a1", "dev", [_gold("ASSAULT", ["RUS"], date="2025-08-04", precision="week")])]
    near = {"a1": [_coded("ASSAULT", [RUS], date=dt.date(2025, 8, 9))]}
    far = {"a1": [_coded("ASSAULT", [RUS], date=dt.date(2025, 8, 20))]}
    assert (score(gold, near).date_within.hits, score(gold, near).date_exact.hits) == (1, 0)
    assert score(gold, far).date_within.hits == 0


def test_metrics_helpers():
    prf = PRF(3, 1, 2)
    assert prf.precision == 0.75 and prf.recall == 0.6
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().as_dict()["f1"] == 0.0
    rate = Rate()
    assert rate.value is None
    rate.count(True)
    rate.count(False)
    assert rate.as_dict() == {"hits": 1, "total": 2, "rate": 0.5}


# --- files -----------------------------------------------------------------------------------------

def test_load_gold_reads_records_and_skips_blank_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"article_id": "a1", "split": "test", "events": [_gold("AID", ["USA"])]})
                    + "\n\n" + json.dumps({"article_id": "a2", "events": []}) + "\n", encoding="utf-8")
    gold = load_gold(path)
    assert [(g.article_id, g.split, len(g.events)) for g in gold] == [("a1", "test", 1), ("a2", "dev", 0)]


@pytest.mark.parametrize("bad", ["{broken", json.dumps({"split": "dev", "events": []}),
                                 json.dumps({"article_id": "a", "events": 5})])
def test_a_bad_gold_line_is_e301_with_its_number(tmp_path, bad):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"article_id": "a1", "events": []}) + "\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(TidingsError) as caught:
        load_gold(path)
    assert caught.value.code == "E301"
    assert f"{path} line 2" in str(caught.value)


def test_evaluate_gold_scores_each_split_with_a_given_coder(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": "a1", "published": "2025-08-16", "text": "The presidents met in Anchorage."},
               {"id": "a3", "published": "2025-08-16", "text": "Nothing happened in Lisbon."}]
    (corpus / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"article_id": "a1", "split": "dev", "events": [GOLD[0].events[0]]},
        {"article_id": "a2", "split": "test", "events": [_gold("PROTEST", ["KEN"])]},
    ]))
    seen: list[str] = []

    def fake_coder(articles: list[Article]) -> dict[str, list[Event]]:
        seen.extend(a.article_id for a in articles)
        return {"a1": [CODED["a1"][0]]}

    report = evaluate_gold(gold_path, code=fake_coder)
    assert seen == ["a1"]
    assert report["missing_articles"] == ["a2"]
    assert report["dev"]["events"]["tp"] == 1 and report["dev"]["events"]["f1"] == 1.0
    assert report["test"]["events"]["fn"] == 1 and report["test"]["articles"] == 1
    text = format_report(report)
    assert "== split dev: 1 articles" in text and "== split test: 1 articles" in text
    assert "negated agreements coded as asserted: 0" in text


def test_a_second_coding_is_scored_against_the_gold_beside_tidings(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "a1", "published": "2025-08-16", "text": "The presidents met in Anchorage."},
        {"id": "a2", "published": "2025-08-16", "text": "Kenyans marched."}]))
    first = [{"article_id": "a1", "split": "dev", "events": GOLD[0].events},
             {"article_id": "a2", "split": "test", "events": GOLD[1].events}]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in first))
    # The second coder agrees on the summit and the failed agreement, places the attack's
    # recipient elsewhere, and sees the protest as a demand.
    attack = dict(GOLD[0].events[2], recipient=[{"country": "POL", "sector": None}])
    second = [{"article_id": "a1", "split": "second", "events": [*GOLD[0].events[:2], attack]},
              {"article_id": "a2", "split": "second", "events": [_gold("REQUEST", ["KEN"])]}]
    second_path = tmp_path / "second-coding.jsonl"
    second_path.write_text("".join(json.dumps(r) + "\n" for r in second))
    assert detect(second_path) == "agreement" and detect(tmp_path / "gold.jsonl") == "samples"

    report = evaluate_agreement(second_path, code=lambda articles: {"a1": [CODED["a1"][0]]})
    dev, test = report["dev"], report["test"]
    assert dev["second coder vs gold"]["events"]["tp"] == 2 and dev["second coder vs gold"]["events"]["fn"] == 1
    assert dev["second coder vs gold"]["place_within_50km"]["rate"] == 1.0  # Anchorage, both
    assert dev["tidings vs gold"]["events"]["tp"] == 1 and dev["tidings vs gold"]["events"]["fn"] == 2
    assert test["second coder vs gold"]["events"]["f1"] == 0.0 and test["articles"] == 1
    table = format_agreement(report)
    assert "second coder" in table and "(1 articles, 1 gold events)" in table


def test_an_asserted_agreement_the_gold_also_has_is_not_a_negated_one_coded_as_asserted():
    gold = [GoldArticle("a1", "dev", [
        _gold("AGREE", ["USA", "RUS"], factuality="negated", issue="ceasefire"),
        _gold("AGREE", ["USA", "RUS"], issue="prisoner exchange"),
    ])]
    swap = _coded("AGREE", [USAGOV, RUSGOV]).model_copy(update={"issue": "prisoner exchange"})
    assert score(gold, {"a1": [swap]}).negated_agreements_as_asserted == 0
    truce = _coded("AGREE", [USAGOV, RUSGOV]).model_copy(update={"issue": "ceasefire"})
    assert score(gold, {"a1": [swap, truce]}).negated_agreements_as_asserted == 1
