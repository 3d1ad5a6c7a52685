"""``EventStore``: coded articles in one DuckDB file, and the queries over them.

Writes replace an article's rows in one transaction, so ingesting the same article again is
idempotent and a crash loses at most the batch in flight. Reads take the filters of
``tidings.store.query.Filters``; no filter value is ever formatted into SQL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from ..errors import Errors, TidingsError
from ..model import EVENT_TYPES, FACTUALITIES, Article, Event
from .query import EVENT_DATE, FROM_EVENTS, ORDER, Filters
from .rows import Batch, event_from_rows
from .schema import SCHEMA_VERSION, TABLES

# How many events ``iter_events`` rebuilds per round trip to the database.
_CHUNK = 2000
_COUNT_KEYS = {
    "event_type": ("e.event_type AS event_type", ""),
    "factuality": ("e.factuality AS factuality", ""),
    "country": ("e.loc_country AS country", ""),
    "actor": ("x.code AS actor",
              "LEFT JOIN event_entities x ON x.event_id = e.event_id AND x.role = 'actor'"),
    "recipient": ("y.code AS recipient",
                  "LEFT JOIN event_entities y ON y.event_id = e.event_id AND y.role = 'recipient'"),
    "dyad": ("x.code AS actor, y.code AS recipient",
             "LEFT JOIN event_entities x ON x.event_id = e.event_id AND x.role = 'actor' "
             "LEFT JOIN event_entities y ON y.event_id = e.event_id AND y.role = 'recipient'"),
}
_INTERVALS = ("day", "week", "month", "year")


class EventStore:
    """Articles, events, their actors and mentions in one DuckDB file.

    >>> with EventStore("events.duckdb") as store:
    ...     store.write(article, events, coder_version="0.1.0")
    ...     store.events(actor="RUS", since="2024-01-01")
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        in_memory = str(path) == ":memory:"
        if read_only and not in_memory and not self.path.is_file():
            raise TidingsError(Errors.E201, path=self.path)
        try:
            self._con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise TidingsError(Errors.E206, path=self.path, detail=_first_line(exc)) from exc
        try:
            self._open_schema()
        except BaseException:
            self._con.close()
            raise

    def _open_schema(self) -> None:
        tables = {r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()}
        if "meta" in tables:
            row = self._con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = row[0] if row else None
            if found != SCHEMA_VERSION:
                raise TidingsError(Errors.E203, path=self.path, found=found,
                                   expected=SCHEMA_VERSION)
        elif tables:
            raise TidingsError(Errors.E206, path=self.path,
                               detail="the database has tables but no tidings `meta` table")
        elif self.read_only:
            raise TidingsError(Errors.E201, path=self.path)
        else:
            with self._transaction():
                self._con.execute(TABLES)
                self._con.execute("INSERT INTO meta VALUES ('schema_version', ?)",
                                  [SCHEMA_VERSION])

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for queries the methods here do not cover."""
        return self._con

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"EventStore({str(self.path)!r}, {mode})"

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    # -- writing -----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._con.execute(
            "SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is not None

    def article_ids(self) -> set[str]:
        return {r[0] for r in self._con.execute("SELECT article_id FROM articles").fetchall()}

    def article_hashes(self, ids: Iterable[str] | None = None) -> dict[str, tuple[str, str]]:
        """``article_id -> (content_hash, coder_version)`` of the stored articles, all of them
        or only those among ``ids`` (what a resumed ingest compares to skip coded articles)."""
        sql = "SELECT article_id, content_hash, coder_version FROM articles"
        if ids is None:
            rows = self._con.execute(sql).fetchall()
        else:
            rows = self._con.execute(sql + " WHERE article_id IN (SELECT unnest(?))",
                                     [list(ids)]).fetchall()
        return {article_id: (digest, version) for article_id, digest, version in rows}

    def write(self, article: Article, events: list[Event], *, coder_version: str = "") -> None:
        """Store one article and its events in one transaction, replacing any earlier rows."""
        self.write_many([(article, events)], coder_version=coder_version, batch=1)

    def write_many(self, coded: Iterable[tuple[Article, list[Event]]], *,
                   coder_version: str = "", batch: int = 50) -> int:
        """Store many articles, ``batch`` per transaction; return the number of articles.

        An article met twice keeps its last version. If an article is refused (E204), the
        articles before it are committed first, then the error is raised.
        """
        if self.read_only:
            raise TidingsError(Errors.E207, path=self.path)
        if batch < 1:
            raise ValueError(f"batch must be >= 1, not {batch}")
        written = 0
        buffer = Batch()
        for article, events in coded:
            # The same article twice in one batch would insert its key twice: flush first.
            if article.article_id in buffer.article_ids:
                written += self._commit(buffer)
                buffer = Batch()
            try:
                buffer.add(article, events, coder_version, _utcnow())
            except TidingsError:
                self._commit(buffer)
                raise
            if len(buffer) >= batch:
                written += self._commit(buffer)
                buffer = Batch()
        return written + self._commit(buffer)

    def _commit(self, buffer: Batch) -> int:
        if not len(buffer):
            return 0
        tables = buffer.tables()
        try:
            with self._transaction():
                self._delete(buffer.article_ids)
                self._insert(tables)
        except duckdb.ConstraintException as exc:
            raise self._explain_conflict(tables["events"], exc) from exc
        return len(buffer)

    def _delete(self, article_ids: list[str]) -> None:
        """Delete the rows of the articles among ``article_ids`` that are already stored."""
        stored = [r[0] for r in self._con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))",
            [article_ids]).fetchall()]
        if not stored:  # the common case when ingesting new articles: skip four scans
            return
        of_articles = "SELECT event_id FROM events WHERE article_id IN (SELECT unnest(?))"
        self._con.execute(f"DELETE FROM mentions WHERE event_id IN ({of_articles})", [stored])
        self._con.execute(f"DELETE FROM event_entities WHERE event_id IN ({of_articles})",
                          [stored])
        self._con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [stored])
        self._con.execute("DELETE FROM articles WHERE article_id IN (SELECT unnest(?))", [stored])

    def _insert(self, tables: dict[str, pa.Table]) -> None:
        # Arrow tables are built in each table's column order (rows.ARROW_SCHEMAS).
        for name, table in tables.items():
            if table.num_rows:
                self._con.from_arrow(table).insert_into(name)

    def _explain_conflict(self, events: pa.Table, exc: duckdb.Error) -> TidingsError:
        ids = events.column("event_id").to_pylist()
        row = self._con.execute(
            "SELECT event_id, article_id FROM events WHERE event_id IN (SELECT unnest(?)) "
            "ORDER BY event_id LIMIT 1", [ids]).fetchone()
        if row is not None:
            mine = events.column("article_id")[ids.index(row[0])].as_py()
            return TidingsError(Errors.E204, event_id=row[0], article_id=mine,
                                detail=f"the id is already stored for article {row[1]!r}")
        return TidingsError(Errors.E204, event_id="?", article_id="?", detail=_first_line(exc))

    # -- reading -----------------------------------------------------------------------------

    def events(self, *, actor: str | list[str] | None = None,
               recipient: str | list[str] | None = None,
               event_type: str | list[str] | None = None,
               factuality: str | list[str] | None = None,
               since: dt.date | str | None = None, until: dt.date | str | None = None,
               country: str | list[str] | None = None, text: str | None = None,
               article_id: str | list[str] | None = None,
               limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        """One row per event matching every filter given, ordered by (date, event_id).

        - ``actor``/``recipient``: an entity's code exactly, its country, or a code prefix
          ("RUS" matches RUS, RUSGOV, RUSMIL); a list matches any of them.
        - ``event_type``, ``factuality``, ``country`` (the location's), ``article_id``: one
          value or a list.
        - ``since``/``until``: inclusive, on the event date, else the article's published date.
        - ``text``: case-insensitive substring of any mention's sentence.

        Bad values raise E202.
        """
        f = Filters.parse(actor=actor, recipient=recipient, event_type=event_type,
                          factuality=factuality, since=since, until=until, country=country,
                          text=text, article_id=article_id, limit=limit, offset=offset)
        where, params = f.where()
        page, page_params = f.page()
        sql = f"""
        WITH sel AS (
            SELECT e.*, a.published, a.title, a.url, a.source, a.coder_version,
                   {EVENT_DATE} AS _when
            FROM {FROM_EVENTS} {where} {ORDER} {page}
        ),
        ents AS (
            SELECT event_id,
                string_agg(code, ';' ORDER BY position) FILTER (WHERE role = 'actor')
                    AS actor_codes,
                string_agg(DISTINCT country, ';' ORDER BY country) FILTER (WHERE role = 'actor')
                    AS actor_countries,
                string_agg(code, ';' ORDER BY position) FILTER (WHERE role = 'recipient')
                    AS recipient_codes,
                string_agg(DISTINCT country, ';' ORDER BY country)
                    FILTER (WHERE role = 'recipient') AS recipient_countries
            FROM event_entities WHERE event_id IN (SELECT event_id FROM sel)
            GROUP BY event_id
        ),
        first AS (
            SELECT event_id, text AS mention, trigger FROM mentions
            WHERE position = 0 AND event_id IN (SELECT event_id FROM sel)
        )
        SELECT sel.event_id, sel.article_id, sel.date, sel.date_precision, sel.published,
               sel.event_type, sel.factuality, ents.actor_codes, ents.actor_countries,
               ents.recipient_codes, ents.recipient_countries, first.mention, first.trigger,
               sel.* EXCLUDE (event_id, article_id, date, date_precision, published,
                              event_type, factuality, title, url, source, coder_version, _when),
               sel.title, sel.url, sel.source, sel.coder_version
        FROM sel LEFT JOIN ents USING (event_id) LEFT JOIN first USING (event_id)
        ORDER BY sel._when NULLS LAST, sel.event_id
        """
        return self._con.execute(sql, params + page_params).df()

    def iter_events(self, **filters: object) -> Iterator[Event]:
        """Full ``Event`` records (entities, mentions, location), same filters as ``events``."""
        yield from self.events_by_id(self.event_ids(**filters))

    def event_ids(self, **filters: object) -> list[str]:
        """The ids of the matching events, in (date, event_id) order."""
        f = Filters.parse(**filters)
        where, params = f.where()
        page, page_params = f.page()
        return [r[0] for r in self._con.execute(
            f"SELECT e.event_id FROM {FROM_EVENTS} {where} {ORDER} {page}",
            params + page_params).fetchall()]

    def events_by_id(self, ids: Iterable[str]) -> Iterator[Event]:
        """Rebuild the events with these ids, in the order given (unknown ids are skipped)."""
        ids = list(ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            rows = {r["event_id"]: r for r in self._dicts("events", chunk)}
            entities: dict[str, list[dict]] = {}
            for r in self._dicts("event_entities", chunk):
                entities.setdefault(r["event_id"], []).append(r)
            mentions: dict[str, list[dict]] = {}
            for r in self._dicts("mentions", chunk):
                mentions.setdefault(r["event_id"], []).append(r)
            for event_id in chunk:
                if event_id in rows:
                    yield event_from_rows(rows[event_id], entities.get(event_id, []),
                                          mentions.get(event_id, []))

    def _dicts(self, table: str, ids: list[str]) -> list[dict]:
        cur = self._con.execute(
            f"SELECT * FROM {table} WHERE event_id IN (SELECT unnest(?))", [ids])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def selection(self, **filters: object) -> Iterator[str]:
        """A temporary table ``(event_id, ord)`` of the matching events, for custom SQL.

        Yields the table's name; the table is dropped on exit. Exporters use it so every file
        they write holds the same events.
        """
        f = Filters.parse(**filters)
        where, params = f.where()
        page, page_params = f.page()
        name = "_selected_" + uuid.uuid4().hex[:12]
        self._con.execute(
            f"CREATE TEMP TABLE {name} AS SELECT e.event_id, "
            f"row_number() OVER ({ORDER}) AS ord FROM {FROM_EVENTS} {where} {ORDER} {page}",
            params + page_params)
        try:
            yield name
        finally:
            self._con.execute(f"DROP TABLE IF EXISTS {name}")

    def articles(self, *, text: bool = False) -> pd.DataFrame:
        """One row per stored article with its number of events (``text=True`` adds the text)."""
        extra = ", a.text" if text else ""
        return self._con.execute(f"""
            SELECT a.article_id, a.title, a.published, a.url, a.source, a.path, a.n_words,
                   a.content_hash, a.coder_version, a.ingested_at,
                   count(e.event_id) AS n_events{extra}
            FROM articles a LEFT JOIN events e ON e.article_id = a.article_id
            GROUP BY ALL ORDER BY a.published NULLS LAST, a.article_id
        """).df()

    def summary(self, **filters: object) -> pd.DataFrame:
        """Event counts: one row per event type (and a ``total`` row), one column per
        factuality (and ``total``)."""
        where, params = Filters.parse(**filters).where()
        rows = self._con.execute(
            f"SELECT e.event_type, e.factuality, count(*) FROM {FROM_EVENTS} {where} "
            "GROUP BY ALL", params).fetchall()
        types = [t for t in EVENT_TYPES if any(r[0] == t for r in rows)]
        table = pd.DataFrame(0, index=pd.Index(types, name="event_type"),
                             columns=list(FACTUALITIES), dtype="int64")
        for event_type, factuality, n in rows:
            table.loc[event_type, factuality] = n
        table["total"] = table.sum(axis=1)
        table.loc["total"] = table.sum(axis=0)
        return table

    def counts(self, by: str = "event_type", interval: str | None = None,
               **filters: object) -> pd.DataFrame:
        """Event counts grouped by ``by`` (event_type, factuality, country, actor, recipient,
        dyad) and, with ``interval`` (day, week, month, year), by period of the event date.

        An event with two actors counts once for each under ``actor`` and ``dyad``.
        """
        if by not in _COUNT_KEYS:
            raise TidingsError(Errors.E202, name="by", value=by,
                               detail=f"choose one of {', '.join(_COUNT_KEYS)}")
        if interval is not None and interval not in _INTERVALS:
            raise TidingsError(Errors.E202, name="interval", value=interval,
                               detail=f"choose one of {', '.join(_INTERVALS)}")
        key, joins = _COUNT_KEYS[by]
        where, params = Filters.parse(**filters).where()
        period = ""
        if interval:
            period = f"CAST(date_trunc(?, {EVENT_DATE}) AS DATE) AS period, "
            params = [interval, *params]
        keys = [k.split(" AS ")[1] for k in key.split(", ")]
        order = ", ".join((["period NULLS LAST"] if interval else []) + ["n DESC"] + keys)
        return self._con.execute(
            f"SELECT {period}{key}, count(*) AS n FROM {FROM_EVENTS} {joins} {where} "
            f"GROUP BY ALL ORDER BY {order}", params).df()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
