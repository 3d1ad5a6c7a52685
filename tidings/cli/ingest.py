"""`tidings ingest`: read, code and store articles in the DuckDB event store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tidings import api
from tidings.cli.app import EXIT_ERROR, EXIT_SKIPPED, app, reports_errors
from tidings.cli.output import Format, emit
from tidings.read import count_inputs


@app.command("ingest")
@reports_errors
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders: text, HTML, JSON/JSONL(.gz), WARC, feeds."),
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store (created if missing)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per spaCy batch."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    """Code articles into the store. Safe to re-run: stored articles are not coded again, and an
    interrupted run continues where it stopped.

    Example: tidings ingest samples/corpus --db tidings.duckdb
    """
    err = Console(stderr=True)
    total = count_inputs(paths)
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
        TextColumn("{task.fields[rate]}"), TextColumn("skipped {task.fields[skipped]}"),
        TimeElapsedColumn(), console=err, disable=quiet, transient=False,
    )
    with progress:
        task = progress.add_task("ingest", total=total, rate="", skipped=0)

        def advance(report: api.IngestReport) -> None:
            elapsed = progress.tasks[0].elapsed or 0
            done = report.coded + report.unchanged
            rate = f"{done / elapsed:.1f}/s" if elapsed else ""
            progress.update(task, completed=done, rate=rate, skipped=len(report.skipped))

        def skipped(item: object) -> None:
            progress.console.print(f"skipped {item}", markup=False, highlight=False)

        report = api.ingest(paths, db, batch_size=batch_size, on_article=advance, on_skip=skipped)
    if not quiet:
        err.print(
            f"{report.read} articles read, {report.coded} coded, {report.unchanged} already stored, "
            f"{report.events} events written, {len(report.skipped)} inputs skipped -> {db}"
        )
        with api.open_store(db) as store:
            emit(store.summary(), Format.table, title="events in the store by type and factuality")
    if report.read == 0 and report.skipped:
        raise typer.Exit(EXIT_ERROR)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)
