"""EventStore: round trips, idempotent writes, rollback, schema version, opening errors."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from store_helpers import article, event, sample_events

from tidings.errors import TidingsError
from tidings.model import Event, Location
from tidings.store import SCHEMA_VERSION, EventStore
from tidings.store.schema import EVENT_COLUMNS, LOCATION_FIELDS


def _counts(store: EventStore) -> dict[str, int]:
    return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "events", "event_entities", "mentions")}


def test_round_trip_equals_input(store):
    events = sample_events("a1")
    store.write(article(1), events)
    back = {e.event_id: e for e in store.iter_events()}
    assert back == {e.event_id: e for e in events}
    assert back[events[0].event_id].location.admin1 == "07"
    assert back[events[2].event_id].recipient == []
    assert len(back[events[2].event_id].mentions) == 2
    assert back[events[3].event_id].location is None
    assert back[events[0].event_id].context == ["military", "territory"]


def test_every_record_field_has_a_column():
    # A new field on Event or Location must get a column, or round trips would drop it.
    stored = set(EVENT_COLUMNS) | {"actor", "recipient", "mentions", "location"}
    assert set(Event.model_fields) <= stored
    assert set(Location.model_fields) <= set(LOCATION_FIELDS)


def test_event_without_id_is_given_one(store):
    raw = event("a1").model_copy(update={"event_id": ""})
    store.write(article(1), [raw])
    (back,) = store.iter_events()
    assert back.event_id == raw.model_copy().with_id().event_id
    assert raw.event_id == ""  # the caller's object is left alone


def test_rewrite_is_idempotent(store):
    store.write(article(1), sample_events("a1"))
    before = _counts(store)
    store.write(article(1), sample_events("a1"))
    assert _counts(store) == before == {"articles": 1, "events": 4, "event_entities": 9,
                                        "mentions": 5}


def test_rewrite_replaces_changed_events(store):
    store.write(article(1), sample_events("a1"))
    store.write(article(2), [event("a2")])
    changed = [event("a1", "THREATEN", text="Washington threatened the Kremlin.",
                     trigger="threatened")]
    store.write(article(1), changed, coder_version="v2")
    assert [e for e in store.iter_events(article_id="a1")] == changed
    assert len(list(store.iter_events(article_id="a2"))) == 1
    assert _counts(store)["events"] == 2
    articles = store.articles().set_index("article_id")
    assert articles.loc["a1", "coder_version"] == "v2"
    assert articles.loc["a1", "n_events"] == 1


def test_write_many_batches_and_keeps_last_version(store):
    coded = [(article(i), [event(f"a{i}")]) for i in range(7)]
    coded.append((article(3), []))  # article 3 again, now without events
    assert store.write_many(coded, batch=3, coder_version="v1") == 8
    assert store.article_ids() == {f"a{i}" for i in range(7)}
    assert list(store.iter_events(article_id="a3")) == []
    assert _counts(store)["events"] == 6


def test_article_without_events_is_recorded(store):
    store.write(article(9), [])
    assert store.has_article("a9")
    assert not store.has_article("a10")
    assert store.events().empty


def test_event_of_another_article_is_refused(store):
    with pytest.raises(TidingsError) as err:
        store.write(article(1), [event("a2")])
    assert err.value.code == "E204"
    assert not store.has_article("a1")


def test_duplicate_event_id_is_refused(store):
    e = event("a1")
    with pytest.raises(TidingsError, match="share this event_id"):
        store.write(article(1), [e, e])


def test_event_id_of_another_article_is_refused(store):
    e = event("a1")
    store.write(article(1), [e])
    clash = e.model_copy(update={"article_id": "a2"})
    with pytest.raises(TidingsError) as err:
        store.write(article(2), [clash])
    assert err.value.code == "E204" and "'a1'" in str(err.value)
    assert not store.has_article("a2")
    assert list(store.iter_events()) == [e]


def test_refused_article_keeps_earlier_ones_of_the_batch(store):
    coded = [(article(1), [event("a1")]), (article(2), [event("a1")])]
    with pytest.raises(TidingsError):
        store.write_many(coded, batch=10)
    assert store.article_ids() == {"a1"}


def test_crash_after_deletes_rolls_back(store, monkeypatch):
    store.write(article(1), sample_events("a1"), coder_version="v1")
    before = _counts(store)
    expected = list(store.iter_events())

    def crash(tables):
        # The deletes have run in this transaction: the rows are gone until rollback.
        assert store.connection.execute("SELECT count(*) FROM events").fetchone()[0] == 0
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        store.write(article(1), [event("a1", "AID")], coder_version="v2")
    assert _counts(store) == before
    assert list(store.iter_events()) == expected
    assert store.articles()["coder_version"].tolist() == ["v1"]


def test_committed_batches_survive_a_crash_in_a_later_batch(store, monkeypatch):
    real = store._insert
    calls = []

    def crash_on_second(tables):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("killed")
        real(tables)

    monkeypatch.setattr(store, "_insert", crash_on_second)
    coded = [(article(i), [event(f"a{i}")]) for i in range(4)]
    with pytest.raises(RuntimeError):
        store.write_many(coded, batch=2)
    assert store.article_ids() == {"a0", "a1"}


def test_reopen_read_only(tmp_path):
    path = tmp_path / "s.duckdb"
    with EventStore(path) as store:
        store.write(article(1), sample_events("a1"), coder_version="0.1.0")
    with EventStore(path, read_only=True) as store:
        assert store.has_article("a1")
        assert len(store.events()) == 4
        assert store.connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
        with pytest.raises(TidingsError) as err:
            store.write(article(2), [])
        assert err.value.code == "E207"


def test_read_only_missing_file(tmp_path):
    with pytest.raises(TidingsError) as err:
        EventStore(tmp_path / "nope.duckdb", read_only=True)
    assert err.value.code == "E201"
    assert not (tmp_path / "nope.duckdb").exists()


def test_other_schema_version_is_refused(tmp_path):
    path = tmp_path / "old.duckdb"
    with EventStore(path) as store:
        store.connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    for read_only in (False, True):
        with pytest.raises(TidingsError) as err:
            EventStore(path, read_only=read_only)
        assert err.value.code == "E203"
        assert "version 0" in str(err.value)


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(TidingsError) as err:
        EventStore(path)
    assert err.value.code == "E206"


def test_not_a_database_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello\n" * 100)
    with pytest.raises(TidingsError) as err:
        EventStore(path, read_only=True)
    assert err.value.code == "E206"


def test_articles_table(filled):
    table = filled.articles()
    assert table["article_id"].tolist() == ["a1", "a2"]
    assert table["n_events"].tolist() == [4, 2]
    assert "text" not in table
    assert filled.articles(text=True)["text"].str.startswith("Text of article").all()
    assert (filled.articles()["ingested_at"] <= dt.datetime.now(dt.UTC).replace(tzinfo=None)).all()


def test_arrow_schemas_follow_the_table_columns(store):
    # Inserts are positional (insert_into), so the Arrow column order must be the table's.
    from tidings.store.rows import ARROW_SCHEMAS

    for table, schema in ARROW_SCHEMAS.items():
        columns = [r[0] for r in store.connection.execute(f"DESCRIBE {table}").fetchall()]
        assert columns == schema.names


def test_location_score_is_kept_when_the_record_has_one(store, monkeypatch):
    # The places stage may add `score` to Location; the store has a column ready for it.
    from tidings.store import rows

    class ScoredLocation(Location):
        score: float | None = None

    monkeypatch.setattr(rows, "Location", ScoredLocation)
    place = ScoredLocation(name="Kharkiv", country="UKR", score=0.75)
    e = event("a1", location=place)
    store.write(article(1), [e])
    assert store.events()["loc_score"].tolist() == [0.75]
    (back,) = store.iter_events()
    assert back.location == place and back.location.score == 0.75
