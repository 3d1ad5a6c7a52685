"""The typed records that flow through the pipeline.

read -> ``Article``; actors -> ``Entity``; places -> ``Location``; events -> ``Event`` with
``Mention`` evidence. The event record follows PLOVER's own shape (see docs/schema.md); the
tests in tests/test_model.py hold it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

# PLOVER's auxiliary modes, kept in their own field rather than folded into `context`.
Factuality = Literal["asserted", "negated", "future", "hypothetical", "historical"]
FACTUALITIES: tuple[str, ...] = Factuality.__args__  # type: ignore[attr-defined]

DatePrecision = Literal["day", "week", "month", "year"]


def content_hash(*parts: object, length: int = 16) -> str:
    """A stable hex id from the JSON form of ``parts`` (same input -> same id, any process)."""
    blob = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(Record):
    """One news article as read from its source, before any NLP."""

    article_id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None  # outlet or domain, when known
    path: str | None = None  # where it was read from

    @staticmethod
    def make_id(text: str, title: str | None = None) -> str:
        return "a" + content_hash(title or "", text)

    def content_hash(self) -> str:
        """What the store compares to tell a changed article from one already coded."""
        return content_hash(self.title or "", self.text)

    @property
    def n_words(self) -> int:
        return len(self.text.split())


class Entity(Record):
    """A resolved actor: PLOVER's entity object plus its span in the article."""

    text: str
    country: str | None = None  # ISO 3166-1 alpha-3, or an IGO code (NATO, EUR, UNO, ...)
    sector: str | None = None  # GOV, MIL, REB, CVL, ...
    code: str  # CAMEO-style actor code, e.g. RUSGOV
    start_char: int | None = None
    end_char: int | None = None

    def key(self) -> tuple[str | None, str | None]:
        return (self.country, self.sector)


# The arms of one state: its government, army, police and spies are one side.
STATE_ARMS = frozenset({"GOV", "MIL", "COP", "SPY"})


def same_side(entity: Entity, group: list[Entity]) -> bool:
    """Whether ``entity`` is on the side of ``group``: one of them, or of the same country, except
    that a country's government and its rebels or protesters face each other (when the group is
    of that one country and both have a sector, not both arms of the state)."""
    countries = {e.country for e in group}
    return any(entity.code == e.code or (entity.country == e.country and (
        len(countries) > 1 or not (entity.sector and e.sector)
        or {entity.sector, e.sector} <= STATE_ARMS)) for e in group)


class Location(Record):
    """A geocoded place (GeoNames-derived), with the words it was read from."""

    name: str
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # "country", "admin1", "city", ...
    qualifier: str | None = None  # "eastern", "northern", ...: a part of the place
    text: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    score: float | None = None  # the geocoder's margin over the runner-up (higher = surer)

    def party(self, sector: str | None = None) -> Entity:
        """The place's country as a party, in the place's words: the bare country ("strikes on
        eastern Ukraine" -> UKR), or one of its sectors ("talks in Ankara" -> TURGOV)."""
        country = self.country or ""
        return Entity(text=self.text or self.name, country=self.country, sector=sector,
                      code=country + (sector or ""), start_char=self.start_char, end_char=self.end_char)


class Mention(Record):
    """One piece of evidence for an event: a sentence and the trigger inside it."""

    sentence_index: int
    start_char: int  # of the sentence, in the article text
    end_char: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int


class Event(Record):
    """One political event, PLOVER-shaped, with provenance."""

    event_id: str = ""
    article_id: str
    event_type: EventType
    mode: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    actor: list[Entity] = Field(default_factory=list)
    recipient: list[Entity] = Field(default_factory=list)
    factuality: Factuality = "asserted"
    score: float | None = None  # PLOVER's conflict-cooperation scale, -10 .. 10
    cameo_code: str | None = None
    location: Location | None = None
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    issue: str | None = None  # normalised issue ("ceasefire"), when one is stated
    issue_text: str | None = None  # the article's own wording of it
    confidence: float = 0.5
    rule: str = ""
    mentions: list[Mention] = Field(default_factory=list)

    def identity(self) -> tuple:
        """What makes two coded events the same fact (used for ids and dedup)."""
        return (
            self.article_id,
            self.event_type,
            sorted({e.code for e in self.actor}),
            sorted({e.code for e in self.recipient}),
            self.factuality,
            self.issue,
        )

    def sentence_indexes(self) -> set[int]:
        """The sentences its mentions are in."""
        return {m.sentence_index for m in self.mentions}

    def with_id(self) -> Event:
        first = self.mentions[0] if self.mentions else None
        anchor = (first.sentence_index, first.trigger_start) if first else None
        self.event_id = "e" + content_hash(*self.identity(), anchor)
        return self
