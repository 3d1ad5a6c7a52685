"""`tidings stories`: the story events (one happening, many articles), ranked by sources."""

from __future__ import annotations

from pathlib import Path

import typer

from tidings import api
from tidings.cli import filters as opt
from tidings.cli.app import app, option_date, reports_errors
from tidings.cli.output import Format, emit
from tidings.dedup.stories import build_stories, has_stories

_TABLE = ["story_id", "date", "event_type", "factuality", "actor_countries",
          "recipient_countries", "issue", "loc_name", "num_sources", "num_articles",
          "num_mentions", "headline"]


@app.command("stories")
@reports_errors
def stories(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Link the stored events again first."),
    actor: opt.Actor = None, event_type: opt.EventType = None,
    since: opt.Since = None, until: opt.Until = None,
    min_sources: int = typer.Option(1, "--min-sources", min=1, help="At least this many outlets."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="At most this many stories."),
    members: bool = typer.Option(False, "--members", help="List member events, not stories."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """List story events — one happening reported by many articles — most sources first.

    Example: tidings stories --db tidings.duckdb --rebuild --since 2025-08-01 --actor RUS
    """
    first, last = option_date(since, "--since"), option_date(until, "--until")
    with api.open_store(db, read_only=not rebuild) as store:
        if rebuild:
            stats = build_stories(store)
            typer.echo(f"linked {stats.events} events into {stats.stories} stories "
                       f"({stats.multi_article_stories} from several articles)", err=True)
        elif not has_stories(store):
            raise ValueError("no stories in this store yet: run `tidings stories --rebuild`")
        clauses, params = ["num_sources >= ?"], [min_sources]
        if first:
            clauses.append("coalesce(date, first_seen) >= ?")
            params.append(first)
        if last:
            clauses.append("coalesce(date, first_seen) <= ?")
            params.append(last)
        if actor:
            clauses.append("(len(list_intersect(actor_countries, ?)) > 0 OR EXISTS ("
                           "SELECT 1 FROM story_events se JOIN event_entities x USING (event_id) "
                           "WHERE se.story_id = s.story_id AND x.role = 'actor' AND "
                           "list_bool_or([starts_with(x.code, c) for c in ?])))")
            params += [actor, actor]
        if event_type:
            clauses.append("event_type IN (SELECT unnest(?))")
            params.append([t.upper() for t in event_type])
        where = " AND ".join(clauses)
        con = store.connection
        if members:
            frame = con.execute(
                f"SELECT se.story_id, se.event_id, se.article_id, a.source, a.published, "
                f"e.event_type, e.factuality, e.date, e.loc_name, "
                f"(SELECT text FROM mentions m WHERE m.event_id = se.event_id "
                f"ORDER BY position LIMIT 1) AS evidence "
                f"FROM story_events se JOIN events e USING (event_id) "
                f"JOIN articles a ON a.article_id = se.article_id "
                f"WHERE se.story_id IN (SELECT story_id FROM stories s WHERE {where} "
                f"ORDER BY num_sources DESC, num_articles DESC, story_id LIMIT ?) "
                f"ORDER BY se.num_sources DESC, se.story_id, a.published, se.event_id",
                [*params, limit]).df()
            emit(frame, fmt, output)
            return
        frame = con.execute(
            f"SELECT * FROM stories s WHERE {where} "
            "ORDER BY num_sources DESC, num_articles DESC, num_mentions DESC, story_id LIMIT ?",
            [*params, limit]).df()
        emit(frame, fmt, output, table_columns=_TABLE)
