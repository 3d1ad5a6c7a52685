"""Who did it to whom: actors and recipients of verbs and event nouns (docs/codebook.md)."""

from __future__ import annotations

import pytest

from tidings.events.arguments import verb_subject

from .helpers import countries, only


def test_compound_subject_of_a_reciprocal_verb_is_one_event_with_both_actors(code):
    events = code("The United States and Russia met in Anchorage.")
    meeting = only(events, "CONSULT")
    assert countries(meeting.actor) == {"USA", "RUS"}
    assert meeting.recipient == []


def test_a_met_b_keeps_b_as_the_one_met(code):
    meeting = only(code("Trump met Putin in Alaska."), "CONSULT")
    assert countries(meeting.actor) == {"USA"}
    assert countries(meeting.recipient) == {"RUS"}


def test_talks_between_a_and_b_have_both_as_actors(code):
    talks = only(code("The talks between Israel and Hamas collapsed."), "CONSULT")
    assert countries(talks.actor) == {"ISR", "PSE"}


def test_light_verb_subject_is_the_actor_of_its_noun(code):
    sanction = only(code("Washington imposed sanctions on Moscow."), "SANCTION")
    assert [e.code for e in sanction.actor] == ["USAGOV"]
    assert [e.code for e in sanction.recipient] == ["RUSGOV"]


def test_actor_modifier_of_an_event_noun(code):
    attack = only(code("Russian drone strikes hit Kharkiv."), "ASSAULT")
    assert countries(attack.actor) == {"RUS"}
    assert countries(attack.recipient) == {"UKR"}  # the place's country


def test_possessor_of_an_event_noun(code):
    refusal = only(code("Ukraine's refusal to cede land angered Moscow."), "REJECT")
    assert countries(refusal.actor) == {"UKR"}
    assert refusal.issue == "territorial concessions"


def test_subject_of_the_governing_verb_for_control(code):
    refusal = only(code("Kyiv refused to surrender territory."), "REJECT")
    assert countries(refusal.actor) == {"UKR"}


def test_denied_act_keeps_the_accused_as_actor(code):
    attack = only(code("Russia denied attacking Poland."), "ASSAULT")
    assert countries(attack.actor) == {"RUS"}
    assert countries(attack.recipient) == {"POL"}


def _self_directed(events) -> list:
    return [e for e in events if {a.code for a in e.actor} & {r.code for r in e.recipient}]


def test_an_actor_is_not_its_own_recipient(code):
    for text in ("Trump met Putin in Alaska.", "Washington imposed sanctions on Moscow.",
                 "Trump said he would brief Zelensky."):
        assert _self_directed(code(text)) == [], text


def test_localised_recipient_is_not_the_actor(code):
    event = only(code("Trump will brief European leaders."), "CONSULT")
    assert "USAGOV" not in {r.code for r in event.recipient}


def test_a_countryless_government_is_not_of_the_government_it_acts_on(code):
    """The article's only country is the target's: "the spokesman" is no Russian official."""
    event = only(code("The spokesman warned Mr Putin of serious consequences."), "THREATEN")
    assert "RUSGOV" not in {a.code for a in event.actor}
    assert "RUSGOV" in {r.code for r in event.recipient}


def test_verb_subject_follows_control_and_passive(nlp):
    doc = nlp("Kyiv refused to surrender territory.")
    assert verb_subject(doc[3]).text == "Kyiv"  # surrender <- refused <- Kyiv
    doc = nlp("The city was shelled by Russian forces.")
    shelled = next(t for t in doc if t.text == "shelled")
    assert verb_subject(shelled).text == "forces"
    doc = nlp("The city was shelled overnight.")
    assert verb_subject(next(t for t in doc if t.text == "shelled")) is None


def test_recipient_named_on_the_object_of_the_verb(code):
    sanction = only(code("Sudan cut diplomatic relations with the United Arab Emirates."), "SANCTION")
    assert countries(sanction.recipient) == {"ARE"}


