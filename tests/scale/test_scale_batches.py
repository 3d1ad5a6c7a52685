"""Batching and selection on the driver (no NLP): what is coded, in which batches."""

from __future__ import annotations

import pytest

from tidings.errors import Errors, SkippedInput
from tidings.model import Article
from tidings.scale import Batch, Selector, batches
from tidings.store import EventStore


def art(i: int, text: str | None = None) -> Article:
    return Article(article_id=f"a{i}", text=text or f"Text of article {i}.")


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "s.duckdb") as s:
        yield s


def ids(found: list[Batch]) -> list[list[str]]:
    return [[a.article_id for a in b.articles] for b in found]


def test_batches_are_full_numbered_and_in_input_order(store):
    found = list(batches([art(i) for i in range(7)], Selector(store, "v1"), 3))
    assert ids(found) == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6"]]
    assert [b.seq for b in found] == [0, 1, 2]


def test_stored_articles_are_skipped_and_batches_stay_full(store):
    store.write_many([(art(i), []) for i in (1, 2, 4)], coder_version="v1")
    read = []
    found = list(batches([art(i) for i in range(8)], Selector(store, "v1"), 2,
                         on_read=lambda a, fresh: read.append((a.article_id, fresh))))
    assert ids(found) == [["a0", "a3"], ["a5", "a6"], ["a7"]]
    assert read == [("a0", True), ("a1", False), ("a2", False), ("a3", True), ("a4", False),
                    ("a5", True), ("a6", True), ("a7", True)]


def test_changed_text_or_coder_version_is_coded_again(store):
    store.write_many([(art(1), []), (art(2), [])], coder_version="v1")
    found = list(batches([art(1, "New text."), art(2)], Selector(store, "v1"), 5))
    assert ids(found) == [["a1"]]
    assert ids(batches([art(1), art(2)], Selector(store, "v2"), 5)) == [["a1", "a2"]]


def test_a_repeated_record_is_coded_once_and_a_changed_repeat_again(store):
    selector = Selector(store, "v1")
    found = list(batches([art(1), art(2), art(1), art(1, "Other."), art(1, "Other.")],
                         selector, 2))
    assert ids(found) == [["a1", "a2"], ["a1"]]
    assert found[1].articles[0].text == "Other."


def test_written_articles_are_answered_by_the_store(store):
    selector = Selector(store, "v1")
    (batch,) = batches([art(1), art(2)], selector, 5)
    assert set(selector.in_flight) == {"a1", "a2"}
    store.write_many([(a, []) for a in batch.articles], coder_version="v1")
    selector.written(batch)
    assert selector.in_flight == {}
    assert list(batches([art(1), art(2), art(3)], selector, 5))[0].articles == [art(3)]


def test_reading_keeps_pace_with_the_consumer(store):
    pulled = []

    def items():
        for i in range(100):
            pulled.append(i)
            yield art(i)

    todo = batches(items(), Selector(store, "v1"), 4)
    next(todo)
    assert len(pulled) == 4
    next(todo)
    assert len(pulled) == 8


def test_skipped_inputs_are_passed_on_and_not_batched(store):
    skipped = []
    bad = SkippedInput("x.bin", Errors.E008, detail="not a format tidings reads")
    found = list(batches([art(1), bad, art(2)], Selector(store, "v1"), 5, on_skip=skipped.append))
    assert ids(found) == [["a1", "a2"]]
    assert skipped == [bad]


def test_batch_size_must_be_positive(store):
    with pytest.raises(ValueError, match="batch size"):
        list(batches([art(1)], Selector(store, "v1"), 0))
