"""The typer application and what every command shares: exit codes and error reporting."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from tidings.errors import TidingsError
from tidings.read import parse_date

EXIT_OK = 0
EXIT_SKIPPED = 1  # finished, but some inputs were skipped (each named on stderr)
EXIT_USAGE = 2  # bad option or argument (typer's own code)
EXIT_ERROR = 3  # nothing could be done: no store, no readable input, bad data file

app = typer.Typer(
    name="tidings",
    help=(
        "Political event data from news: who did what to whom, where, when, how sure, and on "
        "which evidence.\n\n"
        "Start with:  tidings ingest samples/corpus --db tidings.duckdb\n\n"
        "Exit codes: 0 done; 1 done, but some inputs were skipped (named on stderr); "
        "2 bad usage; 3 nothing could be done (e.g. no such store)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

F = TypeVar("F", bound=Callable[..., Any])
# Errors in what the user typed (a filter value, a date, a format name): bad usage, exit 2.
_USAGE_ERRORS = {"E010", "E202", "E205"}


def reports_errors(command: F) -> F:
    """Turn a user error into one line on stderr and exit code 3 — never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except TidingsError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(EXIT_USAGE if exc.code in _USAGE_ERRORS else EXIT_ERROR) from None
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(EXIT_USAGE) from None
        except BrokenPipeError:  # `tidings events ... | head`
            sys.stderr.close()
            raise typer.Exit(EXIT_OK) from None

    return wrapper  # type: ignore[return-value]


def option_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return parse_date(value, source=option)
    except TidingsError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