def test_recipient_parsed_as_an_apposition(code):
    accuse = only(code("Army spokesman Nabil Abdallah blamed the paramilitary Rapid Support Forces "
                       "(RSF) for the strikes."), "ACCUSE")
    assert [e.code for e in accuse.recipient] == ["SDNREB"]


def test_members_listed_after_including_are_the_actors(code):
    demand = only(code("European leaders, including the German chancellor and the French "
                       "president, pressed for a ceasefire."), "REQUEST")
    assert countries(demand.actor) == {"DEU", "FRA"}


def test_the_hosted_are_the_actors_and_the_host_the_recipient(code):
    visit = only(code("Egyptian and Qatari mediators hosted a Hamas delegation in Cairo."), "CONSULT")
    assert countries(visit.actor) == {"PSE"}
    assert countries(visit.recipient) == {"EGY", "QAT"}
    meeting = only(code("Erdogan hopes to host a meeting of the Russian and Ukrainian presidents."),
                   "CONSULT")
    assert countries(meeting.actor) == {"RUS", "UKR"}
    assert countries(meeting.recipient) == {"TUR"}


def test_a_partner_met_at_home_is_the_host(code):
    talks = only(code("The Korean president held talks with Japanese Prime Minister Shigeru Ishiba "
                      "in Tokyo on Saturday."), "CONSULT")
    assert countries(talks.actor) == {"KOR"}
    assert countries(talks.recipient) == {"JPN"}


def test_talks_in_a_third_country_have_its_government_as_host(code):
    talks = only(code("Russian and Ukrainian delegations met in Istanbul on Monday."), "CONSULT")
    assert countries(talks.actor) == {"RUS", "UKR"}
    assert [e.code for e in talks.recipient] == ["TURGOV"]
    summit = only(code("The presidents of the United States and Russia met in Anchorage."), "CONSULT")
    assert summit.recipient == []


def test_subject_of_a_light_verb_misparsed_as_an_adjective(code):
    # the small model parses "held" as an adjective of "talks", with the subject under it
    talks = only(code("South Korean President Lee Jae-myung held talks with Japanese Prime "
                      "Minister Shigeru Ishiba in Tokyo on Saturday."), "CONSULT")
    assert countries(talks.actor) == {"KOR"}


def test_the_owner_of_a_criticised_act_is_the_recipient(code):
    criticism = only(code("The United States criticised Beijing's aggressive military "
                          "activities."), "ACCUSE")
    assert countries(criticism.recipient) == {"CHN"}


def test_an_agent_is_not_a_recipient_named_in_the_complement(code):
    refusal = only(code("Despite warnings by aid agencies, Israel refused to lift the curfew."),
                   "REJECT")
    assert "NGO" not in countries(refusal.recipient)


def test_threats_promises_and_offers_are_aimed_at_the_party_named_in_their_complement(code):
    threat = only(code("Iran threatened to cut off electricity to Azerbaijan over unpaid bills."), "THREATEN")
    assert countries(threat.recipient) == {"AZE"}
    # aid promised is aid to come (PLOVER's own coding, which calls it AGREE, is the export's)
    promise = only(code("Britain has promised to continue military aid to Mozambique."), "AID")
    assert countries(promise.recipient) == {"MOZ"} and promise.factuality == "future"
    offer = only(code("The Serbian government offered to hand over two suspects to Croatia."), "AGREE")
    assert countries(offer.recipient) == {"HRV"}
    lifting = only(code("The US Congress agreed to lift embargoes on sales to Iran, Libya and Sudan."), "AGREE")
    assert countries(lifting.recipient) == {"IRN", "LBY", "SDN"}  # the first named and its conjuncts


def test_a_thing_attacked_is_aimed_at_the_people_it_is_for(code):
    attack = only(code("A temporary camp for Congolese refugees was attacked by Burundian militiamen."),
                  "ASSAULT")
    assert countries(attack.recipient) == {"COD"}
    torture = only(code("Security forces in Guinea have tortured scores of Sierra Leonean and Liberian "
                        "refugees."), "ASSAULT")
    assert countries(torture.recipient) == {"SLE", "LBR"}


