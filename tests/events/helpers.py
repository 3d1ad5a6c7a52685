"""Small assertions shared by the events tests."""

from __future__ import annotations


def only(events, event_type: str):
    """The one event of ``event_type`` among ``events`` (fails when there are none or several)."""
    chosen = [e for e in events if e.event_type == event_type]
    assert len(chosen) == 1, f"expected one {event_type}, got {[_brief(e) for e in events]}"
    return chosen[0]


def _brief(event) -> str:
    return (f"{event.event_type}/{event.factuality} {[a.code for a in event.actor]}->"
            f"{[r.code for r in event.recipient]} issue={event.issue}")


def countries(entities) -> set[str]:
    return {e.country for e in entities}
