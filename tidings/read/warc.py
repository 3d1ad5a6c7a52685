"""WARC archives (".warc", ".warc.gz", via warcio): each HTML response is one article.

The article's URL is the record's WARC-Target-URI; the text, title and date come from the page
(trafilatura). Records that are not successful HTML responses (requests, metadata, images,
redirects, robots.txt) are not articles and are passed over without a report. A skip names
the record as ``path:N``, N counting records from 1.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import Errors, SkippedInput
from tidings.read.base import Item, Reader, ReadOptions
from tidings.read.decode import content_type_charset
from tidings.read.text import html_article
from tidings.registry import readers


def read_warc(path: Path, options: ReadOptions) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    with path.open("rb") as stream:
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError) as exc:
                # warcio fails in several ways on a cut or damaged archive (an AttributeError
                # on a record whose headers were lost); the records before it are read
                detail = f"{str(exc).strip() or type(exc).__name__} (after record {number})"
                yield SkippedInput(str(path), Errors.E011, detail=detail)
                return
            number += 1
            item = _response_item(record, f"{path}:{number}", options)
            if item is not None:
                yield item


def _response_item(record, where: str, options: ReadOptions) -> Item | None:
    """An article (or a skip) for an HTML response record; None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if record.http_headers.get_statuscode() != "200" or "html" not in content_type.lower():
        return None
    try:
        body = record.content_stream().read(options.max_bytes + 1)
    except (EOFError, zlib.error, OSError, ValueError) as exc:
        return SkippedInput(where, Errors.E011, detail=str(exc) or type(exc).__name__)
    if len(body) > options.max_bytes:
        return SkippedInput(where, Errors.E004, size=f"more than {options.max_bytes:,}", limit=options.max_bytes)
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        return html_article(body, where=where, url=url, prefer_canonical=False,
                            declared=content_type_charset(content_type))
    except SkippedInput as skip:
        return skip


def sniff_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


readers.register(
    "warc",
    func=Reader("warc", read_warc, suffixes=(".warc", ".arc"), sniff=sniff_warc, priority=100, whole_file=False),
)