def test_a_demand_of_rebels_on_their_own_government_is_aimed_at_it(code):
    demand = only(code("Kurdish rebels demanded that the Turkish government release their leader."), "REQUEST")
    assert [e.code for e in demand.recipient] == ["TURGOV"]


@pytest.mark.parametrize("text, addressee", [
    ("The rebel group insisted on its demands that Burundi's government grant the Hutu majority more "
     "rights.", "BDI"),
    ("Poland's parliament has demanded an immediate admission by Moscow that Soviet forces murdered "
     "Polish officers.", "RUS"),
    ("The United Nations reiterated its demand today that Israel ease restrictions on Palestinian "
     "workers.", "ISR"),
])
def test_a_demand_is_aimed_at_who_is_to_do_what_is_demanded(code, text, addressee):
    assert countries(only(code(text), "REQUEST").recipient) == {addressee}


def test_a_protest_is_aimed_at_the_target_of_what_it_protests_or_demands(code):
    strike = only(code("Up to 1,000 ethnic Turks began a hunger strike on Monday to protest against "
                       "Sweden's decision to send them back."), "PROTEST")
    assert countries(strike.recipient) == {"SWE"}
    strike = only(code("Islamic fundamentalists continued their hunger strike to demand the resignation "
                       "of Algerian President Ahmed Ben Bella."), "PROTEST")
    assert countries(strike.recipient) == {"DZA"}


def test_a_measure_at_home_with_no_target_named_is_aimed_at_the_countrys_people(code):
    curfew = only(code("Turkish authorities have imposed a curfew in the town of Cizre in southeastern "
                       "Turkey."), "COERCE")
    assert [e.code for e in curfew.actor] == ["TURGOV"] and [e.code for e in curfew.recipient] == ["TUR"]
    killing = only(code("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia."),
                   "ASSAULT")
    assert countries(killing.recipient) == {"SRB"}


def test_a_threat_with_no_party_named_is_aimed_where_it_would_happen_outside_its_own_country(code):
    threat = only(code("Russia threatened to deploy nuclear weapons in Belarus."), "THREATEN")
    assert countries(threat.recipient) == {"BLR"}
    warning = only(code("Pakistan warned that any attempt to divert water belonging to Pakistan would be an "
                        "act of war."), "THREATEN")
    assert "PAK" not in countries(warning.recipient)


def test_an_agreement_is_between_its_parties_and_has_no_host(code):
    deal = only(code("Congo signed a peace agreement with Rwanda in Washington."), "AGREE")
    assert countries(deal.actor) == {"COD", "RWA"} and deal.recipient == []
    deal = only(code("Japanese and Chinese leaders agreed in Lima to pursue closer ties."), "AGREE")
    assert "PER" not in countries(deal.recipient)
    promise = only(code("Britain has promised to cooperate with Mozambique."), "AGREE")
    assert countries(promise.actor) == {"GBR"} and countries(promise.recipient) == {"MOZ"}


def test_both_sides_of_a_phone_call_are_its_actors_but_a_briefing_is_given_to_someone(code):
    call = only(code("US President Donald Trump telephoned Russian President Vladimir Putin on Monday."),
                "CONSULT")
    assert countries(call.actor) == {"USA", "RUS"} and call.recipient == []
    briefing = only(code("Trump said he would brief Zelensky and NATO leaders on the talks."), "CONSULT")
    assert countries(briefing.actor) == {"USA"} and countries(briefing.recipient) == {"UKR", "NATO"}


def test_countryless_attackers_are_not_of_the_country_they_attack_elsewhere(code):
    attack = only(code("Rebels attacked a Greek-owned tanker off Yemen."), "ASSAULT")
    assert [e.code for e in attack.actor] == ["YEMREB"] and countries(attack.recipient) == {"GRC"}
    crackdown = only(code("Riot police used tear gas against protesters in Belgrade."), "ASSAULT")
    assert countries(crackdown.actor) == countries(crackdown.recipient) == {"SRB"}


