"""Named persons (packaged list and article-level binding) and coreference."""

from __future__ import annotations

import pytest
from actor_helpers import codes, run, tok


def test_article_binds_unknown_person_by_title(nlp):
    doc, actors = run(nlp, "Kenyan Foreign Minister Musalia Mudavadi met envoys. "
                           "Mudavadi said talks would go on.")
    assert codes(actors, doc, "Mudavadi") == ["KENGOV"]
    assert codes(actors, doc, "Mudavadi", 1) == ["KENGOV"]


def test_article_binds_person_by_apposition(nlp):
    doc, actors = run(nlp, "Ruto, Kenya's president, spoke. Later Ruto left.")
    assert codes(actors, doc, "Ruto", 1) == ["KENGOV"]
    doc, actors = run(nlp, "Nigeria's president, Bola Tinubu, spoke. Tinubu left.")
    assert codes(actors, doc, "Tinubu", 1) == ["NGAGOV"]
    doc, actors = run(nlp, "The Malian army chief, Assimi Goita, spoke. Goita left.")
    assert codes(actors, doc, "Goita", 1) == ["MLIMIL"]


def test_article_binding_beats_the_packaged_list(nlp):
    doc, actors = run(nlp, "French trade minister Marie Lavrov spoke. Lavrov said no.")
    assert codes(actors, doc, "Lavrov", 1) == ["FRAGOV"]


def test_unknown_person_without_binding_is_no_actor(nlp):
    doc, actors = run(nlp, "John Smith said the talks failed.")
    assert codes(actors, doc, "Smith") == []
    assert actors.mentions == []


def test_listed_surname_inside_another_name_is_not_the_leader(nlp):
    doc, actors = run(nlp, "Melania Trump visited a school.")
    assert codes(actors, doc, "Trump") == []


def test_packaged_leaders(nlp):
    doc, actors = run(nlp, "Lavrov met Wang Yi. Erdogan called Netanyahu.")
    assert codes(actors, doc, "Lavrov") == ["RUSGOV"]
    assert codes(actors, doc, "Yi") == ["CHNGOV"]
    assert codes(actors, doc, "Erdogan") == ["TURGOV"]
    assert codes(actors, doc, "Netanyahu") == ["ISRGOV"]


def test_he_prefers_previous_subject(nlp):
    doc, actors = run(nlp, "Trump met his Russian counterpart Vladimir Putin. He said the "
                           "talks went well.")
    assert codes(actors, doc, "He") == ["USAGOV"]


def test_ambiguous_he_is_left_unresolved(nlp):
    doc, actors = run(nlp, "Trump and Putin met in Alaska. He said the talks were good.")
    assert codes(actors, doc, "He") == []


def test_object_pronoun_skips_its_own_subject(nlp):
    doc, actors = run(nlp, "Zelensky said Putin had lied to him.")
    assert codes(actors, doc, "him") == ["UKRGOV"]


def test_they_takes_a_coordination(nlp):
    doc, actors = run(nlp, "Trump and Putin met in Alaska. They agreed to meet again.")
    assert sorted(codes(actors, doc, "They")) == ["RUSGOV", "USAGOV"]


def test_they_and_their_take_plural_actors(nlp):
    doc, actors = run(nlp, "Russian officials rejected the plan. They said their army "
                           "would fight on.")
    assert codes(actors, doc, "They") == ["RUSGOV"]
    assert codes(actors, doc, "army") == ["RUSMIL"]


def test_its_gives_a_possessed_role_a_country(nlp):
    doc, actors = run(nlp, "Russia said its forces had captured a village.")
    assert codes(actors, doc, "its") == ["RUS"]
    assert codes(actors, doc, "forces") == ["RUSMIL"]


def test_relative_pronoun(nlp):
    doc, actors = run(nlp, "Zelensky, who was not invited, objected.")
    assert codes(actors, doc, "who") == ["UKRGOV"]


