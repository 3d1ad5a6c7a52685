"""Trigger finding: which tokens state an event, and with which codebook entry."""

from __future__ import annotations

import pytest

from tidings.events.triggers import find_triggers


@pytest.mark.parametrize("text, word, entry", [
    ("The two leaders met in Geneva.", "met", "consult.meet"),
    ("The summit was held in Geneva.", "summit", "consult.meet"),
    ("Russian drone strikes hit the city.", "strikes", "assault.attack"),
    ("His refusal angered the allies.", "refusal", "reject.reject"),
    ("France called for a ceasefire.", "called", "request.demand"),
    ("The talks did not yield a deal.", "deal", "agree.agree"),
    ("Macron held a phone call with Putin.", "call", "consult.phone"),
])
def test_verbs_and_event_nouns_fire(triggers, text, word, entry):
    assert triggers(text).get(word) == entry


def test_trigger_records_token_phrase_and_offsets(nlp, cb):
    doc = nlp("Israel launched air strikes on Gaza.")
    strikes = next(t for t in find_triggers(doc, cb) if t.token.text == "strikes")
    assert strikes.nominal
    assert strikes.entry.type == "ASSAULT"
    assert strikes.phrase.head == "strike" and strikes.phrase.extra == ("air",)
    assert doc.text[strikes.start_char:strikes.end_char] == "strikes"
    launched = next(t for t in find_triggers(doc, cb) if t.token.text == "launched")
    assert not launched.nominal


@pytest.mark.parametrize("text, word, entry, extra", [
    ("France called for a ceasefire.", "called", "request.demand", ("for",)),
    ("Soldiers opened fire on the crowd.", "opened", "assault.attack", ("fire",)),
    ("Kyiv ruled out any deal.", "ruled", "reject.reject", ("out",)),
    ("The two sides sat down in Doha.", "sat", "consult.meet", ("down",)),
    ("Israel launched air strikes on Gaza.", "strikes", "assault.attack", ("air",)),
])
def test_multiword_phrases(nlp, cb, text, word, entry, extra):
    found = {t.token.text: t for t in find_triggers(nlp(text), cb)}
    assert found[word].entry.id == entry
    assert found[word].phrase.extra == extra


def test_a_phrase_needs_all_its_words(triggers):
    # "open" is an attack only with "fire"; "sit" is a meeting only with "down"
    assert triggers("Poland opened the border crossing.").get("opened") != "assault.attack"
    assert "sat" not in triggers("The minister sat in the front row.")


def test_objects_constrain_verbs(triggers):
    assert triggers("The EU lifted sanctions on Syria.").get("lifted") == "concede.concede"
    assert "lifted" not in triggers("The news lifted the mood.")
    assert triggers("Egypt sent aid to Gaza.").get("sent") == "aid.deliver"
    assert "sent" not in triggers("Egypt sent a letter to Gaza.")


def test_not_modifiers_block_nouns(triggers):
    assert triggers("Workers staged a general strike in Lagos.").get("strike") == "protest.strike"
    assert "conference" not in triggers("NATO held a press conference.")


# --- complements ------------------------------------------------------------------------------

def test_a_call_for_talks_is_a_request(triggers):
    assert triggers("Brazil issued a call for talks.").get("call") == "request.demand"
    assert triggers("His call for talks was ignored.").get("call") == "request.demand"


def test_a_phone_call_is_a_consultation(triggers):
    assert triggers("Macron held a phone call with Putin.").get("call") == "consult.phone"
    assert triggers("A phone call between Macron and Putin took place.").get("call") == "consult.phone"
    assert triggers("Macron's call with Putin lasted two hours.").get("call") == "consult.phone"


def test_calling_someone_something_is_not_a_request(triggers):
    assert "called" not in triggers("Macron called the attack a crime.")


def test_insisted_that_x_be_addressed_is_a_request(triggers):
    assert triggers("Moscow insisted that the root causes be addressed.").get("insisted") == "request.demand"
    assert triggers("Iran insisted that sanctions must be lifted.").get("insisted") == "request.demand"


def test_insisted_that_something_was_so_is_not_a_request(triggers):
    assert "insisted" not in triggers("Beijing insisted the drills were defensive.")
    assert "insisted" not in triggers("Russia insisted it had hit only military targets.")


