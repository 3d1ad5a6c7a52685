"""``EventStore.article_hashes``: what a resumed ingest compares to skip coded articles."""

from __future__ import annotations

from store_helpers import article, sample_events


def test_article_hashes_of_all_and_of_some(store):
    a1, a2 = article(1), article(2)
    store.write(a1, sample_events("a1"), coder_version="v1")
    store.write(a2, [], coder_version="v2")
    assert store.article_hashes() == {"a1": (a1.content_hash(), "v1"),
                                      "a2": (a2.content_hash(), "v2")}
    assert store.article_hashes(["a2", "missing"]) == {"a2": (a2.content_hash(), "v2")}
    assert store.article_hashes([]) == {}


def test_article_hashes_follow_a_rewrite(store):
    a1 = article(1)
    store.write(a1, [], coder_version="v1")
    changed = a1.model_copy(update={"text": a1.text + " More."})
    store.write(changed, [], coder_version="v2")
    assert store.article_hashes(["a1"]) == {"a1": (changed.content_hash(), "v2")}
    assert changed.content_hash() != a1.content_hash()
