"""The geocoder's behaviours on names alone (no spaCy)."""

from __future__ import annotations

from collections import Counter

import pytest

from tidings.places import Geocoder, distance_km


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.default()


def test_anchorage_is_in_alaska(geo):
    loc = geo.resolve("Anchorage")
    assert (loc.country, loc.admin1, loc.feature) == ("USA", "Alaska", "city")
    assert distance_km((loc.lat, loc.lon), (61.2181, -149.9003)) < 10


@pytest.mark.parametrize("name", ["Kyiv", "Kiev"])
def test_kyiv_spellings(geo, name):
    loc = geo.resolve(name)
    assert (loc.name, loc.country, loc.geonameid) == ("Kyiv", "UKR", 703448)


def test_washington_is_dc_unless_state(geo):
    assert geo.resolve("Washington").admin1 == "Washington, D.C."
    state = geo.resolve("Washington state")
    assert (state.feature, state.admin1) == ("admin1", "Washington")


def test_regions_and_territories(geo):
    assert geo.resolve("Gaza").country == "PSE"
    assert geo.resolve("the West Bank").feature == "admin1"
    assert geo.resolve("Donbas").country == geo.resolve("Donbass").country == "UKR"
    assert geo.resolve("Crimea").country == "UKR"
    # breakaway regions are of the state that claims them
    assert [geo.resolve(n).country for n in ("Transnistria", "South Ossetia", "Somaliland")] == ["MDA", "GEO", "SOM"]


@pytest.mark.parametrize("name,country", [("Kharkiv region", "UKR"), ("Kursk region", "RUS")])
def test_admin_word_asks_for_the_division(geo, name, country):
    loc = geo.resolve(name)
    assert (loc.feature, loc.country) == ("admin1", country)
    assert geo.resolve(name.split()[0]).feature == "city"  # bare name: the city


def test_eastern_ukraine_is_the_country_with_a_qualifier_placed_in_its_east(geo):
    loc = geo.resolve("eastern Ukraine")
    whole = geo.resolve("Ukraine")
    assert (loc.country, loc.feature, loc.qualifier) == ("UKR", "country", "eastern")
    assert loc.lon > whole.lon + 3  # east of the country's centre, near Kharkiv and Donetsk
    assert distance_km((loc.lat, loc.lon), (48.5, 37.5)) < distance_km((whole.lat, whole.lon), (48.5, 37.5)) / 3


@pytest.mark.parametrize("name, check", [
    ("northern Kenya", lambda part, whole: part.lat > whole.lat),
    ("southern Lebanon", lambda part, whole: part.lat < whole.lat),
    ("western Ukraine", lambda part, whole: part.lon < whole.lon),
])
def test_a_direction_word_places_the_part_of_the_country(geo, name, check):
    part, whole = geo.resolve(name), geo.resolve(name.split()[1])
    assert part.qualifier == name.split()[0] and check(part, whole)


def test_a_word_naming_no_direction_leaves_the_place_as_it_is(geo):
    part, whole = geo.resolve("upper Egypt"), geo.resolve("Egypt")
    assert part.qualifier == "upper" and (part.lat, part.lon) == (whole.lat, whole.lon)


def test_paris_follows_context(geo):
    assert geo.resolve("Paris").country == "FRA"
    assert geo.resolve("Paris", context=Counter({"USA": 3})).country == "FRA"
    texas = geo.resolve("Paris", context=Counter({"USA": 2, "USA.TX": 1}))
    assert (texas.country, texas.admin1) == ("USA", "Texas")


def test_georgia_follows_context(geo):
    assert geo.resolve("Georgia", context=Counter({"GEO": 2})).country == "GEO"
    state = geo.resolve("Georgia", context=Counter({"USA": 2, "USA.GA": 1}))
    assert (state.country, state.feature) == ("USA", "admin1")


def test_near_prefers_the_close_candidate(geo):
    # Springfield: the Missouri one is the biggest; near Chicago it is the Illinois one
    assert geo.resolve("Springfield", near=(41.88, -87.63)).admin1 == "Illinois"


@pytest.mark.parametrize("name,admin1", [("Springfield, Illinois", "Illinois"),
                                         ("Springfield, Mass.", "Massachusetts"),
                                         ("Anchorage, Alaska", "Alaska")])
def test_admin_hierarchy(geo, name, admin1):
    assert geo.resolve(name).admin1 == admin1


