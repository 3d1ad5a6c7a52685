"""RSS/Atom feeds ("feed": a feed file) and feed lists ("feedlist": ``feeds.txt``, one feed URL
a line). Each entry's link is fetched politely and cached (tidings.read.fetch), and the page is
read like an HTML file; the entry's title and date fill what the page does not say.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tidings.errors import Errors, SkippedInput
from tidings.read.base import Item, Reader, ReadOptions, read_bytes
from tidings.read.text import decode_or_skip, html_article
from tidings.registry import readers

_FEED = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.I)


def _entry_date(entry) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return dt.date(*parsed[:3])
    except (TypeError, ValueError):
        return None


def feed_items(data: bytes, *, where: str, options: ReadOptions, base_url: str | None = None) -> Iterator[Item]:
    """The articles a feed document links to, fetched through the run's fetcher."""
    import feedparser

    # a stream, never bytes or str: given a str, feedparser would open it as a URL or path
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries:
        detail = "no entries"
        if parsed.get("bozo"):
            detail = f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})"
        yield SkippedInput(where, Errors.E008, detail=detail)
        return
    base = base_url or parsed.feed.get("link")
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        if link and base:
            link = urljoin(base, link)
        if urlsplit(link).scheme not in ("http", "https"):
            yield SkippedInput(f"{where}:entry {number}", Errors.E008, detail=f"entry without an http(s) link ({link or 'none'})")
            continue
        if link in options.seen_links:
            continue
        options.seen_links.add(link)
        try:
            page = options.fetcher.get(link)
            yield html_article(
                page.body, where=link, url=page.url, declared=page.charset,
                title=entry.get("title"), published=_entry_date(entry),
            )
        except SkippedInput as skip:
            yield skip


def read_feed(path: Path, options: ReadOptions) -> Iterator[Item]:
    yield from feed_items(read_bytes(path, options.max_bytes), where=str(path), options=options)


def read_feedlist(path: Path, options: ReadOptions) -> Iterator[Item]:
    """``feeds.txt``: feed URLs one a line; blank lines and ``#`` comments are ignored."""
    text = decode_or_skip(read_bytes(path, options.max_bytes), str(path))
    for number, raw in enumerate(text.splitlines(), start=1):
        url = raw.strip()
        if not url or url.startswith("#"):
            continue
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
            yield SkippedInput(f"{path}:{number}", Errors.E008, detail=f"not an http(s) feed URL: {url!r}")
            continue
        try:
            # feeds change: a cached copy is reused only while it is fresh
            page = options.fetcher.get(url, max_age=options.feed_max_age)
        except SkippedInput as skip:
            yield skip
            continue
        yield from feed_items(page.body, where=url, options=options, base_url=page.url)


def sniff_feed(head: bytes) -> bool:
    return bool(_FEED.search(head[:2048])) and not re.search(rb"<html[\s>]", head[:2048], re.I)


readers.register(
    "feed",
    func=Reader("feed", read_feed, suffixes=(".rss", ".atom"), sniff=sniff_feed, priority=60),
)
readers.register(
    "feedlist",
    func=Reader("feedlist", read_feedlist, suffixes=("feeds.txt",)),
)
