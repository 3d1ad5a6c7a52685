"""The dashboard's SQL: aggregates computed in DuckDB, so no view ships every row.

Each function takes a DuckDB cursor and the request's ``EventFilters`` and returns a ``Query``
(SQL and parameters, run by ``tidings.serve.formats``) or plain Python values. Filter values are
always bound parameters; only fixed SQL fragments chosen from the tables below are formatted in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from ..store.query import FROM_EVENTS
from .params import EventFilters, bad

# The events, each with its date resolved as in the store (its own, else its article's
# published date) in ``_when``. Only undated events join their article: joining all of them
# cost ~250 ms per query on a 1M-event store, more than the aggregates themselves.
FROM_DATED = """(
    SELECT ev.*, ev.date AS _when FROM events ev WHERE ev.date IS NOT NULL
    UNION ALL
    SELECT ev.*, ar.published AS _when
    FROM events ev JOIN articles ar ON ar.article_id = ev.article_id WHERE ev.date IS NULL
) e"""
EVENT_DATE = "e._when"

INTERVALS = ("day", "week", "month", "year")
_ENTITY = "event_entities {alias} ON {alias}.event_id = e.event_id AND {alias}.role = '{role}'"
_ACTOR = "JOIN " + _ENTITY.format(alias="x", role="actor")
_RECIPIENT = "JOIN " + _ENTITY.format(alias="y", role="recipient")
# `by` of /api/counts -> (select list, joins, output key names)
COUNT_KEYS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "type": ("e.event_type AS event_type", "", ("event_type",)),
    "factuality": ("e.factuality AS factuality", "", ("factuality",)),
    "country": ("e.loc_country AS country", "", ("country",)),
    "actor": ("x.code AS actor", _ACTOR, ("actor",)),
    "recipient": ("y.code AS recipient", _RECIPIENT, ("recipient",)),
    "dyad": ("x.code AS actor, y.code AS recipient", f"{_ACTOR} {_RECIPIENT}",
             ("actor", "recipient")),
    "dyad_country": ("coalesce(x.country, x.code) AS actor, coalesce(y.country, y.code) "
                     "AS recipient", f"{_ACTOR} {_RECIPIENT}", ("actor", "recipient")),
}
_NODE = {"country": "coalesce({a}.country, {a}.code)", "code": "{a}.code"}
# Stable orders of an event list: by date (undated last), ties broken by event_id.
ORDERS = {"asc": "ASC", "desc": "DESC"}


def order_by(order: str, when: str = EVENT_DATE, event_id: str = "e.event_id") -> str:
    if order not in ORDERS:
        raise bad("order", order, "choose asc or desc")
    way = ORDERS[order]
    return f"ORDER BY {when} {way} NULLS LAST, {event_id} {way}"


@dataclass(frozen=True)
class Query:
    """SQL and its parameters, ready for ``cursor.execute``."""

    sql: str
    params: list[object]


def _rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> list[dict]:
    result = cur.execute(sql, params)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def page_clause(limit: int | None, offset: int) -> tuple[str, list[object]]:
    if limit is None:
        return ("OFFSET ?", [offset]) if offset else ("", [])
    return "LIMIT ? OFFSET ?", [limit, offset]


# -- summary and counts ------------------------------------------------------------------------

def summary(cur: duckdb.DuckDBPyConnection, f: EventFilters) -> dict:
    """Totals of the filtered view, and its first and last dates."""
    where, params = f.where()
    row = _rows(cur, f"""
        SELECT count(*) AS events, count(DISTINCT e.article_id) AS articles,
               min({EVENT_DATE}) AS first, max({EVENT_DATE}) AS last,
               count(e.loc_lat) AS located, count(e.score) AS scored, avg(e.score) AS mean_score
        FROM {FROM_DATED} {where}""", params)[0]
    row["articles_stored"] = cur.execute("SELECT count(*) FROM articles").fetchone()[0]
    return row


def date_range(cur: duckdb.DuckDBPyConnection, f: EventFilters) -> tuple:
    """(first, last) date of the filtered events."""
    where, params = f.where()
    return cur.execute(f"SELECT min({EVENT_DATE}), max({EVENT_DATE}) FROM {FROM_DATED} {where}",
                       params).fetchone()


def counts(f: EventFilters, by: str, interval: str | None) -> Query:
    """Event counts grouped by ``by`` and, with ``interval``, by period of the event date."""
    if by not in COUNT_KEYS:
        raise bad("by", by, f"choose one of {', '.join(COUNT_KEYS)}")
    if interval is not None and interval not in INTERVALS:
        raise bad("interval", interval, f"choose one of {', '.join(INTERVALS)}")
    key, joins, names = COUNT_KEYS[by]
    where, params = f.where()
    if by in ("dyad", "dyad_country", "actor", "recipient"):
        # An event with two actors counts once for each, but once only per distinct key.
        count = "count(DISTINCT e.event_id)"
    else:
        count = "count(*)"
    period = ""
    if interval:
        period = f"CAST(date_trunc(?, {EVENT_DATE}) AS DATE) AS period, "
        params = [interval, *params]
    order = ", ".join((["period NULLS LAST"] if interval else []) + ["n DESC", *names])
    return Query(f"SELECT {period}{key}, {count} AS n, avg(e.score) AS mean_score "
                 f"FROM {FROM_DATED} {joins} {where} GROUP BY ALL ORDER BY {order}", params)


def auto_interval(first: dt.date | None, last: dt.date | None) -> str:
    """A period that gives a readable timeline: days up to ~4 months, then weeks, months."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= 120 else "week" if span <= 3 * 365 else "month"


