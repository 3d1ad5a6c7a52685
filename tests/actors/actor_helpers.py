"""Small helpers for the actor tests: find a token by its text, read codes."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.actors import DocActors, resolve


def tok(doc: Doc, text: str, nth: int = 0) -> Token:
    found = [t for t in doc if t.text == text]
    assert len(found) > nth, f"{text!r} not in {doc.text!r}"
    return found[nth]


def codes(actors: DocActors, doc: Doc, text: str, nth: int = 0) -> list[str]:
    return [e.code for e in actors.entities_for(tok(doc, text, nth))]


def run(nlp, text: str) -> tuple[Doc, DocActors]:
    doc = nlp(text)
    return doc, resolve(doc)
