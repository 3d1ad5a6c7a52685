"""Worker side: code a batch of articles; the pipeline is loaded once per process."""

from __future__ import annotations

import gc
import os
import resource
import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from tidings.model import Article, Event


@dataclass(frozen=True)
class Coded:
    """The events of a batch's articles (in order) and what coding it cost."""

    events: list[list[Event]]
    seconds: float  # wall time coding it, in the worker
    cpu_seconds: float  # CPU time coding it (less than ``seconds`` when cores are shared)
    pid: int  # the process that coded it
    peak_rss_mb: float  # that process's peak resident memory so far


def warm_up() -> None:
    """Load spaCy, the actor knowledge, the gazetteer and the codebook now, not in a batch.

    What is loaded then lives as long as the process: it is moved out of the cyclic garbage
    collector's sight (``gc.freeze``), whose full collections would otherwise walk its ~900,000
    objects again and again (~0.2 s each) while nothing in them can ever be freed.
    """
    from tidings import api

    api.code_text("Russia attacked Ukraine on Friday, Kyiv said.", published="2025-01-03")
    gc.collect()  # not to freeze the loaders' garbage with them
    gc.freeze()


class _KeptWords:
    """How many more of this process's articles may leave their words in spaCy's vocabulary.

    Inside a memory zone spaCy neither keeps a word's lexeme nor caches how it split a chunk
    of text (its tokenizer caches 10,000 chunks, outside zones only), so every batch would read
    "the" and "said" anew: about 4 % of spaCy's time. A process's first articles are coded
    outside a zone, so the common words are read once; what they leave is bounded by their
    number, and memory stays flat after them.
    """

    def __init__(self, articles: int) -> None:
        self.left = articles

    def zone(self, n_articles: int) -> AbstractContextManager:
        from tidings import nlp

        if self.left <= 0:
            return nlp.load().memory_zone()
        self.left -= n_articles
        return nullcontext()


_KEPT_WORDS = _KeptWords(256)


def code_batch(articles: list[Article], batch_size: int = 32) -> Coded:
    """Code ``articles`` in order. Strings spaCy meets only here are freed afterwards (a
    memory zone; not for a process's first articles, see ``_KeptWords``), so a long run does
    not grow the vocabulary without bound."""
    from tidings import api

    start, cpu = time.perf_counter(), time.process_time()
    with _KEPT_WORDS.zone(len(articles)):
        events = [c.events for c in api.code_articles(articles, batch_size=batch_size)]
    return Coded(events, time.perf_counter() - start, time.process_time() - cpu, os.getpid(),
                 peak_rss_mb())


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
