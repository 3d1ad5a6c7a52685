"""Write records to the terminal or a file as table, json, jsonl, csv or parquet."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()  # a DATE column read back as a timestamp
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts with missing values as None (JSON null), not NaN."""
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists and mappings as JSON text, for CSV and the table."""
    out = frame.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, list | dict | tuple)).any():
            out[column] = out[column].map(
                lambda v: json.dumps(v, default=str, ensure_ascii=False) if isinstance(v, list | dict | tuple) else v
            )
    return out


def emit(records: list[dict] | pd.DataFrame, fmt: Format, out: Path | None = None, *,
         table_columns: list[str] | None = None, title: str | None = None) -> None:
    """Write ``records`` in ``fmt`` to ``out`` (a file) or stdout. Parquet needs ``out``."""
    if fmt in (Format.json, Format.jsonl) and not isinstance(records, pd.DataFrame):
        rows = records  # already JSON-shaped (PLOVER records): keep None as null
    frame = records if isinstance(records, pd.DataFrame) else pd.DataFrame.from_records(records)
    if fmt in (Format.json, Format.jsonl) and isinstance(records, pd.DataFrame):
        rows = _records(frame)
    if fmt is Format.parquet:
        if out is None:
            raise ValueError("--format parquet writes a file: give it with -o/--output")
        frame.to_parquet(out, index=False)
        return
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    try:
        if fmt is Format.jsonl:
            for row in rows:
                stream.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        elif fmt is Format.json:
            json.dump(rows, stream, default=str, ensure_ascii=False, indent=2)
            stream.write("\n")
        elif fmt is Format.csv:
            _flat(frame).to_csv(stream, index=False)
        else:
            columns = [c for c in (table_columns or list(frame.columns)) if c in frame.columns]
            table = Table(title=title, show_lines=False)
            for column in columns:
                table.add_column(column, overflow="fold")
            for row in frame[columns].itertuples(index=False):
                table.add_row(*(_cell(v) for v in row))
            Console(file=stream, width=None if out is None else 200).print(table)
    finally:
        if out:
            stream.close()
