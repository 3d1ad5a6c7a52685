"""Within-article dedup: one event per fact, each with all its mentions (tidings/dedup/within.py)."""

from __future__ import annotations

import datetime as dt

from tidings.api import code_text
from tidings.dedup import merge_mentions
from tidings.dedup.within import same_fact
from tidings.model import Entity, Event, Location, Mention

RUS = Entity(text="Russia", country="RUS", code="RUS")
RUSGOV = Entity(text="the Kremlin", country="RUS", sector="GOV", code="RUSGOV")
RUSMIL = Entity(text="Russian forces", country="RUS", sector="MIL", code="RUSMIL")
UKR = Entity(text="Ukraine", country="UKR", code="UKR")
ISR = Entity(text="Israel", country="ISR", code="ISR")
LBN = Entity(text="Lebanon", country="LBN", code="LBN")

KHARKIV = Location(name="Kharkiv", country="UKR", feature="city", lat=49.98, lon=36.25)
KYIV = Location(name="Kyiv", country="UKR", feature="city", lat=50.45, lon=30.52)
UKRAINE = Location(name="Ukraine", country="UKR", feature="country", lat=49.0, lon=32.0)
BEIRUT = Location(name="Beirut", country="LBN", feature="city", lat=33.89, lon=35.5)


def _event(position: int, event_type: str = "ASSAULT", *, actor=(RUS,), recipient=(UKR,),
           factuality: str = "asserted", issue: str | None = None, location: Location | None = None,
           date: dt.date | None = dt.date(2025, 8, 12), precision: str | None = "day",
           confidence: float = 0.8, article_id: str = "a1") -> Event:
    sentence = f"Sentence number {position} states the fact."
    return Event(
        article_id=article_id, event_type=event_type, actor=list(actor), recipient=list(recipient),
        factuality=factuality, issue=issue, location=location, date=date,
        date_precision=precision if date else None, confidence=confidence,
        rule="assault.attack:verb:strike",
        mentions=[Mention(sentence_index=position, start_char=100 * position,
                          end_char=100 * position + len(sentence), text=sentence, trigger="states",
                          trigger_start=100 * position + 16, trigger_end=100 * position + 22)],
    )


# --- the merge rules on hand-made events ---------------------------------------------------------

def test_two_coercive_verbs_of_two_kinds_are_two_facts_in_one_sentence_or_two():
    suspend = _event(0, "COERCE").model_copy(update={"rule": "coerce.restrict:verb:suspend"})
    expel = _event(0, "COERCE").model_copy(update={"rule": "coerce.deport:verb:order"})
    assert len(merge_mentions([suspend, expel])) == 2
    round_up = _event(3, "COERCE").model_copy(update={"rule": "coerce.arrest:verb:round"})
    assert len(merge_mentions([expel, round_up])) == 2  # "expelled 19,000 ... rounded up thousands"
    again = _event(0, "COERCE").model_copy(update={"rule": "coerce.restrict:noun:suspension"})
    assert len(merge_mentions([suspend, again])) == 1  # a verb and a noun of one fact


def test_a_diplomatic_sanction_and_another_are_two_facts_two_closures_one():
    close = _event(0, "SANCTION").model_copy(update={"rule": "sanction.close:verb:close"})
    recall = _event(2, "SANCTION").model_copy(update={"rule": "sanction.expel:verb:recall",
                                                       "context": ["diplomatic"]})
    assert len(merge_mentions([close, recall])) == 2  # "closed its airspace ... recalling its envoy"
    suspend = _event(0, "SANCTION").model_copy(update={"rule": "sanction.discontinue:verb:suspend"})
    assert len(merge_mentions([close, suspend])) == 1  # "closing its airspace, suspending trade"


def test_three_mentions_of_one_fact_become_one_event_with_three_mentions():
    merged = merge_mentions([_event(0), _event(1), _event(2)])
    assert len(merged) == 1
    assert [m.sentence_index for m in merged[0].mentions] == [0, 1, 2]


