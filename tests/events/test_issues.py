"""Issues: what an event is about, normalised with issues.yaml and kept in the article's words."""

from __future__ import annotations

import pytest

from tidings.events.issues import find_issue

from .helpers import only


@pytest.mark.parametrize("text, event_type, issue, wording", [
    ("Egypt demanded a halt to the fighting in Gaza.", "REQUEST", "ceasefire", "halt to the fighting"),
    ("Zelensky asked for Western security guarantees.", "REQUEST", "security guarantees",
     "Western security guarantees"),
    ("Kyiv refused to surrender territory.", "REJECT", "territorial concessions", "surrender territory"),
    ("Armenia and Azerbaijan signed an agreement on a ceasefire.", "AGREE", "ceasefire", "ceasefire"),
])
def test_issue_and_its_wording(code, text, event_type, issue, wording):
    event = only(code(text), event_type)
    assert event.issue == issue
    assert event.issue_text == wording


def test_no_issue_for_types_outside_issue_types(code):
    assert only(code("Russian drone strikes hit Kharkiv."), "ASSAULT").issue is None


def test_the_actor_is_not_the_issue(code):
    # "Ukraine's" names who refuses; "land" is what is refused
    event = only(code("Ukraine's refusal to cede land angered Moscow."), "REJECT")
    assert event.issue == "territorial concessions"


def test_find_issue_prefers_the_longest_phrase(nlp, cb):
    doc = nlp("They discussed a prisoner exchange and sanctions relief.")
    assert find_issue(list(doc), cb)[0] == "prisoner exchange"
    doc = nlp("They discussed sanctions relief.")
    assert find_issue(list(doc), cb) == ("sanctions relief", "sanctions relief")


def test_find_issue_matches_lemmas_in_text_order(nlp, cb):
    doc = nlp("The envoys talked about security guarantees and a truce.")
    assert find_issue(list(doc), cb)[0] == "security guarantees"
    assert find_issue(list(doc)[::-1], cb)[0] == "security guarantees"  # order is the text's


def test_find_issue_none_without_a_phrase(nlp, cb):
    assert find_issue(list(nlp("The envoys talked about the weather.")), cb) is None


def test_an_issue_phrase_may_have_modifiers_between_its_words(code):
    demand = only(code("Ethiopia demanded that Eritrea pull its troops out of border areas."), "REQUEST")
    assert demand.issue == "troop withdrawal"
    request = only(code("Ethiopia asked Eritrea to withdraw Eritrean soldiers from Tigray."), "REQUEST")
    assert request.issue == "troop withdrawal"


def test_a_reaction_to_an_earlier_demand_is_about_what_the_demand_was_about(code):
    events = code("Addis Ababa has called on Asmara to withdraw its soldiers from the border. "
                  "Eritrea rejected the call within hours.")
    assert only(events, "REJECT").issue == "troop withdrawal"


def test_a_participle_saying_what_was_agreed_names_the_issue(code):
    deal = only(code("The foreign ministers of Armenia and Azerbaijan signed a protocol on Tuesday fixing "
                     "a 12-kilometre stretch of their shared border."), "AGREE")
    assert deal.issue == "borders"


def test_an_agreement_failed_at_talks_is_about_what_the_talks_were_about(code):
    events = code("Delegations from Armenia and Azerbaijan held border talks in Tbilisi on Thursday but "
                  "failed to agree on where the line should run.")
    failed = only(events, "AGREE")
    assert failed.factuality == "negated" and failed.issue == "borders"


@pytest.mark.parametrize("text, issue", [
    ("The UN urged both sides to end hostilities.", "ceasefire"),
    ("Hamas demanded the release of all Palestinian prisoners.", "prisoner exchange"),
    ("The African Union urged both governments to return to dialogue.", "peace talks"),
    ("Aid agencies asked Israel to allow aid into Gaza.", "humanitarian access"),
])
def test_common_wordings_of_negotiation_issues(code, text, issue):
    assert only(code(text), "REQUEST").issue == issue