def test_a_visit_is_hosted_by_the_government_of_the_place_visited(code):
    visit = only(code("Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit on "
                      "Wednesday."), "CONSULT")
    assert [e.code for e in visit.recipient] == ["JORGOV"]


def test_means_sent_in_the_passive_are_sent_by_their_owner_else_by_who_reports_it(code):
    sent = only(code("Washington said the warships, carrying about 4,000 sailors and Marines, were being "
                     "sent to the southern Caribbean."), "MOBILIZE")
    assert countries(sent.actor) == {"USA"}
    sent = only(code("Kyiv said Russian troops were being sent to the border."), "MOBILIZE")
    assert countries(sent.actor) == {"RUS"}


def test_those_who_go_somewhere_for_talks_hold_them(code):
    talks = only(code("U.S. and Russian negotiators return to Geneva this week for talks on limiting nuclear "
                      "missiles."), "CONSULT")
    assert countries(talks.actor) == {"USA", "RUS"}


def test_a_warning_is_aimed_at_the_subject_of_its_condition(code):
    events = code('France, Britain and Germany have warned they could trigger the "snapback" of '
                  "UN sanctions lifted under the 2015 deal if Iran does not resume cooperation.")
    threat = only(events, "THREATEN")
    assert countries(threat.actor) == {"FRA", "GBR", "DEU"}
    assert countries(threat.recipient) == {"IRN"}


def test_support_for_a_party_makes_it_the_recipient(code):
    support = only(code("The United States reaffirmed its support for Taiwan."), "SUPPORT")
    assert countries(support.recipient) == {"TWN"}


def test_a_participle_on_a_signed_document_acts_for_its_signer(code):
    suspension = only(code("Iran's president signed a bill suspending cooperation with the "
                           "International Atomic Energy Agency."), "SANCTION")
    assert countries(suspension.actor) == {"IRN"}


def test_a_passive_subject_names_its_parties_between_them(code):
    frozen = only(code("Relations between Washington and Caracas have been frozen since 2019."),
                  "SANCTION")
    assert countries(frozen.actor) == {"USA", "VEN"}


def test_condemnation_from_a_source_drawn_by_an_act(code):
    condemnation = only(code("Netanyahu's cabinet approved the plan, drawing condemnation from "
                             "the United Nations."), "ACCUSE")
    assert [e.code for e in condemnation.actor] == ["UNO"]
    assert countries(condemnation.recipient) == {"ISR"}


def test_troops_sent_are_the_actors_means_not_the_recipient(code):
    sending = only(code("Poland sent 40,000 soldiers to its eastern regions."), "MOBILIZE")
    assert countries(sending.actor) == {"POL"}
    assert sending.recipient == []


def test_an_act_on_a_border_is_aimed_at_the_state_across_it(code):
    closing = only(code("Poland closed its border with Belarus."), "SANCTION")
    assert countries(closing.recipient) == {"BLR"}


def test_the_visit_of_a_person_has_the_visitor_as_actor(code):
    visit = only(code("The 2022 visit of US House Speaker Nancy Pelosi angered Beijing."), "CONSULT")
    assert [e.code for e in visit.actor] == ["USALEG"]


def test_an_arrest_warrant_for_a_person_targets_that_person(code):
    warrant = only(code("Prosecutors issued an arrest warrant for Vladimir Putin."), "THREATEN")
    assert [e.code for e in warrant.recipient] == ["RUSGOV"]


def test_a_phone_call_with_a_partner_on_a_clause_verb_has_both_as_actors(code):
    call = only(code("Japan's foreign minister raised the drills in a phone call with his "
                     "Chinese counterpart."), "CONSULT")
    assert countries(call.actor) == {"JPN", "CHN"}
    assert call.recipient == []


def test_exercises_around_another_country_target_it(code):
    drills = only(code("China's military held large-scale exercises around Taiwan on Wednesday."),
                  "MOBILIZE")
    assert countries(drills.recipient) == {"TWN"}


