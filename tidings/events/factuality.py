"""Factuality: did the event happen, is it denied, planned, conditional or in the past?

PLOVER proposes auxiliary modes (negation, future, hypothetical, historical) that no coder had
implemented; tidings keeps them in the event's ``factuality``. The cues are data
(data/codebook/cues.yaml). Rules look at the trigger and the clauses that govern it:
"did not yield a deal", "ended without a ceasefire", "failed to reach", "will brief",
"hopes to facilitate", "could impose ... if", "since the 2022 invasion".
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.codebook import Codebook
from tidings.model import Factuality
from tidings.nlp import first_conjunct, infinitive

# Dependencies that keep us inside the same proposition when walking up from a trigger.
_CLAUSE_UP = ("dobj", "pobj", "prep", "nsubjpass", "attr", "compound", "amod", "agent", "oprd")
_COMPLEMENT_UP = ("xcomp", "ccomp", "acl", "pcomp")


def _is_negated(token: Token, cb: Codebook) -> bool:
    negating_subjects = cb.cues.negating_subjects
    for child in token.children:
        if _negator(child) or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "preconj") and child.lower_ in negating_subjects:
            return True  # "neither announced a deal"
    # "the session did not take place", "talks have not resumed": an event said not to occur
    if token.dep_ == "nsubj" and _occurrence(token.head, cb) and any(_negator(c) for c in token.head.children):
        return True
    # "without an agreement", "without agreeing to a ceasefire"
    return token.dep_ in ("pobj", "pcomp") and token.head.lower_ in cb.cues.negation_words


def _negator(child: Token) -> bool:
    """A word negating the verb it hangs on: "not", "n't", "never"."""
    return child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never")


def _occurrence(verb: Token, cb: Codebook) -> bool:
    """A verb saying that its subject event happens ("take place", "go ahead", "resume")."""
    forms = verb_forms(verb)
    phrases = {f"{form} {c.lower_}" for form in forms for c in verb.children if c.dep_ in ("dobj", "prt", "advmod")}
    return bool((forms | phrases) & cb.cues.occurrence_verbs)


def speech_verb(token: Token, cb: Codebook) -> Token | None:
    """The verb of saying whose complement states ``token`` ("said Ukraine would not ...")."""
    speech = cb.cues.speech_verbs
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return None
        if current.dep_ in ("ccomp", "parataxis") and verb_forms(current.head) & speech:
            return current.head
        if current.dep_ in ("conj", "advcl", "relcl"):
            return None
        current = current.head
    return None


def verb_forms(token: Token) -> set[str]:
    """Lemma and surface forms; the small model mis-lemmatises some verbs ("hopes" -> "hop",
    "staged" -> "stag"), so a regular inflection's stem candidates count too."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if token.tag_ == "VBZ" and lower.endswith("s"):
        forms.add(lower[:-1])
    if token.tag_ in ("VBD", "VBN") and lower.endswith("ed"):
        forms |= {lower[:-1], lower[:-2]}  # "staged" -> stage, "called" -> call
    return forms


def is_light_verb(token: Token, cb: Codebook) -> bool:
    """A verb whose object noun is the event ("imposed sanctions", "staged demonstrations")."""
    return bool(verb_forms(token) & cb.cues.light_verbs)


def states_condition(token: Token, cb: Codebook) -> bool:
    """The trigger is in a condition clause of another clause ("would meet him *if* he gave them
    a veto", "*unless* Israel rescinded the annexation", "*if* cooperation founders") or in a
    wish ("welcomed the statement as proof of a wish *for* a settlement to be reached"): neither
    is an event of its own (cues.yaml ``condition_marks``, ``wish_marks``)."""
    clause = token
    for _ in range(6):  # up from a noun to the verb of its clause
        if clause.pos_ in ("VERB", "AUX") or clause.dep_ not in (*_CLAUSE_UP, "nsubj"):
            break
        clause = clause.head
    if clause.dep_ == "mark":  # misparsed "if cooperation by all parties founders": a noun under "if"
        return clause.lower_ in cb.cues.condition_marks
    if clause.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if marks & (cb.cues.condition_marks | cb.cues.wish_marks):
        return True
    # "before they demobilize", "before assistance is released": a condition; "before they
    # withdrew" is a past fact
    return bool(marks & cb.cues.unpast_condition_marks) and not _past(clause)


def states_prospect(token: Token, cb: Codebook) -> bool:
    """The trigger is a danger someone faces or a prospect, not an event: "they *face*
    imprisonment", "*at risk of* attack", "*risking* arrest", "a favourable *climate for*
    peace talks" (cues.yaml ``risk_words``, ``prospect_nouns``)."""
    token = first_conjunct(token)  # "face imprisonment, homelessness and persecution"
    risk = cb.cues.risk_words
    if token.dep_ in ("dobj", "xcomp"):
        return bool(verb_forms(token.head) & risk)
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in risk
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        return token.head.head.lemma_.lower() in cb.cues.prospect_nouns
    return False


