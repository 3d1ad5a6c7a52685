"""Speed of `tidings ingest` against spaCy alone on the same corpus (the NLP ceiling).

    python bench/throughput.py --articles 5000            # about 40 minutes on 2 free cores
    python bench/throughput.py --articles 500 --scale 4   # a quick look

Builds a corpus (bench/corpus.py) unless --corpus is given, then runs, each in a process of
its own so that its peak memory is its own:

- spaCy alone, same pipeline and batch size (the ceiling), and spaCy with ``n_process=2``;
- tidings end to end (``api.ingest`` into a new store) in process, on 1 and on 2 Dask workers,
  and on 2 workers again with a corpus ``--scale`` times larger (memory must stay flat);
- the pipeline stage by stage in one process.

Rates leave out start-up (loading models, starting the cluster), which is reported apart.
CPU seconds count every process of a run; when they fall short of wall seconds × processes,
the cores were busy with something else.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build  # noqa: E402

STAGES = ("nlp", "actors", "places", "events", "dedup")


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (Dask workers, spaCy's)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _articles(path: Path) -> list:
    from tidings.model import Article
    from tidings.read import read_paths

    return [a for a in read_paths([path]) if isinstance(a, Article)]


def run_spacy(path: Path, batch_size: int, processes: int = 1) -> dict:
    from tidings import nlp

    articles = _articles(path)
    model = nlp.load()
    cpu, start = _cpu_seconds(), time.perf_counter()
    for _ in model.pipe((a.text for a in articles), batch_size=batch_size, n_process=processes):
        pass
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu": _cpu_seconds() - cpu, "articles": len(articles),
            "words": sum(a.n_words for a in articles), "start": 0.0,
            "rss": {"main": _peak_rss_mb()} | (
                {"children (max)": _peak_rss_mb(resource.RUSAGE_CHILDREN)} if processes > 1 else {})}


def run_ingest(path: Path, batch_size: int, workers: int, dask: bool) -> dict:
    """``api.ingest`` into a new store: in process, or on a LocalCluster of ``workers``."""
    from tidings import api

    words = sum(a.n_words for a in _articles(path))
    cpu = _cpu_seconds()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        if dask:
            from distributed import LocalCluster

            began = time.perf_counter()
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              host="127.0.0.1", dashboard_address=None,
                              silence_logs=40) as cluster:
                booted = time.perf_counter() - began
                report = api.ingest([path], db, scheduler=cluster.scheduler_address,
                                    batch_size=batch_size)
            report.seconds["start"] += booted
            report.seconds["total"] += booted
        else:
            report = api.ingest([path], db, workers=workers, batch_size=batch_size)
    s = report.seconds
    return {"seconds": s["total"] - s["start"], "start": s["start"], "cpu": _cpu_seconds() - cpu,
            "articles": report.coded, "words": words, "events": report.events,
            "read": s["read"], "write": s["write"], "coding": s["coding"],
            "coding_cpu": s["coding_cpu"], "workers": report.workers,
            "rss": report.peak_rss_mb}


def run_stages(path: Path, batch_size: int) -> dict:
    """Time each stage separately on the same corpus, in one process."""
    from tidings import nlp
    from tidings.actors import resolve
    from tidings.dedup import merge_mentions
    from tidings.events import code_doc
    from tidings.places import Geocoder

    articles = _articles(path)
    geocoder = Geocoder.default()
    model = nlp.load()
    totals = dict.fromkeys(STAGES, 0.0)
    for start in range(0, len(articles), batch_size):
        chunk = articles[start:start + batch_size]
        with model.memory_zone():
            t = time.perf_counter()
            docs = list(nlp.parse((a.text for a in chunk), batch_size=batch_size))
            totals["nlp"] += time.perf_counter() - t
            for article, doc in zip(chunk, docs, strict=True):
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
    return {"stages": totals, "articles": len(articles)}


RUNS = {
    "spacy": lambda p, b: run_spacy(p, b),
    "spacy2": lambda p, b: run_spacy(p, b, processes=2),
    "inprocess": lambda p, b: run_ingest(p, b, workers=1, dask=False),
    "dask1": lambda p, b: run_ingest(p, b, workers=1, dask=True),
    "dask2": lambda p, b: run_ingest(p, b, workers=2, dask=True),
    "stages": run_stages,
}


def _spawn(kind: str, path: Path, batch_size: int) -> dict:
    print(f"... {kind} on {path.name}", file=sys.stderr, flush=True)
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--corpus", str(path),
                          "--batch-size", str(batch_size)], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _row(name: str, run: dict) -> str:
    rss = " / ".join(f"{v:.0f}" for v in run["rss"].values())
    return (f"{name:34} {run['articles'] / run['seconds']:9.1f} {run['words'] / run['seconds']:8.0f} "
            f"{run['seconds']:7.1f} {run['cpu']:7.1f} {run['start']:6.1f}  {rss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--scale", type=int, default=4, help="the memory run's corpus is this many times larger (0: skip)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--runs", default="spacy,spacy2,inprocess,dask1,dask2,stages",
                        help="which runs, comma-separated")
    parser.add_argument("--child", choices=sorted(RUNS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = RUNS[args.child](args.corpus, args.batch_size)
        result.setdefault("rss", {"main": _peak_rss_mb()})
        print(json.dumps(result))
        return
    corpus = args.corpus or build(args.articles, Path(f"/tmp/tidings-bench-{args.articles}.jsonl"))
    wanted = args.runs.split(",")
    runs = {kind: _spawn(kind, corpus, args.batch_size) for kind in wanted if kind != "stages"}
    if args.scale and "dask2" in wanted:
        n = sum(1 for _ in corpus.open()) * args.scale
        big = build(n, Path(f"/tmp/tidings-bench-{n}.jsonl"))
        runs[f"dask2 x{args.scale}"] = _spawn("dask2", big, args.batch_size)
    any_run = next(iter(runs.values()))
    print(f"corpus: {corpus} ({any_run['articles']} articles, {any_run['words']} words), "
          f"batch {args.batch_size}, {os.cpu_count()} cores, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'run':34} {'art/s':>9} {'words/s':>8} {'wall s':>7} {'CPU s':>7} {'start':>6}  peak RSS MB")
    names = {"spacy": "spaCy alone (ceiling)", "spacy2": "spaCy n_process=2",
             "inprocess": "tidings, 1 worker (in process)", "dask1": "tidings, 1 Dask worker",
             "dask2": "tidings, 2 Dask workers"}
    for kind, run in runs.items():
        base, _, times = kind.partition(" ")
        print(_row(names[base] + (f", corpus {times}" if times else ""), run))

    def rate(kind: str) -> float | None:
        return runs[kind]["articles"] / runs[kind]["seconds"] if kind in runs else None

    ratios = [("end-to-end (1 worker) / ceiling", "inprocess", "spacy"),
              ("2 Dask workers / 1 worker in process", "dask2", "inprocess"),
              ("2 Dask workers / 1 Dask worker", "dask2", "dask1"),
              ("2 Dask workers / spaCy n_process=2", "dask2", "spacy2"),
              ("spaCy n_process=2 / spaCy alone", "spacy2", "spacy")]
    for label, a, b in ratios:
        if rate(a) and rate(b):
            print(f"{label}: {rate(a) / rate(b):.2f}")
    for kind, run in runs.items():
        if "write" in run:
            print(f"{kind}: driver read {run['read']:.1f}s, store write {run['write']:.1f}s; "
                  f"workers coding {run['coding']:.1f}s wall, {run['coding_cpu']:.1f}s CPU "
                  f"({100 * run['coding'] / max(run['seconds'] * run['workers'], 1e-9):.0f}% of "
                  f"the workers' time), {run['events']} events")
    if "stages" in wanted:
        stages = _spawn("stages", corpus, args.batch_size)["stages"]
        total = sum(stages.values())
        print("time by stage (one process): " + ", ".join(
            f"{k} {v:.1f}s ({100 * v / total:.0f}%)" for k, v in stages.items()))


if __name__ == "__main__":
    main()
