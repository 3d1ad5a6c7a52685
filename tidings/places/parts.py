"""Parts of places: "eastern Ukraine", "northern Kenya", "central Java" -> a point in that part.

A country or province named with a direction word is placed at the population centre of its
towns in that third of its extent (the outer third east-west or north-south, both for
"north-eastern", the middle third both ways for "central"), not at the centre of the whole:
"drone strikes in eastern Ukraine" fall near Kharkiv and Donetsk, not Vinnytsia. The extent is
read from the gazetteer's towns (2nd to 98th percentile, so overseas territories do not stretch
it). Words that name no direction ("upper", "lower") leave the place as it is.
"""

from __future__ import annotations

import threading
from collections import defaultdict

from .gazetteer import Gazetteer

# direction word -> the third (0 low, 1 middle, 2 high) of latitude and of longitude it names
DIRECTIONS: dict[str, tuple[int | None, int | None]] = {
    "northern": (2, None), "north": (2, None), "southern": (0, None), "south": (0, None),
    "eastern": (None, 2), "east": (None, 2), "western": (None, 0), "west": (None, 0),
    "central": (1, 1), "mid": (1, 1),
    "northeastern": (2, 2), "north-eastern": (2, 2), "northeast": (2, 2),
    "northwestern": (2, 0), "north-western": (2, 0), "northwest": (2, 0),
    "southeastern": (0, 2), "south-eastern": (0, 2), "southeast": (0, 2),
    "southwestern": (0, 0), "south-western": (0, 0), "southwest": (0, 0),
}
_TRIM = 0.02  # share of towns left out at each end of an extent

Town = tuple[float, float, int, str | None]  # lat, lon, population, admin1 code


def _extent(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    last = len(ordered) - 1
    return ordered[int(_TRIM * last)], ordered[int((1 - _TRIM) * last)]


def _third(value: float, low: float, high: float) -> int:
    if high <= low:
        return 1
    return min(2, max(0, int(3 * (value - low) / (high - low))))


class Parts:
    """Points for the parts of the gazetteer's countries and provinces."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._towns: dict[str, list[Town]] | None = None
        self._points: dict[tuple[str, str, str | None], tuple[float, float] | None] = {}
        self._lock = threading.Lock()

    def _by_country(self) -> dict[str, list[Town]]:
        with self._lock:
            if self._towns is None:
                towns: dict[str, list[Town]] = defaultdict(list)
                for place in self.gaz.places:
                    if place.feature == "city" and place.iso3:
                        towns[place.iso3].append((place.lat, place.lon, place.population, place.admin1))
                self._towns = dict(towns)
            return self._towns

    def _admin1_name(self, iso3: str, code: str | None) -> str | None:
        province = self.gaz.admin1(iso3, code)
        return province.name if province is not None else None

    def point(self, iso3: str, qualifier: str, admin1: str | None = None) -> tuple[float, float] | None:
        """The population centre of the ``qualifier`` part of country ``iso3`` (of its province
        named ``admin1``, when given); None for a word naming no direction or a place with too
        few towns to tell. Worked out once per part."""
        key = (iso3, qualifier.lower(), admin1)
        if key not in self._points:
            self._points[key] = self._centre(*key)
        return self._points[key]

    def _centre(self, iso3: str, qualifier: str, admin1: str | None) -> tuple[float, float] | None:
        wanted = DIRECTIONS.get(qualifier)
        towns = [t for t in self._by_country().get(iso3, ())
                 if admin1 is None or self._admin1_name(iso3, t[3]) == admin1]
        if wanted is None or len(towns) < 3:
            return None
        lat_range, lon_range = _extent([t[0] for t in towns]), _extent([t[1] for t in towns])
        inside = [t for t in towns
                  if wanted[0] in (None, _third(t[0], *lat_range)) and wanted[1] in (None, _third(t[1], *lon_range))]
        if not inside:
            return None
        weight = sum(max(t[2], 1) for t in inside)
        return (round(sum(t[0] * max(t[2], 1) for t in inside) / weight, 4),
                round(sum(t[1] * max(t[2], 1) for t in inside) / weight, 4))
