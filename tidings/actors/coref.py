"""Coreference inside one article: pronouns, "the president", "the two leaders".

Precision first: a wrong actor is worse than none, so every rule resolves only when the
candidates agree on one actor, and otherwise leaves the mention unresolved.

- he/she/him/his/her: singular person mentions (named persons, singular person roles).
  In the same sentence, before the pronoun, or else in the nearest of the three previous
  sentences that has any. Among those, the subjects win; if the subjects (or, with no
  subject, all candidates) name more than one actor, nothing is resolved. An object pronoun
  never takes the subject of its own clause ("Putin told him": him is not Putin).
- they/them/their: plural mentions, groups, countries, organisations; a coordination
  ("Russia and Ukraine") counts as one plural candidate.
- it/its: a state, organisation or institution, same or previous sentence only; only a
  subject "it", a possessive "its", or an object "it" said to act ("accusing it of
  supplying"), never its clause's own subject (any other object "it" is nearly always a thing).
- who/which/that heading a relative clause: the noun the clause modifies.
- "the president"/"the leader" with no country in the phrase: earlier mentions with the same
  office (or, for "the leader"/"the minister", any office of that class). Resolved when those
  in the same or previous sentence share one country, or else when all earlier ones do.
- "the two leaders", "both sides", "the two countries": the two most recent distinct
  countries among matching mentions in the last five sentences (a rebel group is a side apart
  from its state).
- "the group", "the movement": the named armed group of the same or previous sentence (or, with
  none there, of the last three), when that is one group; "the bloc", the intergovernmental
  body so named.
- "the rebels", "the mediators", "the protesters" (a definite plural role with no owner): the
  actors of the same role named in the last five sentences ("Egyptian and Qatari mediators";
  for rebels and militants also a named armed group, "the Houthis"), those of the same or
  previous sentence first, when they are one set of actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..nlp import first_conjunct, infinitive

if TYPE_CHECKING:
    from ..model import Entity
    from .knowledge import Role
    from .resolver import NP, Resolver

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
IT_PRONOUNS = frozenset({"it", "its", "itself"})
RELATIVES = frozenset({"who", "whom", "which", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
COUNTS = {"two": 2, "both": 2, "three": 3}
PAIR_WINDOW = 5  # sentences
GROUP_WINDOW = 3  # sentences


def count_word(head: Token) -> int:
    """2 for "the two leaders"/"both sides", 3 for "the three countries", else 0."""
    for child in head.lefts:
        if child.dep_ in ("nummod", "det", "predet") and child.lower_ in COUNTS:
            return COUNTS[child.lower_]
    return 0


def pronoun(res: Resolver, tok: Token) -> NP | None:
    """The NP for a pronoun, with its antecedent's actors, or None."""
    from .resolver import NP

    word = tok.lower_
    if word in RELATIVES and tok.head.dep_ == "relcl" and tok.dep_ != "poss":
        target = res.np_for(tok.head.head)
        found = [target] if target is not None else []
        flags = dict(person=bool(target and target.person), plural=bool(target and target.plural))
    elif word in PERSON_PRONOUNS:
        found = _antecedent(res, tok, lambda np: np.person, units=False)
        flags = dict(person=True)
    elif word in PLURAL_PRONOUNS:
        found = _antecedent(
            res, tok, lambda np: (np.plural or np.org or _coordinated(res, np))
            and not np.locative, units=True)
        flags = dict(plural=True)
    elif word in IT_PRONOUNS and tok.dep_ in (*SUBJECT_DEPS, "poss"):
        # An object "it" is nearly always a thing ("urged Tehran to reverse it"): only the
        # subject "it" ("it said") and "its" ("its forces") are resolved ...
        found = _antecedent(res, tok, lambda np: np.org and not np.locative, units=False,
                            back=1)
        flags = dict(org=True)
    elif word == "it" and tok.dep_ == "dobj" and _agent_object(tok):
        # ... and an object "it" said to do something ("accusing it of supplying the RSF",
        # "urged it to stop"), which is not the clause's own subject.
        own = _subject_countries(res, tok.head)
        found = _antecedent(res, tok, lambda np: np.org and not np.locative and not (
            {e.country for e in np.entities} <= own), units=False, back=1)
        flags = dict(org=True)
    else:
        return None
    if not found:
        return None
    sides, seen = [], set()
    for np in found:
        for ent in np.entities:
            if (ent.country, ent.sector) not in seen:
                seen.add((ent.country, ent.sector))
                sides.append((ent.country, ent.sector, ent.code))
    entities = [res.entity(tok.i, tok.i + 1, *side) for side in sides]
    office = found[0].office if len(found) == 1 else None
    return NP(tok.i, tok.i, tok.i + 1, "pronoun", entities, res.sent_of[tok.i],
              office=office, **flags)


