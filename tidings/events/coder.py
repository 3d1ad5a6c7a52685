"""Code one parsed article into events: triggers -> arguments, factuality, issue, place, date.

One ``Event`` per trigger mention; ``tidings.dedup`` then merges mentions of the same fact.
An inner event word inside the complement of an outer one ("refused to *surrender* territory",
"an agreement on a *ceasefire*") is not coded on its own: it becomes the outer event's issue,
unless the outer entry says ``complement: event`` ("condemned the *strikes*").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from tidings import nlp, when
from tidings.actors import DocActors
from tidings.events import codebook as codebook_module
from tidings.events.arguments import ArgumentFinder, object_sharer, prep_objects, verb_subject
from tidings.events.codebook import Codebook, Entry
from tidings.events.factuality import (
    classify,
    denied_charge,
    denier,
    is_light_verb,
    speech_verb,
    states_condition,
    states_prospect,
    verb_forms,
)
from tidings.events.issues import find_contexts, find_issue
from tidings.events.triggers import (
    RELATIVE_PRONOUNS,
    Trigger,
    find_triggers,
    head_is_subject,
    modifiers,
    objects,
    predicate_of_root_noun,
    undergoer_subject,
)
from tidings.events.venue import Venues, clause_of, elaboration
from tidings.model import (
    Article,
    DatePrecision,
    Entity,
    Event,
    Factuality,
    Location,
    Mention,
    same_side,
)

_MAX_ABSORB_DEPTH = 5
_OWN_PROPOSITION = ("conj", "advcl", "relcl", "parataxis", "nsubj", "csubj")
_OBJECT_UP = ("dobj", "pobj", "prep", "attr")  # from an object noun up to its verb
# Sectors of unidentified actors ("gunmen killed 26 people"): whose they are is what is unknown,
# so they never take the article's country (samples/README.md: country null with UAF/UNK).
_UNIDENTIFIED = frozenset({"UAF", "UNK"})
# A state's own government or army does not act on that government or army: "the president
# warned Mr Putin" is no Russian president. (A bare country target, often read off a place,
# does not count: "the ministers rejected claims of resentment towards Slovenia".)
_STATE_SECTORS = frozenset({"GOV", "MIL"})
# Prepositions between a light verb and an event noun it does ("made progress *on* a ceasefire").
_AGENT_PREPS = {"on", "for", "of", "in", "towards", "toward"}
# Determiners of an event noun that takes up one already told ("*the* meeting ended without
# agreement"), and how many sentences back its antecedent may be.
_DEFINITE = {"the", "this", "that", "these", "those"}
_ANTECEDENT_SENTENCES = 2
_NOUN_MODIFIERS = ("compound", "nmod", "amod", "nummod", "poss")  # a date word naming its noun's time
# "three days after ...": counts and units of an interval between two clauses' events.
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7}


def _definite(noun: Token) -> bool:
    """"*the* committee", "*this* meeting": a noun for something told of before."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _against(token: Token) -> list[Token]:
    """What the words of an event are against: "chanting slogans *against* India"."""
    return [t for t in token.subtree if t.dep_ == "pobj" and t.head.lower_ == "against"]


def _complement_act(inner: Token, outer: Token, cb: Codebook) -> bool:
    """The inner word is the act a clausal complement of the outer one states ("vowed *to
    attack*", "pledged to impose *sanctions*"), not a word inside it ("committed them to stop
    *attacks*") or beside it ("offered talks following the *invasions*")."""
    clause = inner.head if inner.dep_ == "dobj" and is_light_verb(inner.head, cb) else inner
    clause = nlp.first_conjunct(clause)
    return clause.dep_ in ("xcomp", "ccomp") and clause.head.i == outer.i


def _charged_act(inner: Token, outer: Token, cb: Codebook) -> bool:
    """The inner word is the act an accusation charges: "accused the army *of killing*
    civilians", "accused Kyiv *of attacking* ...", or a complement clause ("said Rwanda *armed*")."""
    clause = nlp.first_conjunct(inner)
    of = clause.head
    return _complement_act(inner, outer, cb) or (
        clause.dep_ == "pcomp" and of.lower_ in ("of", "for")
        and (of.head.i == outer.i or of.head.head.i == outer.i))


def _elaborates(token: Token, by_token: dict[int, Trigger]) -> bool:
    """A subjectless participle restating its head's event is the same fact: "signed a
    declaration, *committing* to a ceasefire", "missiles hit Kharkiv, *killing* seven"; and so
    are those of its type conjoined with it ("raided villages, beheading six and *killing*
    others"; not "opened fire, killing one person and *arresting* 12")."""
    first = nlp.first_conjunct(token)
    if first.i != token.i:
        return (first.i in by_token and _elaborates(first, by_token)
                and by_token[first.i].entry.type == by_token[token.i].entry.type)
    outer = by_token.get(token.head.i)
    return (elaboration(token) and not any(c.dep_ == "mark" for c in token.children)
            and outer is not None and outer.entry.type == by_token[token.i].entry.type)


def _own_fact_relative(token: Token, by_token: dict[int, Trigger], reactions: frozenset[str]) -> bool:
    """A relative clause that states a fact of its own, not more about its head noun ("a
    helicopter that was captured last week", "Serbia, where 24 people were killed", "a call for
    troops to be deployed"): one with an active subject of its own ("the ceasefire, which
    *Moscow* turned down"), or a finite one on an event noun ("a summit that ended without a
    deal": the summit's outcome); and a reaction's participle with its agent ("a concession
    *welcomed* by Japanese officials")."""
    if (token.dep_ == "acl" and token.i in by_token and by_token[token.i].entry.type in reactions
            and any(c.dep_ == "agent" for c in token.children)):
        return True
    if token.dep_ != "relcl":
        return False
    if any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in token.children):
        return True
    return token.head.i in by_token and not nlp.infinitive(token)


_SOURCE_PATH = ("poss", "pobj", "prep", "compound", "amod", "relcl", "acl", "dobj", "xcomp",
                "pcomp", "conj", "nmod")


def _describes_source(token: Token, cb: Codebook) -> bool:
    """An event word inside the description of the article's source is no event of its own:
    "the *meeting*'s co-chairman said", "according to a senator who acted as a go-between at
    the *talks*"; but the speaker's own act told in a relative clause is one ("Sudan's foreign
    minister, who *backed* Cairo's position, said")."""
    if token.dep_ == "relcl" and token.pos_ == "VERB":
        return False
    speech = cb.cues.speech_verbs
    current = token
    for _ in range(10):
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if current.dep_ == "nsubj" and current.i != token.i and verb_forms(head) & speech:
            return True
        if current.dep_ not in _SOURCE_PATH:
            return False
        current = head
    return False