def test_a_protest_at_an_embassy_targets_its_state_and_is_by_locals(code):
    protest = only(code("A group of protesters gathered outside the Japanese embassy in Seoul on "
                        "Saturday. Japan and South Korea, Japan said."), "PROTEST")
    assert [e.code for e in protest.actor] == ["KORCVL"]
    assert [e.code for e in protest.recipient] == ["JPNGOV"]


def test_a_speaker_whose_second_verb_hangs_on_the_reported_one_is_its_actor(code):
    call = only(code("UN Secretary-General Antonio Guterres said the attacks risked increasing "
                     "humanitarian needs and called for an immediate halt."), "REQUEST")
    assert [e.code for e in call.actor] == ["UNO"]


def test_an_ultimatum_is_aimed_at_the_subject_of_its_clause(code):
    ultimatum = only(code("Serbian student organisers set an ultimatum for President Aleksandar "
                          "Vucic to call a snap vote."), "REQUEST")
    assert [e.code for e in ultimatum.recipient] == ["SRBGOV"]


def test_the_passive_subject_of_an_attack_is_its_target_even_without_an_agent(code):
    killing = only(code("A prominent anti-Syria journalist has been killed in a car bomb explosion "
                        "in eastern Beirut."), "ASSAULT")
    assert [e.code for e in killing.recipient] == ["LBNJRN"]  # not Syria's: an attitude


def test_a_stative_passive_subject_is_no_recipient(code):
    events = code("Vietnam is committed to opening up the economy.")
    assert all(e.recipient == [] for e in events)


def test_a_when_clause_names_the_agent_of_an_agentless_passive_attack(code):
    events = code("Three police officers were killed when Russian soldiers opened fire near Kherson.")
    assert all(countries(e.actor) == {"RUS"} for e in events if e.event_type == "ASSAULT")
    # without a "when" clause saying how, the passive keeps no actor
    killed = only(code("Three police officers were killed near Kherson."), "ASSAULT")
    assert killed.actor == []


def test_unidentified_attackers_keep_no_country(code):
    events = code("India closed the border a day after gunmen killed 26 people near Pahalgam in "
                  "Kashmir. India said it would act.")
    attack = only(events, "ASSAULT")
    assert [(e.country, e.sector) for e in attack.actor] == [(None, "UAF")]


@pytest.mark.parametrize("text, kind, actor", [
    ("Israel is opposed to French mediation in peace negotiations with Syria.", "REJECT", {"ISR"}),
    ("Vietnam is committed to opening up the economy.", "AGREE", {"VNM"}),
])
def test_a_stative_passive_keeps_its_subject_as_actor(code, text, kind, actor):
    assert countries(only(code(text), kind).actor) == actor


def test_the_subject_of_a_state_is_in_the_event_named_after_on(code):
    alert = only(code("Israeli troops remained on alert in the West Bank."), "MOBILIZE")
    assert [e.code for e in alert.actor] == ["ISRMIL"]


def test_parties_mediated_between_are_not_the_mediators(code):
    mission = only(code("Arab League Secretary General Chadli Klibi undertook a mediation mission "
                        "between Syria and Palestinian leader Yasser Arafat."), "CONSULT")
    assert countries(mission.actor) <= {"IGO"}
    assert countries(mission.recipient) == {"SYR", "PSE"}


def test_a_complement_party_named_with_a_compound_keeps_those_coordinated_with_it(code):
    # "United" names the United States; "Israel" is coordinated with the phrase's head "States"
    threat = only(code("The group threatened to deliver devastating blows to the United States and Israel."),
                  "THREATEN")
    assert countries(threat.recipient) == {"USA", "ISR"}


def test_an_attack_told_as_the_means_of_a_verb_is_aimed_at_its_object(code):
    attack = only(code("Irish nationalist guerrillas wounded two British soldiers in a bomb attack on Thursday."),
                  "ASSAULT")
    assert countries(attack.recipient) == {"GBR"}


def test_opening_an_investigation_is_a_light_verb_whose_against_names_the_investigated(code):
    probe = only(code("A judge opened fraud investigations against 28 Chilean government officials."), "ACCUSE")
    assert countries(probe.recipient) == {"CHL"}


