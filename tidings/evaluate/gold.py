"""Score tidings against hand-coded articles (samples/gold.jsonl; conventions in samples/README.md).

An event is right when its type, its actor countries, its recipient countries and its
factuality equal a gold event's. Event pairs that agree on type and factuality are then compared
field by field: actors, recipients, place (country; within 50 km), date (exact day; within the
gold precision). Also counted: negated agreements coded as asserted, and duplicates — extra coded
events that repeat an already matched gold fact.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tidings.evaluate.metrics import PRF, Rate, read_jsonl
from tidings.model import Article, Entity, Event, Location
from tidings.places.resolve import distance_km
from tidings.read import read_paths

PLACE_KM = 50.0


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    split: str
    events: list[dict]


def load_gold(path: Path) -> list[GoldArticle]:
    return [GoldArticle(r["article_id"], r.get("split", "dev"), list(r["events"]))
            for r in read_jsonl(path, required=("article_id", "events"), types={"events": list})]


def _countries(parties: list) -> frozenset[str]:
    """The parties' countries. Gold codes unidentified forces as country null (sector UAF/UNK),
    so a coded party without a country (code "UAF", "MIL") is compared as null too."""
    found = set()
    for party in parties:
        country = party.get("country") if isinstance(party, dict) else party.country
        if country:
            found.add(country)
    return frozenset(found)


def _key(event: dict | Event) -> tuple:
    if isinstance(event, Event):
        return (event.event_type, _countries(event.actor), _countries(event.recipient), event.factuality)
    return (event["event_type"], _countries(event["actor"]), _countries(event["recipient"]),
            event["factuality"])


def _match(gold: list[dict], coded: list[Event]) -> tuple[list[tuple[dict, Event]], set[int], set[int]]:
    """Strict one-to-one matches on the full key; returns pairs, matched gold and coded indexes."""
    pairs, used_gold, used_coded = [], set(), set()
    for gi, g in enumerate(gold):
        for ci, c in enumerate(coded):
            if ci not in used_coded and _key(g) == _key(c):
                pairs.append((g, c))
                used_gold.add(gi)
                used_coded.add(ci)
                break
    return pairs, used_gold, used_coded


def _loose_pairs(gold: list[dict], coded: list[Event]) -> list[tuple[dict, Event]]:
    """Pairs agreeing on type and factuality, best actor overlap first (for field accuracy)."""
    pairs, used = [], set()
    for g in gold:
        best, best_overlap = None, -1
        for ci, c in enumerate(coded):
            if ci in used or c.event_type != g["event_type"] or c.factuality != g["factuality"]:
                continue
            overlap = len(_countries(g["actor"]) & _countries(c.actor)) + len(
                _countries(g["recipient"]) & _countries(c.recipient))
            if overlap > best_overlap:
                best, best_overlap = ci, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, coded[best]))
    return pairs


def _date_within(gold: dict, event: Event) -> bool:
    slack = {"day": 1, "week": 7, "month": 31, "year": 366}.get(gold.get("date_precision") or "day", 1)
    return event.date is not None and abs((event.date - dt.date.fromisoformat(gold["date"])).days) <= slack


@dataclass
class GoldScore:
    events: PRF
    by_type: dict[str, PRF]
    typed: PRF  # type + factuality only
    actor: Rate
    recipient: Rate
    place_country: Rate
    place_50km: Rate
    date_exact: Rate
    date_within: Rate
    negated_agreements_as_asserted: int
    duplicates: int
    articles: int
    errors: list[dict]

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "events": self.events.as_dict(),
            "type_and_factuality": self.typed.as_dict(),
            "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "actor_accuracy": self.actor.as_dict(),
            "recipient_accuracy": self.recipient.as_dict(),
            "place_country": self.place_country.as_dict(),
            "place_within_50km": self.place_50km.as_dict(),
            "date_exact": self.date_exact.as_dict(),
            "date_within_precision": self.date_within.as_dict(),
            "negated_agreements_coded_as_asserted": self.negated_agreements_as_asserted,
            "duplicates_remaining": self.duplicates,
            "errors": self.errors,
        }


def score(gold: list[GoldArticle], coded: dict[str, list[Event]]) -> GoldScore:
    """Compare coded events (by article id) with the gold articles."""
    total, typed = PRF(), PRF()
    by_type: dict[str, PRF] = defaultdict(PRF)
    rates = {name: Rate() for name in ("actor", "recipient", "pc", "p50", "de", "dw")}
    negated_as_asserted = duplicates = 0
    for article in gold:
        events = coded.get(article.article_id, [])
        pairs, used_gold, used_coded = _match(article.events, events)
        for g, _ in pairs:
            by_type[g["event_type"]].tp += 1
        for gi, g in enumerate(article.events):
            if gi not in used_gold:
                by_type[g["event_type"]].fn += 1
        matched_keys = {_key(g) for g, _ in pairs}
        for ci, c in enumerate(events):
            if ci not in used_coded:
                by_type[c.event_type].fp += 1
                duplicates += _key(c) in matched_keys
        loose = _loose_pairs(article.events, events)
        typed.add(PRF(len(loose), len(events) - len(loose), len(article.events) - len(loose)))
        for g, c in loose:
            rates["actor"].count(_countries(g["actor"]) == _countries(c.actor))
            rates["recipient"].count(_countries(g["recipient"]) == _countries(c.recipient))
            place = g.get("location")
            if place:
                here = c.location
                rates["pc"].count(here is not None and here.country == place.get("country"))
                if place.get("lat") is not None:
                    rates["p50"].count(here is not None and here.lat is not None and distance_km(
                        (place["lat"], place["lon"]), (here.lat, here.lon)) <= PLACE_KM)
            if g.get("date"):
                rates["de"].count(c.date is not None and c.date.isoformat() == g["date"])
                rates["dw"].count(_date_within(g, c))
        # A failed agreement coded as one that happened: an asserted AGREE by the same parties
        # on the same issue that no asserted gold agreement accounts for.
        explained = {id(c) for g, c in loose if g["factuality"] == "asserted"}
        for g in article.events:
            if g["event_type"] == "AGREE" and g["factuality"] == "negated":
                negated_as_asserted += any(
                    c.event_type == "AGREE" and c.factuality == "asserted" and id(c) not in explained
                    and _countries(c.actor) & _countries(g["actor"])
                    and c.issue in (g.get("issue"), None) for c in events)
    for counts in by_type.values():
        total.add(counts)
    return GoldScore(total, dict(by_type), typed, rates["actor"], rates["recipient"], rates["pc"],
                     rates["p50"], rates["de"], rates["dw"], negated_as_asserted, duplicates,
                     len(gold), [])


Coder = Callable[[list[Article]], dict[str, list[Event]]]


def _code_with_tidings(articles: list[Article]) -> dict[str, list[Event]]:
    from tidings import api

    return {c.article.article_id: c.events for c in api.code_articles(articles)}


def evaluate_gold(gold_path: Path, corpus: Path | None = None, *, splits: tuple[str, ...] = ("dev", "test"),
                  limit: int | None = None, code: Coder = _code_with_tidings) -> dict:
    """Code the gold articles' texts and score each split; returns a JSON-ready report."""
    gold = load_gold(gold_path)[:limit]
    corpus = corpus or gold_path.parent / "corpus"
    articles = {a.article_id: a for a in read_paths([corpus]) if isinstance(a, Article)}
    wanted = [articles[g.article_id] for g in gold if g.article_id in articles]
    missing = [g.article_id for g in gold if g.article_id not in articles]
    coded = code(wanted)
    report: dict = {"gold": str(gold_path), "corpus": str(corpus), "missing_articles": missing}
    for split in splits:
        chosen = [g for g in gold if split == "all" or g.split == split]
        report[split] = score(chosen, coded).as_dict()
    return report


