"""Score cross-article linking against samples/clusters/gold.jsonl (scorer ``stories``).

The gold file is samples/gold.jsonl's format plus a ``story`` label on every event (events
with one label report one happening) and the article's ``cluster``; the articles are in
``articles.jsonl`` beside it. Two runs, each by split (dev: tuned on; test: held out):

- ``gold_events``: the gold events themselves are stored and linked — the linker alone;
- ``pipeline``: the articles are coded by tidings, linked, and each gold event takes the story
  of the coded event whose mention overlaps its evidence (same type family) — end to end.

Metrics over the gold events, as in cross-document event coreference (ECB+): pairwise
precision/recall/F1 of "same story" links, and B³ precision/recall/F1.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.dedup.stories import DEFAULT_FAMILIES, LinkConfig, build_stories
from tidings.errors import Errors, TidingsError
from tidings.evaluate.metrics import read_jsonl
from tidings.model import Article, Entity, Event, Location, Mention
from tidings.store import EventStore


@dataclass(frozen=True)
class GoldItem:
    """One gold event: where it is, which story it belongs to, and the event itself."""

    key: str  # article_id#index
    article_id: str
    split: str
    story: str
    event: Event
    spans: tuple[tuple[int, int], ...]  # evidence character spans in the article text


def load_articles(path: Path) -> dict[str, Article]:
    """The corpus beside a gold file (samples/corpus JSONL layout: id, title, text, ...)."""
    out = {}
    for r in read_jsonl(path):
        out[r["id"]] = Article(article_id=r["id"], text=r["text"], title=r.get("title"),
                               published=r.get("published"), url=r.get("url"),
                               source=r.get("source"))
    return out


def entity(party: dict) -> Entity:
    country, sector = party.get("country"), party.get("sector")
    return Entity(text=country or sector or "?", country=country, sector=sector,
                  code=(country or "") + (sector or "") or "UNK")


def location(loc: dict | None) -> Location | None:
    if not loc:
        return None
    return Location(name=loc["name"], country=loc.get("country"), lat=loc.get("lat"),
                    lon=loc.get("lon"), feature=loc.get("feature"))


def gold_event(record: dict, article: Article) -> tuple[Event, tuple[tuple[int, int], ...]]:
    """A gold event as an ``Event`` of ``article``, its evidence as mentions."""
    mentions, spans = [], []
    for evidence in record.get("evidence") or []:
        start = article.text.find(evidence)
        if start < 0:
            raise TidingsError(Errors.E301, path=article.article_id, line=0,
                               detail=f"evidence not in the text: {evidence[:60]!r}")
        end = start + len(evidence)
        spans.append((start, end))
        mentions.append(Mention(sentence_index=len(mentions), start_char=start, end_char=end,
                                text=evidence, trigger=evidence.split()[0],
                                trigger_start=start, trigger_end=start + len(evidence.split()[0])))
    date = record.get("date")
    event = Event(
        article_id=article.article_id, event_type=record["event_type"],
        actor=[entity(p) for p in record.get("actor") or []],
        recipient=[entity(p) for p in record.get("recipient") or []],
        factuality=record.get("factuality", "asserted"), issue=record.get("issue"),
        location=location(record.get("location")),
        date=dt.date.fromisoformat(date) if date else None,
        date_precision=record.get("date_precision") if date else None,
        mentions=mentions, confidence=1.0, rule="gold",
    ).with_id()
    return event, tuple(spans)


def load_items(path: Path, articles: dict[str, Article]) -> list[GoldItem]:
    items = []
    for number, record in enumerate(read_jsonl(path), start=1):
        article = articles.get(record.get("article_id", ""))
        if article is None:
            raise TidingsError(Errors.E301, path=path, line=number,
                               detail=f"article {record.get('article_id')!r} not in the corpus")
        for i, ev in enumerate(record.get("events") or []):
            if "story" not in ev:
                raise TidingsError(Errors.E301, path=path, line=number,
                                   detail=f"event {i} has no 'story' label")
            event, spans = gold_event(ev, article)
            items.append(GoldItem(f"{article.article_id}#{i}", article.article_id,
                                  record.get("split", "dev"), ev["story"], event, spans))
    return items


# -- metrics -----------------------------------------------------------------------------------


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def cluster_scores(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Pairwise and B³ precision/recall/F1 of ``predicted`` against ``gold`` (item -> cluster)."""
    items = sorted(gold)
    g_members: dict[str, set[str]] = defaultdict(set)
    p_members: dict[str, set[str]] = defaultdict(set)
    for item in items:
        g_members[gold[item]].add(item)
        p_members[predicted.get(item, "single:" + item)].add(item)
    p_of = {i: predicted.get(i, "single:" + i) for i in items}
    tp = fp = fn = 0
    for a_index, a in enumerate(items):
        for b in items[a_index + 1:]:
            same_g, same_p = gold[a] == gold[b], p_of[a] == p_of[b]
            tp += same_g and same_p
            fp += same_p and not same_g
            fn += same_g and not same_p
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    b3p = sum(len(p_members[p_of[i]] & g_members[gold[i]]) / len(p_members[p_of[i]])
              for i in items) / max(1, len(items))
    b3r = sum(len(p_members[p_of[i]] & g_members[gold[i]]) / len(g_members[gold[i]])
              for i in items) / max(1, len(items))
    return {
        "items": len(items), "gold_links": tp + fn, "predicted_links": tp + fp,
        "pair_precision": round(precision, 4), "pair_recall": round(recall, 4),
        "pair_f1": round(_f1(precision, recall), 4),
        "b3_precision": round(b3p, 4), "b3_recall": round(b3r, 4),
        "b3_f1": round(_f1(b3p, b3r), 4),
    }


