"""JSON readers: ".json" (one record or a list of records) and ".jsonl" (one record a line),
either of them gzip-compressed.

A record is an object with ``text`` and optionally ``id``, ``title``, ``published`` (alias
``date``), ``url`` and ``source``; see tidings.read.article.article_from_record. A bad record is
skipped with its line number and the rest of the file is read.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import Errors, SkippedInput
from tidings.read.article import article_from_record
from tidings.read.base import Item, Reader, ReadOptions, open_stream, read_bytes
from tidings.read.decode import bom_encoding
from tidings.read.text import decode_or_skip
from tidings.registry import readers

_DECODER = json.JSONDecoder()
_WS = " \t\r\n"


def _record(obj: object, *, path: Path, line: int) -> Item:
    where = f"{path}:{line}"
    if not isinstance(obj, dict):
        return SkippedInput(where, Errors.E005, line=line, detail=f"expected an object, got {type(obj).__name__}")
    try:
        return article_from_record(obj, where=where, line=line)
    except SkippedInput as skip:
        return skip


def _lines(path: Path, limit: int) -> Iterator[tuple[int, str | bytes, int]]:
    """(line number, line, its full length) triples. A line longer than ``limit`` is not held
    in memory: it comes back cut short, with its full length, for the caller to refuse.
    UTF-16 files (by BOM) are decoded; other lines stay bytes."""
    with open_stream(path) as stream:
        encoding = bom_encoding(stream.peek(4)[:4])
        if encoding and encoding != "utf-8-sig":
            stream = io.TextIOWrapper(stream, encoding=encoding)
        number = 0
        while True:
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            length = len(line)
            if length > limit:
                newline = "\n" if isinstance(line, str) else b"\n"
                while not line.endswith(newline):  # skip the rest of the over-long line
                    line = stream.readline(1 << 20)
                    if not line:
                        break
                    length += len(line)
            yield number, line, length


def _decode_line(raw: str | bytes, where: str) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")  # JSON Lines is UTF-8; the sig only on line 1
    except UnicodeDecodeError:
        return decode_or_skip(raw, where)  # a Latin-1 line still reads, junk is E003


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    number = 0
    try:
        for number, raw, length in _lines(path, options.max_bytes):
            where = f"{path}:{number}"
            if length > options.max_bytes:
                yield SkippedInput(where, Errors.E004, size=length, limit=options.max_bytes)
                continue
            try:
                line = _decode_line(raw, where).strip(_WS + "\ufeff")
            except SkippedInput as skip:
                yield skip
                continue
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SkippedInput(where, Errors.E005, line=number, detail=f"{exc.msg} (column {exc.colno})")
                continue
            yield _record(obj, path=path, line=number)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        # records before the damage have been read; say where it stopped
        detail = f"{exc or type(exc).__name__} (after line {number})"
        yield SkippedInput(str(path), Errors.E011, detail=detail)
    except UnicodeDecodeError:  # a UTF-16 file with a broken code unit
        yield SkippedInput(f"{path}:{number + 1}", Errors.E003)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def read_json(path: Path, options: ReadOptions) -> Iterator[Item]:
    """One record, or a list of them. Items of a list are decoded one by one, so those before
    a syntax error are still read, and each skip names the line its item starts on."""
    where = str(path)
    text = decode_or_skip(read_bytes(path, options.max_bytes), where).lstrip("\ufeff")
    i = len(text) - len(text.lstrip(_WS))
    if text.startswith("[", i):
        yield from _read_array(text, i + 1, path)
        return
    try:
        obj, end = _DECODER.raw_decode(text, i)
    except json.JSONDecodeError as exc:
        yield SkippedInput(where, Errors.E005, line=exc.lineno, detail=f"{exc.msg} (column {exc.colno})")
        return
    if text[end:].strip(_WS):
        # several objects, one after another: the file is JSON Lines under a .json name
        yield from read_jsonl(path, options)
        return
    yield _record(obj, path=path, line=_line_of(text, i))


def _read_array(text: str, i: int, path: Path) -> Iterator[Item]:
    n = len(text)
    first = True
    while True:
        while i < n and text[i] in _WS:
            i += 1
        if i < n and text[i] == "]":
            return
        if not first:
            if i >= n or text[i] != ",":
                yield SkippedInput(str(path), Errors.E005, line=_line_of(text, i), detail="expected ',' or ']'")
                return
            i += 1
            while i < n and text[i] in _WS:
                i += 1
        first = False
        try:
            obj, end = _DECODER.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            yield SkippedInput(str(path), Errors.E005, line=exc.lineno, detail=f"{exc.msg} (column {exc.colno})")
            return
        yield _record(obj, path=path, line=_line_of(text, i))
        i = end


def sniff_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf" + _WS.encode()).startswith((b"{", b"["))


def count_jsonl(path: Path) -> int | None:
    """Non-blank lines: one record each (a cheap pass, no JSON parsing). A damaged gzip file
    counts the lines before the damage, as many as will be read."""
    n = 0
    try:
        with open_stream(path) as stream:
            for line in stream:
                n += bool(line.strip())
    except (EOFError, gzip.BadGzipFile, zlib.error):
        pass
    return n


def count_json(path: Path) -> int | None:
    if path.stat().st_size > 50_000_000:
        return None  # not cheap to count
    try:
        with open_stream(path) as stream:
            obj = json.load(stream)
    except (OSError, EOFError, zlib.error, ValueError):
        return None
    return len(obj) if isinstance(obj, list) else 1


readers.register(
    "jsonl",
    func=Reader("jsonl", read_jsonl, suffixes=(".jsonl", ".ndjson"), whole_file=False, count=count_jsonl),
)
readers.register(
    "json",
    func=Reader("json", read_json, suffixes=(".json",), sniff=sniff_json, priority=40, count=count_json),
)
