"""The server's hold on the event store: one DuckDB connection, a cursor per request.

DuckDB connections are not thread-safe; cursors (child connections) are, so every request runs
on its own ``cursor()``. The store is opened read-only unless writes are enabled (a write token
was given); then writes are serialized by a lock, and reads go on concurrently.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..model import Article, Event
from ..store import EventStore


class Database:
    """An ``EventStore`` shared by the request threads of one server."""

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = Path(path)
        self.writable = writable
        # Reads run on cursors of ``store``; writes on a second connection to the same database
        # (DuckDB shares one instance per file within a process), used under the lock only.
        self.store = EventStore(path, read_only=not writable)
        self._writer = EventStore(path) if writable else None
        self._write_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request, closed afterwards."""
        cur = self.store.connection.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the write lock (one coding-and-writing request at a time)."""
        with self._write_lock:
            yield

    def write(self, article: Article, events: list[Event], coder_version: str) -> None:
        """Store one article; the caller holds ``writing()``."""
        if self._writer is None:
            raise RuntimeError("the store was opened read-only")
        self._writer.write(article, events, coder_version=coder_version)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self.store.close()
