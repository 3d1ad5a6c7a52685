"""Finding dictionary phrases in a sentence: an index by first word, longest match first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from tidings.dictionaries.common import Phrase

T = TypeVar("T")


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    start: int  # index of the first matched word
    end: int  # one past the last matched word
    phrase: Phrase
    value: T


class PhraseIndex(Generic[T]):
    """Phrases keyed by their first word; ``match`` tries the longest phrases first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[Phrase, T]]] = {}
        self._sorted = True

    def add(self, phrase: Phrase, value: T) -> bool:
        """Add a phrase; returns False (and keeps the first) when it is already there."""
        if not phrase.words:
            return False
        bucket = self._by_first.setdefault(phrase.words[0], [])
        if any(p == phrase for p, _ in bucket):
            return False
        bucket.append((phrase, value))
        self._sorted = False
        return True

    def __len__(self) -> int:
        return sum(len(b) for b in self._by_first.values())

    def __contains__(self, phrase: Phrase) -> bool:
        return self.get(phrase) is not None

    def get(self, phrase: Phrase) -> T | None:
        """The value stored for exactly this phrase, or None."""
        return next((v for p, v in self._by_first.get(phrase.words[0], ()) if p == phrase), None)

    def items(self) -> list[tuple[Phrase, T]]:
        return [pv for bucket in self._by_first.values() for pv in bucket]

    def _sort(self) -> None:
        for bucket in self._by_first.values():
            bucket.sort(key=lambda pv: -len(pv[0].words))
        self._sorted = True

    def match_at(
        self,
        words: Sequence[str],
        i: int,
        skippable: Callable[[int], bool] | None = None,
        max_gap: int = 2,
    ) -> list[PhraseMatch[T]]:
        """All phrases that start at word ``i``, longest first. Where a phrase allows a gap
        (a blank in the dictionary) up to ``max_gap`` words for which ``skippable`` holds may
        stand between two of its words."""
        if not self._sorted:
            self._sort()
        out: list[PhraseMatch[T]] = []
        for phrase, value in self._by_first.get(words[i], ()):
            end = _match_rest(phrase, words, i, skippable, max_gap)
            if end is not None:
                out.append(PhraseMatch(i, end, phrase, value))
        return out


def _match_rest(phrase: Phrase, words: Sequence[str], i: int, skippable, max_gap: int) -> int | None:
    pos = i + 1
    for word, gap in zip(phrase.words[1:], phrase.gaps[1:], strict=True):
        limit = pos + (max_gap if gap and skippable is not None else 0)
        while pos < len(words) and words[pos] != word:
            if pos >= limit or not skippable(pos):
                return None
            pos += 1
        if pos >= len(words):
            return None
        pos += 1
    return pos
