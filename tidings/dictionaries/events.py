"""Coded triples -> tidings ``Event`` records (what ``tidings code --dictionaries DIR`` emits).

The PLOVER type comes from tidings/data/cameo2plover.csv by the longest CAMEO prefix; a
triple whose code has no PLOVER type (roots 01 and 02, or a non-CAMEO code) gives no Event.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from tidings.dictionaries.coder import CodedTriple, DictionaryCoder
from tidings.dictionaries.loader import Dictionaries
from tidings.model import Entity, Event, Mention

DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (PLOVER type, mode, context)."""
    table: dict[str, tuple[str, str, str]] = {}
    with (DATA / "cameo2plover.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            table[row["cameo"].strip()] = (row["plover_type"].strip(), row["mode"].strip(), row["context"].strip())
    return table


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    with (DATA / "places" / "countries.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return frozenset(row["iso3"] for row in rows)


def plover_type(cameo: str) -> tuple[str, str, str] | None:
    table = cameo_to_plover()
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


def _entity(doc: Doc, code: str, tokens: tuple[int, ...]) -> Entity:
    span = doc[min(tokens) : max(tokens) + 1] if tokens else None
    country = code[:3] if code[:3] in country_codes() else None
    sector = code[3:6] if country and len(code) >= 6 else None
    return Entity(text=span.text if span is not None else code, code=code, country=country, sector=sector,
                  start_char=span.start_char if span is not None else None,
                  end_char=span.end_char if span is not None else None)


def triples_to_events(doc: Doc, article_id: str, triples: list[CodedTriple], date: dt.date | None = None) -> list[Event]:
    sents = list(doc.sents)
    events = []
    for t in triples:
        plover = plover_type(t.code)
        if plover is None:
            continue
        sent = sents[t.sentence]
        verb = doc[min(t.verb_tokens) : max(t.verb_tokens) + 1]
        mention = Mention(sentence_index=t.sentence, start_char=sent.start_char, end_char=sent.end_char,
                          text=sent.text, trigger=verb.text, trigger_start=verb.start_char, trigger_end=verb.end_char)
        event_type, mode, context = plover
        events.append(Event(
            article_id=article_id, event_type=event_type, mode=[mode] if mode else [],
            context=[context] if context else [], actor=[_entity(doc, t.source, t.source_tokens)],
            recipient=[_entity(doc, t.target, t.target_tokens)], cameo_code=t.code, date=date,
            date_precision="day" if date else None, confidence=t.confidence,
            rule=f"petrarch:{t.verb}:{t.pattern or 'default'}", mentions=[mention],
        ).with_id())
    return events


def code_doc_with_dictionaries(doc: Doc, article_id: str, dicts: Dictionaries, date: dt.date | None = None) -> list[Event]:
    """Code a parsed article with PETRARCH dictionaries; one Event per triple."""
    return triples_to_events(doc, article_id, DictionaryCoder(dicts).code(doc, date=date), date)
