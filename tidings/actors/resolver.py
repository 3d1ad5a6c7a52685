"""Resolve the actors of a parsed Doc: each noun phrase that names an actor becomes an ``NP``.

One left-to-right pass over the tokens, so every possessor, pronoun and earlier mention is
resolved before a later phrase needs it. Persons are bound to a country and office first, from
their own phrase or an apposition anywhere in the article ("Ukrainian President Volodymyr
Zelensky", "Zelensky, Ukraine's president,"): a later bare "Zelensky" resolves the same.
Coreference (pronouns, "the president", "the two leaders") is in ``coref.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.attrs import POS, TAG
from spacy.tokens import Doc, Span, Token

from ..model import Entity
from ..nlp import first_conjunct, sentence_of
from . import coref
from .knowledge import ActorKnowledge, Role, norm
from .names import NameSpan, find_names, surname_at

# Dependents that modify a noun inside its phrase: they give cues, they are not phrases.
MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Everything left of a head that belongs to its phrase (for the mention's extent).
LEFT_DEPS = MOD_DEPS | {"det", "poss", "nummod", "predet", "quantmod", "case", "punct"}
# Prepositions whose object, after a noun, is a party of it ("relations between A and B").
RELATIONAL = frozenset({"between", "among"})
# Prepositions whose object is a place, not an actor ("talks in Moscow").
LOCATIVE = frozenset({
    "in", "at", "near", "outside", "inside", "around", "across", "from", "into", "toward",
    "towards", "through", "within", "throughout", "via", "beyond", "over", "along", "off",
    "onto", "past", "between", "among",
})
ARMED = frozenset({"MIL", "REB", "UAF", "PRM"})
# Named entities whose own words make a role noun inside them something else
# ("Syrian Democratic Forces" is not SYRMIL).
OPAQUE_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
_PRONOUN_TAGS = ("PRP", "PRP$", "WP", "WDT")  # pronouns the parser may tag with another POS


def make_code(country: str | None, sector: str | None, given: str | None = None) -> str:
    """CAMEO-style code: country + sector; the sector alone when the country is unknown."""
    if country is None:
        return sector or "UNK"
    if sector is None or sector == "IGO":
        return given or country
    return country + sector


@dataclass
class Cue:
    """Who owns a phrase: a country, capital, organisation or person named inside it."""

    kind: str
    country: str | None
    sector: str | None
    code: str
    start: int  # token span of the cue's own words
    end: int


@dataclass
class NP:
    """One actor noun phrase: tokens ``start:end`` headed by ``head``."""

    head: int
    start: int
    end: int
    kind: str
    entities: list[Entity]
    sent: int
    role: Role | None = None
    office: str | None = None  # role phrase of a person or role mention ("president")
    person: bool = False  # a singular person: "he"/"she" may refer to it
    plural: bool = False
    org: bool = False  # a state, organisation or institution: "it" may refer to it
    locative: bool = False  # a place here ("in Ukraine"): not an antecedent

    def key(self) -> tuple:
        return tuple(sorted({(e.country or "", e.sector or "") for e in self.entities}))


@dataclass
class Binding:
    """What an article says about a person: country, sector, office."""

    country: str | None
    sector: str | None
    office: str | None
    at: int  # token index where it was learned


@dataclass
class _Match:
    value: Any  # a Role (roles table) or a sector (owned table)
    start: int  # first token of the phrase
    of_end: int | None  # end of an "of ..." the phrase took in ("minister of defence")

    @property
    def role(self) -> Role:
        return self.value


class Resolver:
    """The per-document state: names, bindings and the NPs found so far."""

    def __init__(self, doc: Doc, kb: ActorKnowledge) -> None:
        self.doc = doc
        self.kb = kb
        self.sent_of = sentence_of(doc)
        self.spans = find_names(doc, kb)
        self.span_at: dict[int, NameSpan] = {
            i: span for span in self.spans for i in range(span.start, span.end)}
        self.ent_at: dict[int, Span] = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.bindings: dict[str, list[Binding]] = {}
        self.nps: dict[int, NP] = {}
        self.order: list[NP] = []
        self._learn_bindings()
        self.at = -1  # the token the pass is at
        for i in self._candidates():
            self.at = i
            token = doc[i]
            np = self._visit(token)
            if np is not None and np.entities:
                self.nps[token.i] = np
                self.order.append(np)

    def _candidates(self) -> list[int]:
        """The tokens ``_visit`` may make an NP of: names, pronouns and nouns, in order. Read
        from the POS and tag arrays, so that no Token object is built for the other words."""
        strings = self.doc.vocab.strings
        pos_ids = {strings[p] for p in ("PRON", "NOUN", "PROPN")}
        tag_ids = {strings[t] for t in _PRONOUN_TAGS}
        return [i for i, (pos, tag) in enumerate(self.doc.to_array([POS, TAG]).tolist())
                if pos in pos_ids or tag in tag_ids or i in self.span_at]

    # ----------------------------------------------------------------- lookups

    def np_for(self, token: Token) -> NP | None:
        np = self.nps.get(token.i)
        if np is None and token.i in self.span_at:
            np = self.nps.get(self.span_at[token.i].root)
        return np

    def entity(self, start: int, end: int, country: str | None, sector: str | None,
               code: str | None = None) -> Entity:
        span = self.doc[start:end]
        return Entity(text=span.text, country=country, sector=sector,
                      code=code or make_code(country, sector),
                      start_char=span.start_char, end_char=span.end_char)

    def countries(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for span in self.spans:
            if self._stance(span):
                continue  # "an anti-Syria journalist" says nothing of where the story is
            if span.entry is not None and span.entry.country in self.kb.iso3:
                counts[span.entry.country] += 1
            elif span.entry is None:
                np = self.nps.get(span.root)
                for ent in np.entities if np else []:
                    if ent.country in self.kb.iso3:
                        counts[ent.country] += 1
        return counts

    # ----------------------------------------------------------------- the pass

    def _visit(self, token: Token) -> NP | None:
        span = self.span_at.get(token.i)
        if span is not None:
            if token.i != span.root or _modifier(token):
                return None  # inside a name, or a name modifying a noun: a cue only
            return self._name_np(token, span)
        if token.pos_ == "PRON" or token.tag_ in _PRONOUN_TAGS:
            return coref.pronoun(self, token)
        if token.pos_ in ("NOUN", "PROPN") and not _modifier(token):
            return self._role_np(token) or self._people_np(token)
        return None

    def _people_home(self, head: Token) -> Cue | None:
        """The country a people lives in, as event coders code ethnic groups: a demonym or
        country modifying it ("Bosnian Serbs", "Iraqi Kurds", "Kosovo Albanians") or "of"/"in"
        a country after it ("the Albanians of southern Serbia"). The cue's ``end`` is where
        the phrase ends."""
        for mod in head.lefts:
            span = self.span_at.get(mod.i)
            if mod.dep_ in MOD_DEPS and span is not None and span.kind in ("demonym", "country") \
                    and not self._stance(span):
                cue = self._span_cue(span, prepass=False)
                if cue is not None:
                    return cue
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        cues = self._object_cues(obj, prepass=False, places=True)
                        if cues and cues[0].kind == "country":
                            cue = cues[0]
                            cue.end = obj.right_edge.i + 1
                            return cue
        return None

    def _people_np(self, head: Token) -> NP | None:
        """A people the parser calls NORP, with no demonym entry of its own, named with the
        country it lives in: "Iraqi Kurds" IRQCVL, "Kurds in Iraq"."""
        if head.ent_type_ != "NORP" or head.tag_ not in ("NNS", "NNPS"):
            return None
        home = self._people_home(head)
        if home is None:
            return None
        start, end = self._extent(head)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)
        return self._new_np(head, "demonym", start, max(end, home.end),
                            [(home.country, None if definite else "CVL", None)], plural=True)

    def _extent(self, head: Token) -> tuple[int, int]:
        start = head.i
        for child in head.lefts:
            if child.dep_ in LEFT_DEPS:
                start = min(start, child.left_edge.i)
        return start, head.i + 1

    def _new_np(self, head: Token, kind: str, start: int, end: int,
                sides: list[tuple[str | None, str | None, str | None]], **flags: object) -> NP:
        entities = [self.entity(start, end, c, s, code) for c, s, code in sides]
        return NP(head.i, start, end, kind, entities, self.sent_of[head.i], **flags)

    # ----------------------------------------------------------------- names

    def _name_np(self, token: Token, span: NameSpan) -> NP | None:
        start, end = self._extent(token)
        start, end = min(start, span.start), max(end, span.end)
        entry = span.entry
        if span.kind == "person":
            side = self.person_side(span)
            if side is None:
                return None
            country, sector, office = side
            # A listed official of an organisation keeps its code: Grossi is the IAEA's, IAE.
            listed = entry is not None and (entry.country, entry.sector) == (country, sector)
            code = entry.code if listed and entry is not None else None
            return self._new_np(token, "person", start, end, [(country, sector, code)],
                                office=office, person=True)
        assert entry is not None
        if _dateline(self.doc, span):
            return None  # "TEHRAN (Reuters) —": where the story was filed
        if entry.kind == "region" and entry.sector is None:
            return None  # a region is a place ("strikes on Gaza") that owns roles ("Gaza's health ministry")
        locative = _locative(token)
        if entry.kind == "capital":
            if locative or _followed_by_state(token):
                return None  # a place here, or "Washington state"
            return self._new_np(token, "capital", start, end,
                                [(entry.country, entry.sector, entry.code)], org=True)
        if entry.kind == "demonym":
            # "the Russians" is the Russian side; "two Americans" are civilians.
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)
            sector = None if definite else "CVL"
            country: str | None = entry.country
            if any(norm(c.text) in self.kb.ethnic for c in token.lefts):
                # "ethnic Albanians" in Serbia: an ethnic group, not Albania; with no country
                # of its own the event coder places it where the event is
                country, sector = None, "CVL"
            home = self._people_home(token)
            if home is not None:
                country, end = home.country, max(end, home.end)
            if not definite:
                sector = self._elided_role_sector(token) or sector
            return self._new_np(token, "demonym", start, end, [(country, sector, None)],
                                plural=True)
        plural = entry.plural or token.tag_ in ("NNS", "NNPS")
        # "the United Arab Emirates", "the Philippines": plural in form, a state ("it") in use
        state = entry.kind == "country"
        np = self._new_np(token, entry.kind, start, end,
                          [(entry.country, entry.sector, entry.code)],
                          plural=plural, org=state or not plural, locative=locative)
        return self._with_coordinated_modifier(token, np)

    # ----------------------------------------------------------------- persons

    def person_side(self, span: NameSpan) -> tuple[str | None, str | None, str | None] | None:
        """(country, sector, office) of a person mention, or None for an unknown person."""
        words = self.doc[span.start:span.end]
        keys = [norm(words.text), norm(self.doc[surname_at(self.doc, span.start, span.end)].text)]
        binding = self._binding(keys, span.root)
        leader = span.entry if span.entry is not None and span.entry.kind == "person" else None
        if leader is None and binding is None:
            return None
        if binding is None:
            assert leader is not None
            return leader.country, leader.sector, leader.role
        same = leader is not None and (binding.country in (None, leader.country))
        country = binding.country or (leader.country if same and leader else None)
        sector = binding.sector or (leader.sector if same and leader else None)
        office = binding.office or (leader.role if same and leader else None)
        if country is None and sector is None:
            return None
        return country, sector, office

    def _binding(self, keys: list[str], at: int) -> Binding | None:
        for key in keys:
            found = self.bindings.get(key)
            if found:
                before = [b for b in found if b.at <= at]
                return before[-1] if before else found[0]
        return None

    def _learn_bindings(self) -> None:
        """Bind each person with a role or country in their phrase or an apposition."""
        for span in self.spans:
            if span.kind != "person":
                continue
            head = self.doc[span.root]
            side = self._person_context(head, span)
            if side is None:
                continue
            words = self.doc[span.start:span.end]
            binding = Binding(*side, at=span.root)
            surname = self.doc[surname_at(self.doc, span.start, span.end)]
            for key in {norm(words.text), norm(surname.text)}:
                self.bindings.setdefault(key, []).append(binding)

    def _person_context(self, head: Token, span: NameSpan
                        ) -> tuple[str | None, str | None, str | None] | None:
        mods = [t for t in self.left_mods(head) if t.i not in self.span_at]
        # Titles are often parsed as sibling compounds ("Secretary General Chadli Klibi"):
        # let a title phrase run over any adjacent words of the person's own phrase.
        inside = {t.i for t in mods}
        match = None
        for tok in sorted(mods, key=lambda t: -t.i):
            if tok.pos_ in ("NOUN", "PROPN"):
                match = self._match_phrase(tok, self.kb.roles, inside)
                if match is not None:
                    break
        role = match.role if match else None
        sector = role.sector if role else None
        if role is not None and any(norm(t.text) in self.kb.former for t in mods):
            sector = "ELI"
        cues = self.cues(head, prepass=True)
        if role is not None and not cues:
            # "King Hassan of Morocco", "President Ramos of the Philippines"
            cues = [cue for prep in head.rights if prep.dep_ == "prep" and prep.lower_ == "of"
                    for obj in prep.children if obj.dep_ == "pobj"
                    for cue in self._object_cues(obj, prepass=True, places=True)]
        office = role.phrase if role is not None and not role.relational else None
        if cues:
            country, sector2, _ = combine(sector, role, cues[0])
            return country, sector2, office
        for partner in _appositions(head):
            if partner.i in self.span_at:
                continue
            found = self._role_sides(partner, prepass=True)
            # only a person's office describes a person ("Putin, the Russian president"), not a
            # misparsed apposition ("telephoned Putin, a call *both sides* described ...")
            if found is not None and found[1] and found[0].person:
                partner_role, sides, _, _ = found
                country, sector2, _ = sides[0]
                if country is not None:
                    keep = partner_role.phrase if not partner_role.relational else None
                    return country, sector2, office or keep
        if role is not None:
            return None, sector, office
        return None

    # ----------------------------------------------------------------- roles

    def _role_np(self, head: Token) -> NP | None:
        split = self._coordinated_modifier(head)
        skip = frozenset(range(split.left_edge.i, split.i + 1)) if split is not None else frozenset()
        found = self._role_sides(head, prepass=False, skip=skip)
        if found is None:
            return None
        role, sides, start, end = found
        plural = role.collective or head.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "conj" for c in head.children)
        person = role.person and not plural
        office = role.phrase if role.person and not role.relational else None
        flags = dict(role=role, office=office, person=person, plural=plural,
                     org=not role.person and not plural)
        if sides:
            return self._with_coordinated_modifier(
                head, self._new_np(head, "role", start, end, sides, **flags), split)
        count = coref.count_word(head)
        if count and plural:
            sides = coref.pair(self, head, role, count)
            if sides:
                return self._new_np(head, "role", start, end, sides, **flags)
            return None
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)
        if definite and person and role.sector is not None:
            side = coref.same_role(self, head, role)
            if side is not None:
                return self._new_np(head, "role", start, end, [side], **flags)
        if definite and role.group_only and not plural:
            side = coref.named_group(self, head, role)
            if side is not None:
                return self._new_np(head, "role", start, end, [side], **flags)
        if definite and plural:
            # "the rebels", "the mediators": the same role named just before
            sides = coref.same_plural(self, head, role)
            if sides:
                return self._new_np(head, "role", start, end, sides, **flags)
        if role.speaks_for and not plural:
            side = coref.spoken_for(self, head)
            if side is not None:
                return self._new_np(head, "role", start, end, [side], **flags)
        if definite and role.home and not plural:
            # "the army said": the army just named, else the article's own army, whose country
            # the event coder gives
            side = coref.same_body(self, head, role) or (None, role.sector, None)
            return self._new_np(head, "role", start, end, [side], **flags)
        if role.needs_owner or role.sector is None:
            return None
        mods = self.left_mods(head)
        own_words = len(role.phrase.split()) - 1  # "foreign minister": "foreign" is the role's
        if any(norm(t.text) in self.kb.abroad for t in mods if t.i < head.i - own_words and t.head.i == head.i):
            # "foreign media", "European governments": from abroad, no one actor; not "a
            # foreign ministry spokesperson", where "foreign" is the ministry's
            return None
        sector = self._sector(head, role, mods)
        return self._new_np(head, "role", start, end, [(role.country, sector, None)], **flags)

    def _coordinated_modifier(self, head: Token) -> Token | None:
        """A role noun parsed as a modifier of ``head`` though it heads a phrase of its own,
        coordinated with ``head``'s: "the Congolese government and M23 rebels", where the small
        model makes "government" a modifier of "rebels" and "M23" its conjunct. Only one with
        an owner of its own ("Congolese") counts: "government and rebel forces" are forces."""
        for mod in head.lefts:
            if mod.dep_ not in ("nmod", "compound") or mod.pos_ != "NOUN":
                continue
            conjuncts = [c for c in mod.children if c.dep_ == "conj" and c.i < head.i]
            if conjuncts and any(c.dep_ == "cc" for c in mod.children):
                found = self._role_sides(mod, prepass=False)
                if found is not None and found[1]:
                    return mod
        return None

    def _with_coordinated_modifier(self, head: Token, np: NP, mod: Token | None = None) -> NP:
        """``np`` with the actors of a role phrase misparsed as its modifier (``mod``, else
        ``_coordinated_modifier``'s) before its own, each with its own words: "the Congolese
        government" CODGOV, "M23 rebels" CODREB."""
        mod = mod or self._coordinated_modifier(head)
        if mod is None:
            return np
        found = self._role_sides(mod, prepass=False)
        assert found is not None
        _, sides, start, end = found
        conjunct = next(c for c in mod.children if c.dep_ == "conj")
        own_start = conjunct.left_edge.i
        own = [self.entity(own_start, np.end, e.country, e.sector, e.code) for e in np.entities]
        np.entities = [self.entity(start, mod.i + 1, c, s, code) for c, s, code in sides] + own
        np.plural, np.person, np.org = True, False, False
        return np

    def _elided_role_sector(self, demonym: Token) -> str | None:
        """"*Kyrgyz* and Tajik border guards", parsed as the Kyrgyz people and Tajik guards: a
        demonym coordinated with a role that has a demonym of its own shares that role."""
        for conj in demonym.children:
            if conj.dep_ == "conj" and any(e.kind == "demonym" for m in conj.lefts
                                           for e in self.kb.lookup(m.text)):
                found = self._role_sides(conj, prepass=True)
                if found is not None and found[0].sector:
                    return found[0].sector
        return None

    def _role_sides(self, head: Token, prepass: bool, skip: frozenset[int] = frozenset()):
        """(role, [(country, sector, code)], start, end) for a role head, or None; modifiers
        at ``skip`` give no cue."""
        if head.pos_ not in ("NOUN", "PROPN") or self._opaque(head):
            return None
        match = self._match_phrase(head, self.kb.roles)
        if match is None:
            return None
        role = match.role
        start, end = self._extent(head)
        mods = [t for t in self.left_mods(head) if t.i < match.start]
        sector = self._sector(head, role, mods)
        cues = self.cues(head, prepass=prepass, possessor=not role.relational, skip=skip)
        if match.of_end is not None:
            end = max(end, match.of_end)
        else:
            for prep in head.rights:
                # "the presidents of X", "delegations from X", "police in X"
                if prep.dep_ != "prep" or not (
                    prep.lower_ in ("of", "from") or (prep.lower_ == "in" and role.territorial)
                ):
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    # "the presidents of the United States and Russia": every conjunct
                    for owner in (obj, *obj.conjuncts):
                        more = self._object_cues(owner, prepass, places=prep.lower_ == "in")
                        if more:
                            cues.extend(more)
                            end = max(end, owner.right_edge.i + 1)
        if not cues:
            for partner in _appositions(head):
                span = self.span_at.get(partner.i)
                if span is not None and span.kind == "person" and partner.i == span.root:
                    side = self.person_side(span) if not prepass else (
                        (span.entry.country, span.entry.sector, None) if span.entry else None)
                    if side is not None and side[0] is not None:
                        cues.append(Cue("person", side[0], side[1], make_code(*side[:2]),
                                        span.start, span.end))
        if role.group_only:
            # "the M23 rebel group", "the UNITA militarist wing", "the APEC forum"
            cues = [cue for cue in cues if cue.kind in ("group", "igo", "ngo")]
        sides = [combine(sector, role, cue) for cue in _unique(cues)]
        return role, sides, start, end

    def _sector(self, head: Token, role: Role, mods: list[Token]) -> str | None:
        sector = role.sector
        if role.generic:
            for tok in mods:
                if tok.i in self.span_at:
                    continue
                special = self.kb.modifiers.get(norm(tok.lemma_)) or self.kb.modifiers.get(
                    norm(tok.text))
                if special:
                    sector = special
        if sector is not None and any(norm(t.text) in self.kb.former for t in mods):
            sector = "ELI"
        return sector

    def _opaque(self, head: Token) -> bool:
        """A role word inside an unknown organisation's name ("Syrian Democratic Forces")."""
        ent = self.ent_at.get(head.i)
        if ent is None or ent.label_ not in OPAQUE_LABELS:
            return False
        if any(self.span_at[t.i].kind in ("igo", "ngo") for t in ent if t.i in self.span_at):
            return False  # "the United Nations Emergency Relief Coordinator": its official
        for tok in ent:
            if tok.i == head.i or tok.i in self.span_at or not tok.is_title:
                continue
            if tok.dep_ in ("det", "case", "punct"):
                continue
            word = norm(tok.text)
            if not any(word in phrase.split() for phrase in self.kb.roles):
                return True
        return False

    def _match_phrase(self, head: Token, table: dict,
                      inside: set[int] | None = None) -> _Match | None:
        """The longest phrase of ``table`` ending at ``head`` (or ``head of ...``).

        The phrase may extend left over ``inside`` (default: ``head``'s own modifiers).
        """
        text = norm(head.text)
        variants = list(dict.fromkeys([text, norm(head.lemma_), _singular(text)]))
        if not any(variant in self.kb.phrase_words for variant in variants):
            return None  # a phrase ends (or, before "of", begins) with the head's own word
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs and objs[0].i not in self.span_at:
                    tail = self.doc[prep.i:objs[0].right_edge.i + 1].text
                    for variant in variants:
                        value = table.get(norm(f"{variant} {tail}"))
                        if value is not None:
                            return _Match(value, head.i, objs[0].right_edge.i + 1)
        if inside is None:
            inside = {t.i for t in self.left_mods(head)}
        first = head.i
        while first - 1 in inside and first - 1 not in self.span_at:
            first -= 1
        for start in range(first, head.i + 1):
            prefix = self.doc[start:head.i].text_with_ws if start < head.i else ""
            for variant in variants:
                # "press-freedom group" is the listed "press freedom group"
                value = table.get(norm(prefix + variant)) or table.get(norm(prefix.replace("-", " ") + variant))
                if value is not None:
                    return _Match(value, start, None)
        return None

    # ----------------------------------------------------------------- cues

    def left_mods(self, head: Token) -> list[Token]:
        """Modifiers inside the phrase headed by ``head`` (recursively, with conjuncts)."""
        out: list[Token] = []
        stack = [c for c in head.lefts if c.dep_ in MOD_DEPS or
                 (c.dep_ == "punct" and c.text in "-\u2013")]
        while stack:
            tok = stack.pop()
            out.append(tok)
            stack.extend(c for c in tok.children
                         if c.dep_ in MOD_DEPS or c.dep_ == "conj" or
                         (c.dep_ == "punct" and c.text in "-\u2013"))
        return sorted(out, key=lambda t: t.i)

    def cues(self, head: Token, prepass: bool, possessor: bool = True,
             skip: frozenset[int] = frozenset()) -> list[Cue]:
        """Owners named inside the phrase: modifiers ("Russian", "U.S.") and the possessor;
        none from the modifiers at ``skip``."""
        cues: list[Cue] = []
        for tok in self.left_mods(head):
            if tok.i in skip:
                continue
            span = self.span_at.get(tok.i)
            if span is not None and tok.i == span.root and not self._stance(span):
                cue = self._span_cue(span, prepass)
                if cue is not None:
                    cues.append(cue)
        if possessor:
            for child in head.lefts:
                if child.dep_ == "poss":
                    for owner in (child, *[c for c in child.conjuncts]):
                        cues.extend(self._object_cues(owner, prepass))
        return _unique(cues)

    def _object_cues(self, tok: Token, prepass: bool, places: bool = False) -> list[Cue]:
        """Cues from a possessor or the object of "of"/"in": a name or an earlier NP."""
        span = self.span_at.get(tok.i)
        if span is not None:
            if places and span.kind not in ("country", "capital"):
                return []
            cue = self._span_cue(span, prepass)
            return [cue] if cue is not None else []
        if prepass or places:
            return []
        np = self.nps.get(tok.i)
        if np is None and tok.i > self.at:
            # a role phrase the pass has not reached yet: "a member of the Syrian parliament",
            # "officials from the two countries"
            np = self._role_np(tok)
        if np is None:
            return []
        kind = "group" if np.kind == "group" else "resolved"
        return [Cue(kind, e.country, e.sector, e.code, np.start, np.end)
                for e in np.entities if e.country is not None]

    def _stance(self, span: NameSpan) -> bool:
        """ "anti-Syria", "pro-Russian", "ethnic Albanian": the name is no owner."""
        doc, i = self.doc, span.start
        if i >= 1 and norm(doc[i - 1].text) in self.kb.ethnic:
            return True
        if i >= 1 and norm(doc[i - 1].text).rstrip("-") in self.kb.stance:
            return True
        return i >= 2 and doc[i - 1].text in "-\u2013" and norm(doc[i - 2].text) in self.kb.stance

    def _span_cue(self, span: NameSpan, prepass: bool) -> Cue | None:
        entry = span.entry
        if span.kind == "person":
            if prepass:
                if entry is None or entry.country is None:
                    return None
                side = (entry.country, entry.sector)
            else:
                found = self.person_side(span)
                if found is None or found[0] is None:
                    return None
                side = found[:2]
            return Cue("person", side[0], side[1], make_code(*side), span.start, span.end)
        assert entry is not None
        return Cue(entry.kind, entry.country, entry.sector,
                   entry.code or make_code(entry.country, entry.sector), span.start, span.end)

    # ----------------------------------------------------------------- owners

    def owner_of(self, token: Token) -> list[Entity]:
        """Owners of a weapon/attack noun (the ``owned`` table): its name modifiers and
        possessor, with the noun's owner sector ("Russian drones" -> RUSMIL)."""
        if token.pos_ not in ("NOUN", "PROPN") or token.i in self.span_at \
                or token.i in self.nps:
            return []  # an actor itself, not something an actor owns
        match = self._match_phrase(token, self.kb.owned)
        if match is None:
            return []  # "Russian gas", "a U.S. request": ask entities_for on the modifier
        out = []
        for cue in self.cues(token, prepass=False):
            country, sector, code = combine(match.value or None, None, cue)
            out.append(self.entity(cue.start, cue.end, country, sector, code))
        return out

    def modifier_entities(self, token: Token) -> list[Entity]:
        """A name used as a modifier ("U.S." in "a U.S. request"): the name's own actor."""
        span = self.span_at.get(token.i)
        if span is None or self._stance(span) or (
            span.entry is not None and span.entry.kind == "demonym" and not _modifier(token)
        ):
            return []
        root = self.doc[span.root]
        if not _modifier(root):
            return []
        cue = self._span_cue(span, prepass=False)
        if cue is None:
            return []
        return [self.entity(span.start, span.end, cue.country, cue.sector, cue.code)]


def combine(sector: str | None, role: Role | None, cue: Cue
            ) -> tuple[str | None, str | None, str | None]:
    """(country, sector, code) of a role (or weapon) owned by ``cue``.

    A group's members are the group ("Hamas fighters", "Houthi leader"), unless the role is a
    civil one it runs ("the Hamas-run health ministry" -> PSEGOV). An organisation's officials
    are the organisation (sector IGO); a named institution lends its sector to generic roles.
    """
    if sector is None and role is not None and role.person and cue.kind == "resolved":
        # "a member of the Syrian parliament": one of its owner, in the owner's sector (SYRLEG)
        return cue.country, cue.sector, cue.code
    if cue.kind == "group":
        if role is None or role.generic or sector is None or sector in ARMED:
            return cue.country, cue.sector, cue.code
        return cue.country, sector, make_code(cue.country, sector)
    if cue.kind == "ngo" and sector in (None, "GOV"):
        return cue.country, cue.sector, cue.code  # "an ICRC official" is the ICRC
    if cue.kind == "igo" or cue.sector == "IGO":
        if sector in (None, "GOV"):
            return cue.country, "IGO", cue.code
        return cue.country, sector, make_code(cue.country, sector)
    if cue.kind == "institution" and sector in (None, "GOV"):
        return cue.country, cue.sector, make_code(cue.country, cue.sector)
    return cue.country, sector, make_code(cue.country, sector)


def _unique(cues: list[Cue]) -> list[Cue]:
    seen: dict[tuple, Cue] = {}
    for cue in cues:
        seen.setdefault((cue.country, cue.kind == "group" and cue.code), cue)
    return list(seen.values())


def _appositions(head: Token) -> list[Token]:
    partners = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head)
    return partners


def _dateline(doc: Doc, span) -> bool:
    """A shouted place name opening a paragraph: "TEHRAN (Levant Wire) —", "KYIV, Ukraine —"."""
    words = doc[span.start:span.end]
    if not words.text.isupper() or span.end >= len(doc):
        return False
    first = doc[span.start]
    opens = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    return opens and first.is_sent_start is not False and doc[span.end].text in "(,\u2014-\u2013"


def _modifier(token: Token) -> bool:
    """A modifier of a noun ("Russian" in "Russian and Ukrainian officials"), not a phrase."""
    return first_conjunct(token).dep_ in MOD_DEPS


def _locative(token: Token) -> bool:
    token = first_conjunct(token)
    if token.dep_ != "pobj":
        return False
    prep = token.head
    # "relations between Washington and Caracas", "talks among Kyiv, Moscow and Ankara": the
    # parties of a noun, not places
    return prep.lower_ in LOCATIVE and not (prep.lower_ in RELATIONAL and prep.head.pos_ == "NOUN")


def _followed_by_state(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ == "state"


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word

