"""tidings: political event data from news — who did what to whom, where, when, how sure, and
on which evidence."""

from __future__ import annotations

__version__ = "0.1.0"

from tidings.model import Article, Entity, Event, Location, Mention  # noqa: E402

__all__ = ["Article", "Entity", "Event", "Location", "Mention", "__version__", "code_text",
           "code_articles", "ingest", "open_store"]


def __getattr__(name: str):  # noqa: ANN202 - lazy: `import tidings` should not load spaCy
    if name in ("code_text", "code_articles", "ingest", "open_store"):
        from tidings import api

        return getattr(api, name)
    raise AttributeError(name)
