"""The command line: one module per command, each a thin layer over ``tidings.api``."""

from __future__ import annotations

from tidings.cli import (  # noqa: F401 - registers commands
    code,
    evaluate,
    events,
    export,
    ingest,
    places,
    serve,
    stances,
    stories,
)
from tidings.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