def test_demonym_asked_as_a_place_is_the_country(geo):
    assert geo.resolve("Russian").country == "RUS"


def test_candidates_and_unknown(geo):
    cands = geo.candidates("Paris")
    assert len(cands) > 3 and cands[0].country == "FRA"
    assert geo.resolve("Xqzzyville") is None


def test_a_name_is_not_its_own_context(geo):
    # "Alexandria" repeated must not vote for Egypt: read with the article's other places
    # (Washington, Arlington) it is the Virginia city.
    from tidings.places import Toponym

    names = ["Alexandria", "Washington", "Alexandria", "Arlington, Virginia", "Alexandria"]
    mentions, at = [], 0
    for name in names:
        mentions.append(Toponym(at, at + len(name), name, name))
        at += len(name) + 10
    mentions[3].name, mentions[3].parent = "Arlington", "Virginia"
    found = geo.locate(mentions)
    assert [loc.admin1 for loc in found if loc.name == "Alexandria"] == ["Virginia"] * 3


def _mentions(*names: str, labels: dict[str, str] | None = None):
    """Toponyms for ``names`` laid out one after another, as an article's mentions."""
    from tidings.places import Toponym

    mentions, at = [], 0
    for name in names:
        mentions.append(Toponym(at, at + len(name), name, name,
                                label=(labels or {}).get(name)))
        at += len(name) + 10
    return mentions


def test_unknown_street_is_placed_at_the_article_focus(geo):
    # A street the gazetteer lacks, in an article about Belfast, stands at Belfast.
    found = geo.locate(_mentions("Belfast", "McCandless Street", "Belfast", "Lisburn"))
    street = found[1]
    assert (street.feature, street.name, street.text) == ("vicinity", "Belfast", "McCandless Street")
    assert street.geonameid is None and street.score == 0.0


def test_no_vicinity_for_unknown_gpe_open_water_or_international_story(geo):
    # An unknown GPE is more often a mislabelled person; open water is off the towns.
    local = geo.locate(_mentions("Belfast", "Saakashvili", "East Sea Shoal", "Belfast",
                                 labels={"Saakashvili": "GPE", "East Sea Shoal": "LOC"}))
    assert local[1] is None and local[2] is None
    # No country holds half the article's places: no focus to fall back on.
    world = geo.locate(_mentions("Moscow", "Kyiv", "Ankara", "Ciragan Palace", "Moscow",
                                 "Washington"))
    assert world[3] is None


def test_unknown_name_holding_a_major_place_stands_there(geo):
    found = geo.locate(_mentions("University of California", "Colorado State University"))
    assert [(loc.name, loc.feature) for loc in found] == [("California", "admin1"),
                                                          ("Colorado", "admin1")]
    assert found[0].text == "University of California"


def test_names_of_a_local_story_lie_together(geo):
    # Alone, "Rogersville" is the Tennessee town and "Greene County" the Ohio one; named
    # together with "Webster County", all three are the Missouri ones (spatial coherence).
    assert geo.resolve("Rogersville").admin1 == "Tennessee"
    found = geo.locate(_mentions("Rogersville", "Greene County", "Webster County"))
    assert [loc.admin1 for loc in found] == ["Missouri"] * 3


def test_an_ambiguous_name_still_votes_for_its_only_country(geo):
    # "Henry County" is several US counties but certainly the USA: with it, "Paris" is not
    # the French capital.
    assert geo.resolve("Paris").country == "FRA"
    found = geo.locate(_mentions("Paris", "Henry County"))
    assert (found[0].country, found[0].admin1) == ("USA", "Tennessee")


def test_the_same_place_under_another_name_is_no_support(geo):
    # "Mexico City" and "Puebla" lie together, but "Mexico" is still the country.
    found = geo.locate(_mentions("Mexico", "Mexico City", "Puebla"))
    assert (found[0].name, found[0].feature) == ("Mexico", "country")


@pytest.mark.parametrize("name,expected", [("European Union", ("Europe", "continent")),
                                           ("Soviet Union", ("Russia", "country")),
                                           ("Central America", ("Central America", "region"))])
def test_news_names_of_unions_and_regions(geo, name, expected):
    loc = geo.resolve(name)
    assert (loc.name, loc.feature) == expected


def test_national_capitals_are_known(geo):
    assert geo.is_capital(geo.resolve("Rome")) and geo.is_capital(geo.resolve("Kyiv"))
    assert not geo.is_capital(geo.resolve("Anchorage"))
