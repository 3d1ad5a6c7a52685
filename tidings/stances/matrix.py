"""Stances over time: the party x issue matrix of latest positions, and the changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from tidings.stances.derive import STANCE_TYPES, StanceObservation, derive_stances
from tidings.store import EventStore

_MIN_DATE = dt.date.min


def _order(o: StanceObservation) -> tuple:
    return (o.date or _MIN_DATE, o.article_id, o.event_id)


def latest(observations: Iterable[StanceObservation]) -> list[StanceObservation]:
    """The latest observation per (party, issue), sorted by party then issue."""
    last: dict[tuple[str, str], StanceObservation] = {}
    for o in sorted(observations, key=_order):
        last[(o.party, o.issue)] = o
    return [last[k] for k in sorted(last)]


def changes(observations: Iterable[StanceObservation]) -> list[dict]:
    """Each time a party's position on an issue differs from its previous one (the first
    observation counts as a change from nothing)."""
    out: list[dict] = []
    previous: dict[tuple[str, str], StanceObservation] = {}
    for o in sorted(observations, key=lambda o: (o.party, o.issue, *_order(o))):
        before = previous.get((o.party, o.issue))
        if before is None or before.position != o.position:
            out.append({
                "party": o.party, "issue": o.issue,
                "date": o.date.isoformat() if o.date else None,
                "from": before.position if before else None, "to": o.position,
                "counterpart": ";".join(o.counterpart), "condition": o.condition,
                "evidence": o.evidence[0] if o.evidence else None,
                "event_id": o.event_id, "article_id": o.article_id,
            })
        previous[(o.party, o.issue)] = o
    return out


def matrix_records(observations: Iterable[StanceObservation]) -> list[dict]:
    """The matrix in long form: one record per (party, issue) with its latest position."""
    rows = []
    for o in latest(observations):
        row = o.as_dict()
        row["counterpart"] = ";".join(o.counterpart)
        row["evidence"] = o.evidence[0] if o.evidence else None
        rows.append(row)
    return rows


def matrix_table(observations: Iterable[StanceObservation]) -> pd.DataFrame:
    """Party rows x issue columns; each cell "position (date)" (conditions name the condition)."""
    cells: dict[str, dict[str, str]] = {}
    for o in latest(observations):
        text = o.position
        if o.condition:
            text += f" on {o.condition}"
        if o.counterpart and o.position != "no agreement":
            text += f" → {'/'.join(o.counterpart)}"
        text += f" ({o.date.isoformat()})" if o.date else ""
        cells.setdefault(o.party, {})[o.issue] = text
    frame = pd.DataFrame.from_dict(cells, orient="index").sort_index()
    frame = frame.reindex(sorted(frame.columns), axis=1).fillna("")
    frame.index.name = "party"
    return frame.reset_index()


def store_stances(store: EventStore, *, issue: str | list[str] | None = None,
                  party: str | list[str] | None = None, since: dt.date | str | None = None,
                  until: dt.date | str | None = None) -> list[StanceObservation]:
    """The stance observations of the stored events (filtered by issue, party, dates)."""
    filters = {k: v for k, v in {"since": since, "until": until}.items() if v}
    events = store.iter_events(event_type=list(STANCE_TYPES), **filters)
    published = dict(store.connection.execute(
        "SELECT article_id, published FROM articles").fetchall())
    found = derive_stances(events, published)
    issues = {issue} if isinstance(issue, str) else set(issue or ())
    parties = {party} if isinstance(party, str) else set(party or ())
    return [o for o in found
            if (not issues or o.issue in issues)
            and (not parties or o.party in parties or any(o.party.startswith(p) for p in parties))]
