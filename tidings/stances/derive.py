"""Stance observations from coded events: who demands, accepts, conditions, rejects what.

An event of a stance type (REQUEST, REJECT, AGREE, CONCEDE, SUPPORT, THREATEN) with an issue
gives each of its parties a position on that issue, by event type and factuality
(data/stances/positions.yaml). A sentence that states a precondition ("before any truce",
"unless", "only if") turns the position into ``conditions`` — on the issue named after the cue
when there is one ("insisted the root causes be addressed before any truce": conditions on the
ceasefire, the condition being the root causes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from tidings.model import Entity, Event
from tidings.stances.vocabulary import StanceRules, issues_in, load_rules

STANCE_TYPES = ("REQUEST", "REJECT", "AGREE", "CONCEDE", "SUPPORT", "THREATEN")


@dataclass(frozen=True)
class StanceObservation:
    """One party's position on one issue, as one event states it."""

    party: str  # country code for a state (RUS), else country + sector (SDNREB) or the code
    party_text: str  # the article's words for the party
    issue: str  # normalised issue (issues.yaml)
    issue_text: str | None  # the article's wording of it
    position: str  # demands, supports, accepts, conditions, opposes, rejects, no agreement
    counterpart: tuple[str, ...]  # the other side: recipients, or the other parties
    condition: str | None  # for ``conditions``: the issue the party puts first, when named
    date: dt.date | None
    date_precision: str | None
    factuality: str
    event_type: str
    event_id: str
    article_id: str
    evidence: tuple[str, ...] = field(default=())  # the sentences it rests on

    def as_dict(self) -> dict:
        return {
            "party": self.party, "party_text": self.party_text, "issue": self.issue,
            "issue_text": self.issue_text, "position": self.position,
            "counterpart": list(self.counterpart), "condition": self.condition,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision, "factuality": self.factuality,
            "event_type": self.event_type, "event_id": self.event_id,
            "article_id": self.article_id, "evidence": list(self.evidence),
        }


def party_key(entity: Entity, rules: StanceRules | None = None) -> str:
    """One key per party: a state's sectors fold into its country; others keep their sector."""
    rules = rules or load_rules()
    if entity.country is None:
        return entity.code
    if entity.sector is None or entity.sector in rules.state_sectors:
        return entity.country
    return entity.country + entity.sector


def _parties(entities: list[Entity], rules: StanceRules) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in entities:
        out.setdefault(party_key(e, rules), e.text)
    return out


@dataclass(frozen=True)
class Precondition:
    conditioned: str | None  # the issue named after the cue ("before any truce" -> ceasefire)
    wording: str | None


def precondition(sentence: str, own_issue: str | None = None,
                 rules: StanceRules | None = None) -> Precondition | None:
    """Does ``sentence`` state a precondition, and on which issue? The issue named after the
    cue ("before any truce"), else another issue the sentence names than ``own_issue``."""
    rules = rules or load_rules()
    cues = [(cue, needs_issue) for pattern, needs_issue in ((rules.strong, False), (rules.weak, True))
            for cue in pattern.finditer(sentence)]
    final = rules.final.search(sentence) is not None
    if not cues and not final:
        return None  # no cue: skip looking for issues (most sentences)
    named = issues_in(sentence)
    other = [(issue, words) for _, issue, words in named if issue != own_issue]
    fallback = Precondition(*other[0]) if other else Precondition(None, None)
    for cue, needs_issue in cues:
        after = [(issue, words) for offset, issue, words in named if offset >= cue.end()]
        if after:
            return Precondition(after[0][0], after[0][1])
        if not needs_issue:
            return fallback
    return fallback if final else None


def observe(event: Event, published: dt.date | None = None,
            rules: StanceRules | None = None) -> list[StanceObservation]:
    """The stance observations one event gives (none for other types or without an issue)."""
    rules = rules or load_rules()
    if event.event_type not in STANCE_TYPES:
        return []
    position = rules.positions.get((event.event_type, event.factuality))
    if position is None:
        return []
    sentences = tuple(m.text for m in event.mentions)
    cond = None
    if position in rules.conditional:
        for sentence in sentences:
            cond = precondition(sentence, event.issue, rules)
            if cond is not None:
                break
    base_issue, base_text = event.issue, event.issue_text
    found: list[tuple[str, str | None, str, str | None]] = []  # issue, text, position, condition
    if cond is not None:
        target = cond.conditioned or base_issue
        if target is not None:
            condition = base_issue if base_issue and base_issue != target else None
            found.append((target, cond.wording or base_text, "conditions", condition))
            if base_issue and base_issue != target and event.event_type == "REQUEST":
                found.append((base_issue, base_text, position, None))  # it is still demanded
    elif base_issue:
        found.append((base_issue, base_text, position, None))
    if not found:
        return []
    actors = _parties(event.actor, rules)
    recipients = _parties(event.recipient, rules)
    date = event.date or published
    precision = event.date_precision if event.date else ("day" if published else None)
    out = []
    for issue, issue_text, pos, condition in found:
        speakers = dict(actors)
        if pos in rules.shared:
            speakers.update({k: v for k, v in recipients.items() if k not in speakers})
        for party, text in speakers.items():
            if pos in rules.shared:
                counterpart = tuple(sorted(k for k in speakers if k != party))
            else:
                counterpart = tuple(sorted(k for k in recipients if k != party))
            out.append(StanceObservation(
                party=party, party_text=text, issue=issue, issue_text=issue_text, position=pos,
                counterpart=counterpart, condition=condition, date=date,
                date_precision=precision, factuality=event.factuality,
                event_type=event.event_type, event_id=event.event_id,
                article_id=event.article_id, evidence=sentences))
    return out


def derive_stances(events: Iterable[Event], published: dict[str, dt.date | None] | None = None,
                   rules: StanceRules | None = None) -> list[StanceObservation]:
    """Every stance observation of ``events``; ``published`` (article_id -> date) dates the
    undated ones."""
    rules = rules or load_rules()
    published = published or {}
    out: list[StanceObservation] = []
    for event in events:
        out += observe(event, published.get(event.article_id), rules)
    return out
