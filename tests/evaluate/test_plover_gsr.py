"""The `plover-gsr` scorer: record reading, the 0.5b1 name tables, exact figures on a tiny
hand-made GSR file with injected coded events (no NLP), errors, and the real file (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.errors import TidingsError
from tidings.evaluate import detect, format_results
from tidings.evaluate.plover_gsr import (
    code_records,
    evaluate_plover_gsr,
    format_gsr,
    load_gsr,
    parse_records,
    score,
)
from tidings.model import Article, Entity, Event

GSR = [
    {"id": "GSR-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "internal documentation",
     "version": "0.5b1"},
    {"id": "GSR-AGREE-0001", "date": "2000-01-01", "event": "AGREE", "context": "refugees",
     "source": [{"actorText": "Washington", "code": "USA", "sector": "GOV"}],
     "target": [{"actorText": "Tokyo", "code": "JAP"}],
     "text": "Washington agreed with Tokyo to resettle the refugees."},
    {"id": "GSR-DEMAND-0001", "date": "2000-01-01", "event": "DEMAND", "mode": "",
     "context": "diplomatic", "source": [{"actorText": "United Nations", "code": "IGO"}],
     "target": [{"actorText": "Israel", "code": "ISR"}],
     "text": "The United Nations demanded that Israel withdraw."},
    {"id": "GSR-FIGHT-0001", "date": "2000-01-01", "event": "FIGHT", "mode": "heavy-weapons",
     "context": "military", "source": "", "target": [{"actorText": "Syrian", "code": "SYR"}],
     "text": "Artillery pounded Syrian positions."},
    {"id": "GSR-PROTEST-0001", "date": "2000-01-01", "event": "PROTEST", "mode": "strike-hun",
     "context": "political", "source": [{"actorText": "British", "code": "GBR", "sector": "CVL"}],
     "target": "", "text": "British prisoners went on hunger strike."},
]


def _entity(country: str, sector: str | None = None) -> Entity:
    return Entity(text=country, country=country, sector=sector, code=country + (sector or ""))


def _event(record_id: str, event_type: str, confidence: float, *, actor=(), recipient=(),
           mode=(), context=()) -> Event:
    return Event(article_id=record_id, event_type=event_type, confidence=confidence,
                 actor=list(actor), recipient=list(recipient), mode=list(mode), context=list(context))


CODED = {
    "GSR-AGREE-0001": [
        _event("GSR-AGREE-0001", "AGREE", 0.7, actor=[_entity("USA", "GOV")],
               recipient=[_entity("JPN", "GOV")], context=["migration"]),
        _event("GSR-AGREE-0001", "CONSULT", 0.8, actor=[_entity("USA", "GOV")]),
    ],
    "GSR-DEMAND-0001": [_event("GSR-DEMAND-0001", "REQUEST", 0.7, actor=[_entity("UNO", "IGO")])],
    "GSR-PROTEST-0001": [_event("GSR-PROTEST-0001", "PROTEST", 0.6, mode=["strike", "hunger"])],
}


def _fake_code(articles: list[Article]) -> dict[str, list[Event]]:
    return {a.article_id: CODED.get(a.article_id, []) for a in articles}


def test_parse_records_skips_document_and_maps_names():
    records = parse_records(GSR)
    assert [r.id for r in records] == ["GSR-AGREE-0001", "GSR-DEMAND-0001", "GSR-FIGHT-0001",
                                       "GSR-PROTEST-0001"]
    agree, demand, fight, protest = records
    assert agree.recipients == {"JPN"} and agree.contexts == {"migration"}
    assert (demand.event_type, demand.gsr_type, demand.mode) == ("REQUEST", "DEMAND", None)
    assert (fight.event_type, fight.actors, fight.mode) == ("ASSAULT", frozenset(), "heavy-weapons")
    assert protest.mode == "hunger" and protest.contexts == {"political_institutions"}


def test_parse_records_rejects_bad_files():
    with pytest.raises(TidingsError):
        parse_records({"id": "x", "event": "AGREE"})
    with pytest.raises(TidingsError):
        parse_records([{"id": "x", "event": "AGREE"}])  # no text


def test_score_exact_figures():
    result = score(parse_records(GSR), CODED)
    assert result["records"] == 4
    assert result["type"] == {"tp": 3, "fp": 1, "fn": 1, "precision": 0.75, "recall": 0.75, "f1": 0.75}
    by_type = {k: (v["tp"], v["fp"], v["fn"]) for k, v in result["by_type"].items()}
    assert by_type == {"AGREE": (1, 0, 0), "ASSAULT": (0, 0, 1), "CONSULT": (0, 1, 0),
                       "PROTEST": (1, 0, 0), "REQUEST": (1, 0, 0)}
    # the CONSULT (0.8) outranks the AGREE (0.7); no event at all for the FIGHT record
    assert result["primary_type_accuracy"] == {"hits": 2, "total": 4, "rate": 0.5}
    assert result["recall_by_gsr_type"]["DEMAND"] == {"hits": 1, "total": 1, "rate": 1.0}
    # actors: USA = USA, IGO = UNO (an IGO), GBR vs none
    assert result["actor_accuracy"] == {"hits": 2, "total": 3, "rate": 0.6667}
    # recipients: JAP read as JPN = JPN; ISR vs none; the PROTEST has no target
    assert result["recipient_accuracy"] == {"hits": 1, "total": 2, "rate": 0.5}
    assert result["mode_agreement"] == {"hits": 1, "total": 1, "rate": 1.0}
    assert result["context_agreement"] == {"hits": 1, "total": 3, "rate": 0.3333}
    assert result["errors"] == []


def _sentence_record(record_id: str, event: str, text: str) -> dict:
    return {"id": record_id, "event": event, "source": "", "target": "", "text": text}


FIRE = "Police opened fire on protesters, killing one and arresting 12."
SANCTIONS = "The United States would prohibit aid to the rebels and deny them entry."
SHARED = [_sentence_record("GSR-COERCE-0001", "COERCE", FIRE),
          _sentence_record("GSR-FIGHT-0002", "FIGHT", FIRE),
          _sentence_record("GSR-SANCTION-0001", "SANCTION", SANCTIONS),
          _sentence_record("GSR-SANCTION-0002", "SANCTION", SANCTIONS)]


def test_a_sentence_in_several_records_is_scored_once_against_all_its_gold_events():
    """One record per gold event: the ASSAULT coded for the COERCE record's sentence is the other
    record's TP, not an FP; two gold SANCTIONs need two coded SANCTION events."""
    coded = {"GSR-COERCE-0001": [_event("GSR-COERCE-0001", "COERCE", 0.6),
                                 _event("GSR-COERCE-0001", "ASSAULT", 0.9),
                                 _event("GSR-COERCE-0001", "PROTEST", 0.5)],
             "GSR-SANCTION-0001": [_event("GSR-SANCTION-0001", "SANCTION", 0.7)]}
    result = score(parse_records(SHARED), coded)
    assert (result["records"], result["sentences"]) == (4, 2)
    by_type = {k: (v["tp"], v["fp"], v["fn"]) for k, v in result["by_type"].items()}
    assert by_type == {"ASSAULT": (1, 0, 0), "COERCE": (1, 0, 0), "PROTEST": (0, 1, 0),
                       "SANCTION": (1, 0, 1)}
    hits = {d["id"]: d["hit"] for d in result["details"]}
    assert hits == {"GSR-COERCE-0001": True, "GSR-FIGHT-0002": True,
                    "GSR-SANCTION-0001": True, "GSR-SANCTION-0002": False}
    # the ASSAULT (0.9) is the first sentence's primary and one of its gold types
    assert result["primary_type_accuracy"] == {"hits": 2, "total": 2, "rate": 1.0}