def _as_event(article_id: str, record: dict) -> Event:
    """A hand-coded event as a coded one, so that one coding can be scored against another."""
    def party(p: dict) -> Entity:
        return Entity(text="", country=p.get("country"), sector=p.get("sector"),
                      code=(p.get("country") or "") + (p.get("sector") or ""))

    place = record.get("location")
    return Event(article_id=article_id, event_type=record["event_type"], factuality=record["factuality"],
                 actor=[party(p) for p in record["actor"]], recipient=[party(p) for p in record["recipient"]],
                 issue=record.get("issue"), date_precision=record.get("date_precision"),
                 date=dt.date.fromisoformat(record["date"]) if record.get("date") else None,
                 location=Location(name=place["name"], country=place.get("country"), lat=place.get("lat"),
                                   lon=place.get("lon")) if place else None)


def evaluate_agreement(second_path: Path, *, limit: int | None = None, first: Path | None = None,
                       code: Coder = _code_with_tidings) -> dict:
    """How far a second, independent hand-coding of some sample articles agrees with the first
    (``gold.jsonl`` beside it), scored exactly as tidings is: what a careful reader following the
    same conventions reaches, shown beside tidings' score on the same articles."""
    first = first or second_path.parent / "gold.jsonl"
    gold = {g.article_id: g for g in load_gold(first)}
    second = [g for g in load_gold(second_path) if g.article_id in gold][:limit]
    articles = {a.article_id: a for a in read_paths([first.parent / "corpus"]) if isinstance(a, Article)}
    by_second = {g.article_id: [_as_event(g.article_id, e) for e in g.events] for g in second}
    by_tidings = code([articles[g.article_id] for g in second if g.article_id in articles])
    report: dict = {"gold": str(first), "second": str(second_path)}
    for split in sorted({gold[g.article_id].split for g in second}):
        chosen = [gold[g.article_id] for g in second if gold[g.article_id].split == split]
        report[split] = {"articles": len(chosen),
                         "second coder vs gold": score(chosen, by_second).as_dict(),
                         "tidings vs gold": score(chosen, by_tidings).as_dict()}
    return report


