"""The command line: one module per command, each a thin layer over ``tidings.api``."""

from __future__ import annotations

from tidings.cli import code, evaluate, events, export, ingest, places, serve  # noqa: F401 - registers commands
from tidings.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
