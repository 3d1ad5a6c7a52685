"""Countries, capitals, demonyms, IGOs, groups and institutions, read from real sentences."""

from __future__ import annotations

import pytest
from actor_helpers import codes, run


def _subject(nlp, name: str) -> list[str]:
    doc, actors = run(nlp, f"{name} condemned the attack.")
    subjects = [t for t in doc if t.dep_ == "nsubj"]
    return [e.code for t in subjects for e in actors.entities_for(t)]


@pytest.mark.parametrize("name, code", [
    ("The U.S.", "USA"), ("The US", "USA"), ("America", "USA"), ("The United States", "USA"),
    ("The UK", "GBR"), ("Britain", "GBR"), ("South Korea", "KOR"), ("North Korea", "PRK"),
    ("Ivory Coast", "CIV"), ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Czechia", "CZE"),
    ("DR Congo", "COD"), ("Burma", "MMR"), ("Kosovo", "KOS"), ("The Netherlands", "NLD"),
])
def test_country_variants(nlp, name, code):
    assert _subject(nlp, name) == [code]


@pytest.mark.parametrize("name, code", [
    ("Moscow", "RUSGOV"), ("Kyiv", "UKRGOV"), ("Kiev", "UKRGOV"), ("Washington", "USAGOV"),
    ("Beijing", "CHNGOV"), ("Tehran", "IRNGOV"),
])
def test_capitals_stand_for_governments(nlp, name, code):
    assert _subject(nlp, name) == [code]


@pytest.mark.parametrize("name, code", [
    ("NATO", "NATO"), ("The European Union", "EUR"), ("The EU", "EUR"), ("The UN", "UNO"),
    ("The UN Security Council", "UNO"), ("The African Union", "AFU"), ("The IAEA", "IAE"),
    ("The ICC", "ICC"), ("The WHO", "WHO"), ("The IMF", "IMF"), ("The World Bank", "WBK"),
    ("The OSCE", "SCE"), ("ASEAN", "ASN"), ("The Arab League", "ARL"), ("The G7", "GOS"),
    ("OPEC", "OPC"),
])
def test_igos(nlp, name, code):
    assert _subject(nlp, name) == [code]


@pytest.mark.parametrize("name, code", [
    ("Hamas", "PSEREB"), ("Hezbollah", "LBNREB"), ("The Houthis", "YEMREB"),
    ("Islamic State", "IMGREB"), ("ISIS", "IMGREB"), ("Al-Shabaab", "SOMREB"),
    ("M23", "CODREB"), ("The RSF", "SDNREB"),
    ("The Kremlin", "RUSGOV"), ("The White House", "USAGOV"), ("The Pentagon", "USAMIL"),
    ("Downing Street", "GBRGOV"),
])
def test_groups_and_institutions(nlp, name, code):
    assert _subject(nlp, name) == [code]


def test_igo_entity_fields(nlp):
    doc, actors = run(nlp, "NATO warned Russia.")
    [nato] = actors.entities_for(doc[0])
    assert (nato.country, nato.sector, nato.code, nato.text) == ("NATO", "IGO", "NATO", "NATO")


def test_conjuncts_are_expanded(nlp):
    doc, actors = run(nlp, "The United States and Russia signed a deal with Britain, France "
                           "and Germany.")
    assert codes(actors, doc, "States") == ["USA", "RUS"]
    assert codes(actors, doc, "Russia") == ["USA", "RUS"]
    assert codes(actors, doc, "Britain") == ["GBR", "FRA", "DEU"]


def test_case_matters_for_short_names(nlp):
    doc, actors = run(nlp, "They told us that the WHO would help, but who knows.")
    assert codes(actors, doc, "us") == []
    assert codes(actors, doc, "WHO") == ["WHO"]
    assert codes(actors, doc, "who") == []


def test_capital_as_place_is_not_an_actor(nlp):
    doc, actors = run(nlp, "Talks in Moscow ended. Officials from Washington state arrived.")
    assert codes(actors, doc, "Moscow") == []
    assert codes(actors, doc, "Washington") == []
    assert actors.countries()["RUS"] == 1  # still context for the geocoder


