"""Score stance observations against samples/clusters/stances.jsonl (scorer ``stances``).

Gold: one record per article, ``{"article_id", "split", "stances": [{"party", "issue",
"position"}]}``; the articles (articles.jsonl) and their gold events (gold.jsonl) lie beside it.
Two runs, by split: stances derived from the gold events (the stance rules alone) and from the
events tidings codes (end to end, when tidings.api imports). Figures: ``accuracy`` — gold
stances found with the right position; ``precision`` — derived stances that are in the gold;
``position_accuracy`` — right position among the gold (party, issue) pairs found at all.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tidings.errors import Errors, TidingsError
from tidings.evaluate.metrics import read_jsonl
from tidings.evaluate.stories import gold_event, load_articles
from tidings.model import Article, Event
from tidings.stances import derive_stances

Triple = tuple[str, str, str]  # party, issue, position


def load_stance_gold(path: Path) -> list[dict]:
    records = read_jsonl(path)
    for number, r in enumerate(records, start=1):
        if "article_id" not in r or not isinstance(r.get("stances"), list):
            raise TidingsError(Errors.E301, path=path, line=number,
                               detail="a record needs 'article_id' and a 'stances' list")
    return records


def score_triples(gold: dict[str, set[Triple]], found: dict[str, set[Triple]]) -> dict:
    n_gold = sum(len(v) for v in gold.values())
    n_found = sum(len(found.get(a, set())) for a in gold)
    right = sum(len(g & found.get(a, set())) for a, g in gold.items())
    pairs = attempted = 0
    for a, g in gold.items():
        got = defaultdict(set)
        for party, issue, position in found.get(a, set()):
            got[(party, issue)].add(position)
        for party, issue, position in g:
            if (party, issue) in got:
                attempted += 1
                pairs += position in got[(party, issue)]
    return {
        "gold": n_gold, "derived": n_found, "right": right,
        "accuracy": round(right / n_gold, 4) if n_gold else None,
        "precision": round(right / n_found, 4) if n_found else None,
        "position_accuracy": round(pairs / attempted, 4) if attempted else None,
    }


def _triples(events_by_article: dict[str, list[Event]], articles: dict[str, Article]
             ) -> dict[str, set[Triple]]:
    published = {a: art.published for a, art in articles.items()}
    out: dict[str, set[Triple]] = {}
    for article_id, events in events_by_article.items():
        out[article_id] = {(o.party, o.issue, o.position)
                           for o in derive_stances(events, published)}
    return out


def _by_split(records: list[dict], found: dict[str, set[Triple]]) -> dict[str, dict]:
    out = {}
    for split in sorted({r.get("split", "dev") for r in records}):
        gold = {r["article_id"]: {(s["party"], s["issue"], s["position"]) for s in r["stances"]}
                for r in records if r.get("split", "dev") == split}
        out[split] = score_triples(gold, found)
    return out


def evaluate_stances(path: Path, *, pipeline: bool | None = None,
                     limit: int | None = None) -> dict:
    records = load_stance_gold(path)[:limit]
    articles = load_articles(path.with_name("articles.jsonl"))
    wanted = [r["article_id"] for r in records]
    missing = [a for a in wanted if a not in articles]
    if missing:
        raise TidingsError(Errors.E301, path=path, line=0,
                           detail=f"article {missing[0]!r} not in articles.jsonl")
    result: dict = {}
    events_path = path.with_name("gold.jsonl")
    if events_path.exists():
        gold_events: dict[str, list[Event]] = {}
        for r in read_jsonl(events_path):
            if r["article_id"] in wanted:
                gold_events[r["article_id"]] = [gold_event(e, articles[r["article_id"]])[0]
                                                for e in r.get("events") or []]
        result["gold_events"] = _by_split(records, _triples(gold_events, articles))
    if pipeline is not False:
        try:
            from tidings.api import code_articles
        except ImportError as exc:
            if pipeline:
                raise
            result["pipeline"] = {"skipped": f"tidings.api does not import: {exc}"}
        else:
            coded = {c.article.article_id: c.events
                     for c in code_articles(articles[a] for a in wanted)}
            result["pipeline"] = _by_split(records, _triples(coded, articles))
    return result


def format_stances(result: dict) -> str:
    lines = [f"{'run':<12}{'split':<7}{'gold':>6}{'derived':>9}{'right':>7}{'acc':>8}"
             f"{'prec':>8}{'pos-acc':>9}"]

    def f(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    for run, block in result.items():
        if "skipped" in block:
            lines.append(f"{run:<12}skipped: {block['skipped']}")
            continue
        for split, s in block.items():
            lines.append(f"{run:<12}{split:<7}{s['gold']:>6}{s['derived']:>9}{s['right']:>7}"
                         f"{f(s['accuracy']):>8}{f(s['precision']):>8}"
                         f"{f(s['position_accuracy']):>9}")
    return "\n".join(lines)
