"""Speed of the whole pipeline against spaCy alone on the same corpus (the NLP ceiling).

    python bench/throughput.py --articles 1000

Each measurement runs in its own process so its peak RSS is its own. Prints articles/s,
words/s, the end-to-end / ceiling ratio, peak RSS, and where the time goes by stage.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build  # noqa: E402


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _articles(path: Path) -> list:
    from tidings.model import Article
    from tidings.read import read_paths

    return [a for a in read_paths([path]) if isinstance(a, Article)]


def run_spacy(path: Path, batch_size: int) -> dict:
    from tidings import nlp

    articles = _articles(path)
    nlp.load()
    start = time.perf_counter()
    for _ in nlp.parse((a.text for a in articles), batch_size=batch_size):
        pass
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(articles), "words": sum(a.n_words for a in articles)}


def run_pipeline(path: Path, batch_size: int) -> dict:
    from tidings import api, nlp
    from tidings.places import Geocoder

    articles = _articles(path)
    nlp.load()
    Geocoder.default()
    api.code_parsed(nlp.load()("Warm-up: Russia attacked Ukraine."), articles[0])
    start = time.perf_counter()
    events = sum(len(c.events) for c in api.code_articles(articles, batch_size=batch_size))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(articles), "events": events,
            "words": sum(a.n_words for a in articles)}


def run_stages(path: Path, batch_size: int) -> dict:
    """Time each stage separately on the same corpus."""
    from tidings import nlp
    from tidings.actors import resolve
    from tidings.dedup import merge_mentions
    from tidings.events import code_doc
    from tidings.places import Geocoder

    articles = _articles(path)
    geocoder = Geocoder.default()
    nlp.load()
    totals = dict.fromkeys(("nlp", "actors", "places", "events", "dedup"), 0.0)
    start = time.perf_counter()
    docs = list(nlp.parse((a.text for a in articles), batch_size=batch_size))
    totals["nlp"] = time.perf_counter() - start
    for article, doc in zip(articles, docs, strict=True):
        t0 = time.perf_counter()
        actors = resolve(doc)
        t1 = time.perf_counter()
        places = geocoder.find(doc, actors.countries())
        t2 = time.perf_counter()
        events = code_doc(doc, article, actors, places)
        t3 = time.perf_counter()
        merge_mentions(events)
        t4 = time.perf_counter()
        totals["actors"] += t1 - t0
        totals["places"] += t2 - t1
        totals["events"] += t3 - t2
        totals["dedup"] += t4 - t3
    return {"stages": totals}


def _child(kind: str, path: Path, batch_size: int) -> dict:
    result = {"spacy": run_spacy, "pipeline": run_pipeline, "stages": run_stages}[kind](path, batch_size)
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def _spawn(kind: str, path: Path, batch_size: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--corpus", str(path),
                          "--batch-size", str(batch_size)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--child", choices=("spacy", "pipeline", "stages"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.corpus, args.batch_size)))
        return
    corpus = args.corpus or build(args.articles, Path(f"/tmp/tidings-bench-{args.articles}.jsonl"))
    spacy_run = _spawn("spacy", corpus, args.batch_size)
    pipe_run = _spawn("pipeline", corpus, args.batch_size)
    stages = _spawn("stages", corpus, args.batch_size)["stages"]
    print(f"corpus: {corpus} ({pipe_run['articles']} articles, {pipe_run['words']} words), batch {args.batch_size}")
    print(f"{'run':22} {'articles/s':>11} {'words/s':>10} {'peak RSS MB':>12}")
    for name, run in (("spaCy alone (ceiling)", spacy_run), ("tidings end to end", pipe_run)):
        print(f"{name:22} {run['articles'] / run['seconds']:11.1f} {run['words'] / run['seconds']:10.0f} "
              f"{run['peak_rss_mb']:12.0f}")
    print(f"end-to-end / ceiling: {spacy_run['seconds'] / pipe_run['seconds']:.2f}  "
          f"({pipe_run['events']} events)")
    total = sum(stages.values())
    print("time by stage: " + ", ".join(f"{k} {v:.1f}s ({100 * v / total:.0f}%)" for k, v in stages.items()))


if __name__ == "__main__":
    main()
