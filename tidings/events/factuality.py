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

# Dependencies that keep us inside the same proposition when walking up from a trigger.
_CLAUSE_UP = ("dobj", "pobj", "prep", "nsubjpass", "attr", "compound", "amod", "agent", "oprd")
_COMPLEMENT_UP = ("xcomp", "ccomp", "acl", "pcomp")


def _is_negated(token: Token, cb: Codebook) -> bool:
    negation = cb.cue("negation_words")
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ == "advmod" and child.lower_ in ("never",):
            return True
        if child.dep_ == "conj" and token.dep_ == "preconj":
            continue
    # "without an agreement", "nor a truce"
    return token.dep_ == "pobj" and token.head.lower_ in negation


def verb_forms(token: Token) -> set[str]:
    """Lemma and surface forms; the small model mis-lemmatises some verbs ("hopes" -> "hop")."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if token.tag_ == "VBZ" and lower.endswith("s"):
        forms.add(lower[:-1])
    return forms


def _governors(token: Token) -> list[tuple[Token, str]]:
    """The chain of heads above ``token`` within its sentence, with the dependency crossed."""
    chain = []
    current = token
    while current.head.i != current.i:
        chain.append((current.head, current.dep_))
        current = current.head
    return chain


def classify(token: Token, cb: Codebook, *, prefer_past: bool = False) -> Factuality:
    """The factuality of the event stated by ``token`` (before date-based 'historical')."""
    if _is_negated(token, cb):
        return "negated"
    negating = cb.cue("negating_governors")
    future_gov = cb.cue("future_governors")
    future_aux = cb.cue("future_auxiliaries")
    hypo_marks = cb.cue("hypothetical_marks")
    hypo_aux = cb.cue("hypothetical_auxiliaries")
    hypo_gov = cb.cue("hypothetical_governors")
    speech = cb.cue("speech_verbs")
    future_mods = cb.cue("future_modifiers")

    if any(c.dep_ in ("amod", "compound") and c.lower_ in future_mods for c in token.children):
        return "future"

    verdict: Factuality | None = None
    clause = token  # the verb (or noun) whose auxiliaries and marks apply to this event
    for head, dep in [(token, "self"), *_governors(token)]:
        if dep in ("conj", "advcl", "relcl", "parataxis") or (dep == "ccomp" and head.lemma_ in speech):
            break  # another proposition, or reported speech which keeps its own factuality
        if head.i != token.i:
            if dep in _COMPLEMENT_UP and verb_forms(head) & negating:
                return "negated"
            if dep in _CLAUSE_UP and _is_negated(head, cb) and head.pos_ in ("VERB", "AUX"):
                return "negated"
            if dep in _COMPLEMENT_UP and verb_forms(head) & future_gov:
                verdict = verdict or "future"
            if dep in _COMPLEMENT_UP and verb_forms(head) & hypo_gov:
                verdict = verdict or "hypothetical"
        clause = head
        for child in clause.children:
            if child.dep_ == "mark" and child.lower_ in hypo_marks:
                return "hypothetical"
            if child.dep_ == "aux":
                if child.lower_ in future_aux:
                    verdict = verdict or "future"
                elif child.lower_ in hypo_aux:
                    verdict = verdict or "hypothetical"
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in hypo_marks for m in child.children
            ) and clause.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ in hypo_aux | future_aux for a in clause.children
            ):
                return "hypothetical"  # "X could impose sanctions if talks fail"
        if clause.pos_ in ("VERB", "AUX") and dep not in _CLAUSE_UP and head.i != token.i:
            break
    return verdict or "asserted"
