"""The PLACES stage: find place mentions in a ``Doc`` and geocode them (-> ``Location``).

>>> geo = Geocoder.default()
>>> geo.resolve("Anchorage").admin1
'Alaska'

See docs/places.md for the gazetteer, the scoring and measured accuracy.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Location
from . import gazetteer as _gazetteer
from .find import QUALIFIERS, Toponym, toponyms
from .gazetteer import Gazetteer, Place, key
from .resolve import Scored, distance_km, rank

__all__ = ["Geocoder", "Location", "Toponym", "distance_km"]

# A mention counts towards the article's own context (and anchors nearness) when its best
# reading beats the runner-up by this margin (log10-population units).
CONFIDENT_MARGIN = 1.5
_lock = threading.Lock()


class Geocoder:
    """Resolves place names against the packaged gazetteer."""

    _default: Geocoder | None = None

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

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
        return loc.model_copy(update={"qualifier": qualifier}) if loc and qualifier else loc

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
        admin1s to ``context``. Pass 2 resolves every mention with that context, and pass 3
        again with the points of the other confident places (nearness).
        """
        ctx: Counter[str] = Counter(context or {})
        first = [self._rank(t, None, ()) for t in mentions]
        # A name's own readings are no evidence for it: "Alexandria" four times in a Virginia
        # story must not vote four times for Egypt. Each name is read with the context of the
        # article's *other* names.
        own: dict[str, Counter[str]] = {}
        for t, ranked in zip(mentions, first, strict=True):
            if _confident(ranked):
                keys = _context_keys(ranked[0].place)
                ctx.update(keys)
                own.setdefault(key(t.name), Counter()).update(keys)
        contexts = {name: ctx - keys for name, keys in own.items()}
        second = [self._rank(t, contexts.get(key(t.name), ctx), ()) for t in mentions]
        anchors: list[tuple[int, tuple[float, float]]] = [
            (i, (r[0].place.lat, r[0].place.lon)) for i, r in enumerate(second)
            if _confident(r) and r[0].place.feature in ("city", "admin2")]
        out: list[Location | None] = []
        for i, t in enumerate(mentions):
            name = key(t.name)
            near = [p for j, p in anchors if j != i and key(mentions[j].name) != name]
            ranked = self._rank(t, contexts.get(name, ctx), near) if near else second[i]
            loc = self._best(ranked)
            if loc is not None:
                loc = loc.model_copy(update={"text": t.text, "start_char": t.start_char,
                                             "end_char": t.end_char, "qualifier": t.qualifier})
            out.append(loc)
        return out

    # -- helpers -------------------------------------------------------------------------
    def _rank(self, t: Toponym, ctx: Counter[str] | None,
              near: Sequence[tuple[float, float]]) -> list[Scored]:
        within: Place | None = None
        if t.parent:
            parent = rank(self.gaz, t.parent, context=ctx)
            if parent and parent[0].place.feature in ("country", "admin1"):
                within = parent[0].place
        return rank(self.gaz, t.name, context=ctx, near=near, within=within)

    def _best(self, ranked: list[Scored]) -> Location | None:
        if not ranked:
            return None
        margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else 10.0
        return self._location(ranked[0].place, score=round(margin, 3))

    def _location(self, place: Place, *, score: float | None = None) -> Location:
        if place.feature == "admin1":
            admin1 = place.name
        else:
            parent = self.gaz.admin1(place.iso3, place.admin1)
            admin1 = parent.name if parent is not None else None
        return Location(name=place.name, country=place.iso3, admin1=admin1, lat=place.lat,
                        lon=place.lon, geonameid=place.geonameid, feature=place.feature,
                        score=score)


def _confident(ranked: list[Scored]) -> bool:
    if not ranked:
        return False
    return len(ranked) == 1 or ranked[0].score - ranked[1].score >= CONFIDENT_MARGIN


def _context_keys(place: Place) -> list[str]:
    keys = [place.iso3] if place.iso3 else []
    if place.iso3 and place.admin1 and place.feature != "country":
        keys.append(f"{place.iso3}.{place.admin1}")
    return keys
