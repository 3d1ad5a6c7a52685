"""Matching verb patterns around a verb, TABARI-style: pattern words are found in order
before and after the verb (``_`` = next word at once, blank = later words allowed);
``+``/``$`` take the next actor mention, ``^`` skips a noun phrase, ``%`` wants a compound."""

from __future__ import annotations

from dataclasses import dataclass, field

from tidings.dictionaries.sentence import Mention, SentenceView
from tidings.dictionaries.verbs import Element, Pattern

_NOUNS = {"NOUN", "PROPN", "PRON"}


@dataclass
class PatternMatch:
    pattern: Pattern
    size: int
    consumed: set[int] = field(default_factory=set)  # word indices
    slots: dict[str, Mention] = field(default_factory=dict)
    compound: bool = False


def match_pattern(pattern: Pattern, view: SentenceView, vstart: int, vend: int,
                  post_words: set[int], compound_subject: bool) -> PatternMatch | None:
    """Match ``pattern`` around the verb words ``vstart..vend`` (exclusive end); post-verb
    elements may only use ``post_words`` (the verb's own clause)."""
    result = PatternMatch(pattern, 0)
    pos = vend
    adjacent = pattern.verb_glued_next
    for el in pattern.post:
        found = _forward(el, view, pos, adjacent, post_words, result)
        if found is None:
            return None
        pos = found
        adjacent = el.glued
    pos = vstart - 1
    for k in range(len(pattern.pre) - 1, -1, -1):
        el = pattern.pre[k]
        if el.kind == "slot" and el.value == "%":
            if not compound_subject:
                return None
            result.compound = True
            continue
        found = _backward(el, view, pos, el.glued, result)
        if found is None:
            return None
        pos = found
    if any(el.kind == "slot" and el.value == "%" for el in pattern.post):
        result.compound = True
    result.size = len(result.consumed) + len(result.slots)
    return result


def _forward(el: Element, view: SentenceView, pos: int, adjacent: bool, allowed: set[int], res: PatternMatch) -> int | None:
    words = view.words
    end = len(words)
    if el.kind == "word":
        for j in range(pos, end):
            if j in allowed and words[j] == el.value:
                res.consumed.add(j)
                return j + 1
            if adjacent:
                return None
        return None
    if el.kind == "synset":
        phrases = view.dicts.verbs.synsets[el.value]
        for j in range(pos, end):
            if j in allowed:
                for ph in sorted(phrases, key=lambda p: -len(p.words)):
                    n = len(ph.words)
                    if tuple(words[j : j + n]) == ph.words:
                        res.consumed.update(range(j, j + n))
                        return j + n
            if adjacent:
                return None
        return None
    if el.value in "+$%":
        for m in view.actors:
            if m.start >= pos and m.codes and m.start in allowed:
                if adjacent and not all(view.token(w).pos_ == "DET" for w in range(pos, m.start)):
                    return None
                res.slots.setdefault("+" if el.value == "%" else el.value, m)
                return m.end
        return None
    # "^": skip the next noun phrase
    for j in range(pos, end):
        if j in allowed and view.token(j).pos_ in _NOUNS:
            head = view.np_head(view.token(j))
            last = max(view.token_words.get(head.i, [j]))
            return max(j, last) + 1
    return None


def _backward(el: Element, view: SentenceView, pos: int, adjacent: bool, res: PatternMatch) -> int | None:
    words = view.words
    if el.kind == "word":
        for j in range(pos, -1, -1):
            if words[j] == el.value:
                res.consumed.add(j)
                return j - 1
            if adjacent:
                return None
        return None
    if el.kind == "synset":
        phrases = view.dicts.verbs.synsets[el.value]
        for j in range(pos, -1, -1):  # j: last word of the phrase
            for ph in sorted(phrases, key=lambda p: -len(p.words)):
                n = len(ph.words)
                if j - n + 1 >= 0 and tuple(words[j - n + 1 : j + 1]) == ph.words:
                    res.consumed.update(range(j - n + 1, j + 1))
                    return j - n
            if adjacent:
                return None
        return None
    if el.value in "+$":
        for m in reversed(view.actors):
            if m.end - 1 <= pos and m.codes:
                if adjacent and m.end - 1 != pos:
                    return None
                res.slots.setdefault(el.value, m)
                return m.start - 1
        return None
    for j in range(pos, -1, -1):  # "^"
        if view.token(j).pos_ in _NOUNS:
            left = view.np_head(view.token(j)).left_edge
            return min(j, min(view.token_words.get(left.i, [j]))) - 1
    return None