def test_an_agreement_naming_no_one_is_sought_by_the_talks_actors(code):
    failed = only(code("The American and Russian presidents met in Anchorage for a summit that ended "
                       "without agreeing to a ceasefire."), "AGREE")
    assert failed.factuality == "negated" and countries(failed.actor) == {"USA", "RUS"}


@pytest.mark.parametrize("text, parties", [
    ("Ukrainian leaders are expected in Washington on Monday for talks.", {"UKR"}),
    ("The Armenian and Azerbaijani leaders are working towards a ceasefire.", {"ARM", "AZE"}),
])
def test_those_expected_somewhere_for_an_event_or_working_towards_it_are_its_actors(code, text, parties):
    [event] = code(text)
    assert event.factuality == "future" and countries(event.actor) == parties


def test_kept_up_is_a_light_verb(code):
    strikes = only(code("Israel has kept up near-daily strikes on Lebanon."), "ASSAULT")
    assert countries(strikes.actor) == {"ISR"} and countries(strikes.recipient) == {"LBN"}


def test_countryless_insurgents_are_of_where_they_act_and_the_dateline_is_home(code):
    events = code("PEMBA, Mozambique (Wire) — Islamist insurgents raided villages in Mozambique's "
                  "Cabo Delgado province on Saturday, officials said. Rwanda agreed to send more "
                  "Rwandan troops; Kigali said Rwandan soldiers would help.\n\nThe army said it had "
                  "moved units to Macomia.")
    raid = only(events, "ASSAULT")
    assert countries(raid.actor) == {"MOZ"}
    assert countries(only(events, "MOBILIZE").actor) == {"MOZ"}  # the dateline's army


def test_gang_gunmen_are_a_criminal_group_of_the_country(code):
    raid = only(code("In Guayaquil, Ecuador, gang gunmen stormed a television station."), "ASSAULT")
    assert [(e.country, e.sector) for e in raid.actor] == [("ECU", "CRM")]


@pytest.mark.parametrize("text, parties, host", [
    ("Congo and the M23 signed a declaration after months of talks mediated by Qatar.",
     {"COD"}, {"QAT"}),
    ("Thai and Cambodian officials agreed to reopen crossings after a day of talks hosted by "
     "Malaysia.", {"THA", "KHM"}, {"MYS"}),
])
def test_talks_an_outcome_follows_are_held_by_its_parties_and_hosted_by_the_named_third_party(
        code, text, parties, host):
    talks = only(code(text), "CONSULT")
    assert talks.factuality == "asserted"  # what an agreement follows happened
    assert countries(talks.actor) == parties and countries(talks.recipient) == host


def test_a_clash_between_the_actors_is_aimed_at_no_place(code):
    clash = only(code("Kyrgyz and Tajik border guards traded fire near a canal in Uzbekistan."),
                 "ASSAULT")
    assert countries(clash.actor) == {"KGZ", "TJK"} and clash.recipient == []
    assert {e.sector for e in clash.actor} == {"COP"}  # "Kyrgyz [border guards] and Tajik border guards"


@pytest.mark.parametrize("text", [
    "Egypt's foreign minister met his visiting Sudanese counterpart.",
    "Egypt's foreign minister met his Sudanese counterpart in Cairo.",
    "Egypt's foreign minister spoke after talks with his visiting Sudanese counterpart.",
])
def test_the_visitor_is_the_actor_and_the_one_met_at_home_the_host(code, text):
    meeting = only(code(text), "CONSULT")
    assert countries(meeting.actor) == {"SDN"} and countries(meeting.recipient) == {"EGY"}


def test_parties_who_meet_together_are_all_actors_even_at_the_home_of_one(code):
    summit = only(code("Trump and Putin met in Anchorage."), "CONSULT")
    assert countries(summit.actor) == {"USA", "RUS"} and summit.recipient == []


def test_halting_attacks_is_aimed_at_their_targets(code):
    halt = only(code("Houthi rebels halted their attacks on Israeli ships in May."), "RETREAT")
    assert countries(halt.actor) == {"YEM"} and countries(halt.recipient) == {"ISR"}


