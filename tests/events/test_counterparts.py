"""Recipients from the article (tidings/events/counterparts.py): a directed event with no target
in its sentence is aimed at its actor's counterpart in the story."""

from __future__ import annotations

from tidings.events.counterparts import CONTEXT_RULE, counterpart, with_counterparts, with_parties
from tidings.model import Entity, Event, Mention

from .helpers import only


def _entity(code: str, country: str, sector: str | None = None) -> Entity:
    return Entity(text=code, country=country, sector=sector, code=code)


def _event(event_type: str, actor: list[Entity], recipient: list[Entity], sentence: int,
           rule: str = "r") -> Event:
    mention = Mention(sentence_index=sentence, start_char=0, end_char=1, text="x", trigger="x",
                      trigger_start=0, trigger_end=1)
    return Event(article_id="a", event_type=event_type, actor=actor, recipient=recipient,
                 rule=rule, confidence=0.7, mentions=[mention])


INDIA, PAKISTAN, CHINA = _entity("INDGOV", "IND", "GOV"), _entity("PAK", "PAK"), _entity("CHN", "CHN")


def test_the_party_most_often_on_the_other_side_is_the_counterpart():
    events = [_event("SANCTION", [INDIA], [PAKISTAN], 0), _event("COERCE", [PAKISTAN], [INDIA], 1),
              _event("ACCUSE", [CHINA], [PAKISTAN], 2)]
    assert [e.code for e in counterpart([_entity("PAKGOV", "PAK", "GOV")], events)] == ["INDGOV"]
    assert [e.code for e in counterpart([CHINA], events)] == ["PAK"]


def test_a_tie_names_no_counterpart():
    events = [_event("SANCTION", [INDIA], [PAKISTAN], 0), _event("SANCTION", [INDIA], [CHINA], 1)]
    assert counterpart([INDIA], events) == []


def test_a_countrys_government_and_its_rebels_face_each_other_but_not_the_country_itself():
    army, rebels = _entity("SDNGOV", "SDN", "GOV"), _entity("SDNREB", "SDN", "REB")
    events = [_event("ASSAULT", [rebels], [army], 0), _event("COERCE", [army], [rebels], 1),
              _event("ASSAULT", [_entity("SDN", "SDN")], [CHINA], 2)]
    assert [e.code for e in counterpart([army], events)] == ["SDNREB"]


def test_an_actor_with_no_dealings_faces_the_storys_main_actor():
    events = [_event("ASSAULT", [CHINA], [], 0), _event("MOBILIZE", [CHINA], [], 1),
              _event("PROTEST", [PAKISTAN], [], 2)]
    assert [e.code for e in counterpart([INDIA], events)] == ["CHN"]


def test_only_directed_events_without_a_recipient_take_one_from_other_sentences():
    threat = _event("THREATEN", [PAKISTAN], [], 1, "threaten.threaten:verb:warn")
    exchange = _event("ASSAULT", [PAKISTAN, CHINA], [], 3, "assault.exchange:verb:exchange")
    events = [_event("SANCTION", [INDIA], [PAKISTAN], 0, "sanction.sanction:noun:sanction"), threat,
              _event("CONSULT", [PAKISTAN], [], 2, "consult.meet:verb:meet"), exchange]
    coded = with_counterparts(events)
    assert [e.code for e in coded[1].recipient] == ["INDGOV"]
    assert coded[1].rule == threat.rule + CONTEXT_RULE and coded[1].confidence < threat.confidence
    assert coded[1].event_id and coded[1].event_id != threat.with_id().event_id  # a new identity
    assert coded[2].recipient == []  # not a directed type
    assert coded[3].recipient == []  # a reciprocal entry: its actors face each other
    assert coded[0] is events[0]


def test_several_countries_acting_together_with_no_one_facing_them_get_no_guess():
    events = [_event("ASSAULT", [CHINA], [], 0)]
    assert counterpart([INDIA, PAKISTAN], events) == []
    assert [e.code for e in counterpart([INDIA], events)] == ["CHN"]


def test_parties_that_face_each_other_in_the_article_take_no_counterpart_together():
    usa, venezuela, colombia = _entity("USA", "USA"), _entity("VEN", "VEN"), _entity("COL", "COL")
    events = [_event("THREATEN", [venezuela], [usa], 0), _event("ACCUSE", [colombia], [usa], 1)]
    assert counterpart([usa, venezuela], events) == []


def test_ties_go_to_the_party_in_more_events():
    events = [_event("SANCTION", [INDIA], [PAKISTAN], 0), _event("ACCUSE", [INDIA], [CHINA], 1),
              _event("ASSAULT", [PAKISTAN], [], 2)]
    assert [e.code for e in counterpart([INDIA], events)] == ["PAK"]


def test_a_position_on_an_issue_is_stated_to_no_one_in_particular():
    demand = _event("REQUEST", [PAKISTAN], [], 1, "request.demand:verb:demand").model_copy(
        update={"issue": "ceasefire"})
    events = [_event("SANCTION", [INDIA], [PAKISTAN], 0, "sanction.sanction:noun:sanction"), demand]
    assert with_counterparts(events)[1].recipient == []


def test_the_events_own_sentence_tells_nothing_it_did_not_name():
    events = [_event("SANCTION", [INDIA], [PAKISTAN], 0, "sanction.sanction:noun:sanction"),
              _event("THREATEN", [PAKISTAN], [], 0, "threaten.threaten:verb:warn")]
    assert with_counterparts(events)[1].recipient == []


def test_a_threat_with_no_target_is_aimed_at_the_other_side_of_the_story(code):
    events = code("Yemen's Houthi rebels attacked a US warship in the Red Sea on Monday. "
                  "Washington warned that it would respond.")
    threat = only(events, "THREATEN")
    assert [e.code for e in threat.recipient] == ["YEMREB"]
    assert threat.rule.endswith(CONTEXT_RULE)
    # the recipient keeps the words and the place it was named at
    assert (threat.recipient[0].text, threat.recipient[0].start_char) == ("Yemen's Houthi rebels", 0)


def test_an_event_naming_no_party_is_not_kept():
    unnamed, named = _event("AGREE", [], [], 0), _event("ASSAULT", [], [PAKISTAN], 1)
    assert with_parties([unnamed, named]) == [named]


def test_the_pipeline_codes_no_event_without_a_party(code):
    assert code("We all would like to see a ceasefire.") == []