def _states_cause(token: Token, cb: Codebook) -> bool:
    """The trigger is the cause another event names ("closed its borders *because of*
    fighting") or the time it follows ("signed a declaration *after* months of talks"): an
    event of its own, not the issue of the other (cues.yaml ``cause_preps``, ``time_preps``)."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    causes = cb.cues.cause_preps | cb.cues.time_preps  # "signed a deal *after* months of talks"
    return prep.lower_ in causes or (prep.dep_ == "prep" and prep.head.lower_ in causes)


def _any_such(trigger: Trigger) -> bool:
    """"*any* lasting settlement would require ...", "before *any* truce": no event, one that
    would be (samples/README.md codes none)."""
    return trigger.nominal and any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.token.children)


def _cites_agreement(trigger: Trigger, cb: Codebook) -> bool:
    """An agreement cited as the basis of another act ("keeps troops here *under* a defence
    pact", "halted attacks *under* a truce") is one in force, not a new one (cues.yaml
    ``in_force_preps``: preposition -> the types it cites)."""
    token = trigger.token
    cited = cb.cues.in_force_preps.get(token.head.lower_, ())
    return trigger.nominal and token.dep_ == "pobj" and trigger.entry.type in cited


def _effect_of_event(trigger: Trigger, by_token: dict[int, Trigger], cb: Codebook) -> bool:
    """A verb whose doer is an event of another type states what that event did, not a new
    act: "a general strike *that shut down* Khatmandu" is no closure. (Of the same type, "the
    offensive *killed* 80", it restates the event and carries its arguments: kept; so is what an
    agreement's parties do by it: "the truce *held*". Protesters
    are people, not an event: "demonstrators *rioted*" is kept; so is a position stated of an
    event: "any settlement would *require* Ukraine to withdraw" is the speaker's demand.)"""
    token = trigger.token
    if trigger.entry.effect:
        # coded as its cause's act ("the fighting forced thousands from their homes"), unless it
        # only describes people: "food aid to refugees *fleeing* the civil war"
        return head_is_subject(token)
    if trigger.nominal or trigger.entry.type in cb.cues.stance_types:
        return False
    doers = [token.head] if head_is_subject(token) else [c for c in token.children if c.dep_ == "nsubj"]
    participants = cb.cues.participant_nouns
    return any(d.i in by_token and by_token[d.i].nominal and d.lemma_.lower() not in participants
               and by_token[d.i].entry.type not in (trigger.entry.type, *cb.cues.kept_by_parties_types)
               for d in doers)


def _targets_participants(trigger: Trigger, by_token: dict[int, Trigger], cb: Codebook) -> bool:
    """Protesters acted on ("opened fire to disperse *demonstrators*", "arrested 12
    *protesters*") are the target of another act, and protesters doing an act of
    ``participant_act_types`` are its doers ("*demonstrators* opened fire"): the noun states a
    protest only as the doer of a protest (cues.yaml ``participant_nouns``)."""
    token = trigger.token
    if not (trigger.nominal and token.lemma_.lower() in cb.cues.participant_nouns):
        return False
    act = by_token.get(token.head.i)
    return token.dep_ in ("dobj", "nsubjpass") or (
        token.dep_ == "nsubj" and act is not None and act.entry.type in cb.cues.participant_act_types)


def _light_verb_object(verb: Token, by_token: dict[int, Trigger], cb: Codebook) -> Trigger | None:
    """The event noun a light verb carries: "began a hunger *strike* to demand reforms" (the
    purpose clause hangs on "began" but belongs to the strike; so does the that-clause of
    "reiterated its *demand* that Israel ease restrictions"), or the one it describes: "the
    *demonstration* staged by students to protest the decision"."""
    if not is_light_verb(verb, cb):
        return None
    if verb.dep_ == "acl" and verb.head.i in by_token:
        return by_token[verb.head.i]
    return next((by_token[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in by_token), None)


def _governing_trigger(trigger: Trigger, by_token: dict[int, Trigger], cb: Codebook) -> Trigger | None:
    """The outer event whose complement or purpose clause holds this trigger, if any."""
    if _elaborates(trigger.token, by_token):
        return by_token.get(trigger.token.head.i) or by_token[nlp.first_conjunct(trigger.token).i]
    if predicate_of_root_noun(trigger.token):
        return None  # "The truce held": the sentence's predicate, not more about the truce
    allowed = cb.cues.complement_deps
    purposes = cb.cues.purpose_types
    current: Token = trigger.token
    catenative = True  # only xcomp verbs so far: "(to help) fight" is where "to fight" would be
    for _ in range(_MAX_ABSORB_DEPTH):
        current = nlp.first_conjunct(current)  # its place is its first conjunct's ("to unite and mobilize")
        dep = current.dep_
        purpose = catenative and dep not in allowed and dep in cb.cues.purpose_deps
        catenative = catenative and dep == "xcomp" and current.head.i not in by_token
        if ((dep not in allowed and not purpose) or current.head.i == current.i
                or _own_fact_relative(current, by_token, cb.cues.reaction_types)
                or _states_cause(current, cb)):
            return None
        current = current.head
        outer = by_token.get(current.i)
        if outer is None and (purpose or dep == "ccomp"):
            outer = _light_verb_object(current, by_token, cb)
        if outer is not None:
            if purpose:
                wanted = trigger.entry.type in purposes.get(outer.entry.type, ()) and (
                    outer.entry.type not in cb.cues.infinitive_purpose_types or nlp.infinitive(trigger.token))
                return outer if wanted else None
            if outer.entry.complement == "issue":
                return outer
            # "condemned the strikes" keeps both, unless the condemnation is itself the issue of
            # another event ("staged a demonstration to protest the decision of sending troops")
            return _governing_trigger(outer, by_token, cb)
        if purpose:
            return None  # a purpose clause belongs only to the word it hangs on
    return None


def _count(token: Token) -> int | None:
    return int(token.text) if token.text.isdigit() else _COUNTS.get(token.lower_)


def _interval(token: Token) -> tuple[Token, int] | None:
    """The clause an event's adverbial clause of time hangs on, and how many days before it the
    event happened: "The call came *three days after* the two presidents met" -> (came, 3);
    "two weeks before" -> (…, -14). The nearest adverbial clause decides."""
    for clause in (token, *token.ancestors):
        if clause.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        sign = 1 if "after" in marks else -1 if "before" in marks else 0
        for unit in clause.children:
            days = _UNIT_DAYS.get(unit.lemma_.lower()) if unit.dep_ == "npadvmod" else None
            count = next((_count(c) for c in unit.children if c.dep_ in ("nummod", "det")), None)  # "a day after"
            if sign and days and count:
                return clause.head, sign * count * days
        return None
    return None


def _reaction_objects(trigger: Trigger) -> list[Token]:
    """What a reaction is to: its object ("condemned the exercises", "criticism of the move"),
    or the noun its participle describes ("a concession *welcomed* by Japanese officials")."""
    found = []
    for obj in trigger.token.children:
        if obj.dep_ in ("dobj", "nsubjpass"):
            found.append(obj)
        elif obj.dep_ == "prep" and (trigger.nominal or obj.lower_ == "over"):  # "protested over the visit"
            found += [c for c in obj.children if c.dep_ == "pobj"][:1]
    if trigger.token.dep_ == "acl" and trigger.token.tag_ == "VBN":
        found.append(trigger.token.head)
    return found


def _issue_tokens(trigger: Trigger, with_trigger: bool) -> list[Token]:
    """Where an event's issue is stated: its complements (and, for an agreement, its own word
    "ceasefire"), not its actor."""
    token = trigger.token
    tokens = [token] if with_trigger else []
    for child in token.children:
        if (child.dep_ in _OWN_PROPOSITION and not elaboration(child)) or child.dep_ in ("poss", "punct", "cc"):
            continue  # but "signed a protocol, *fixing a stretch of their border*" says what
        tokens.extend(child.subtree)
    return tokens


def _clause_verb(noun: Token) -> tuple[Token, list[str]] | None:
    """The verb a noun is the object, or the object's object, of, with the prepositions
    crossed: "ended *without an agreement*", "failed to make progress *on a ceasefire*"."""
    current, preps = noun, []
    for _ in range(4):
        if current.dep_ not in _OBJECT_UP:
            return None
        current = current.head
        if current.dep_ == "acomp":
            current = current.head  # a predicate adjective's are its verb's ("is due *for talks*")
        if current.pos_ in ("VERB", "AUX"):
            return current, preps
        if current.dep_ == "prep":
            preps.append(current.lower_)
    return None


def _since(token: Token) -> bool:
    """Whether an event is the start of a state lasting until now, and so before the news:
    "sanctions *since* the invasion", "fighting has intensified *since* the ceasefire
    collapsed" (a causal "since" has no perfect tense to measure from)."""
    if token.dep_ == "pobj" and token.head.lower_ == "since":
        return True
    clause = clause_of(token)
    since = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children)
    return since and any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.head.children)


