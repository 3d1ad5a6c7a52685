"""Factuality: asserted, negated, future, hypothetical, historical (docs/codebook.md, cues.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.events.factuality import classify, speech_verb

from .helpers import only


@pytest.mark.parametrize("text, event_type", [
    ("The talks between Armenia and Azerbaijan in Geneva did not yield a deal.", "AGREE"),
    ("The summit of the Russian and American presidents ended without agreeing to a ceasefire.", "AGREE"),
    ("The summit between Russia and the United States ended without a deal.", "AGREE"),
    ("Trump and Putin met, but neither announced a deal.", "AGREE"),
    ("Serbia and Kosovo failed to reach an agreement.", "AGREE"),
    ("No deal between Congo and the M23 rebels was reached in Doha.", "AGREE"),
    ("Israel never attacked Iran.", "ASSAULT"),
    ("Russia denied attacking Poland.", "ASSAULT"),
    ("Russia refrained from attacking the city.", "ASSAULT"),
    ("Iran's navy stopped short of seizing the tanker.", "COERCE"),
    ("Ethiopia denied that Addis Ababa intended to station combat troops on the coast.", "MOBILIZE"),
    ("Russia does not plan to attack Kharkiv.", "ASSAULT"),
    ("Moscow has yet to sign the deal.", "AGREE"),
])
def test_negated(code, text, event_type):
    event = only(code(text), event_type)
    assert event.factuality == "negated"


def test_what_a_party_stopped_short_of_is_negated_and_done_by_that_party(code):
    event = only(code("The European Union stopped short of announcing new sanctions against Belarus."),
                 "SANCTION")
    assert event.factuality == "negated"
    assert [e.code for e in event.actor] == ["EUR"]
    assert [e.country for e in event.recipient] == ["BLR"]


def test_negated_agreement_keeps_its_issue_and_has_no_score(code):
    event = only(code("The summit of the Russian and American presidents ended without agreeing to a "
                           "ceasefire in Ukraine."), "AGREE")
    assert event.factuality == "negated"
    assert event.issue == "ceasefire"
    assert event.score is None  # a score measures what happened


def test_neither_negates_the_clause_and_keeps_the_actors(code):
    events = code("Trump and Putin met in Alaska, but neither announced a deal.")
    agree = only(events, "AGREE")
    assert agree.factuality == "negated"
    assert {e.country for e in agree.actor} == {"USA", "RUS"}
    assert only(events, "CONSULT").factuality == "asserted"


@pytest.mark.parametrize("text, event_type", [
    ("Trump will brief European leaders.", "CONSULT"),
    ("Qatar hopes to facilitate a meeting between the two sides.", "CONSULT"),
    ("Trump said he would brief Zelensky.", "CONSULT"),
    ("Turkey plans to host talks between Russia and Ukraine.", "CONSULT"),
    ("The upcoming summit of Chinese and Italian leaders in Rome will focus on trade.", "CONSULT"),
])
def test_future(code, text, event_type):
    event = only(code(text), event_type)
    assert event.factuality == "future"
    assert event.score is None


def test_undated_future_event_has_no_date(code):
    event = only(code("Trump will brief European leaders."), "CONSULT")
    assert event.date is None and event.date_precision is None


def test_reported_would_is_a_future_of_the_speaker(code):
    event = only(code("Trump said he would brief Zelensky."), "CONSULT")
    assert [e.country for e in event.actor] == ["USA"]
    assert [e.country for e in event.recipient] == ["UKR"]


@pytest.mark.parametrize("text, event_type", [
    ("The EU could impose sanctions if talks fail.", "SANCTION"),
    ("Washington could impose sanctions on Moscow if talks fail.", "SANCTION"),
    ("Hungary might veto the package.", "REJECT"),
])
def test_hypothetical(code, text, event_type):
    event = only(code(text), event_type)
    assert event.factuality == "hypothetical"
    assert event.score is None
    assert event.date is None


def test_hypothetical_sanction_keeps_its_parties(code):
    event = only(code("Washington could impose sanctions on Moscow if talks fail."), "SANCTION")
    assert [e.country for e in event.actor] == ["USA"]
    assert [e.country for e in event.recipient] == ["RUS"]


def test_negation_wins_over_future(code):
    event = only(code("The EU will not impose sanctions on Russia."), "SANCTION")
    assert event.factuality == "negated"


@pytest.mark.parametrize("text, year, precision", [
    ("The war has raged since Russia's 2022 invasion.", 2022, "year"),
    ("Russia invaded Crimea in 2014.", 2014, "year"),
])
def test_historical_when_dated_long_before_publication(code, text, year, precision):
    event = only(code(text), "ASSAULT")
    assert event.factuality == "historical"
    assert event.date == dt.date(year, 1, 1)
    assert event.date_precision == precision
    assert event.score is not None  # it happened


def test_an_event_whose_period_ended_more_than_a_month_before_is_historical(code):
    # published 2025-08-16: June ended 46 days before, July 16 days before
    old = only(code("Russia struck Kharkiv in June."), "ASSAULT")
    assert old.factuality == "historical"
    assert (old.date, old.date_precision) == (dt.date(2025, 6, 1), "month")
    assert only(code("Russia struck Kharkiv in July."), "ASSAULT").factuality == "asserted"
    assert only(code("Russia struck Kharkiv last month."), "ASSAULT").factuality == "asserted"
    assert only(code("Russia struck Kharkiv on July 10."), "ASSAULT").factuality == "historical"


def test_reported_speech_keeps_the_factuality_of_what_is_reported(code):
    event = only(code("Officials said Russia struck Kharkiv on Tuesday."), "ASSAULT")
    assert event.factuality == "asserted"
    assert event.date == dt.date(2025, 8, 12)


def test_reported_position_with_would_is_asserted(code):
    events = code("Putin said any settlement would require Ukraine to withdraw.")
    demand = only(events, "REQUEST")
    assert demand.factuality == "asserted"
    assert [e.country for e in demand.actor] == ["RUS"]  # the speaker's position
    assert demand.score is not None
    # the settlement itself has not happened
    assert all(e.factuality != "asserted" for e in events if e.event_type == "AGREE")


def test_reported_refusal_with_would_never_is_asserted(code):
    event = only(code("Putin said Russia would never give up Crimea."), "REJECT")
    assert event.factuality == "asserted"


def test_promised_support_is_future_not_a_stated_position(code):
    """samples/README.md: promised events are future; a future SUPPORT keeps its type."""
    event = only(code("The president said the government will support the peace plan."), "SUPPORT")
    assert event.factuality == "future"


def test_plain_past_events_are_asserted_and_scored(code):
    event = only(code("Washington imposed sanctions on Moscow."), "SANCTION")
    assert event.factuality == "asserted"
    assert event.score is not None and event.score < 0
    assert event.date == dt.date(2025, 8, 16) and event.date_precision == "day"


# --- classify() on the parse, without the rest of the pipeline ------------------------------

def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_classify_on_tokens(nlp, cb):
    doc = nlp("The talks did not yield a deal.")
    assert classify(_token(doc, "deal"), cb) == "negated"
    assert classify(_token(doc, "talks"), cb) == "asserted"
    doc = nlp("Trump will brief European leaders.")
    assert classify(_token(doc, "brief"), cb) == "future"


def test_speech_verb_finds_the_saying(nlp, cb):
    doc = nlp("Officials said Russia struck Kharkiv.")
    assert speech_verb(_token(doc, "struck"), cb).text == "said"
    assert speech_verb(_token(doc, "said"), cb) is None


@pytest.mark.parametrize("text", [
    "They say they face imprisonment in Bulgaria.",
    "He said the plan would create a favourable climate for peace talks.",
    "The government welcomed the statement as proof of Washington's earnest wish for a "
    "settlement to be reached in nuclear talks.",
])
def test_a_danger_prospect_or_wish_is_no_event(code, text):
    assert {e.event_type for e in code(text)} <= {"SUPPORT"}


def test_a_misparsed_if_still_marks_a_condition(code):
    events = code("The Community may halt mediation efforts if cooperation by all parties founders, "
                  "the minister said.")
    assert "COOPERATE" not in {e.event_type for e in events}


@pytest.mark.parametrize("text", [
    "A summit between the Chinese and American leaders is planned for next month.",
    "The talks between Kyiv and Moscow are due to resume on Tuesday.",
    "The summit of the American and Russian presidents is set to take place in Geneva.",
    "The EU is preparing new sanctions against Russia.",
    "Erdogan invited Putin and Zelensky to Istanbul for talks.",
    "Erdogan invited Putin to visit Ankara.",
    "Leaders are expected in Washington on Monday for talks.",
    "The Armenian and Azerbaijani leaders are working towards a ceasefire.",
])
def test_planned_scheduled_and_invited_events_are_future(code, text):
    [event] = code(text)
    assert event.factuality == "future"


@pytest.mark.parametrize("text", [
    "The attack was planned by Hamas commanders.",
    "The talks were expected to focus on trade.",
    "Seven opposition parties organized a general strike that shut down the capital.",
])
def test_what_was_planned_or_organised_in_the_past_happened(code, text):
    assert all(e.factuality == "asserted" for e in code(text))


@pytest.mark.parametrize("text", [
    "The foreign ministers meet in Geneva next week.",
    "Talks between the Armenian and Azerbaijani governments resume tomorrow.",
    "Ministers gather for talks in Brussels next Tuesday.",
])
def test_an_event_dated_after_publication_is_future(code, text):
    [event] = code(text)
    assert event.factuality == "future" and event.date > dt.date(2025, 8, 16)


@pytest.mark.parametrize("text", [
    "The EU is considering sanctions on Israel.",
    "Washington is weighing new sanctions against Caracas.",
])
def test_an_event_only_weighed_is_hypothetical(code, text):
    [event] = code(text)
    assert event.factuality == "hypothetical"


def test_the_undated_start_of_a_state_lasting_until_now_is_historical(code):
    events = code("The EU has imposed sanctions on Russia in stages since Russia's full-scale invasion.")
    invasion = only(events, "ASSAULT")
    assert invasion.factuality == "historical" and invasion.date is None
    events = code("Russia has struck Kyiv daily since the talks with Ukraine collapsed.")
    assert only(events, "CONSULT").factuality == "historical"
    assert only(events, "ASSAULT").factuality == "asserted"
    recent = only(code("Prices rose since the talks between Washington and Beijing failed last week."), "CONSULT")
    assert recent.factuality == "asserted"  # dated, and recent


@pytest.mark.parametrize("text, event_type", [
    ("Police did not link the arrests of Kenyan activists to the planned protests.", "COERCE"),
    ("The Russian ministry did not comment on the air strikes on Kyiv.", "ASSAULT"),
])
def test_negating_a_verb_about_an_event_does_not_negate_it(code, text, event_type):
    """cues.yaml opaque_to_negation: the arrests and strikes happened."""
    assert only(code(text), event_type).factuality == "asserted"


def test_negating_a_light_verb_still_negates_its_event(code):
    assert only(code("The government did not announce sanctions."), "SANCTION").factuality == "negated"


@pytest.mark.parametrize("text, actor", [
    ("Niger's junta said on Tuesday it would reopen its land border with Benin.", "NER"),
    ("A Thai army spokesman said the men would be handed over in due course.", "THA"),
])
def test_an_announced_future_retreat_is_a_concession_made_now(code, text, actor):
    """PLOVER: "announced...would withdraw troops" is RETREAT + future, coded CONCEDE."""
    concession = only(code(text), "CONCEDE")
    assert concession.factuality == "asserted" and {e.country for e in concession.actor} == {actor}
    assert only(code("Israel will withdraw its troops next week."), "RETREAT").factuality == "future"


def test_what_denied_reports_tell_is_negated_but_a_denied_charge_leaves_the_accusation(code):
    sending = only(code("Ankara denied reports that it had sent additional soldiers into Duhok province."),
                   "MOBILIZE")
    assert sending.factuality == "negated"
    accusation = only(code("Thai officials accused Cambodian troops of laying fresh landmines on the "
                           "Thai side of the border, a charge Phnom Penh denied."), "ACCUSE")
    assert accusation.factuality == "asserted"


def test_an_attack_announced_by_its_own_side_is_a_threat_made_now(code):
    threat = only(code("A Houthi spokesman said the group would keep targeting ships linked to Israel."),
                  "THREATEN")
    assert threat.factuality == "asserted" and {e.country for e in threat.recipient} == {"ISR"}
    prediction = only(code("Ukrainian officials said Russia would strike Kyiv again."), "ASSAULT")
    assert prediction.factuality == "future"


def test_a_conditional_measure_its_own_side_reports_stays_hypothetical(code):
    freeze = only(code("An Iraqi official said Baghdad could freeze the deal with Turkey if the strikes "
                       "continued."), "SANCTION")
    assert freeze.factuality == "hypothetical"
