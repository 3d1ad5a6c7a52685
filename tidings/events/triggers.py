"""Find event triggers in a parsed Doc: verbs and event nouns that a codebook entry names.

A trigger is one token (the verb, or the head noun of "drone strikes"); companion words of a
multiword phrase ("call for", "air strike") and the entry's object/modifier conditions are
checked on the dependency parse around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.events.codebook import Codebook, Entry, Phrase
from tidings.nlp import infinitive

# xcomp: "ordered advisers *to leave*" is one phrase, "order leave"
_VERB_COMPANIONS = ("prt", "prep", "dobj", "advmod", "acomp", "dative", "attr", "xcomp")
_NOUN_MODIFIERS = ("compound", "amod", "nmod", "npadvmod", "poss")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose", "where", "when"}


@dataclass(frozen=True)
class Trigger:
    token: Token
    entry: Entry
    phrase: Phrase
    nominal: bool  # an event noun ("the summit") rather than a verb ("met")

    @property
    def start_char(self) -> int:
        return self.token.idx

    @property
    def end_char(self) -> int:
        return self.token.idx + len(self.token.text)


def words(token: Token) -> set[str]:
    """The forms a token can match in the codebook: its lemma and its lower-case text."""
    return {token.lemma_.lower(), token.lower_}


def _verb_companions(token: Token) -> set[str]:
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in _VERB_COMPANIONS:
            found |= words(child)
            if child.dep_ == "prep":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        found |= words(grandchild)
        elif child.dep_ in ("advcl", "ccomp") and for_clause(child):
            found.add("for")  # "pushing for the US (to) support": "for" marks the clause
        elif child.dep_ == "advcl" and infinitive(child):
            found |= words(child)  # "have sworn to fight", misparsed as a purpose clause
    # its subject, also raised ("the truce *held*", "the truce appeared to be *holding*")
    clause = token.head if token.dep_ == "xcomp" else token
    found |= {w for c in clause.children if c.dep_ == "nsubj" for w in words(c)}
    if predicate_of_root_noun(token):
        found |= words(token.head)
    return found


def for_clause(clause: Token) -> bool:
    """A clause "for" marks, its subject the one asked: "pushing *for* the US to support"."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def predicate_of_root_noun(token: Token) -> bool:
    """A verb the small model hangs on a sentence's root noun as a participle: "The truce
    *held* on Saturday" read as "the truce (that was) held"; it is the sentence's predicate."""
    return token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.head.pos_ == "NOUN" and token.tag_ in ("VBD", "VBN")