def test_an_authority_reporting_arrests_made_them(code):
    arrests = only(code("The Serbian interior ministry said 79 people had been detained."), "COERCE")
    assert countries(arrests.actor) == {"SRB"}
    reported = only(code("Rights groups in Serbia said 79 activists had been detained."), "COERCE")
    assert reported.actor == []


def test_those_acting_along_with_the_subject_are_actors_too(code):
    left = only(code("The Economic Community of West African States, which Mali quit in January "
                     "along with Burkina Faso and Niger, expressed concern."), "SANCTION")
    assert countries(left.actor) == {"MLI", "BFA", "NER"}


@pytest.mark.parametrize("text, target", [
    ("Israel struck the Iran nuclear facility at Natanz.", "IRN"),
    ("Ukraine hit Russian oil refineries.", "RUS"),
])
def test_a_thing_attacked_is_aimed_at_the_country_whose_it_is(code, text, target):
    assert countries(only(code(text), "ASSAULT").recipient) == {target}


def test_an_active_verbs_subject_beats_a_misparsed_by(code):
    # spaCy hangs "by an American delegation" on "summoned" as its agent
    summons = only(code("Denmark summoned the US ambassador in Copenhagen on Tuesday over a visit "
                        "to Greenland by an American delegation."), "ACCUSE")
    assert countries(summons.actor) == {"DNK"}
    assert countries(summons.recipient) == {"USA"}


def test_a_request_is_aimed_at_the_subject_of_its_for_to_clause(code):
    push = only(code("The UK is pushing hard for the US to support its debt relief plan."), "REQUEST")
    assert countries(push.recipient) == {"USA"}


def test_allies_and_partners_of_a_named_alliance_are_the_alliance(code):
    request = only(code("Greece demanded that its European Community partners refuse to recognize Macedonia."),
                   "REQUEST")
    assert countries(request.recipient) == {"EUR"}


def test_a_countryless_official_is_not_of_the_country_he_acts_against(code):
    threat = only(code("President Bush has threatened further action against Russia."), "THREATEN")
    assert "RUS" not in countries(threat.actor)
    assert countries(threat.recipient) == {"RUS"}


def test_attackers_named_by_what_they_did_have_their_nationality(code):
    attack = only(code("Two Palestinian suicide bombers killed 23 people in Tel Aviv."), "ASSAULT")
    assert countries(attack.actor) == {"PSE"}
    assert countries(attack.recipient) == {"ISR"}


def test_an_objectless_verb_shares_the_object_and_time_of_the_next(code):
    aid = only(code("The United States has armed and trained the SDF since 2015."), "AID")
    assert countries(aid.recipient) == {"SYR"}
    assert (aid.factuality, str(aid.date), aid.date_precision) == ("historical", "2015-01-01", "year")
    attack = only(code("Russia attacked and Ukraine held the city on Monday."), "ASSAULT")
    assert attack.recipient == []  # a verb with a subject of its own shares nothing


def test_what_a_protest_is_over_is_an_event_of_its_own_and_its_target(code):
    events = code("Denmark summoned the US ambassador in Copenhagen on Tuesday over a visit "
                  "to Greenland by an American delegation.")
    visit = only(events, "CONSULT")
    assert countries(visit.actor) == {"USA"} and countries(visit.recipient) == {"GRL"}
    protest = only(code("China protested over the visit of the Taiwanese president to Washington."), "ACCUSE")
    assert countries(protest.recipient) == {"TWN"}


def test_a_reaction_to_the_ing_noun_of_an_act_told_before_is_aimed_at_its_doers(code):
    events = code("Niger's junta said on Monday it would reopen the border with Benin. "
                  "Benin's government on Tuesday welcomed the reopening.")
    welcome = only(events, "SUPPORT")
    assert countries(welcome.recipient) == {"NER"}


def test_a_reaction_to_a_thing_from_someone_is_aimed_at_them(code):
    snub = only(code("Russia snubbed an invitation from the Ukrainian government."), "REJECT")
    assert countries(snub.recipient) == {"UKR"}