def test_the_president_takes_the_nearest_office_holder(nlp):
    doc, actors = run(nlp, "Trump met Putin. Chinese President Xi Jinping visited Moscow. "
                           "The president said China wanted peace.")
    assert codes(actors, doc, "president", 0) == ["CHNGOV"]


def test_the_president_with_rival_holders_is_unresolved(nlp):
    doc, actors = run(nlp, "Trump met Putin in Alaska. Talks went on. The president said "
                           "he was pleased.")
    assert codes(actors, doc, "president") == ["GOV"]


def test_the_leader_class_matches_a_chancellor(nlp):
    doc, actors = run(nlp, "German Chancellor Friedrich Merz arrived. The leader said "
                           "Europe must act.")
    assert codes(actors, doc, "leader") == ["DEUGOV"]


def test_two_leaders_and_both_sides(nlp):
    doc, actors = run(nlp, "German Chancellor Friedrich Merz met French President Emmanuel "
                           "Macron. The two leaders agreed.")
    assert codes(actors, doc, "leaders") == ["DEUGOV", "FRAGOV"]
    doc, actors = run(nlp, "Russia and Ukraine traded blame. Turkey urged both sides to talk.")
    assert codes(actors, doc, "sides") == ["RUS", "UKR"]
    doc, actors = run(nlp, "Armenia and Azerbaijan met. The two countries signed a deal.")
    assert codes(actors, doc, "countries") == ["ARM", "AZE"]


def test_the_two_ministers_told_of_long_before_are_still_found(nlp):
    text = ("India's foreign minister held talks in Colombo with his Sri Lankan counterpart. "
            "The navy had seized the boats. The unions protested. The chief minister wrote to the "
            "prime minister. Boats stayed in harbour. Fishermen waited for news. "
            "At Tuesday's meeting the two ministers agreed to set up a hotline.")
    doc, actors = run(nlp, text)
    assert sorted(codes(actors, doc, "ministers")) == ["INDGOV", "LKAGOV"]


def test_pronoun_entity_keeps_its_own_text(nlp):
    doc, actors = run(nlp, "Zelensky arrived. He spoke.")
    [ent] = actors.entities_for(tok(doc, "He"))
    assert (ent.text, ent.start_char, ent.end_char, ent.code) == ("He", 18, 20, "UKRGOV")
    assert [m.kind for m in actors.mentions] == ["person", "pronoun"]


def test_first_person_pronouns_are_not_resolved(nlp):
    doc, actors = run(nlp, '"We will respond," Zelensky said.')
    assert codes(actors, doc, "We") == []


def test_object_it_is_a_thing(nlp):
    doc, actors = run(nlp, "Germany called the law a mistake and urged Tehran to reverse it.")
    assert codes(actors, doc, "it") == []
    doc, actors = run(nlp, "Iran rejected the report. It said the agency was biased.")
    assert codes(actors, doc, "It") == ["IRN"]


def test_dateline_is_not_an_actor(nlp):
    doc, actors = run(nlp, "TEHRAN (Levant Wire) \u2014 Iran's president signed the bill.")
    assert codes(actors, doc, "TEHRAN") == []
    assert codes(actors, doc, "president") == ["IRNGOV"]


def test_bound_surname_alone_is_the_person_whatever_ner_says(nlp):
    # the small model tags this bare "Ishiba" ORG
    doc, actors = run(nlp, "Japanese Prime Minister Shigeru Ishiba met the press. "
                           "Ishiba said he hoped to visit South Korea soon.")
    assert codes(actors, doc, "Ishiba", 1) == ["JPNGOV"]
    assert codes(actors, doc, "he") == ["JPNGOV"]


