"""Events as rows of the GDELT 2.0 event table (61 tab-separated columns, no header).

docs/store.md gives the column-by-column mapping. Lookups come from tidings/data: CAMEO
Goldstein scores (cameo/eventcodes.tsv), PLOVER type -> QuadClass (cameo/plover_quad.tsv),
ISO alpha-3 -> FIPS 10-4 (iso3_fips.csv), country and admin1 names (places/).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from ..errors import Errors, TidingsError
from ..model import Entity, Event, Location

DATA = Path(__file__).resolve().parents[1] / "data"

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
# The GDELT 2.0 codebook's names, in file order.
COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
FILENAME = "tidings.export.CSV"
# GDELT calls an event "root" when it comes from the lead paragraph; sentences stand in for it.
ROOT_SENTENCES = 3


@dataclass(frozen=True)
class Source:
    """What a GDELT row needs beyond the event: its article and cross-article counts."""

    url: str  # the article's URL, else its id
    published: dt.date | None
    ingested_at: dt.datetime
    num_mentions: int | None = None  # from the `story_events` table, when there is one
    num_sources: int | None = None
    num_articles: int | None = None


def rows(event: Event, source: Source) -> Iterator[list[str]]:
    """The event's GDELT rows: one per (actor, recipient) pair, as GDELT expands dyads."""
    actors: list[Entity | None] = list(event.actor) or [None]
    recipients: list[Entity | None] = list(event.recipient) or [None]
    day = event.date or source.published or source.ingested_at.date()
    first = event.mentions[0] if event.mentions else None
    code = event.cameo_code or ""
    goldstein = goldstein_scale(code)
    middle = [
        "1" if first is not None and first.sentence_index < ROOT_SENTENCES else "0",
        code, code[:3], code[:2],
        str(quad_classes().get(event.event_type, "")),
        "" if goldstein is None else str(goldstein),
        str(source.num_mentions or max(1, len(event.mentions))),
        str(source.num_sources or 1),
        str(source.num_articles or 1),
        "0",  # AvgTone: tidings does not score tone
    ]
    tail = [*_EMPTY_GEO, *_EMPTY_GEO, *geo_fields(event.location),
            source.ingested_at.strftime("%Y%m%d%H%M%S"), _clean(source.url)]
    dyad = 0
    for actor in actors:
        for recipient in recipients:
            yield [
                str(global_event_id(event.event_id, dyad)), day.strftime("%Y%m%d"),
                day.strftime("%Y%m"), str(day.year), fraction_date(day),
                *actor_fields(actor), *actor_fields(recipient), *middle, *tail,
            ]
            dyad += 1