def test_a_shared_sentence_is_coded_once():
    seen: list[str] = []

    def recording(articles: list[Article]) -> dict[str, list[Event]]:
        seen.extend(a.article_id for a in articles)
        return {a.article_id: [] for a in articles}

    code_records(parse_records(SHARED), recording)
    assert seen == ["GSR-COERCE-0001", "GSR-SANCTION-0001"]


def test_future_cooperation_is_scored_as_plover_codes_it():
    """The manual codes a planned meeting AGREE and a planned attack THREATEN; tidings says
    CONSULT/ASSAULT with factuality future/hypothetical, read the manual's way when scored."""
    coded = {
        "GSR-AGREE-0001": [_event("GSR-AGREE-0001", "CONSULT", 0.7).model_copy(
            update={"factuality": "future"})],
        "GSR-FIGHT-0001": [_event("GSR-FIGHT-0001", "ASSAULT", 0.7).model_copy(
            update={"factuality": "hypothetical"})],
    }
    details = {d["id"]: d for d in score(parse_records(GSR), coded)["details"]}
    assert details["GSR-AGREE-0001"]["coded"] == ["AGREE"]
    assert details["GSR-AGREE-0001"]["hit"]
    assert details["GSR-FIGHT-0001"]["coded"] == ["THREATEN"]


def test_evaluate_file_with_injected_coder_and_errors(tmp_path: Path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(GSR), encoding="utf-8")
    assert detect(path) == "plover-gsr"
    assert len(load_gsr(path)) == 4

    def raising(articles: list[Article]) -> dict[str, list[Event]]:
        if any(a.article_id == "GSR-DEMAND-0001" for a in articles):
            raise ValueError("boom")
        return _fake_code(articles)

    coded, errors = code_records(load_gsr(path), raising)
    assert errors == [{"id": "GSR-DEMAND-0001", "error": "ValueError: boom"}]
    assert set(coded) == {"GSR-AGREE-0001", "GSR-FIGHT-0001", "GSR-PROTEST-0001"}

    result = evaluate_plover_gsr(path, code=raising)
    assert result["type"]["tp"] == 2 and result["type"]["fn"] == 2  # the error is a miss
    assert result["errors"][0]["id"] == "GSR-DEMAND-0001"
    table = format_gsr(result)
    assert "event type" in table and "error GSR-DEMAND-0001: ValueError: boom" in table
    assert format_results("plover-gsr:gsr.json", result).startswith("# plover-gsr:gsr.json\n== 4 records")
    assert evaluate_plover_gsr(path, limit=1, code=_fake_code)["records"] == 1


def test_detect_real_file(shared: Path):
    assert detect(shared / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO-dev.json") == "plover-gsr"


@pytest.mark.slow
def test_first_ten_real_records(shared: Path):
    result = evaluate_plover_gsr(shared / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO-dev.json", limit=10)
    assert result["records"] == 10 and result["errors"] == []
    assert result["type"]["tp"] + result["type"]["fn"] == 10
