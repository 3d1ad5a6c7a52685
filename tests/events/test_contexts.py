"""PLOVER contexts: the entry's own (from the manual's CAMEO table), words of the event's
sentence (contexts.yaml `words`), and the parties' sectors (contexts.yaml `sectors`)."""

from __future__ import annotations

import pytest

from tidings.events.issues import find_contexts

from .helpers import only


@pytest.mark.parametrize("text, event_type, context", [
    # words of the sentence, as the manual's context definitions name them
    ("Hungary agreed to take back the refugees.", "AGREE", "migration"),
    ("Iran rejected the proposal to limit its nuclear programme.", "REJECT", "cbrn"),
    ("At least three Iraqi civilians were killed in a suicide car bombing in Baghdad.", "ASSAULT", "terrorism"),
    # the entry's own: CAMEO 173 (arrest) is legal, 0874 (retreat) military in the manual's table
    ("Police arrested twelve protesters in Cairo.", "COERCE", "legal"),
    ("Bosnian Serbs pulled out of Gorazde.", "RETREAT", "military"),
])
def test_context(code, text, event_type, context):
    assert context in only(code(text), event_type).context


def test_a_state_military_actor_gives_the_military_context(code):
    event = only(code("The Israeli army shelled villages in southern Lebanon."), "ASSAULT")
    assert "military" in event.context


def test_no_context_without_a_cue(code):
    assert only(code("Macron met Scholz in Berlin."), "CONSULT").context == []


def test_find_contexts_reads_phrases_in_text_order_once(nlp, cb):
    doc = nlp("Refugees fled the civil war as refugees crossed the border with nuclear waste.")
    assert find_contexts(list(doc), cb) == ["migration", "military", "cbrn"]
