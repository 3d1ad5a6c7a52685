"""`tidings serve`: the HTTP API and the dashboard over a store."""

from __future__ import annotations

from pathlib import Path

import typer

from tidings.cli.app import app, reports_errors

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@app.command("serve")
@reports_errors
def serve(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    host: str = typer.Option("127.0.0.1", "--host",
                             help="Address to bind (default: loopback only)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    write_token: str = typer.Option(
        None, "--write-token", envvar="TIDINGS_WRITE_TOKEN", show_envvar=True,
        help="Enable POST /api/articles for requests sending 'Authorization: Bearer TOKEN'. "
             "Without it the store is opened read-only."),
) -> None:
    """Serve the dashboard (/) and the HTTP API (/api, docs at /docs) over a store.

    Example: tidings serve --db tidings.duckdb   then open http://127.0.0.1:8000/
    """
    import uvicorn

    from tidings.serve import create_app

    server = create_app(db, write_token=write_token or None)  # E201 etc. before "serving"
    if host not in _LOOPBACK:
        typer.echo(f"warning: listening on {host}: anyone who can reach it can read the store"
                   + (" and, with the token, write to it" if write_token else ""), err=True)
    mode = "read-write (token required)" if write_token else "read-only"
    typer.echo(f"tidings: serving {db} ({mode}) at http://{host}:{port}/", err=True)
    uvicorn.run(server, host=host, port=port, log_level="info")
