"""The STORE stage: coded articles in a DuckDB file, queries over them, and exporters.

``EventStore`` writes and reads; ``export(store, fmt, out, **filters)`` writes files through the
exporters registered in ``tidings.registry.exporters`` (parquet, jsonl, csv, gdelt).
"""

from __future__ import annotations

from .export import export
from .schema import SCHEMA_VERSION
from .store import EventStore

__all__ = ["EventStore", "SCHEMA_VERSION", "export"]
