"""Normalise what an event is about ("a halt to the fighting" -> ceasefire) with data/codebook/issues.yaml."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from tidings.events.codebook import Codebook


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def find_issue(tokens: Sequence[Token], codebook: Codebook) -> tuple[str, str] | None:
    """The first issue phrase among ``tokens`` (in text order): (issue, the article's wording)."""
    ordered = sorted(tokens, key=lambda t: t.i)
    by_index = {t.i: t for t in ordered}
    for token in ordered:
        candidates = [pair for form in dict.fromkeys(_forms(token)) for pair in codebook.issues.get(form, ())]
        for issue, phrase in sorted(candidates, key=lambda item: -len(item[1])):  # longest first
            span_end = token.i
            ok = True
            for offset, word in enumerate(phrase[1:], start=1):
                nxt = by_index.get(token.i + offset)
                if nxt is None or word not in _forms(nxt):
                    ok = False
                    break
                span_end = nxt.i
            if ok:
                return issue, _wording(token.doc[token.i : span_end + 1])
    return None


def _wording(span: Span) -> str:
    """The noun phrase around a matched issue phrase, as written ("Western security guarantees")."""
    for chunk in span.doc.noun_chunks:
        if chunk.start <= span.start and span.end <= chunk.end:
            words = [t for t in chunk if t.dep_ not in ("det", "poss", "predet") and not t.is_punct]
            if words:
                return span.doc[words[0].i : words[-1].i + 1].text
    return span.text