def test_support_withheld_is_a_refusal(code):
    refusal = only(code("Venezuela does not recognise the colonial-era border with Guyana."), "REJECT")
    assert refusal.factuality == "asserted" and countries(refusal.recipient) == {"GUY"}


def test_an_act_on_a_thing_run_by_someone_is_aimed_at_them(code):
    closure = only(code("Kosovo police on Tuesday shut down eight offices run by Serbia."), "COERCE")
    assert countries(closure.recipient) == {"SRB"}



def test_those_due_somewhere_for_talks_hold_them_there(code):
    event = only(code("A Ukrainian delegation is due in Seoul next month for talks on security cooperation."),
                 "CONSULT")
    assert countries(event.actor) == {"UKR"} and countries(event.recipient) == {"KOR"}
    assert event.factuality == "future"


def test_the_one_expected_or_ordered_to_act_acts(code):
    event = only(code("A Russian delegation is expected in Niamey next month to discuss mining."), "CONSULT")
    assert countries(event.actor) == {"RUS"} and countries(event.recipient) == {"NER"}
    event = only(code("Russian troops were ordered to withdraw from Kherson."), "RETREAT")
    assert countries(event.actor) == {"RUS"}


def test_one_due_somewhere_is_a_visit_to_come(code):
    event = only(code("Brazil's foreign minister is due in Caracas on Monday as part of a mediation effort."),
                 "CONSULT")
    assert event.rule == "consult.visit:verb:due" and event.factuality == "future"
    assert countries(event.actor) == {"BRA"} and countries(event.recipient) == {"VEN"}
    event = only(code("The chairman of the African Union commission is due in Algiers next week."), "CONSULT")
    assert [e.code for e in event.actor] == ["AFU"] and countries(event.recipient) == {"DZA"}
    # what is due is no visit unless someone is
    assert code("Elections are due in September.") == []


def test_a_side_meeting_in_its_own_capital_hosts_the_others(code):
    event = only(code("Italian and Libyan ministers met in Rome on Tuesday."), "CONSULT")
    assert countries(event.actor) == {"LBY"} and countries(event.recipient) == {"ITA"}
    # not in another city of its country: neither is the other's guest
    event = only(code("Trump and Putin met in Anchorage on Friday."), "CONSULT")
    assert countries(event.actor) == {"USA", "RUS"} and event.recipient == []


def test_those_gone_somewhere_for_talks_are_hosted_there(code):
    event = only(code("A Turkish envoy flew into Tripoli on Wednesday for talks with Libya's prime minister."),
                 "CONSULT")
    assert countries(event.actor) == {"TUR"} and countries(event.recipient) == {"LBY"}


def test_a_host_named_before_the_talks_hosts_them(code):
    event = only(code("Russian and Ukrainian negotiators held Turkey-hosted talks on Monday."), "CONSULT")
    assert countries(event.actor) == {"RUS", "UKR"} and countries(event.recipient) == {"TUR"}


@pytest.mark.parametrize("text, event_type, recipient", [
    # a verb aimed by its own preposition shares no object with the next
    ("The Gulf Cooperation Council said it stood by Kuwait and urged Iraq to respect the boundary.",
     "SUPPORT", {"KWT"}),
    # a complaint is aimed at the one its that-clause says did wrong, else at the one told
    ("Egypt has complained to the UN Security Council that Ethiopia broke international law.", "ACCUSE", {"ETH"}),
    ("Egypt has complained to the UN Security Council about the dam.", "ACCUSE", {"UNO"}),
    # a demand for a withdrawal asks those to withdraw
    ("Moldova renewed its demand for the withdrawal of the 1,500 Russian soldiers in the region.",
     "REQUEST", {"RUS"}),
    # an act on one's membership of a body is aimed at the body
    ("Armenia has frozen its participation in the Russian-led Collective Security Treaty Organization.",
     "SANCTION", {"IGO"}),
])
def test_whom_an_event_is_aimed_at(code, text, event_type, recipient):
    assert countries(only(code(text), event_type).recipient) == recipient