def _past(verb: Token) -> bool:
    """Whether a verb is in the past tense ("was planned", "were due")."""
    return any(t.tag_ == "VBD" for t in (verb, *verb.children) if t.i == verb.i or t.dep_ in ("aux", "auxpass"))


def _governors(token: Token) -> list[tuple[Token, str]]:
    """The chain of heads above ``token`` within its sentence, with the dependency crossed."""
    chain = []
    current = token
    while current.head.i != current.i:
        chain.append((current.head, current.dep_))
        current = current.head
    return chain


def _in_denied_report(token: Token, cb: Codebook) -> bool:
    """What denied reports or claims tell did not happen: "Ankara denied reports that it had
    sent soldiers", "denied claims of an attack"."""
    for head, _ in _governors(token)[:4]:
        if head.lemma_.lower() in cb.cues.content_nouns:
            return head.dep_ == "dobj" and bool(verb_forms(head.head) & cb.cues.negating_governors)
    return False


def _told_apart(clause: Token, governor: Token) -> bool:
    """"Baku accused Russian officers of beating them; Moscow denied that any force had been
    used": the small model hangs the clause before a semicolon on the verb after it, which
    neither denies nor reports it."""
    low, high = sorted((clause.i, governor.i))
    return any(t.text == ";" and t.head.i == governor.i for t in governor.doc[low:high])


def denier(token: Token, cb: Codebook) -> Token | None:
    """The verb denying the event stated by ``token`` ("the ministry *denied* that any detainee
    had been mistreated"), or None."""
    current = token
    for _ in range(6):
        if current.head.i == current.i or current.dep_ in ("conj", "advcl", "relcl"):
            return None
        if current.dep_ in _COMPLEMENT_UP and verb_forms(current.head) & cb.cues.denying_verbs:
            return None if _told_apart(current, current.head) else current.head
        current = current.head
    return None


def denied_charge(verb: Token, cb: Codebook) -> bool:
    """A denial of a charge that states no content of its own, so taking up one told before:
    "an army spokesman *denied the allegation*", "a charge Phnom Penh *denied*" (not "denied
    reports that its soldiers had scuffled", whose own clause tells what is denied)."""
    if not verb_forms(verb) & cb.cues.denying_verbs:
        return False
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + [
        c for c in (_subject_charge(verb, cb),) if c is not None]
    if verb.dep_ == "relcl":
        nouns.append(verb.head)
    return any(n.lemma_.lower() in cb.cues.content_nouns and not any(
        c.dep_ in ("acl", "ccomp", "prep") or (c.dep_ == "relcl" and c.i != verb.i) for c in n.children)
        for n in nouns)


def _subject_charge(verb: Token, cb: Codebook) -> Token | None:
    """"accused Cambodian troops of laying mines, *a charge* Phnom Penh denied": the small
    model parses the charge as the denial's subject (or a compound on it: "a charge Algiers
    has denied")."""
    for subject in verb.children:
        if subject.dep_ == "nsubj":
            for word in (subject, *(c for c in subject.children if c.dep_ == "compound")):
                if word.lemma_.lower() in cb.cues.content_nouns:
                    return word
    return None


def _denies_a_charge(verb: Token, cb: Codebook) -> bool:
    """The accusation the small model makes the complement of a denial of "a charge" is not
    denied: only the charge is."""
    return _subject_charge(verb, cb) is not None


def classify(token: Token, cb: Codebook, *, position: bool = False) -> Factuality:
    """The factuality of the event stated by ``token`` (before date-based 'historical').

    ``position``: the event is a verbal position (a demand, a refusal); reported with "would" or
    "will" it is taken now, so it is asserted ("said any settlement would require ...").
    """
    verdict, final = _modal_factuality(token, cb)
    if (position and not final and verdict in ("future", "hypothetical")
            and speech_verb(token, cb) is not None):
        return "asserted"
    return verdict


