"""Choosing among the candidates of a place name: priors, context, hierarchy and nearness.

Every candidate gets a score in log10-population units (so a bonus of 1 is worth "ten times
bigger"); the highest wins. The weights are module constants so they are tuned in one place.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import ALIAS, ALTERNATE, Gazetteer, Place, demonyms, key

FEATURE_BONUS = {"country": 3.0, "continent": 2.5, "region": 3.0, "sea": 3.0,
                 "admin1": 1.0, "admin2": 0.0, "city": 0.0}
NO_POPULATION = 7.0  # regions and seas: rank as a large place
CAPITAL_BONUS = 1.5  # national capitals: "Washington", "Paris", "Moscow"
MATCH_BONUS = {0: 0.5, ALTERNATE: -1.0, ALIAS: 4.0}  # primary name, alternate name, alias
CONTEXT_PRESENT = 1.5  # the candidate's country is mentioned in the article
CONTEXT_SHARE = 1.0  # ... times its share of the article's country mentions
CONTEXT_ADMIN1 = 2.0  # the candidate's admin1 is mentioned in the article
WITHIN_BONUS = 6.0  # "Springfield, Illinois": inside the named parent
SAME_NAME_CITY = 3.0  # "Kharkiv" is the city, not the oblast, unless "Kharkiv region"
NEAR_BONUS = ((50.0, 2.0), (200.0, 1.5), (500.0, 0.5))  # km to nearest article place -> bonus
# Spatial coherence: local news names places that lie together. A candidate gains this much for
# each other name of the article (up to COHERENT_NAMES of them) that has a plausible reading
# (within PLAUSIBLE_SPAN of that name's best) within COHERENT_KM of it.
COHERENCE_BONUS = 1.5
COHERENT_NAMES = 2
COHERENT_KM = 100.0
PLAUSIBLE_SPAN = 2.0
KM_PER_DEGREE = 111.2

# Words after a name that ask for an administrative division ("Kharkiv region").
ADMIN_WORDS = {"region", "oblast", "province", "state", "governorate", "prefecture", "district",
               "territory", "krai", "kray", "county", "parish", "municipality", "department"}
COUNTY_WORDS = {"county", "parish", "district", "municipality"}
_ADMIN_TAIL = re.compile(r"^(.*\S)\s+(" + "|".join(sorted(ADMIN_WORDS)) + r")$", re.IGNORECASE)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Scored:
    place: Place
    score: float


def coherence(ranked: Mapping[str, list[Scored]]) -> dict[int, int]:
    """For each city or county reading (by ``id``), how many *other* names of the article have
    a plausible reading within COHERENT_KM of it ("Rogersville", "Greene County" and
    "Webster County" all have one near Springfield, Missouri). The same place under another
    name is no support: "Mexico City" is not evidence that "Mexico" means the city."""
    points = sorted((s.place.lat, s.place.lon, name, id(s.place))
                    for name, scored in ranked.items() for s in _plausible(scored))
    lats = [p[0] for p in points]
    reach = COHERENT_KM / KM_PER_DEGREE
    support: dict[int, int] = {}
    for name, scored in ranked.items():
        if len(scored) < 2:  # support cannot change an unambiguous name
            continue
        for s in scored:
            if s.place.feature not in ("city", "admin2"):
                continue
            here, ident = (s.place.lat, s.place.lon), id(s.place)
            lo, hi = bisect_left(lats, here[0] - reach), bisect_right(lats, here[0] + reach)
            near = {other for lat, lon, other, place in points[lo:hi]
                    if other != name and place != ident
                    and distance_km(here, (lat, lon)) <= COHERENT_KM}
            if near:  # a place read under two names keeps its better support
                support[ident] = max(support.get(ident, 0), len(near))
    return support


def _plausible(scored: list[Scored]) -> list[Scored]:
    """The city and county readings of a name close enough to its best to be what it means."""
    if not scored:
        return []
    floor = scored[0].score - PLAUSIBLE_SPAN
    return [s for s in scored if s.score >= floor and s.place.feature in ("city", "admin2")]


def prior(place: Place, how: int) -> float:
    """Context-free score: population (log), feature type, capital, how the name matched."""
    base = math.log10(place.population + 10) if place.population else NO_POPULATION
    if place.feature == "admin2":
        base = min(base, 5.0)
    return (base + FEATURE_BONUS.get(place.feature, 0.0)
            + (CAPITAL_BONUS if place.capital else 0.0) + MATCH_BONUS[how])


def admin_key(place: Place) -> str | None:
    """The context key of a place's admin1 ("USA.TX"), when it has one."""
    return f"{place.iso3}.{place.admin1}" if place.iso3 and place.admin1 else None


