"""Flat, readable rows of events for tables and CSV (the JSON formats keep PLOVER's shape)."""

from __future__ import annotations

from tidings.model import Entity, Event

TABLE_COLUMNS = ["event_type", "factuality", "actor", "recipient", "issue", "location", "date",
                 "trigger", "confidence"]


def _parties(entities: list[Entity]) -> str:
    return "; ".join(e.code for e in entities)


def event_row(event: Event) -> dict:
    first = event.mentions[0] if event.mentions else None
    location = event.location
    place = None
    if location is not None:
        place = f"{location.qualifier} {location.name}" if location.qualifier else location.name
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "event_type": event.event_type,
        "mode": ";".join(event.mode),
        "factuality": event.factuality,
        "actor": _parties(event.actor),
        "recipient": _parties(event.recipient),
        "issue": event.issue,
        "location": place,
        "country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "cameo_code": event.cameo_code,
        "score": event.score,
        "confidence": event.confidence,
        "mentions": len(event.mentions),
        "trigger": first.trigger if first else None,
        "sentence": first.text.strip() if first else None,
        "rule": event.rule,
    }
