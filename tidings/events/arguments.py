"""Who acted and on whom: actor and recipient lists for a trigger, from the dependency parse.

The actors stage says which words name actors (``DocActors.entities_for``); this module says
which of them fill the event's roles: a verb's subject (or, for "refused to surrender", the
subject of the governing verb; in the passive, the "by" phrase), an event noun's possessor
("his refusal"), its actor modifier ("Russian drone strikes"), "between A and B", or the subject
of the light verb it is the object of ("Washington imposed sanctions"), or the noun itself when
it names its agents ("a group of protesters"). Recipients are direct objects (or, for an act
that is no actor, its owner: "criticised Beijing's activities") and the objects of the entry's
recipient prepositions ("sanctions on Moscow"). More patterns, each switched on by a cues.yaml
list, are described in docs/codebook.md ("More argument patterns"). ``find`` gives a trigger's
own parties, ``settle`` the final ones once the coder has added any it inherits.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from tidings.actors import DocActors
from tidings.events.codebook import Codebook, Entry
from tidings.events.factuality import is_light_verb, verb_forms
from tidings.events.triggers import (
    QUANTITY_NOUNS,
    RELATIVE_PRONOUNS,
    Trigger,
    ergative_use,
    for_clause,
)
from tidings.model import Entity, Location, same_side
from tidings.places import Geocoder

_THIRD_PARTY = "third-party"  # mode of a mediation: its actor stands between the others
_TOGETHER = ("with", "between", "among", "alongside")
_CONDITIONS = ("if", "unless")
# CAMEO 043 "host a visit": its subject is the host. The visitor is the actor and the host the
# recipient (samples/README.md; PLOVER's CONSULT).
_HOSTING = "043"
# Participles that after "be" tell the subject's own stance or engagement, not an act done to
# it: "Israel is opposed to", "Vietnam is committed to", "Serb forces were engaged in".
_STATIVE = frozenset({"opposed", "committed", "engaged", "involved", "determined", "prepared",
                      "poised", "dedicated"})
# Verbs of being in a state: their subject is in the event named after "on"/"in" ("troops
# remained on alert", "workers went on strike", "forces were engaged in ethnic cleansing").
_IN_STATE = frozenset({"be", "remain", "stay", "go", "keep"})


def _dedupe(entities: Iterable[Entity]) -> list[Entity]:
    seen: set[tuple[str | None, str | None, str]] = set()
    kept = []
    for entity in entities:
        key = (entity.country, entity.sector, entity.code)
        if key not in seen:
            seen.add(key)
            kept.append(entity)
    return kept


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of the token's prepositions among ``preps``; conjoined prepositions share
    theirs ("flights *to and from* Mali")."""
    wanted = set(preps)
    found = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in wanted:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            for conj in (c for c in prep.children if c.dep_ == "conj" and not objects):
                objects = [c for c in conj.children if c.dep_ == "pobj"]
            found += objects
    return found