def test_insisted_on_is_a_request(triggers):
    assert triggers("Moscow insisted on a new vote.").get("insisted") == "request.demand"
    assert triggers("Kyiv's insistence on security guarantees irritated Moscow.").get(
        "insistence") == "request.demand"


# --- attributive words are not events --------------------------------------------------------

def test_noun_modifiers_are_not_events(triggers):
    found = triggers("Aid groups warned of famine in the region.")
    assert "Aid" not in found


def test_participles_modifying_nouns_are_not_events(triggers):
    assert triggers("The US-backed plan was published.") == {}
    assert "brokered" not in triggers("The Saudi-brokered deal collapsed.")


def test_names_are_not_events(triggers):
    found = triggers("The Rapid Support Forces shelled the city of El Fasher.")
    assert "Support" not in found
    assert found.get("shelled") == "assault.attack"
    assert triggers("The Peace Palace hosts the court.") == {}


@pytest.mark.parametrize("text, word, entry", [
    ("Japan and Australia voiced concern over the incident.", "voiced", "accuse.concern"),
    ("Manila lodged a diplomatic protest with Beijing.", "lodged", "accuse.concern"),
    ("Poland closed its border with Belarus.", "closed", "sanction.close"),
    ("Colombia suspended peace talks with the ELN.", "suspended", "sanction.discontinue"),
    ("The government withdrew a planned increase in diesel prices.", "withdrew", "concede.concede"),
    ("Indian and Pakistani troops exchanged fire overnight.", "exchanged", "assault.exchange"),
    ("The UAE denied arming the RSF.", "arming", "aid.aid"),
    ("Chad contributed 500 troops to the mission.", "contributed", "aid.aid"),
    ("Prosecutors issued an arrest warrant for Morales.", "warrant", "threaten.warrant"),
    ("Prosecutors issued a warrant for his arrest.", "warrant", "threaten.warrant"),
    ("The electoral court barred him from the race.", "barred", "reject.bar"),
    ("Burkina Faso quit the regional bloc.", "quit", "sanction.withdraw"),
    ("Washington withdrew from the agreement.", "withdrew", "sanction.withdraw"),
    ("Mali's junta tore up the 2015 peace agreement.", "tore", "sanction.withdraw"),
    ("Washington scrapped the nuclear deal.", "scrapped", "sanction.withdraw"),
    ("Niger left the regional bloc in January.", "left", "sanction.withdraw"),
    ("Burkina Faso, Mali and Niger formally quit ECOWAS in January.", "quit", "sanction.withdraw"),
    ("Macron spoke by phone with Trump on Sunday.", "spoke", "consult.phone"),
    ("Unions in Kenya called a strike.", "strike", "protest.strike"),
    ("Kazakh villagers blocked a border checkpoint with Kyrgyzstan.", "blocked", "protest.blockade"),
    ("Greece put off the meeting of the two foreign ministers.", "put", "reject.cancel"),
    ("Seoul detected unusual North Korean troop movements.", "movements", "mobilize.troops"),
    ("Georgia shelved talks on joining the European Union.", "shelved", "sanction.discontinue"),
    ("Poland blocked the border crossing with Belarus.", "blocked", "coerce.restrict"),
    ("Dock workers went on strike in Mombasa.", "strike", "protest.strike"),
    ("Russia launched a strike on Kyiv.", "strike", "assault.attack"),
    ("Putin congratulated Trump on his election victory.", "congratulated", "support.support"),
    ("Police cracked down on protesters in Tbilisi.", "cracked", "coerce.arrest"),
    ("Gunmen murdered two Turkish diplomats in Baghdad.", "murdered", "assault.attack"),
    ("Beijing disputed the claim.", "disputed", "reject.reject"),
    ("The opposition leader faulted the government's response.", "faulted", "accuse.disapprove"),
    ("The EU suspended visa-free travel for Georgian officials.", "suspended", "sanction.discontinue"),
    ("Rebels clashed with Ethiopian troops near Gondar.", "clashed", "assault.clash"),
    ("Fano fighters battled federal troops.", "battled", "assault.clash"),
    ("Kuwait's coast guard stepped up patrols in the waterway.", "stepped", "mobilize.send"),
    ("Turkish fighter jets violated Greek airspace over the Aegean.", "violated", "mobilize.incursion"),
    ("Four Chinese coast guard ships entered Japanese waters.", "entered", "mobilize.incursion"),
    ("Army bulldozers demolished Palestinian homes in Gaza.", "demolished", "coerce.damage"),
    ("Settlers set fire to the offices of the administrators.", "set", "coerce.damage"),
    ("The rebels detonated a car bomb in the market.", "detonated", "assault.bomb"),
    ("The United States is providing military intelligence to Macedonia.", "providing", "aid.deliver"),
    ("The IAEA has dispatched inspectors to Esfahan.", "dispatched", "accuse.investigate"),
    ("Washington designated six cartels as foreign terrorist organisations.", "designated", "sanction.designate"),
    ("Britain listed the group as a terrorist organisation.", "listed", "sanction.designate"),
    ("Washington said it stood firmly behind Guyana's sovereignty.", "stood", "support.support"),
    ("Hungary sided with Moscow.", "sided", "support.support"),
    ("Cairo declared the negotiations with Addis Ababa over.", "declared", "sanction.discontinue"),
    ("The EU could target banks in third countries.", "target", "sanction.target"),
    ("Houthi missiles targeted a tanker in the Red Sea.", "targeted", "assault.attack"),
    ("Russia snubbed an invitation from the Ukrainian government.", "snubbed", "reject.reject"),
    ("Brussels lambasted Budapest over the veto.", "lambasted", "accuse.disapprove"),
    ("The coast guard rescued 40 migrants off Libya.", "rescued", "aid.aid"),
    ("The police put a Roman Catholic bishop on a flight to Rome.", "put", "coerce.deport"),
    ("Costa Rica granted residence permits on Wednesday to 17 Nicaraguan exiles.", "granted", "aid.refuge"),
    ("It also ordered the confiscation of their homes.", "confiscation", "coerce.seize"),
    ("India expelled two Pakistani diplomats.", "expelled", "coerce.deport"),
    ("Sandu said more expulsions could follow.", "expulsions", "coerce.deport"),
    ("Copenhagen recalled its ambassador from Washington.", "recalled", "sanction.expel"),
    ("Mali expelled the UN peacekeeping mission.", "expelled", "sanction.expel"),
    ("The EU approved 250 million euros to help Moldova.", "approved", "aid.deliver"),
    ("Turkey supplied drones and military advisers to the government.", "supplied", "aid.deliver"),
    ("Washington suspended its strategic partnership with Georgia.", "suspended", "sanction.discontinue"),
    ("The crossing reopened on Friday.", "reopened", "retreat.access"),
])
def test_added_vocabulary(triggers, text, word, entry):
    assert triggers(text).get(word) == entry


