"""Is this text English? A dependency-free check for the E007 skip.

Two signals, both cheap: the script (a text written mostly in non-Latin letters is not
English), and the share of words that are English function words compared with the share of
French, German, Spanish, ... function words (tidings/read/function_words.txt). Function words
make up 35-50% of English prose whatever the topic, so a text dense with names still scores
well above any other language; a foreign text scores higher in its own language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tidings.errors import Errors, TidingsError

WORDS_FILE = Path(__file__).with_name("function_words.txt")
MIN_WORDS = 20  # below this the ratio is noise: short texts are judged by script only
MIN_ENGLISH_RATIO = 0.05  # English prose sits far above this, even a list of names and places
SAMPLE_WORDS = 3000
_WORD = re.compile(r"[^\W\d_]+")  # letters only: "l'armée" -> "l", "armée"
_LINE = re.compile(r"^(?P<code>[a-z]{2,3}) (?P<name>[A-Z][\w ]*): (?P<words>.+)$")


@dataclass(frozen=True)
class LanguageGuess:
    is_english: bool
    english_ratio: float
    best_other: str | None  # name of the likeliest other language, or of the script
    other_ratio: float
    n_words: int

    def describe(self) -> str:
        """The detail for E007: the measured ratios, so the user sees why."""
        if self.n_words == 0 or self.best_other and self.best_other.endswith("script"):
            return f"written mostly in {self.best_other}"
        text = f"English function words are {self.english_ratio:.0%} of {self.n_words} words"
        if self.best_other:
            text += f"; {self.best_other} function words {self.other_ratio:.0%}"
        return text


@lru_cache(maxsize=4)
def load_function_words(path: Path = WORDS_FILE) -> dict[str, frozenset[str]]:
    """Language name -> function words; malformed lines raise E101 with path:line."""
    languages: dict[str, frozenset[str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            raise TidingsError(
                Errors.E101, path=path, line=number,
                detail='expected "<code> <Name>: word word ..."',
            )
        name = match["name"].strip()
        if name in languages:
            raise TidingsError(Errors.E101, path=path, line=number, detail=f"{name} listed twice")
        languages[name] = frozenset(match["words"].split())
    if "English" not in languages:
        raise TidingsError(Errors.E101, path=path, line=0, detail="no English line")
    return languages


def _script(text: str) -> tuple[float, str | None]:
    """Share of letters that are Latin, and the name of the commonest other script."""
    others: Counter[str] = Counter()
    latin = 0
    for char in text[:20000]:
        if not char.isalpha():
            continue
        code = ord(char)
        if code < 0x250 or 0x1E00 <= code <= 0x1EFF:  # Basic Latin .. Latin Extended-B
            latin += 1
        else:
            others[unicodedata.name(char, "UNKNOWN").split()[0].title()] += 1
    total = latin + sum(others.values())
    if not total:
        return 1.0, None
    common = others.most_common(1)
    return latin / total, (f"{common[0][0]} script" if common else None)


def guess(text: str) -> LanguageGuess:
    """Measure how English ``text`` looks (see the module docstring for the rule)."""
    latin_share, script = _script(text)
    if latin_share < 0.5:
        return LanguageGuess(False, 0.0, script, 1 - latin_share, 0)
    words = [w.lower() for w in _WORD.findall(text[: SAMPLE_WORDS * 12])][:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return LanguageGuess(True, 1.0, None, 0.0, len(words))
    ratios = {
        name: sum(1 for w in words if w in vocab) / len(words)
        for name, vocab in load_function_words().items()
    }
    english = ratios.pop("English")
    other, other_ratio = max(ratios.items(), key=lambda item: item[1], default=(None, 0.0))
    is_english = english >= MIN_ENGLISH_RATIO and english >= other_ratio
    return LanguageGuess(is_english, english, other, other_ratio, len(words))


def is_english(text: str) -> bool:
    return guess(text).is_english
