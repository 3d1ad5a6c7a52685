"""The driver's store: created whole or not at all, written one batch per transaction."""

from __future__ import annotations

from tidings.model import Article
from tidings.scale import Batch, Coded, sink


def test_a_new_store_is_renamed_into_place(tmp_path):
    db = tmp_path / "new.duckdb"
    (tmp_path / ".new.duckdb.new").write_bytes(b"half a header")  # left by a killed run
    with sink.open_for_writing(db) as store:
        assert store.article_ids() == set()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.duckdb"]


def test_an_existing_store_is_opened_as_it_is(tmp_path):
    db = tmp_path / "old.duckdb"
    article = Article(article_id="a1", text="Some text.")
    with sink.open_for_writing(db) as store:
        events = sink.write(store, Batch(0, [article]), Coded([[]], 0.1, 0.1, 1, 1.0), "v1")
        assert events == 0
    with sink.open_for_writing(db) as store:
        assert store.article_hashes() == {"a1": (article.content_hash(), "v1")}
