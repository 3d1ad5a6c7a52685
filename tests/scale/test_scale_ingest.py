"""``tidings.ingest`` end to end: resumable, idempotent, the same store for any worker count."""

from __future__ import annotations

import json

import pytest
from scale_helpers import SAMPLES, article_ids, build_corpus, stored_rows

from tidings import api
from tidings.model import Article
from tidings.scale import Batch, code_batch
from tidings.scale.cluster import OnDask


@pytest.fixture(scope="module")
def reference(tmp_path_factory, nlp):
    """The sample corpus ingested in this process, batch size 32."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    report = api.ingest([SAMPLES], db)
    return db, report


def test_ingest_stores_every_article_once(reference):
    db, report = reference
    n = sum(1 for line in (SAMPLES / "articles.jsonl").read_text().splitlines() if line.strip())
    assert (report.read, report.coded, report.unchanged, report.workers) == (n, n, 0, 1)
    assert report.events == len(stored_rows(db)["events"]) > 0
    assert sorted(article_ids(db)) == sorted(set(article_ids(db)))
    assert set(report.seconds) >= {"start", "read", "write", "coding", "total"}
    assert report.peak_rss_mb["driver"] > 0


def test_rerun_codes_nothing_and_changes_nothing(reference, tmp_path):
    db, first = reference
    before = stored_rows(db)
    again = api.ingest([SAMPLES], db)
    assert (again.read, again.coded, again.unchanged, again.events) == (first.read, 0, first.read, 0)
    assert stored_rows(db) == before


def test_a_changed_article_is_coded_again_alone(tmp_path, nlp):
    lines = (SAMPLES / "articles.jsonl").read_text().splitlines()[:4]
    corpus = tmp_path / "few.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    db = tmp_path / "few.duckdb"
    api.ingest([corpus], db)
    record = json.loads(lines[1])
    record["text"] += "\n\nRussia said on Monday it would send more troops to the border."
    corpus.write_text("\n".join([lines[0], json.dumps(record), *lines[2:]]) + "\n")
    report = api.ingest([corpus], db)
    assert (report.coded, report.unchanged) == (1, 3)
    with api.open_store(db) as store:
        assert store.article_hashes([record["id"]])[record["id"]][0] == Article(
            article_id=record["id"], text=record["text"], title=record["title"]).content_hash()


def test_repeated_records_are_stored_once(tmp_path, nlp):
    line = (SAMPLES / "articles.jsonl").read_text().splitlines()[0]
    corpus = tmp_path / "twice.jsonl"
    corpus.write_text("\n".join([line] * 3) + "\n")
    report = api.ingest([corpus], tmp_path / "twice.duckdb")
    assert (report.read, report.coded, report.unchanged) == (3, 1, 2)
    assert len(article_ids(tmp_path / "twice.duckdb")) == 1


def test_batch_size_does_not_change_the_store(reference, tmp_path):
    db = tmp_path / "b5.duckdb"
    api.ingest([SAMPLES], db, batch_size=5)
    assert stored_rows(db) == stored_rows(reference[0])


@pytest.mark.slow
def test_two_dask_workers_give_the_same_store(reference, tmp_path):
    db = tmp_path / "w2.duckdb"
    report = api.ingest([SAMPLES], db, workers=2, batch_size=4)
    assert report.workers == 2
    assert stored_rows(db) == stored_rows(reference[0])
    assert report.events == reference[1].events
    workers = [k for k in report.peak_rss_mb if k.startswith("worker")]
    assert len(workers) == 2  # both coded, each in a process of its own


@pytest.mark.slow
def test_dask_runner_holds_a_bounded_window_in_order(tmp_path, nlp):
    corpus = build_corpus(24, tmp_path / "c.jsonl", paragraphs=(1, 1))
    articles = [Article(**{"article_id": r["id"], "text": r["text"], "title": r["title"]})
                for r in map(json.loads, corpus.read_text().splitlines())]
    pulled: list[int] = []

    def todo():
        for seq in range(12):
            pulled.append(seq)
            yield Batch(seq, articles[2 * seq: 2 * seq + 2])

    seen = []
    with OnDask(workers=1, in_flight=3) as runner:
        for batch, coded in runner.map(todo(), batch_size=2):
            assert len(pulled) - len(seen) <= 4  # 3 in flight + the one being handed back
            seen.append(batch.seq)
            assert [e.model_dump() for e in coded.events[0]] == [
                e.model_dump() for e in code_batch(batch.articles[:1]).events[0]]
    assert seen == list(range(12))


@pytest.mark.slow
def test_ingest_on_a_running_cluster(reference, tmp_path):
    from distributed import LocalCluster

    lines = (SAMPLES / "articles.jsonl").read_text().splitlines()[:5]
    corpus = tmp_path / "five.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    db = tmp_path / "remote.duckdb"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        report = api.ingest([corpus], db, scheduler=cluster.scheduler_address, batch_size=2)
    assert (report.coded, report.workers) == (5, 1)
    ids = {json.loads(line)["id"] for line in lines}
    mine, clean = stored_rows(db), stored_rows(reference[0], ids)
    assert sorted(article_ids(db)) == sorted(ids)
    for table in ("events", "event_entities", "mentions"):  # articles: another source path
        assert mine[table] == clean[table]
