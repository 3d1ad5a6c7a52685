"""`tidings export`: files for other tools (Parquet, JSONL, CSV, the GDELT 2.0 event layout)."""

from __future__ import annotations

from pathlib import Path

import typer

from tidings import api
from tidings.cli import filters as opt
from tidings.cli.app import app, reports_errors
from tidings.store import export as export_store


@app.command("export")
@reports_errors
def export(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    fmt: str = typer.Option("parquet", "--format", "-f",
                            help="parquet, jsonl, csv or gdelt (tab-separated GDELT 2.0 events)."),
    output: Path = typer.Option(Path("export"), "--output", "-o", help="Folder to write into."),
    actor: opt.Actor = None, recipient: opt.Recipient = None, event_type: opt.EventType = None,
    factuality: opt.Factuality = None, since: opt.Since = None, until: opt.Until = None,
    country: opt.Country = None, text: opt.Text = None,
) -> None:
    """Export stored events (all, or those matching the filters) into a folder.

    Example: tidings export --db tidings.duckdb --format gdelt -o out/
    """
    chosen = opt.event_filters(actor=actor, recipient=recipient, event_type=event_type,
                               factuality=factuality, since=since, until=until, country=country,
                               text=text)
    with api.open_store(db) as store:
        written = export_store(store, fmt, output, **chosen)
    for path in written:
        typer.echo(str(path))