def rank(gaz: Gazetteer, name: str, *, context: Counter[str] | None = None,
         near: Sequence[tuple[float, float]] = (),
         within: Place | None = None, support: Mapping[int, int] | None = None) -> list[Scored]:
    """All candidates for ``name``, best first.

    ``context`` counts ISO3 codes (and "ISO3.ADMIN1" keys) the article mentions; ``near`` are
    points of other places in the article; ``within`` is a named parent ("..., Illinois");
    ``support`` counts, per reading (``id``), the article's other names near it (``coherence``).
    A trailing admin word ("Kharkiv region") restricts the answer to divisions.
    """
    name = name.strip()
    if within is None and "," in name:
        head, _, tail = name.partition(",")
        parent = rank(gaz, tail, context=context)
        if parent and parent[0].place.feature in ("country", "admin1", "admin2"):
            return rank(gaz, head, context=context, near=near, within=parent[0].place,
                        support=support)
    readings = _readings(gaz, name)
    if not readings:
        return []
    context = context or Counter()
    countries = {k: v for k, v in context.items() if "." not in k}
    total = sum(countries.values()) or 1
    scored: dict[int, Scored] = {}
    for place, base in readings:
        score = base
        if place.iso3 and place.iso3 in countries:
            score += CONTEXT_PRESENT + CONTEXT_SHARE * countries[place.iso3] / total
        akey = admin_key(place)
        if akey and akey in context:
            score += CONTEXT_ADMIN1
        if within is not None:
            score += WITHIN_BONUS if _inside(place, within) else 0.0
        if near and place.feature in ("city", "admin2", "admin1"):
            d = min(distance_km((place.lat, place.lon), p) for p in near)
            score += next((bonus for km, bonus in NEAR_BONUS if d <= km), 0.0)
        if support:
            score += COHERENCE_BONUS * min(COHERENT_NAMES, support.get(id(place), 0))
        ident = id(place)
        if ident not in scored or scored[ident].score < score:
            scored[ident] = Scored(place, score)
    return sorted(scored.values(), key=lambda s: -s.score)


@lru_cache(maxsize=65536)  # an article resolves each name three times; corpora repeat names
def _readings(gaz: Gazetteer, name: str) -> tuple[tuple[Place, float], ...]:
    """What ``name`` can mean before context: each place with its context-free score."""
    found = gaz.lookup(name)
    iso3 = demonyms().get(key(name))
    country = gaz.country(iso3) if iso3 else None
    if country is not None:  # asked for "Russian" as a place: the country
        found = [(country, ALIAS)] + found
    elif key(name) in gaz.adjectives:  # "European" asked for as a place: Europe
        found = [(gaz.places[gaz.adjectives[key(name)]], ALIAS)] + found
    admin_word = None
    whole = any(how == ALIAS or p.feature in ("country", "continent", "region", "sea")
                for p, how in found)
    if not whole:
        m = _ADMIN_TAIL.match(name)
        if m and m.group(1).strip().lower() not in ("the",):
            admin_word = m.group(2).lower()
            base = gaz.lookup(m.group(1))
            found = [(p, how) for p, how in found if p.feature in ("admin1", "admin2")] + base
    if admin_word and found:
        found = _divisions(gaz, found, county=admin_word in COUNTY_WORDS)
    name_key = key(name)
    big_city_countries = {p.iso3 for p, _ in found
                          if p.feature == "city" and p.population >= 100_000 and key(p.name) == name_key}
    scored = []
    for place, how in found:
        score = prior(place, how)
        if (place.feature == "admin1" and not admin_word and how != ALIAS
                and place.iso3 in big_city_countries):
            score -= SAME_NAME_CITY
        scored.append((place, score))
    return tuple(scored)


def _inside(place: Place, parent: Place) -> bool:
    if place is parent:
        return False
    if parent.feature == "country":
        return place.iso3 == parent.iso3
    return place.iso3 == parent.iso3 and place.admin1 == parent.admin1


def _divisions(gaz: Gazetteer, found: list[tuple[Place, int]], *,
               county: bool) -> list[tuple[Place, int]]:
    """Keep divisions; a city stands for the division it is in ("Kursk region")."""
    wanted = ("admin2", "admin1") if county else ("admin1", "admin2")
    out = [(p, how) for p, how in found if p.feature in wanted]
    if out:
        return out
    for p, how in found:
        if p.feature == "city":
            parent = gaz.admin1(p.iso3, p.admin1)
            if parent is not None:
                out.append((parent, how))
    return out or found
