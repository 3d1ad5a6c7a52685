"""Discard lists: phrases that stop a sentence (or, with ``+``, a whole story) being coded.

Matching is case-insensitive and starts at a word boundary; a phrase ending in ``_`` must also
end at one, otherwise it is a stem (dictionaries.rst).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.dictionaries.common import LoadReport, normalise, read_lines


@dataclass(frozen=True)
class Discard:
    phrase: str
    story: bool  # True: discard the whole story, False: the sentence
    whole_word: bool
    where: str = ""


@dataclass
class DiscardList:
    discards: list[Discard] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    _regex: re.Pattern[str] | None = None

    def add(self, discard: Discard) -> None:
        self.discards.append(discard)
        self._regex = None

    def find(self, text: str, story_only: bool = False) -> Discard | None:
        """The first discard phrase found in ``text`` (only story discards with
        ``story_only``), or None."""
        if not self.discards:
            return None
        regex = self._compiled()
        for found in regex.finditer(normalise(text)):
            discard = self.discards[int(found.lastgroup[1:])]
            if discard.story or not story_only:
                return discard
        return None

    def _compiled(self) -> re.Pattern[str]:
        if self._regex is None:
            parts = []
            for i, d in enumerate(self.discards):
                body = r"\s+".join(re.escape(w) for w in d.phrase.split())
                parts.append(f"(?P<d{i}>{body}{'(?![A-Z0-9])' if d.whole_word else ''})")
            self._regex = re.compile(r"(?<![A-Z0-9])(?:" + "|".join(parts) + ")")
        return self._regex


def load_discards(path: Path, report: LoadReport | None = None, into: DiscardList | None = None) -> DiscardList:
    report = report or LoadReport()
    out = into or DiscardList()
    out.files.append(str(path))
    for line in read_lines(path):
        text = line.text.strip()
        story = text.startswith("+")
        phrase = text.lstrip("+").strip()
        if not phrase or "[" in phrase:
            report.warn(path, line.number, "a discard line needs a phrase and no [code]")
            continue
        whole = phrase.endswith("_")
        phrase = normalise(phrase.replace("_", " ")).strip()
        out.add(Discard(" ".join(phrase.split()), story, whole, f"{path.name}:{line.number}"))
    return out
