"""The optional issues dictionary: phrases -> issue codes (``n:atrocity [ID_ATROCITY]``).

``n:`` adds the plural, ``v:`` the regular verb forms, ``a+b`` gives ``a b`` and ``a-b``;
``~phrase`` lines are ignore phrases that cancel issue coding of a sentence.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.dictionaries.common import (
    LoadReport,
    bracketed,
    normalise,
    read_lines,
    regular_plurals,
)
from tidings.dictionaries.verbs import regular_verb_forms


@dataclass
class IssueDictionary:
    phrases: dict[str, str] = field(default_factory=dict)  # "ETHNIC CLEANSING" -> code
    ignore: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def find(self, text: str) -> dict[str, int]:
        """Issue codes in ``text`` with their counts (empty when an ignore phrase occurs)."""
        padded = " " + " ".join(re.findall(r"[A-Z0-9'-]+", normalise(text))) + " "
        if any(f" {p} " in padded for p in self.ignore):
            return {}
        counts: dict[str, int] = {}
        for phrase, code in self.phrases.items():
            n = padded.count(f" {phrase} ")
            if n:
                counts[code] = counts.get(code, 0) + n
        return counts


def _expand_word(word: str) -> list[str]:
    if word.startswith("N:"):
        stem = word[2:]
        forms = [stem, *regular_plurals(stem)]
    elif word.startswith("V:"):
        stem = word[2:]
        forms = [stem, *regular_verb_forms(stem)]
    else:
        forms = [word]
    out: list[str] = []
    for form in forms:
        out += [form.replace("+", " "), form.replace("+", "-")] if "+" in form else [form]
    return list(dict.fromkeys(out))


def expand_issue_phrase(text: str) -> list[str]:
    words = normalise(text).split()
    return [" ".join(combo) for combo in itertools.product(*(_expand_word(w) for w in words))]


def load_issues(path: Path, report: LoadReport | None = None, into: IssueDictionary | None = None) -> IssueDictionary:
    report = report or LoadReport()
    issues = into or IssueDictionary()
    issues.files.append(str(path))
    category: str | None = None  # <ISSUE CATEGORY="X"> gives lines without a code their code
    for line in read_lines(path, keep_tags=True):
        text = line.text.strip()
        if text.startswith("<"):
            found = re.search(r'CATEGORY="([^"]+)"', text)
            category = found.group(1).upper() if found else None
            continue
        if text.startswith("~"):
            issues.ignore.extend(expand_issue_phrase(text.lstrip("~")))
            continue
        rest, codes = bracketed(text)
        if not codes and category:
            codes = [category]
        if len(codes) != 1 or not codes[0].strip() or not rest.strip():
            report.warn(path, line.number, "an issue line is '<phrase> [<CODE>]'")
            continue
        for phrase in expand_issue_phrase(rest):
            issues.phrases.setdefault(phrase, codes[0].strip().upper())
    return issues
