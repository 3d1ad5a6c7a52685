"""Stance observations: rules on hand-made events, and one article through the pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.model import Entity, Event, Mention
from tidings.stances import (
    changes,
    derive_stances,
    latest,
    load_rules,
    matrix_table,
    party_key,
    precondition,
)

RUSGOV = Entity(text="Putin", country="RUS", sector="GOV", code="RUSGOV")
USAGOV = Entity(text="Trump", country="USA", sector="GOV", code="USAGOV")
UKRGOV = Entity(text="Zelensky", country="UKR", sector="GOV", code="UKRGOV")
SDNREB = Entity(text="the RSF", country="SDN", sector="REB", code="SDNREB")


def event(event_type: str, actor, recipient, sentence: str, *, issue=None, factuality="asserted",
          date=dt.date(2025, 8, 15)) -> Event:
    return Event(article_id="t1", event_type=event_type, actor=actor, recipient=recipient,
                 issue=issue, issue_text=issue, factuality=factuality, date=date,
                 date_precision="day",
                 mentions=[Mention(sentence_index=0, start_char=0, end_char=len(sentence),
                                   text=sentence, trigger="x", trigger_start=0,
                                   trigger_end=1)]).with_id()


def triples(observations) -> set[tuple[str, str, str]]:
    return {(o.party, o.issue, o.position) for o in observations}


def test_positions_by_type_and_factuality():
    found = derive_stances([
        event("REQUEST", [UKRGOV], [USAGOV], "Kyiv asked Washington for security guarantees.",
              issue="security guarantees"),
        event("REJECT", [UKRGOV], [RUSGOV], "Kyiv refused to cede territory.",
              issue="territorial concessions"),
        event("SUPPORT", [USAGOV], [], "Washington backed the talks.", issue="peace talks"),
        event("AGREE", [USAGOV], [], "Washington would agree to a truce if asked.",
              issue="ceasefire", factuality="hypothetical"),
    ])
    assert triples(found) == {("UKR", "security guarantees", "demands"),
                              ("UKR", "territorial concessions", "rejects"),
                              ("USA", "peace talks", "supports"),
                              ("USA", "ceasefire", "conditions")}
    demand = next(o for o in found if o.position == "demands")
    assert demand.counterpart == ("USA",)


def test_failed_agreement_is_recorded_for_every_party():
    found = derive_stances([event("AGREE", [USAGOV, RUSGOV], [], "No ceasefire was agreed.",
                                  issue="ceasefire", factuality="negated")])
    assert triples(found) == {("USA", "ceasefire", "no agreement"),
                              ("RUS", "ceasefire", "no agreement")}
    assert {o.counterpart for o in found} == {("RUS",), ("USA",)}


def test_precondition_conditions_the_issue_named_after_the_cue():
    sentence = "Moscow insisted the root causes of the war be dealt with before any truce."
    found = derive_stances([event("REQUEST", [RUSGOV], [], sentence, issue="root causes")])
    assert triples(found) == {("RUS", "ceasefire", "conditions"),
                              ("RUS", "root causes", "demands")}
    assert next(o for o in found if o.position == "conditions").condition == "root causes"


def test_before_without_an_issue_is_not_a_precondition():
    assert precondition("Kyiv urged allies to send air defences before winter.", "aid") is None
    assert precondition("Talks can start only if the shelling stops.") is not None
    assert precondition("The issues must be addressed first.") is not None
    assert precondition("It was their first direct talks in a year.") is None


def test_party_keys_fold_state_sectors():
    rules = load_rules()
    assert party_key(RUSGOV, rules) == "RUS"
    assert party_key(Entity(text="army", country="RUS", sector="MIL", code="RUSMIL")) == "RUS"
    assert party_key(SDNREB) == "SDNREB"


def test_latest_and_changes():
    early = event("REJECT", [SDNREB], [], "The RSF rejected a truce.", issue="ceasefire",
                  date=dt.date(2025, 1, 1))
    late = event("AGREE", [SDNREB], [], "The RSF accepted a truce.", issue="ceasefire",
                 date=dt.date(2025, 3, 1))
    found = derive_stances([late, early])
    assert [o.position for o in latest(found)] == ["accepts"]
    steps = changes(found)
    assert [(c["from"], c["to"]) for c in steps] == [(None, "rejects"), ("rejects", "accepts")]
    table = matrix_table(found)
    assert table.loc[0, "ceasefire"].startswith("accepts")


# Written for this test (not news): a summit without a truce, a precondition, and a third
# party's refusal and demand.
SUMMIT = (
    "GENEVA (Test Wire) — The presidents of Russia and the United States ended a day of talks "
    "in Geneva on Friday without agreeing to a ceasefire in Ukraine.\n\n"
    "Vladimir Putin insisted that the root causes of the conflict be addressed before any "
    "truce.\n\n"
    "Ukrainian President Volodymyr Zelensky, who was not invited, rejected any territorial "
    "concessions. Zelensky also asked the United States for security guarantees."
)


@pytest.mark.slow
def test_summit_article_end_to_end():
    api = pytest.importorskip("tidings.api")
    events = api.code_text(SUMMIT, published="2025-09-06")
    found = triples(derive_stances(events))
    expected = {
        ("RUS", "ceasefire", "conditions"),
        ("UKR", "territorial concessions", "rejects"),
        ("UKR", "security guarantees", "demands"),
        ("RUS", "ceasefire", "no agreement"),
        ("USA", "ceasefire", "no agreement"),
    }
    missing = expected - found
    assert not missing, f"missing stances {missing}; events: " + "; ".join(
        f"{e.event_type}/{e.factuality} {[a.code for a in e.actor]}->"
        f"{[r.code for r in e.recipient]} issue={e.issue}" for e in events)
    demand = next(o for o in derive_stances(events) if o.issue == "security guarantees")
    assert "USA" in demand.counterpart
