"""Which place an event takes (tidings/events/venue.py): its sentence's, else the dateline's."""

from __future__ import annotations

from .helpers import only


def _place(event) -> tuple[str, str] | None:
    return (event.location.name, event.location.country) if event.location else None


def test_a_capitalised_dateline_places_the_lede_not_the_target_country(code):
    events = code("BRUSSELS (Wire) — European Union governments on Friday approved new sanctions "
                  "against Russia.")
    sanction = only(events, "SANCTION")
    assert _place(sanction) == ("Brussels", "BEL")
    assert sanction.location.text == "BRUSSELS" and sanction.location.start_char == 0


def test_an_attack_happens_where_its_target_is(code):
    attack = only(code("Russian missiles hit the Kharkiv region on Monday."), "ASSAULT")
    assert _place(attack) == ("Kharkiv", "UKR")


def test_a_capital_standing_for_its_government_is_no_place(code):
    events = code("Kyiv had proposed a ceasefire, which Moscow turned down.")
    assert only(events, "REJECT").location is None


def test_a_place_of_a_nested_event_is_not_the_outer_events(code):
    events = code("The Russian and American presidents ended their summit without agreeing to a "
                  "ceasefire in Ukraine.")
    assert only(events, "CONSULT").location is None


def test_a_place_of_what_is_agreed_on_is_not_the_agreements(code):
    events = code("ANCHORAGE (Wire) — The Russian and American presidents ended their summit without agreeing to a "
                  "ceasefire in Ukraine.")
    failed = only(events, "AGREE")
    assert failed.factuality == "negated" and _place(failed) == ("Anchorage", "USA")


def test_the_countries_of_a_meetings_parties_are_no_place(code):
    events = code("SEOUL (Wire) — Rain fell.\n\nIn other news, prices rose.\n\nMarkets fell.\n\n"
                  "Later, the presidents of South Korea and Japan held a summit.")
    assert _place(only(events, "CONSULT")) == ("Seoul", "KOR")  # the dateline's country is a party's


def test_a_later_event_of_other_countries_does_not_take_the_dateline(code):
    events = code("SEOUL (Wire) — Rain fell.\n\nIn other news, prices rose.\n\nMarkets fell.\n\n"
                  "Russia and Ukraine held talks.")
    assert only(events, "CONSULT").location is None


def test_the_named_city_beats_the_country_its_description_implies(code):
    attack = only(code("Russian drones struck the Ukrainian city of Kharkiv on Tuesday."), "ASSAULT")
    assert _place(attack) == ("Kharkiv", "UKR")


def test_where_a_thing_comes_from_is_no_place_of_the_event(code):
    events = code("NATO said it would reinforce its eastern flank with fighter jets from Denmark, "
                  "France and Germany.")
    mobilize = only(events, "MOBILIZE")
    assert mobilize.location is None and mobilize.recipient == []


def test_the_place_of_the_act_a_verb_is_told_through_is_the_verbs(code):
    killing = only(code("A prominent anti-Syria journalist has been killed in a car bomb explosion "
                        "in eastern Beirut."), "ASSAULT")
    assert _place(killing) == ("Beirut", "LBN")  # and "anti-Syria" places nothing


def test_a_country_naming_whose_a_thing_is_places_nothing(code):
    assert only(code("Russia imposed sanctions on US companies."), "SANCTION").location is None
