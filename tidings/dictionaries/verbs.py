"""The verb dictionary: synsets, verb blocks, verb forms and patterns.

``&NAME`` starts a synset (``+`` lines); ``--- NAME [CODE] ---`` a block of synonymous verbs
(irregular forms in ``{...}``, multiword verbs with ``+`` on the verb word, an optional
``[code]`` per verb) followed by ``-`` pattern lines and ``~`` transformation lines.
In patterns ``*`` is the verb, ``+`` the target, ``$`` the source, ``%`` a compound actor,
``^`` skips a noun phrase, ``_`` joins consecutive words; ``{...}`` noun phrases and
``(PREP ...)`` prepositional phrases are read as their words in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.dictionaries.common import (
    LoadReport,
    Phrase,
    bracketed,
    read_lines,
    regular_plurals,
    split_phrase,
)

SLOTS = ("+", "$", "%", "^")
NULL_CODE = "---"


@dataclass(frozen=True)
class Code:
    """A CAMEO code; ``reverse`` is the code of the reciprocal event in ``A:B`` codes."""

    code: str
    reverse: str | None = None

    @property
    def is_null(self) -> bool:
        return self.code == NULL_CODE

    def __str__(self) -> str:
        return self.code + (f":{self.reverse}" if self.reverse else "")


def parse_code(body: str) -> Code | None:
    body = body.strip()
    if not body or " " in body:
        return None
    first, _, second = body.partition(":")
    return Code(first, second or None)


@dataclass(frozen=True)
class Element:
    """One pattern element: a word, a synset (``&NAME``) or a slot (``+ $ % ^``).
    ``glued`` means the next element (or the verb) must follow immediately."""

    kind: str  # "word" | "synset" | "slot"
    value: str
    glued: bool = False


@dataclass(frozen=True)
class Pattern:
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    code: Code
    text: str
    where: str = ""
    verb_glued_next: bool = False  # "*_OUT": the first post element follows the verb at once

    @property
    def size(self) -> int:
        return sum(e.kind != "slot" or e.value != "^" for e in self.pre + self.post)


@dataclass(frozen=True)
class Transformation:
    """``~ a (a b ATTACK) SAY = a b 015``: loaded and kept, applied by nothing yet."""

    text: str
    where: str = ""


@dataclass
class VerbBlock:
    name: str
    code: Code
    patterns: list[Pattern] = field(default_factory=list)
    transformations: list[Transformation] = field(default_factory=list)
    where: str = ""


@dataclass(frozen=True)
class VerbForm:
    """A surface form of a verb: ``form`` is the verb word, ``pre``/``post`` the other words
    of a multiword verb (``WIRE_+TAP``, ``+CORDON_OFF``)."""

    form: str
    pre: tuple[str, ...]
    post: tuple[str, ...]
    block: VerbBlock
    code: Code | None  # the verb's own code, else the block's
    base: str


@dataclass
class VerbDictionary:
    synsets: dict[str, list[Phrase]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def lookup(self, word: str) -> list[VerbForm]:
        return self.forms.get(word, [])

    @property
    def n_patterns(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)


def regular_verb_forms(root: str) -> list[str]:
    """PETRARCH's regular forms: -S, -ED, -ING (an E root takes -D and drops E before -ING)."""
    if root.endswith("E"):
        return [root + "S", root + "D", root[:-1] + "ING"]
    forms = [root + "ED", root + "ING"]
    forms += regular_plurals(root)
    if root.endswith("Y") and len(root) > 1 and root[-2] not in "AEIOU":
        forms.append(root[:-1] + "IED")
    return forms


