"""The layers over the stored events the dashboard shows: stances and stories.

Stances are derived per request by ``tidings.stances`` (the same rules as ``tidings stances``);
DuckDB first narrows the events to those that can give a stance — a stance type, and an issue
or a sentence naming one — so a large store never ships its other events to Python. Stories are
read from the ``stories`` table that ``tidings stories --rebuild`` writes; the server never
builds it (it is read-only unless writes are on).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

import duckdb

from ..stances import (
    POSITIONS,
    STANCE_TYPES,
    StanceObservation,
    latest,
    load_rules,
    observe,
)
from ..stances.vocabulary import StanceRules, issue_patterns
from ..store.query import Filters
from .params import EventFilters, bad, split
from .queries import FROM_DATED, Query, page_clause

_PARTY = re.compile(r"^[A-Z0-9]{1,20}$")


def issues() -> list[str]:
    """The issue vocabulary (data/codebook/issues.yaml), in file order."""
    return list(dict.fromkeys(issue for issue, _ in issue_patterns()))


# -- parameters --------------------------------------------------------------------------------

def check_issues(cur: duckdb.DuckDBPyConnection, values: list[str] | None) -> list[str] | None:
    """Issues of the vocabulary, or issues some stored event carries (an older vocabulary)."""
    values = split(values)
    if values is None:
        return None
    known = issues()
    out = []
    for value in values:
        issue = " ".join(value.lower().split())
        if not issue:
            raise bad("issue", value, "give an issue name")
        if issue not in known and not cur.execute(
                "SELECT 1 FROM events WHERE issue = ? LIMIT 1", [issue]).fetchone():
            raise bad("issue", value, f"unknown issue; choose from {', '.join(known)}")
        out.append(issue)
    return out


def check_parties(values: list[str] | None) -> list[str] | None:
    values = split(values)
    if values is None:
        return None
    out = [v.upper() for v in values]
    for v in out:
        if not _PARTY.match(v):
            raise bad("party", v, "a party is a country code (RUS), a code (SDNREB) or a prefix")
    return out


# -- stances -----------------------------------------------------------------------------------

def _party_sql(alias: str) -> str:
    """``tidings.stances.party_key`` in SQL: a state's sectors fold into its country."""
    return (f"CASE WHEN {alias}.country IS NULL THEN {alias}.code "
            f"WHEN {alias}.sector IS NULL OR list_contains(?, {alias}.sector) "
            f"THEN {alias}.country ELSE {alias}.country || {alias}.sector END")


def _issue_regex(names: list[str] | None) -> str:
    """One RE2 pattern matching any phrase of these issues (all issues when None)."""
    bodies = [p.pattern for issue, p in issue_patterns() if names is None or issue in names]
    return "(?i)" + "|".join(f"(?:{b})" for b in bodies) if bodies else "(?!x)x"


def candidates(f: EventFilters, issue: list[str] | None, party: list[str] | None) -> Query:
    """The filtered events that can give a stance, with what ``tidings.stances.observe`` reads
    (``published`` only for undated events; entity and mention fields as parallel lists).

    An observation's issue is the event's own, or (for a conditional position) one that an
    evidence sentence names; an event without an issue gives a stance only in the second case.
    """
    rules = load_rules()
    conditional = [f"{t}|{fa}" for (t, fa), pos in rules.positions.items()
                   if pos in rules.conditional]
    where, params = f.where()
    clauses = [where.removeprefix("WHERE ")] if where else []
    clauses.append("e.event_type IN (SELECT unnest(?))")
    params.append(list(STANCE_TYPES))
    names_issue = ("EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id "
                   "AND regexp_matches(m.text, ?))")
    own = "e.issue IN (SELECT unnest(?))" if issue else "e.issue IS NOT NULL"
    clauses.append(f"({own} OR (e.event_type || '|' || e.factuality IN (SELECT unnest(?)) "
                   f"AND {names_issue}))")
    params += [*([issue] if issue else []), conditional, _issue_regex(issue)]
    if party:
        clauses.append(f"EXISTS (SELECT 1 FROM event_entities p WHERE p.event_id = e.event_id "
                       f"AND list_bool_or([starts_with({_party_sql('p')}, c) for c in ?]))")
        params += [sorted(rules.state_sectors), party]
    return Query(f"""
        SELECT e.event_id, e.article_id, e.event_type, e.factuality, e.issue, e.issue_text,
               e.date, e.date_precision, CASE WHEN e.date IS NULL THEN e._when END AS pub
        FROM {FROM_DATED} WHERE {' AND '.join(clauses)}""", params)