def test_withdrawing_troops_stays_a_retreat(triggers):
    assert triggers("Russia withdrew its troops from the town.").get("withdrew") == "retreat.withdraw"


def test_quitting_an_office_stays_a_resignation(triggers):
    assert triggers("The minister quit his post.").get("quit") == "retreat.resign"


def test_contributing_to_a_debate_is_no_aid(triggers):
    assert "contributed" not in triggers("France contributed to the debate.")


def test_a_search_warrant_is_no_threat(triggers):
    assert "warrant" not in triggers("Police obtained a search warrant.")


def test_signing_a_bill_into_law_is_no_agreement(triggers):
    assert "signed" not in triggers("Pezeshkian signed into law a bill suspending cooperation.")
    assert "signed" not in triggers("Putin signed a law banning foreign agents.")
    assert triggers("Russia and Ukraine signed a deal.").get("signed") == "agree.agree"


def test_an_obligation_stated_for_someone_is_a_request(triggers):
    assert triggers("Russia said that Sudan must return the helicopter.").get("said") == "request.must"
    assert "said" not in triggers("Russia said that Sudan returned the helicopter.")


def test_the_opposition_as_a_party_is_no_rejection(triggers):
    assert "opposition" not in triggers("The president resigned as the opposition marched on.")
    assert triggers("Their opposition to the plan hardened.")["opposition"] == "reject.reject"


