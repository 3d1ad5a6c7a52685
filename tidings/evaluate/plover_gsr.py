"""Score tidings against PLOVER's gold-standard records (scorer ``plover-gsr``).

The gold file (``../shared/data/plover-gsr/PLOVER_GSR_CAMEO-dev.json``, see its SOURCE.md) is a
JSON list: a leading ``DOCUMENT`` record (skipped), then one hand-coded sentence per record with
its PLOVER event type, ``source``/``target`` actors (CAMEO-style country ``code``), and often a
``mode`` and ``context``. Each sentence is coded on its own as an article (``article_id`` = its
first record's id; the record ``date`` is a placeholder and is not used).

The records use PLOVER 0.5b1 names; they are read through the small tables below
(``TYPE_MAP``, ``CODE_MAP``, ``MODE_MAP``, ``CONTEXT_MAP``) before scoring. The coded events are
read in PLOVER's own convention (``as_plover``): the manual codes future cooperation as AGREE and
an announced retreat as CONCEDE, where tidings keeps the type and says ``future`` in factuality.

Figures (``score``):

- **sentences** — the GSR writes one record per gold event, so a sentence with several coded
  events occurs in several records (the same "police opened fire ..., killing ..., arresting
  ..." as ASSAULT and as COERCE). Records are grouped by sentence text; each sentence is coded
  once, and its gold is the multiset of its records' types. (Scoring each record alone would
  count the other record's type as an FP on each, and a miss on one of them for any coder.)
- **type P/R/F1** — per sentence, gold records are matched one-to-one to coded events of their
  type (any factuality; records in file order): a matched record is a TP, an unmatched one an
  FN. Every coded type that is none of the sentence's gold types is an FP (once per type per
  sentence, however many events of it were coded). Per-type figures count the same way (an FP
  goes to the coded type).
- **primary type accuracy** — per sentence, the coded event with the highest confidence (ties:
  the first) decides; right when its type is one of the sentence's gold types. Denominator:
  every sentence.
- **actor / recipient accuracy** — on matched records (type-matched) whose gold
  source/target gives at least one code: right when the set of gold codes equals the set of
  countries of the actors (recipients) of some coded event of the gold type. Codes are
  normalised on both sides: ``CODE_MAP`` on the gold side, and any coded entity of sector
  ``IGO`` (UNO, EUR, NATO, AFU, ...) counts as ``IGO`` as the GSR codes them all. ``overlap``
  rates count a shared code as right.
- **mode / context agreement** — on type-matched records whose gold gives a mode (context):
  right when the gold mode (any gold context) is among the modes (contexts) of the coded events
  of the gold type.
- **errors** — a record on which coding raises is listed with its id and exception, scored as
  coding nothing (an FN), and the run goes on.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import Errors, TidingsError
from tidings.evaluate.metrics import PRF, Rate
from tidings.events import codebook as codebook_module
from tidings.model import Article, Entity, Event

# PLOVER 0.5b1 event types -> the current manual's (SOURCE.md; the manual's CAMEO-to-PLOVER
# table): DEMAND became REQUEST, DISAPPROVE and INVESTIGATE became ACCUSE modes, FIGHT is ASSAULT.
TYPE_MAP: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# Country codes in the GSR that are not ISO 3166-1 alpha-3 -> the ISO code tidings uses. JAP,
# ITL and VTN occur in the records; ROM, ZAR and TMP are the withdrawn ISO codes CAMEO-era data
# still carries.
CODE_MAP: dict[str, str] = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
}

# PLOVER 0.5b1 modes -> the manual's (draft 0.8) modes; None: not a mode any more (not scored).
MODE_MAP: dict[str, str | None] = {
    "host": "visit",  # CONSULT: the host is the recipient of a `visit`
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-org": "riot",
    "riot-spon": "riot",
    "strike-gen": "strike",
    "strike-hun": "hunger",
    "assassinate": "targeted",
    "confiscate": "seize",
    "detain": "arrest",
    "ban": "restrict",
    "political": None,
    "other": None,
}

# PLOVER 0.5b1 contexts -> the manual's contexts; None: not a context (not scored).
CONTEXT_MAP: dict[str, str | None] = {
    "refugee": "migration",
    "refugees": "migration",
    "resource": "natural_resource",
    "resources": "natural_resource",
    "rights": "human_rights",
    "political": "political_institutions",
    "politics": "political_institutions",
    "government": "political_institutions",
    "religion": "religion_ethnicity",
    "discrimination": "inequality",
    "assets": "economic",
    "historical": None,  # an auxiliary mode (tidings' `factuality`), not a context
    "unknown": None,
    "none": None,
}


@dataclass(frozen=True)
class GsrRecord:
    id: str
    event_type: str  # after TYPE_MAP
    gsr_type: str  # as written in the file
    text: str
    actors: frozenset[str]  # normalised gold source codes
    recipients: frozenset[str]  # normalised gold target codes
    mode: str | None  # after MODE_MAP
    contexts: frozenset[str]  # after CONTEXT_MAP


def normalise_code(code: object) -> str | None:
    if not isinstance(code, str) or not code.strip() or not code.strip().isalpha():
        return None  # "", "***" and the like
    code = code.strip().upper()
    return CODE_MAP.get(code, code)


def _codes(parties: object) -> frozenset[str]:
    if not isinstance(parties, list):
        return frozenset()  # "", absent, or a stray string
    codes = (normalise_code(p.get("code")) for p in parties if isinstance(p, dict))
    return frozenset(c for c in codes if c)


def _mode(raw: object) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    mode = raw.strip().lower()
    return MODE_MAP.get(mode, mode)


def _contexts(raw: object) -> frozenset[str]:
    if not isinstance(raw, str):
        return frozenset()
    found = set()
    for part in raw.split(","):
        name = part.strip().lower()
        if name:
            mapped = CONTEXT_MAP.get(name, name)
            if mapped:
                found.add(mapped)
    return frozenset(found)


def parse_records(data: object, path: Path | str = "<records>") -> list[GsrRecord]:
    """The scorable records of a GSR list (DOCUMENT records skipped); E301 on a bad record."""
    if not isinstance(data, list):
        raise TidingsError(Errors.E301, path=path, line=0, detail="a PLOVER GSR file is a JSON list")
    records = []
    for number, raw in enumerate(data, start=1):
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("event"):
            raise TidingsError(Errors.E301, path=path, line=number,
                               detail=f"record {number} needs an 'id' and an 'event'")
        gsr_type = str(raw["event"]).strip().upper()
        if gsr_type == "DOCUMENT":
            continue
        if not isinstance(raw.get("text"), str):
            raise TidingsError(Errors.E301, path=path, line=number,
                               detail=f"record {raw['id']} has no 'text'")
        records.append(GsrRecord(
            id=str(raw["id"]), event_type=TYPE_MAP.get(gsr_type, gsr_type), gsr_type=gsr_type,
            text=raw["text"], actors=_codes(raw.get("source")), recipients=_codes(raw.get("target")),
            mode=_mode(raw.get("mode")), contexts=_contexts(raw.get("context")),
        ))
    return records


def load_gsr(path: Path) -> list[GsrRecord]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TidingsError(Errors.E301, path=path, line=getattr(exc, "lineno", 0), detail=str(exc)) from None
    return parse_records(data, path)


def entity_code(entity: Entity) -> str | None:
    """The country of a coded entity as the GSR would write it (every IGO is ``IGO``)."""
    if entity.sector == "IGO":
        return "IGO"
    return entity.country


def _countries(entities: Iterable[Entity]) -> frozenset[str]:
    return frozenset(c for c in (entity_code(e) for e in entities) if c)


def as_plover(event: Event) -> Event:
    """The event with the type the PLOVER manual gives it (a future CONSULT is an AGREE)."""
    plover = codebook_module.default().plover_type(event.event_type, event.factuality)
    return event if plover == event.event_type else event.model_copy(update={"event_type": plover})


def primary(events: list[Event]) -> Event | None:
    """The coded event that decides the primary type: highest confidence, first on ties."""
    best = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def _role_rates(gold: frozenset[str], coded: list[frozenset[str]], exact: Rate, overlap: Rate) -> None:
    if gold:
        exact.count(any(c == gold for c in coded))
        overlap.count(any(c & gold for c in coded))


def by_sentence(records: list[GsrRecord]) -> list[list[GsrRecord]]:
    """The records grouped by sentence text, in file order: the GSR writes one record per gold
    event, so a sentence with two coded events ("opened fire ..., killing ..., arresting ...":
    ASSAULT and COERCE) occurs in two records."""
    groups: dict[str, list[GsrRecord]] = {}
    for record in records:
        groups.setdefault(record.text, []).append(record)
    return list(groups.values())


def matched_records(group: list[GsrRecord], events: list[Event]) -> set[str]:
    """Ids of the sentence's records matched one-to-one to a coded event of their type (records
    of a type in file order, while coded events of that type last)."""
    available = Counter(e.event_type for e in events)
    hits = set()
    for record in group:
        if available[record.event_type] > 0:
            available[record.event_type] -= 1
            hits.add(record.id)
    return hits


def score(records: list[GsrRecord], coded: dict[str, list[Event]],
          errors: list[dict] | None = None) -> dict:
    """Compare coded events with the gold records, sentence by sentence (``by_sentence``); a
    sentence's coded events are those under its first record's id (missing = nothing coded)."""
    total = PRF()
    by_type: dict[str, PRF] = defaultdict(PRF)
    by_gsr_type: dict[str, Rate] = defaultdict(Rate)  # recall by the file's own type name
    primary_rate = Rate()
    rates = {name: Rate() for name in ("actor", "actor_overlap", "recipient", "recipient_overlap",
                                       "mode", "context")}
    details = []
    groups = by_sentence(records)
    for group in groups:
        events = [as_plover(e) for e in coded.get(group[0].id, [])]
        types = {e.event_type for e in events}
        gold_types = {r.event_type for r in group}
        for other in types - gold_types:
            by_type[other].fp += 1
        top = primary(events)
        primary_rate.count(top is not None and top.event_type in gold_types)
        hits = matched_records(group, events)
        for record in group:
            hit = record.id in hits
            counts = by_type[record.event_type]
            if hit:
                counts.tp += 1
            else:
                counts.fn += 1
            by_gsr_type[record.gsr_type].count(hit)
            if hit:
                _count_role_rates(record, [e for e in events if e.event_type == record.event_type], rates)
            details.append({
                "id": record.id, "gold": record.event_type, "coded": sorted(types),
                "primary": top.event_type if top else None, "hit": hit,
                "rules": [e.rule for e in events], "text": record.text,
            })
    for counts in by_type.values():
        total.add(counts)
    return {
        "records": len(records),
        "sentences": len(groups),
        "type": total.as_dict(),
        "primary_type_accuracy": primary_rate.as_dict(),
        "by_type": {k: v.as_dict() for k, v in sorted(by_type.items())},
        "recall_by_gsr_type": {k: v.as_dict() for k, v in sorted(by_gsr_type.items())},
        "actor_accuracy": rates["actor"].as_dict(),
        "actor_overlap": rates["actor_overlap"].as_dict(),
        "recipient_accuracy": rates["recipient"].as_dict(),
        "recipient_overlap": rates["recipient_overlap"].as_dict(),
        "mode_agreement": rates["mode"].as_dict(),
        "context_agreement": rates["context"].as_dict(),
        "errors": list(errors or []),
        "details": details,
    }


def _count_role_rates(record: GsrRecord, same: list[Event], rates: dict[str, Rate]) -> None:
    """Actor, recipient, mode and context figures of a matched record against the coded events
    of its type."""
    _role_rates(record.actors, [_countries(e.actor) for e in same], rates["actor"], rates["actor_overlap"])
    _role_rates(record.recipients, [_countries(e.recipient) for e in same],
                rates["recipient"], rates["recipient_overlap"])
    if record.mode:
        rates["mode"].count(any(record.mode in e.mode for e in same))
    if record.contexts:
        rates["context"].count(any(record.contexts & set(e.context) for e in same))


Coder = Callable[[list[Article]], dict[str, list[Event]]]


def _pipeline(articles: list[Article]) -> dict[str, list[Event]]:
    from tidings import api

    return {c.article.article_id: c.events for c in api.code_articles(articles)}


def code_records(records: list[GsrRecord], code: Coder | None = None, *, batch_size: int = 32
                 ) -> tuple[dict[str, list[Event]], list[dict]]:
    """Code each sentence once, under its first record's id (``by_sentence``); returns events by
    record id and the records that raised.

    Sentences are coded in batches; a batch that raises is coded again one record at a time, so
    one bad record is reported (id and exception) without stopping the others."""
    from tidings.read import article_from_text

    code = code or _pipeline
    coded: dict[str, list[Event]] = {}
    errors: list[dict] = []
    articles: list[Article] = []
    for record in (group[0] for group in by_sentence(records)):
        try:
            articles.append(article_from_text(record.text, article_id=record.id, check_language=False))
        except Exception as exc:  # noqa: BLE001 - any failure is reported for the record
            errors.append({"id": record.id, "error": f"{type(exc).__name__}: {exc}"})
    for start in range(0, len(articles), batch_size):
        batch = articles[start:start + batch_size]
        try:
            coded.update(code(batch))
        except Exception:  # noqa: BLE001 - find the record(s) that raise
            for article in batch:
                try:
                    coded.update(code([article]))
                except Exception as exc:  # noqa: BLE001
                    errors.append({"id": article.article_id, "error": f"{type(exc).__name__}: {exc}"})
    return coded, errors


def evaluate_plover_gsr(path: Path, limit: int | None = None, *, code: Coder | None = None) -> dict:
    """Code the GSR sentences through tidings and score them; returns a JSON-ready report."""
    records = load_gsr(Path(path))[:limit]
    coded, errors = code_records(records, code)
    return {"gold": str(path), **score(records, coded, errors)}


def _prf_line(label: str, counts: dict) -> str:
    return (f"{label:34} {counts['precision']:6.3f} {counts['recall']:6.3f} {counts['f1']:6.3f}"
            f"   {counts['tp']}/{counts['fp']}/{counts['fn']}")


def _rate_line(label: str, rate: dict, unit: str) -> str:
    shown = f"{rate['rate']:.3f}" if rate["rate"] is not None else "  -  "
    return f"{label:34} {shown:>6}   ({rate['hits']}/{rate['total']} {unit})"


def format_gsr(result: dict) -> str:
    """A plain-text table of a GSR report."""
    lines = [f"== {result['records']} records ({result['sentences']} sentences), "
             f"{len(result['errors'])} errors",
             f"{'measure':34} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn",
             _prf_line("event type", result["type"])]
    lines += [_prf_line(f"  {name}", counts) for name, counts in result["by_type"].items()]
    lines.append(_rate_line("primary type accuracy", result["primary_type_accuracy"], "sentences"))
    lines.append("recall by GSR (0.5b1) type: " + ", ".join(
        f"{name} {rate['hits']}/{rate['total']}" for name, rate in result["recall_by_gsr_type"].items()))
    for label, key in (("actor accuracy", "actor_accuracy"), ("actor: a code shared", "actor_overlap"),
                       ("recipient accuracy", "recipient_accuracy"),
                       ("recipient: a code shared", "recipient_overlap"),
                       ("mode agreement", "mode_agreement"), ("context agreement", "context_agreement")):
        lines.append(_rate_line(label, result[key], "type-matched records"))
    for error in result["errors"][:20]:
        lines.append(f"error {error['id']}: {error['error']}")
    return "\n".join(lines)


evaluate_plover_gsr.format = format_gsr  # type: ignore[attr-defined]