def modifiers(token: Token) -> set[str]:
    """Lemmas modifying a noun: "drone strikes", "a general strike", "Russia's refusal"."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in _NOUN_MODIFIERS:
            found |= words(child)
            for grandchild in child.children:  # "heavy artillery shelling"
                if grandchild.dep_ in ("compound", "amod"):
                    found |= words(grandchild)
    return found


# Nouns counting what their "of" names: "exploded *a series of* bombs", "released *hundreds of*
# prisoners", "a group of protesters": the object (or the actor) is what is counted.
QUANTITY_NOUNS = frozenset({
    "series", "number", "string", "wave", "volley", "salvo", "batch", "group", "team", "unit", "band",
    "crowd", "handful", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "ten", "tens",
    "million", "millions", "score", "scores", "couple", "pair", "lot", "lots", "total", "convoy", "fleet",
    "contingent",
    # shares count too: "released half of the prisoners", "capture 90 percent of the rain"
    "percent", "percentage", "half", "majority", "portion", "bulk",
    # and the number or share words before "of": "shut *one of* the last open crossings"
    "one", "two", "three", "four", "five", "some", "several", "many", "most", "all", "both", "each",
    # and measures: "flown 60 tonnes of food into Cap-Haitien"
    "tonne", "ton", "kilogram", "kilo", "litre", "liter", "barrel", "truckload", "planeload", "sack",
    "bag", "box", "crate", "pallet", "load", "consignment"})

# In `objects`: a named organisation ("quit ECOWAS"); no lemma has an underscore.
ORGANISATION = "named_organisation"


def _organisation(token: Token) -> set[str]:
    """A named organisation: one NER tags, or an acronym ("quit ECOWAS", which the small model
    often leaves untagged)."""
    acronym = token.pos_ in ("PROPN", "NOUN") and len(token.text) >= 3 and token.text.isupper()
    return {ORGANISATION} if token.ent_type_ == "ORG" or acronym else set()


def objects(token: Token) -> set[str]:
    """What a verb acts on (dobj, passive subject, prepositional object) or a noun's "of" object."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "dative"):
            found |= words(child) | _organisation(child)
            found |= {w for c in child.conjuncts for w in words(c)}
            for grandchild in child.children:  # "send more troops" / "send aid convoys"
                if grandchild.dep_ == "compound":
                    found |= words(grandchild)
                elif (grandchild.dep_ == "prep" and grandchild.lower_ == "of"
                      and child.lemma_.lower() in QUANTITY_NOUNS):
                    found |= {w for g in grandchild.children if g.dep_ == "pobj" for w in words(g)}
                elif grandchild.dep_ == "prep" and grandchild.lower_ == "of" and child.lemma_.lower() == "state":
                    # "declared a state of emergency": the state is named by its "of" object
                    found |= {w for g in grandchild.children if g.dep_ == "pobj" for w in words(g)}
        elif child.dep_ == "oprd":  # "called the law a *devastating message*": what it is called
            found |= words(child) | {w for g in child.children if g.dep_ in ("amod", "compound")
                                     for w in words(g)}
        elif child.dep_ in ("prep", "agent"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found |= words(grandchild) | _organisation(grandchild)
                elif grandchild.dep_ == "prep":  # "walked out of the session": a two-word preposition
                    found |= {w for g in grandchild.children if g.dep_ == "pobj" for w in words(g)}
        elif child.dep_ in ("compound", "amod") and token.pos_ in ("NOUN", "PROPN"):
            found |= words(child)
    if token.dep_ in ("acl", "relcl") and not head_is_subject(token):  # "the troops sent to the border"
        found |= words(token.head)
    return found


SUBJUNCTIVE = "SUBJUNCTIVE"  # in `complements`: a that-clause in the subjunctive ("insisted X be addressed")


def _complement_heads(token: Token) -> set[str]:
    """Words opening a trigger's complements: "call *for* talks", "a call *to* end",
    "insisted *on*", "insisted that X *must*/*should* ...", or SUBJUNCTIVE."""
    found = set()
    for child in token.children:
        if child.dep_ == "prep":
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if not objects or not all(o.ent_type_ in ("DATE", "TIME") for o in objects):
                found.add(child.lower_)  # not a time: "called the closure a provocation *on Thursday*"
        elif child.dep_ == "advcl" and for_clause(child):
            found.add("for")  # "calls *for* Israel to withdraw": "for" marks the clause
        elif child.dep_ in ("acl", "ccomp", "xcomp"):
            helpers = {c.lower_ for c in child.children if c.dep_ in ("aux", "auxpass", "mark")}
            found |= helpers
            if child.left_edge.tag_ in ("WDT", "WP", "WP$", "WRB"):
                found.add(child.left_edge.lower_)  # "asked *why* the women stayed quiet"
            # "insisted that militants *leave* Syria": a present verb after a past one is no
            # indicative ("insisted they *were* innocent")
            present_after_past = child.tag_ == "VBP" and token.tag_ == "VBD"
            if (child.tag_ == "VB" or present_after_past) and not helpers - {"that"} or any(
                    c.dep_ == "auxpass" and c.tag_ == "VB" and c.lower_ == "be" for c in child.children
            ) and not helpers & {"will", "would", "can", "could", "may", "might", "to"}:
                found.add(SUBJUNCTIVE)
    return found


def head_is_subject(token: Token) -> bool:
    """A clause describing its head noun as the doer: "troops *who arrived*", "troops
    *arriving*" (not "troops *sent* to the border", "the aid *Russia halted*")."""
    if token.dep_ == "relcl":
        return any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in token.children)
    return token.dep_ == "acl" and token.tag_ == "VBG"


def ergative_use(verb: Token, entry: Entry) -> bool:
    """An ergative verb (the entry's ``ergative``) with a subject and no object, whose subject
    is the one acted on: "the crossing reopened"."""
    deps = {c.dep_ for c in verb.children}
    return (verb.lemma_.lower() in entry.ergative and "nsubj" in deps
            and not deps & {"dobj", "nsubjpass"})