def test_seeking_to_do_something_is_trying_not_asking(triggers):
    assert "sought" not in triggers("The two leaders sought to ease tensions.")
    assert triggers("Kyiv sought talks with Moscow.").get("sought") == "request.demand"


def test_troops_arriving_are_no_visit(triggers):
    assert "arrived" not in triggers("NATO troops arrived in Bosnia.")
    assert triggers("The president arrived in Paris on Monday.").get("arrived") == "consult.visit"


def test_armed_with_describes_not_arms(triggers):
    assert "armed" not in triggers("Militiamen armed with machetes attacked the camp.")
    assert triggers("Iran armed the rebels.").get("armed") == "aid.aid"


def test_a_relative_clause_head_is_its_object_only_when_not_its_subject(triggers):
    # "an agreement that stops the conflict": the agreement stops, nothing stops an agreement
    assert "stops" not in triggers("They must reach an agreement that stops the conflict.")
    assert triggers("Japan restored the aid that Russia halted.").get("halted") == "sanction.discontinue"


def test_a_for_clause_completes_push_for(triggers):
    assert triggers("The UK is pushing hard for the US to support its plan.").get("pushing") == "request.demand"


@pytest.mark.parametrize("text, word, entry", [
    ("China told Washington to stop arming the island.", "told", "request.demand"),
    ("The plan calls for Israel to withdraw from five positions.", "calls", "request.demand"),
    ("Riot police used pepper spray and batons to break up crowds.", "used", "assault.crowd"),
    ("A coast guard vessel blasted a patrol boat with water cannon.", "blasted", "assault.crowd"),
    ("The rebels said they had sunk the bulk carrier.", "sunk", "assault.destroy"),
    ("The rebels halted their attacks on US vessels.", "halted", "retreat.ceasefire"),
    ("Iran would not accept inspectors.", "accept", "retreat.access"),
    ("Iran barred the inspectors from its nuclear sites.", "barred", "reject.bar"),
    ("Israel would not send negotiators to Cairo.", "send", "consult.send"),
    ("Iran remained committed to the treaty.", "remained", "support.support"),
    ("Germany called the law a devastating message.", "called", "accuse.label"),
    ("Lai labelled China a foreign hostile force.", "labelled", "accuse.label"),
    ("The US doubled its reward for information leading to his arrest.", "reward", "threaten.warrant"),
    ("Ministers walked out of the session in protest.", "walked", "protest.demo"),
    ("The delegation walked out of the talks.", "walked", "reject.cancel"),
    ("The junta suspended the French broadcaster.", "suspended", "coerce.restrict"),
    ("The president declared a state of emergency.", "declared", "coerce.emergency"),
    ("India ordered Pakistani military advisers to leave.", "ordered", "coerce.deport"),
])
def test_verb_and_object_patterns(triggers, text, word, entry):
    assert triggers(text).get(word) == entry


@pytest.mark.parametrize("text, word", [
    ("He walked out the back door.", "walked"),                    # no session left in protest
    ("The firm ceased operations in August.", "ceased"),           # a business, not attacks
    ("Their driver's licenses were suspended.", "suspended"),      # no news outlet
    ("Anyone with information can call Crime Stoppers.", "call"),  # no hostile name given
    ("The president ordered his troops to leave the town.", "ordered"),  # own forces
    ("Macron told reporters he was optimistic.", "told"),          # speech, not a directive
    ("The ship sank in a storm.", "sank"),                         # nothing sunk by anyone
])
def test_verb_and_object_patterns_need_their_object(triggers, text, word):
    assert word not in triggers(text)


def test_demolishing_any_building_is_no_coercion(triggers):
    assert "demolished" not in triggers("The old plant has been demolished to make way for flats.")


def test_sending_troops_is_no_investigation(triggers):
    assert triggers("Russia dispatched troops to the border.").get("dispatched") == "mobilize.send"


def test_a_counted_object_is_what_is_counted(triggers):
    """"exploded a series of bombs", "released hundreds of prisoners": the object is the "of"."""
    assert triggers("Rebels exploded a series of bombs in Kabul.").get("exploded") == "assault.bomb"
    assert triggers("The rebels released hundreds of prisoners.").get("released") == "retreat.release"
    assert "exploded" not in triggers("Rebels exploded a series of myths.")


