"""Events, their evidence, and the aggregates the dashboard draws (all filtered alike)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from .. import queries
from ..formats import plain, records
from . import Filtered, Paged, database, detail, listing

router = APIRouter(prefix="/api", tags=["events"])
MAX_POINTS = 5000
MAX_EDGES = 500


@router.get("/events", summary="A page of events, or a download of every filtered event")
def events(request: Request, f: Filtered, page: Paged,
           order: Annotated[Literal["asc", "desc"], Query(
               description="By date (undated last), then event_id.")] = "desc"):  # noqa: ANN201
    """Events matching every filter, in a stable order (date, then event_id)."""
    where, params = f.where()
    total = queries.Query(f"SELECT count(*) FROM {queries.FROM_DATED} {where}", params)
    return listing(request, queries.event_rows(f, page.limit, page.offset, order), page,
                 "events", total)


@router.get("/events/{event_id}", summary="One event with its entities and mentions")
def event(request: Request, event_id: str) -> dict:
    """The event, its actors and recipients (with article offsets) and its evidence."""
    return detail(request, queries.event_detail, "event", event_id)


@router.get("/mentions", summary="Evidence sentences of the filtered events")
def mentions(request: Request, f: Filtered, page: Paged):  # noqa: ANN201
    return listing(request, queries.mention_rows(f, page.limit, page.offset), page, "mentions")


@router.get("/counts", summary="Event counts grouped by a key and, optionally, a period")
def counts(request: Request, f: Filtered, page: Paged,
           by: Annotated[str, Query(description=", ".join(queries.COUNT_KEYS))] = "type",
           interval: Annotated[str | None, Query(
               description="day, week, month or year.")] = None):  # noqa: ANN201
    """``by`` = type, factuality, country, actor, recipient, dyad (codes) or dyad_country."""
    query = queries.counts(f, by, interval)
    if page.limit is not None:
        query = queries.Query(query.sql + " LIMIT ? OFFSET ?",
                              [*query.params, page.limit, page.offset])
    return listing(request, query, page, "counts")


@router.get("/summary", summary="Totals and the date range of the filtered events")
def summary(request: Request, f: Filtered) -> dict:
    with database(request).cursor() as cur:
        return plain(queries.summary(cur, f))


@router.get("/timeline", summary="Counts per period and type, and the mean score per period")
def timeline(request: Request, f: Filtered,
             interval: Annotated[str, Query(
                 description="day, week, month, year, or auto (from the date range).")] = "auto"
             ) -> dict:
    """Stacked counts by event type and the cooperation-conflict line (mean PLOVER score of
    the period's events that have one)."""
    with database(request).cursor() as cur:
        if interval == "auto":
            interval = queries.auto_interval(*queries.date_range(cur, f))
        return plain(queries.timeline(cur, f, interval))


@router.get("/map", summary="Event locations grouped on a grid, and counts per country")
def map_view(request: Request, f: Filtered,
             cell: Annotated[float, Query(gt=0.001, le=45, description=(
                 "Grid size in degrees; points in one cell are merged."))] = 1.0,
             limit: Annotated[int, Query(ge=1, le=MAX_POINTS, description=(
                 "At most this many points, busiest first."))] = 1500) -> dict:
    with database(request).cursor() as cur:
        return {"cell": cell,
                "points": records(cur, queries.map_points(f, cell, limit)),
                "countries": records(cur, queries.map_countries(f))}


@router.get("/network", summary="Dyads (actor -> recipient) weighted by events")
def network(request: Request, f: Filtered,
            level: Annotated[str, Query(description="country or code.")] = "country",
            limit: Annotated[int, Query(ge=1, le=MAX_EDGES, description=(
                "At most this many edges, heaviest first."))] = 60) -> dict:
    with database(request).cursor() as cur:
        edges = records(cur, queries.network(f, level, limit))
    nodes: dict[str, dict] = {}
    for edge in edges:
        for end, role in ((edge["source"], "out"), (edge["target"], "in")):
            node = nodes.setdefault(end, {"id": end, "out": 0, "in": 0})
            node[role] += edge["n"]
    return {"level": level, "nodes": list(nodes.values()), "edges": edges}
