"""Single-document readers: plain text ("text") and HTML pages ("html", via trafilatura)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import Errors, SkippedInput
from tidings.read.article import article_from_text
from tidings.read.base import Item, Reader, ReadOptions, read_bytes
from tidings.read.decode import DecodeError, declared_charset, decode
from tidings.registry import readers

_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)


def decode_or_skip(data: bytes, where: str, declared: str | None = None) -> str:
    try:
        return decode(data, declared)
    except DecodeError as exc:
        raise SkippedInput(where, exc.template) from None


def read_text(path: Path, options: ReadOptions) -> Iterator[Item]:
    where = str(path)
    text = decode_or_skip(read_bytes(path, options.max_bytes), where)
    yield article_from_text(text, path=where)


def html_article(
    data: bytes,
    *,
    where: str,
    url: str | None = None,
    title: str | None = None,
    published: object = None,
    declared: str | None = None,
    prefer_canonical: bool = True,
):
    """An HTML page -> ``Article``: trafilatura finds the main text, title, date and canonical
    URL; ``title``/``published`` given by the caller (a feed entry) fill what the page lacks.
    """
    import trafilatura  # heavy import (lxml, htmldate): only when HTML is read

    html = decode_or_skip(data, where, declared or declared_charset(data))
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,  # readers' comments are not the article
            include_tables=False,
            # the publication date, from metadata only: a date guessed from the body text
            # would anchor every relative date in the article wrongly
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml fail on odd markup in many ways
        raise SkippedInput(where, Errors.E008, detail=f"HTML not readable: {exc}") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise SkippedInput(where, Errors.E001)
    page_url = getattr(doc, "url", None)
    if prefer_canonical and page_url and page_url.startswith(("http://", "https://")):
        url = page_url
    return article_from_text(
        text,
        title=getattr(doc, "title", None) or title,
        published=published or getattr(doc, "date", None),
        url=url,
        path=where,
    )


def read_html(path: Path, options: ReadOptions) -> Iterator[Item]:
    yield html_article(read_bytes(path, options.max_bytes), where=str(path))


def sniff_html(head: bytes) -> bool:
    return bool(_HTML.match(head.lstrip(b"\xef\xbb\xbf")))


def sniff_text(head: bytes) -> bool:
    # anything that does not look like markup; binary files get here too and are then
    # reported by the decoder (E002) rather than silently passed over
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


readers.register(
    "html",
    func=Reader("html", read_html, suffixes=(".html", ".htm", ".xhtml"), sniff=sniff_html, priority=50,
                count=lambda path: 1),
)
readers.register(
    "text",
    func=Reader("text", read_text, suffixes=(".txt", ".text"), sniff=sniff_text, priority=-100,
                count=lambda path: 1),
)
