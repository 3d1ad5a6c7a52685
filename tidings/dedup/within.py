"""Within-article deduplication: a fact stated four times is one event with four mentions.

Two coded mentions are the same fact when they have the same type and factuality, and their
actors, recipients, issue, place and date do not contradict each other (a missing value agrees
with anything: "the talks did not yield a deal" is the same failed agreement as "the summit ended
without an agreement between Washington and Moscow"). Mentions merge greedily in text order
into the first compatible event; the merged event keeps the most specific value of each field.
"""

from __future__ import annotations

from tidings.model import Entity, Event, Location
from tidings.places.resolve import distance_km

# Places this close (km) can be one event's ("the summit in Anchorage" / "at the air base").
NEAR_KM = 100.0
# Days two day-precision dates may differ and still be one fact (overnight strikes, time zones).
_DATE_SLACK = {"day": 1, "week": 7, "month": 31, "year": 366}


def _countries(entities: list[Entity]) -> set[str]:
    return {e.country or e.code for e in entities}


def _compatible_parties(a: list[Entity], b: list[Entity]) -> bool:
    if not a or not b:
        return True
    return bool(_countries(a) & _countries(b))


def _compatible_places(a: Location | None, b: Location | None) -> bool:
    """Same country, and if both are points below the country level, near each other."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    points = (a.lat, a.lon, b.lat, b.lon)
    if "country" not in (a.feature, b.feature) and None not in points:
        return distance_km((a.lat, a.lon), (b.lat, b.lon)) <= NEAR_KM
    return True


def _compatible_dates(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    slack = max(_DATE_SLACK.get(a.date_precision or "day", 1), _DATE_SLACK.get(b.date_precision or "day", 1))
    return abs((a.date - b.date).days) <= slack


def _one_sentence(a: Event, b: Event) -> bool:
    return bool(a.sentence_indexes() & b.sentence_indexes())


def _distinct_in_one_sentence(a: Event, b: Event) -> bool:
    """Two events of one sentence each with a party the other lacks are two facts: "would brief
    Zelensky and NATO leaders and hoped to set up a three-way meeting with the Russian and
    Ukrainian presidents". A restatement in one sentence names the same parties or some of
    them ("the two presidents met, Putin's first talks with Trump in four years")."""
    if not _one_sentence(a, b):
        return False
    if not (a.actor and b.actor):
        return False
    parties_a, parties_b = _countries(a.actor + a.recipient), _countries(b.actor + b.recipient)
    return not (parties_a <= parties_b or parties_b <= parties_a)


# Types whose verbs of two kinds are two acts ("shut down eight offices and detained four
# staff"; "expelled 19,000 Afghans ... Police have rounded up thousands of Afghans"); others
# restate one ("summoned the ambassador to protest", "visited Beirut and met the president",
# "closed its airspace, suspending trade").
_DISTINCT_ACTS = frozenset({"COERCE"})


def _distinct_acts(a: Event, b: Event) -> bool:
    """Two coercive acts of two kinds, or a diplomatic sanction and another ("recalled its
    ambassador" and "closed its airspace"), are two facts."""
    if a.event_type == "SANCTION":
        return ("diplomatic" in a.context) != ("diplomatic" in b.context)
    kinds = _verb_entry(a), _verb_entry(b)
    return a.event_type in _DISTINCT_ACTS and None not in kinds and kinds[0] != kinds[1]


def _verb_entry(event: Event) -> str | None:
    """The codebook entry of an event told by a verb (its rule "coerce.arrest:verb:detain"), else None."""
    entry, _, rest = event.rule.partition(":")
    return entry if rest.startswith("verb:") else None


def same_fact(a: Event, b: Event) -> bool:
    return (
        a.event_type == b.event_type
        and not _distinct_in_one_sentence(a, b)
        and not _distinct_acts(a, b)
        and a.factuality == b.factuality
        and (a.issue is None or b.issue is None or a.issue == b.issue)
        and _compatible_parties(a.actor, b.actor)
        and _compatible_parties(a.recipient, b.recipient)
        and _compatible_places(a.location, b.location)
        and _compatible_dates(a, b)
    )


def _richer_parties(a: list[Entity], b: list[Entity]) -> list[Entity]:
    """The union, keeping the more specific entity (RUSGOV over RUS) for each country."""
    by_country: dict[str, Entity] = {}
    for entity in a + b:
        key = entity.country or entity.code
        kept = by_country.get(key)
        if kept is None or (kept.sector is None and entity.sector is not None):
            by_country[key] = entity
    return list(by_country.values())


def _precise(a: Event, b: Event) -> Event:
    order = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
    return a if order[a.date_precision] <= order[b.date_precision] else b


def _merge(kept: Event, new: Event) -> Event:
    dated = _precise(kept, new)
    location = kept.location
    if location is None or (location.feature == "country" and new.location is not None
                            and new.location.feature not in (None, "country")):
        location = new.location or location
    actor = _richer_parties(kept.actor, new.actor)
    # By code, not country: the army (SDNMIL) blaming the RSF (SDNREB) keeps its recipient.
    recipient = [e for e in _richer_parties(kept.recipient, new.recipient)
                 if e.code not in {a.code for a in actor}]
    return kept.model_copy(update={
        "actor": actor,
        "recipient": recipient,
        "mode": kept.mode + [m for m in new.mode if m not in kept.mode],
        "context": kept.context + [c for c in new.context if c not in kept.context],
        "issue": kept.issue or new.issue,
        "issue_text": kept.issue_text if kept.issue else new.issue_text,
        "location": location,
        "date": dated.date,
        "date_precision": dated.date_precision,
        "score": kept.score if kept.score is not None else new.score,
        # Each independent mention adds evidence; cap below certainty.
        "confidence": round(min(0.99, 1 - (1 - kept.confidence) * (1 - new.confidence * 0.5)), 3),
        "mentions": kept.mentions + new.mentions,
    })


def merge_mentions(events: list[Event]) -> list[Event]:
    """One event per fact, each with all its mentions, in order of first mention; ids assigned."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: (e.mentions[0].trigger_start if e.mentions else 0)):
        for i, kept in enumerate(merged):
            if same_fact(kept, event):
                merged[i] = _merge(kept, event)
                break
        else:
            merged.append(event)
    return [event.with_id() for event in merged]