def _by_split(items: list[GoldItem], predicted: dict[str, str]) -> dict[str, dict]:
    out = {}
    for split in sorted({i.split for i in items}):
        chosen = [i for i in items if i.split == split]
        out[split] = cluster_scores({i.key: i.story for i in chosen},
                                    {i.key: predicted[i.key] for i in chosen if i.key in predicted})
    return out


# -- runs --------------------------------------------------------------------------------------


def link_gold_events(items: list[GoldItem], articles: dict[str, Article],
                     config: LinkConfig | None = None) -> dict[str, str]:
    """Store the gold events, build stories, return item key -> story id."""
    with EventStore(":memory:") as store:
        by_article: dict[str, list[Event]] = defaultdict(list)
        for item in items:
            by_article[item.article_id].append(item.event)
        store.write_many(((articles[a], evs) for a, evs in by_article.items()),
                         coder_version="gold")
        build_stories(store, config)
        story = dict(store.connection.execute(
            "SELECT event_id, story_id FROM story_events").fetchall())
    return {i.key: story[i.event.event_id] for i in items}


def _family(event_type: str) -> str:
    return DEFAULT_FAMILIES.get(event_type, event_type)


def align(items: Iterable[GoldItem], coded: dict[str, list[Event]]) -> dict[str, Event]:
    """Gold item key -> the coded event of its article of the same type family whose trigger
    (else mention) lies inside the gold evidence; at most one gold item per coded event."""
    used: set[str] = set()
    out: dict[str, Event] = {}
    for item in items:
        best, best_rank = None, 3
        for event in coded.get(item.article_id, []):
            if event.event_id in used or _family(event.event_type) != _family(
                    item.event.event_type):
                continue
            for m in event.mentions:
                for start, end in item.spans:
                    if start <= m.trigger_start < end:
                        rank = 0 if event.event_type == item.event.event_type else 1
                    elif m.start_char < end and start < m.end_char:
                        rank = 2
                    else:
                        continue
                    if rank < best_rank:
                        best, best_rank = event, rank
        if best is not None:
            used.add(best.event_id)
            out[item.key] = best
    return out


def link_pipeline(items: list[GoldItem], articles: dict[str, Article],
                  config: LinkConfig | None = None) -> tuple[dict[str, str], dict]:
    """Code the articles with tidings, build stories; item key -> story id, and alignment
    counts."""
    from tidings.api import code_articles  # the NLP pipeline: imported only when needed

    wanted = sorted({i.article_id for i in items})
    coded = {c.article.article_id: c.events
             for c in code_articles(articles[a] for a in wanted)}
    matched = align(items, coded)
    with EventStore(":memory:") as store:
        store.write_many(((articles[a], coded[a]) for a in wanted), coder_version="eval")
        build_stories(store, config)
        story = dict(store.connection.execute(
            "SELECT event_id, story_id FROM story_events").fetchall())
    predicted = {key: story[event.event_id] for key, event in matched.items()}
    info = {"gold_events": len(items), "aligned": len(matched),
            "coded_events": sum(len(v) for v in coded.values())}
    return predicted, info


def evaluate_stories(path: Path, *, corpus: Path | None = None, pipeline: bool | None = None,
                     config: LinkConfig | None = None, limit: int | None = None) -> dict:
    """Linking scores by split, on gold events and (when tidings.api imports) end to end."""
    corpus = corpus or path.with_name("articles.jsonl")
    if not corpus.exists():
        raise TidingsError(Errors.E301, path=corpus, line=0,
                           detail="no corpus beside the gold file (articles.jsonl)")
    articles = load_articles(corpus)
    items = load_items(path, articles)
    if limit is not None:
        keep = sorted({i.article_id for i in items})[:limit]
        items = [i for i in items if i.article_id in keep]
    result: dict = {"gold_events": _by_split(items, link_gold_events(items, articles, config))}
    if pipeline is not False:
        try:
            predicted, info = link_pipeline(items, articles, config)
        except ImportError as exc:
            if pipeline:
                raise
            result["pipeline"] = {"skipped": f"tidings.api does not import: {exc}"}
        else:
            result["pipeline"] = {**_by_split(items, predicted), "alignment": info}
    return result


def format_stories(result: dict) -> str:
    """A small table: run x split with pairwise and B³ figures."""
    lines = [f"{'run':<12}{'split':<7}{'items':>6}{'links':>7}{'pairP':>8}{'pairR':>8}"
             f"{'pairF1':>8}{'B3-P':>8}{'B3-R':>8}{'B3-F1':>8}"]
    for run in ("gold_events", "pipeline"):
        block = result.get(run)
        if not block:
            continue
        if "skipped" in block:
            lines.append(f"{run:<12}skipped: {block['skipped']}")
            continue
        for split, s in block.items():
            if split == "alignment":
                continue
            lines.append(f"{run:<12}{split:<7}{s['items']:>6}{s['gold_links']:>7}"
                         f"{s['pair_precision']:>8.3f}{s['pair_recall']:>8.3f}"
                         f"{s['pair_f1']:>8.3f}{s['b3_precision']:>8.3f}"
                         f"{s['b3_recall']:>8.3f}{s['b3_f1']:>8.3f}")
        if "alignment" in block:
            a = block["alignment"]
            lines.append(f"{'':<12}aligned {a['aligned']}/{a['gold_events']} gold events "
                         f"to {a['coded_events']} coded events")
    return "\n".join(lines)
