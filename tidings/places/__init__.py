"""The PLACES stage: find place mentions in a ``Doc`` and geocode them (-> ``Location``).

>>> geo = Geocoder.default()
>>> geo.resolve("Anchorage").admin1
'Alaska'

See docs/places.md for the gazetteer, the scoring and measured accuracy.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from ..model import Location
from . import gazetteer as _gazetteer
from .find import QUALIFIERS, Toponym, inner_place, toponyms
from .gazetteer import Gazetteer, Place, key
from .parts import Parts
from .resolve import Scored, coherence, distance_km, rank

__all__ = ["Geocoder", "Location", "Toponym", "distance_km"]

# A mention counts towards the article's own context (and anchors nearness) when its best
# reading beats the runner-up by this margin (log10-population units).
CONFIDENT_MARGIN = 1.5
# The feature of a mention the gazetteer does not know, placed at the article's focus.
VICINITY = "vicinity"
FOCUS_COUNTRY_WEIGHT = 0.25  # a same-country mention's support for the article's focus city
FOCUS_COUNTRY_SHARE = 0.5  # an article has a focus when this share of its places is in one country
# Last words of open-water names, which the vicinity of a town does not describe.
# A village of a country the article never names, far from all its other places, is another
# place of that name the gazetteer does not hold ("Bambui" in Cameroon read as Bambuí, Brazil).
OUTLIER_POPULATION = 50_000
OUTLIER_KM = 2_000.0
OPEN_WATER = {"sea", "ocean", "shoal", "strait", "straits", "gulf", "channel", "reef"}
_lock = threading.Lock()


class Geocoder:
    """Resolves place names against the packaged gazetteer."""

    _default: Geocoder | None = None

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.parts = Parts(gaz)

    @classmethod
    def default(cls) -> Geocoder:
        """The process-wide geocoder (built or loaded from the user cache on first use)."""
        with _lock:
            if cls._default is None:
                cls._default = cls(_gazetteer.load())
            return cls._default

    # -- single names --------------------------------------------------------------------
    def candidates(self, name: str) -> list[Location]:
        """Every place ``name`` can mean, most likely first (no context)."""
        return [self._location(s.place, score=s.score) for s in rank(self.gaz, name)]

    def resolve(self, name: str, *, context: Counter[str] | None = None,
                near: tuple[float, float] | None = None) -> Location | None:
        """The place ``name`` most likely means, given the article's countries (``context``,
        ISO3 codes; "ISO3.ADMIN1" keys also count) and a point of the article (``near``)."""
        ranked = rank(self.gaz, name, context=context, near=[near] if near else ())
        qualifier = None
        if not ranked:  # "eastern Ukraine": a part of a place
            first, _, rest = name.strip().partition(" ")
            if first.lower() in QUALIFIERS and rest:
                qualifier = first.lower()
                ranked = rank(self.gaz, rest, context=context, near=[near] if near else ())
        loc = self._best(ranked)
        return self._in_part(loc.model_copy(update={"qualifier": qualifier})) if loc and qualifier else loc

    def is_capital(self, loc: Location) -> bool:
        """Whether a geocoded place is a national capital."""
        return loc.geonameid is not None and any(
            place.capital and place.geonameid == loc.geonameid for place, _ in self.gaz.lookup(loc.name))

    # -- documents -----------------------------------------------------------------------
    def toponyms(self, doc: Doc) -> list[Toponym]:
        """The place mentions of ``doc`` before resolution."""
        return toponyms(doc, self.gaz)

    def find(self, doc: Doc, context: Counter[str] | None = None) -> list[Location]:
        """Every place mention in ``doc`` that resolves, in document order, with its span."""
        found = self.toponyms(doc)
        return [loc for loc in self.locate(found, context) if loc is not None]

    def locate(self, mentions: Sequence[Toponym],
               context: Counter[str] | None = None) -> list[Location | None]:
        """Resolve the mentions of one article together.

        Pass 1 reads each mention alone; its confident readings add their countries and
        admin1s to ``context`` (an ambiguous name whose likely readings share one country adds
        that country). Pass 2 resolves every mention with that context, and pass 3 again with
        the points of the other confident places (nearness) and the spatial coherence of every
        name's plausible readings (``coherence``).
        """
        ctx: Counter[str] = Counter(context or {})
        first = [self._rank(t, None, ()) for t in mentions]
        # A name's own readings are no evidence for it: "Alexandria" four times in a Virginia
        # story must not vote four times for Egypt. Each name is read with the context of the
        # article's *other* names.
        own: dict[str, Counter[str]] = {}
        for t, ranked in zip(mentions, first, strict=True):
            keys = _context_keys(ranked[0].place) if _confident(ranked) else _one_country(ranked)
            if keys:
                ctx.update(keys)
                own.setdefault(key(t.name), Counter()).update(keys)
        contexts = {name: ctx - keys for name, keys in own.items()}
        second = [self._rank(t, contexts.get(key(t.name), ctx), ()) for t in mentions]
        anchors: list[tuple[int, tuple[float, float]]] = [
            (i, (r[0].place.lat, r[0].place.lon)) for i, r in enumerate(second)
            if _confident(r) and r[0].place.feature in ("city", "admin2")]
        readings: dict[str, list[Scored]] = {}
        for t, ranked in zip(mentions, second, strict=True):
            readings.setdefault(key(t.name), ranked)
        support = coherence(readings)
        out: list[Location | None] = []
        for i, t in enumerate(mentions):
            name = key(t.name)
            near = [p for j, p in anchors if j != i and key(mentions[j].name) != name]
            supported = any(id(s.place) in support for s in second[i])
            ranked = (self._rank(t, contexts.get(name, ctx), near, support)
                      if near or supported else second[i])
            loc = None if _far_stray(ranked, contexts.get(name, ctx), near) else self._best(ranked)
            if loc is None and _vicinity_worthy(t):
                loc = self._inner(t, contexts.get(name, ctx))
            out.append(self._in_part(_as_mentioned(loc, t)) if loc is not None else None)
        return self._vicinities(mentions, out)

    def _inner(self, t: Toponym, ctx: Counter[str]) -> Location | None:
        """An unknown name that holds a major place's name ("Colorado State University",
        "University of California") stands at that place."""
        inner = inner_place(t.name, self.gaz)
        return self._best(rank(self.gaz, inner, context=ctx)) if inner else None

    def _vicinities(self, mentions: Sequence[Toponym],
                    located: list[Location | None]) -> list[Location | None]:
        """Place the mentions the gazetteer does not know ("Royal Street", "Barclays Center",
        "Faubourg Marigny": streets, buildings, neighbourhoods) at the article's focus.

        News names such places around the town it is about, so the city or county its other
        mentions support most (``_focus``) is a fair point for them (feature "vicinity",
        score 0).
        """
        focus = _focus(located)
        if focus is None:
            return located
        return [loc if loc is not None or not _vicinity_worthy(t) else
                _as_mentioned(focus, t, feature=VICINITY, geonameid=None, score=0.0, qualifier=None)
                for t, loc in zip(mentions, located, strict=True)]

    # -- helpers -------------------------------------------------------------------------
    def _rank(self, t: Toponym, ctx: Counter[str] | None, near: Sequence[tuple[float, float]],
              support: Mapping[int, int] | None = None) -> list[Scored]:
        within: Place | None = None
        if t.parent:
            parent = rank(self.gaz, t.parent, context=ctx)
            if parent and parent[0].place.feature in ("country", "admin1"):
                within = parent[0].place
        return rank(self.gaz, t.name, context=ctx, near=near, within=within, support=support)

    def _best(self, ranked: list[Scored]) -> Location | None:
        if not ranked:
            return None
        margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else 10.0
        return self._location(ranked[0].place, score=round(margin, 3))

    def _in_part(self, loc: Location) -> Location:
        """A country or province named with a direction ("eastern Ukraine") at that part."""
        if not loc.qualifier or loc.feature not in ("country", "admin1") or not loc.country:
            return loc
        point = self.parts.point(loc.country, loc.qualifier, loc.name if loc.feature == "admin1" else None)
        return loc if point is None else loc.model_copy(update={"lat": point[0], "lon": point[1]})

    def _location(self, place: Place, *, score: float | None = None) -> Location:
        if place.feature == "admin1":
            admin1 = place.name
        else:
            parent = self.gaz.admin1(place.iso3, place.admin1)
            admin1 = parent.name if parent is not None else None
        return Location(name=place.name, country=place.iso3, admin1=admin1, lat=place.lat,
                        lon=place.lon, geonameid=place.geonameid, feature=place.feature,
                        score=score)


def _as_mentioned(loc: Location, t: Toponym, **changes: object) -> Location:
    """``loc`` where the article names it: the mention's words, offsets and qualifier."""
    return loc.model_copy(update={"text": t.text, "start_char": t.start_char,
                                  "end_char": t.end_char, "qualifier": t.qualifier, **changes})


