"""Normalise what an event is about ("a halt to the fighting" -> ceasefire) with data/codebook/issues.yaml,
and name its PLOVER contexts with data/codebook/contexts.yaml."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from tidings.events.codebook import Codebook, PhraseIndex
from tidings.nlp import once_per_doc


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


# Words a phrase may have between its own: "withdraw *Eritrean* soldiers", "pull *its* troops out".
_INSERTED = ("det", "poss", "amod", "compound", "nummod")
_MAX_INSERTED = 2


def _phrase_end(token: Token, phrase: tuple[str, ...], by_index: dict[int, Token]) -> int | None:
    """Index of the last token of ``phrase`` read from ``token`` on (a determiner, possessive,
    adjective or number may stand between its words), or None when it is not there."""
    end = token.i
    for word in phrase[1:]:
        nxt = by_index.get(end + 1)
        skipped = 0
        while nxt is not None and word not in _forms(nxt) and nxt.dep_ in _INSERTED and skipped < _MAX_INSERTED:
            nxt, skipped = by_index.get(nxt.i + 1), skipped + 1
        if nxt is None or word not in _forms(nxt):
            return None
        end = nxt.i
    return end


def _matches(tokens: Sequence[Token], index: PhraseIndex) -> Iterator[tuple[str, int, int]]:
    """(name, first, last token index) of each phrase of ``index`` among ``tokens``, in text
    order, longest phrase first at a token."""
    ordered = sorted(tokens, key=lambda t: t.i)
    by_index = {t.i: t for t in ordered}
    for token in ordered:
        candidates = [pair for form in dict.fromkeys(_forms(token)) for pair in index.get(form, ())]
        for name, phrase in sorted(candidates, key=lambda item: -len(item[1])):
            end = _phrase_end(token, phrase, by_index)
            if end is not None:
                yield name, token.i, end


def find_issue(tokens: Sequence[Token], codebook: Codebook) -> tuple[str, str] | None:
    """The first issue phrase among ``tokens`` (in text order): (issue, the article's wording)."""
    for issue, start, end in _matches(tokens, codebook.issues):
        return issue, _wording(tokens[0].doc[start : end + 1])
    return None


def find_contexts(tokens: Sequence[Token], codebook: Codebook) -> list[str]:
    """The PLOVER contexts whose words (contexts.yaml) occur among ``tokens``, in text order."""
    return list(dict.fromkeys(name for name, _, _ in _matches(tokens, codebook.contexts)))


def _wording(span: Span) -> str:
    """The noun phrase around a matched issue phrase, as written ("Western security guarantees")."""
    doc = span.doc
    for start, end in once_per_doc(doc, "noun_chunks", _noun_chunk_bounds):
        if start <= span.start and span.end <= end:
            words = [t for t in doc[start:end] if t.dep_ not in ("det", "poss", "predet") and not t.is_punct]
            if words:
                return doc[words[0].i : words[-1].i + 1].text
    return span.text


def _noun_chunk_bounds(doc: Doc) -> list[tuple[int, int]]:
    return [(chunk.start, chunk.end) for chunk in doc.noun_chunks]
