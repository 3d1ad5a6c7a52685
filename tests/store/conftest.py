"""Fixtures for the store tests: an empty store and one filled with hand-made events."""

from __future__ import annotations

import datetime as dt

import pytest
from store_helpers import RUSGOV, UKRGOV, USAGOV, article, event, sample_events

from tidings.model import Location
from tidings.store import EventStore


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "events.duckdb") as s:
        yield s


@pytest.fixture
def filled(store):
    """A store with two articles: a1 (four events) and a2 (two events, no url)."""
    a1, a2 = article(1), article(2, published=dt.date(2024, 4, 10), url=None)
    store.write(a1, sample_events("a1"), coder_version="test-1")
    store.write(a2, [
        event("a2", "SANCTION", actor=[USAGOV], recipient=[RUSGOV], cameo_code="163",
              text="The US imposed sanctions on the Kremlin.", trigger="sanctions"),
        event("a2", "CONSULT", actor=[UKRGOV], recipient=[USAGOV], cameo_code="040",
              date=dt.date(2024, 4, 9), text="Kyiv held talks with Washington.",
              trigger="talks", location=Location(name="Texas", country="USA", admin1="TX",
                                                 feature="admin1", lat=31.0, lon=-100.0)),
    ], coder_version="test-1")
    return store