def test_two_events_of_one_sentence_each_with_a_party_the_other_lacks_are_two_facts():
    brief = _event(0, "CONSULT", actor=(RUS,), recipient=(UKR,))
    meeting = _event(0, "CONSULT", actor=(RUS, ISR), recipient=())
    assert len(merge_mentions([brief, meeting])) == 2
    restated = _event(0, "CONSULT", actor=(RUS,), recipient=())  # some of the same parties
    assert len(merge_mentions([brief, restated])) == 1
    elsewhere = _event(1, "CONSULT", actor=(RUS, ISR), recipient=())  # another sentence: may restate
    assert len(merge_mentions([brief, elsewhere])) == 1


def test_mentions_merge_in_text_order_whatever_the_input_order():
    merged = merge_mentions([_event(2), _event(0), _event(1)])
    assert [m.sentence_index for m in merged[0].mentions] == [0, 1, 2]


def test_each_mention_adds_confidence_below_certainty():
    one = merge_mentions([_event(0, confidence=0.8)])[0].confidence
    two = merge_mentions([_event(0, confidence=0.8), _event(1, confidence=0.8)])[0].confidence
    three = merge_mentions([_event(i, confidence=0.8) for i in range(3)])[0].confidence
    assert one == 0.8
    assert two == 0.88  # 1 - 0.2 * (1 - 0.8 / 2)
    assert one < two < three < 1


def test_merged_event_keeps_the_most_specific_values():
    vague = _event(0, actor=[RUS], recipient=[], location=UKRAINE, date=dt.date(2025, 8, 11),
                   precision="week")
    precise = _event(1, actor=[RUSMIL], recipient=[UKR], location=KHARKIV, date=dt.date(2025, 8, 12))
    [merged] = merge_mentions([vague, precise])
    assert [e.code for e in merged.actor] == ["RUSMIL"]  # a sector beats none
    assert [e.code for e in merged.recipient] == ["UKR"]
    assert merged.location == KHARKIV  # a city beats its country
    assert (merged.date, merged.date_precision) == (dt.date(2025, 8, 12), "day")


def test_merged_event_keeps_the_contexts_of_every_mention():
    first = _event(0).model_copy(update={"context": ["military"]})
    second = _event(1).model_copy(update={"context": ["terrorism", "military"]})
    [merged] = merge_mentions([first, second])
    assert merged.context == ["military", "terrorism"]


def test_a_missing_value_agrees_with_anything():
    bare = _event(1, actor=[], recipient=[], location=None, date=None)
    assert same_fact(_event(0, location=KHARKIV), bare)
    assert len(merge_mentions([_event(0, location=KHARKIV), bare])) == 1


def test_different_type_or_factuality_are_different_facts():
    assert len(merge_mentions([_event(0), _event(1, "SANCTION")])) == 2
    assert len(merge_mentions([_event(0), _event(1, factuality="negated")])) == 2


def test_different_issues_are_different_facts_but_no_issue_is_compatible():
    demand = "REQUEST"
    assert not same_fact(_event(0, demand, issue="ceasefire"), _event(1, demand, issue="sanctions"))
    assert same_fact(_event(0, demand, issue="ceasefire"), _event(1, demand, issue=None))


def test_different_actors_are_different_facts():
    assert not same_fact(_event(0, actor=[RUS]), _event(1, actor=[ISR]))
    assert same_fact(_event(0, actor=[RUS]), _event(1, actor=[RUSGOV]))  # same country


def test_two_attacks_in_different_countries_stay_two():
    events = [_event(0, actor=[RUS], recipient=[UKR], location=KHARKIV),
              _event(1, actor=[ISR], recipient=[LBN], location=BEIRUT)]
    assert len(merge_mentions(events)) == 2


def test_places_far_apart_in_one_country_are_different_facts():
    assert not same_fact(_event(0, location=KHARKIV), _event(1, location=KYIV))  # ~410 km
    assert same_fact(_event(0, location=KHARKIV), _event(1, location=UKRAINE))


