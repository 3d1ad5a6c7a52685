"""Role mentions without names: where their country and sector come from."""

from __future__ import annotations

import pytest
from actor_helpers import codes, run, tok


@pytest.mark.parametrize("text, word, expected", [
    ("The American president spoke.", "president", ["USAGOV"]),
    ("Russia's president spoke.", "president", ["RUSGOV"]),
    ("The president of Ukraine spoke.", "president", ["UKRGOV"]),
    ("The Ukrainian leader spoke.", "leader", ["UKRGOV"]),
    ("The U.S. administration spoke.", "administration", ["USAGOV"]),
    ("Beijing's foreign ministry spoke.", "ministry", ["CHNGOV"]),
    ("The Russian defence ministry spoke.", "ministry", ["RUSGOV"]),
    ("Russian forces advanced.", "forces", ["RUSMIL"]),
    ("Russian troops advanced.", "troops", ["RUSMIL"]),
    ("Ukrainian officials spoke.", "officials", ["UKRGOV"]),
    ("Israeli soldiers advanced.", "soldiers", ["ISRMIL"]),
    ("Police in Kenya arrested a man.", "Police", ["KENCOP"]),
    ("Kremlin officials spoke.", "officials", ["RUSGOV"]),
    ("Houthi fighters attacked a ship.", "fighters", ["YEMREB"]),
    ("The Hamas-run health ministry spoke.", "ministry", ["PSEGOV"]),
    ("EU foreign ministers met.", "ministers", ["EUR"]),
    ("An Ethiopian militia attacked the town.", "militia", ["ETHREB"]),  # an armed group, not unknown
    ("Two Palestinian suicide bombers struck.", "bombers", ["PSEUAF"]),
    ("Washington consulted its NATO allies.", "allies", ["NATO"]),
    ("A press-freedom group protested.", "group", ["NGOSOC"]),  # hyphenated, as listed without
])
def test_role_takes_its_country(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("Police fired tear gas.", "Police", ["COP"]),
    ("Rebels attacked the town.", "Rebels", ["REB"]),
    ("Militants attacked the town.", "Militants", ["REB"]),
    ("Insurgents attacked the town.", "Insurgents", ["REB"]),
    ("Protesters gathered.", "Protesters", ["CVL"]),
    ("Demonstrators gathered.", "Demonstrators", ["CVL"]),
    ("Opposition protesters gathered.", "protesters", ["OPP"]),
    ("Lawmakers voted.", "Lawmakers", ["LEG"]),
    ("The parliament voted.", "parliament", ["LEG"]),
    ("The court ruled.", "court", ["JUD"]),
    ("Journalists fled.", "Journalists", ["JRN"]),
    ("Doctors fled.", "Doctors", ["MED"]),
    ("Companies fled.", "Companies", ["BUS"]),
    ("Refugees fled.", "Refugees", ["REF"]),
    ("The rebel leader spoke.", "leader", ["REB"]),
])
def test_role_without_country_keeps_its_sector(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == expected


def test_sector_only_entity_has_no_country(nlp):
    doc, actors = run(nlp, "Police fired tear gas.")
    [ent] = actors.entities_for(doc[0])
    assert (ent.country, ent.sector, ent.code) == (None, "COP", "COP")


def test_conjoined_demonyms_give_two_actors(nlp):
    doc, actors = run(nlp, "Russian and Ukrainian officials met in Istanbul.")
    assert codes(actors, doc, "officials") == ["RUSGOV", "UKRGOV"]
    assert [m.kind for m in actors.mentions] == ["role", "role"]


def test_words_that_need_an_owner(nlp):
    doc, actors = run(nlp, "Both sides used force. A new administration said nothing.")
    assert codes(actors, doc, "force") == []
    assert codes(actors, doc, "administration") == []


def test_bare_definite_home_role_is_a_countryless_actor(nlp):
    # "the army" is the article's own army: the event coder gives it the country
    doc, actors = run(nlp, "The army said the cabinet had met. An army of volunteers formed.")
    assert [e.code for e in actors.entities_for(doc[1])] == ["MIL"]
    assert codes(actors, doc, "cabinet") == ["GOV"]
    assert [e.code for e in actors.entities_for(doc[9])] == []


def test_former_official_is_elite(nlp):
    doc, actors = run(nlp, "A former Russian president criticised the war.")
    assert codes(actors, doc, "president") == ["RUSELI"]


@pytest.mark.parametrize("text, word, expected", [
    ("Russian drones struck Kharkiv.", "drones", ["RUSMIL"]),
    ("Israeli strikes hit Gaza.", "strikes", ["ISRMIL"]),
    ("Israeli airstrikes hit Gaza.", "airstrikes", ["ISRMIL"]),
    ("A Ukrainian drone attack hit a refinery.", "attack", ["UKRMIL"]),
    ("Russia's invasion began in 2022.", "invasion", ["RUSMIL"]),
    ("Hamas rockets fell on Israel.", "rockets", ["PSEREB"]),
    ("US sanctions hit the bank.", "sanctions", ["USAGOV"]),
    ("Rebels sank a Liberian-flagged bulk carrier.", "carrier", ["LBRBUS"]),
    ("Rebels attacked US vessels in the Red Sea.", "vessels", ["USA"]),
    ("The drones struck Kharkiv.", "drones", []),
    ("Russian troops advanced.", "troops", []),  # an actor itself: use entities_for
    ("Russian regions were flooded.", "regions", []),
])
def test_owner_of_weapons_and_attacks(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    target = next(t for t in doc if t.text == word)
    assert [e.code for e in actors.owner_of(target)] == expected
    if expected:
        assert actors.entities_for(target) == []


def test_owner_text_is_the_modifier(nlp):
    doc, actors = run(nlp, "Israeli airstrikes hit Gaza.")
    [owner] = actors.owner_of(doc[1])
    assert (owner.text, owner.start_char, owner.end_char) == ("Israeli", 0, 7)


def test_owner_of_other_nouns_is_left_to_entities_for(nlp):
    doc, actors = run(nlp, "Yemen rejected a U.S. request. Europe still buys Russian gas. "
                           "Zelensky arrived. His refusal angered Moscow.")
    assert actors.owner_of(tok(doc, "request")) == []
    assert actors.owner_of(tok(doc, "gas")) == []
    # asked about the modifier or possessor itself, entities_for gives its actor
    assert codes(actors, doc, "U.S.") == ["USA"]
    assert codes(actors, doc, "His") == ["UKRGOV"]


def test_stance_and_ethnic_words_block_the_country(nlp):
    doc, actors = run(nlp, "A prominent anti-Syria journalist was killed. Ethnic Albanians "
                           "protested in Serbia.")
    assert codes(actors, doc, "journalist") == ["JRN"]
    # an ethnic group: civilians of no country (the event coder places them where they act)
    assert codes(actors, doc, "Albanians") == ["CVL"]


@pytest.mark.parametrize("text, word, expected", [
    ("Bosnian Serbs demanded a truce.", "Serbs", ["BIHCVL"]),  # NER tags it PERSON
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk.", "Kurds", ["IRQCVL"]),  # no demonym entry
    ("The Albanians of southern Serbia are demanding autonomy.", "Albanians", ["SRB"]),
    ("Ethnic Albanians in Serbia protested.", "Albanians", ["SRBCVL"]),
])
def test_a_people_is_coded_by_the_country_it_lives_in(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # a person role with no sector of its own is of its owner's, even one named after it
    ("A member of the Syrian parliament started a hunger strike.", "member", ["SYRLEG"]),
    ("The head of the Russian delegation spoke.", "head", ["RUSGOV"]),
    ("U.S. border patrol agents abused migrants.", "agents", ["USACOP"]),
    ("Police agents arrested him.", "agents", []),  # an agent needs an owner
    ("A newspaper based in Beirut defied the ban.", "newspaper", ["JRN"]),
    ("Opposition groups in Zimbabwe are demanding reforms.", "groups", ["ZWEOPP"]),
    ("European Community foreign ministers agreed.", "ministers", ["EUR"]),
    ("The North Korean units fought in Kursk.", "units", ["PRKMIL"]),
    ("A Harare magistrate refused him bail.", "magistrate", ["ZWEJUD"]),
    ("Jihadist fighters overran the post.", "fighters", ["REB"]),  # fighters of a kind the modifier says
    ("Armed bandits stormed a school.", "bandits", ["CRM"]),
    ("A member of Russia's lower house of parliament spoke.", "member", ["RUSLEG"]),
    ("The Turkish Cypriot leader rejected the plan.", "leader", ["CYPGOV"]),  # a community of Cyprus
    ("The Pakistani military's media wing accused India.", "wing", ["PAK"]),
    ("The media wing accused India.", "wing", []),  # a wing needs an owner
])
def test_roles_of_members_agents_media_and_groups(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # a partially recognised entity is the claiming state's, sector PRE (the PLOVER manual)
    ("Tiraspol denied the reports.", "Tiraspol", ["MDAPRE"]),
    ("Somaliland signed a port deal.", "Somaliland", ["SOMPRE"]),
    # an autonomous region's officials are its state's government
    ("Tigray's interim administration accused Eritrea.", "administration", ["ETHGOV"]),
    ("Gaza's health ministry said 40 people died.", "ministry", ["PSEGOV"]),
    ("Erbil condemned the strike.", "Erbil", ["IRQGOV"]),
])
def test_regions_with_authorities_of_their_own(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == expected


def test_an_organisations_official_named_as_one_entity_is_not_opaque(nlp):
    # "the United Nations Emergency Relief Coordinator" is one ORG entity, but the UN's official
    doc, actors = run(nlp, "Kenzo Oshima, the United Nations Emergency Relief Coordinator, "
                           "demanded access.")
    assert codes(actors, doc, "Coordinator") == ["UNO"]


def test_a_titled_person_of_a_country(nlp):
    doc, actors = run(nlp, "King Hassan of Morocco said he would host a meeting.")
    assert codes(actors, doc, "Hassan") == ["MARGOV"]
    assert codes(actors, doc, "he") == ["MARGOV"]


def test_group_only_role(nlp):
    doc, actors = run(nlp, "The radical Palestinian Islamic Jihad movement rejected the "
                           "invitation. The movement grew.")
    assert codes(actors, doc, "movement") == ["PSEREB"]
    # a bare "the movement" takes up the group just named
    assert codes(actors, doc, "movement", 1) == ["PSEREB"]


def test_group_only_role_of_an_organisation(nlp):
    doc, actors = run(nlp, "The UNITA militarist wing refused. The Asia-Pacific Economic "
                           "Cooperation (APEC) forum agreed. The group said no.")
    assert codes(actors, doc, "wing") == ["AGOREB"]
    assert codes(actors, doc, "forum") == ["IGO"]
    # "the group" is the armed group, not the forum named since
    assert codes(actors, doc, "group") == ["AGOREB"]


def test_the_bloc_takes_up_the_one_intergovernmental_body_just_named(nlp):
    doc, actors = run(nlp, "The European Commission condemned Minsk. It said the bloc stood with Vilnius.")
    assert codes(actors, doc, "bloc") == ["EUR"]
    doc, actors = run(nlp, "ECOWAS and the African Union met. The bloc said no.")
    assert codes(actors, doc, "bloc") == []  # two bodies: either could be meant


def test_the_group_takes_up_the_one_group_just_named(nlp):
    doc, actors = run(nlp, "Rwanda denies arming the M23 rebel group. The group seized Goma.")
    assert codes(actors, doc, "group") == ["CODREB"]
    assert codes(actors, doc, "group", 1) == ["CODREB"]
    doc, actors = run(nlp, "Hamas and Hezbollah fired rockets. The group said it would go on.")
    assert codes(actors, doc, "group") == []
    doc, actors = run(nlp, "A group of students met in Goma. The group said it would go on.")
    assert codes(actors, doc, "group", 1) == []


def test_both_neighbours_are_the_two_countries_just_named(nlp):
    doc, actors = run(nlp, "India and Pakistan traded fire. The UN urged both nuclear-armed "
                           "neighbours to exercise restraint.")
    assert codes(actors, doc, "neighbours") == ["IND", "PAK"]
    doc, actors = run(nlp, "Pakistan warned its neighbours.")
    assert codes(actors, doc, "neighbours") == []  # "its" is the other side


def test_the_military_is_the_one_just_named(nlp):
    doc, actors = run(nlp, "The Myanmar military bombed rebel positions on Friday. The rebels accused "
                           "the military of bombing a monastery.")
    assert codes(actors, doc, "military", nth=1) == ["MMRMIL"]
    doc, actors = run(nlp, "Thailand's army and Cambodia's army clashed. The army said two soldiers died.")
    assert codes(actors, doc, "army", nth=2) == ["MIL"]  # either army: left to the article's own


def test_the_three_countries_are_the_articles_principal_states(nlp):
    doc, actors = run(nlp, "Egypt accused Ethiopia of breaking the law. Ethiopia rejected Egypt's letter. "
                           "Sudan backed Egypt. Ethiopia accused Sudan of siding with Cairo. The United "
                           "States urged restraint. The three countries signed a declaration in 2015.")
    assert sorted(e.country for e in actors.entities_for(tok(doc, "countries"))) == ["EGY", "ETH", "SDN"]


def test_officials_of_the_two_countries_are_of_both(nlp):
    doc, actors = run(nlp, "Japan and China traded accusations. Coast guard officials from the "
                           "two countries held a video call.")
    assert codes(actors, doc, "officials") == ["JPNGOV", "CHNGOV"]


def test_people_and_mediators_are_actors(nlp):
    doc, actors = run(nlp, "Police arrested 50 people. Egyptian mediators met Hamas.")
    assert codes(actors, doc, "people") == ["CVL"]
    assert codes(actors, doc, "mediators") == ["EGYGOV"]


@pytest.mark.parametrize("text, word, expected", [
    ("Reporters Without Borders called on the junta to reverse it.", "Reporters", ["NGOHRIMED"]),
    ("The ICRC said the convoy was hit.", "ICRC", ["NGOHLHIRC"]),
    ("An ICRC official said the convoy was hit.", "official", ["NGOHLHIRC"]),
    ("Press freedom groups condemned the move.", "groups", ["NGOSOC"]),
    ("Aid agencies asked for access.", "agencies", ["NGOSOC"]),
    ("Human rights organisations protested.", "organisations", ["NGOSOC"]),
    ("Kenyan rights groups protested.", "groups", ["KENSOC"]),  # a country of their own
])
def test_non_governmental_organisations(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == expected


@pytest.mark.parametrize("text, word", [
    ("Mali's government accused foreign media of spreading false information.", "media"),
    ("Several European governments condemned the plan.", "governments"),
])
def test_an_ownerless_role_from_abroad_is_no_actor(nlp, text, word):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == []


def test_a_role_whose_own_phrase_says_foreign_is_still_an_actor(nlp):
    doc, actors = run(nlp, "The foreign minister spoke.")
    assert codes(actors, doc, "minister") == ["GOV"]


@pytest.mark.parametrize("text, word, expected", [
    ("Student organisers set an ultimatum.", "organisers", ["EDU"]),
    ("Hezbollah supporters rode motorcycles.", "supporters", ["LBNREB"]),
    ("Pakistan closed its airspace. Its National Security Committee warned India.", "Committee",
     ["PAKGOV"]),
    ("US House Speaker Nancy Pelosi visited Taipei.", "Pelosi", ["USALEG"]),
    ("The European Union's enlargement commissioner urged Belgrade to act.", "commissioner", ["EUR"]),
    ("Opposition parties in Serbia called for new elections.", "parties", ["SRBOPP"]),
])
def test_more_role_words(nlp, text, word, expected):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == expected


def test_capitals_between_which_a_noun_runs_are_its_parties_not_places(nlp):
    doc, actors = run(nlp, "Relations between Washington and Caracas have been frozen.")
    assert codes(actors, doc, "Washington") == ["USAGOV", "VENGOV"]
    doc, actors = run(nlp, "Flights landed in Washington.")
    assert codes(actors, doc, "Washington") == []


def test_a_role_misparsed_as_the_modifier_of_a_coordinated_name_is_an_actor_apart(nlp):
    # the small model hangs "government" on "rebels" and "M23" on "government"
    doc, actors = run(nlp, "Residents greeted the declaration, two days after the Congolese "
                           "government and M23 rebels put their names to the document.")
    found = actors.entities_for(tok(doc, "rebels"))
    assert [(e.code, e.text) for e in found] == [
        ("CODGOV", "the Congolese government"), ("CODREB", "M23 rebels")]
    # "government and rebel forces": the modifier names no owner of its own, no split
    doc, actors = run(nlp, "Government and rebel forces clashed near Goma.")
    assert "GOV" not in {e.sector for e in actors.entities_for(tok(doc, "forces"))}


def test_the_two_sides_take_up_a_coordination_the_parser_split(nlp):
    doc, actors = run(nlp, "Residents greeted the declaration, two days after the Congolese "
                           "government and M23 rebels put their names to the document. Under "
                           "the declaration, the two sides promised to end hostilities.")
    assert sorted(codes(actors, doc, "sides")) == ["CODGOV", "CODREB"]


def test_a_definite_plural_role_takes_up_the_same_role_named_before(nlp):
    doc, actors = run(nlp, "Egyptian and Qatari mediators hosted a Hamas delegation in Cairo. "
                           "Officials said the mediators were pushing a proposal.")
    found = actors.entities_for(tok(doc, "mediators", 1))
    assert [e.code for e in found] == ["EGYGOV", "QATGOV"]
    assert {e.text for e in found} == {"the mediators"}  # provenance: the mention's own words
    # "the rebels": a named armed group counts as the rebels
    doc, actors = run(nlp, "The Houthis sank a ship on Monday. The rebels halted their attacks "
                           "on US vessels in May.")
    assert codes(actors, doc, "rebels") == ["YEMREB"]
    # two different sets of mediators just before: no guess
    doc, actors = run(nlp, "Egyptian mediators met Hamas, while Norwegian mediators met the ELN. "
                           "The mediators said talks would go on.")
    assert codes(actors, doc, "mediators", 2) == ["GOV"]


def test_the_group_takes_up_a_role_phrase_naming_one_armed_group(nlp):
    doc, actors = run(nlp, "Yemen's Houthi rebels said they had sunk a ship in the group's "
                           "first attacks this year.")
    assert codes(actors, doc, "group") == ["YEMREB"]



def test_a_role_from_a_country_is_of_that_country(nlp):
    doc, actors = run(nlp, "Delegations from Armenia and Azerbaijan held border talks in Tbilisi.")
    assert sorted(codes(actors, doc, "Delegations")) == ["ARMGOV", "AZEGOV"]


def test_a_mission_is_an_actor_only_as_a_named_organisations(nlp):
    doc, actors = run(nlp, "The United Nations mission in Colombia urged the armed groups to protect civilians.")
    assert codes(actors, doc, "mission") == ["UNO"]
    doc, actors = run(nlp, "The rescue mission ended on Monday.")
    assert codes(actors, doc, "mission") == []


def test_a_spokesman_with_no_owner_speaks_for_the_body_just_told_of(nlp):
    doc, actors = run(nlp, "China's military held a second day of exercises around Taiwan. A spokesman "
                           "warned Taiwan's president.")
    assert codes(actors, doc, "spokesman") == ["CHNMIL"]
    doc, actors = run(nlp, "ECOWAS urged the junta to hold elections. A spokesman for the junta "
                           "dismissed the call.")
    assert codes(actors, doc, "spokesman") != ["IGO"]
