"""`tidings ingest`: read, code and store articles in the DuckDB event store (docs/scale.md)."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidings import api
from tidings.cli.app import EXIT_ERROR, EXIT_SKIPPED, app, reports_errors
from tidings.cli.output import Format, emit
from tidings.read import count_inputs


@app.command("ingest")
@reports_errors
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders: text, HTML, JSON/JSONL(.gz), WARC, feeds."),
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store (created if missing)."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1,
        help="Processes that code articles: 1 codes in this process; N > 1 starts a local Dask cluster."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", metavar="ADDRESS",
        help="Use a running Dask cluster (tcp://host:8786) instead; its workers must be able to "
             "import tidings. Overrides --workers."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch (a spaCy batch and a Dask task)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    log_every: float = typer.Option(
        10.0, "--log-every", min=0, metavar="SECONDS",
        help="When stderr is not a terminal (a log file), print a progress line this often."),
) -> None:
    """Code articles into the store. Safe to re-run or to kill: stored articles are not coded
    again, and an interrupted run continues where it stopped.

    Examples: tidings ingest samples/corpus --db tidings.duckdb;
    tidings ingest corpus/ news.warc.gz --db tidings.duckdb --workers 2
    """
    err = Console(stderr=True)
    total = count_inputs(paths)
    show = Quiet() if quiet else Bar(err, total) if err.is_terminal else Lines(err, total, log_every)
    with show:
        report = api.ingest(paths, db, workers=workers, scheduler=scheduler,
                            batch_size=batch_size, on_article=show.update, on_skip=show.skipped)
        show.update(report, final=True)
    if not quiet:
        err.print(summary(report, db))
        with api.open_store(db) as store:
            emit(store.summary().reset_index(), Format.table, title="events in the store by type and factuality")
    if report.read == 0 and report.skipped:
        raise typer.Exit(EXIT_ERROR)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


class Quiet:
    """No progress display (--quiet)."""

    def __enter__(self) -> Quiet:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, report: api.IngestReport, final: bool = False) -> None:
        return None

    def skipped(self, item: object) -> None:
        return None


class Bar(Quiet):
    """A live bar on a terminal: articles done/total, articles coded per second, skipped."""

    def __init__(self, console: Console, total: int | None) -> None:
        self.total = total
        self.progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
            TextColumn("{task.fields[rate]}"), TextColumn("skipped {task.fields[skipped]}"),
            TimeElapsedColumn(), console=console, transient=False)
        self.task = self.progress.add_task("ingest", total=total, rate="", skipped=0)
        self.first: float | None = None  # when the first article was coded (models loaded)

    def __enter__(self) -> Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def update(self, report: api.IngestReport, final: bool = False) -> None:
        now = time.monotonic()
        if report.coded and self.first is None:
            self.first = now
        rate = report.coded / (now - self.first) if self.first and now > self.first else 0.0
        self.progress.update(self.task, completed=report.done, rate=f"{rate:.1f}/s" if rate else "",
                             skipped=len(report.skipped),
                             total=report.done if final and self.total is None else self.total)

    def skipped(self, item: object) -> None:
        self.progress.console.print(f"skipped {item}", markup=False, highlight=False, soft_wrap=True)


class Lines(Quiet):
    """Plain progress lines for a log file, at most one per ``every`` seconds."""

    def __init__(self, console: Console, total: int | None, every: float) -> None:
        self.console, self.total, self.every = console, total, every
        self.start = self.last = time.monotonic()

    def update(self, report: api.IngestReport, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.last < self.every:
            return
        self.last = now
        total = f"/{self.total}" if self.total is not None else ""
        self.console.print(
            f"ingest: {report.done}{total} articles (coded {report.coded}, already stored "
            f"{report.unchanged}, inputs skipped {len(report.skipped)}) in {now - self.start:.0f}s",
            markup=False, highlight=False)

    def skipped(self, item: object) -> None:
        # one line per skipped input, however long its path: logs are read with grep
        self.console.print(f"skipped {item}", markup=False, highlight=False, soft_wrap=True)


def summary(report: api.IngestReport, db: Path) -> Table:
    """What a run did, how fast, and where its time went."""
    s = report.seconds
    coding = max(s["total"] - s["start"], 1e-9)
    table = Table(title=f"ingest -> {db}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rows = [
        ("articles read", f"{report.read}"),
        ("coded and stored", f"{report.coded}  ({report.events} events)"),
        ("already stored", f"{report.unchanged}"),
        ("inputs skipped", f"{len(report.skipped)}"),
        ("stories", f"{report.stories} (linked across articles in {s.get('stories', 0):.1f}s)"
         if report.stories is not None else "unchanged"),
        ("workers", f"{report.workers}"),
        ("speed", f"{report.coded / coding:.1f} articles/s"),
        ("time", f"{s['total']:.1f}s: start {s['start']:.1f}s, read {s['read']:.1f}s, "
                 f"write {s['write']:.1f}s; coding {s['coding']:.1f}s in the workers"),
        ("peak memory", ", ".join(f"{k} {v:.0f} MB" for k, v in report.peak_rss_mb.items())),
    ]
    for name, value in rows:
        table.add_row(name, value)
    return table
