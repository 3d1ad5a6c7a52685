"""Shared by the scale tests: a corpus built by bench/corpus.py, and a store's rows."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "corpus"
TABLES = ("articles", "events", "event_entities", "mentions")


def build_corpus(n_articles: int, out: Path, paragraphs: tuple[int, int] = (1, 2)) -> Path:
    """``n_articles`` recombined sample articles as JSONL (bench/corpus.py)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build(n_articles, out, paragraphs=paragraphs)


def stored_rows(db: Path, article_ids: set[str] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table but the time of ingestion, sorted: equal dicts mean equal
    stores. With ``article_ids``, only the rows of those articles."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()
                       if r[0] != "ingested_at"]
            sql, params = f"SELECT {', '.join(columns)} FROM {table}", []
            if article_ids is not None:
                mine = "article_id IN (SELECT unnest(?))"
                if "article_id" not in columns:
                    mine = f"event_id IN (SELECT event_id FROM events WHERE {mine})"
                sql, params = f"{sql} WHERE {mine}", [sorted(article_ids)]
            out[table] = sorted(con.execute(sql, params).fetchall(), key=repr)
        return out
    finally:
        con.close()


def article_ids(db: Path) -> list[str]:
    """The stored article ids, duplicates kept (there must be none)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
    finally:
        con.close()
