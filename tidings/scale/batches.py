"""Driver side: stream the inputs into numbered batches of the articles the store lacks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tidings.errors import SkippedInput
from tidings.model import Article
from tidings.store import EventStore


@dataclass(frozen=True)
class Batch:
    """Articles coded together; ``seq`` numbers batches in input order."""

    seq: int
    articles: list[Article]


class Selector:
    """Which articles need coding: those not stored with the same text and coder version, and
    not already on their way to the store in this run (a repeated record is coded once)."""

    def __init__(self, store: EventStore, coder_version: str) -> None:
        self.store = store
        self.coder_version = coder_version
        self.in_flight: dict[str, str] = {}  # article_id -> content hash, until written

    def select(self, articles: list[Article]) -> list[bool]:
        """For each article, whether it must be coded (one store lookup for the list)."""
        stored = self.store.article_hashes(a.article_id for a in articles)
        fresh = []
        for article in articles:
            digest = article.content_hash()
            pending = self.in_flight.get(article.article_id)
            if pending is not None:
                unchanged = pending == digest
            else:
                unchanged = stored.get(article.article_id) == (digest, self.coder_version)
            if not unchanged:
                self.in_flight[article.article_id] = digest
            fresh.append(not unchanged)
        return fresh

    def written(self, batch: Batch) -> None:
        """Forget the batch's articles: the store answers for them now."""
        for article in batch.articles:
            if self.in_flight.get(article.article_id) == article.content_hash():
                del self.in_flight[article.article_id]


def batches(items: Iterable[Article | SkippedInput], selector: Selector, size: int, *,
            on_read: Callable[[Article, bool], None] | None = None,
            on_skip: Callable[[SkippedInput], None] | None = None) -> Iterator[Batch]:
    """Full batches of ``size`` articles to code (the last may be shorter), in input order.

    Lazy: the next batch is read only when a runner asks for it, so reading keeps pace with
    coding. ``on_read(article, fresh)`` is called for every article read.
    """
    if size < 1:
        raise ValueError(f"batch size must be >= 1, not {size}")
    seq = 0
    chunk: list[Article] = []
    ready: list[Article] = []

    def select() -> None:
        for article, fresh in zip(chunk, selector.select(chunk), strict=True):
            if on_read:
                on_read(article, fresh)
            if fresh:
                ready.append(article)
        chunk.clear()

    for item in items:
        if isinstance(item, SkippedInput):
            if on_skip:
                on_skip(item)
            continue
        chunk.append(item)
        if len(chunk) >= size:
            select()
            while len(ready) >= size:
                yield Batch(seq, ready[:size])
                del ready[:size]
                seq += 1
    select()
    while ready:
        yield Batch(seq, ready[:size])
        del ready[:size]
        seq += 1
