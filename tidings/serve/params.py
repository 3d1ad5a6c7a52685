"""Query-string filters: the store's ``Filters`` plus what a map and a network need.

Every filter a URL can carry is parsed here once. The store's filters (actor, recipient, type,
factuality, since, until, country, text, article) keep their meaning from
``tidings.store.query.Filters``; the server adds actor/recipient sectors, a place name and a
bounding box. List parameters repeat (``actor=RUS&actor=USA``) or take commas (``actor=RUS,USA``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from ..errors import Errors, TidingsError
from ..store.query import EVENT_DATE, Filters

_SECTOR = re.compile(r"^[A-Z]{2,5}$")
MAX_TEXT = 200  # characters of a free-text filter


def bad(name: str, value: object, detail: str) -> TidingsError:
    return TidingsError(Errors.E501, name=name, value=value, detail=detail)


def split(values: list[str] | None) -> list[str] | None:
    """Repeated and comma-separated values as one list (None when absent)."""
    if not values:
        return None
    return [part.strip() for v in values for part in v.split(",")]


def _sectors(name: str, values: list[str] | None) -> list[str] | None:
    values = split(values)
    if values is None:
        return None
    out = [v.upper() for v in values]
    for v in out:
        if not _SECTOR.match(v):
            raise bad(name, v, "a sector is 2-5 letters (GOV, MIL, REB, CVL, ...)")
    return out


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise bad("bbox", value, "give west,south,east,north in degrees")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise bad("bbox", value, "give four numbers: west,south,east,north") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise bad("bbox", value, "the numbers must be finite")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise bad("bbox", value, "longitudes must lie in -180..180")
    if not (-90 <= south <= north <= 90):
        raise bad("bbox", value, "latitudes must lie in -90..90 with south <= north")
    return west, south, east, north


@dataclass(frozen=True)
class EventFilters:
    """The checked filters of one request."""

    store: Filters
    actor_sector: list[str] | None = None
    recipient_sector: list[str] | None = None
    place: list[str] | None = None
    bbox: tuple[float, float, float, float] | None = None

    def where(self) -> tuple[str, list[object]]:
        """``(sql, params)``: a WHERE clause over events ``e`` and articles ``a``."""
        sql, params = self.store.where()
        # The server's event rows carry their resolved date as ``e._when`` (queries.EVENTS):
        # the same value as the store's EVENT_DATE, without joining every article.
        sql = sql.replace(EVENT_DATE, "e._when")
        clauses = [sql.removeprefix("WHERE ")] if sql else []
        for role, sectors in (("actor", self.actor_sector), ("recipient", self.recipient_sector)):
            if sectors:
                clauses.append(
                    "EXISTS (SELECT 1 FROM event_entities es WHERE es.event_id = e.event_id "
                    "AND es.role = ? AND es.sector IN (SELECT unnest(?)))")
                params += [role, sectors]
        if self.place:
            clauses.append("lower(e.loc_name) IN (SELECT unnest(?))")
            params.append([p.lower() for p in self.place])
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("e.loc_lat BETWEEN ? AND ?")
            params += [south, north]
            if west <= east:
                clauses.append("e.loc_lon BETWEEN ? AND ?")
                params += [west, east]
            else:  # the box crosses the antimeridian
                clauses.append("(e.loc_lon >= ? OR e.loc_lon <= ?)")
                params += [west, east]
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def event_filters(
    actor: Annotated[list[str] | None, Query(
        description="Actor code, country or code prefix (RUS matches RUSGOV); repeatable.")] = None,
    recipient: Annotated[list[str] | None, Query(
        description="Recipient code, country or prefix; repeatable.")] = None,
    actor_sector: Annotated[list[str] | None, Query(
        description="Sector of an actor (GOV, MIL, REB, ...); repeatable.")] = None,
    recipient_sector: Annotated[list[str] | None, Query(
        description="Sector of a recipient; repeatable.")] = None,
    type: Annotated[list[str] | None, Query(  # noqa: A002 - the public parameter name
        description="PLOVER event type (ASSAULT, AGREE, ...); repeatable.")] = None,
    factuality: Annotated[list[str] | None, Query(
        description="asserted, negated, future, hypothetical or historical; repeatable.")] = None,
    since: Annotated[str | None, Query(description="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Up to this date (YYYY-MM-DD).")] = None,
    country: Annotated[list[str] | None, Query(
        description="ISO alpha-3 country where the event happened; repeatable.")] = None,
    place: Annotated[list[str] | None, Query(
        description="Name of the event's place (case-insensitive); repeatable.")] = None,
    bbox: Annotated[str | None, Query(
        description="Event location inside west,south,east,north (degrees).")] = None,
    q: Annotated[str | None, Query(
        description="Words in an evidence sentence (case-insensitive substring).")] = None,
    article: Annotated[list[str] | None, Query(description="Article id; repeatable.")] = None,
) -> EventFilters:
    """FastAPI dependency: the event filters of the query string."""
    if q is not None and len(q) > MAX_TEXT:
        raise bad("q", q[:20] + "...", f"at most {MAX_TEXT} characters")
    if q is not None and "\x00" in q:
        raise bad("q", q, "NUL characters are not allowed")
    # The store checks its own filters (E202, served as a 400 like our E501).
    store = Filters.parse(actor=split(actor), recipient=split(recipient), event_type=split(type),
                          factuality=split(factuality), since=since or None, until=until or None,
                          country=split(country), text=q if q and q.strip() else None,
                          article_id=article or None)
    places = split(place)
    if places is not None and not all(places):
        raise bad("place", place, "give a non-empty place name")
    return EventFilters(store=store, actor_sector=_sectors("actor_sector", actor_sector),
                        recipient_sector=_sectors("recipient_sector", recipient_sector),
                        place=places, bbox=_bbox(bbox))

MAX_PAGE = 1000  # rows of one JSON page; downloads (csv, jsonl, parquet) have no cap
DEFAULT_PAGE = 50
FORMATS = ("json", "csv", "jsonl", "parquet")
_BIG = 2**31 - 1


@dataclass(frozen=True)
class Page:
    """Which rows of a list, and in what format."""

    limit: int | None
    offset: int
    format: str

    @property
    def download(self) -> bool:
        return self.format != "json"


def paging(
    limit: Annotated[int | None, Query(
        ge=0, le=_BIG, description=f"Rows per page (JSON: default {DEFAULT_PAGE}, at most "
        f"{MAX_PAGE}; downloads: all rows unless given).")] = None,
    offset: Annotated[int, Query(ge=0, le=_BIG, description="Rows to skip.")] = 0,
    format: Annotated[str, Query(  # noqa: A002 - the public parameter name
        description="json (a page), or a download: csv, jsonl, parquet.")] = "json",
) -> Page:
    """FastAPI dependency: paging and output format."""
    if format not in FORMATS:
        raise bad("format", format, f"choose one of {', '.join(FORMATS)}")
    if format == "json":
        if limit is None:
            limit = DEFAULT_PAGE
        elif limit > MAX_PAGE:
            raise bad("limit", limit, f"a JSON page holds at most {MAX_PAGE} rows; "
                      "page with offset, or download as csv, jsonl or parquet")
    return Page(limit=limit, offset=offset, format=format)
