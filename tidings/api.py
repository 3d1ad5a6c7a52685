"""The Python API: what the CLI and the server call.

    import tidings
    events = tidings.code_text(text, published="2025-08-16")       # list[Event]
    report = tidings.ingest(["corpus/"], "tidings.duckdb")          # into the DuckDB store
    with tidings.open_store("tidings.duckdb") as store:
        frame = store.events(actor="RUS", event_type="ASSAULT")     # a pandas DataFrame
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tidings import __version__, nlp
from tidings.actors import resolve as resolve_actors
from tidings.dedup import merge_mentions
from tidings.dedup.stories import build_stories
from tidings.dictionaries import Dictionaries, code_doc_with_dictionaries
from tidings.errors import SkippedInput
from tidings.events import code_doc
from tidings.events.counterparts import with_counterparts, with_parties
from tidings.events.venue import place_unplaced, read_dateline
from tidings.model import Article, Event
from tidings.places import Geocoder
from tidings.read import article_from_text, read_paths
from tidings.store import EventStore

if TYPE_CHECKING:
    from tidings.scale import Batch


DATA_DIR = Path(__file__).resolve().parent / "data"  # everything the coder knows


@dataclass(frozen=True)
class CodedArticle:
    article: Article
    events: list[Event]


@dataclass
class IngestReport:
    read: int = 0  # articles read from the inputs
    coded: int = 0  # articles coded and stored in this run
    unchanged: int = 0  # already stored with the same text and coder version (not coded again)
    events: int = 0  # events stored in this run
    skipped: list[SkippedInput] = field(default_factory=list)
    workers: int = 1  # processes that coded
    # wall seconds: "start" (cluster, models), "read" and "write" (driver), "total";
    # "coding" and "coding_cpu" sum the workers' wall and CPU time spent coding
    seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # "driver", "worker <pid>"
    stories: int | None = None  # story events after this run's rebuild (None: nothing changed)

    @property
    def done(self) -> int:
        """Articles accounted for: coded and stored, or already stored."""
        return self.coded + self.unchanged


@lru_cache(maxsize=1)
def coder_version() -> str:
    """tidings' version plus a hash of all its knowledge (codebook, actors, places), stored
    with each article: a changed data file makes a re-run code the articles again."""
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DATA_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def code_parsed(doc, article: Article, dictionaries: Dictionaries | None = None) -> list[Event]:  # noqa: ANN001 - a spaCy Doc
    """Actors, places and events of one parsed article, one event per fact.

    With PETRARCH-format ``dictionaries``, actors and verbs come from them instead of tidings'
    own knowledge and codebook (docs/dictionaries.md).
    """
    if dictionaries is not None:
        return merge_mentions(code_doc_with_dictionaries(doc, article.article_id, dictionaries,
                                                         article.published))
    actors = resolve_actors(doc)
    places = Geocoder.default().find(doc, actors.countries())
    dateline = read_dateline(doc, places, actors.countries())
    events = code_doc(doc, article, actors, places, dateline=dateline)
    events = with_parties(with_counterparts(merge_mentions(events)))
    return place_unplaced(events, dateline, places)


def code_articles(articles: Iterable[Article], *, batch_size: int = 32,
                  dictionaries: Dictionaries | None = None) -> Iterator[CodedArticle]:
    """Code articles in order, parsing them in ``nlp.pipe`` batches."""
    articles, texts = itertools.tee(articles)  # nlp.pipe reads a batch ahead of its output
    for article, doc in zip(articles, nlp.parse((a.text for a in texts), batch_size), strict=True):
        yield CodedArticle(article, code_parsed(doc, article, dictionaries))


def code_text(text: str, *, published: dt.date | str | None = None, title: str | None = None,
              article_id: str | None = None) -> list[Event]:
    """The events of one text; ``published`` anchors relative dates ("on Friday")."""
    article = article_from_text(text, published=published, title=title, article_id=article_id)
    return next(code_articles([article])).events


def open_store(path: str | Path, *, read_only: bool = True) -> EventStore:
    return EventStore(path, read_only=read_only)


def ingest(paths: Iterable[str | Path], db: str | Path, *, workers: int = 1,
           scheduler: str | None = None, batch_size: int = 32, in_flight: int | None = None,
           on_article: Callable[[IngestReport], None] | None = None,
           on_skip: Callable[[SkippedInput], None] | None = None) -> IngestReport:
    """Read, code and store articles; docs/scale.md.

    ``workers=1`` codes in this process; ``workers=N`` starts a local Dask cluster of N
    processes; ``scheduler="tcp://host:8786"`` uses a running one. Either way this process
    reads the inputs and is the only writer, storing each batch in one transaction, in input
    order. Idempotent and resumable: articles stored with the same text and coder version are
    not coded again, so an interrupted run continues where it stopped and same input gives the
    same store. ``on_article(report)`` follows each article accounted for.
    """
    from tidings.scale import Selector, batches, open_runner, sink
    from tidings.scale.coding import peak_rss_mb

    report = IngestReport()
    version = coder_version()
    clock = time.perf_counter
    began = clock()
    seconds = dict.fromkeys(("start", "read", "write", "coding", "coding_cpu"), 0.0)

    def read(article: Article, fresh: bool) -> None:
        report.read += 1
        if not fresh:
            report.unchanged += 1
            if on_article:
                on_article(report)

    def skip(item: SkippedInput) -> None:
        report.skipped.append(item)
        if on_skip:
            on_skip(item)

    def timed(items: Iterator[Batch]) -> Iterator[Batch]:
        while True:
            t0 = clock()
            batch = next(items, None)
            seconds["read"] += clock() - t0
            if batch is None:
                return
            yield batch

    with sink.open_for_writing(db) as store, open_runner(workers, scheduler, in_flight) as runner:
        report.workers = runner.workers
        seconds["start"] = clock() - began
        selector = Selector(store, version)
        todo = batches(read_paths(paths), selector, batch_size, on_read=read, on_skip=skip)
        for batch, coded in runner.map(timed(todo), batch_size):
            t0 = clock()
            sink.write(store, batch, coded, version)
            seconds["write"] += clock() - t0
            selector.written(batch)
            seconds["coding"] += coded.seconds
            seconds["coding_cpu"] += coded.cpu_seconds
            if coded.pid != os.getpid():
                report.peak_rss_mb[f"worker {coded.pid}"] = coded.peak_rss_mb
            for events in coded.events:
                report.coded += 1
                report.events += len(events)
                if on_article:
                    on_article(report)
        report.peak_rss_mb["driver"] = peak_rss_mb()  # reading, batching and writing
        if report.coded:
            # The cross-article layer sits on top of the events: rebuilt when they change. It
            # reads the whole store: DuckDB's part is capped, but the merge of linked pairs in
            # Python grows with the store, unlike the rest.
            t0 = clock()
            store.connection.execute(f"SET memory_limit = '{sink.LINKING_MEMORY}'")
            store.connection.execute("RESET threads")  # linking's queries run in parallel
            report.stories = build_stories(store).stories
            seconds["stories"] = clock() - t0
            report.peak_rss_mb["driver, linking stories"] = peak_rss_mb()
    seconds["total"] = clock() - began
    report.seconds = seconds
    return report
