"""`tidings events`: query the store."""

from __future__ import annotations

from pathlib import Path

import typer

from tidings import api
from tidings.cli import filters as opt
from tidings.cli.app import app, reports_errors
from tidings.cli.output import Format, emit

_TABLE = ["date", "event_type", "factuality", "actor_codes", "recipient_codes", "issue",
          "loc_name", "trigger", "confidence", "article_id"]


@app.command("events")
@reports_errors
def events(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    actor: opt.Actor = None, recipient: opt.Recipient = None, event_type: opt.EventType = None,
    factuality: opt.Factuality = None, since: opt.Since = None, until: opt.Until = None,
    country: opt.Country = None, text: opt.Text = None,
    limit: int = typer.Option(None, "--limit", "-n", min=0, help="At most this many events."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (for paging)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """List stored events, oldest first, filtered.

    Example: tidings events --actor RUS --type ASSAULT --since 2025-08-01 --format csv
    """
    chosen = opt.event_filters(actor=actor, recipient=recipient, event_type=event_type,
                               factuality=factuality, since=since, until=until, country=country,
                               text=text)
    with api.open_store(db) as store:
        if fmt in (Format.json, Format.jsonl):
            found = list(store.iter_events(**chosen, limit=limit, offset=offset))
            emit([e.model_dump(mode="json") for e in found], fmt, output)
        else:
            emit(store.events(**chosen, limit=limit, offset=offset), fmt, output,
                 table_columns=_TABLE)