def format_agreement(report: dict) -> str:
    """A plain-text table of an agreement report: per split, the second coder and tidings."""
    lines = [f"{'split':6} {'coder':22} {'events F1':>9} {'P':>6} {'R':>6} {'type+fact. F1':>13} "
             f"{'actor':>6} {'recip.':>6}"]
    for split, result in report.items():
        if not isinstance(result, dict):
            continue
        for coder in ("second coder vs gold", "tidings vs gold"):
            r = result[coder]
            e, t = r["events"], r["type_and_factuality"]
            rates = [r[k]["rate"] for k in ("actor_accuracy", "recipient_accuracy")]
            lines.append(f"{split:6} {coder.removesuffix(' vs gold'):22} {e['f1']:9.3f} {e['precision']:6.3f} "
                         f"{e['recall']:6.3f} {t['f1']:13.3f} "
                         + " ".join(f"{x:6.3f}" if x is not None else "   -  " for x in rates))
        events = result["tidings vs gold"]["events"]
        lines.append(f"{'':6} ({result['articles']} articles, {events['tp'] + events['fn']} gold events)")
    return "\n".join(lines)


def format_report(report: dict) -> str:
    """A plain-text table of one gold report (one block per split)."""
    lines = []
    for split, result in report.items():
        if not isinstance(result, dict) or "events" not in result:
            continue
        e, t = result["events"], result["type_and_factuality"]
        lines.append(f"== split {split}: {result['articles']} articles")
        lines.append(f"{'measure':34} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
        lines.append(f"{'events (type+actors+recip.+fact.)':34} {e['precision']:6.3f} {e['recall']:6.3f} "
                     f"{e['f1']:6.3f}   {e['tp']}/{e['fp']}/{e['fn']}")
        lines.append(f"{'type + factuality':34} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}"
                     f"   {t['tp']}/{t['fp']}/{t['fn']}")
        for name, counts in result["by_type"].items():
            lines.append(f"  {name:32} {counts['precision']:6.3f} {counts['recall']:6.3f} "
                         f"{counts['f1']:6.3f}   {counts['tp']}/{counts['fp']}/{counts['fn']}")
        for label, key in (("actor accuracy", "actor_accuracy"), ("recipient accuracy", "recipient_accuracy"),
                           ("place: right country", "place_country"), ("place: within 50 km", "place_within_50km"),
                           ("date: exact day", "date_exact"), ("date: within precision", "date_within_precision")):
            rate = result[key]
            shown = f"{rate['rate']:.3f}" if rate["rate"] is not None else "  -  "
            lines.append(f"{label:34} {shown:>6}   ({rate['hits']}/{rate['total']} matched pairs)")
        lines.append(f"negated agreements coded as asserted: {result['negated_agreements_coded_as_asserted']}")
        lines.append(f"duplicates remaining: {result['duplicates_remaining']}")
    return "\n".join(lines)
