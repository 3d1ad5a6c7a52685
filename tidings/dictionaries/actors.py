"""Actor dictionaries: names, synonyms and (date-restricted) codes.

Format (dictionaries.rst): a primary phrase with an optional ``[CODE]``; ``+SYNONYM`` lines;
indented ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]`` restrictions. ``A/B`` in a
code gives several actors at once (``THE_SHIRE [FRO/BIL/SAM]``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.dictionaries.common import (
    LoadReport,
    Phrase,
    bracketed,
    parse_date,
    read_lines,
    split_phrase,
)
from tidings.dictionaries.phrases import PhraseIndex


@dataclass(frozen=True)
class CodeSpan:
    """Codes that hold from ``start`` to ``end`` inclusive (None: open)."""

    codes: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class ActorEntry:
    """One actor record: its names, a default code and date restrictions (first match wins)."""

    names: list[Phrase]
    default: tuple[str, ...] = ()
    restrictions: list[CodeSpan] = field(default_factory=list)
    where: str = ""

    def codes_on(self, date: dt.date | None) -> tuple[str, ...]:
        """The codes for ``date``; the default when no restriction holds (or no date)."""
        if date is not None:
            for span in self.restrictions:
                if span.holds_on(date):
                    return span.codes
        return self.default


@dataclass
class ActorDictionary:
    entries: list[ActorEntry] = field(default_factory=list)
    index: PhraseIndex[ActorEntry] = field(default_factory=PhraseIndex)
    files: list[str] = field(default_factory=list)

    def add(self, entry: ActorEntry) -> None:
        self.entries.append(entry)
        for name in entry.names:
            self.index.add(name, entry)


_CODE = re.compile(r"^[A-Za-z0-9+\-#/]+$")


def _parse_code(body: str, path: Path, number: int, report: LoadReport) -> CodeSpan | None:
    """``"HOBGOV 19950601 - 19990815"`` -> CodeSpan; None (with a warning) when malformed."""
    parts = body.split(None, 1)
    if not parts:
        report.warn(path, number, "empty code brackets []")
        return None
    code, restriction = parts[0], (parts[1].replace(" ", "") if len(parts) > 1 else "")
    if not _CODE.match(code) or code[0] in "<>":
        report.warn(path, number, f"bad actor code {code!r}")
        return None
    codes = tuple(c.upper() for c in code.split("/") if c)
    try:
        if not restriction:
            return CodeSpan(codes)
        if restriction[0] == "<":
            return CodeSpan(codes, None, parse_date(restriction[1:]))
        if restriction[0] == ">":
            return CodeSpan(codes, parse_date(restriction[1:]), None)
        if "-" in restriction:
            a, b = restriction.split("-", 1)
            return CodeSpan(codes, parse_date(a), parse_date(b))
        raise ValueError(f"bad date restriction {restriction!r}: use <date, >date or date-date")
    except ValueError as exc:
        report.warn(path, number, str(exc))
        return None


def load_actors(path: Path, report: LoadReport | None = None, into: ActorDictionary | None = None) -> ActorDictionary:
    """Read one ``.actors`` file (into ``into`` when given, to merge several files)."""
    report = report or LoadReport()
    actors = into or ActorDictionary()
    actors.files.append(str(path))
    current: ActorEntry | None = None

    def close() -> None:
        if current is not None and current.names:
            actors.add(current)

    for line in read_lines(path):
        text = line.text.split(";", 1)[0].strip()  # ';' comments occur in TABARI-era files
        if not text:
            continue
        if text.startswith("["):
            if current is None:
                report.warn(path, line.number, "code line before any actor name")
                continue
            if not text.endswith("]"):
                report.warn(path, line.number, "unclosed code bracket")
                continue
            span = _parse_code(text[1:-1], path, line.number, report)
            if span is not None:
                if span.start is None and span.end is None:
                    current.default = span.codes
                else:
                    current.restrictions.append(span)
            continue
        rest, codes = bracketed(text)
        if "[" in rest or "]" in rest:
            report.warn(path, line.number, "unbalanced brackets")
            continue
        name = rest.strip()
        synonym = name.startswith("+")
        name = name.lstrip("+").strip()
        if not name:
            report.warn(path, line.number, "no actor name")
            continue
        phrase = split_phrase(name)
        if not synonym or current is None:
            if synonym:
                report.warn(path, line.number, "synonym before any actor name")
            close()
            current = ActorEntry(names=[], where=f"{path.name}:{line.number}")
        current.names.append(phrase)
        for body in codes:
            span = _parse_code(body, path, line.number, report)
            if span is None:
                continue
            if span.start is None and span.end is None:
                current.default = span.codes
            else:
                current.restrictions.append(span)
    close()
    return actors