def _antecedent(res: Resolver, tok: Token, accept, units: bool, back: int = 3) -> list[NP]:
    cands = [np for np in res.order if np.head < tok.i and accept(np)]
    if not cands:
        return []
    sent = res.sent_of[tok.i]
    pool = [np for np in cands if np.sent == sent]
    if pool and tok.dep_ not in SUBJECT_DEPS and tok.dep_ != "poss":
        verb = _clause(tok)
        # nor the subject its clause takes from the one it hangs on ("Moldova ordered three
        # Russian diplomats to leave, accusing *them* of ...": not Moldova)
        own = _subject_countries(res, tok.head) - {None}
        pool = [np for np in pool
                if not (_subject(res, np) and _clause(res.doc[np.head]) == verb)
                and not (own and {e.country for e in np.entities} <= own)]
    if not pool:
        for step in range(1, back + 1):
            pool = [np for np in cands if np.sent == sent - step]
            if pool:
                break
    if not pool:
        return []
    groups = _units(res, pool) if units else [[np] for np in pool]
    subjects = [g for g in groups if any(_subject(res, np) for np in g)]
    for choice in (subjects, groups):
        if not choice:
            continue
        keys = {tuple(sorted({k for np in g for k in np.key()})) for g in choice}
        return choice[-1] if len(keys) == 1 else []
    return []


def _agent_object(tok: Token) -> bool:
    """An object said to act: "accused it of supplying", "blamed it for", "urged it to stop"."""
    verb = tok.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for") and any(
                c.dep_ == "pcomp" for c in child.children):
            return True
        if child.dep_ == "xcomp" and child.i > tok.i and infinitive(child):
            return True
    return False


def _subject_countries(res: Resolver, verb: Token) -> set[str | None]:
    """Countries of a verb's subject, through participles and conjoined verbs ("declared ...,
    accusing it of": the subject of "declared")."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                np = res.np_for(child)
                return {e.country for e in np.entities} if np else set()
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    return set()


def _units(res: Resolver, pool: list[NP]) -> list[list[NP]]:
    """Group coordinated NPs ("Russia and Ukraine") into one candidate."""
    groups: dict[int, list[NP]] = {}
    for np in pool:
        groups.setdefault(first_conjunct(res.doc[np.head]).i, []).append(np)
    return [groups[k] for k in sorted(groups, key=lambda k: groups[k][-1].head)]


def _coordinated(res: Resolver, np: NP) -> bool:
    tok = res.doc[np.head]
    return tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)


def _clause(tok: Token) -> int:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _subject(res: Resolver, np: NP) -> bool:
    tok = res.doc[np.head]
    for _ in range(4):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ not in ("appos", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _office_matches(res: Resolver, role: Role, office: str | None) -> bool:
    if office is None:
        return False
    if office == role.phrase:
        return True
    other = res.kb.roles.get(office)
    return role.group is not None and role.phrase == role.group and other is not None \
        and other.group == role.group


def same_role(res: Resolver, head: Token, role: Role):
    """(country, sector, code) for "the president": the one earlier office-holder's country."""
    from .resolver import Cue, combine

    ent = _one_country(res, head, [np for np in res.order if np.head < head.i and np.person
                                   and _office_matches(res, role, np.office)])
    if ent is None:
        return None
    cue = Cue("resolved", ent.country, ent.sector, ent.code, 0, 0)
    return combine(role.sector, role, cue)


def _one_country(res: Resolver, head: Token, cands: list[NP]) -> Entity | None:
    """The last of the earlier mentions ``cands`` when they name one country: those in this or
    the previous sentence decide, else the whole article must agree."""
    cands = [np for np in cands if any(e.country for e in np.entities)]
    near = [np for np in cands if np.sent >= res.sent_of[head.i] - 1]
    for group in (near, cands):
        countries = {e.country for np in group for e in np.entities if e.country}
        if len(countries) == 1:
            return group[-1].entities[0]
    return None


