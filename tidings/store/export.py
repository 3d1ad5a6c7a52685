"""Exporters: the stored events as files, registered by name in ``tidings.registry.exporters``.

Each exporter is ``export(store, out, **filters) -> list[Path]``: ``out`` is a directory
(created if missing), the filters are those of ``EventStore.events``, and the paths written are
returned. A plugin adds a format with ``@exporters.register("name")``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import catalogue

from ..errors import Errors, TidingsError
from ..registry import exporters
from . import gdelt
from .query import Filters

if TYPE_CHECKING:
    from .store import EventStore


def export(store: EventStore, fmt: str, out: str | Path, **filters: object) -> list[Path]:
    """Write the events matching ``filters`` in format ``fmt`` under directory ``out``."""
    try:
        exporter = exporters.get(fmt)
    except catalogue.RegistryError:
        raise TidingsError(Errors.E205, name=fmt,
                           choices=", ".join(sorted(exporters.get_all()))) from None
    Filters.parse(**filters)  # E202 before any file is created
    return exporter(store, Path(out), **filters)


def _directory(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    return out


@exporters.register("parquet")
def export_parquet(store: EventStore, out: Path, **filters: object) -> list[Path]:
    """events, event_entities, mentions and articles .parquet, holding the same events.

    Without filters every article is written (also those without events); with filters, the
    articles of the selected events.
    """
    out = _directory(out)
    con = store.connection
    paths = [out / f"{name}.parquet" for name in ("events", "event_entities", "mentions",
                                                    "articles")]
    with store.selection(**filters) as sel:
        queries = [
            f"SELECT e.* FROM events e JOIN {sel} s USING (event_id) ORDER BY s.ord",
            f"SELECT x.* FROM event_entities x JOIN {sel} s USING (event_id) "
            "ORDER BY s.ord, x.role, x.position",
            f"SELECT m.* FROM mentions m JOIN {sel} s USING (event_id) "
            "ORDER BY s.ord, m.position",
            "SELECT * FROM articles ORDER BY article_id" if Filters.parse(**filters).empty else
            f"SELECT * FROM articles WHERE article_id IN "
            f"(SELECT e.article_id FROM events e JOIN {sel} s USING (event_id)) "
            "ORDER BY article_id",
        ]
        for query, path in zip(queries, paths, strict=True):
            con.execute(f"COPY ({query}) TO ? (FORMAT parquet)", [str(path)])
    return paths


@exporters.register("jsonl")
def export_jsonl(store: EventStore, out: Path, **filters: object) -> list[Path]:
    """events.jsonl: one full PLOVER-shaped event per line."""
    path = _directory(out) / "events.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for event in store.iter_events(**filters):
            f.write(json.dumps(event.model_dump(mode="json"), ensure_ascii=False) + "\n")
    return [path]


@exporters.register("csv")
def export_csv(store: EventStore, out: Path, **filters: object) -> list[Path]:
    """events.csv: one flat row per event; actor/recipient codes and lists joined by ';'."""
    path = _directory(out) / "events.csv"
    table = store.events(**filters)
    for column in ("mode", "context"):
        table[column] = table[column].map(lambda values: ";".join(values))
    table.to_csv(path, index=False)
    return [path]


@exporters.register("gdelt")
def export_gdelt(store: EventStore, out: Path, **filters: object) -> list[Path]:
    """tidings.export.CSV in the GDELT 2.0 event table layout (see tidings.store.gdelt)."""
    path = _directory(out) / gdelt.FILENAME
    con = store.connection
    stories = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'story_events'"
    ).fetchone()[0]
    # A later cross-article layer adds `story_events`; use its counts when it is there.
    story_columns = ("st.num_mentions, st.num_sources, st.num_articles" if stories
                     else "NULL, NULL, NULL")
    story_join = "LEFT JOIN story_events st ON st.event_id = e.event_id" if stories else ""
    with store.selection(**filters) as sel:
        sources = {
            r[0]: gdelt.Source(r[1] or r[2], r[3], r[4], r[5], r[6], r[7])
            for r in con.execute(
                f"SELECT e.event_id, a.url, a.article_id, a.published, a.ingested_at, "
                f"{story_columns} FROM {sel} s JOIN events e USING (event_id) "
                f"JOIN articles a ON a.article_id = e.article_id {story_join} ORDER BY s.ord"
            ).fetchall()
        }
    with path.open("w", encoding="utf-8", newline="") as f:
        for event in store.events_by_id(sources):
            for row in gdelt.rows(event, sources[event.event_id]):
                f.write("\t".join(row) + "\n")
    return [path]
