"""Find named actors in a Doc: gazetteer names (longest match) merged with spaCy's PERSONs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .knowledge import ActorKnowledge, NameEntry, first_word, norm

PERSON_LABELS = ("PERSON",)
# A romanised East Asian name whose given name is hyphenated puts the family name first:
# "Lee Jae-myung" is "Lee", "Lai Ching-te" is "Lai".
_HYPHENATED_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


@dataclass
class NameSpan:
    """A name in the text: tokens ``start:end``; ``entry`` is None for an unknown person."""

    start: int
    end: int
    entry: NameEntry | None
    root: int = -1

    @property
    def kind(self) -> str:
        return self.entry.kind if self.entry else "person"


def find_names(doc: Doc, kb: ActorKnowledge) -> list[NameSpan]:
    """Every name in ``doc``, non-overlapping, in order; ``block`` spans are dropped."""
    found = _gazetteer(doc, kb)
    for ent in doc.ents:
        if ent.label_ not in PERSON_LABELS:
            continue
        inside = [s for s in found if s.start < ent.end and ent.start < s.end]
        if not inside:
            found.append(NameSpan(ent.start, ent.end, None))
            continue
        if sum(s.end - s.start for s in inside) == ent.end - ent.start and all(
                s.kind in ("demonym", "country") and ent.start <= s.start and s.end <= ent.end
                for s in inside):
            continue  # "Bosnian Serbs" tagged PERSON: a people, all its words demonyms
        for span in inside:
            if not (span.start >= ent.start and span.end <= ent.end):
                continue  # the name reaches outside the person: trust the name
            if (span.start, span.end) == (ent.start, ent.end) and span.kind != "person":
                continue  # "Jordan" alone: the country, whatever NER thought
            found.remove(span)
        if not any(s.start < ent.end and ent.start < s.end for s in found):
            # "Donald Trump" around the listed "Trump" keeps the entry only if the longer
            # name is listed for the same person ("Melania Trump" is somebody else).
            entry = next((s.entry for s in inside if s.kind == "person"), None)
            if entry is not None and not any(
                e.kind == "person" and e.code == entry.code for e in kb.lookup(ent.text)
            ):
                entry = None
            found.append(NameSpan(ent.start, ent.end, entry))
    found += _surnames_alone(doc, found)
    found += _capitals_of_named_countries(doc, kb, found)
    spans = sorted((s for s in found if s.kind != "block"), key=lambda s: s.start)
    for span in spans:
        span.root = _root(doc, span)
    return spans


def _gazetteer(doc: Doc, kb: ActorKnowledge) -> list[NameSpan]:
    found: list[NameSpan] = []
    # Token texts read once: indexing a Doc builds a new Token object on every access.
    words = [t.text for t in doc]
    with_space = [t.text_with_ws for t in doc]
    i, n_tokens = 0, len(words)
    while i < n_tokens:
        if first_word(norm(words[i])) not in kb.first_words:
            i += 1
            continue
        for n in range(min(kb.max_name_tokens, n_tokens - i), 0, -1):
            text = "".join(with_space[i:i + n - 1]) + words[i + n - 1]
            if n > 1 and "\n" in text:
                continue  # names do not run across paragraphs
            entries = kb.lookup(text)
            if entries and not _inside_longer_name(doc, i, n, entries[0], found):
                found.append(NameSpan(i, i + n, entries[0]))
                i += n
                break
        else:
            i += 1
    return found


def _inside_longer_name(doc: Doc, start: int, n_tokens: int, entry: NameEntry, found: list[NameSpan]) -> bool:
    """A group's name that ends a longer proper name is another group's: the "Ta'ang National
    Liberation Army" is not Colombia's National Liberation Army. A name known itself before it
    ("Colombian National Liberation Army") owns it instead."""
    if entry.kind not in ("group", "ngo", "igo") or n_tokens < 2 or start == 0:
        return False
    before = doc[start - 1]
    owned = bool(found) and found[-1].end == start
    return before.pos_ == "PROPN" and before.text[:1].isupper() and not owned and before.i != before.sent.start


def _capitals_of_named_countries(doc: Doc, kb: ActorKnowledge, found: list[NameSpan]) -> list[NameSpan]:
    """A capital too often something else ("Georgetown", "Kingston") names its government in
    an article that names its country: "Georgetown welcomed the offer" in a story of Guyana."""
    named = {s.entry.country for s in found if s.entry is not None and s.entry.kind in ("country", "demonym")}
    taken = {i for s in found for i in range(s.start, s.end)}
    spans = []
    for i, token in enumerate(doc):
        if not token.text[:1].isupper():
            continue  # names are capitalised: most tokens need no lookup
        for n in (2, 1):
            country = kb.ambiguous_capitals.get(norm(doc[i:i + n].text)) if i + n <= len(doc) else None
            if country in named and not taken & set(range(i, i + n)):
                spans.append(NameSpan(i, i + n, NameEntry("capital", country, "GOV", country + "GOV")))
                taken |= set(range(i, i + n))
                break
    return spans


def _surnames_alone(doc: Doc, found: list[NameSpan]) -> list[NameSpan]:
    """"Ishiba" after "Shigeru Ishiba": a person's surname standing alone is that person,
    whatever NER made of it (the small model often tags a bare surname ORG or nothing)."""
    surnames = {doc[surname_at(doc, s.start, s.end)].orth for s in found
                if s.kind == "person" and s.end - s.start > 1}
    if not surnames:
        return []
    taken = {i for s in found for i in range(s.start, s.end)}
    # compare the tokens' text hashes in one array: no Token object per token
    hits = [i for i, orth in enumerate(doc.to_array("ORTH").tolist()) if orth in surnames and i not in taken]
    return [NameSpan(i, i + 1, None) for i in hits if doc[i].pos_ == "PROPN"]


def surname_at(doc: Doc, start: int, end: int) -> int:
    """The token of a person's name ``start:end`` that names them alone: the last word, or the
    first of a family-name-first name ("Lee Jae-myung")."""
    words = doc[start:end].text.split()
    if len(words) == 2 and words[0].isalpha() and words[0].istitle() \
            and _HYPHENATED_GIVEN_NAME.match(words[1]):
        return start
    return end - 1


def _root(doc: Doc, span: NameSpan) -> int:
    """The span's syntactic head: its token whose head lies outside the span; of several, the
    last (English noun phrases end in their head): the small model can hang "M23" in "the
    Congolese government and M23 rebels" on "government", but "rebels" heads the name."""
    root = -1
    for token in doc[span.start:span.end]:
        if not (span.start <= token.head.i < span.end) or token.head.i == token.i:
            root = token.i
    return root if root >= 0 else span.end - 1
