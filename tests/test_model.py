"""The event record of docs/schema.md: field names and types, JSON round trip, stable ids."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from tidings.model import (
    EVENT_TYPES,
    FACTUALITIES,
    Article,
    Entity,
    Event,
    Location,
    Mention,
    content_hash,
)

SCHEMA = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")
FIELDS = [
    "event_id", "article_id", "event_type", "mode", "context", "actor", "recipient", "factuality",
    "score", "cameo_code", "location", "date", "date_precision", "issue", "issue_text",
    "confidence", "rule", "mentions",
]


def _schema_example() -> dict:
    block = re.search(r"```json\n(.*?)```", SCHEMA, re.S)
    assert block, "docs/schema.md lost its JSON example"
    return json.loads(block.group(1))


def _event(**changes) -> Event:
    base = dict(
        article_id="s01", event_type="AGREE", factuality="negated",
        actor=[Entity(text="Trump", country="USA", sector="GOV", code="USAGOV", start_char=0, end_char=5),
               Entity(text="Putin", country="RUS", sector="GOV", code="RUSGOV", start_char=10, end_char=15)],
        recipient=[], issue="ceasefire", issue_text="a ceasefire in Ukraine",
        location=Location(name="Anchorage", country="USA", admin1="Alaska", lat=61.218, lon=-149.9,
                          geonameid=5879400, feature="city", text="Anchorage", start_char=20,
                          end_char=29, score=0.9),
        date=dt.date(2025, 8, 15), date_precision="day", confidence=0.82, cameo_code="030",
        rule="agree.agree:noun:agreement",
        mentions=[Mention(sentence_index=0, start_char=0, end_char=60, text="x" * 60,
                          trigger="agreement", trigger_start=40, trigger_end=49)],
    )
    base.update(changes)
    return Event(**base).with_id()


def test_event_fields_are_the_documented_ones_in_order():
    assert list(Event.model_fields) == FIELDS
    for name in FIELDS:
        assert f"| `{name}`" in SCHEMA or f"`{name}`" in SCHEMA, name


def test_schema_example_validates_and_round_trips():
    example = _schema_example()
    event = Event.model_validate(example)
    assert list(example) == FIELDS
    assert event.model_dump(mode="json") == example


def test_field_types():
    event = _event()
    record = json.loads(event.model_dump_json())
    assert isinstance(record["event_id"], str) and record["event_id"].startswith("e")
    assert record["event_type"] in EVENT_TYPES and record["factuality"] in FACTUALITIES
    assert isinstance(record["actor"], list) and isinstance(record["recipient"], list)
    assert set(record["actor"][0]) == {"text", "country", "sector", "code", "start_char", "end_char"}
    assert set(record["location"]) == {"name", "country", "admin1", "lat", "lon", "geonameid",
                                       "feature", "qualifier", "text", "start_char", "end_char", "score"}
    assert set(record["mentions"][0]) == {"sentence_index", "start_char", "end_char", "text",
                                          "trigger", "trigger_start", "trigger_end"}
    assert record["date"] == "2025-08-15" and record["date_precision"] == "day"
    assert record["score"] is None and isinstance(record["confidence"], float)
    assert record["mode"] == [] and record["context"] == []


def test_plover_types_and_factualities():
    assert len(EVENT_TYPES) == 16
    assert set(FACTUALITIES) == {"asserted", "negated", "future", "hypothetical", "historical"}


def test_json_round_trip():
    event = _event()
    again = Event.model_validate_json(event.model_dump_json())
    assert again == event
    assert Event.model_validate(json.loads(json.dumps(event.model_dump(mode="json")))) == event


@pytest.mark.parametrize("bad", [
    {"event_type": "ATTACK"},
    {"factuality": "maybe"},
    {"date_precision": "decade"},
    {"colour": "red"},
])
def test_invalid_records_are_refused(bad):
    record = _event().model_dump(mode="json") | bad
    with pytest.raises(ValidationError):
        Event.model_validate(record)


def test_same_input_same_id():
    assert _event().event_id == _event().event_id
    # an id does not depend on what is not part of the fact's identity
    assert _event(confidence=0.5, rule="other").event_id == _event().event_id


def test_same_id_in_another_process():
    code = ("import datetime as dt\n"
            "from tidings.model import Event, Entity, Mention\n"
            "e = Event(article_id='s01', event_type='ASSAULT', actor=[Entity(text='Russia', code='RUS', country='RUS')],"
            " mentions=[Mention(sentence_index=1, start_char=0, end_char=5, text='x', trigger='y', trigger_start=2, trigger_end=3)])\n"
            "print(e.with_id().event_id)\n")
    here = Event(article_id="s01", event_type="ASSAULT",
                 actor=[Entity(text="Russia", code="RUS", country="RUS")],
                 mentions=[Mention(sentence_index=1, start_char=0, end_char=5, text="x", trigger="y",
                                   trigger_start=2, trigger_end=3)]).with_id().event_id
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout.strip()
    assert there == here


@pytest.mark.parametrize("change", [
    {"article_id": "s02"},
    {"event_type": "CONSULT"},
    {"factuality": "asserted"},
    {"issue": "sanctions"},
    {"actor": [Entity(text="Kyiv", country="UKR", sector="GOV", code="UKRGOV")]},
    {"recipient": [Entity(text="NATO", country="NATO", sector="IGO", code="NATO")]},
    {"mentions": [Mention(sentence_index=3, start_char=200, end_char=260, text="y" * 60,
                          trigger="deal", trigger_start=210, trigger_end=214)]},
], ids=["article", "type", "factuality", "issue", "actor", "recipient", "position"])
def test_different_facts_different_ids(change):
    assert _event(**change).event_id != _event().event_id


def test_actor_order_does_not_change_the_id():
    event = _event()
    swapped = _event(actor=list(reversed(event.actor)))
    assert swapped.event_id == event.event_id


def test_content_hash_is_stable_and_order_sensitive():
    assert content_hash("a", 1) == content_hash("a", 1)
    assert content_hash("a", 1) != content_hash(1, "a")
    assert len(content_hash("x")) == 16 and len(content_hash("x", length=8)) == 8


def test_article_ids_hash_title_and_text():
    assert Article.make_id("text") == Article.make_id("text")
    assert Article.make_id("text") != Article.make_id("text", title="t")
    assert Article.make_id("text").startswith("a")
    article = Article(article_id="x", text="one two  three")
    assert article.n_words == 3
    assert article.content_hash() == Article(article_id="y", text="one two  three").content_hash()


def test_one_countrys_government_and_rebels_are_two_sides_but_a_country_and_its_government_one():
    from tidings.model import Entity, same_side

    gov = Entity(text="the government", country="TUR", sector="GOV", code="TURGOV")
    rebels = Entity(text="rebels", country="TUR", sector="REB", code="TURREB")
    turkey = Entity(text="Turkey", country="TUR", code="TUR")
    iraq = Entity(text="Iraq", country="IRQ", code="IRQ")
    assert not same_side(gov, [rebels]) and same_side(turkey, [rebels]) and same_side(gov, [gov])
    assert not same_side(iraq, [rebels])
    assert same_side(gov, [rebels, iraq])  # in a group of several countries, a country is one side


def test_the_arms_of_one_state_are_one_side():
    from tidings.model import Entity, same_side

    gov = Entity(text="Caracas", country="VEN", sector="GOV", code="VENGOV")
    army = Entity(text="its soldiers", country="VEN", sector="MIL", code="VENMIL")
    police = Entity(text="police", country="VEN", sector="COP", code="VENCOP")
    protesters = Entity(text="protesters", country="VEN", sector="CVL", code="VENCVL")
    assert same_side(army, [gov]) and same_side(police, [army])
    assert not same_side(protesters, [police])

