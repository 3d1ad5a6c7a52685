"""Recipients from the article: a directed event whose own sentence names no target is aimed at
its actor's counterpart in the story.

News states the other side once and then leaves it implied: in a story of Houthi attacks on
shipping, "Washington warned it would act to protect navigation" is a threat to the Houthis; in a
story of India's measures against Pakistan, "Pakistan warned any attempt to divert water would be
an act of war" is aimed at India. The counterpart of an actor is the party most often on the other
side of it in the article's events that name both sides; a one-country actor with no such event
takes the party that acts most in the article. Recipients found this way keep the words of the mention they
came from, and the event says so in its rule and costs some confidence. This runs after
within-article dedup, so that a fact stated once with its target and once without stays one event.
"""

from __future__ import annotations

from collections import Counter

from tidings.events import codebook as codebook_module
from tidings.events.codebook import Codebook
from tidings.model import Entity, Event, same_side

CONTEXT_RULE = "+recipient:context"
CONTEXT_COST = 0.1


def _opposite(event: Event, actor: list[Entity]) -> list[Entity]:
    """The side of a two-sided event facing `actor`, when `actor` is on the other side only."""
    on_actor = any(same_side(e, actor) for e in event.actor)
    on_recipient = any(same_side(e, actor) for e in event.recipient)
    if on_actor == on_recipient:
        return []
    return [e for e in (event.recipient if on_actor else event.actor) if not same_side(e, actor)]


def _key(entity: Entity) -> str:
    return entity.country or entity.code


def _between_themselves(actor: list[Entity], events: list[Event]) -> bool:
    """Whether the actor's own parties face each other in these events: "relations between
    Washington and Caracas were frozen" is about the two of them."""
    countries = {e.country for e in actor if e.country}
    if len(countries) < 2:
        return False
    for event in events:
        acting, aimed_at = {e.country for e in event.actor}, {e.country for e in event.recipient}
        if acting & countries and aimed_at & countries and not acting & aimed_at:
            return True
    return False


def counterpart(actor: list[Entity], events: list[Event]) -> list[Entity]:
    """The party most often facing `actor` in these events, else the party acting most; ties go
    to the party taking part in more of the events; [] when none stands out, or when the
    actor's parties face each other."""
    if _between_themselves(actor, events):
        return []
    facing = [e for event in events if event.actor and event.recipient for e in _opposite(event, actor)]
    acting = [e for event in events for e in event.actor if not same_side(e, actor)]
    # several countries acting together with no one facing them: nobody to guess at
    candidates = facing or (acting if len({e.country for e in actor}) == 1 else [])
    candidates = [e for e in candidates if e.country]  # "the minister" of no known country is no one
    votes = Counter(_key(e) for e in candidates)
    taking_part = Counter(key for event in events for key in {_key(e) for e in event.actor + event.recipient})
    ranked = sorted(votes, key=lambda key: (votes[key], taking_part[key]), reverse=True)
    score = [(votes[key], taking_part[key]) for key in ranked[:2]]
    if not ranked or (len(score) == 2 and score[0] == score[1]):
        return []
    return [next(e for e in candidates if _key(e) == ranked[0])]


def with_counterparts(events: list[Event], cb: Codebook | None = None) -> list[Event]:
    """An article's events (one per fact), those of the codebook's `recipient_from_context_types`
    that have an actor but no recipient aimed at the actor's counterpart. Reciprocal entries
    ("exchanged fire") are aimed at each other already; a position on an issue ("insisted
    the root causes be addressed first", "would not cede territory") is stated to no one in
    particular."""
    cb = cb or codebook_module.default()
    directed = cb.cues.recipient_from_context_types
    done = []
    for event in events:
        entry = cb.entry_of(event.rule)
        if (event.event_type in directed and event.actor and not event.recipient and event.issue is None
                and entry is not None and not entry.reciprocal):
            # the event's own sentences' events tell nothing its sentences did not name
            elsewhere = [e for e in events if not e.sentence_indexes() & event.sentence_indexes()]
            found = counterpart(event.actor, elsewhere)
            if found:
                event = event.model_copy(update={
                    "recipient": found,
                    "rule": event.rule + CONTEXT_RULE,
                    "confidence": round(max(0.05, event.confidence - CONTEXT_COST), 3),
                }).with_id()
        done.append(event)
    return done


def with_parties(events: list[Event]) -> list[Event]:
    """The events that name a party. A fact whose words, the rest of its article and the
    counterparts above name no one ("we all would like to see a ceasefire", "drones struck")
    tells no one who did what to whom: PLOVER, like ICEWS and PETRARCH, codes no such event."""
    return [event for event in events if event.actor or event.recipient]