def _split_multiword(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """``"WIRE_+TAP"`` -> ("TAP", ("WIRE",), ()); the first word is the verb when unmarked."""
    words = [w for w in re.split(r"[_\s]+", text.strip().upper()) if w]
    if not words:
        return None
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    i = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    if not all(words):
        return None
    return words[i], tuple(words[:i]), tuple(words[i + 1 :])


def _synset_phrases(name: str, members: list[Phrase], no_plurals: bool) -> list[Phrase]:
    out = list(members)
    if not no_plurals:
        for p in members:
            for plural in regular_plurals(p.words[-1]):
                out.append(Phrase(p.words[:-1] + (plural,), p.gaps))
    return out


_PIECE = re.compile(r"[{}()]")


def parse_pattern(text: str, synsets: dict[str, list[Phrase]]) -> tuple[tuple[Element, ...], tuple[Element, ...], bool]:
    """Pattern text (without the leading ``-`` and the code) -> (pre, post, verb glued next).
    Raises ValueError for a pattern without ``*`` or with an undefined synset."""
    pre: list[Element] = []
    post: list[Element] = []
    seen_verb = False
    verb_glued = False
    for chunk in _PIECE.sub(" ", text).split():
        pieces = [p for p in chunk.split("_")]
        # a trailing/leading "_" glues to the verb or nothing: keep the information
        for k, piece in enumerate(pieces):
            glued = k < len(pieces) - 1
            if not piece:
                continue
            if piece == "*":
                if seen_verb:
                    raise ValueError("two verb markers '*' in a pattern")
                seen_verb = True
                verb_glued = glued
                continue
            target = post if seen_verb else pre
            if piece in SLOTS:
                target.append(Element("slot", piece, glued))
            elif piece.startswith("&"):
                if piece not in synsets:
                    raise ValueError(f"undefined synset {piece}")
                target.append(Element("synset", piece, glued))
            else:
                words = split_phrase(piece).words
                for j, w in enumerate(words):
                    target.append(Element("word", w, glued or j < len(words) - 1))
    if not seen_verb:
        raise ValueError("pattern without the verb marker '*'")
    return tuple(pre), tuple(post), verb_glued


def load_verbs(path: Path, report: LoadReport | None = None, into: VerbDictionary | None = None) -> VerbDictionary:
    report = report or LoadReport()
    verbs = into or VerbDictionary()
    verbs.files.append(str(path))
    block: VerbBlock | None = None
    synset: tuple[str, list[Phrase], bool] | None = None  # (name, members, no plurals)

    def close_synset() -> None:
        nonlocal synset
        if synset is not None:
            name, members, no_plurals = synset
            verbs.synsets[name] = _synset_phrases(name, members, no_plurals)
            synset = None

    for line in read_lines(path):
        text = line.text.strip()
        where = f"{path.name}:{line.number}"
        if text.startswith("&"):
            close_synset()
            label = text.split()[0].upper()
            synset = (label.rstrip("_"), [], label.endswith("_"))
            continue
        if text.startswith("+") and synset is not None:
            member = text[1:].strip()
            if member.startswith("&"):
                ref = member.split()[0].upper().rstrip("_")
                if ref not in verbs.synsets:
                    report.warn(path, line.number, f"undefined synset {ref} in synset {synset[0]}")
                    continue
                synset[1].extend(verbs.synsets[ref])
                continue
            if any(c in member for c in "$%^*[]"):
                report.warn(path, line.number, "synset phrases may only contain words")
                continue
            phrase = split_phrase(member.replace(" ", "_"), allow_gaps=False)
            if member.endswith("_"):
                synset[1].append(phrase)  # no plural for this phrase: add both as-is
                continue
            synset[1].append(phrase)
            continue
        close_synset()
        if text.startswith("---"):
            body = text.strip("-").strip()
            _, codes = bracketed(body)
            name = re.sub(r"\[[^\]]*\]", "", body).strip()
            code = parse_code(codes[0]) if codes else Code(NULL_CODE)
            if code is None:
                report.warn(path, line.number, f"bad block code {codes[0]!r}")
                code = Code(NULL_CODE)
            block = VerbBlock(name or "?", code, where=where)
            verbs.blocks.append(block)
            continue
        if block is None:
            report.warn(path, line.number, "line outside any verb block")
            continue
        if text.startswith("~"):
            block.transformations.append(Transformation(text[1:].strip(), where))
            continue
        if text.startswith("-"):
            body, codes = bracketed(text[1:])
            if len(codes) != 1:
                report.warn(path, line.number, "a pattern needs one [code] at its end")
                continue
            code = parse_code(codes[0])
            if code is None:
                report.warn(path, line.number, f"bad pattern code {codes[0]!r}")
                continue
            try:
                pre, post, glued = parse_pattern(body.upper(), verbs.synsets)
            except ValueError as exc:
                report.warn(path, line.number, str(exc))
                continue
            block.patterns.append(Pattern(pre, post, code, " ".join(body.split()), where, glued))
            continue
        _add_verb_line(verbs, block, text, path, line.number, report)
    close_synset()
    return verbs


def _add_verb_line(verbs: VerbDictionary, block: VerbBlock, text: str, path: Path, number: int, report: LoadReport) -> None:
    rest, codes = bracketed(text)
    code = None
    if codes:
        code = parse_code(codes[0])
        if code is None:
            report.warn(path, number, f"bad verb code {codes[0]!r}")
    irregular: list[str] | None = None
    brace = re.search(r"\{([^}]*)\}", rest)
    if brace:
        irregular = brace.group(1).split()
        rest = rest[: brace.start()] + rest[brace.end() :]
    if any(c in rest for c in "{}[]$%^*&"):
        report.warn(path, number, "unexpected characters in a verb line")
        return
    main = _split_multiword(rest)
    if main is None:
        report.warn(path, number, "empty verb")
        return
    verb, pre, post = main
    entries = [(verb, pre, post)]
    if irregular is None:
        entries += [(form, pre, post) for form in regular_verb_forms(verb)]
    else:
        for item in irregular:
            parsed = _split_multiword(item)
            if parsed is None:
                report.warn(path, number, f"bad verb form {item!r}")
                continue
            entries.append(parsed)
    for form, f_pre, f_post in entries:
        verbs.forms.setdefault(form, []).append(VerbForm(form, f_pre, f_post, block, code, verb))
