"""The READ stage: files, folders, HTML, JSON/JSONL(.gz), WARC archives and RSS/Atom feeds
-> cleaned ``Article`` records (docs/input.md).

    for item in read_paths(["news/", "feed.rss"]):
        if isinstance(item, SkippedInput):
            print(item)          # "news/a.bin: E002 binary input: ..."
        else:
            use(item)            # an Article

Bad input never raises: each bad file or record becomes a ``SkippedInput`` naming it
(``path``, or ``path:line`` for a record) and the reason (tidings.errors, E001-E012).
Formats are ``Reader`` objects registered by name in ``tidings.registry.readers``
("text", "html", "json", "jsonl", "warc", "feed", "feedlist"); a plugin can add more.
"""

from __future__ import annotations

from tidings.errors import SkippedInput

# importing the format modules registers their readers
from tidings.read import feed, jsonrecords, text, warc  # noqa: F401
from tidings.read.article import article_from_record, article_from_text, domain, parse_date
from tidings.read.base import Reader, ReadOptions
from tidings.read.clean import clean
from tidings.read.dispatch import choose_reader, count_inputs, read_paths, registered
from tidings.read.fetch import Fetcher

__all__ = [
    "Fetcher",
    "ReadOptions",
    "Reader",
    "SkippedInput",
    "article_from_record",
    "article_from_text",
    "choose_reader",
    "clean",
    "count_inputs",
    "domain",
    "parse_date",
    "read_paths",
    "registered",
]