def object_sharer(verb: Token) -> Token | None:
    """The next verb conjoined with an objectless one, whose object (and time) it shares: "has
    armed and *trained* the SDF since 2015" (not one with a subject of its own: "Russia attacked
    and Ukraine held the city")."""
    if _children(verb, "dobj"):
        return None
    for conj in _children(verb, "conj"):
        if conj.i > verb.i and conj.pos_ == "VERB" and not _children(conj, "nsubj", "nsubjpass"):
            return conj if _children(conj, "dobj") else None
    return None


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, following control ("refused to cede"), conjunction and relatives."""
    if depth > 6:
        return None
    # a passive's "by" names its doer; on an active verb with a subject of its own it is a
    # misparse ("summoned the ambassador over a visit *by* an American delegation")
    subjects = _children(verb, "nsubj", "csubj")
    agents = [c for prep in _children(verb, "agent") for c in prep.children if c.dep_ == "pobj"]
    if agents and not (subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS):
        return agents[0]
    if subjects:
        subject = subjects[0]
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return subject
    passive = _children(verb, "nsubjpass")
    if passive:
        if verb.lower_ in _STATIVE:
            return passive[0]  # "Israel is opposed to ...": a stance of its own
        return None  # passive without "by": the actor is not stated
    if verb.dep_ == "advcl":
        # "Addis Ababa had chosen unilateral action, he said, urging the AU to ...": a participle
        # after a quote's "he said" is the speaker's
        speaker = next((c for c in verb.head.children
                        if c.dep_ == "parataxis" and verb.head.i < c.i < verb.i), None)
        if speaker is not None and _children(speaker, "nsubj"):
            return _children(speaker, "nsubj")[0]
    if verb.dep_ == "xcomp" and _children(verb.head, "nsubjpass"):
        # "a delegation is expected to discuss", "the troops were ordered to withdraw": the one
        # expected or ordered does it
        return _children(verb.head, "nsubjpass")[0]
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp", "advmod") and verb.head.i != verb.i:
        return verb_subject(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "ended the summit without agreeing", "responded by closing the border", "stopped
        # short of announcing sanctions"
        return verb_subject(verb.head.head, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "his refusal to cede land": the noun's possessor is the subject
        owners = _children(verb.head, "poss")
        if owners:
            return owners[0]
        noun = verb.head
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
            return verb_subject(noun.head.head, depth + 1)  # "Tehran was not in a hurry to resume talks"
    return None


class ArgumentFinder:
    """Fills actor and recipient lists for triggers of one document."""

    def __init__(self, actors: DocActors, places: list[Location], codebook: Codebook) -> None:
        self.actors = actors
        self.places = places
        self.codebook = codebook
        self.cues = codebook.cues
        # "a ceasefire *in* Ukraine" is where, not whom; "sanctions *on* Moscow" is whom
        self.location_preps = codebook.cues.location_preps - {"on"}

    def _entities(self, token: Token | None) -> list[Entity]:
        if token is None:
            return []
        found = self.actors.entities_for(token)
        if not found:
            # "blamed the paramilitary Rapid Support Forces", parsed as an apposition of "the
            # paramilitary"
            for partner in _children(token, "appos"):
                found = found or self.actors.entities_for(partner)
        if all(e.country is None for e in found):
            # "European leaders, including the German chancellor and the French president"
            members = [e for member in prep_objects(token, ("including",))
                       for e in self.actors.entities_for(member)]
            found = members or found
        if not found and token.lemma_.lower() in QUANTITY_NOUNS:
            # "a group of protesters", "thousands of demonstrators"
            for member in prep_objects(token, ("of",)):
                found = self.actors.entities_for(member)
        return found

    def _place_country(self, token: Token) -> list[Entity]:
        """A place as a target ("strikes on eastern Ukraine" -> Ukraine)."""
        for place in self.places:
            if (place.start_char is not None and place.country
                    and place.start_char <= token.idx < (place.end_char or 0)):
                return [place.party()]
        return []

    def targets(self, tokens: Iterable[Token]) -> list[Entity]:
        """The parties words aimed at name ("two British soldiers" -> GBR)."""
        found: list[Entity] = []
        for token in tokens:
            if token.lemma_.lower() in QUANTITY_NOUNS and not self._entities(token):
                # "shut one of the crossings with Belarus": the things counted are the target
                token = next(iter(prep_objects(token, ("of",))), token)
            entities = self._entities(token) or self.actors.owner_of(token)
            if not entities:
                # "criticised Beijing's military activities", "welcomed Japan's decision": the
                # owner of the act is the one it is aimed at ("its participation" is the actor's)
                entities = [e for owner in _children(token, "poss") if owner.tag_ != "PRP$"
                            for e in self._entities(owner)]
            if not entities and token.pos_ == "NOUN":
                # "a camp for Congolese refugees", "the homes of opposition leaders": a thing
                # aimed at for the people it is of or for
                entities = [e for member in prep_objects(token, ("of", "for"))
                            for e in self._entities(member) if e.country]
            if not entities and token.pos_ == "NOUN":
                # "struck the Iran nuclear facility", "hit Russian oil refineries": the country
                # whose thing it is
                entities = [e for mod in _children(token, "compound", "amod", "nmod")
                            for e in self._entities(mod) if e.country]
            if not entities and token.pos_ == "NOUN":
                # "shut down eight offices *run by Serbia*": the thing's owner
                entities = [e for acl in _children(token, "acl") if acl.lemma_.lower() in self.cues.owning_verbs
                            for by in _children(acl, "agent") for owner in _children(by, "pobj")
                            for e in self._entities(owner) if e.country]
            if not entities and token.lemma_.lower() in self.cues.traffic_nouns:
                # "closed its airspace to all flights *to and from Mali*": where they go or come from
                entities = [e for end in prep_objects(token, ("to", "from")) for e in self._entities(end)
                            if e.country]
            if not entities and token.lemma_.lower() in self.cues.membership_nouns:
                # "froze its participation in the CSTO": the body one takes part in
                entities = [e for body in prep_objects(token, ("in", "of")) for e in self._entities(body)]
            if not entities and token.lemma_.lower() in self.cues.border_nouns:
                # "closed its border with Belarus": the state across it
                entities = [e for across in prep_objects(token, ("with",)) for e in self._entities(across)]
            found += entities or self._place_country(token)
        return found

    def find(self, trigger: Trigger) -> tuple[list[Entity], list[Entity]]:
        token, entry = trigger.token, trigger.entry
        if trigger.nominal:
            actor, recipient = self._nominal(token, entry)
        else:
            # "the crossing reopened": an ergative verb's subject is the one acted on
            ergative = ergative_use(token, entry)
            subject = None if ergative else verb_subject(token)
            actor = self._entities(subject)
            if not actor and subject is not None:
                actor = self.actors.owner_of(subject)
            if not actor and token.dep_ == "acl":
                actor = self._participle_actor(token)
            if not actor and subject is None:
                actor = self._passive_parties(token)
            if not actor and subject is None and entry.type in self.cues.passive_patient_types:
                actor = self._agent_of_when_clause(token)
            if actor:
                actor = actor + self._co_actors(token)
            objects = _children(token, "dative")
            if entry.type not in self.cues.means_object_types:
                # "stood by Kuwait and urged Iraq to ...": a verb aimed by its own preposition
                # shares no object
                sharer = None if prep_objects(token, entry.recipient_preps) else object_sharer(token)
                objects += _children(sharer if sharer is not None else token, "dobj")
            if _children(token, "agent") or entry.type in self.cues.passive_patient_types:
                # "was hit by drones", "79 people had been detained": the one acted on; not a
                # stative "Vietnam is committed to opening up"
                objects += _children(token, "nsubjpass")
            if ergative:
                objects += _children(token, "nsubj")
            recipient = self.targets(objects)
            if entry.type in self.cues.halted_act_types:
                # "halted their attacks on US vessels": the attacks' target
                victims = self.targets(t for obj in _children(token, "dobj")
                                       for t in prep_objects(obj, ("on", "against")))
                recipient = victims or recipient
            if not recipient:
                preps = [p for p in entry.recipient_preps if not entry.reciprocal or p not in _TOGETHER]
                recipient = self.targets(prep_objects(token, preps))
            if not recipient:
                # "suspended talks with the ELN", "cut relations with the UAE"; not "of" ("the
                # release of the crew" says what, not on whom)
                preps = [p for p in entry.recipient_preps if p != "of" and not (
                    entry.reciprocal and p in _TOGETHER)]
                recipient = self.targets(
                    t for obj in _children(token, "dobj") for t in prep_objects(obj, preps))
            if entry.cameo == _HOSTING:
                actor, recipient = self._guests(token), actor
            if entry.effect and actor and all(e.sector in self.cues.befallen_sectors for e in actor):
                actor, recipient = [], actor  # "thousands of residents fled": it befell them
        return actor, recipient

    def settle(self, trigger: Trigger, actor: list[Entity], recipient: list[Entity]
               ) -> tuple[list[Entity], list[Entity]]:
        """The final parties of a trigger from those ``find`` gave it (and any the coder then
        inherited for it): the parties of a meeting, each actor once, none also a recipient."""
        token, entry = trigger.token, trigger.entry
        if entry.reciprocal:
            # "A and B met", "talks with B": everyone present is an actor; "A met B" keeps B
            # as the one met.
            actor, recipient = self._meeting(token, actor, recipient, hosted=entry.type in self.cues.hosted_types)
            if entry.object_parties:  # "telephoned Putin": both talked
                actor, recipient = actor + recipient, []
        actor = _dedupe(actor)
        codes = {e.code for e in actor}
        recipient = [e for e in _dedupe(recipient) if e.code not in codes]
        if entry.reciprocal:
            # "Russian and Ukrainian delegations met, agreeing to exchange prisoners *of* war
            # with Ukraine": no side of a reciprocal event is also aimed at
            countries = {e.country for e in actor}
            recipient = [e for e in recipient if e.country not in countries]
        return actor, recipient

    def _co_actors(self, verb: Token) -> list[Entity]:
        """Those who act together with the subject: "quit in January *along with Burkina Faso
        and Niger*", "*together with* Niger", "*alongside* Kenyan police"."""
        joined = prep_objects(verb, ("alongside",))
        for prep in _children(verb, "prep"):
            if prep.lower_ == "along":  # "along with X": "with" hangs on "along"
                withs = _children(prep, "prep")
            elif prep.lower_ == "with" and any(c.lower_ == "together" for c in _children(prep, "advmod")):
                withs = [prep]
            else:
                continue
            joined += [obj for with_ in withs for obj in _children(with_, "pobj")]
        return [e for token in joined for member in (token, *token.conjuncts)
                for e in self._entities(member)]

    def _participle_actor(self, participle: Token) -> list[Entity]:
        """Who acts in a participle on a noun: the noun when it names actors ("protesters
        demanding reforms"); a document's issuer when the noun is one's object ("signed a bill
        *suspending* cooperation", "handed over a memorandum *demanding* a withdrawal")."""
        noun = participle.head
        own = self.actors.entities_for(noun)
        if own or participle.tag_ != "VBG" or noun.dep_ != "dobj":
            return own
        return self._entities(verb_subject(noun.head))

    def _passive_parties(self, verb: Token) -> list[Entity]:
        """A passive with no agent whose subject names its parties: "relations *between
        Washington and Caracas* have been frozen"."""
        return [e for subject in _children(verb, "nsubjpass")
                for member in prep_objects(subject, ("between", "among"))
                for e in self._entities(member)]

    def _agent_of_when_clause(self, verb: Token) -> list[Entity]:
        """Who did an act told in the passive with no agent, from a "when" clause saying how:
        "three police officers were killed *when demonstrators opened fire*"."""
        if not _children(verb, "nsubjpass"):
            return []
        for clause in _children(verb, "advcl"):
            if any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in clause.children):
                subject = verb_subject(clause)
                found = self._entities(subject) or (self.actors.owner_of(subject) if subject else [])
                if found:
                    return found
        return []

    def _meeting(self, token: Token, actor: list[Entity], recipient: list[Entity], *, hosted: bool
                 ) -> tuple[list[Entity], list[Entity]]:
        """Parties of a meeting or agreement. Those met "with" are actors too; where meetings
        have hosts (``hosted``), except a host met at home ("held talks with Ishiba in Tokyo",
        "met his Sudanese counterpart in Cairo"), a visitor ("his visiting counterpart") and a
        third party named as host ("talks mediated by Qatar"); a city in a country no party
        belongs to is the host of third-party talks ("Russian and Ukrainian delegations met in
        Istanbul")."""
        venue = self._venue(token) if hosted else None
        # "met with Ishiba", "signed an agreement with Kigali"
        partners = self.targets(prep_objects(token, _TOGETHER) + [
            t for obj in _children(token, "dobj") for t in prep_objects(obj, _TOGETHER)])
        if hosted:
            # "talks with his visiting Sudanese counterpart": the visitor is the actor, the
            # others host
            met = prep_objects(token, _TOGETHER) + _children(token, "dobj")
            guests = self.targets(t for t in met if any(c.lower_ == "visiting" for c in t.children))
            if guests:
                codes = {e.code for e in guests}
                return guests, [e for e in actor + recipient + partners if e.code not in codes]
        visitors = {e.country for e in actor}
        hosts = [e for e in partners if venue and e.country == venue.country and venue.country not in visitors]
        # "talks mediated by Qatar", "a day of talks hosted by Malaysia"
        hosts += [e for e in self._hosts_named(token) if e.country not in visitors]
        if venue is not None and venue.feature == "city" and not hosts:
            # "the Egyptian minister met his Sudanese counterpart in Cairo": the one met at home
            # is the host (not "Trump and Putin met in Anchorage", where neither is met)
            at_home = [e for e in actor if e.country == venue.country]
            guests = [e for e in partners + recipient if e.country and e.country != venue.country]
            if at_home and not guests and Geocoder.default().is_capital(venue):
                # "talks between Italy's interior minister and his Libyan counterpart in Rome":
                # a side in its own capital hosts the others
                guests = [e for e in actor if e.country and e.country != venue.country]
            if at_home and guests:
                return guests + [e for e in actor if e not in at_home and e not in guests], at_home
        actor = actor + [e for e in partners if e not in hosts]
        recipient = recipient + hosts
        parties = {e.country for e in actor + recipient}
        if venue is not None and venue.feature == "city" and len(parties) >= 2 and venue.country not in parties:
            recipient = recipient + [venue.party("GOV")]
        return actor, recipient

    def _hosts_named(self, talks: Token) -> list[Entity]:
        """The third party a participle on talks names as their host ("hosted by Malaysia",
        "Qatar-hosted talks")."""
        return [e for verb in _children(talks, "acl", "amod")
                if verb_forms(verb) & self.cues.hosting_verbs
                for agent in prep_objects(verb, ("by",)) + _children(verb, "npadvmod")
                for e in self._entities(agent)]

    def _venue(self, token: Token) -> Location | None:
        """The place a meeting is held: "in"/"at" a place, on the trigger or its light verb, or
        where those gone "for talks" are or went ("was in Chisinau for talks", "is due in Ankara
        for talks", "flew into Tripoli for talks")."""
        owners = [(token, ("in", "at")), (token.head, ("in", "at"))]
        if token.dep_ == "pobj" and token.head.lower_ == "for":
            verb = token.head.head
            owners += [(owner, ("in", "at", "to", "into")) for owner in (verb, *_children(verb, "acomp"))]
        for owner, preps in owners:
            for place_word in prep_objects(owner, preps):
                for place in self.places:
                    if (place.country and place.start_char is not None
                            and place.start_char <= place_word.idx < (place.end_char or 0)):
                        return place
        return None

    def _guests(self, host_verb: Token) -> list[Entity]:
        """Who is hosted: "hosted a Hamas delegation", "host a meeting of the two presidents"."""
        guests: list[Entity] = []
        for obj in _children(host_verb, "dobj"):
            guests += self.targets([obj]) or self.targets(
                prep_objects(obj, ("of", "between", "with")))
        return guests

    def addressee(self, token: Token, actor: list[Entity]) -> list[Entity]:
        """Who is asked or warned to act: the subject of a demand's clause ("demanded that
        Israel withdraw", "set an ultimatum for Vucic to call a vote"), else of a condition in
        it ("warned they could trigger sanctions if Iran does not resume cooperation"); never
        the speakers' own side ("rebels demanded that the Turkish government ..." is aimed at
        their government)."""
        asked = _children(token, "dobj") + prep_objects(token, ("on", "for"))
        clauses = _children(token, "ccomp", "xcomp", "acl")
        # "pushing for the US to support its plan": a for-to clause
        clauses += [c for c in _children(token, "advcl") if for_clause(c)]
        # "insisted on its demands that Burundi's government grant ...": the demand noun's clause
        clauses += [c for noun in asked for c in _children(noun, "acl")]
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and is_light_verb(token.head, self.codebook):
            clauses += _children(token.head, "ccomp")  # "reiterated its demand that Israel ease ..."
        for clause in clauses:
            conditions = [c for c in clause.subtree if c.dep_ == "advcl"
                          and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)]
            for verb in (clause, *conditions):
                for subject in _children(verb, "nsubj", "nsubjpass"):
                    found = [e for e in self._entities(subject) if not same_side(e, actor)]
                    if found:
                        return found
        # "its demand for the withdrawal of Russian soldiers": those to withdraw are asked
        doers = [e for noun in asked if noun.lemma_.lower() in self.cues.done_by_object_nouns
                 for member in prep_objects(noun, ("of",)) for e in self._entities(member)
                 if not same_side(e, actor)]
        # "demanded an immediate admission by Moscow": who is to do the act demanded
        return doers or [e for noun in asked for agent in prep_objects(noun, ("by",))
                         for e in self._entities(agent) if not same_side(e, actor)]

    def at_premises(self, token: Token, preps: Iterable[str]) -> list[Entity]:
        """Whose premises an event is held at, by the trigger or its clause's verb: "a group of
        protesters gathered *outside the Japanese embassy*" -> JPNGOV."""
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        for owner in (token, verb) if verb is not None else (token,):
            for site in prep_objects(owner, preps):
                found = self._entities(site)
                if found:
                    return found
        return []

    def place_in(self, tokens: Iterable[Token], actor: list[Entity]) -> list[Entity]:
        """The country of the first place named in an event's complement outside the actor's
        own: where what is threatened would happen ("threatened to deploy nuclear weapons *in
        Belarus*"), not what it defends ("water belonging to Pakistan")."""
        own = {e.country for e in actor}
        for token in tokens:
            found = [e for e in self._place_country(token) if e.country not in own]
            if found:
                return found
        return []

    def subject_of(self, verb: Token) -> list[Entity]:
        """The actors of a verb's subject ("his Russian counterpart said ...")."""
        return self._entities(verb_subject(verb))

    def mentioned_in(self, tokens: Iterable[Token], exclude: list[Entity], *, first: bool = False
                     ) -> list[Entity]:
        """Actors named inside an event's complement ("rejected NATO peacekeepers" -> NATO),
        not places where it happens ("a ceasefire in Ukraine"); with ``first``, only the first
        one named and those coordinated with it ("aid for Romania and Poland")."""
        taken = {e.country for e in exclude}
        found: list[Entity] = []
        wanted = list(tokens)
        for token in wanted:
            if token.dep_ == "pobj" and token.head.lower_ in self.location_preps:
                continue
            if token.dep_ == "pobj" and token.head.lower_ == "by":
                continue  # "despite warnings by aid agencies": an agent, not the one acted on
            for entity in self._entities(token) or self.actors.owner_of(token):
                if entity.country and entity.country not in taken:
                    taken.add(entity.country)
                    found.append(entity)
            if first and found:
                # "the United States and Israel": the conjuncts hang on the phrase's head, not
                # on the name word ("United") that named the first party
                phrase = token
                while phrase.dep_ == "compound" and phrase.head.i != phrase.i:
                    phrase = phrase.head
                partners = {c.i for c in phrase.conjuncts}
                return found + self.mentioned_in([t for t in wanted if t.i in partners], exclude + found)
        return found

    def _nominal(self, noun: Token, entry: Entry) -> tuple[list[Entity], list[Entity]]:
        actor: list[Entity] = []
        preps = entry.recipient_preps
        if entry.type in self.cues.source_from_types:
            # "condemnation from the United Nations": the source acts
            actor += [e for source in prep_objects(noun, ("from",)) for e in self._entities(source)]
            preps = tuple(p for p in preps if p != "from")
        for owner in _children(noun, "poss"):
            if owner.tag_ == "PRP$":
                # "Poland closed its border", "the presidents ended their summit": a possessive
                # pronoun is bound by the subject of its own clause when that names an actor.
                clause = noun.head.head if noun.head.dep_ == "prep" else noun.head
                bound = self._entities(verb_subject(clause)) if clause.pos_ in ("VERB", "AUX") else []
                if bound:
                    actor += bound
                    continue
            actor += self._entities(owner)
        agent_preps = ("by", "between", "among", *(("of",) if entry.type in self.cues.participants_of_types else ()))
        if _THIRD_PARTY in entry.mode:
            # "a mediation mission between Syria and Arafat": the parties mediated between are
            # the ones it is aimed at, not the mediator
            agent_preps = tuple(p for p in agent_preps if p not in ("between", "among"))
            preps = (*preps, "between", "among")
        for by in prep_objects(noun, agent_preps):
            actor += self._entities(by)
        if not actor:
            actor = self.actors.owner_of(noun)
        if not actor:
            for modifier in _children(noun, "compound", "amod", "nmod"):
                actor += self._entities(modifier)
        recipient = self.targets(prep_objects(noun, preps))
        if not recipient and noun.dep_ == "dobj" and verb_forms(noun.head) & self.cues.receiving_verbs:
            # "the plan drew condemnation", "Israel faced criticism": the subject receives it
            recipient = self._entities(verb_subject(noun.head))
        if not actor and noun.dep_ in ("dobj", "nsubjpass", "attr") and (
            is_light_verb(noun.head, self.codebook)
        ):
            verb = noun.head
            subject = verb_subject(verb)
            # "Russian warplanes carried out strikes": the weapons' owner
            actor = self._entities(subject) or (self.actors.owner_of(subject) if subject is not None else [])
            if not recipient:
                recipient = self.targets(prep_objects(verb, preps))
        if not actor and noun.dep_ == "pobj" and noun.head.lower_ in ("on", "in"):
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX") and (
                verb.lemma_.lower() in _IN_STATE or verb.lower_ in _STATIVE
            ):
                actor = self._entities(verb_subject(verb))  # "troops remained on alert"
        if not actor:
            actor = self._misparsed_light_verb_subject(noun)
        if not actor:
            actor = self._misparsed_agent(noun)
        if not actor:
            actor = self.actors.entities_for(noun)  # "a group of protesters": they protest
        return actor, recipient

    def _misparsed_agent(self, noun: Token) -> list[Entity]:
        """The "by" phrase spaCy hangs on the active verb of the clause instead of the event
        noun just before it: "summoned the ambassador over a *visit* to Greenland *by an
        American delegation*" (an active verb with a subject of its own has no agent)."""
        verb = noun
        while verb.dep_ in ("pobj", "prep", "dobj") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or not _children(verb, "nsubj"):
            return []
        return [e for by in _children(verb, "agent") if by.i > noun.i
                for agent in _children(by, "pobj") for e in self._entities(agent)]

    def _misparsed_light_verb_subject(self, noun: Token) -> list[Entity]:
        """"Lee Jae-myung held talks": the small model can make the light verb an adjective of
        its own object ("held talks" as "aged wine"), with the subject hanging under it."""
        for verb in _children(noun, "amod"):
            if is_light_verb(verb, self.codebook) and verb.tag_ in ("VBD", "VBN"):
                subjects = _children(verb, "nsubj")
                if subjects:
                    return self._entities(subjects[0])
        return []
