"""SERVE: an HTTP API and an offline dashboard over the event store (``tidings serve``).

    from tidings.serve import create_app, run
    run("tidings.duckdb", host="127.0.0.1", port=8000)   # read-only, loopback

Routes live in ``routes/``, the dashboard's SQL in ``queries.py``, the page in ``static/``;
docs/serve.md describes the endpoints.
"""

from __future__ import annotations

from pathlib import Path

from .app import create_app

__all__ = ["create_app", "run"]


def run(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
        write_token: str | None = None, log_level: str = "info") -> None:
    """Serve the store at ``db`` until interrupted."""
    import uvicorn

    app = create_app(db, write_token=write_token)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
