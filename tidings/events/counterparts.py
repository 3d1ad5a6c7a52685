"""Recipients from the article: a directed event whose own sentence names no target is aimed at
its actor's counterpart in the story.

News states the other side once and then leaves it implied: in a story of Houthi attacks on
shipping, "Washington warned it would act to protect navigation" is a threat to the Houthis; in a
story of India's measures against Pakistan, "Pakistan warned any attempt to divert water would be
an act of war" is aimed at India. The counterpart of an actor is the party most often on the other
side of it in the article's events that name both sides; an actor with no such event takes the
party that acts most in the article. Recipients found this way keep the words of the mention they
came from, and the event says so in its rule and costs some confidence. This runs after
within-article dedup, so that a fact stated once with its target and once without stays one event.
"""

from __future__ import annotations

from collections import Counter

from tidings.events import codebook as codebook_module
from tidings.events.codebook import Codebook
from tidings.model import Entity, Event

CONTEXT_RULE = "+recipient:context"
CONTEXT_COST = 0.1


def _ours(entity: Entity, actor: list[Entity]) -> bool:
    """Whether `entity` is on the actor's side: the same actor, or the same country when one of
    the two has no sector ("Pakistan" and "Pakistan's government"); a country's government and
    its rebels or protesters face each other."""
    return any(entity.code == a.code or (entity.country == a.country and not (entity.sector and a.sector))
               for a in actor)


def _opposite(event: Event, actor: list[Entity]) -> list[Entity]:
    """The side of a two-sided event facing `actor`, when `actor` is on the other side only."""
    on_actor = any(_ours(e, actor) for e in event.actor)
    on_recipient = any(_ours(e, actor) for e in event.recipient)
    if on_actor == on_recipient:
        return []
    return [e for e in (event.recipient if on_actor else event.actor) if not _ours(e, actor)]


def counterpart(actor: list[Entity], events: list[Event]) -> list[Entity]:
    """The party most often facing `actor` in these events; [] when none stands out."""
    votes: Counter[str] = Counter()
    first: dict[str, Entity] = {}
    for event in events:
        if event.actor and event.recipient:
            for entity in _opposite(event, actor):
                votes[entity.country or entity.code] += 1
                first.setdefault(entity.country or entity.code, entity)
    if not votes:  # no dealings of its own stated: the story's main actor
        for event in events:
            for entity in event.actor:
                if not _ours(entity, actor):
                    votes[entity.country or entity.code] += 1
                    first.setdefault(entity.country or entity.code, entity)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return []
    return [first[ranked[0][0]]]


def _sentences(event: Event) -> set[int]:
    return {m.sentence_index for m in event.mentions}


def with_counterparts(events: list[Event], cb: Codebook | None = None) -> list[Event]:
    """An article's events (one per fact), those of the codebook's `recipient_from_context_types`
    that have an actor but no recipient aimed at the actor's counterpart. Reciprocal entries
    ("exchanged fire") are aimed at each other already."""
    cb = cb or codebook_module.default()
    directed = cb.cue("recipient_from_context_types")
    done = []
    for event in events:
        entry = cb.entry_of(event.rule)
        if (event.event_type in directed and event.actor and not event.recipient
                and entry is not None and not entry.reciprocal):
            # the event's own sentences' events tell nothing its sentences did not name
            elsewhere = [e for e in events if not _sentences(e) & _sentences(event)]
            found = counterpart(event.actor, elsewhere)
            if found:
                event = event.model_copy(update={
                    "recipient": found,
                    "rule": event.rule + CONTEXT_RULE,
                    "confidence": round(max(0.05, event.confidence - CONTEXT_COST), 3),
                }).with_id()
        done.append(event)
    return done