# What ``tidings.stances.observe`` reads of an event, its entities and mentions. Plain slotted
# records: rebuilding pydantic ``Event``s cost more than the stance rules themselves (7 s for
# 145k events). tests/serve/test_stances.py checks the result equals ``store_stances``'.
@dataclass(frozen=True, slots=True)
class _Entity:
    text: str
    country: str | None
    sector: str | None
    code: str


@dataclass(frozen=True, slots=True)
class _Mention:
    text: str


@dataclass(frozen=True, slots=True)
class _Event:
    event_id: str
    article_id: str
    event_type: str
    factuality: str
    issue: str | None
    issue_text: str | None
    date: dt.date | None
    date_precision: str | None
    actor: list[_Entity]
    recipient: list[_Entity]
    mentions: list[_Mention]


def _events(cur: duckdb.DuckDBPyConnection, rows: list[tuple]) -> list[_Event]:
    """The candidate rows as events with their entities and sentences (flat rows grouped here:
    twice as fast as DuckDB lists of structs)."""
    ids = [r[0] for r in rows]
    actors: dict[str, list[_Entity]] = {}
    recipients: dict[str, list[_Entity]] = {}
    for event_id, role, *fields in cur.execute(
            "SELECT event_id, role, text, country, sector, code FROM event_entities "
            "WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, role, position",
            [ids]).fetchall():
        (actors if role == "actor" else recipients).setdefault(event_id, []).append(
            _Entity(*fields))
    mentions: dict[str, list[_Mention]] = {}
    for event_id, text in cur.execute(
            "SELECT event_id, text FROM mentions WHERE event_id IN (SELECT unnest(?)) "
            "ORDER BY event_id, position", [ids]).fetchall():
        mentions.setdefault(event_id, []).append(_Mention(text))
    return [_Event(*r[:8], actors.get(r[0], []), recipients.get(r[0], []),
                   mentions.get(r[0], [])) for r in rows]


def _has_cue(event: _Event, rules: StanceRules) -> bool:
    """Could a sentence of ``event`` state a precondition (``tidings.stances.precondition``
    returns None for a sentence without any cue)?"""
    return any(rules.strong.search(m.text) or rules.weak.search(m.text)
               or rules.final.search(m.text) for m in event.mentions)


def observations(cur: duckdb.DuckDBPyConnection, f: EventFilters, issue: list[str] | None,
                 party: list[str] | None) -> list[StanceObservation]:
    """The stance observations of the filtered events, as ``tidings.stances.store_stances``
    gives them (filtered by issue and party the same way)."""
    rules = load_rules()
    # Without a cue in any sentence no precondition is found: skip the search for one (which
    # looks for every issue phrase in every sentence, most of the time on large stores).
    plain_rules = replace(rules, conditional=frozenset())
    query = candidates(f, issue, party)
    rows = cur.execute(query.sql, query.params).fetchall()
    found: list[StanceObservation] = []
    for row, event in zip(rows, _events(cur, rows), strict=True):
        published = row[8]  # an undated event takes its article's publication date
        found += observe(event, published, rules if _has_cue(event, rules) else plain_rules)
    found.sort(key=lambda o: (o.date or dt.date.min, o.article_id, o.event_id))
    issues_wanted = set(issue or ())
    parties = set(party or ())
    return [o for o in found
            if (not issues_wanted or o.issue in issues_wanted)
            and (not parties or any(o.party.startswith(p) for p in parties))]


def _cell(o: StanceObservation, n: int) -> dict:
    return {
        "party": o.party, "party_text": o.party_text, "issue": o.issue,
        "issue_text": o.issue_text, "position": o.position, "condition": o.condition,
        "counterpart": list(o.counterpart), "date": o.date, "date_precision": o.date_precision,
        "factuality": o.factuality, "event_type": o.event_type, "event_id": o.event_id,
        "article_id": o.article_id, "evidence": o.evidence[0] if o.evidence else None,
        "observations": n,
    }


