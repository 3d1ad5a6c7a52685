"""A small store written from model objects, with exact article offsets (no NLP needed).

It holds what the dashboard must show distinctly: an agreement and a negated agreement, events
with and without a score, a location and none.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tidings.model import Article, Entity, Event, Location, Mention
from tidings.store import EventStore

TEXT = (
    "Russia and Ukraine agreed to exchange prisoners in Istanbul on Monday. "
    "Ukraine did not agree to a ceasefire with Russia in Kharkiv, officials said. "
    "Russian forces shelled Kharkiv overnight."
)
_COUNTRY = {"Russia": ("RUS", None), "Ukraine": ("UKR", None), "Russian forces": ("RUS", "MIL")}
_PLACES = {"Istanbul": ("TUR", 41.01, 28.98), "Kharkiv": ("UKR", 49.98, 36.25)}


def _sentence(text: str, index: int) -> tuple[int, int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "." and i + 2 < len(text):
            starts.append(i + 2)
    start = starts[index]
    end = text.index(".", start) + 1
    return start, end


def _entity(text: str, words: str, after: int = 0) -> Entity:
    start = text.index(words, after)
    country, sector = _COUNTRY[words]
    return Entity(text=words, country=country, sector=sector,
                  code=country + (sector or ""), start_char=start, end_char=start + len(words))


def _event(article: Article, sentence: int, event_type: str, trigger: str, actors: list[str],
           recipients: list[str], place: str | None, **fields: object) -> Event:
    text = article.text
    s_start, s_end = _sentence(text, sentence)
    t_start = text.index(trigger, s_start)
    location = None
    if place:
        p_start = text.index(place, s_start)
        country, lat, lon = _PLACES[place]
        location = Location(name=place, country=country, lat=lat, lon=lon, feature="city",
                            text=place, start_char=p_start, end_char=p_start + len(place))
    return Event(
        article_id=article.article_id, event_type=event_type,
        actor=[_entity(text, a, s_start) for a in actors],
        recipient=[_entity(text, r, s_start) for r in recipients],
        location=location, date=article.published, date_precision="day",
        mentions=[Mention(sentence_index=sentence, start_char=s_start, end_char=s_end,
                          text=text[s_start:s_end], trigger=trigger, trigger_start=t_start,
                          trigger_end=t_start + len(trigger))],
        **fields,
    ).with_id()


def build(path: Path) -> Path:
    """Write the store at ``path`` (two articles, four events) and return the path."""
    first = Article(article_id="hand-1", text=TEXT, title="Prisoner swap agreed, truce refused",
                    published=dt.date(2025, 3, 3), url="https://news.example/hand-1")
    second = Article(article_id="hand-2", text=TEXT, title="Talks in Istanbul",
                     published=dt.date(2025, 4, 10))
    with EventStore(path) as store:
        store.write(first, [
            _event(first, 0, "AGREE", "agreed", ["Russia"], ["Ukraine"], "Istanbul",
                   score=3.0, cameo_code="057"),
            _event(first, 1, "AGREE", "agree", ["Ukraine"], ["Russia"], "Kharkiv",
                   factuality="negated", score=None, issue="ceasefire"),
            _event(first, 2, "ASSAULT", "shelled", ["Russian forces"], [], "Kharkiv",
                   score=-9.0, cameo_code="195"),
        ], coder_version="handmade")
        store.write(second, [
            _event(second, 0, "AGREE", "agreed", ["Russia", "Ukraine"], [], None, score=2.0),
        ], coder_version="handmade")
    return path
