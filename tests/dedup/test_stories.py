"""Cross-article stories on hand-made events (no NLP)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.dedup.stories import LinkConfig, build_stories, cluster_pairs, story_groups
from tidings.model import Article, Entity, Event, Location, Mention
from tidings.store import EventStore

RUS = Entity(text="Russian drones", country="RUS", code="RUS")
UKR = Entity(text="Ukraine", country="UKR", code="UKR")
UKRGOV = Entity(text="Kyiv", country="UKR", sector="GOV", code="UKRGOV")
ODESA = Location(name="Odesa", country="UKR", lat=46.48, lon=30.73, geonameid=698740,
                 feature="city")
KHARKIV = Location(name="Kharkiv", country="UKR", lat=49.99, lon=36.23, geonameid=706483,
                   feature="city")
DAY = dt.date(2025, 11, 3)  # a Monday: the week buckets start on Mondays


def article(n: int, url: str, source: str | None = None,
            published: dt.date = DAY) -> Article:
    return Article(article_id=f"a{n}", text=f"Article {n}. " * 5, published=published,
                   url=url, source=source)


def strike(article_id: str, sentence: str, *, actor=(RUS,), recipient=(UKR,), place=ODESA,
           day=DAY, event_type="ASSAULT", factuality="asserted", sentence_index=0) -> Event:
    return Event(article_id=article_id, event_type=event_type, actor=list(actor),
                 recipient=list(recipient), location=place, date=day, date_precision="day",
                 factuality=factuality,
                 mentions=[Mention(sentence_index=sentence_index, start_char=0,
                                   end_char=len(sentence), text=sentence, trigger="struck",
                                   trigger_start=0, trigger_end=6)]).with_id()


@pytest.fixture
def store():
    with EventStore(":memory:") as s:
        yield s


def _story_sizes(store: EventStore) -> list[int]:
    return sorted(len(v) for v in story_groups(store).values())


def test_same_happening_in_three_outlets_is_one_story(store):
    store.write(article(1, "https://www.wire.example/x"),
                [strike("a1", "Russian drones struck the port of Odesa, setting a grain "
                              "terminal on fire.")])
    store.write(article(2, "https://herald.example/y"),
                [strike("a2", "A wave of Russian drones hit the port of Odesa, damaging a "
                              "grain terminal.", recipient=(UKRGOV,))])
    store.write(article(3, "https://post.example/z", source="Danube Post",
                        published=DAY + dt.timedelta(days=1)),
                [strike("a3", "The Russian drone attack on Odesa burned a grain terminal.",
                        day=DAY + dt.timedelta(days=1))])
    stats = build_stories(store)
    assert stats.stories == 1 and stats.multi_article_stories == 1
    row = store.connection.execute(
        "SELECT num_articles, num_sources, num_mentions, first_seen, last_seen, sources "
        "FROM stories").fetchone()
    assert row[:3] == (3, 3, 3)
    assert (row[3], row[4]) == (DAY, DAY + dt.timedelta(days=1))
    assert row[5] == ["Danube Post", "herald.example", "wire.example"]
    # every member event carries the story's counts (what the GDELT exporter reads)
    assert store.connection.execute(
        "SELECT DISTINCT num_articles FROM story_events").fetchall() == [(3,)]


def test_near_misses_stay_apart(store):
    text = "Russian drones struck the port of Odesa, setting a grain terminal on fire."
    store.write(article(1, "https://one.example/a"), [strike("a1", text)])
    # same actors and place, a week later
    store.write(article(2, "https://two.example/b"),
                [strike("a2", text, day=DAY + dt.timedelta(days=7))])
    # same day, another city
    store.write(article(3, "https://three.example/c"), [strike("a3", text, place=KHARKIV)])
    # the roles reversed
    store.write(article(4, "https://four.example/d"),
                [strike("a4", text, actor=(UKR,), recipient=(RUS,))])
    # a denial is not the act
    store.write(article(5, "https://five.example/e"),
                [strike("a5", text, factuality="negated")])
    build_stories(store)
    assert _story_sizes(store) == [1, 1, 1, 1, 1]


def test_one_story_takes_one_event_per_article(store):
    text = "Russian drones struck the port of Odesa overnight."
    store.write(article(1, "https://one.example/a"),
                [strike("a1", text), strike("a1", text + " Again.", sentence_index=3)])
    store.write(article(2, "https://two.example/b"), [strike("a2", text)])
    build_stories(store)
    assert _story_sizes(store) == [1, 2]


def test_parties_in_several_week_buckets_are_compared(store):
    # Sunday and Monday fall in two week buckets; both parties must be keyed in both.
    sunday = DAY - dt.timedelta(days=1)
    text = "Russian drones struck the port of Odesa overnight."
    store.write(article(1, "https://one.example/a"), [strike("a1", text, day=sunday)])
    store.write(article(2, "https://two.example/b"), [strike("a2", text, recipient=())])
    build_stories(store)
    assert _story_sizes(store) == [2]


def test_rebuild_is_deterministic_and_keeps_events(store):
    text = "Russian drones struck the port of Odesa overnight."
    store.write(article(1, "https://one.example/a"), [strike("a1", text)])
    store.write(article(2, "https://two.example/b"), [strike("a2", text)])
    build_stories(store)
    first = store.connection.execute("SELECT * FROM story_events ORDER BY event_id").fetchall()
    build_stories(store)
    again = store.connection.execute("SELECT * FROM story_events ORDER BY event_id").fetchall()
    assert first == again
    assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_threshold_controls_linking(store):
    store.write(article(1, "https://one.example/a"), [strike("a1", "Drones hit Odesa.")])
    store.write(article(2, "https://two.example/b"),
                [strike("a2", "Explosions shook the southern port city.")])
    build_stories(store, LinkConfig(threshold=99))
    assert _story_sizes(store) == [1, 1]
    build_stories(store, LinkConfig(threshold=1))
    assert _story_sizes(store) == [2]


def test_cluster_pairs_refuses_far_places():
    import pandas as pd

    events = pd.DataFrame({
        "event_id": ["x", "y", "z"], "article_id": ["a", "b", "c"],
        "lo": [DAY] * 3, "hi": [DAY] * 3, "loc_point": [True] * 3,
        "loc_lat": [46.48, 46.5, 49.99], "loc_lon": [30.73, 30.7, 36.23],
    })
    pairs = pd.DataFrame({"a": ["x", "y"], "b": ["y", "z"], "score": [3.0, 2.5]})
    roots = cluster_pairs(events, pairs, LinkConfig())
    assert roots["x"] == roots["y"] != roots["z"]
