"""The PETRARCH2 validation suite as a tidings evaluation.

Scored as PETRARCH's own validator: a record is right when the SET of (source, target, code)
triples the coder gives equals the expected set (``noevents``, ``none_given`` and ``error``
records expect the empty set: the coder must discard or refuse them); records with
``sentence_attr == "false"`` were not meant to be scored and are only counted. Also reported:
micro P/R/F1 over triples, over (source, target, root code) and over (source, target) dyads,
figures per record category, and the records on which the coder raised (they never stop
the run). Run ``python -m tidings.evaluate.petrarch RECORDS DICTDIR``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path

from tidings.errors import TidingsError
from tidings.evaluate.metrics import read_jsonl

Triple = tuple[str, str, str]


def load_records(path: Path) -> list[dict]:
    """Read the JSONL records; a bad line is an E301 error naming the line."""
    return read_jsonl(Path(path), required=("text", "expected"))


def expected_triples(rec: dict) -> set[Triple]:
    exp = rec["expected"]
    if exp.get("kind") != "events":
        return set()
    return {(e["source"], e["target"], e["code"]) for e in exp.get("events", [])}


def record_date(rec: dict) -> dt.date | None:
    text = str(rec.get("date") or "")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


class _Counts:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, pred: set, gold: set) -> None:
        self.tp += len(pred & gold)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(records: Iterable[dict], code: Callable[[dict], set[Triple]]) -> dict:
    """Score ``code(record) -> set of triples`` on ``records`` (the coder-independent part)."""
    triples, roots, dyads = _Counts(), _Counts(), _Counts()
    by_cat: dict[str, dict] = {}
    errors: list[dict] = []
    failures: list[dict] = []
    scored = correct = unscored = 0
    for rec in records:
        if str(rec.get("sentence_attr", "true")).lower() == "false":
            unscored += 1
            continue
        scored += 1
        gold = expected_triples(rec)
        key = rec["id"] + (f"#{rec['occurrence']}" if rec.get("occurrence") else "")
        try:
            pred = set(code(rec))
            failed = False
        except Exception as exc:  # noqa: BLE001 - a record that raises is counted, never fatal
            pred, failed = set(), True
            errors.append({"id": key, "error": f"{type(exc).__name__}: {exc}",
                           "where": traceback.format_exc(limit=-1).strip().splitlines()[-2:][0].strip()})
        ok = pred == gold and not failed
        correct += ok
        triples.add(pred, gold)
        roots.add({(s, t, c[:2]) for s, t, c in pred}, {(s, t, c[:2]) for s, t, c in gold})
        dyads.add({(s, t) for s, t, _ in pred}, {(s, t) for s, t, _ in gold})
        cat = by_cat.setdefault(rec.get("category", "?"), {"n": 0, "correct": 0, "_c": _Counts()})
        cat["n"] += 1
        cat["correct"] += ok
        cat["_c"].add(pred, gold)
        if not ok:
            failures.append({"id": key, "category": rec.get("category"), "text": rec["text"],
                             "expected": sorted(gold), "predicted": sorted(pred)})
    categories = {
        name: {"n": c["n"], "exact": round(c["correct"] / c["n"], 4), "triple_f1": c["_c"].prf()["f1"]}
        for name, c in sorted(by_cat.items())
    }
    return {
        "scored": scored,
        "unscored": unscored,
        "correct": correct,
        "exact": round(correct / scored, 4) if scored else 0.0,
        "triples": triples.prf(),
        "root_code": roots.prf(),
        "dyad": dyads.prf(),
        "errors": errors,
        "error_rate": round(len(errors) / scored, 4) if scored else 0.0,
        "categories": categories,
        "failures": failures,
    }


def evaluate_petrarch(records_path: Path, dict_dir: Path, limit: int | None = None,
                      profile: str | None = "validate") -> dict:
    """Code every record's text with the dictionaries in ``dict_dir`` (spaCy parse, not the
    record's Penn parse) and score it against the expected triples."""
    from tidings import nlp
    from tidings.dictionaries import DictionaryCoder, load_dictionaries

    started = time.perf_counter()
    records = load_records(Path(records_path))[:limit]
    coder = DictionaryCoder(load_dictionaries(Path(dict_dir), profile=profile))
    pipeline = nlp.load()

    def code(rec: dict) -> set[Triple]:
        doc = pipeline(rec["text"])
        return {(t.source, t.target, t.code) for t in coder.code(doc, date=record_date(rec))}

    result = score(records, code)
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["dictionary_warnings"] = len(coder.dicts.warnings)
    return result


def format_table(result: dict) -> str:
    """The figures as a plain-text table."""
    lines = [
        f"records scored {result['scored']}  (unscored sentence_attr=false: {result['unscored']})",
        f"exact (triple set equal)  {result['exact']:.1%}  ({result['correct']}/{result['scored']})",
        "                 P       R       F1",
    ]
    for name in ("triples", "root_code", "dyad"):
        m = result[name]
        lines.append(f"{name:<12} {m['precision']:7.3f} {m['recall']:7.3f} {m['f1']:7.3f}")
    lines.append(f"exceptions {len(result['errors'])} ({result['error_rate']:.1%})")
    for err in result["errors"]:
        lines.append(f"  {err['id']}: {err['error']}")
    lines.append("category       n   exact  triple F1")
    for name, c in result["categories"].items():
        lines.append(f"{name:<12} {c['n']:4d}  {c['exact']:6.1%}  {c['triple_f1']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tidings.evaluate.petrarch", description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("dictionaries", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--profile", default="validate", help="dictionary set in the folder (validate, phoenix)")
    parser.add_argument("--failures", action="store_true", help="list the records coded wrongly")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args(argv)
    try:
        result = evaluate_petrarch(args.records, args.dictionaries, args.limit, args.profile)
    except TidingsError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(format_table(result))
    if args.failures:
        for f in result["failures"]:
            print(f"\n{f['id']} [{f['category']}] {f['text']}\n  expected  {f['expected']}\n  predicted {f['predicted']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