def test_name_inside_a_person_or_region_is_not_a_country(nlp):
    doc, actors = run(nlp, "Jordan Peterson spoke in New Mexico about Latin America.")
    assert {m.entity.country for m in actors.mentions} <= {None}
    assert actors.countries() == {}


def test_demonym_alone_is_an_actor(nlp):
    doc, actors = run(nlp, "The Russians rejected the plan. Two Americans were detained.")
    assert codes(actors, doc, "Russians") == ["RUS"]
    assert codes(actors, doc, "Americans") == ["USACVL"]


@pytest.mark.parametrize("text, word", [
    ("Russian regions were flooded.", "regions"),
    ("Ukrainian territory was seized.", "territory"),
    ("The US dollar fell.", "dollar"),
    ("Russian gas flows stopped.", "flows"),
    ("Europe needs Russian gas.", "gas"),
])
def test_demonym_before_a_non_agent_is_not_an_actor(nlp, text, word):
    doc, actors = run(nlp, text)
    assert codes(actors, doc, word) == []
    assert all(m.kind != "demonym" for m in actors.mentions)


def test_unknown_organisation_name_is_not_a_role(nlp):
    doc, actors = run(nlp, "The Free Democratic Forces said they captured the town.")
    assert codes(actors, doc, "Forces") == []


def test_listed_group_inside_a_longer_name_is_another_group(nlp):
    # "National Liberation Army" is Colombia's ELN; the Ta'ang one is Myanmar's TNLA, and an
    # unlisted "X National Liberation Army" is no one rather than the ELN
    doc, actors = run(nlp, "The junta met the Ta'ang National Liberation Army. The Kuki National Liberation Army fled.")
    assert codes(actors, doc, "Army")[:1] == ["MMRREB"]
    assert "COLREB" not in {e.code for t in doc for e in actors.entities_for(t)}
    doc, actors = run(nlp, "Colombia's National Liberation Army attacked a pipeline.")
    assert codes(actors, doc, "Army") == ["COLREB"]


def test_countries_counts_the_article(nlp):
    doc, actors = run(nlp, "Russian troops entered Ukraine. Kyiv said Moscow lied. "
                           "Zelensky spoke to Macron.")
    counts = actors.countries()
    assert counts["UKR"] == 3 and counts["RUS"] == 2 and counts["FRA"] == 1


@pytest.mark.parametrize("name, country, code", [
    ("The African Union", "IGO", "AFU"), ("The IAEA", "IGO", "IAE"), ("UNICEF", "UNO", "KID"),
    ("The UN", "UNO", "UNO"), ("The EU", "EUR", "EUR"),
])
def test_igo_country_is_plovers_top_level_code(nlp, name, country, code):
    # PLOVER: UN agencies are UNO, other organisations IGO; the code stays CAMEO's
    doc, actors = run(nlp, f"{name} condemned the attack.")
    [entity] = [e for t in doc if t.dep_ == "nsubj" for e in actors.entities_for(t)]
    assert (entity.country, entity.code) == (country, code)


def test_an_ambiguous_capital_names_its_government_only_where_its_country_is_named(nlp):
    doc, actors = run(nlp, "Guyana accused Venezuela of massing troops. Georgetown welcomed the offer.")
    assert codes(actors, doc, "Georgetown") == ["GUYGOV"]
    doc, actors = run(nlp, "Georgetown welcomed the offer.")
    assert codes(actors, doc, "Georgetown") == []



@pytest.mark.parametrize("name, code", [
    ("Yoweri Museveni", "UGAGOV"), ("President Laurent Gbagbo", "CIVGOV"),
    ("Vice-President Moody Awori", "KENGOV"), ("Donald Trump", "USAGOV"),
])
def test_people_countryinfo_lists_are_named_leaders_yaml_wins(nlp, name, code):
    assert _subject(nlp, name) == [code]


def test_a_foreign_ministry_is_no_actor_from_abroad_but_foreign_media_are(nlp):
    doc, actors = run(nlp, "A foreign ministry spokesperson urged restraint.")
    assert codes(actors, doc, "spokesperson") == ["GOV"]
    doc, actors = run(nlp, "Foreign media reported the attack.")
    assert codes(actors, doc, "media") == []