def undergoer_subject(verb: Token, entry: Entry) -> bool:
    """The verb's subject is the one acted on: a passive ("79 people had been detained") or an
    ergative use ("the crossing reopened")."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) or ergative_use(verb, entry)


def subjects(token: Token) -> set[str]:
    """Who does what a verb states: its active subject, or the head noun it describes."""
    if head_is_subject(token):
        return words(token.head)
    return {w for c in token.children if c.dep_ == "nsubj" for w in words(c)}


def doers(token: Token) -> set[str]:
    """Its subjects and the agent of its passive ("was hit *by* a cholera epidemic")."""
    return subjects(token) | {w for agent in token.children if agent.dep_ == "agent"
                              for c in agent.children if c.dep_ == "pobj" for w in words(c)}


def _carrier(noun: Token) -> Token:
    """The verb that carries an event noun: "called *a strike*", "went on *strike*"."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "on":
        return noun.head.head
    return noun


def _blocked(entry: Entry, mods: set[str], token: Token) -> bool:
    for phrase in entry.not_modifiers:
        parts = phrase.split()
        if len(parts) == 1 and parts[0] in mods:
            return True
        if len(parts) > 1 and parts[-1] in words(token) and set(parts[:-1]) <= mods:
            return True
    return False


def _specificity(entry: Entry, phrase: Phrase, token: Token, nominal: bool) -> int | None:
    """How specifically ``entry`` matches ``token`` (higher wins), or None if it does not."""
    lemma = phrase.head
    mods = modifiers(token) if nominal else set()
    if phrase.extra and not set(phrase.extra) <= mods | _verb_companions(token):
        return None
    if nominal and _blocked(entry, mods, token):
        return None
    # who carries an event noun tells its kind: "unions called a strike", "dockers went on
    # strike" are labour strikes (a modifier to protest.strike), no attack (assault's not_subjects)
    carried_by = doers(_carrier(token)) if nominal else set()
    if entry.not_subjects & carried_by:
        return None
    mods |= carried_by
    # Each condition: the words the entry requires, and those found; each one met adds 2.
    conditions: list[tuple[frozenset[str] | None, set[str]]] = []
    if lemma in entry.complements or lemma in entry.not_complements:
        heads = _complement_heads(token)
        if entry.not_complements.get(lemma, frozenset()) & heads:
            return None  # "sought *to* ease tensions" is trying, not asking
        if lemma in entry.complements:
            conditions.append((entry.complements[lemma], heads))
    acted_on = objects(token)
    if not nominal and ergative_use(token, entry):
        acted_on |= {w for c in token.children if c.dep_ == "nsubj" for w in words(c)}
    if nominal:
        conditions.append((entry.required_modifiers(lemma), mods | acted_on))
        # An entry's `objects` constrain its verbs; its nouns stand alone unless it has no verbs.
        if not entry.verbs:
            conditions.append((entry.required_objects(lemma), acted_on | mods))
    else:
        if entry.not_objects & acted_on or (entry.not_subjects and entry.not_subjects & doers(token)):
            return None
        conditions.append((entry.required_objects(lemma), acted_on))
    score = len(phrase.extra)
    for required, found in conditions:
        if required is None:
            continue
        if not required & found:
            return None
        score += 2
    return score


# Names are not events: "Rapid Support Forces", "the Peace Palace".
_NAME_ENTITIES = {"ORG", "PERSON", "GPE", "NORP", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "LOC"}


def _candidate(token: Token) -> tuple[bool, bool]:
    """(is a candidate, is nominal). Attributive words are not events: "aid groups" (a noun
    modifying a noun), "the US-backed plan" (a participle modifying a noun)."""
    if token.ent_type_ in _NAME_ENTITIES:
        return False, False
    if token.pos_ == "VERB":
        return token.dep_ != "amod", False
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return True, False  # a predicate adjective states as a verb does: "is due in Seoul"
    if token.pos_ == "NOUN":
        return token.dep_ not in ("compound", "amod"), True
    return False, False


def find_triggers(doc: Doc, codebook: Codebook) -> list[Trigger]:
    """Every token that states an event, with the most specific codebook entry for it."""
    found = []
    for token in doc:
        candidate, nominal = _candidate(token)
        if not candidate:
            continue
        index = codebook.noun_index if nominal else codebook.verb_index
        best: tuple[int, Entry, Phrase] | None = None  # ties go to the earlier codebook entry
        for form in sorted(words(token)):
            for entry, phrase in index.get(form, ()):
                score = _specificity(entry, phrase, token, nominal)
                if score is not None and (best is None or score > best[0]):
                    best = (score, entry, phrase)
        if best is not None:
            found.append(Trigger(token, best[1], best[2], nominal))
    return found