def timeline(cur: duckdb.DuckDBPyConnection, f: EventFilters, interval: str) -> dict:
    """Counts per period and event type, and the mean score per period (nulls left out)."""
    if interval not in INTERVALS:
        raise bad("interval", interval, f"choose one of {', '.join(INTERVALS)}")
    where, params = f.where()
    dated = f"{where} AND {EVENT_DATE} IS NOT NULL" if where else \
        f"WHERE {EVENT_DATE} IS NOT NULL"
    rows = cur.execute(f"""
        SELECT CAST(date_trunc(?, {EVENT_DATE}) AS DATE) AS period, e.event_type,
               count(*) AS n, sum(e.score) AS score_sum, count(e.score) AS scored
        FROM {FROM_DATED} {dated} GROUP BY ALL ORDER BY period, e.event_type""",
                       [interval, *params]).fetchall()
    periods: dict[dt.date, dict] = {}
    for period, event_type, n, score_sum, scored in rows:
        p = periods.setdefault(period, {"period": period, "counts": {}, "n": 0,
                                        "score_sum": 0.0, "scored": 0})
        p["counts"][event_type] = n
        p["n"] += n
        p["score_sum"] += score_sum or 0.0
        p["scored"] += scored
    series = []
    for p in periods.values():
        scored = p.pop("scored")
        total = p.pop("score_sum")
        p["mean_score"] = round(total / scored, 3) if scored else None
        p["scored"] = scored
        series.append(p)
    return {"interval": interval, "periods": series}


# -- map and network ---------------------------------------------------------------------------

def map_points(f: EventFilters, cell: float, limit: int) -> Query:
    """Event locations grouped into ``cell``-degree grid squares, the busiest ``limit`` first.

    Each point sits at the mean position of its events and carries its cell's bounding box,
    which the dashboard sends back as ``bbox`` when the point is clicked.
    """
    where, params = f.where()
    located = f"{where} AND e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL" if where else \
        "WHERE e.loc_lat IS NOT NULL AND e.loc_lon IS NOT NULL"
    return Query(f"""
        SELECT round(avg(e.loc_lat), 4) AS lat, round(avg(e.loc_lon), 4) AS lon,
               count(*) AS n, mode(e.loc_name) AS name, mode(e.loc_country) AS country,
               avg(e.score) AS mean_score,
               floor(e.loc_lat / ?) * ? AS south, floor(e.loc_lon / ?) * ? AS west
        FROM {FROM_DATED} {located}
        GROUP BY floor(e.loc_lat / ?), floor(e.loc_lon / ?), south, west
        ORDER BY n DESC, lat, lon LIMIT ?""",
                 [cell, cell, cell, cell, *params, cell, cell, limit])


def map_countries(f: EventFilters) -> Query:
    """Event counts per country of the event's location."""
    where, params = f.where()
    located = f"{where} AND e.loc_country IS NOT NULL" if where else \
        "WHERE e.loc_country IS NOT NULL"
    return Query(f"SELECT e.loc_country AS country, count(*) AS n, avg(e.score) AS mean_score "
                 f"FROM {FROM_DATED} {located} GROUP BY ALL ORDER BY n DESC, country", params)


