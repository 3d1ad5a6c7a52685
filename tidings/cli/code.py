"""`tidings code`: the events of some articles, to stdout or a file — nothing is stored."""

from __future__ import annotations

from pathlib import Path

import typer

from tidings import api
from tidings.cli.app import EXIT_ERROR, EXIT_SKIPPED, app, option_date, reports_errors
from tidings.cli.output import Format, emit
from tidings.cli.rows import TABLE_COLUMNS, event_row
from tidings.dictionaries import load_dictionaries
from tidings.errors import SkippedInput
from tidings.read import read_paths


@app.command("code")
@reports_errors
def code(
    paths: list[Path] = typer.Argument(..., help="Text, HTML, JSON/JSONL files or folders of them."),
    published: str = typer.Option(
        None, "--published", "-p",
        help="Publication date YYYY-MM-DD for inputs that carry none; anchors 'on Friday'."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    dictionaries: Path = typer.Option(
        None, "--dictionaries", help="Code with PETRARCH/TABARI-format dictionaries from this folder."),
) -> None:
    """Code articles into events and print them (PLOVER records with --format jsonl).

    Example: tidings code article.txt --published 2025-08-16 --format table
    """
    default_date = option_date(published, "--published")
    skipped = 0
    articles = []
    for item in read_paths(paths):
        if isinstance(item, SkippedInput):
            typer.echo(f"skipped {item}", err=True)
            skipped += 1
            continue
        if item.published is None and default_date is not None:
            item = item.model_copy(update={"published": default_date})
        articles.append(item)
    if not articles:
        typer.echo("error: no readable article in the input", err=True)
        raise typer.Exit(EXIT_ERROR)
    dicts = load_dictionaries(dictionaries) if dictionaries else None
    for warning in dicts.warnings if dicts else ():
        typer.echo(f"warning: {warning}", err=True)
    events = [event for coded in api.code_articles(articles, dictionaries=dicts) for event in coded.events]
    if fmt in (Format.json, Format.jsonl):
        emit([e.model_dump(mode="json") for e in events], fmt, output)
    else:
        emit([event_row(e) for e in events], fmt, output, table_columns=TABLE_COLUMNS,
             title=f"{len(events)} events in {len(articles)} article(s)")
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)
