"""Shared reading helpers for PETRARCH-format dictionary files.

All the formats share the same conventions (docs/dictionaries.md): ``#`` starts a comment,
``<...>`` lines are XML-ish headers, blank lines are skipped, words are joined by ``_``
(consecutive) or by a blank, and a file may hold stray bytes. Problems are collected as
``file:line: reason`` warnings (E401) rather than raised, unless the caller asks to be strict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import Errors, TidingsError


@dataclass
class LoadReport:
    """Warnings gathered while loading; ``strict`` turns the first one into an error."""

    strict: bool = False
    warnings: list[str] = field(default_factory=list)

    def warn(self, path: Path | str, line: int, detail: str) -> None:
        err = TidingsError(Errors.E401, path=path, line=line, detail=detail)
        if self.strict:
            raise err
        self.warnings.append(str(err))


@dataclass(frozen=True)
class Line:
    """One meaningful line: its number, the raw text and the text without the comment."""

    number: int
    raw: str
    text: str


def read_lines(path: Path, keep_tags: bool = False) -> Iterator[Line]:
    """Yield the non-blank, non-comment lines of ``path`` (decoded leniently: the files
    carry a few Latin-1 bytes); ``<...>`` tag lines only with ``keep_tags``."""
    data = Path(path).read_bytes()
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError:
        content = data.decode("latin-1")
    for number, raw in enumerate(content.splitlines(), start=1):
        raw = raw.replace("\ufeff", "")
        text = raw.split("#", 1)[0].rstrip()
        if not text.strip() or (text.lstrip().startswith("<") and not keep_tags):
            continue
        yield Line(number, raw, text)


# spaCy splits "Barad-dur" at the hyphen, "Gondor's" before the 's and "won't" before n't;
# dictionary phrases are split the same way so they can be matched token by token.
_HYPHEN = re.compile(r"(?<=[A-Z0-9])-(?=[A-Z0-9])")


def normalise(word: str) -> str:
    """The comparison form of a word: upper case, typographic quotes made plain."""
    return word.upper().replace("\u2019", "'").replace("\u2018", "'")


def _split_word(word: str) -> list[str]:
    if word.endswith("N'T") and len(word) > 3:
        return [*_split_word(word[:-3]), "N'T"]
    if word.endswith("'S") and len(word) > 2:
        return [*_split_word(word[:-2]), "'S"]
    parts = _HYPHEN.split(word)
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            out.append("-")
        if part:
            out.append(part)
    return out


@dataclass(frozen=True)
class Phrase:
    """A dictionary phrase as words; ``gaps[i]`` is True when other words may stand between
    word i-1 and word i (a blank in the file), False when they must be consecutive (``_``)."""

    words: tuple[str, ...]
    gaps: tuple[bool, ...]

    def __str__(self) -> str:
        out = self.words[0] if self.words else ""
        for word, gap in zip(self.words[1:], self.gaps[1:], strict=True):
            out += (" " if gap else "_") + word
        return out


def split_phrase(text: str, allow_gaps: bool = True) -> Phrase:
    """``"HUMAN RIGHTS_BODY"`` -> words HUMAN, RIGHTS, BODY with a gap only before RIGHTS."""
    words: list[str] = []
    gaps: list[bool] = []
    for chunk_i, chunk in enumerate(normalise(text).split()):
        for piece_i, piece in enumerate(p for p in chunk.split("_") if p):
            for sub_i, sub in enumerate(_split_word(piece)):
                words.append(sub)
                gaps.append(allow_gaps and chunk_i > 0 and piece_i == 0 and sub_i == 0)
    if gaps:
        gaps[0] = False
    return Phrase(tuple(words), tuple(gaps))


def regular_plurals(word: str) -> list[str]:
    """PETRARCH's automatic plural: +S, Y -> IES, SS -> SSES (plus the usual -ES endings)."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return [word[:-1] + "IES"]
    if word.endswith(("SS", "SH", "CH", "X", "Z")):
        return [word + "ES"]
    return [word + "S"]


_DATE = re.compile(r"^\d{6}$|^\d{8}$")


def parse_date(text: str) -> dt.date:
    """YYYYMMDD or YYMMDD (YY < 30 is 20YY, as in PETRARCH); raises ValueError."""
    text = text.strip()
    if not _DATE.match(text):
        raise ValueError(f"bad date {text!r}: use YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        return dt.date(year, int(text[2:4]), int(text[4:6]))
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def bracketed(text: str) -> tuple[str, list[str]]:
    """Split ``"NAME {A B} [CODE]"`` into the text outside brackets and the ``[...]`` bodies."""
    codes = re.findall(r"\[([^\]]*)\]", text)
    rest = re.sub(r"\[[^\]]*\]", " ", text)
    return rest, codes