def same_body(res: Resolver, head: Token, role: Role):
    """(country, sector, code) for "the military", "the government" (a role of the article's
    own): the one country whose body so called was named before, in this or the previous
    sentence, else in the whole article ("Myanmar's military ... the military" in a story filed
    from Thailand; not "Rwandan troops ... the army" in one filed from Mozambique)."""
    from .resolver import make_code

    ent = _one_country(res, head, [np for np in res.order if np.head < head.i and np.role is not None
                                   and not np.person and np.role.phrase == role.phrase])
    if ent is None:
        return None  # none named, or two states' armies: "the army" could be either
    return ent.country, role.sector, make_code(ent.country, role.sector)


def named_group(res: Resolver, head: Token, role: Role):
    """(country, sector, code) for "the group": the one armed group named just before; for "the
    bloc" (a role of sector IGO), the one intergovernmental body."""
    here = res.sent_of[head.i]
    named_so = _names_body if role.sector == "IGO" else _names_armed_group
    cands = [np for np in res.order if np.head < head.i and np.sent >= here - GROUP_WINDOW and named_so(np)]
    near = [np for np in cands if np.sent >= here - 1]
    for found in (near, cands):
        codes = {e.code for np in found for e in np.entities}
        if len(codes) == 1:
            ent = found[-1].entities[0]
            return ent.country, ent.sector, ent.code
        if codes:
            return None  # two groups named: "the group" could be either
    return None


def _names_body(np: NP) -> bool:
    """An intergovernmental body ("the European Commission", "ECOWAS")."""
    return bool(np.entities) and all(e.sector == "IGO" for e in np.entities)


def _names_armed_group(np: NP) -> bool:
    """An armed group: "the M23 rebel group", "the Houthis", not "the APEC forum"."""
    return np.kind == "group" or _named_rebels(np) or (
        np.role is not None and np.role.group_only
        and not any(e.sector == "IGO" or e.country == "NGO" for e in np.entities))


def spoken_for(res: Resolver, head: Token):
    """(country, sector, code) for "a spokesman" with no owner: the one state body or
    organisation the subject of the sentence before is ("China's military held drills. *A
    spokesman* warned ..." -> CHNMIL)."""
    if any(c.dep_ == "prep" and c.lower_ in ("for", "of") for c in head.children):
        return None  # "a spokesman for the junta" is the junta's
    here = res.sent_of[head.i]
    subjects = [np for np in res.order if np.sent == here - 1 and _subject(res, np)
                and np.kind != "pronoun" and np.entities]
    if not subjects:
        return None
    sides = {(e.country, e.sector, e.code) for e in subjects[0].entities}
    if len(sides) != 1:
        return None
    [side] = sides
    return side if side[0] and side[1] in ("GOV", "MIL", "COP", "IGO", "REB") else None


def _named_rebels(np: NP) -> bool:
    """ "Yemen's Houthi rebels", "M23 fighters": a role phrase naming one armed group."""
    return np.kind == "role" and bool(np.entities) and all(
        e.sector == "REB" and e.country for e in np.entities)


def same_plural(res: Resolver, head: Token, role: Role):
    """[(country, sector, code)] for "the rebels"/"the mediators": the actors of the same role
    named just before ("Egyptian and Qatari mediators" -> EGYGOV, QATGOV); for an armed
    non-state role also a named armed group ("the Houthis"). Those of the same or previous
    sentence decide, else all of the last five; None when they name different actors."""
    here = res.sent_of[head.i]
    armed = role.sector == "REB"
    found: list[tuple[int, list[Entity]]] = []
    for np in res.order:
        if np.head >= head.i or np.sent < here - PAIR_WINDOW or np.kind == "pronoun":
            continue
        if np.role is not None and np.role.phrase == role.phrase:
            ents = [e for e in np.entities if e.country]
        elif armed:
            ents = [e for e in np.entities if e.sector == "REB" and e.country]
        else:
            continue
        if ents:
            found.append((np.sent, ents))
    near = [ents for sent, ents in found if sent >= here - 1]
    for group in (near, [ents for _, ents in found]):
        keys = {tuple(sorted({e.code for e in ents})) for ents in group}
        if len(keys) == 1:
            return [(e.country, e.sector, e.code) for e in group[-1]]
        if keys:
            return None  # two sets of actors: "the rebels" could be either
    return None