@pytest.mark.parametrize("text, word", [
    ("Projects that qualify meet the necessary criteria.", "meet"),      # satisfying a standard
    ("The virus killed nearly a million people in 1968.", "killed"),     # a disease, no attacker
    ("Teachers are striking in West Virginia.", "striking"),             # a work stoppage
    ("A rain garden will capture 90 percent of the rain.", "capture"),  # a thing, counted
    ("The company is offering free trials.", "offering"),                # trade, not an offer
    ("Putin's spokesman asked why the women stayed quiet.", "asked"),    # a question
    ("He asked questions about the plan.", "asked"),
    ("State law requires that districts provide buses.", "requires"),    # a rule, no one's demand
    ("Obama signed an executive order.", "signed"),                      # lawmaking
    ("Surgeons report an increased demand for Botox.", "demand"),        # market demand
])
def test_non_political_senses_do_not_fire(triggers, text, word):
    assert word not in triggers(text)


def test_political_senses_still_fire(triggers):
    assert triggers("Putin met Xi in Beijing.").get("met") == "consult.meet"
    assert triggers("Rebels killed 11 villagers.").get("killed") == "assault.attack"
    assert triggers("The EU asked Russia to withdraw its troops.").get("asked") == "request.demand"
    assert triggers("Russia offered to mediate between the two sides.").get("offered") == "agree.promise"
    assert triggers("The opposition repeated its demand for elections.").get("demand") == "request.demand"


def test_a_deal_struck_is_an_agreement(triggers):
    found = triggers("The two leaders struck a deal on trade.")
    assert "struck" not in found and found.get("deal") == "agree.agree"


def test_a_share_is_counted_like_a_number(triggers):
    assert triggers("The army released half of the prisoners.").get("released") == "retreat.release"


def test_a_passive_agent_counts_as_a_subject_for_not_subjects(triggers):
    assert "struck" not in triggers("A woman died after being struck by a vehicle.")
    assert triggers("Troops were struck by a roadside bomb.").get("struck") == "assault.attack"


@pytest.mark.parametrize("text, entry", [
    # a promise of punishment is a threat
    ("Moscow promised a proportionate response.", "threaten.vow"),
    ("Modi vowed to pursue the attackers to the ends of the earth.", "threaten.vow_to"),
    ("The EU promised to help landlocked members.", "agree.promise"),
    # evacuations, rations and closed offices
    ("Emergency workers moved more than 1,200 residents to schools.", "aid.aid"),
    ("The World Food Programme will distribute rations to the displaced.", "aid.deliver"),
    ("Kosovo police shut down eight offices run by Serbia.", "coerce.restrict"),
    # vows to fight, refugees accepted (PLOVER GSR)
    ("The rebels in Macedonia vowed to fight on.", "threaten.vow_to"),
    ("Syria says it will not accept any more refugees.", "retreat.access"),
])
def test_entries_of_news_wordings(triggers, text, entry):
    assert entry in triggers(text).values()


def test_designating_something_other_than_a_terrorist_group_is_no_sanction(triggers):
    assert "designated" not in triggers("The ministry designated the area as a heritage site.")
    assert "listed" not in triggers("Kenya listed its priorities.")


def test_a_present_verb_after_a_past_insist_is_a_subjunctive_demand(triggers):
    assert triggers("Turkey insisted that foreign militants leave Syria.").get("insisted") == "request.demand"
    assert "insisted" not in triggers("Iran insisted that its programme is peaceful.")


def test_pressing_ahead_with_something_is_no_demand(triggers):
    assert "pressing" not in triggers("Pakistan expelled 19,000 Afghans, pressing ahead with a deportation drive.")
    assert triggers("Washington pressed Kyiv to accept the deal.").get("pressed") == "request.demand"



def test_only_a_states_ships_aircraft_or_troops_make_an_incursion(triggers):
    assert "entered" not in triggers("Chinese fishermen entered Philippine waters.")
    assert triggers("Chinese warships entered Philippine waters.").get("entered") == "mobilize.incursion"
