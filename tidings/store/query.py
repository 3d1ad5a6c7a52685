"""Event filters: checked once, turned into a parameterized WHERE clause.

Every query of the store (``events``, ``iter_events``, ``counts``, the exporters) goes through
``Filters``, so a filter means the same thing everywhere and no value is ever formatted into
SQL. Queries alias the events table ``e`` and the articles table ``a``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

from ..errors import Errors, TidingsError
from ..model import EVENT_TYPES, FACTUALITIES

# The date an event is placed at: its own, else the day its article was published.
EVENT_DATE = "COALESCE(e.date, a.published)"
FROM_EVENTS = "events e JOIN articles a ON a.article_id = e.article_id"

_CODE = re.compile(r"^[A-Z0-9]+$")


def _bad(name: str, value: object, detail: str) -> TidingsError:
    return TidingsError(Errors.E202, name=name, value=value, detail=detail)


def _strings(name: str, value: object) -> list[str] | None:
    """A str or a list of str, as a non-empty list; None stays None."""
    if value is None:
        return None
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, Iterable) or isinstance(values, bytes | dict):
        raise _bad(name, value, "give a string or a list of strings")
    values = list(values)
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise _bad(name, value, "give a non-empty string or a list of them")
    return [v.strip() for v in values]


def _codes(name: str, value: object) -> list[str] | None:
    values = _strings(name, value)
    if values is None:
        return None
    values = [v.upper() for v in values]
    for v in values:
        if not _CODE.match(v):
            raise _bad(name, value, f"{v!r} is not an actor or country code (letters and digits)")
    return values


def _choices(name: str, value: object, allowed: tuple[str, ...], upper: bool) -> list[str] | None:
    values = _strings(name, value)
    if values is None:
        return None
    values = [v.upper() if upper else v.lower() for v in values]
    for v in values:
        if v not in allowed:
            raise _bad(name, value, f"unknown {name} {v!r}; choose from {', '.join(allowed)}")
    return values


def _date(name: str, value: object) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _bad(name, value, "not a date: use YYYY-MM-DD")


def _count(name: str, value: object, allow_none: bool) -> int | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _bad(name, value, "give a whole number >= 0")
    return value


@dataclass(frozen=True)
class Filters:
    """The checked filter values of one query (see ``EventStore.events`` for their meaning)."""

    actor: list[str] | None = None
    recipient: list[str] | None = None
    event_type: list[str] | None = None
    factuality: list[str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: list[str] | None = None
    text: str | None = None
    article_id: list[str] | None = None
    limit: int | None = None
    offset: int = 0

    @classmethod
    def parse(cls, **values: object) -> Filters:
        """Check raw filter values; raise E202 naming the first bad one."""
        known = {f.name for f in fields(cls)}
        for name in values:
            if name not in known:
                raise _bad(name, values[name], f"no such filter; use {', '.join(sorted(known))}")
        text = values.get("text")
        if text is not None and (not isinstance(text, str) or not text.strip()):
            raise _bad("text", text, "give a non-empty string")
        filters = cls(
            actor=_codes("actor", values.get("actor")),
            recipient=_codes("recipient", values.get("recipient")),
            event_type=_choices("event_type", values.get("event_type"), EVENT_TYPES, upper=True),
            factuality=_choices("factuality", values.get("factuality"), FACTUALITIES, upper=False),
            since=_date("since", values.get("since")),
            until=_date("until", values.get("until")),
            country=_codes("country", values.get("country")),
            text=text.strip() if isinstance(text, str) else None,
            article_id=_strings("article_id", values.get("article_id")),
            limit=_count("limit", values.get("limit"), allow_none=True),
            offset=_count("offset", values.get("offset", 0), allow_none=False) or 0,
        )
        if filters.since and filters.until and filters.since > filters.until:
            raise _bad("since", filters.since, f"is after until={filters.until}")
        return filters

    @property
    def empty(self) -> bool:
        """True when nothing narrows the selection: every stored event matches."""
        return not self.offset and all(
            getattr(self, f.name) is None for f in fields(self) if f.name != "offset")

    def where(self) -> tuple[str, list[object]]:
        """``(sql, params)``: a WHERE clause (or "") over ``e`` and ``a``."""
        clauses: list[str] = []
        params: list[object] = []
        for role, codes in (("actor", self.actor), ("recipient", self.recipient)):
            if codes:
                # Exact code, country, or code prefix ("RUS" -> RUS, RUSGOV, RUSMIL).
                clauses.append(
                    "EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = e.event_id "
                    "AND ee.role = ? AND (ee.country IN (SELECT unnest(?)) "
                    "OR list_bool_or([starts_with(ee.code, c) for c in ?])))"
                )
                params += [role, codes, codes]
        for column, values in (("e.event_type", self.event_type),
                               ("e.factuality", self.factuality),
                               ("e.loc_country", self.country),
                               ("e.article_id", self.article_id)):
            if values:
                clauses.append(f"{column} IN (SELECT unnest(?))")
                params.append(values)
        if self.since:
            clauses.append(f"{EVENT_DATE} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{EVENT_DATE} <= ?")
            params.append(self.until)
        if self.text:
            clauses.append(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.event_id "
                "AND contains(lower(m.text), lower(?)))"
            )
            params.append(self.text)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def page(self) -> tuple[str, list[object]]:
        """``(sql, params)``: the LIMIT/OFFSET clause."""
        if self.limit is None:
            return ("OFFSET ?", [self.offset]) if self.offset else ("", [])
        return "LIMIT ? OFFSET ?", [self.limit, self.offset]


ORDER = f"ORDER BY {EVENT_DATE} NULLS LAST, e.event_id"