def _principal_states(res: Resolver, head: Token, count: int, own: set) -> dict:
    """"the two governments" told long after both were last named: the ``count`` states the
    article has named most so far, when they stand out (no tie with the next)."""
    mentions: dict[str, list[tuple[int, Entity]]] = {}
    for np in res.order:
        if np.head < head.i and not np.locative:
            for ent in np.entities:
                if ent.country in res.kb.iso3 and ent.country not in own:
                    mentions.setdefault(ent.country, []).append((np.head, ent))
    ranked = sorted(mentions.values(), key=len, reverse=True)
    if len(ranked) < count or (len(ranked) > count and len(ranked[count]) == len(ranked[count - 1])):
        return {}
    return {found[0][1].country: found[0] for found in ranked[:count]}


def pair(res: Resolver, head: Token, role: Role, count: int):
    """The ``count`` most recent distinct countries for "the two leaders"/"both sides"."""
    from .resolver import Cue, combine

    first = res.sent_of[head.i] - PAIR_WINDOW
    clause = _clause(head)
    # The speaker of "X urged both sides", "Addis Ababa was ready to resume talks with the two
    # downstream governments" is not one of them: skip the own clause and its countries.
    controlling = {clause}  # "remained ready *to resume* talks with ...": the controller's clause too
    verb = res.doc[clause]
    while verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        verb = res.doc[_clause(verb.head)]
        controlling.add(verb.i)
    own = {e.country for np in res.order
           if np.head < head.i and _clause(res.doc[np.head]) in controlling for e in np.entities}
    # the last few sentences first; else, for people, the whole article before it ("At Tuesday's
    # meeting the two ministers agreed", six sentences after the two ministers' talks were told)
    # "the two countries", "the three countries": the article's principal states when they
    # stand out, not a third state named since ("... due in Washington. The three countries
    # signed a declaration in 2015")
    chosen = _principal_states(res, head, count, own) if role.group == "country" else {}
    for start in (first, 0) if role.person else (first,):
        if len(chosen) == count:
            break
        chosen = _sides(res, head, role, count, own, clause, start)
    if len(chosen) < count and not role.person:
        chosen = _principal_states(res, head, count, own) or chosen
    if len(chosen) < count:
        return None
    sides = []
    for _, ent in sorted(chosen.values(), key=lambda found: found[0]):
        if role.group == "country":
            sides.append((ent.country, None, ent.country))
        elif role.person or role.sector is None:
            sides.append((ent.country, ent.sector, ent.code))
        else:
            sides.append(combine(role.sector, role,
                                 Cue("resolved", ent.country, None, ent.country, 0, 0)))
    return sides


def _sides(res: Resolver, head: Token, role: Role, count: int, own: set, clause: int,
           first: int) -> dict[str | None, tuple[int, Entity]]:
    """The sides "the two ministers"/"both sides" take up among mentions from sentence ``first``
    on: side -> (the mention's head, its entity), at most ``count`` of them."""
    window = [np for np in res.order if np.head < head.i and np.sent >= first
              and not np.locative and np.kind != "pronoun"
              and _clause(res.doc[np.head]) != clause]
    if role.person:
        # "the two ministers": a minister's "Sudanese counterpart" holds the same office
        cands = [np for np in window if np.person and (
            _office_matches(res, role, np.office) or np.role is not None and np.role.relational)]
        if role.group == "leader" and role.phrase == "leader":
            # "the two leaders" also takes up heads of government named without an office
            cands = cands or [np for np in window if np.person and
                              any(e.sector in ("GOV", "IGO") for e in np.entities)]
    else:
        # sides and countries are states or armed groups, not organisations
        cands = [np for np in window if any(
            e.country in res.kb.iso3 for e in np.entities)]
    cands = [np for np in cands if not {e.country for e in np.entities} & own]
    # "Thai and Cambodian officials agreed ... after talks hosted by Malaysia, but the two sides
    # failed to agree": a phrase naming just as many sides names them
    together = [np for np in cands if len({e.country for e in np.entities if e.country}) == count]
    chosen: dict[str | None, tuple[int, Entity]] = {}
    for np in reversed(together[-1:] or cands):
        for ent in np.entities:
            if not ent.country or not (role.person or ent.country in res.kb.iso3):
                continue
            # In a civil war "both sides" are the government and a rebel group of one country:
            # an armed group is a side of its own, apart from its state.
            # Not "the two governments": a rebel group is no government.
            apart = role.group != "country" and role.sector != "GOV" and ent.sector == "REB"
            side = ent.code if apart else ent.country
            if side not in chosen and len(chosen) < count:
                chosen[side] = (np.head, ent)
    return chosen