def _far_stray(ranked: list[Scored], ctx: Counter[str], near: Sequence[tuple[float, float]]) -> bool:
    """The best reading is a small town of a country the article's other names never point to,
    thousands of kilometres from all of them."""
    if not ranked or not near:
        return False
    place = ranked[0].place
    return (place.feature == "city" and place.population < OUTLIER_POPULATION and not place.capital
            and ctx[place.iso3 or ""] == 0 and any("." not in k for k in ctx)
            and min(distance_km((place.lat, place.lon), p) for p in near) > OUTLIER_KM)


def _vicinity_worthy(t: Toponym) -> bool:
    """Whether an unknown mention is still a place: the gazetteer has no streets, buildings or
    rivers, so an unknown facility or location is expected; an unknown GPE is more often a
    person or organisation the model mislabelled ("Saakashvili", "Buhari"). Open water
    ("East China Sea", "Scarborough Shoal") lies off the towns an article names."""
    last = t.name.split()[-1].lower() if t.name.split() else ""
    return t.source == "ner" and t.label != "GPE" and last not in OPEN_WATER


def _focus(located: Sequence[Location | None]) -> Location | None:
    """The city or county an article is about: the one its mentions support most.

    Support is the place's own mentions, plus the article's other mentions in the same admin1
    and (at a quarter weight) the same country, so a cluster of Virginia towns outweighs a
    house named "Norbury" mentioned three times. The first place wins a tie.
    """
    places = [loc for loc in located if loc is not None and loc.feature != VICINITY]
    by_admin1 = Counter((loc.country, loc.admin1) for loc in places if loc.admin1)
    by_country = Counter(loc.country for loc in places if loc.country)
    by_spot = Counter((loc.name, loc.lat, loc.lon) for loc in places)
    best: Location | None = None
    best_support = 0.0
    for loc in places:
        if loc.feature not in ("city", "admin2"):
            continue
        own = by_spot[(loc.name, loc.lat, loc.lon)]
        same_admin1 = by_admin1[(loc.country, loc.admin1)] - own if loc.admin1 else 0
        same_country = by_country[loc.country] - own - same_admin1 if loc.country else 0
        support = own + same_admin1 + FOCUS_COUNTRY_WEIGHT * same_country
        if support > best_support:
            best, best_support = loc, support
    if best is None or by_country[best.country] < FOCUS_COUNTRY_SHARE * len(places):
        return None  # an international story: its most named city is often an actor
    return best


def _confident(ranked: list[Scored]) -> bool:
    if not ranked:
        return False
    return len(ranked) == 1 or ranked[0].score - ranked[1].score >= CONFIDENT_MARGIN


def _one_country(ranked: list[Scored]) -> list[str]:
    """The country of an ambiguous name whose likely readings all lie in one country
    ("Henry County", "Greene County": several US counties, but certainly the USA)."""
    if not ranked or not ranked[0].place.iso3:
        return []
    floor = ranked[0].score - CONFIDENT_MARGIN
    countries = {s.place.iso3 for s in ranked if s.score >= floor}
    return [ranked[0].place.iso3] if len(countries) == 1 else []


def _context_keys(place: Place) -> list[str]:
    keys = [place.iso3] if place.iso3 else []
    if place.iso3 and place.admin1 and place.feature != "country":
        keys.append(f"{place.iso3}.{place.admin1}")
    return keys
