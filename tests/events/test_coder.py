"""The event coder end to end: the Anchorage summit story, complements and the event record."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.api import code_text
from tidings.read import article_from_text

from .helpers import countries, only

# Written for this test (not a real report): the story tidings was made for.
ANCHORAGE = (
    "ANCHORAGE, Alaska (Tidewire) — The American and Russian presidents met in Anchorage on "
    "Friday for a summit that ended without agreeing to a ceasefire in Ukraine.\n\n"
    "The Russian president insisted that the root causes of the conflict be addressed before "
    "any truce.\n\n"
    "Ukraine's president, who was not invited, refused to make territorial concessions and "
    "asked Washington for security guarantees.\n\n"
    "Overnight, Russian drones struck towns in eastern Ukraine, officials said.\n\n"
    "The American president said he will brief Ukrainian and NATO leaders."
)
ARTICLE_ID = "t-anchorage"
PUBLISHED = "2025-08-16"


@pytest.fixture(scope="module")
def story(nlp):
    return code_text(ANCHORAGE, published=PUBLISHED, article_id=ARTICLE_ID)


@pytest.fixture(scope="module")
def story_text() -> str:
    return article_from_text(ANCHORAGE, published=PUBLISHED, article_id=ARTICLE_ID).text


def _of(events, event_type, factuality=None, actor=None):
    return [e for e in events if e.event_type == event_type
            and (factuality is None or e.factuality == factuality)
            and (actor is None or actor in countries(e.actor))]


def test_summit_is_one_consultation_of_both_presidents_in_anchorage_on_friday(story):
    [summit] = _of(story, "CONSULT", "asserted")
    assert countries(summit.actor) == {"USA", "RUS"}
    assert summit.recipient == []
    assert summit.location is not None
    assert (summit.location.name, summit.location.country) == ("Anchorage", "USA")
    assert (summit.date, summit.date_precision) == (dt.date(2025, 8, 15), "day")
    assert summit.score is not None and summit.score > 0


def test_no_ceasefire_is_a_negated_agreement_never_an_asserted_one(story):
    agreements = _of(story, "AGREE")
    assert agreements, "the failed ceasefire must be coded"
    assert all(e.factuality == "negated" for e in agreements)
    assert any(e.issue == "ceasefire" for e in agreements)
    assert all(e.score is None for e in agreements)


def test_russia_demands_that_root_causes_be_addressed(story):
    [demand] = [e for e in _of(story, "REQUEST", actor="RUS") if e.issue == "root causes"]
    assert demand.factuality == "asserted"
    assert "root causes" in demand.issue_text


def test_ukraine_rejects_territorial_concessions(story):
    [refusal] = _of(story, "REJECT", actor="UKR")
    assert refusal.issue == "territorial concessions"
    assert refusal.factuality == "asserted"
    # the concession it refuses is its issue, not an event of its own
    assert not _of(story, "CONCEDE")


def test_ukraine_asks_washington_for_security_guarantees(story):
    [ask] = [e for e in _of(story, "REQUEST", actor="UKR") if e.issue == "security guarantees"]
    assert countries(ask.recipient) == {"USA"}
    assert ask.factuality == "asserted"


def test_russian_drones_strike_eastern_ukraine(story):
    [attack] = _of(story, "ASSAULT")
    assert countries(attack.actor) == {"RUS"}
    assert countries(attack.recipient) == {"UKR"}
    assert attack.location is not None
    assert (attack.location.name, attack.location.country) == ("Ukraine", "UKR")
    assert attack.location.qualifier == "eastern"
    assert attack.factuality == "asserted"
    assert attack.score is not None and attack.score < 0


def test_the_american_president_will_brief_allies(story):
    [briefing] = _of(story, "CONSULT", "future")
    assert countries(briefing.actor) == {"USA"}
    assert {"UKR", "NATO"} <= countries(briefing.recipient)
    assert briefing.score is None


def test_every_event_carries_its_evidence(story, story_text):
    assert story
    for event in story:
        assert event.article_id == ARTICLE_ID
        assert event.event_id.startswith("e") and len(event.event_id) > 8
        assert event.rule and event.rule.count(":") == 2
        entry, pos, lemma = event.rule.split(":")
        assert entry and lemma and pos in ("verb", "noun")
        assert 0 < event.confidence <= 1
        assert event.cameo_code
        assert event.mentions
        for mention in event.mentions:
            assert story_text[mention.start_char:mention.end_char] == mention.text
            assert story_text[mention.trigger_start:mention.trigger_end] == mention.trigger
            assert mention.start_char <= mention.trigger_start < mention.trigger_end <= mention.end_char
        for entity in event.actor + event.recipient:
            if entity.start_char is not None:
                assert story_text[entity.start_char:entity.end_char] == entity.text
        if event.location is not None and event.location.start_char is not None:
            loc = event.location
            assert story_text[loc.start_char:loc.end_char] == loc.text


def test_event_ids_are_unique_within_the_article(story):
    ids = [e.event_id for e in story]
    assert len(ids) == len(set(ids))


def test_coding_the_same_article_twice_gives_the_same_events(story):
    again = code_text(ANCHORAGE, published=PUBLISHED, article_id=ARTICLE_ID)
    assert [e.model_dump() for e in again] == [e.model_dump() for e in story]


# --- complements: one fact, one event ----------------------------------------------------------

def test_refused_to_surrender_territory_is_one_rejection(code):
    events = code("Kyiv refused to surrender territory.")
    assert [e.event_type for e in events] == ["REJECT"]
    assert events[0].issue == "territorial concessions"
    assert events[0].issue_text == "surrender territory"


def test_an_agreement_on_a_ceasefire_is_one_agreement(code):
    events = code("Armenia and Azerbaijan signed an agreement on a ceasefire.")
    assert [e.event_type for e in events] == ["AGREE"]
    assert events[0].issue == "ceasefire"
    assert countries(events[0].actor) == {"ARM", "AZE"}


def test_condemned_the_strikes_keeps_both_events(code):
    events = code("France condemned the Russian strikes on Kharkiv.")
    accuse, assault = only(events, "ACCUSE"), only(events, "ASSAULT")
    assert countries(accuse.actor) == {"FRA"}
    assert countries(accuse.recipient) == {"RUS"}
    assert countries(assault.actor) == {"RUS"}


def test_rule_and_cameo_code_come_from_the_entry(code):
    event = only(code("Washington imposed sanctions on Moscow."), "SANCTION")
    assert event.rule == "sanction.sanction:noun:sanction"
    assert event.cameo_code == "163"


def test_shutting_ones_skies_to_a_state_is_a_closure_aimed_at_it(code):
    event = only(code("Bamako retaliated by shutting its own skies to Algerian aircraft."), "SANCTION")
    assert event.rule == "sanction.close:verb:shut"
    assert countries(event.actor) == {"MLI"} and countries(event.recipient) == {"DZA"}


def test_both_sides_of_a_clash_are_its_actors_but_a_fire_is_fought_by_no_one(code):
    for text in ("Ethiopian troops battled Eritrean soldiers near the border.",
                 "Ethiopian troops clashed with Eritrean soldiers near the border."):
        event = only(code(text), "ASSAULT")
        assert countries(event.actor) == {"ETH", "ERI"} and event.recipient == [], text
    assert code("Firefighters battled the blaze for hours.") == []
    assert code("Ukraine will fight corruption, its president said.") == []


def test_those_a_two_sided_fight_killed_are_its_sides_and_no_target(code):
    event = only(code("A clash near the crossing on Monday killed two Iranian guards and a Taliban fighter."),
                 "ASSAULT")
    assert event.rule == "assault.clash:noun:clash"
    assert countries(event.actor) == {"IRN", "AFG"} and event.recipient == []
    # sides it names are its actors; its victims are no side, nor is the place a target
    event = only(code("Clashes between Sudanese troops and the RSF killed 12 people in El Fasher on Monday."),
                 "ASSAULT")
    assert countries(event.actor) == {"SDN"} and event.recipient == []
    # one side's attack still has a target
    event = only(code("A Russian drone strike killed two Ukrainian soldiers."), "ASSAULT")
    assert countries(event.actor) == {"RUS"} and countries(event.recipient) == {"UKR"}


def test_an_offer_to_give_aid_is_aid_to_come(code):
    event = only(code("The U.S. ambassador offered to provide drones and armoured vehicles to the Mexican "
                      "National Guard."), "AID")
    assert event.factuality == "future" and event.rule == "agree.promise:verb:offer"
    assert countries(event.actor) == {"USA"} and countries(event.recipient) == {"MEX"}


def test_what_a_requested_force_is_to_help_do_is_no_event(code):
    events = code("The prime minister appealed for an international armed force to help fight the gangs.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_fighting_a_war_is_two_sided_fighting(code):
    event = only(code("Ethiopia and Eritrea fought a border war from 1998 to 2000."), "ASSAULT")
    assert countries(event.actor) == {"ETH", "ERI"} and event.recipient == []


def test_a_vow_to_fight_is_one_threat_even_parsed_as_a_purpose(code):
    # the small model hangs "to fight" on "sworn" as a purpose clause, not a complement
    events = code("Ethnic Albanians have sworn to fight until they gain control of the villages.")
    assert [e.event_type for e in events] == ["THREATEN"]
    events = code("Russia threatened Ukraine, attacking Kharkiv with drones.")
    assert sorted(e.event_type for e in events) == ["ASSAULT", "THREATEN"]


def test_a_countryless_party_to_a_call_is_not_of_the_other_partys_country(code):
    event = only(code("Her foreign minister telephoned the US secretary of state on Sunday."), "CONSULT")
    assert [e.code for e in event.actor] == ["GOV", "USAGOV"]


def test_troops_withdrawn_or_an_envoy_recalled_are_no_target_of_their_own_side(code):
    event = only(code("Rwanda withdrew its troops from eastern Congo."), "RETREAT")
    assert countries(event.actor) == {"RWA"} and event.recipient == []
    event = only(code("Somalia withdrew its ambassador from Addis Ababa."), "SANCTION")
    assert event.rule == "sanction.expel:verb:withdraw" and countries(event.recipient) == {"ETH"}


def test_a_protest_against_an_act_is_aimed_at_its_doers(code):
    events = code("Thousands of people marched through Mogadishu chanting slogans against the "
                  "agreement Ethiopia signed with Somaliland.")
    # both signers: Somaliland's authorities are Somalia's (sector PRE)
    assert {(e.country, e.sector) for e in only(events, "PROTEST").recipient} == {("ETH", None), ("SOM", "PRE")}


def test_one_of_the_crossings_with_a_state_is_a_closure_aimed_at_it(code):
    event = only(code("Warsaw shut one of the last open road crossings with Belarus."), "SANCTION")
    assert countries(event.actor) == {"POL"} and countries(event.recipient) == {"BLR"}


def test_bare_officers_act_for_the_state_they_act_in(code):
    text = ("Georgian riot police turned water cannon on protesters in Tbilisi. Officers cleared "
            "Rustaveli Avenue shortly after 2 a.m. and detained at least 48 people.")
    detained = [e for e in code(text) if e.rule.startswith("coerce.arrest")]
    assert [countries(e.actor) for e in detained] == [{"GEO"}]


def test_leaving_a_place_is_no_withdrawal_and_a_reservoir_feeds_no_one(code):
    assert code("A second UN convoy of 40 trucks is due to leave Tawila for El Fasher on Saturday.") == []
    assert code("The Kirov reservoir feeds canals across the region.") == []


def test_those_whose_weapons_carry_out_an_event_noun_are_its_actors(code):
    event = only(code("Russian warplanes carried out air strikes on Idlib."), "ASSAULT")
    assert countries(event.actor) == {"RUS"} and countries(event.recipient) == {"SYR"}
    event = only(code("South Korean and US fighter jets staged combined air drills."), "COOPERATE")
    assert countries(event.actor) == {"KOR", "USA"}


def test_a_drone_slamming_into_a_camp_is_no_criticism(code):
    events = code("A drone fired by the rebels slammed into a camp outside El Fasher.")
    assert "ACCUSE" not in {e.event_type for e in events}
    assert only(code("Kyiv slammed the decision."), "ACCUSE").rule == "accuse.disapprove:verb:slam"


def test_a_joint_body_meets_for_the_states_that_set_it_up(code):
    events = code("Pakistan and Afghanistan agreed to set up a joint committee on border trade. "
                  "The committee is due to hold its first meeting in Peshawar next week.")
    meeting = only(events, "CONSULT")
    assert countries(meeting.actor) == {"PAK", "AFG"} and meeting.factuality == "future"


def test_modes_come_from_modifiers(code):
    assert only(code("Russian drone strikes hit Kharkiv."), "ASSAULT").mode == ["drone"]


def test_text_without_events_codes_nothing(code):
    assert code("The weather in Lisbon was mild and sunny this week.") == []


def test_a_must_clause_is_the_speakers_demand_of_its_subject(code):
    events = code("Russia said on Tuesday that Sudan must cooperate with the inspectors.")
    assert [e.event_type for e in events] == ["REQUEST"]
    assert countries(events[0].actor) == {"RUS"}
    assert countries(events[0].recipient) == {"SDN"}


def test_a_purpose_clause_on_a_light_verb_belongs_to_its_object(code):
    events = code("Algerian landowners began a hunger strike to demand the return of their land.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_a_participle_restating_its_event_is_the_same_fact(code):
    events = code("Russian missiles hit the Kharkiv region on Monday, killing seven people.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert len(events[0].mentions) == 1


def test_a_participle_of_another_type_is_its_own_event(code):
    events = code("Russian missiles hit the Kharkiv region, prompting Kyiv to condemn Moscow.")
    assert {e.event_type for e in events} >= {"ASSAULT", "ACCUSE"}


def test_a_protest_with_no_target_is_against_its_own_government(code):
    [march] = code("Tens of thousands of Serbian students marched through Belgrade on Saturday.")
    assert march.event_type == "PROTEST"
    assert [e.code for e in march.recipient] == ["SRBGOV"]


def test_dismissed_measures_answer_the_latest_sanctions(code):
    events = code("The EU approved new sanctions against Russia. Kyiv agreed to a ceasefire. "
                  "The Kremlin dismissed the measures.")
    rejection = only(events, "REJECT")
    assert countries(rejection.recipient) == {"EUR"}


def test_rejected_allegation_answers_the_accuser(code):
    events = code("The US accused Maduro of leading a cartel. Caracas rejected the allegation.")
    rejection = only(events, "REJECT")
    assert countries(rejection.recipient) == {"USA"}


def test_dismissed_statement_answers_the_latest_speaker(code):
    events = code("Reporters Without Borders called on the junta to reverse the ban. The African "
                  "Union expressed concern over civic space in Mali. Bamako dismissed the "
                  "statement as interference.")
    rejection = only(events, "REJECT")
    assert countries(rejection.recipient) == {"IGO"}


def test_any_such_event_is_no_event(code):
    events = code("Putin said any lasting settlement would require the root causes to be addressed.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_a_condition_is_no_event_of_its_own(code):
    events = code("Rebel leaders said they would meet the envoy if he gave them a veto.")
    assert [e.event_type for e in events] == ["CONSULT"]
    assert events[0].factuality == "hypothetical"


def test_a_clause_before_a_future_act_is_a_condition_before_a_past_one_a_fact(code):
    later = code("The rebels said Kigali must change the constitution before they demobilize.")
    assert [e.event_type for e in later] == ["REQUEST"]
    earlier = code("The rebels attacked the town before they withdrew from the region.")
    assert {e.event_type for e in earlier} == {"ASSAULT", "RETREAT"}


def test_a_relative_clause_about_its_noun_is_no_event_of_its_own(code):
    events = code("Moscow said Khartoum must return a helicopter that was captured last week.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_a_relative_clause_with_its_own_subject_is_that_subjects_act(code):
    events = code("Kyiv proposed a ceasefire, which Moscow turned down.")
    assert countries(only(events, "REJECT").actor) == {"RUS"}


def test_a_conjunct_of_a_demanded_act_is_part_of_the_demand(code):
    events = code("Damascus called on Arab states to unite and mobilize against Israel.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_an_event_word_describing_the_source_is_no_event(code):
    events = code("Israel and Jordan agreed to share water data, the summit's chairman said.")
    assert "CONSULT" not in {e.event_type for e in events}
    events = code("Moscow offered concessions, according to a senator who attended the talks.")
    assert "CONSULT" not in {e.event_type for e in events}


def test_a_purpose_clause_on_a_participle_belongs_to_the_noun_it_describes(code):
    events = code("Police dispersed a demonstration staged by students to protest the decision.")
    assert "ACCUSE" not in {e.event_type for e in events}


def test_a_proposal_turned_down_in_a_relative_clause_answers_its_proposer(code):
    events = code("Kyiv had proposed a full and unconditional ceasefire of at least 30 days, "
                  "which Moscow turned down.")
    rejection = only(events, "REJECT")
    assert countries(rejection.actor) == {"RUS"}
    assert countries(rejection.recipient) == {"UKR"}


def test_a_reaction_answers_the_subject_of_its_after_clause(code):
    events = code("Japan protested last week after Chinese fighter jets flew close to a Japanese plane.")
    assert countries(only(events, "ACCUSE").recipient) == {"CHN"}


def test_a_noun_done_through_a_light_verb_takes_the_clause_subject(code):
    events = code("Russian and Ukrainian delegations met in Istanbul on Monday, failing to make "
                  "progress on a ceasefire.")
    failed = only(events, "AGREE")
    assert failed.factuality == "negated"
    assert countries(failed.actor) == {"RUS", "UKR"}


def test_a_noun_after_an_unrelated_preposition_keeps_no_actor(code):
    events = code("Beijing has held several rounds of drills around Taiwan since the 2022 visit "
                  "of a US delegation.")
    visit = only(events, "CONSULT")
    assert "CHN" not in countries(visit.actor)


def test_a_cause_is_its_own_event(code):
    events = code("Russia closed its borders because of fighting between Azerbaijanis and Armenians.")
    assert {e.event_type for e in events} == {"SANCTION", "ASSAULT"}


def test_an_agreement_cited_as_basis_is_no_new_agreement(code):
    events = code("The rebels halted their attacks under a truce brokered by Oman.")
    assert "AGREE" not in {e.event_type for e in events}


def test_a_that_clause_on_a_light_verb_belongs_to_its_noun(code):
    events = code("The ILO reiterated its demand that Israel ease restrictions on Palestinian workers.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_what_someone_must_be_ready_to_do_is_part_of_the_demand(code):
    events = code("Mubarak said the US must be ready to mediate between Israelis and Palestinians.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_a_request_absorbs_its_to_clause_however_parsed(code):
    events = code("A Syrian newspaper called Thursday on Arabs to unite and mobilize against Israel.")
    assert [e.event_type for e in events] == ["REQUEST"]


def test_protesters_acted_on_are_no_protest(code):
    events = code("Police opened fire to disperse demonstrators, killing one person.")
    assert "PROTEST" not in {e.event_type for e in events}
    assert "PROTEST" in {e.event_type for e in code("Demonstrators rioted in the capital.")}


def test_what_an_event_did_is_no_new_act(code):
    events = code("Kenyan unions staged a general strike that shut down the port.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_a_condemnation_inside_an_absorbed_event_takes_its_complement_along(code):
    events = code("Police prevented a demonstration staged by students to protest the decision "
                  "of sending troops to Iraq.")
    assert [e.event_type for e in events] == ["COERCE"]


def test_a_definite_event_noun_takes_up_the_event_just_told(code):
    events = code("Egyptian mediators hosted a Hamas delegation in Cairo on Wednesday, but the "
                  "meeting ended without agreement.")
    meeting = only(events, "CONSULT")  # "the meeting" is a mention of the hosting
    assert len(meeting.mentions) == 1
    failure = only(events, "AGREE")
    assert failure.factuality == "negated"
    assert countries(failure.actor) == {"PSE", "EGY"}


def test_a_negated_future_act_is_a_refusal_a_negated_past_one_did_not_happen(code):
    refusal = only(code("The rebels said they will not withdraw from the towns they hold."), "REJECT")
    assert refusal.factuality == "asserted"
    assert refusal.rule.startswith("retreat.withdraw")
    events = code("Russian troops did not withdraw from Kherson.")
    assert only(events, "RETREAT").factuality == "negated"


def test_a_reaction_participle_with_its_agent_answers_the_noun_it_describes(code):
    events = code("South Korea dropped its objection, a concession welcomed by Japanese officials.")
    welcome = only(events, "SUPPORT")
    assert countries(welcome.actor) == {"JPN"}
    assert countries(welcome.recipient) == {"KOR"}


def test_an_event_some_days_after_which_another_came_is_dated_that_much_earlier(code):
    events = code("Trump telephoned Putin on Friday. The call came three days after the two "
                  "presidents met in Alaska.")
    meeting = next(e for e in events if e.mentions[0].trigger == "met")
    assert meeting.date == dt.date(2025, 8, 12) and meeting.date_precision == "day"
    assert countries(meeting.actor) == {"USA", "RUS"}


def test_a_day_after_counts_one_day(code):
    events = code("India on Wednesday suspended its participation in the treaty, a day after gunmen killed "
                  "26 people near Pahalgam.")
    assert only(events, "ASSAULT").date == dt.date(2025, 8, 12)


def test_a_date_modifying_another_noun_dates_that_noun_not_the_clause(code):
    events = code("Israel has kept up near-daily strikes despite the November ceasefire with Hezbollah.")
    strikes = only(events, "ASSAULT")
    assert strikes.factuality == "asserted" and strikes.date == dt.date(2025, 8, 16)
    assert only(events, "AGREE").date == dt.date(2024, 11, 1)


def test_a_when_clause_happens_at_its_main_clauses_time(code):
    attack = only(code("On Wednesday, police officers were wounded when rebels attacked a checkpoint."),
                  "ASSAULT")
    assert attack.date == dt.date(2025, 8, 13) and attack.date_precision == "day"


def test_a_conjoined_verb_shares_the_first_ones_date_unless_it_says_its_own(code):
    events = code("The army shelled the town on Monday and arrested dozens of protesters.")
    assert only(events, "COERCE").date == dt.date(2025, 8, 11)
    events = code("The army shelled the town on Monday and arrested dozens of protesters on Tuesday.")
    assert only(events, "COERCE").date == dt.date(2025, 8, 12)


def test_an_act_its_actor_is_not_ready_to_do_is_a_refusal(code):
    refusal = only(code("Iran said it was not in a hurry to resume talks with Washington."), "REJECT")
    assert refusal.factuality == "asserted"
    refusal = only(code("He said Tehran was not in a hurry to resume talks with Washington."), "REJECT")
    assert countries(refusal.actor) == {"IRN"} and countries(refusal.recipient) == {"USA"}
    assert only(code("Iran did not resume talks with Washington."), "CONSULT").factuality == "negated"


def test_a_protest_at_a_named_authors_decision_is_aimed_at_that_author(code):
    protest = only(code("Serbian students marched in protest at the Hungarian government's decision."),
                   "PROTEST")
    assert countries(protest.recipient) == {"HUN"}


def test_halting_attacks_is_a_retreat_not_an_attack(code):
    events = code("The Houthis halted their attacks on US vessels.")
    assert only(events, "RETREAT").factuality == "asserted"
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_a_reward_for_an_arrest_is_a_threat_not_an_arrest(code):
    events = code("The US doubled its reward for information leading to Maduro's arrest.")
    assert only(events, "THREATEN").actor
    assert not [e for e in events if e.event_type == "COERCE"]


def test_calling_something_a_hostile_name_is_one_accusation(code):
    events = code('Maduro called the move an "extravagant threat".')
    assert only(events, "ACCUSE").factuality == "asserted"
    assert not [e for e in events if e.event_type == "THREATEN"]


def test_a_promise_to_attack_or_punish_is_a_threat(code):
    assert only(code("The rebels vowed to attack the capital."), "THREATEN").factuality == "asserted"
    assert only(code("The president pledged to impose sanctions on Iran."), "THREATEN")


def test_a_promise_not_to_attack_or_to_stop_attacks_stays_a_promise(code):
    assert only(code("Hamas vowed not to attack Israel."), "AGREE")
    assert only(code("The document commits Kinshasa and the rebels to stop attacks."), "AGREE")
    offer = code("Putin offered to negotiate with Armenia following the invasions of Dagestan.")
    assert only(offer, "AGREE")


def test_participles_of_its_type_conjoined_with_an_elaborating_one_restate_the_event(code):
    events = code("Islamist insurgents raided villages in Mozambique, beheading at least six civilians "
                  "and shooting dozens of others.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    events = code("Egyptian police opened fire to disperse demonstrators on Monday night, killing one "
                  "person and arresting 12.")
    assert sorted(e.event_type for e in events) == ["ASSAULT", "COERCE"]


def test_a_clause_on_a_date_happened_then(code):
    events = code("Moldova has expelled more than 40 Russian diplomats since February 2023, when "
                  "President Maia Sandu accused Moscow of plotting a coup.")
    accusation = only(events, "ACCUSE")
    assert (accusation.date, accusation.date_precision) == (dt.date(2023, 2, 1), "month")
    assert accusation.factuality == "historical"


def test_protesters_who_attack_are_attackers_and_an_after_clause_of_a_past_period_is_of_it(code):
    events = code("Bolivian police said three officers were killed when demonstrators opened fire.")
    assert "PROTEST" not in {e.event_type for e in events}
    assert "PROTEST" in {e.event_type for e in code("Groups of Serbian protesters blocked roads across "
                                                    "Belgrade.")}
    storming = only(code("Ecuador's president declared an internal armed conflict in January 2024, "
                         "after gang gunmen stormed a television station in Guayaquil."), "ASSAULT")
    assert (storming.date, storming.factuality) == (dt.date(2024, 1, 1), "historical")


def test_force_not_ruled_out_is_a_threat_but_talks_not_ruled_out_are_not(code):
    threat = only(code("Germany did not rule out new sanctions on Moscow."), "THREATEN")
    assert threat.factuality == "asserted"
    assert {e.country for e in threat.recipient} == {"RUS"}
    talks = code("Kyiv did not rule out talks with Moscow.")
    assert [(e.event_type, e.factuality) for e in talks] == [("REJECT", "negated")]


def test_handing_wanted_people_to_another_state_is_judicial_cooperation(code):
    handover = only(code("Last week Mexico handed 29 jailed cartel figures to US authorities."), "COOPERATE")
    assert {e.country for e in handover.actor} == {"MEX"} and {e.country for e in handover.recipient} == {"USA"}


def test_people_forced_to_flee_are_expelled_by_the_cause(code):
    events = code("Russian troops shelled the town of Vovchansk on Monday. "
                  "Thousands of residents fled the attacks.")
    fled = only(events, "SANCTION")
    assert fled.mode == ["expel"]
    assert countries(fled.actor) == {"RUS"} and countries(fled.recipient) == {"UKR"}


def test_refugees_fleeing_a_war_describes_them_and_flight_from_no_known_cause_is_no_event(code):
    aid = code("The United Nations will provide food aid to refugees fleeing the civil war in Liberia.")
    assert "SANCTION" not in {e.event_type for e in aid}
    assert code("Thousands of residents fled towards the coast.") == []


@pytest.mark.parametrize("second", ["The truce held on Saturday.", "The truce appeared to be holding on Saturday."])
def test_a_truce_holding_is_a_halt_observed_by_those_who_agreed_it(code, second):
    events = code("Kyrgyz and Tajik commanders agreed on a ceasefire on Friday. " + second)
    halt = only(events, "RETREAT")
    assert countries(halt.actor) == {"KGZ", "TJK"} and halt.factuality == "asserted"
    assert str(halt.date) == "2025-08-16"


def test_a_ban_told_in_the_passive_is_the_governments_of_the_country_it_is_in(code):
    ban = only(code("Radio France Internationale and France 24 have been banned in Mali since 2022."), "COERCE")
    assert countries(ban.actor) == {"MLI"} and countries(ban.recipient) == {"FRA"}
    assert (ban.factuality, str(ban.date)) == ("historical", "2022-01-01")  # "24" is no date



def test_a_denied_allegation_is_the_charged_act_negated_by_the_deniers_side(code):
    events = code("Human Rights Watch accused Mozambican soldiers of beating civilians in Pemba. "
                  "An army spokesman denied the allegation.")
    assert only(events, "ACCUSE").factuality == "asserted"
    denied = only(events, "ASSAULT")
    assert denied.factuality == "negated" and countries(denied.actor) == {"MOZ"}
    assert denied.rule.endswith("+denied:deny") and "denied the allegation" in denied.mentions[0].text


def test_a_denial_after_a_semicolon_does_not_negate_the_accusation_before_it(code):
    events = code("Baku accused Russian officers of beating them to death; Russia's Investigative "
                  "Committee denied that any force had been used.")
    accusation = only(events, "ACCUSE")
    assert accusation.factuality == "asserted" and countries(accusation.recipient) == {"RUS"}


def test_a_denied_act_with_no_doer_is_the_deniers(code):
    [denied] = code("Georgia's interior ministry denied that any detainee had been mistreated.")
    assert (denied.event_type, denied.factuality) == ("ASSAULT", "negated")
    assert countries(denied.actor) == {"GEO"}


def test_talks_one_state_holds_in_anothers_city_are_hosted_by_it(code):
    [talks] = code("India's foreign minister held talks in Colombo on Tuesday.")
    assert [e.code for e in talks.actor] == ["INDGOV"] and [e.code for e in talks.recipient] == ["LKAGOV"]
    [summit] = code("ECOWAS heads of state are due to hold their annual summit in Abuja in December.")
    assert summit.recipient == []  # a bloc meeting in a member state is no visit


def test_a_reported_conditional_reopening_is_a_concession_offered_by_the_reporting_state(code):
    [reopening] = code("Kyrgyz officials said the crossings could reopen next week if the truce held.")
    assert (reopening.event_type, reopening.factuality) == ("CONCEDE", "hypothetical")
    assert countries(reopening.actor) == {"KGZ"}
    [release] = code("Sri Lanka said the 14 Indian fishermen could be freed if a magistrate dropped the charges.")
    assert countries(release.actor) == {"LKA"} and countries(release.recipient) == {"IND"}


def test_beating_is_an_assault_only_on_people(code):
    assert only(code("Police beat protesters with batons."), "ASSAULT").mode == ["beat"]
    assert code("Her team beat the record.") == []


def test_a_failed_agreement_naming_no_one_is_of_the_parties_that_agreed_before_it(code):
    events = code("Pakistani and Afghan officials agreed to reopen the crossing, but there was no "
                  "agreement on slowing the deportations.")
    [failed] = _of(events, "AGREE", "negated")
    assert countries(failed.actor) == {"AFG", "PAK"}


def test_the_speakers_own_act_in_a_relative_clause_is_an_event(code):
    events = code("Sudan's foreign minister, who backed Cairo's position at the meeting, said the talks had failed.")
    support = only(events, "SUPPORT")
    assert countries(support.actor) == {"SDN"} and countries(support.recipient) == {"EGY"}


def test_closing_airspace_to_flights_to_and_from_a_country_is_aimed_at_it(code):
    [closure] = code("Algeria closed its airspace to all flights to and from Mali on Wednesday.")
    assert countries(closure.recipient) == {"MLI"}


def test_recalling_ones_own_envoy_is_aimed_at_no_one_of_ones_own(code):
    [recall] = code("Algeria responded on Wednesday, recalling its own envoy for consultations.")
    assert recall.event_type == "SANCTION" and recall.recipient == []


def test_a_time_is_no_complement_of_a_call(code):
    [label] = code('The Belarusian foreign ministry on Thursday called the closure "an economic provocation".')
    assert label.event_type == "ACCUSE"


def test_backing_a_closure_answers_the_closure_not_a_failure(code):
    events = code('Lithuania closed the crossings. The European Commission condemned Minsk\'s failure to '
                  'stop the flights. The governments of Poland and Latvia also backed the closure.')
    backing = only(events, "SUPPORT")
    assert countries(backing.actor) == {"POL", "LVA"} and countries(backing.recipient) == {"LTU"}


def test_a_denial_of_a_charge_parsed_as_its_subject_leaves_the_accusation_asserted(code):
    events = code("It accused Algeria of arming Tuareg rebels in northern Mali, a charge Algiers has repeatedly denied.")
    assert only(events, "ACCUSE").factuality == "asserted"
    denied = only(events, "AID")
    assert denied.factuality == "negated" and countries(denied.actor) == {"DZA"}
    assert countries(denied.recipient) == {"MLI"}


def test_a_march_against_a_country_is_aimed_at_it_and_not_placed_there(code):
    [march] = code("Hundreds of students marched to the National Press Club in Dhaka on Wednesday, "
                   "chanting slogans against India.")
    assert countries(march.recipient) == {"IND"}
    assert march.location is None or march.location.country != "IND"


def test_a_clause_stating_an_event_noun_dates_it(code):
    event = only(code("Sudan and Egypt criticised the treaty Ethiopia signed with Somaliland in 2024."), "AGREE")
    assert (event.date, event.date_precision, event.factuality) == (dt.date(2024, 1, 1), "year", "historical")


def test_an_event_said_not_to_take_place_is_negated(code):
    for text in ("The planned summit between Serbia and Kosovo did not go ahead.",
                 "Talks between Armenia and Azerbaijan have not resumed since May."):
        assert only(code(text), "CONSULT").factuality == "negated", text
    assert only(code("Talks between Armenia and Azerbaijan resumed on Monday."), "CONSULT").factuality == "asserted"


def test_what_one_due_somewhere_is_to_do_there_is_to_come(code):
    events = code("A US delegation is due in Nuuk on Thursday to meet leaders of the opposition.")
    assert {e.factuality for e in events} == {"future"}


def test_people_displaced_are_of_where_they_fled_from(code):
    events = code("ELN fighters attacked villages in Colombia's Catatumbo region on Friday. Thousands "
                  "of residents fled towards the Venezuelan border.")
    fled = only(events, "SANCTION")
    assert countries(fled.actor) == {"COL"} and countries(fled.recipient) == {"COL"}
    workers = only(code("An Ethiopian militia raided farms near Gedaref. About 3,000 seasonal farm "
                        "workers fled."), "SANCTION")
    assert countries(workers.actor) == {"ETH"}  # workers flee: it befalls them