def test_dates_beyond_their_precision_are_different_facts():
    monday, friday = dt.date(2025, 8, 11), dt.date(2025, 8, 15)
    assert not same_fact(_event(0, date=monday), _event(1, date=friday))
    assert same_fact(_event(0, date=monday), _event(1, date=dt.date(2025, 8, 12)))  # overnight
    assert same_fact(_event(0, date=monday, precision="week"), _event(1, date=friday))


def test_ids_are_assigned_stable_and_distinct():
    first = merge_mentions([_event(0), _event(1), _event(2, actor=[ISR], recipient=[LBN])])
    again = merge_mentions([_event(0), _event(1), _event(2, actor=[ISR], recipient=[LBN])])
    assert [e.event_id for e in first] == [e.event_id for e in again]
    assert all(e.event_id for e in first)
    assert len({e.event_id for e in first}) == 2


def test_empty_input():
    assert merge_mentions([]) == []


# --- through the pipeline ------------------------------------------------------------------------

REPEATED = (
    "Russian drones struck the Ukrainian city of Kharkiv on Tuesday.\n\n"
    "Officials said the Russian strikes on Kharkiv on Tuesday damaged a power station.\n\n"
    "Russia attacked Kharkiv with drones on Tuesday, the mayor said."
)


def test_a_fact_repeated_in_three_sentences_is_one_event(nlp):
    events = code_text(REPEATED, published="2025-08-16", article_id="dedup-1")
    assert [e.event_type for e in events] == ["ASSAULT"]
    attack = events[0]
    assert [m.sentence_index for m in attack.mentions] == [0, 1, 2]
    assert {e.country for e in attack.actor} == {"RUS"}
    assert attack.date == dt.date(2025, 8, 12)
    assert attack.confidence > 0.85  # more than one mention's worth


def test_an_undated_recap_merges_with_the_dated_lede(nlp):
    text = ("Russian drones struck the Ukrainian city of Kharkiv on Tuesday.\n\n"
            "Russia's attack on Kharkiv killed two people, the mayor said.")
    events = code_text(text, published="2025-08-16", article_id="dedup-2")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert {m.sentence_index for m in events[0].mentions} == {0, 1}


def test_two_attacks_in_different_countries_stay_two_in_text(nlp):
    text = ("Russian drones struck the Ukrainian city of Kharkiv on Tuesday.\n\n"
            "Israeli jets struck targets in southern Lebanon on Tuesday.")
    events = code_text(text, published="2025-08-16", article_id="dedup-3")
    assert [e.event_type for e in events] == ["ASSAULT", "ASSAULT"]
    assert [{e.country for e in ev.actor} for ev in events] == [{"RUS"}, {"ISR"}]
    assert len({e.event_id for e in events}) == 2


def test_ids_are_stable_for_the_same_article(nlp):
    first = [e.event_id for e in code_text(REPEATED, published="2025-08-16", article_id="dedup-1")]
    again = [e.event_id for e in code_text(REPEATED, published="2025-08-16", article_id="dedup-1")]
    other = [e.event_id for e in code_text(REPEATED, published="2025-08-16", article_id="dedup-9")]
    assert first == again
    assert not set(first) & set(other)  # the article id is part of the identity


def test_merged_event_keeps_a_recipient_of_the_actors_own_country():
    # the army (SDNMIL) blaming the RSF (SDNREB): one country, two parties
    army = Entity(text="the army", country="SDN", sector="MIL", code="SDNMIL")
    rsf = Entity(text="the RSF", country="SDN", sector="REB", code="SDNREB")
    merged = merge_mentions([_event(1, "ACCUSE", actor=(army,), recipient=(rsf,)),
                             _event(2, "ACCUSE", actor=(army,), recipient=())])
    assert [e.code for e in merged[0].recipient] == ["SDNREB"]