def global_event_id(event_id: str, dyad: int) -> int:
    """A stable positive int64 for one dyad of an event (same input -> same id, any run)."""
    digest = hashlib.sha256(f"{event_id}/{dyad}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def fraction_date(day: dt.date) -> str:
    """GDELT's YYYY.FFFF: ((month - 1) * 30 + day) / 365, as its own files compute it."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def actor_fields(entity: Entity | None) -> list[str]:
    if entity is None:
        return [""] * len(_ACTOR)
    return [_clean(entity.code), _clean(entity.text.upper()), entity.country or "",
            "", "", "", "", entity.sector or "", "", ""]


_EMPTY_GEO = ["0", "", "", "", "", "", "", ""]


def geo_type(loc: Location) -> int:
    """1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1; 0 if GDELT has no type
    for it (a continent, sea or region without a country)."""
    us = loc.country == "USA"
    if loc.feature == "country":
        return 1
    if loc.feature == "admin1":
        return 2 if us else 5
    if loc.country is None or loc.feature in ("continent", "region", "sea"):
        return 0
    return 3 if us else 4


def geo_fields(loc: Location | None) -> list[str]:
    """The eight ``*Geo_`` fields of a location (Type 0 and blanks when there is none)."""
    if loc is None:
        return list(_EMPTY_GEO)
    kind = geo_type(loc)
    if kind == 0:
        return list(_EMPTY_GEO)
    fips = fips_codes().get(loc.country or "", "")
    iso2, country_name = countries().get(loc.country or "", ("", loc.country or ""))
    # GeoNames admin1 codes are FIPS region codes for most countries (US: state postal codes,
    # as GDELT); longer ones (GB "ENG") are ISO-style and have no FIPS form here.
    code = loc.admin1 if loc.admin1 and len(loc.admin1) == 2 and loc.admin1.isalnum() else ""
    adm1 = fips + code if fips and code else ""
    admin_name = admin1_names().get((iso2, loc.admin1 or ""), "")
    if kind == 1:
        names, adm1, feature = [country_name], fips, fips
    elif kind in (2, 5):
        names = [loc.name, country_name]
        feature = code if kind == 2 else _int(loc.geonameid)
    else:
        names = [loc.name, admin_name, country_name]
        feature = _int(loc.geonameid)
    # GDELT keeps repeated parts ("Essex, Essex, United Kingdom"); only blanks are dropped.
    full = ", ".join(n for n in names if n)
    return [str(kind), _clean(full), fips, adm1, "", _float(loc.lat), _float(loc.lon), feature]


def goldstein_scale(code: str) -> float | None:
    """The Goldstein score of a CAMEO code, else of its nearest parent code."""
    scores = goldstein_scores()
    while len(code) >= 2:
        if code in scores:
            return scores[code]
        code = code[:-1]
    return None


def read(path: str | Path, names: list[str] | tuple[str, ...] = COLUMNS) -> pd.DataFrame:
    """Read a GDELT 2.0 event file (ours or GDELT's) with every value as a string."""
    return pd.read_csv(path, sep="\t", header=None, names=list(names), dtype=str,
                       quoting=csv.QUOTE_NONE, keep_default_na=False, encoding="utf-8")


# -- lookups -------------------------------------------------------------------------------


def _table(path: Path, sep: str) -> list[dict[str, str]]:
    """Rows of a data file with '#' comment lines and one header row (E101 on bad rows)."""
    with path.open(encoding="utf-8") as f:
        lines = [(i, line) for i, line in enumerate(f, 1) if line.strip()
                 and not line.startswith("#")]
    # Tab-separated files are plain (names may hold quote marks); CSV files may quote.
    quoting = csv.QUOTE_NONE if sep == "\t" else csv.QUOTE_MINIMAL
    header = next(csv.reader([lines[0][1]], delimiter=sep, quoting=quoting))
    out = []
    for number, line in lines[1:]:
        values = next(csv.reader([line], delimiter=sep, quoting=quoting))
        if len(values) != len(header):
            raise TidingsError(Errors.E101, path=path, line=number,
                               detail=f"expected {len(header)} fields, found {len(values)}")
        out.append(dict(zip(header, values, strict=True)))
    return out


@cache
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code."""
    return {r["iso3"]: r["fips"] for r in _table(DATA / "iso3_fips.csv", ",")}


@cache
def countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (ISO alpha-2, English name)."""
    return {r["iso3"]: (r["iso2"], r["name"])
            for r in _table(DATA / "places" / "countries.csv", ",")}


@cache
def admin1_names() -> dict[tuple[str, str], str]:
    """(ISO alpha-2, GeoNames admin1 code) -> name."""
    return {(r["iso2"], r["code"]): r["name"]
            for r in _table(DATA / "places" / "admin1.csv", ",")}


@cache
def quad_classes() -> dict[str, int]:
    """PLOVER event type -> GDELT QuadClass (1..4)."""
    return {r["event_type"]: int(r["quad_class"])
            for r in _table(DATA / "cameo" / "plover_quad.tsv", "\t")}


@cache
def goldstein_scores() -> dict[str, float]:
    """CAMEO event code -> Goldstein scale score."""
    return {r["code"]: float(r["goldstein"])
            for r in _table(DATA / "cameo" / "eventcodes.tsv", "\t")}


def _clean(value: str) -> str:
    # A tab or line break inside a value would shift every later column for a reader.
    return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value


def _float(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _int(value: int | None) -> str:
    return "" if value is None else str(value)
