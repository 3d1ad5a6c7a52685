"""The data behind stances: positions.yaml (type x factuality -> position, precondition cues)
and the issue vocabulary (data/codebook/issues.yaml) as plain-text phrase patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tidings.errors import Errors, TidingsError
from tidings.model import EVENT_TYPES, FACTUALITIES

DATA = Path(__file__).resolve().parents[1] / "data"
POSITIONS_PATH = DATA / "stances" / "positions.yaml"
ISSUES_PATH = DATA / "codebook" / "issues.yaml"
POSITIONS = ("demands", "supports", "accepts", "conditions", "opposes", "rejects", "no agreement")


@dataclass(frozen=True)
class StanceRules:
    """positions.yaml, checked."""

    positions: dict[tuple[str, str], str]  # (event_type, factuality) -> position
    shared: frozenset[str]
    conditional: frozenset[str]
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    final: re.Pattern[str]
    state_sectors: frozenset[str]


def _bad(path: Path, detail: str) -> TidingsError:
    return TidingsError(Errors.E101, path=path, line=0, detail=detail)


def _alternatives(words: list[str], suffix: str = r"\b") -> re.Pattern[str]:
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(escaped) + ")" + suffix, re.IGNORECASE)


@lru_cache(maxsize=4)
def load_rules(path: Path = POSITIONS_PATH) -> StanceRules:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _bad(path, str(exc).splitlines()[0]) from None
    positions: dict[tuple[str, str], str] = {}
    for event_type, table in (data.get("positions") or {}).items():
        if event_type not in EVENT_TYPES:
            raise _bad(path, f"unknown event type {event_type!r}")
        for factuality, position in (table or {}).items():
            if factuality not in FACTUALITIES:
                raise _bad(path, f"{event_type}: unknown factuality {factuality!r}")
            if position not in POSITIONS:
                raise _bad(path, f"{event_type}/{factuality}: unknown position {position!r}; "
                                 f"use one of {', '.join(POSITIONS)}")
            positions[(event_type, factuality)] = position
    cues = data.get("cues") or {}
    return StanceRules(
        positions=positions,
        shared=frozenset(data.get("shared") or ()),
        conditional=frozenset(data.get("conditional") or ()),
        strong=_alternatives(cues.get("strong") or ["unless"]),
        weak=_alternatives(cues.get("weak") or ["before"]),
        final=_alternatives(cues.get("final") or ["first"], suffix=r"\s*(?:[,.;:!?)\"”’]|$)"),
        state_sectors=frozenset(data.get("state_sectors") or ()),
    )


@lru_cache(maxsize=4)
def issue_patterns(path: Path = ISSUES_PATH) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(issue, pattern) per vocabulary phrase, longest phrase first. A phrase's words are lemmas;
    each may carry an inflection ("root cause" matches "root causes")."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _bad(path, str(exc).splitlines()[0]) from None
    phrases = [(issue, str(p).lower().split()) for issue, ps in (data.get("issues") or {}).items()
               for p in ps]
    phrases.sort(key=lambda x: -sum(len(w) for w in x[1]))
    out = []
    for issue, words in phrases:
        body = r"\s+".join(re.escape(w) + r"(?:s|es|d|ed|ing)?" for w in words)
        out.append((issue, re.compile(r"\b" + body + r"\b", re.IGNORECASE)))
    return tuple(out)


def issues_in(text: str) -> list[tuple[int, str, str]]:
    """The issues named in ``text``: (offset, issue, wording), in text order, no overlaps."""
    found: list[tuple[int, int, str, str]] = []
    for issue, pattern in issue_patterns():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _, _ in found):
                continue
            found.append((m.start(), m.end(), issue, m.group(0)))
    return [(s, issue, words) for s, _, issue, words in sorted(found)]