def _modal_factuality(token: Token, cb: Codebook) -> tuple[Factuality, bool]:
    """The factuality, and whether it is final (negation, a condition) or only modal."""
    if _is_negated(token, cb) or _in_denied_report(token, cb):
        return "negated", True
    negating = cb.cues.negating_governors
    future_gov = cb.cues.future_governors
    future_aux = cb.cues.future_auxiliaries
    hypo_marks = cb.cues.hypothetical_marks
    hypo_aux = cb.cues.hypothetical_auxiliaries
    hypo_gov = cb.cues.hypothetical_governors
    speech = cb.cues.speech_verbs
    future_mods = cb.cues.future_modifiers

    if any(c.dep_ in ("amod", "compound") and c.lower_ in future_mods for c in token.children):
        return "future", False
    if token.dep_ == "xcomp" and token.head.lemma_ == "be" and infinitive(token):
        return "future", False  # "a final agreement is to be signed"
    if token.dep_ == "acomp" and verb_forms(token) & future_gov and not _past(token.head):
        return "future", False  # "is due in Seoul next week": a trip to come
    owner = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ in ("dobj", "pobj"):
        if verb_forms(owner) & cb.cues.future_object_governors or (
                token.dep_ == "pobj" and token.head.lower_ in cb.cues.goal_preps):
            return "future", False  # "is preparing new sanctions", "working towards a ceasefire"
        if verb_forms(owner) & cb.cues.hypothetical_object_governors:
            return "hypothetical", False  # "is considering sanctions"
        due = any(c.dep_ == "acomp" and verb_forms(c) & cb.cues.future_governors for c in owner.children)
        if token.dep_ == "pobj" and token.head.lower_ == "for" and due and not _past(owner):
            return "future", False  # "are due in Batken on Monday for talks"

    verdict: Factuality | None = None
    clause = token  # the verb (or noun) whose auxiliaries and marks apply to this event
    for head, dep in [(token, "self"), *_governors(token)]:
        if dep == "advcl" and infinitive(clause) and not _past(head) and any(
                c.dep_ == "acomp" and verb_forms(c) & future_gov for c in head.children):
            return verdict or "future", False  # "is due in Washington next week *to discuss* ..."
        if dep in ("conj", "advcl", "relcl", "parataxis") or (dep == "ccomp" and head.lemma_ in speech):
            break  # another proposition, or reported speech which keeps its own factuality
        if dep == "pobj" and head.lower_ in cb.cues.time_preps | cb.cues.cause_preps:
            break  # "agreed to reopen crossings *after* a day of talks": the talks are a fact
        if head.i != token.i:
            if dep in ("nsubj", "nsubjpass") and token.pos_ == "NOUN" and not _past(head) and (
                    verb_forms(head) & future_gov or any(
                        c.dep_ in ("acomp", "xcomp") and verb_forms(c) & future_gov for c in head.children)):
                # "a summit is planned for next month", "the talks are due to resume"; not "the
                # attack was planned by ..."
                verdict = verdict or "future"
            if dep in _COMPLEMENT_UP and _told_apart(clause, head):
                break
            if (dep in _COMPLEMENT_UP and verb_forms(head) & negating
                    and not _denies_a_charge(head, cb)):
                return "negated", True
            if dep == "xcomp" and head.lemma_ in ("have", "be") and any(
                    c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
                return "negated", True  # "have yet to agree on its text": not (yet) happened
            if dep == "prep" and cb.cues.negating_prep_heads.get(head.lemma_) == clause.lower_:
                return "negated", True
            if dep in _CLAUSE_UP and _is_negated(head, cb) and head.pos_ in ("VERB", "AUX") \
                    and not verb_forms(head) & cb.cues.opaque_to_negation:
                return "negated", True
            if dep in _COMPLEMENT_UP and verb_forms(head) & future_gov:
                if _is_negated(head, cb):
                    return "negated", True  # "does not plan to attack": no such plan
                verdict = verdict or "future"
            if dep in _COMPLEMENT_UP and verb_forms(head) & hypo_gov:
                verdict = verdict or "hypothetical"
        clause = head
        for child in clause.children:
            if child.dep_ == "mark" and child.lower_ in hypo_marks:
                return "hypothetical", True
            if child.dep_ == "aux":
                if child.lower_ in future_aux or (
                        child.lower_ == "would" and speech_verb(clause, cb) is not None):
                    # reported "would" is a past "will": "said he would brief ..."
                    verdict = verdict or "future"
                elif child.lower_ in hypo_aux:
                    verdict = verdict or "hypothetical"
        # "X could impose sanctions if talks fail"; "could ask the Council to intervene if ...",
        # where the small model hangs the condition on the complement verb
        conditions = [c for c in clause.children if c.dep_ == "advcl"] + [
            c for x in clause.children if x.dep_ == "xcomp" for c in x.children if c.dep_ == "advcl"]
        if clause.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ in hypo_aux | future_aux for a in clause.children) and any(
                m.dep_ == "mark" and m.lower_ in hypo_marks for c in conditions for m in c.children):
            return "hypothetical", True
        if clause.pos_ in ("VERB", "AUX") and dep not in _CLAUSE_UP and head.i != token.i and not (
                dep in _COMPLEMENT_UP and verb_forms(head) & (future_gov | hypo_gov)):
            break  # a verb's own clause ends the chain, but an intention's is the event's too:
            # "denied that Addis Ababa *intended* to station troops" denies the stationing
    return verdict or "asserted", False
