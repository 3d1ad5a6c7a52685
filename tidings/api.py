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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tidings import __version__, nlp
from tidings.actors import resolve as resolve_actors
from tidings.dedup import merge_mentions
from tidings.dictionaries import Dictionaries, code_doc_with_dictionaries
from tidings.errors import SkippedInput
from tidings.events import code_doc
from tidings.events.codebook import CODEBOOK_DIR
from tidings.model import Article, Event
from tidings.places import Geocoder
from tidings.read import article_from_text, read_paths
from tidings.store import EventStore


@dataclass(frozen=True)
class CodedArticle:
    article: Article
    events: list[Event]


@dataclass
class IngestReport:
    read: int = 0  # articles read from the inputs
    coded: int = 0  # articles coded and stored in this run
    unchanged: int = 0  # already in the store with the same text (a re-run skips them)
    events: int = 0  # events stored in this run
    skipped: list[SkippedInput] = field(default_factory=list)


@lru_cache(maxsize=1)
def coder_version() -> str:
    """tidings' version plus a hash of the codebook, stored with each article."""
    digest = hashlib.sha256()
    for path in sorted(CODEBOOK_DIR.glob("*.yaml")):
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
    return merge_mentions(code_doc(doc, article, actors, places))


def code_articles(articles: Iterable[Article], *, batch_size: int = 32,
                  dictionaries: Dictionaries | None = None) -> Iterator[CodedArticle]:
    """Code articles in order, parsing them in ``nlp.pipe`` batches."""
    pending: list[Article] = []

    def flush() -> Iterator[CodedArticle]:
        for article, doc in zip(pending, nlp.parse((a.text for a in pending), batch_size), strict=True):
            yield CodedArticle(article, code_parsed(doc, article, dictionaries))
        pending.clear()

    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def code_text(text: str, *, published: dt.date | str | None = None, title: str | None = None,
              article_id: str | None = None) -> list[Event]:
    """The events of one text; ``published`` anchors relative dates ("on Friday")."""
    article = article_from_text(text, published=published, title=title, article_id=article_id)
    return next(code_articles([article])).events


def open_store(path: str | Path, *, read_only: bool = True) -> EventStore:
    return EventStore(path, read_only=read_only)


def ingest(paths: Iterable[str | Path], db: str | Path, *, batch_size: int = 32,
           on_article: Callable[[IngestReport], None] | None = None,
           on_skip: Callable[[SkippedInput], None] | None = None) -> IngestReport:
    """Read, code and store articles. Idempotent and resumable: articles already stored with
    the same text are not coded again, and each batch is committed before the next starts."""
    report = IngestReport()
    with EventStore(db) as store:
        known = store.article_hashes()

        def fresh() -> Iterator[Article]:
            for item in read_paths(paths):
                if isinstance(item, SkippedInput):
                    report.skipped.append(item)
                    if on_skip:
                        on_skip(item)
                    continue
                report.read += 1
                if known.get(item.article_id) == item.content_hash():
                    report.unchanged += 1
                    if on_article:
                        on_article(report)
                    continue
                yield item

        def counted() -> Iterator[tuple[Article, list[Event]]]:
            for coded in code_articles(fresh(), batch_size=batch_size):
                report.coded += 1
                report.events += len(coded.events)
                if on_article:
                    on_article(report)
                yield coded.article, coded.events

        store.write_many(counted(), coder_version=coder_version())
    return report
