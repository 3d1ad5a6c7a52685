"""`tidings stances`: where each party stands on each negotiation issue."""

from __future__ import annotations

from pathlib import Path

import typer

from tidings import api
from tidings.cli.app import app, option_date, reports_errors
from tidings.cli.output import Format, emit
from tidings.stances import changes, matrix_records, matrix_table, store_stances


@app.command("stances")
@reports_errors
def stances(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    issue: list[str] = typer.Option(None, "--issue", "-i",
                                    help="Issue from issues.yaml (ceasefire, ...); repeatable."),
    party: list[str] = typer.Option(None, "--party", "-p",
                                    help="Party (RUS, SDNREB) or its prefix; repeatable."),
    since: str = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    show_changes: bool = typer.Option(False, "--changes", help="Position changes over time."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """The party x issue matrix of latest positions (demands, accepts, conditions, rejects,
    no agreement, ...), each with its date and the sentence it rests on.

    Example: tidings stances --db tidings.duckdb --issue ceasefire --changes
    """
    first, last = option_date(since, "--since"), option_date(until, "--until")
    with api.open_store(db) as store:
        found = store_stances(store, issue=issue or None, party=party or None, since=first,
                              until=last)
    if show_changes:
        emit(changes(found), fmt, output,
             table_columns=["party", "issue", "date", "from", "to", "counterpart", "evidence"])
    elif fmt is Format.table:
        emit(matrix_table(found), fmt, output, title="latest position per party and issue")
    else:
        emit(matrix_records(found), fmt, output)
