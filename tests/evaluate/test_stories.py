"""The `stories` and `stances` scorers: metrics, gold-file detection, the bundled test set."""

from __future__ import annotations

from pathlib import Path

from tidings.evaluate import detect
from tidings.evaluate.stances import evaluate_stances, score_triples
from tidings.evaluate.stories import cluster_scores, evaluate_stories

CLUSTERS = Path(__file__).resolve().parents[2] / "samples" / "clusters"


def test_cluster_scores_pairwise_and_b3():
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    perfect = cluster_scores(gold, {"a": "x", "b": "x", "c": "x", "d": "y"})
    assert perfect["pair_f1"] == perfect["b3_f1"] == 1.0
    split = cluster_scores(gold, {"a": "x", "b": "x", "c": "z", "d": "y"})
    assert split["pair_precision"] == 1.0 and split["pair_recall"] == round(1 / 3, 4)
    assert split["b3_recall"] == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4)
    merged = cluster_scores(gold, {"a": "x", "b": "x", "c": "x", "d": "x"})
    assert merged["pair_recall"] == 1.0 and merged["pair_precision"] == 0.5


def test_score_triples():
    gold = {"a1": {("RUS", "ceasefire", "conditions"), ("UKR", "ceasefire", "rejects")}}
    found = {"a1": {("RUS", "ceasefire", "conditions"), ("UKR", "ceasefire", "accepts")}}
    s = score_triples(gold, found)
    assert (s["accuracy"], s["precision"], s["position_accuracy"]) == (0.5, 0.5, 0.5)


def test_detect_gold_formats():
    assert detect(CLUSTERS / "gold.jsonl") == "stories"
    assert detect(CLUSTERS / "stances.jsonl") == "stances"


def test_bundled_clusters_link_on_gold_events():
    result = evaluate_stories(CLUSTERS / "gold.jsonl", pipeline=False)
    for split in ("dev", "test"):
        scores = result["gold_events"][split]
        assert scores["gold_links"] > 0
        assert scores["pair_f1"] >= 0.9 and scores["b3_f1"] >= 0.9


def test_bundled_stances_on_gold_events():
    result = evaluate_stances(CLUSTERS / "stances.jsonl", pipeline=False)
    for split in ("dev", "test"):
        assert result["gold_events"][split]["accuracy"] >= 0.9