def _period_end(date: dt.date, precision: DatePrecision | None) -> dt.date:
    """The last day of the period a date names: "in May" lasts until 31 May."""
    if precision == "week":
        return date + dt.timedelta(days=6)
    if precision == "month":
        return (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if precision == "year":
        return date.replace(month=12, day=31)
    return date


def _dated_word(date: Token) -> Token:
    """What a date is said of: the noun it modifies ("the *November* ceasefire", "the 2022
    invasion"), else its clause ("met *on Friday*")."""
    if date.dep_ in _NOUN_MODIFIERS and date.head.pos_ in ("NOUN", "PROPN"):
        return date.head
    return clause_of(date)


def _modes(trigger: Trigger) -> list[str]:
    found = list(trigger.entry.mode)
    if trigger.entry.modes:
        context = modifiers(trigger.token) | objects(trigger.token) | {trigger.token.lemma_.lower()}
        for word, mode in trigger.entry.modes.items():
            if word in context and mode not in found:
                found.append(mode)
    return found


def _own_government(actor: list[Entity]) -> list[Entity]:
    """The government of the one country the actors belong to ("protesters in Belgrade" ->
    SRBGOV); none when they are a government themselves or of several countries."""
    countries = {e.country for e in actor}
    if len(countries) != 1 or None in countries or any(e.sector == "GOV" for e in actor):
        return []
    [country] = countries
    return [Entity(text=actor[0].text, country=country, sector="GOV", code=f"{country}GOV")]


def _home_country(actors: DocActors, share: float, dateline: Location | None,
                  dateline_share: float) -> str | None:
    """The country the article is about: its dateline's, when that country's share of the
    article's actor mentions is large enough ("PEMBA, Mozambique" over the Rwanda it tells of),
    else the one enough of them name."""
    counts = actors.countries()
    total = sum(counts.values())
    if not total:
        return None
    here = dateline.country if dateline is not None else None
    if here and counts[here] / total >= dateline_share:
        return here
    country, n = counts.most_common(1)[0]
    return country if n / total >= share else None


class DocCoder:
    """Codes the events of one document; holds the per-document lookups."""

    def __init__(self, doc: Doc, article: Article, actors: DocActors, places: list[Location],
                 cb: Codebook, dateline: Location | None = None) -> None:
        self.doc, self.article, self.actors, self.places, self.cb = doc, article, actors, places, cb
        self.finder = ArgumentFinder(actors, places, cb)
        self.triggers = find_triggers(doc, cb)
        self.trigger_types = {t.token.i: t.entry.type for t in self.triggers}
        self.venues = Venues(doc, actors, places, self.trigger_types,
                             cb.cues.location_preps, cb.cues.located_at_target_types)
        self.issues_told: list[tuple[int, str, tuple[str, str]]] = []  # (trigger, type, issue) so far
        self.sentences, self.sentence_of = nlp.sentences(doc), nlp.sentence_of(doc)
        self.sentence_contexts: dict[int, list[str]] = {}  # sentence start -> the contexts its words name
        self.news_day = self._news_day()
        self.home_country = _home_country(actors, cb.cues.home_country_share, dateline,
                                          cb.cues.dateline_country_share)
        self.cues = cb.cues
        self.inner_types: dict[int, set[str]] = {}  # trigger -> the types its complement states
        self.absorbed_types: dict[int, set[str]] = {}  # trigger -> the types of all event words in it
        self.causes: dict[int, int | None] = {}  # effect trigger -> its cause's trigger
        self.located: dict[int, Location | None] = {}  # trigger -> where its event was placed
        self.negated: dict[int, bool] = {}  # trigger -> told as not having happened (``_negated``)
        self.two_sided: set[int] = set()  # verbs telling what a two-sided fight did (``_told_of_two_sided``)

    def code(self) -> list[Event]:
        triggers = self.triggers
        by_token = {t.token.i: t for t in triggers}
        governing = {t.token.i: _governing_trigger(t, by_token, self.cb) for t in triggers}
        coded = [t for t in triggers if governing[t.token.i] is None and not _any_such(t)
                 and not states_condition(t.token, self.cb) and not states_prospect(t.token, self.cb)
                 and not _describes_source(t.token, self.cb) and not _cites_agreement(t, self.cb)
                 and not _targets_participants(t, by_token, self.cb) and not _effect_of_event(t, by_token, self.cb)]
        # the act the complement clause of each event states: "vowed *to attack*" is a threat
        # ("vowed *not* to attack" is not)
        for inner in triggers:
            outer = governing[inner.token.i]
            if outer is not None:
                self.absorbed_types.setdefault(outer.token.i, set()).add(inner.entry.type)
            if (outer is not None and not any(c.dep_ == "neg" for c in inner.token.children)
                    and _complement_act(inner.token, outer.token, self.cb)):
                self.inner_types.setdefault(outer.token.i, set()).add(inner.entry.type)
        parties = {t.token.i: self.finder.find(t) for t in coded}
        types = {t.token.i: t.entry.type for t in coded}
        # no event of their own: event nouns taking up an event already coded, and effects of no
        # known cause
        uncoded = set()
        for trigger in coded:
            if trigger.nominal and not any(parties[trigger.token.i]):
                taken_up = self._antecedent_parties(trigger, parties, types)
                if any(taken_up):
                    parties[trigger.token.i] = taken_up
                    uncoded.add(trigger.token.i)
        for trigger in coded:
            if trigger.nominal and not parties[trigger.token.i][0]:
                inherited = self._inherited_actors(trigger.token, parties)
                if inherited:
                    parties[trigger.token.i] = (inherited, parties[trigger.token.i][1])
            if (trigger.nominal and not parties[trigger.token.i][1]
                    and trigger.entry.type in self.cues.means_target_types):
                parties[trigger.token.i] = (parties[trigger.token.i][0], self._means_target(trigger.token))
        parties = {t.token.i: self.finder.settle(t, *parties[t.token.i]) for t in coded}
        for trigger in coded:
            if not parties[trigger.token.i][0] and trigger.entry.type in self.cues.from_talks_types:
                parties[trigger.token.i] = (self._talks_parties(trigger, parties, types),
                                            parties[trigger.token.i][1])
        for trigger in coded:
            if not parties[trigger.token.i][0] and trigger.entry.type in self.cues.hosted_types and (
                    self._met_by_joint_body(trigger)):
                parties[trigger.token.i] = (
                    self._latest_doers(trigger.token.i, self.cues.talks_types, 0, parties, types, joint=True)[1],
                    parties[trigger.token.i][1])
        for trigger in coded:
            if not trigger.nominal and not trigger.entry.effect and not parties[trigger.token.i][0]:
                parties[trigger.token.i] = (self._subject_event_actor(trigger, by_token, parties, types),
                                            parties[trigger.token.i][1])
            if not trigger.nominal and self._told_of_two_sided(trigger, by_token):
                # "a clash near the crossing killed two Iranian guards and a Taliban fighter":
                # those a two-sided fight killed are its sides when it names none (not
                # civilians: "fighting killed about 100 people"), and it is aimed at no one
                actor, killed = parties[trigger.token.i]
                parties[trigger.token.i] = (actor or [e for e in killed if e.sector not in self.cues.befallen_sectors], [])
                self.two_sided.add(trigger.token.i)
        for trigger in coded:
            if trigger.entry.effect and not parties[trigger.token.i][0]:
                cause, doers = self._cause(trigger, by_token, parties, types)
                parties[trigger.token.i] = (doers, parties[trigger.token.i][1])
                self.causes[trigger.token.i] = cause
                if not doers:
                    uncoded.add(trigger.token.i)  # people displaced by no one known
        for trigger in coded:
            actor, recipient = parties[trigger.token.i]
            if not recipient and trigger.entry.type in self.cues.reaction_types:
                parties[trigger.token.i] = (actor, self._reaction_target(trigger, actor, parties, types))
        # "began a hunger strike to protest against Sweden's decision": a protest is aimed at
        # the target of the event its complement or purpose states
        for inner in triggers:
            outer = governing[inner.token.i]
            if (outer is not None and outer.entry.type in self.cues.recipient_from_purpose_types
                    and outer.token.i in parties and not parties[outer.token.i][1]):
                actor = parties[outer.token.i][0]
                aimed = [e for e in self.finder.find(inner)[1] if not same_side(e, actor)]
                if aimed:
                    parties[outer.token.i] = (actor, aimed)
        # "marched ..., chanting slogans against the agreement": a protest against an event is
        # aimed at that event's doers from abroad
        for trigger in coded:
            actor, recipient = parties[trigger.token.i]
            if not recipient and trigger.entry.type in self.cues.own_government_target_types:
                told = [w.i for t in _against(trigger.token) for w in t.subtree if w.i in parties]  # "the deal X signed"
                doers = [e for i in told for e in parties[i][0] if not same_side(e, actor)]
                if doers:
                    parties[trigger.token.i] = (actor, doers)
        events = [self._event(t, *parties[t.token.i]) for t in coded if t.token.i not in uncoded]
        return events + self._denied_charges(triggers, governing, parties)

    def _antecedent_parties(self, trigger: Trigger, parties: dict[int, tuple[list, list]],
                            types: dict[int, str]) -> tuple[list, list]:
        """A definite event noun with no parties of its own takes up the latest earlier event
        of its type told just before: "mediators hosted a Hamas delegation ... but *the
        meeting* ended without agreement", "telephoned Putin ... *The 40-minute call* came"."""
        noun = trigger.token
        if not _definite(noun):
            return [], []
        first = self.sentence_of[noun.i] - _ANTECEDENT_SENTENCES
        for i in sorted((i for i in parties if i < noun.i), reverse=True):
            if self.sentence_of[i] < first:
                break
            if types[i] == trigger.entry.type and parties[i][0]:
                return parties[i]
        return [], []

    def _subject_event_actor(self, trigger: Trigger, by_token: dict[int, Trigger],
                             parties: dict[int, tuple[list, list]], types: dict[int, str]) -> list:
        """The parties of the event a verb's subject names: "*the truce* appeared to be holding"
        is observed by those who agreed it (its own parties, else those of the latest earlier
        event of its type told just before)."""
        subject = trigger.token.head if predicate_of_root_noun(trigger.token) else verb_subject(trigger.token)
        if subject is None or subject.i not in by_token:
            return []
        return (self._parties_of(subject.i, by_token, parties)[0]
                or self._antecedent_parties(by_token[subject.i], parties, types)[0])

    def _told_of_two_sided(self, trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
        """A verb stating what a two-sided fight of its own type did: its subject names one
        ("*clashes* killed 12 people", "*fighting* along the border killed 100")."""
        subject = verb_subject(trigger.token)
        told = by_token.get(subject.i) if subject is not None else None
        return told is not None and told.entry.object_parties and told.entry.type == trigger.entry.type

    def _parties_of(self, i: int, by_token: dict[int, Trigger], parties: dict[int, tuple[list, list]]
                    ) -> tuple[list, list]:
        """A trigger's parties: those found for it as an event, else (one absorbed into another
        event's complement) those its own words name."""
        return parties[i] if i in parties else self.finder.find(by_token[i])

    def _cause(self, trigger: Trigger, by_token: dict[int, Trigger], parties: dict[int, tuple[list, list]],
               types: dict[int, str]) -> tuple[int | None, list]:
        """What caused what befell people (its trigger) and who did it: the event named as its
        subject or object ("*the fighting* forced thousands from their homes", "residents fled
        *the attacks*") when that names its doer, else the latest attack or coercion with a doer
        told in its sentence or the one before."""
        token = trigger.token
        named = [c for c in token.children if c.dep_ in ("nsubj", "dobj")]
        named += [o for p in token.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        for cause in named:
            doers = self._parties_of(cause.i, by_token, parties)[0] if cause.i in by_token else []
            if doers:
                return cause.i, doers
        return self._latest_doers(token.i, self.cues.displacing_types, self.sentence_of[token.i] - 1,
                                  parties, types)

    def _talks_parties(self, trigger: Trigger, parties: dict[int, tuple[list, list]],
                       types: dict[int, str]) -> list:
        """Who an agreement naming no one was sought by: the actors of the talks told before it
        in its sentence ("met for a summit that ended without agreeing to a ceasefire"); a
        host's guests may be there for someone else."""
        token = trigger.token
        return self._latest_doers(token.i, self.cues.talks_types, self.sentence_of[token.i], parties, types)[1]

    def _latest_doers(self, before: int, kinds: frozenset[str], first_sentence: int,
                      parties: dict[int, tuple[list, list]], types: dict[int, str], *,
                      joint: bool = False) -> tuple[int | None, list]:
        """The latest event of one of ``kinds`` with an actor (``joint``: of two countries or
        more), told before token ``before`` and from sentence ``first_sentence`` on: its trigger
        and its actors."""
        for i in sorted((i for i in parties if i < before), reverse=True):
            if self.sentence_of[i] < first_sentence:
                break
            doers = parties[i][0]
            if types[i] in kinds and doers and (not joint or len({e.country for e in doers}) > 1):
                return i, doers
        return None, []

    def _met_by_joint_body(self, trigger: Trigger) -> bool:
        """Whether a meeting's subject is a joint body told of before: "*the committee* is due
        to hold its first meeting", "a working group, *which* is due to meet next week"."""
        token = trigger.token
        verb = token.head if trigger.nominal and token.dep_ == "dobj" else token
        subject = verb_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        return (subject is not None and subject.lemma_.lower() in self.cues.joint_body_nouns
                and (_definite(subject) or verb.dep_ == "relcl"))

    def _issue_answered(self, trigger: Trigger) -> tuple[str, str] | None:
        """What a reaction is about when it names only the act it answers: "Eritrea dismissed
        *the demand* as baseless" is about what the demand told before was about."""
        for target in _reaction_objects(trigger):
            lemma = target.lemma_.lower()
            kinds = ({self.trigger_types[target.i]} if target.i in self.trigger_types else set()) | (
                self._kinds(lemma) if lemma in self.cues.event_anaphors else set())
            for i, event_type, issue in reversed(self.issues_told):
                if i < target.i and event_type in kinds:
                    return issue
        return None

    def _kinds(self, lemma: str) -> set[str]:
        """The event types a noun taking up an earlier event can stand for: "the measures" ->
        SANCTION, COERCE (``anaphor_types``); "the call" -> those of its event-noun entries."""
        return set(self.cues.anaphor_types.get(lemma, ())) or {
            entry.type for entry, _ in self.cb.noun_index.get(lemma, ())}

    def _reaction_target(self, trigger: Trigger, actor: list, parties: dict[int, tuple[list, list]],
                         types: dict[int, str]) -> list:
        """Whose act a reaction answers: "condemned the exercises" -> the exercises' actor;
        "dismissed the measures" -> the actor of the latest earlier event by someone else."""
        own = {e.country for e in actor}
        for target in _reaction_objects(trigger):
            if target.lower_ in RELATIVE_PRONOUNS and trigger.token.dep_ == "relcl":
                # "a ceasefire of 30 days, which Moscow turned down": the event it relates to
                target = next((a for a in trigger.token.ancestors if a.i in parties), target)
            if target.i in parties:
                found = [e for e in parties[target.i][0] if e.country not in own]
                if found:
                    return found
            lemma = target.lemma_.lower()
            anaphor = lemma in self.cues.event_anaphors or lemma in self.cb.noun_index
            if anaphor:
                # "in protest at *the cabinet* decision", "rejected *Israel's* plan": the
                # author it names, even of the reacting side's own country
                codes = {e.code for e in actor}
                authors = [c for c in target.children if c.dep_ in ("poss", "compound")]
                # "snubbed the invitation *from Kyiv*", "rejected a plan *by* the mediators"
                authors += prep_objects(target, ("from", "by"))
                named = [e for c in authors for e in self.actors.entities_for(c) if e.code not in codes]
                if named:
                    return named
            if anaphor and any(c.dep_ in ("det", "poss") for c in target.children):
                return self._answered(trigger.token.i, lemma, own, parties, types)
            done_by = self._doers_of_gerund(target, own, parties)
            if done_by:
                return done_by
        return self._provoker(trigger.token, own)

    def _doers_of_gerund(self, noun: Token, own: set, parties: dict[int, tuple[list, list]]) -> list:
        """Who did the act a definite "-ing" noun names, told before with its verb: "praised *the
        signing*" after "the government and the SDF signed an accord", "welcomed *the
        reopening*" after "the junta will reopen the border"."""
        lemma = noun.lemma_.lower()
        if not (noun.pos_ == "NOUN" and lemma.endswith("ing") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children)):
            return []
        stem = lemma[:-3]
        verbs = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
        for i in sorted((i for i in parties if i < noun.i), reverse=True):
            if self.doc[i].lemma_.lower() in verbs:
                found = [e for e in parties[i][0] if e.country and e.country not in own]
                if found:
                    return found
        return []

    def _provoker(self, token: Token, own: set) -> list:
        """Who did what a reaction follows: "Japan protested *after Chinese jets flew* close
        to its plane" -> the jets' side."""
        for clause in token.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.cues.provoking_marks
                                              for m in clause.children):
                subject = verb_subject(clause)
                named = (self.actors.entities_for(subject) or self.actors.owner_of(subject)) if subject else []
                found = [e for e in named if e.country not in own]
                if found:
                    return found
        return []

    def _answered(self, before: int, lemma: str, own: set, parties: dict[int, tuple[list, list]],
                  types: dict[int, str]) -> list:
        """The actor of the earlier event "the criticism"/"the measures"/"the statement" takes
        up: the latest one of the noun's kind (ACCUSE for "criticism", SANCTION for
        "measures"), preferring one aimed at the reacting side; then any, likewise. A speech
        noun ("the statement") is the latest thing anyone else said or did. What did not happen
        ("Minsk's failure to stop the flights") is not taken up."""
        kinds = set() if lemma in self.cues.speech_anaphors else self._kinds(lemma)
        earlier = sorted((i for i in parties if i < before and not self._negated(i)), reverse=True)
        tiers = [(kinds, True), (kinds, False)] if kinds else []
        if lemma not in self.cues.speech_anaphors:
            tiers.append((None, True))
        tiers.append((None, False))
        for wanted, aimed in tiers:
            for i in earlier:
                if wanted is not None and types.get(i) not in wanted:
                    continue
                if aimed and not own & {e.country for e in parties[i][1]}:
                    continue
                found = [e for e in parties[i][0] if e.country and e.country not in own]
                if found:
                    return found
        return []

    def _negated(self, i: int) -> bool:
        """Whether the event of trigger ``i`` is told as not having happened (classified once)."""
        if i not in self.negated:
            self.negated[i] = classify(self.doc[i], self.cb) == "negated"
        return self.negated[i]

    def _means_target(self, noun: Token) -> list:
        """Whom an act told as the means of a verb is aimed at: the verb's direct object
        ("wounded two British soldiers *in a bomb attack*" -> the soldiers)."""
        found = _clause_verb(noun)
        if found is None or found[1] != ["in"]:
            return []
        return self.finder.targets([c for c in found[0].children if c.dep_ == "dobj"])

    def _inherited_actors(self, noun: Token, parties: dict[int, tuple[list, list]]) -> list:
        """An event noun's parties from the clause that states it: "The summit ended without an
        agreement" (the summit's parties); the subject's, when the clause says the subject did
        it: "ministers walked out *in protest*", "the delegations failed to make progress on a
        ceasefire" (a light verb), "are working *towards a ceasefire*" (a goal), "negotiators
        return to Geneva *for talks*", "leaders are expected in Washington *for talks*" (a
        meeting gone to), not "Beijing held drills *since the visit*"."""
        found = _clause_verb(noun)
        if found is None:
            return []
        verb, preps = found
        for subject in verb.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.i in parties:
                actor, recipient = parties[subject.i]
                return actor + recipient
        light = is_light_verb(verb, self.cb) and set(preps) <= _AGENT_PREPS
        aimed_at = len(preps) == 1 and preps[0] in self.cues.goal_preps  # "working towards a truce"
        if light or aimed_at or preps == ["in"]:
            return self.finder.subject_of(verb)
        talks = self.trigger_types.get(noun.i) in self.cues.participants_of_types
        if talks and preps == ["for"]:
            # those sent, expected or invited somewhere for talks hold them too
            return [e for subject in verb.children if subject.dep_ in ("nsubj", "nsubjpass")
                    for e in self.actors.entities_for(subject)]
        if talks and preps and preps[-1] in self.cues.outcome_of_talks_preps and set(preps) <= {
                "of", *self.cues.outcome_of_talks_preps}:
            # "signed a declaration after months of talks": those who came out of the talks
            return self.finder.subject_of(verb)
        return []

    def _event(self, trigger: Trigger, actor: list, recipient: list) -> Event:
        token, entry = trigger.token, trigger.entry
        event_type = entry.type
        inner = self.inner_types.get(token.i, set())
        # "vowed to attack the capital" is a THREATEN, not a promise of cooperation
        event_type = next((t for k, t in entry.complement_types.items() if k in inner), event_type)
        factuality: Factuality = classify(token, self.cb, position=entry.type in self.cues.stance_types)
        if event_type != entry.type and event_type in self.cues.promised_act_types and factuality == "asserted":
            factuality = "future"  # "offered to provide drones": the aid is to come
        announcing = speech_verb(token, self.cb) if factuality in ("future", "hypothetical") else None
        if announcing is not None and event_type in self.cues.announced_concession_types:
            # "said it would reopen the border" is a concession made now; "said the crossing
            # could reopen if the truce held", one offered on a condition
            event_type = "CONCEDE"
            factuality = "asserted" if factuality == "future" else factuality
            # "a spokesman said the men would be handed over": the announcer concedes
            actor = actor or self.finder.subject_of(announcing)
        elif (factuality == "future" and announcing is not None
              and event_type in self.cues.announced_threat_types and actor and any(
                same_side(e, actor) for e in self.finder.subject_of(announcing))):
            # "a Houthi spokesman said the group would keep targeting ships": an attack its own
            # side announces is a threat made now
            event_type, factuality = "THREATEN", "asserted"
        elif factuality == "negated" and self.absorbed_types.get(token.i, set()) & entry.negated_complement_types.keys():
            # "would not rule out drone strikes": an attack kept open is a threat made
            absorbed = self.absorbed_types[token.i]
            event_type = next(t for k, t in entry.negated_complement_types.items() if k in absorbed)
            factuality = "asserted"
        elif factuality == "negated" and entry.negated_type:
            event_type, factuality = entry.negated_type, "asserted"  # "would not give up land"
        elif factuality == "negated" and event_type in self.cues.refusable_types and self._refused(token):
            event_type, factuality = "REJECT", "asserted"  # "they will not withdraw"
            refuser = self.finder.subject_of(token.head if trigger.nominal else token)  # "resume talks"
            if refuser and entry.reciprocal:
                # "not in a hurry to resume talks with Washington": the partner is refused
                recipient = recipient + [e for e in actor if not same_side(e, refuser)]
                actor = refuser
        if not actor and event_type in self.cues.stance_types:
            speaker = speech_verb(token, self.cb)
            if speaker is None and token.dep_ == "conj":
                # "Guterres said the attacks risked ... and called for a halt": the small model
                # hangs the speaker's second verb on the reported one, whose subject acts not
                speaker = speech_verb(token.head, self.cb)
            if speaker is not None:  # "X said any settlement would require ...": X's demand
                actor = self.finder.subject_of(speaker)
        elif not actor and event_type in self.cues.means_object_types:
            # "Russian troops were sent to the border": the means' owner sends them; "Washington
            # said the warships were being sent": with no owner named, whoever reports it
            means = [c for c in token.children if c.dep_ == "nsubjpass"]
            actor = [e for c in means for e in self.actors.entities_for(c) or self.actors.owner_of(c)]
            speaker = speech_verb(token, self.cb) if means and not actor else None
            if speaker is not None:
                actor = self.finder.subject_of(speaker)
        elif not actor and factuality == "negated" and (denial := denier(token, self.cb)) is not None:
            # "the interior ministry denied that any detainee had been mistreated": its side is
            # the one said to have done it
            actor = self.finder.subject_of(denial)
        elif (not actor and event_type in self.cues.authority_reported_types and not trigger.nominal
              and undergoer_subject(token, entry)):
            # "the interior ministry said 79 people had been detained", "Sri Lanka said the
            # fishermen could be freed": an authority (or a state) reporting arrests or releases
            # with no one else named makes them
            speaker = speech_verb(token, self.cb)
            reporter = self.finder.subject_of(speaker) if speaker is not None else []
            actor = [e for e in reporter if e.sector in self.cues.authority_sectors
                     or (e.sector is None and e.country == e.code)]
        sentence_index = self.sentence_of[token.i]
        sentence = self.sentences[sentence_index]
        date, precision, stated = self._date(trigger, sentence, factuality)
        published = self.article.published
        if factuality == "asserted" and not stated and _since(token):
            factuality, date, precision = "historical", None, None  # "sanctions since the invasion"
        elif factuality == "asserted" and date is not None and published is not None:
            if (published - _period_end(date, precision)).days > self.cues.historical_after_days:
                factuality = "historical"
            elif date > published:  # "the foreign ministers meet in Geneva next week"
                factuality = "future"
        issue_tokens = _issue_tokens(trigger, event_type in self.cues.issue_from_trigger_types)
        issue = find_issue(issue_tokens, self.cb) if event_type in self.cues.issue_types else None
        if issue is None and event_type in self.cues.reaction_types and event_type in self.cues.issue_types:
            issue = self._issue_answered(trigger)
        if issue is None and event_type in self.cues.from_talks_types:
            # "held border talks but failed to agree on where the line should run": what the
            # talks of the same sentence were about
            issue = next((found for i, kind, found in reversed(self.issues_told)
                          if kind == "CONSULT" and self.sentence_of[i] == sentence_index), None)
        if issue is not None:
            self.issues_told.append((token.i, event_type, issue))
        if not recipient and event_type in self.cues.recipient_from_clause_types:
            recipient = self.finder.addressee(token, actor)
        mutual = entry.reciprocal and len({e.code for e in actor}) > 1
        if event_type in self.cues.accused_in_clause_types:
            # "complained to the Security Council that Ethiopia broke international law": the
            # one the clause says did wrong, not the one told
            accused = [e for clause in token.children if clause.dep_ == "ccomp"
                       for e in self.finder.subject_of(clause) if not same_side(e, actor)]
            recipient = accused or recipient
        if not recipient and event_type in self.cues.recipient_from_complement_types and not mutual:
            # not its own subject: "Vietnam is committed to opening up" is aimed at no one; nor
            # what parties agree among themselves ("agreeing to exchange prisoners of war")
            subjects = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            complement = [t for t in issue_tokens if t.i not in subjects]
            recipient = self.finder.mentioned_in(complement, actor, first=True)
            if not recipient and event_type in self.cues.recipient_from_complement_place_types:
                recipient = self.finder.place_in(complement, actor)
        if not recipient and event_type in self.cues.target_at_premises_types:
            recipient = self.finder.at_premises(token, self.cues.premises_preps)
        modes = _modes(trigger)
        location = self.venues.stated(token, event_type, sentence, actor, recipient, leaving=entry.effect)
        self.located[token.i] = location
        if entry.effect and self.causes.get(token.i) in self.located:
            # people displaced by an attack are of the place it struck: "residents fled"
            location = self.located[self.causes[token.i]] or location
        if (not actor and event_type in self.cues.state_in_place_types and location and location.country
                and not trigger.nominal and any(c.dep_ == "nsubjpass" for c in token.children)
                and location.country not in {e.country for e in recipient if e.sector is None}):
            # "France 24 has been banned in Mali": a state bans, arrests and curfews in its land
            actor = [location.party("GOV")]
        # the other side of a meeting or a clash is one it faces too: "her foreign minister
        # telephoned the US secretary of state" is no American
        facing = recipient + ([e for e in actor if e.country] if entry.reciprocal else [])
        actor = self._localise(actor, location, local=event_type in self.cues.local_actor_types,
                               aimed_at=facing)
        codes = {e.code for e in actor}
        recipient = [e for e in self._localise(recipient, location) if e.code not in codes and not (
            event_type in self.cues.foreign_target_types and same_side(e, actor))]
        # "border guards traded fire near a canal": a clash between its actors is aimed at no place
        if (not recipient and location and location.country and not entry.reciprocal
                and token.i not in self.two_sided and (
                (event_type in self.cues.target_from_location_types and location.country not in {e.country for e in actor})
                or (event_type in self.cues.domestic_target_types and {location.country} == {e.country for e in actor}))):
            recipient = [location.party()]
        if (not recipient and location and location.country and location.country not in {e.country for e in actor}
                and (set(modes) & self.cues.host_from_location_modes
                     or event_type in self.cues.hosted_types and len({e.country for e in actor}) == 1
                     and actor[0].sector != "IGO")):
            # "arrived in Amman on a visit": the host is the government of the place visited
            recipient = [location.party("GOV")]
        if not recipient and event_type in self.cues.own_government_target_types:
            # "marched ..., chanting slogans against India": what its words are against; else
            # the actor's own government
            recipient = [e for e in self.finder.targets(_against(token)) if not same_side(e, actor)] or _own_government(actor)
        context = self._contexts(entry, sentence, actor + recipient)
        confidence = entry.confidence + (0.1 if actor else -0.15) + (0.05 if recipient else 0.0)
        mention = self._mention(token)
        happened = factuality in ("asserted", "historical")
        return Event(
            article_id=self.article.article_id,
            event_type=event_type,
            mode=modes,
            context=context,
            actor=actor,
            recipient=recipient,
            factuality=factuality,
            # A score measures what happened: a denied or planned event adds no cooperation.
            score=self.cb.score(event_type, modes) if happened else None,
            cameo_code=entry.cameo,
            location=location,
            date=date,
            date_precision=precision,
            issue=issue[0] if issue else None,
            issue_text=issue[1] if issue else None,
            confidence=round(min(0.99, max(0.05, confidence)), 3),
            rule=f"{entry.id}:{'noun' if trigger.nominal else 'verb'}:{trigger.phrase.head}",
            mentions=[mention],
        )

    def _mention(self, token: Token) -> Mention:
        sentence_index = self.sentence_of[token.i]
        sentence = self.sentences[sentence_index]
        return Mention(sentence_index=sentence_index, start_char=sentence.start_char,
                       end_char=sentence.end_char, text=sentence.text, trigger=token.text,
                       trigger_start=token.idx, trigger_end=token.idx + len(token.text))

    def _denied_charges(self, triggers: list[Trigger], governing: dict[int, Trigger | None],
                        parties: dict[int, tuple[list, list]]) -> list[Event]:
        """"Rights groups accused the army of killing civilians ... An army spokesman denied
        *the allegation*": denying a charge told before denies the act charged (samples/README.md:
        a denial is the denied act, negated), done by the denier's side to its target."""
        charged = [(outer.token.i, inner) for inner in triggers
                   if (outer := governing[inner.token.i]) is not None
                   and outer.entry.type in self.cues.charging_types and outer.token.i in parties
                   and _charged_act(inner.token, outer.token, self.cb)]
        if not charged:
            return []
        events = []
        for token in self.doc:
            if charged[0][0] > token.i or not denied_charge(token, self.cb):
                continue
            accusation, inner = [c for c in charged if c[0] < token.i][-1]
            accusers, accused = parties[accusation]
            actor = [e for e in self.finder.subject_of(token) if e.country] or accused
            own_target = self.finder.settle(inner, *self.finder.find(inner))[1]
            recipient = [e for e in own_target if not same_side(e, actor)] or accusers
            event = self._event(inner, actor, recipient)
            events.append(event.model_copy(update={
                "factuality": "negated", "score": None, "mentions": [self._mention(token)],
                "rule": f"{event.rule}+denied:{token.lemma_.lower()}"}))
        return events

    def _refused(self, verb: Token) -> bool:
        """A negated act its actor says it will not do is a refusal now (PLOVER's REJECT: "all
        rejections and refusals"): "will not withdraw", "would not meet", "won't sign" — not a
        past one that did not happen ("did not withdraw"); so is one its actor is not ready or
        willing to do ("was not in a hurry to resume talks": ``unwillingness_words``)."""
        if any(c.dep_ == "aux" and c.lower_ in self.cues.refusal_auxiliaries for c in verb.children):
            return True
        current = verb
        for _ in range(4):  # up through the act's own clause to what governs it
            if current.dep_ not in ("dobj", "pobj", "prep", "xcomp", "acl", "acomp", "attr"):
                return False
            current = current.head
            if current.lemma_.lower() in self.cues.unwillingness_words:
                return True
        return False

    def _contexts(self, entry: Entry, sentence: Span, parties: list[Entity]) -> list[str]:
        """PLOVER contexts: the entry's own, those whose words the sentence uses, and those of
        the parties' sectors (an army's attack is military). The manual codes context at
        sentence to document level, so the whole sentence counts."""
        if sentence.start not in self.sentence_contexts:  # events share sentences: read each once
            self.sentence_contexts[sentence.start] = find_contexts(list(sentence), self.cb)
        found = [*entry.context, *self.sentence_contexts[sentence.start]]
        found += [self.cb.context_sectors[e.sector] for e in parties if e.sector in self.cb.context_sectors]
        return list(dict.fromkeys(found))

    def _localise(self, entities: list[Entity], location: Location | None, local: bool = False,
                  aimed_at: list[Entity] | None = None) -> list[Entity]:
        """Give a countryless actor ("riot police", "protesters", "the army spokesman") a country,
        as coders do: a government or army the article's own country, else the one the
        sentence places the event in; anyone else, and a ``local`` event's actors, first the
        country the event is placed in ("protesters gathered outside the Japanese embassy in
        Seoul" are Korean; "insurgents raided villages in Mozambique" are Mozambican). Not the
        country the event is aimed at when it happens elsewhere: "rebels attacked a Greek-owned
        tanker off Yemen" are no Greeks. Nor is a countryless government or army of the country whose government
        or army it acts on, or the bare country: "the spokesman warned Mr Putin", "the president
        threatened action against Russia"."""
        targets = {e.country for e in aimed_at or ()}
        states = {e.country for e in aimed_at or () if e.sector in _STATE_SECTORS or e.sector is None}
        placed = location.country if location and location.country else None

        def not_aimed_at(home: str | None) -> str | None:
            return placed if home in targets and placed is not None and placed not in targets else home

        at_home = not_aimed_at(self.home_country or placed)
        where_placed = not_aimed_at(placed or self.home_country)
        if where_placed is None:  # and so at_home: both read the same two countries
            return entities
        home = where_placed if local else at_home
        state_home = home if home not in states else placed if placed not in states else None
        out = []
        for e in entities:
            # insurgents, gangs, police and crowds are of the country where they act; a
            # government or army is the article's own wherever it acts
            country = state_home if e.sector in _STATE_SECTORS else where_placed
            if e.country is None and country and e.sector and e.sector not in _UNIDENTIFIED:
                e = e.model_copy(update={"country": country, "code": country + e.sector})
            out.append(e)
        return out

    def _date(self, trigger: Trigger, sentence: Span, factuality: Factuality
              ) -> tuple[dt.date | None, DatePrecision | None, bool]:
        """The date said of this event's own clause ("met *on Friday*"), not of a clause
        around it ("called on Moscow to accept the ceasefire Kyiv agreed to *in March*"); for
        reported speech, the date of the saying ("said *on Sunday* it would resume imports");
        an undated report is of the article's news day. Also whether the article states it."""
        published = self.article.published
        if published is None:
            return None, None, False
        dated = []  # (the clause each date is said of, the date), read once
        for anchored in when.dates_in(sentence, published, prefer_future=factuality == "future"):
            span = self.doc.char_span(anchored.start_char, anchored.end_char, alignment_mode="expand")
            if span is not None:
                dated.append((_dated_word(span.root).i, anchored))
        clause = clause_of(trigger.token)
        clauses = {clause.i, trigger.token.i}
        speaker = speech_verb(trigger.token, self.cb)
        if clause.dep_ == "relcl":
            # "since February 2023, *when* Sandu accused Moscow": a clause on a date is of that date
            for _, anchored in dated:
                if anchored.start_char <= clause.head.idx < anchored.end_char:
                    return anchored.date, anchored.precision, True
        # "*On Wednesday*, officers were killed when demonstrators opened fire": a when-clause
        # happens at its main clause's time
        marks = ({c.lower_ for c in clause.children if c.dep_ in ("advmod", "mark")}
                 if clause.dep_ == "advcl" else set())
        same_time = bool(marks & self.cues.same_time_marks)
        # "declared an internal armed conflict in January 2024, *after* gunmen stormed a TV
        # station": a clause just before or after a month or year is of that period
        near_time = bool(marks & self.cues.time_preps)
        # "visited Beirut *last month* and met President Aoun": a conjoined verb shares the time
        # of the first, unless it says its own
        sharer = object_sharer(trigger.token)  # "armed and trained the SDF *since 2015*"
        if sharer is not None:
            clauses.add(sharer.i)
        if trigger.nominal:
            # "the accord the two countries *signed in 1974*": a clause on an event noun that
            # states it is of its time
            clauses |= {c.i for c in trigger.token.children if c.dep_ in ("relcl", "acl") and is_light_verb(c, self.cb)}
        for owner in (clauses, {nlp.first_conjunct(clause).i}, {speaker.i} if speaker is not None else set(),
                      {clause_of(clause.head).i} if same_time or near_time else set()):
            for said_of, anchored in dated:
                if said_of in owner and (owner is clauses or not near_time or same_time
                                         or anchored.precision in ("month", "year")):
                    return anchored.date, anchored.precision, True
        interval = _interval(trigger.token)
        if interval is not None and factuality in ("asserted", "negated"):
            head, days = interval
            base = next((a.date for said_of, a in dated if said_of == clause_of(head).i
                         and a.precision == "day"), self.news_day)
            if base is not None:
                return base - dt.timedelta(days=days), "day", True
        if factuality in ("asserted", "negated"):
            return self.news_day, "day", False  # as GDELT does: undated reports are of the news day
        return None, None, False

    def _news_day(self) -> dt.date | None:
        """The day the lede's events happened ("... on Friday"), else the publication day."""
        published = self.article.published
        if published is None:
            return None
        for sentence in self.sentences[:2]:
            for anchored in when.dates_in(sentence, published):
                if anchored.precision == "day" and 0 <= (published - anchored.date).days <= 7:
                    return anchored.date
        return published


def code_doc(doc: Doc, article: Article, actors: DocActors, places: list[Location],
             cb: Codebook | None = None, dateline: Location | None = None) -> list[Event]:
    """Events of one parsed article, one per trigger mention (before within-article dedup);
    ``dateline`` is the place of the article's dateline (``venue.read_dateline``)."""
    return DocCoder(doc, article, actors, places, cb or codebook_module.default(), dateline).code()



