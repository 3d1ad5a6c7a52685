"""`tidings eval`: accuracy against gold sets, printed as tables and kept as a JSON report."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer

from tidings.cli.app import app, reports_errors
from tidings.evaluate import evaluate_path, format_results
from tidings.evaluate.summary import format_summary, summarize

SHARED_DATA = Path("../shared/data")


@app.command("eval")
@reports_errors
def evaluate(
    gold: Path = typer.Argument(None, help="A gold file: samples/gold.jsonl, PETRARCH2 records, PLOVER GSR."),
    gold_option: Path = typer.Option(None, "--gold", help="The same, as an option."),
    dictionaries: Path = typer.Option(
        None, "--dictionaries", help="PETRARCH-format dictionaries (for PETRARCH2 validation records)."),
    geo: list[Path] = typer.Option(None, "--geo", help="Geoparsing gold (TR-News/LGL/GWN/GeoVirus XML, or a folder)."),
    run_all: bool = typer.Option(False, "--all", help=f"Every set under --data (default {SHARED_DATA})."),
    data: Path = typer.Option(SHARED_DATA, "--data", help="Where --all looks for gold sets."),
    limit: int = typer.Option(None, "--limit", min=1, help="Score only the first N records of each set."),
    report: Path = typer.Option(None, "--report", help="Also write the full results as JSON here."),
) -> None:
    """Measure accuracy: precision, recall and F1 by event type, actors, places and dates.

    Examples:
      tidings eval samples/gold.jsonl
      tidings eval samples/second-coding.jsonl   (a second coder's agreement with the gold)
      tidings eval --gold ../shared/data/petrarch2-validation/records-dev.jsonl --dictionaries ../shared/data/petrarch2-dictionaries/
      tidings eval --geo ../shared/data/geoparsing/
      tidings eval --all --report out/eval.json
    """
    jobs: list[tuple[str, Path, dict]] = []
    for path in (gold, gold_option):
        if path is not None:
            jobs.append(("auto", path, {"dictionaries": dictionaries}))
    for path in geo or ():
        jobs.append(("geo", path, {}))
    if run_all:
        from tidings.evaluate import every_set

        jobs += every_set(data)
    if not jobs:
        raise typer.BadParameter("give a gold file, --geo PATH or --all")
    results = {}
    for kind, path, options in jobs:
        name, result = evaluate_path(kind, path, limit=limit, **options)
        results[name] = result
        typer.echo(format_results(name, result))
        typer.echo("")
    summary = summarize(results)
    if len(jobs) > 1:
        typer.echo("# summary\n" + format_summary(summary))
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        document = {**results, "summary": [asdict(row) for row in summary]}
        report.write_text(json.dumps(document, indent=2, default=str), encoding="utf-8")
        typer.echo(f"report written to {report}")
