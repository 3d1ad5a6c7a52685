"""Where an event happened: which of the article's place mentions an event takes.

The places stage finds and geocodes every place mention; this module picks an event's own.
``Venues.stated``: a place in the trigger's phrase or clause (one attached by a location
preposition first), else one so attached elsewhere in the sentence — but never a place that
names an actor ("*Kyiv* agreed", "*Bolivia*'s government") nor one that another event word
owns ("ended the summit without agreeing to a ceasefire *in Ukraine*": Ukraine is the
ceasefire's, not the summit's). ``place_unplaced``, after within-article dedup: an event no
sentence places takes the dateline's place, if it is one of the lede's current events or one
of the dateline's country; else, between parties of one country, that country ("the army
killed militants" in a Mali story -> Mali).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from tidings import nlp
from tidings.actors import DocActors
from tidings.model import Entity, Event, Location
from tidings.places import Geocoder
from tidings.places.find import PLACE_NOUNS

_LEDE_SENTENCES = 3  # the dateline places the events of the article's first sentences
# A place in one of these roles names an actor, not where something happened: "Kyiv agreed"
# (a passive subject is where: "Kharkiv was hit").
_ACTOR_DEPS = ("nsubj",)
# ... nor one after these: "rejected *by* Moscow"; "slogans *against* India" name its target.
_PARTY_PREPS = frozenset({"by", "against"})
# ... nor, for people fleeing, one after these: "fled *towards* the city of Cucuta" is where they went.
_DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into", "across"})
# Prepositions telling the act a verb is done through ("killed *in* an explosion", "*by* shelling").
_MEANS_PREPS = frozenset({"in", "by", "with", "through"})


def read_dateline(doc: Doc, places: list[Location], context: Counter[str]) -> Location | None:
    """The place of a dateline ("ANCHORAGE, Alaska (Wire) —"), where the article has one: its
    capitalised first words (which the places stage, reading running text, takes for a weak
    sentence-initial capital) read with the article's countries, else the first place mention
    in it."""
    line = nlp.dateline(doc)
    if line is None:
        return None
    words = line.text.split("(")[0].split(",")[0].strip()
    if words and words.isupper() and len(words.split()) <= 4:
        found = Geocoder.default().resolve(words, context=context)
        if found is not None:
            return found.model_copy(update={"text": words, "start_char": line.start_char,
                                            "end_char": line.start_char + len(words)})
    if places and places[0].start_char is not None and places[0].start_char < line.end_char:
        return places[0]
    return None


def clause_of(token: Token) -> Token:
    """The verb whose clause states this token (a noun's governing verb, or itself)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def elaboration(token: Token) -> bool:
    """A subjectless participle that describes its head's act rather than stating its own:
    "launched exercises, *deploying* troops across Belarus" (Belarus places the exercises)."""
    return token.dep_ == "advcl" and token.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


class Venues:
    """Finds the place a sentence states for each event of one document."""

    def __init__(self, doc: Doc, actors: DocActors, places: list[Location], trigger_types: dict[int, str],
                 location_preps: frozenset[str], target_types: frozenset[str]) -> None:
        self.doc, self.actors, self.places = doc, actors, places
        self.trigger_types = trigger_types  # token index -> event type of every event word
        self.location_preps = location_preps
        self.target_types = target_types

    def stated(self, token: Token, event_type: str, sentence: Span, actor: list[Entity],
               recipient: list[Entity], *, leaving: bool = False) -> Location | None:
        """A place the sentence says the event stated by ``token`` happened at: in the
        trigger's phrase, then its clause, then the sentence; attached by a location
        preposition first. The words naming its actors are no place, nor those naming its
        recipients, unless the event happens at its target ("hit the Kharkiv region", "visited
        Beijing")."""
        named = actor if event_type in self.target_types else actor + recipient
        used = {(e.start_char, e.end_char) for e in named}
        candidates = [place for place in self.places
                      if place.start_char is not None
                      and sentence.start_char <= place.start_char < sentence.end_char
                      and (place.start_char, place.end_char) not in used]
        if not candidates:
            return None
        below = {t.i for t in token.subtree}
        own = {t.i for t in clause_of(token).subtree} | below
        best: tuple[tuple[int, bool], Location] | None = None
        for place in candidates:
            span = self.doc.char_span(place.start_char, place.end_char, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if self._names_actor(root) or self._owned_elsewhere(root, token, event_type):
                continue
            if _source_of_thing(root) or (place.feature == "country" and _owner_of_thing(root)):
                continue
            attached = root.dep_ == "pobj" and root.head.lower_ in self.location_preps
            if leaving and root.dep_ == "pobj" and root.head.lower_ in _DESTINATION_PREPS:
                continue  # people displaced are of where they fled from
            if root.i not in own and not (attached and root.head.head.pos_ in ("VERB", "AUX")):
                continue  # outside the clause, only a place said of a verb: not "for many in Kyiv"
            position = (0 if root.i in below else 1 if root.i in own else 4) + (0 if attached else 2)
            rank = (position, place.feature == "country")  # "the Ukrainian city of Kharkiv": Kharkiv
            if best is None or rank < best[0]:
                best = (rank, place)
        return best[1] if best is not None else None

    def _names_actor(self, root: Token) -> bool:
        """"*Moscow* turned down", "rejected by *Moscow*", "slogans against *India*",
        "*Bolivia*'s government", "the
        presidents of *South Korea* and *Japan*", "*Moscow*'s invasion": the place stands for
        its people."""
        root = nlp.first_conjunct(root)
        if root.dep_ in _ACTOR_DEPS or (root.dep_ == "pobj" and root.head.lower_ in _PARTY_PREPS):
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            return self._actor_word(root.head.head)
        return root.dep_ == "poss" and (root.head.i in self.trigger_types or self._actor_word(root.head))

    def _actor_word(self, token: Token) -> bool:
        """Whether a word names people acting ("presidents", "government"), not a thing or a
        place ("the Ukrainian city of Kharkiv", "Port Sudan's fuel depot")."""
        return any(e.sector for e in self.actors.entities_for(token))

    def _owned_elsewhere(self, root: Token, token: Token, event_type: str) -> bool:
        """Whether the nearest event word above a place is another kind of event, not one
        this event is part of: "ended the summit without agreeing to a ceasefire *in Ukraine*"
        places the ceasefire, not the summit; "Israeli strikes *across Gaza* killed 30" places
        the killing too."""
        for ancestor in root.ancestors:
            if ancestor.i in self.trigger_types and not elaboration(ancestor):
                if ancestor.i == token.i or ancestor.is_ancestor(token):
                    return False
                if self.trigger_types[ancestor.i] != event_type:
                    return True
                return _in_complement(ancestor, token) and not _means(ancestor, token)
        return False


def _in_complement(word: Token, trigger: Token) -> bool:
    """Whether ``word`` is inside what ``trigger`` is about, not its subject: "agreeing to a
    *ceasefire* in Ukraine" (a place of what is agreed on, not of the agreeing), not "*strikes*
    across Gaza killed 30" (the subject's place is the event's own)."""
    if not trigger.is_ancestor(word):
        return False
    step = word
    while step.head.i != trigger.i:
        step = step.head
    return step.dep_ not in ("nsubj", "nsubjpass")


def _owner_of_thing(root: Token) -> bool:
    """"attacks on *US* vessels", "the *Iran* nuclear deal": a country naming whose a thing is,
    not where an event is (unlike "the *Kharkiv* region", a place noun; find.PLACE_NOUNS)."""
    return (root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN"
            and root.head.lemma_.lower() not in PLACE_NOUNS)


def _means(word: Token, trigger: Token) -> bool:
    """Whether ``word`` is the act ``trigger`` is told through: "killed *in a car bomb
    explosion* in eastern Beirut" (the explosion's place is the killing's)."""
    return word.dep_ == "pobj" and word.head.head.i == trigger.i and word.head.lower_ in _MEANS_PREPS


def _source_of_thing(root: Token) -> bool:
    """ "fighter jets *from Denmark, France and Germany*": where a thing comes from, not where
    the event is."""
    first = nlp.first_conjunct(root)
    return first.dep_ == "pobj" and first.head.lower_ == "from" and first.head.head.pos_ in ("NOUN", "PROPN")


def place_unplaced(events: list[Event], dateline: Location | None, places: list[Location]) -> list[Event]:
    """Give the events no sentence places (after within-article dedup, so that an inferred
    place never splits one fact) the place the article implies: the dateline's, for the lede's
    current events and for events of the dateline's country; else, for an event between
    parties of one country, that country."""
    placed = []
    for event in events:
        if event.location is None:
            event = event.model_copy(update={"location": _implied_place(event, dateline, places)})
        placed.append(event)
    return placed


def _implied_place(event: Event, dateline: Location | None, places: list[Location]) -> Location | None:
    countries = {e.country for e in event.actor + event.recipient if e.country}
    lede = bool(event.mentions) and event.mentions[0].sentence_index < _LEDE_SENTENCES
    if dateline is not None and event.factuality != "historical" and (
            lede or dateline.country in countries):
        return dateline
    if event.actor and event.recipient and len(countries) == 1:
        # "the army said it killed militants": a domestic event happens in its country
        [country] = countries
        return next((p for p in places if p.feature == "country" and p.country == country), None)
    return None
