"""Records <-> table rows: columnar Arrow batches for inserts, ``Event`` objects from rows.

Inserts go through Arrow tables with explicit types, so an all-NULL column in a batch still has
the table's type and DuckDB copies whole columns instead of parsing formatted SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pyarrow as pa

from ..errors import Errors, TidingsError
from ..model import Article, Entity, Event, Location, Mention, content_hash
from .schema import (
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    LOCATION_FIELDS,
    MENTION_COLUMNS,
)

_STR, _INT, _F64, _DATE = pa.string(), pa.int32(), pa.float64(), pa.date32()

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _STR), ("title", _STR), ("published", _DATE), ("url", _STR),
        ("source", _STR), ("path", _STR), ("text", _STR), ("content_hash", _STR),
        ("n_words", _INT), ("coder_version", _STR), ("ingested_at", pa.timestamp("us")),
    ]),
    "events": pa.schema([
        ("event_id", _STR), ("article_id", _STR), ("event_type", _STR),
        ("mode", pa.list_(_STR)), ("context", pa.list_(_STR)), ("factuality", _STR),
        ("score", _F64), ("cameo_code", _STR), ("date", _DATE), ("date_precision", _STR),
        ("issue", _STR), ("issue_text", _STR), ("confidence", _F64), ("rule", _STR),
        ("loc_name", _STR), ("loc_country", _STR), ("loc_admin1", _STR), ("loc_lat", _F64),
        ("loc_lon", _F64), ("loc_geonameid", pa.int64()), ("loc_feature", _STR),
        ("loc_qualifier", _STR), ("loc_text", _STR), ("loc_start_char", _INT),
        ("loc_end_char", _INT), ("loc_score", _F64),
    ]),
    "event_entities": pa.schema([
        ("event_id", _STR), ("role", _STR), ("position", _INT), ("text", _STR),
        ("country", _STR), ("sector", _STR), ("code", _STR), ("start_char", _INT),
        ("end_char", _INT),
    ]),
    "mentions": pa.schema([
        ("event_id", _STR), ("position", _INT), ("sentence_index", _INT), ("start_char", _INT),
        ("end_char", _INT), ("text", _STR), ("trigger", _STR), ("trigger_start", _INT),
        ("trigger_end", _INT),
    ]),
}
COLUMNS = {
    "articles": ARTICLE_COLUMNS, "events": EVENT_COLUMNS,
    "event_entities": ENTITY_COLUMNS, "mentions": MENTION_COLUMNS,
}
# Event fields stored as plain columns of the same name (the rest: location, lists of records).
_EVENT_SCALARS = tuple(c for c in EVENT_COLUMNS if not c.startswith("loc_"))
_ENTITY_FIELDS = ENTITY_COLUMNS[3:]
_MENTION_FIELDS = MENTION_COLUMNS[2:]


class Batch:
    """Column buffers for the rows of some articles and their events, inserted together."""

    def __init__(self) -> None:
        self.columns: dict[str, dict[str, list]] = {
            table: {c: [] for c in cols} for table, cols in COLUMNS.items()
        }
        self.article_ids: list[str] = []

    def __len__(self) -> int:
        return len(self.article_ids)

    def add(self, article: Article, events: Iterable[Event], coder_version: str,
            ingested_at: dt.datetime) -> int:
        """Buffer one article and its events; return the number of events.

        Checks every event first (E204), so a refused article leaves the buffer as it was.
        """
        checked = _checked(article, events)
        a = self.columns["articles"]
        for name, value in (
            ("article_id", article.article_id), ("title", article.title),
            ("published", article.published), ("url", article.url), ("source", article.source),
            ("path", article.path), ("text", article.text),
            ("content_hash", content_hash(article.title or "", article.text)),
            ("n_words", article.n_words), ("coder_version", coder_version),
            ("ingested_at", ingested_at),
        ):
            a[name].append(value)
        self.article_ids.append(article.article_id)
        for event in checked:
            self._add_event(event)
        return len(checked)

    def _add_event(self, event: Event) -> None:
        ev = self.columns["events"]
        for name in _EVENT_SCALARS:
            ev[name].append(getattr(event, name))
        loc = event.location
        for name in LOCATION_FIELDS:
            ev["loc_" + name].append(getattr(loc, name, None) if loc is not None else None)
        ents = self.columns["event_entities"]
        for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
            for position, entity in enumerate(entities):
                ents["event_id"].append(event.event_id)
                ents["role"].append(role)
                ents["position"].append(position)
                for name in _ENTITY_FIELDS:
                    ents[name].append(getattr(entity, name))
        ments = self.columns["mentions"]
        for position, mention in enumerate(event.mentions):
            ments["event_id"].append(event.event_id)
            ments["position"].append(position)
            for name in _MENTION_FIELDS:
                ments[name].append(getattr(mention, name))

    def tables(self) -> dict[str, pa.Table]:
        """One typed Arrow table per store table, columns in the table's order."""
        return {
            table: pa.table(cols, schema=ARROW_SCHEMAS[table])
            for table, cols in self.columns.items()
        }


def _checked(article: Article, events: Iterable[Event]) -> list[Event]:
    """The events, each with an id, after checking they belong to ``article`` (else E204)."""
    checked: list[Event] = []
    seen: set[str] = set()
    for event in events:
        if event.article_id != article.article_id:
            raise TidingsError(Errors.E204, event_id=event.event_id, article_id=article.article_id,
                               detail=f"the event names article {event.article_id!r}")
        if not event.event_id:
            # Give the event its content id without touching the caller's object.
            event = event.model_copy().with_id()
        if event.event_id in seen:
            raise TidingsError(Errors.E204, event_id=event.event_id, article_id=article.article_id,
                               detail="two events of the article share this event_id")
        seen.add(event.event_id)
        checked.append(event)
    return checked


def entity_from_row(row: dict) -> Entity:
    return Entity(**{name: row[name] for name in _ENTITY_FIELDS})


def mention_from_row(row: dict) -> Mention:
    return Mention(**{name: row[name] for name in _MENTION_FIELDS})


def location_from_row(row: dict) -> Location | None:
    if row["loc_name"] is None:  # name is required on a Location: NULL means no location
        return None
    fields = Location.model_fields
    return Location(**{n: row["loc_" + n] for n in LOCATION_FIELDS if n in fields})


def event_from_rows(row: dict, entities: list[dict], mentions: list[dict]) -> Event:
    """Rebuild an ``Event`` from its events row, entity rows and mention rows (any order)."""
    entities = sorted(entities, key=lambda r: r["position"])
    return Event(
        **{name: row[name] for name in _EVENT_SCALARS if name not in ("mode", "context")},
        mode=list(row["mode"]),
        context=list(row["context"]),
        location=location_from_row(row),
        actor=[entity_from_row(r) for r in entities if r["role"] == "actor"],
        recipient=[entity_from_row(r) for r in entities if r["role"] == "recipient"],
        mentions=[mention_from_row(r) for r in sorted(mentions, key=lambda r: r["position"])],
    )
