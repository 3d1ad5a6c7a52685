"""The driver's end: the one writer to the store, which a kill at any moment leaves usable."""

from __future__ import annotations

import os
from pathlib import Path

from tidings.scale.batches import Batch
from tidings.scale.coding import Coded
from tidings.store import EventStore

DRIVER_MEMORY = "512MB"
# Linking stories joins the whole store with itself: more room than writing, but still a cap,
# past which DuckDB spills to disk rather than growing with the store (1M events: 5.3 GB
# uncapped, 2.4 GB capped, docs/scale.md).
LINKING_MEMORY = "1GB"


def open_for_writing(db: str | Path) -> EventStore:
    """Open the store, creating a new one atomically: a kill while DuckDB writes a new file's
    header would leave a file no later run could open, so the store is made under a temporary
    name and renamed into place."""
    path = Path(db)
    if str(db) != ":memory:" and not path.exists():
        making = path.with_name(f".{path.name}.new")
        for stale in (making, making.with_name(making.name + ".wal")):
            stale.unlink(missing_ok=True)
        EventStore(making).close()
        os.replace(making, path)
    store = EventStore(path)
    # DuckDB keeps pages it wrote cached up to 80 % of RAM by default: the driver would grow
    # with the store. Bounded, it spills to disk instead and its memory stays flat.
    store.connection.execute(f"SET memory_limit = '{DRIVER_MEMORY}'")
    # Batched inserts gain nothing from DuckDB's thread pool, whose threads would take CPU
    # from the coding (in this process, or the workers' on the same machine).
    store.connection.execute("SET threads = 1")
    return store


def write(store: EventStore, batch: Batch, coded: Coded, coder_version: str) -> int:
    """Store a coded batch in one transaction; return its number of events."""
    store.write_many(zip(batch.articles, coded.events, strict=True),
                     coder_version=coder_version, batch=max(len(batch.articles), 1))
    return sum(len(events) for events in coded.events)