def test_family_name_first_surname_alone_is_the_person(nlp):
    # "Lee Jae-myung": a hyphenated given name puts the family name first
    doc, actors = run(nlp, "South Korean President Lee Jae-myung met the press. "
                           "Lee will fly on to Washington.")
    assert codes(actors, doc, "Lee", 1) == ["KORGOV"]
    doc, actors = run(nlp, "Taiwan's president, Lai Ching-te, spoke. Lai said no.")
    assert codes(actors, doc, "Lai", 1) == ["TWNGOV"]


def test_object_it_said_to_act_is_resolved_but_not_to_the_subject(nlp):
    doc, actors = run(nlp, "Sudan said it was cutting relations with the United Arab Emirates "
                           "and declared the Gulf state an aggressor, accusing it of supplying "
                           "the RSF with drones.")
    assert codes(actors, doc, "it", 1) == ["ARE"]


def test_both_sides_of_a_civil_war_are_the_state_and_the_rebel_group(nlp):
    doc, actors = run(nlp, "Congo's army fought the M23 near Goma. Aid agencies urged both "
                           "sides to let food through.")
    assert sorted(codes(actors, doc, "sides")) == ["CODMIL", "CODREB"]


def test_listed_official_keeps_the_organisation_code(nlp):
    doc, actors = run(nlp, "Rafael Grossi said inspectors must return.")
    assert codes(actors, doc, "Grossi") == ["IAE"]


def test_a_misparsed_apposition_that_is_no_person_role_binds_no_office(nlp):
    # "both sides" parsed as an apposition of Putin must not make his office "side", or "the
    # two presidents" no longer finds him
    doc, actors = run(nlp, "Trump telephoned Vladimir Putin, a call both sides described as "
                           "constructive. The two presidents met in Alaska.")
    assert codes(actors, doc, "presidents") == ["USAGOV", "RUSGOV"]



def _countries(actors, doc, text: str) -> set[str]:
    return {e.country for e in actors.entities_for(tok(doc, text))}


def test_the_two_sides_are_the_pair_a_phrase_named_not_the_host(nlp):
    doc, actors = run(nlp, "Thai and Cambodian defence officials agreed on Tuesday to reopen crossings "
                           "after talks hosted by Malaysia, but the two sides failed to agree on "
                           "pulling troops back.")
    assert _countries(actors, doc, "sides") == {"THA", "KHM"}


@pytest.mark.parametrize("text, word", [
    # a minister's counterpart holds the same office
    ("Egypt's foreign minister spoke after talks with his visiting Sudanese counterpart.\n\nAt the "
     "meeting, the two ministers agreed to set up a committee.", "ministers"),
    # those talks are held with are not the speakers
    ("Egypt and Sudan accused Ethiopia of filling the dam. Ethiopia's foreign ministry said Addis "
     "Ababa remained ready to resume talks with the two downstream governments.", "governments"),
])
def test_the_two_of_them_are_egypt_and_sudan(nlp, text, word):
    doc, actors = run(nlp, text)
    assert _countries(actors, doc, word) == {"EGY", "SDN"}


def test_the_two_governments_are_states_the_article_names_most_not_a_states_rebels(nlp):
    doc, actors = run(nlp, "Iraq's foreign ministry summoned Turkey's ambassador after a Turkish strike "
                           "on the PKK. Iraq demanded an apology. The PKK said it had lost four men. "
                           "Ankara said the operation would go on. PKK fighters fled. Turkish jets "
                           "returned. The PKK mourned. Prices rose. The weather was fine. The incident "
                           "comes after the two governments signed a water agreement.")
    assert _countries(actors, doc, "governments") == {"IRQ", "TUR"}
    assert {e.sector for e in actors.entities_for(tok(doc, "governments"))} == {"GOV"}


def test_an_object_pronoun_is_not_the_subject_its_participle_takes_from_its_clause(nlp):
    doc, actors = run(nlp, "Moldova on Wednesday ordered three Russian diplomats to leave the country, "
                           "accusing them of helping to run a disinformation campaign.")
    assert _countries(actors, doc, "them") == {"RUS"}