def network(f: EventFilters, level: str, limit: int) -> Query:
    """Dyads (actor -> recipient) weighted by events, with their mean score; the top ``limit``.

    An event counts once per distinct (source, target) pair; self-loops are left out.
    """
    if level not in _NODE:
        raise bad("level", level, f"choose one of {', '.join(_NODE)}")
    src, dst = _NODE[level].format(a="x"), _NODE[level].format(a="y")
    where, params = f.where()
    return Query(f"""
        WITH pairs AS (
            SELECT DISTINCT e.event_id, e.score, {src} AS source, {dst} AS target
            FROM {FROM_DATED} {_ACTOR} {_RECIPIENT} {where}
        )
        SELECT source, target, count(*) AS n, avg(score) AS mean_score, count(score) AS scored
        FROM pairs WHERE source <> target
        GROUP BY ALL ORDER BY n DESC, source, target LIMIT ?""", [*params, limit])


# -- lists -------------------------------------------------------------------------------------

def event_rows(f: EventFilters, limit: int | None, offset: int, order: str) -> Query:
    """A page of events, one row each, with actor/recipient codes and the first mention."""
    where, params = f.where()
    page, page_params = page_clause(limit, offset)
    order_sql = order_by(order)
    return Query(f"""
        WITH sel AS (
            SELECT e.* FROM {FROM_DATED} {where} {order_sql} {page}
        ),
        ents AS (
            SELECT event_id,
                string_agg(code, ';' ORDER BY position) FILTER (WHERE role = 'actor')
                    AS actor_codes,
                string_agg(code, ';' ORDER BY position) FILTER (WHERE role = 'recipient')
                    AS recipient_codes
            FROM event_entities WHERE event_id IN (SELECT event_id FROM sel) GROUP BY event_id
        ),
        first AS (
            SELECT event_id, text AS mention, trigger FROM mentions
            WHERE position = 0 AND event_id IN (SELECT event_id FROM sel)
        )
        SELECT sel.event_id, sel.article_id, sel._when AS date, sel.date_precision,
               sel.event_type, sel.factuality, sel.score, sel.confidence, ents.actor_codes,
               ents.recipient_codes, sel.issue, sel.loc_name, sel.loc_country, sel.loc_lat,
               sel.loc_lon, first.trigger, first.mention, art.title, art.published,
               sel.cameo_code, sel.mode, sel.context, sel.rule
        FROM sel LEFT JOIN ents USING (event_id) LEFT JOIN first USING (event_id)
        LEFT JOIN articles art ON art.article_id = sel.article_id
        {order_by(order, "sel._when", "sel.event_id")}
        """, [*params, *page_params])


def count_events(cur: duckdb.DuckDBPyConnection, f: EventFilters) -> int:
    where, params = f.where()
    return cur.execute(f"SELECT count(*) FROM {FROM_DATED} {where}", params).fetchone()[0]


def mention_rows(f: EventFilters, limit: int | None, offset: int) -> Query:
    """The evidence sentences of the filtered events, in event order."""
    where, params = f.where()
    page, page_params = page_clause(limit, offset)
    return Query(f"""
        SELECT m.event_id, m.position, m.sentence_index, m.start_char, m.end_char, m.text,
               m.trigger, m.trigger_start, m.trigger_end, e.event_type, e.factuality,
               e.article_id, {EVENT_DATE} AS date
        FROM {FROM_DATED} JOIN mentions m ON m.event_id = e.event_id {where}
        ORDER BY {EVENT_DATE} NULLS LAST, e.event_id, m.position {page}""",
                 [*params, *page_params])


def actor_rows(f: EventFilters, role: str | None, limit: int | None, offset: int) -> Query:
    """Actors (by code) of the filtered events with their event counts, busiest first."""
    if role not in (None, "actor", "recipient"):
        raise bad("role", role, "choose actor or recipient")
    where, params = f.where()
    role_sql = "AND x.role = ?" if role else ""
    page, page_params = page_clause(limit, offset)
    return Query(f"""
        SELECT x.code, any_value(x.country) AS country, any_value(x.sector) AS sector,
               mode(x.text) AS text, count(DISTINCT e.event_id) AS n,
               count(DISTINCT e.event_id) FILTER (WHERE x.role = 'actor') AS as_actor,
               count(DISTINCT e.event_id) FILTER (WHERE x.role = 'recipient') AS as_recipient
        FROM {FROM_DATED} JOIN event_entities x ON x.event_id = e.event_id {role_sql} {where}
        GROUP BY x.code ORDER BY n DESC, x.code {page}""",
                 [*([role] if role else []), *params, *page_params])


