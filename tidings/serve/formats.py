"""Query results as HTTP responses: JSON for the dashboard, CSV/JSONL/Parquet downloads.

Downloads stream Arrow record batches from DuckDB, so a large filtered view never sits in
memory as Python objects; the cursor lives as long as the stream and is closed after it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from fastapi.responses import StreamingResponse

from .queries import Query

_MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
          "parquet": "application/vnd.apache.parquet"}
_BATCH = 50_000
Cursors = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


def plain(value: Any) -> Any:
    """A JSON-safe value: dates as ISO strings, non-finite floats as null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def records(cur: duckdb.DuckDBPyConnection, query: Query) -> list[dict]:
    """The rows of ``query`` as JSON-safe dicts."""
    result = cur.execute(query.sql, query.params)
    names = [d[0] for d in result.description]
    return [plain(dict(zip(names, row, strict=True))) for row in result.fetchall()]


def _flat(batch: pa.RecordBatch) -> pa.RecordBatch:
    """List columns joined with ';' (CSV has no lists)."""
    columns = []
    for column in batch.columns:
        if pa.types.is_list(column.type):
            column = pc.binary_join(column, ";")
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _batches(cursors: Cursors, query: Query) -> Iterator[pa.RecordBatch]:
    with cursors() as cur:
        reader = cur.sql(query.sql, params=query.params).to_arrow_reader(_BATCH)
        yield from reader


def _csv(cursors: Cursors, query: Query) -> Iterator[bytes]:
    header = True
    for batch in _batches(cursors, query):
        sink = io.BytesIO()
        pacsv.write_csv(_flat(batch), sink, pacsv.WriteOptions(include_header=header))
        header = False
        yield sink.getvalue()


def _jsonl(cursors: Cursors, query: Query) -> Iterator[bytes]:
    for batch in _batches(cursors, query):
        yield "".join(json.dumps(plain(row), ensure_ascii=False) + "\n"
                      for row in batch.to_pylist()).encode("utf-8")


def _parquet(cursors: Cursors, query: Query) -> Iterator[bytes]:
    # Parquet's footer comes last: write to a spooled file first, then stream it.
    with tempfile.SpooledTemporaryFile(max_size=32 << 20) as spool:
        with cursors() as cur:
            reader = cur.sql(query.sql, params=query.params).to_arrow_reader(_BATCH)
            with pq.ParquetWriter(spool, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            yield chunk


def download(cursors: Cursors, query: Query, fmt: str, name: str) -> StreamingResponse:
    """Stream the rows of ``query`` as a ``name.<fmt>`` attachment."""
    body = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}[fmt](cursors, query)
    return StreamingResponse(body, media_type=_MEDIA[fmt], headers={
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
