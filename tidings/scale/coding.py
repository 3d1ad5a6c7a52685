"""Worker side: code a batch of articles; the pipeline is loaded once per process."""

from __future__ import annotations

import os
import resource
import time
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
    """Load spaCy, the actor knowledge, the gazetteer and the codebook now, not in a batch."""
    from tidings import api

    api.code_text("Russia attacked Ukraine on Friday, Kyiv said.", published="2025-01-03")


def code_batch(articles: list[Article], batch_size: int = 32) -> Coded:
    """Code ``articles`` in order. Strings spaCy meets only here are freed afterwards (a
    memory zone), so a long run does not grow the vocabulary without bound."""
    from tidings import api, nlp

    start, cpu = time.perf_counter(), time.process_time()
    with nlp.load().memory_zone():
        events = [c.events for c in api.code_articles(articles, batch_size=batch_size)]
    return Coded(events, time.perf_counter() - start, time.process_time() - cpu, os.getpid(),
                 peak_rss_mb())


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