def place_rows(f: EventFilters, limit: int | None, offset: int) -> Query:
    """Named places of the filtered events with their event counts, busiest first."""
    where, params = f.where()
    named = f"{where} AND e.loc_name IS NOT NULL" if where else "WHERE e.loc_name IS NOT NULL"
    page, page_params = page_clause(limit, offset)
    return Query(f"""
        SELECT e.loc_name AS name, e.loc_country AS country, any_value(e.loc_admin1) AS admin1,
               any_value(e.loc_feature) AS feature, avg(e.loc_lat) AS lat,
               avg(e.loc_lon) AS lon, count(*) AS n, avg(e.score) AS mean_score
        FROM {FROM_DATED} {named}
        GROUP BY e.loc_name, e.loc_country ORDER BY n DESC, name, country {page}""",
                 [*params, *page_params])


def article_rows(f: EventFilters, limit: int | None, offset: int) -> tuple[Query, Query]:
    """Articles with at least one filtered event (every article when nothing filters), newest
    first; and the query counting them."""
    where, params = f.where()
    if where:
        chosen = f"WHERE a.article_id IN (SELECT e.article_id FROM {FROM_DATED} {where})"
    else:
        chosen, params = "", []
    page, page_params = page_clause(limit, offset)
    rows = Query(f"""
        SELECT a.article_id, a.title, a.published, a.url, a.source, a.n_words,
               (SELECT count(*) FROM events ev WHERE ev.article_id = a.article_id) AS n_events
        FROM articles a {chosen}
        ORDER BY a.published DESC NULLS LAST, a.article_id {page}""", [*params, *page_params])
    total = Query(f"SELECT count(*) FROM articles a {chosen}", list(params))
    return rows, total


# -- one event, one article --------------------------------------------------------------------

def event_detail(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict | None:
    """One event with its entities, mentions and article metadata (None if unknown)."""
    found = _rows(cur, f"""
        SELECT e.*, COALESCE(e.date, a.published) AS event_date, a.title, a.published, a.url,
               a.source
        FROM {FROM_EVENTS} WHERE e.event_id = ?""", [event_id])
    if not found:
        return None
    event = found[0]
    event["entities"] = _rows(cur, """
        SELECT role, position, text, country, sector, code, start_char, end_char
        FROM event_entities WHERE event_id = ? ORDER BY role, position""", [event_id])
    event["mentions"] = _rows(cur, """
        SELECT position, sentence_index, start_char, end_char, text, trigger, trigger_start,
               trigger_end FROM mentions WHERE event_id = ? ORDER BY position""", [event_id])
    return event


def article_detail(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """One article's text and every coded span in it (article-text offsets)."""
    found = _rows(cur, """
        SELECT article_id, title, published, url, source, path, text, n_words, coder_version
        FROM articles WHERE article_id = ?""", [article_id])
    if not found:
        return None
    article = found[0]
    article["events"] = _rows(cur, f"""
        SELECT e.event_id, e.event_type, e.factuality, e.score,
               COALESCE(e.date, a.published) AS date, e.loc_name, e.loc_country
        FROM {FROM_EVENTS} WHERE e.article_id = ?
        ORDER BY (SELECT min(m.trigger_start) FROM mentions m
                  WHERE m.event_id = e.event_id) NULLS LAST, e.event_id""", [article_id])
    article["spans"] = _rows(cur, """
        SELECT * FROM (
            SELECT x.event_id, x.role AS kind, x.start_char AS start, x.end_char AS "end",
                   x.code AS label
            FROM event_entities x JOIN events e ON e.event_id = x.event_id
            WHERE e.article_id = ? AND x.start_char IS NOT NULL AND x.end_char IS NOT NULL
            UNION ALL
            SELECT m.event_id, 'trigger', m.trigger_start, m.trigger_end, e.event_type
            FROM mentions m JOIN events e ON e.event_id = m.event_id WHERE e.article_id = ?
            UNION ALL
            SELECT e.event_id, 'place', e.loc_start_char, e.loc_end_char, e.loc_name
            FROM events e WHERE e.article_id = ? AND e.loc_start_char IS NOT NULL
                AND e.loc_end_char IS NOT NULL
        ) ORDER BY start, "end" DESC, kind, event_id""", [article_id] * 3)
    return article
