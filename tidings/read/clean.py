"""Cleaning: raw article text -> the text every later stage (and every offset) refers to.

Steps: Unicode NFC; odd spaces and invisible characters normalised; hard-wrapped lines
re-joined into paragraphs; whitespace collapsed inside each paragraph; boilerplate removed
(patterns in tidings/read/boilerplate.txt, plus short all-caps section headings); paragraphs
joined with "\\n\\n", since the NLP stage starts a sentence at every line break.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from tidings.errors import Errors, TidingsError

PATTERNS_FILE = Path(__file__).with_name("boilerplate.txt")
KINDS = ("drop", "tail", "strip")
MAX_WRAP_WIDTH = 100  # lines longer than a terminal width are paragraphs, not wrapped lines
HEADING_MAX_WORDS = 6
HEADLINE_MAX_WORDS = 20

# Characters that are whitespace or invisible in news HTML: mapped to a space, a line break,
# or nothing (soft hyphen, zero-width space, BOM, word joiner).
_TRANSLATE = {
    **{c: " " for c in (0x09, 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))},
    **{c: "\n" for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)},
    **dict.fromkeys((0x00AD, 0x200B, 0x2060, 0xFEFF)),
    # other C0/C1 controls carry nothing a reader sees
    **dict.fromkeys(c for c in (*range(0x20), *range(0x7F, 0xA0)) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x85)),
}
_SPACES = re.compile(r"\s+")
_FIRST_WORD = re.compile(r"\S+")
_TERMINAL = re.compile(r"[.!?…:;]['\"’”)\]]*$")


@dataclass(frozen=True)
class Boilerplate:
    drop: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    strip: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=4)
def load_boilerplate(path: Path = PATTERNS_FILE) -> Boilerplate:
    """Read the pattern file; a malformed line raises E101 naming path:line."""
    found: dict[str, list[re.Pattern[str]]] = {kind: [] for kind in KINDS}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, pattern = line.partition(" ")
        if kind not in KINDS or not pattern.strip():
            raise TidingsError(
                Errors.E101, path=path, line=number,
                detail=f"expected '<kind> <regex>' with kind one of {', '.join(KINDS)}",
            )
        try:
            found[kind].append(re.compile(pattern.strip(), re.IGNORECASE))
        except re.error as exc:
            raise TidingsError(Errors.E101, path=path, line=number, detail=f"bad regex: {exc}") from None
    return Boilerplate(tuple(found["drop"]), tuple(found["tail"]), tuple(found["strip"]))


def paragraphs(text: str) -> list[str]:
    """Split raw text into paragraphs, re-joining lines that were hard-wrapped.

    Blank lines always separate paragraphs. Inside a block, a line break is a wrap only if the
    next line's first word would not have fitted on the line (the rule a wrapping editor
    follows), judged against the longest line; otherwise it is a deliberate break.
    """
    lines = [line.strip() for line in text.split("\n")]
    width = max((len(line) for line in lines), default=0)
    breaks = [_is_wrap(line, following, width) for line, following in zip(lines, [*lines[1:], ""], strict=True)]
    # the longest line always "wraps" by this rule, so trust it only when most line breaks
    # inside paragraphs do: then the text really was wrapped at a fixed width
    inner = sum(1 for line, following in pairwise(lines) if line and following)
    n_wraps = sum(breaks)
    wrapped = width <= MAX_WRAP_WIDTH and n_wraps >= 2 and n_wraps >= 0.5 * inner
    result: list[str] = []
    current: list[str] = []
    for line, wraps in zip(lines, breaks, strict=True):
        if not line:
            if current:
                result.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if not (wrapped and wraps):
            result.append(" ".join(current))
            current = []
    if current:
        result.append(" ".join(current))
    return result


def _is_wrap(line: str, following: str, width: int) -> bool:
    first = _FIRST_WORD.match(following)
    return bool(line and first and len(line) + 1 + len(first.group()) > width)


def _is_heading(paragraph: str) -> bool:
    """A short all-caps line without final punctuation: a section heading ("WORLD NEWS")."""
    letters = [c for c in paragraph if c.isalpha()]
    return (
        bool(letters)
        and all(c.isupper() for c in letters)
        and len(paragraph.split()) <= HEADING_MAX_WORDS
        and not _TERMINAL.search(paragraph)
    )


def _is_headline(paragraph: str) -> bool:
    """Short and not ending like a sentence: an item in a list of links to other stories."""
    return len(paragraph.split()) <= HEADLINE_MAX_WORDS and not paragraph.rstrip().endswith(".")


def remove_boilerplate(paras: list[str], patterns: Boilerplate | None = None) -> list[str]:
    """Drop boilerplate paragraphs and cut the page tail (see tidings/read/boilerplate.txt)."""
    patterns = patterns or load_boilerplate()
    kept: list[str] = []
    for i, para in enumerate(paras):
        for pattern in patterns.strip:
            para = pattern.sub("", para)
        para = para.strip()
        if not para:
            continue
        if any(p.fullmatch(para) for p in patterns.tail):
            following = paras[i + 1] if i + 1 < len(paras) else None
            if following is None or _is_headline(following):
                break  # the rest of the page is links to other stories
            continue
        if _is_heading(para) or any(p.fullmatch(para) for p in patterns.drop):
            continue
        kept.append(para)
    return kept


def clean(text: str, *, title: str | None = None) -> str:
    """The cleaned article text: NFC, paragraphs joined by blank lines, no boilerplate.

    A first paragraph that repeats ``title`` is dropped: the title is kept in its own field.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TRANSLATE)
    paras = [_SPACES.sub(" ", p).strip() for p in paragraphs(text)]
    paras = remove_boilerplate([p for p in paras if p])
    if title and paras and _same(paras[0], title):
        paras = paras[1:]
    return "\n\n".join(paras)


def _same(a: str, b: str) -> bool:
    norm = lambda s: _SPACES.sub(" ", unicodedata.normalize("NFC", s)).strip().casefold()  # noqa: E731
    return norm(a) == norm(b)