def matrix(found: list[StanceObservation], limit: int) -> dict:
    """Parties (rows, busiest first, at most ``limit``) x issues (columns, busiest first): the
    latest observation per cell, with its date and the sentence it rests on."""
    per_party = Counter(o.party for o in found)
    per_issue = Counter(o.issue for o in found)
    per_cell = Counter((o.party, o.issue) for o in found)
    parties = sorted(per_party, key=lambda p: (-per_party[p], p))[:limit]
    shown = set(parties)
    cells = [_cell(o, per_cell[(o.party, o.issue)]) for o in latest(found) if o.party in shown]
    columns = sorted({c["issue"] for c in cells}, key=lambda i: (-per_issue[i], i))
    return {"positions": list(POSITIONS), "parties": parties, "issues": columns,
            "total_parties": len(per_party), "observations": len(found), "cells": cells}


def timeline(found: list[StanceObservation], issue: str, limit: int, points: int) -> dict:
    """The dated observations on ``issue``, one lane per party (the ``limit`` busiest). Those of
    one party, day, position and factuality are one point (``n`` observations; the last one's
    event and sentence); at most ``points`` points, the latest ones."""
    per_party = Counter(o.party for o in found)
    parties = sorted(per_party, key=lambda p: (-per_party[p], p))[:limit]
    shown = set(parties)
    mine = [o for o in found if o.party in shown]
    grouped: dict[tuple, dict] = {}
    for o in mine:  # in date order: the last observation of a group speaks for it
        if o.date is None:
            continue
        point = grouped.setdefault((o.date, o.party, o.position, o.factuality), {
            "date": o.date, "party": o.party, "position": o.position,
            "factuality": o.factuality, "n": 0})
        point["n"] += 1
        point.update(party_text=o.party_text, event_type=o.event_type, condition=o.condition,
                     counterpart=list(o.counterpart), event_id=o.event_id,
                     article_id=o.article_id, evidence=o.evidence[0] if o.evidence else None)
    items = sorted(grouped.values(), key=lambda p: (p["date"], p["party"], p["position"],
                                                    p["factuality"]))
    return {"issue": issue, "positions": list(POSITIONS), "parties": parties,
            "total_parties": len(per_party), "observations": len(mine),
            "undated": sum(o.date is None for o in mine), "truncated": len(items) > points,
            "items": items[-points:]}


# -- stories -----------------------------------------------------------------------------------

def has_stories(cur: duckdb.DuckDBPyConnection) -> bool:
    """Did ``tidings stories --rebuild`` write its tables into this store?"""
    return cur.execute(
        "SELECT count(DISTINCT table_name) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name IN ('stories', 'story_events')"
    ).fetchone()[0] == 2


@dataclass(frozen=True)
class StoryFilters:
    """What ``tidings stories`` filters on, checked like every event filter."""

    store: Filters
    min_sources: int = 1

    @classmethod
    def parse(cls, *, since: str | None, until: str | None, actor: list[str] | None,
              type: list[str] | None, min_sources: int) -> StoryFilters:  # noqa: A002
        return cls(Filters.parse(since=since or None, until=until or None, actor=split(actor),
                                 event_type=split(type)), min_sources)

    def where(self) -> tuple[str, list[object]]:
        """The WHERE clause over ``stories s`` — the same as the CLI's."""
        f = self.store
        clauses, params = ["s.num_sources >= ?"], [self.min_sources]
        if f.since:
            clauses.append("coalesce(s.date, s.first_seen) >= ?")
            params.append(f.since)
        if f.until:
            clauses.append("coalesce(s.date, s.first_seen) <= ?")
            params.append(f.until)
        if f.actor:
            # A party country of the story, or an actor code (prefix) of one of its events.
            clauses.append("(len(list_intersect(s.actor_countries, ?)) > 0 OR EXISTS ("
                           "SELECT 1 FROM story_events se JOIN event_entities x USING (event_id)"
                           " WHERE se.story_id = s.story_id AND x.role = 'actor' AND "
                           "list_bool_or([starts_with(x.code, c) for c in ?])))")
            params += [f.actor, f.actor]
        if f.event_type:
            clauses.append("s.event_type IN (SELECT unnest(?))")
            params.append(f.event_type)
        return "WHERE " + " AND ".join(clauses), params


def story_rows(f: StoryFilters, limit: int | None, offset: int) -> tuple[Query, Query]:
    """Stories most sources first (then articles, mentions, id), and the query counting them."""
    where, params = f.where()
    page, page_params = page_clause(limit, offset)
    rows = Query(f"SELECT s.* FROM stories s {where} ORDER BY s.num_sources DESC, "
                 f"s.num_articles DESC, s.num_mentions DESC, s.story_id {page}",
                 [*params, *page_params])
    return rows, Query(f"SELECT count(*) FROM stories s {where}", list(params))
