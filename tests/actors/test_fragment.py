"""The brief's reference fragment, resolved end to end through the real pipeline."""

from __future__ import annotations

import pytest
from actor_helpers import codes, run, tok

FRAGMENT = (
    "President Donald Trump met his Russian counterpart Vladimir Putin in Anchorage on Friday. "
    "The Kremlin said the two leaders discussed Ukraine. "
    "Ukraine's president, Volodymyr Zelensky, who was not invited, refused to give up territory. "
    "He asked Washington for security guarantees. "
    "Russian drones struck eastern Ukraine overnight."
)


@pytest.fixture(scope="module")
def fragment(nlp):
    return run(nlp, FRAGMENT)


def test_named_leaders(fragment):
    doc, actors = fragment
    assert codes(actors, doc, "Trump") == ["USAGOV"]
    assert codes(actors, doc, "Putin") == ["RUSGOV"]


def test_counterpart_takes_its_demonym_not_the_possessor(fragment):
    doc, actors = fragment
    [ent] = actors.entities_for(tok(doc, "counterpart"))
    assert ent.code == "RUSGOV"
    assert ent.text == "his Russian counterpart"
    assert FRAGMENT[ent.start_char:ent.end_char] == "his Russian counterpart"


def test_kremlin_and_the_two_leaders(fragment):
    doc, actors = fragment
    assert codes(actors, doc, "Kremlin") == ["RUSGOV"]
    assert sorted(codes(actors, doc, "leaders")) == ["RUSGOV", "USAGOV"]


def test_possessed_role_and_pronoun(fragment):
    doc, actors = fragment
    assert codes(actors, doc, "president") == ["UKRGOV"]
    assert codes(actors, doc, "Zelensky") == ["UKRGOV"]
    [he] = actors.entities_for(tok(doc, "He"))
    assert (he.code, he.text) == ("UKRGOV", "He")


def test_capital_metonym_and_weapon_owner(fragment):
    doc, actors = fragment
    assert codes(actors, doc, "Washington") == ["USAGOV"]
    assert actors.entities_for(tok(doc, "drones")) == []
    assert [e.code for e in actors.owner_of(tok(doc, "drones"))] == ["RUSMIL"]


def test_mentions_are_in_doc_order_and_places_are_not_actors(fragment):
    doc, actors = fragment
    starts = [m.start for m in actors.mentions]
    assert starts == sorted(starts)
    assert not any(doc[m.start:m.end].text == "Anchorage" for m in actors.mentions)
    assert actors.countries()["RUS"] >= 3 and actors.countries()["UKR"] >= 3
