"""`tidings places`: geoparse articles — every place mention, resolved with the packaged gazetteer."""

from __future__ import annotations

from pathlib import Path

import typer

from tidings import nlp
from tidings.actors import resolve
from tidings.cli.app import EXIT_ERROR, EXIT_SKIPPED, app, reports_errors
from tidings.cli.output import Format, emit
from tidings.errors import SkippedInput
from tidings.places import Geocoder
from tidings.read import read_paths

# "feature" tells a GeoNames place (city, admin1, country, ...) from a "vicinity": a street or
# building the gazetteer lacks, placed at the article's focus town (docs/places.md).
_COLUMNS = ["article_id", "text", "start_char", "end_char", "name", "feature", "qualifier",
            "country", "admin1", "lat", "lon", "geonameid", "score"]


@app.command("places")
@reports_errors
def places(
    paths: list[Path] = typer.Argument(..., help="The same inputs `tidings code` reads."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """List every place mention with its GeoNames resolution (no events are coded).

    Example: tidings places article.txt --format jsonl
    """
    articles, skipped = [], 0
    for item in read_paths(paths):
        if isinstance(item, SkippedInput):
            typer.echo(f"skipped {item}", err=True)
            skipped += 1
        else:
            articles.append(item)
    if not articles:
        typer.echo("error: no readable article in the input", err=True)
        raise typer.Exit(EXIT_ERROR)
    geocoder = Geocoder.default()
    rows = []
    for article, doc in zip(articles, nlp.parse(a.text for a in articles), strict=True):
        for place in geocoder.find(doc, resolve(doc).countries()):
            rows.append({"article_id": article.article_id, **place.model_dump(include=set(_COLUMNS))})
    emit(rows, fmt, output, table_columns=_COLUMNS)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)
