"""A sentence as the dictionaries see it: words, actor and agent mentions, noun-phrase codes.

Dictionary words are compared with spaCy tokens; a token written with ``_`` (PETRARCH's
joined words, ``Dol_Amroth``) counts as several words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tidings.dictionaries.actors import ActorEntry
from tidings.dictionaries.agents import Agent
from tidings.dictionaries.common import normalise
from tidings.dictionaries.loader import Dictionaries

NULL_ACTOR = "---"
# Dependents that belong to a noun phrase's own words (left of its head).
_CORE_DEPS = {"compound", "amod", "poss", "det", "nmod", "nummod", "case", "flat", "quantmod",
              "advmod", "punct", "npadvmod", "predet", "prep_hyphen", "appos", "dep"}
# Prepositions through which a role noun takes its country ("officials in X", "troops of X").
_ACTOR_PREPS = {"of", "in", "from", "between"}
_PRONOUNS = {"it", "he", "she", "they", "we", "its", "his", "her", "their", "i", "you"}
_SKIPPABLE_POS = {"ADJ", "NOUN", "PROPN", "ADV", "DET", "NUM", "PUNCT"}


@dataclass(frozen=True)
class Mention:
    """Words ``start..end`` of the sentence matched by a dictionary entry."""

    start: int
    end: int
    tokens: tuple[int, ...]  # doc token indices
    codes: tuple[str, ...]
    entry: ActorEntry | Agent


@dataclass(frozen=True)
class ActorRef:
    """One coded actor of a noun phrase with the tokens it was read from."""

    code: str
    tokens: tuple[int, ...]
    agent_only: bool = False


@dataclass
class SentenceView:
    sent: Span
    dicts: Dictionaries
    date: dt.date | None
    words: list[str] = field(default_factory=list)
    word_token: list[int] = field(default_factory=list)  # word index -> doc token index
    token_words: dict[int, list[int]] = field(default_factory=dict)
    actors: list[Mention] = field(default_factory=list)
    agents: list[Mention] = field(default_factory=list)
    actor_at: dict[int, Mention] = field(default_factory=dict)  # doc token -> mention
    agent_at: dict[int, Mention] = field(default_factory=dict)

    @classmethod
    def build(cls, sent: Span, dicts: Dictionaries, date: dt.date | None) -> SentenceView:
        view = cls(sent, dicts, date)
        for tok in sent:
            for piece in (p for p in tok.text.split("_") if p) if "_" in tok.text else [tok.text]:
                view.token_words.setdefault(tok.i, []).append(len(view.words))
                view.words.append(normalise(piece))
                view.word_token.append(tok.i)
        view._find_mentions()
        return view

    def token(self, word: int) -> Token:
        return self.sent.doc[self.word_token[word]]

    def _skippable(self, word: int) -> bool:
        return self.token(word).pos_ in _SKIPPABLE_POS and self.words[word] not in {",", "AND", "OR"}

    def _find_mentions(self) -> None:
        taken: set[int] = set()
        i = 0
        while i < len(self.words):
            found = self.dicts.actors.index.match_at(self.words, i, self._skippable)
            if found and self._starts_word(i):
                m = found[0]
                entry = m.value
                codes = tuple(c for c in entry.codes_on(self.date) if c and c != NULL_ACTOR)
                tokens = tuple(sorted({self.word_token[w] for w in range(m.start, m.end)}))
                mention = Mention(m.start, m.end, tokens, codes, entry)
                self.actors.append(mention)
                for t in tokens:
                    self.actor_at[t] = mention
                taken.update(range(m.start, m.end))
                i = m.end
            else:
                i += 1
        i = 0
        while i < len(self.words):
            found = [] if i in taken else self.dicts.agents.index.match_at(self.words, i, self._skippable)
            found = [m for m in found if not taken.intersection(range(m.start, m.end))]
            if found and self._starts_word(i):
                m = found[0]
                tokens = tuple(sorted({self.word_token[w] for w in range(m.start, m.end)}))
                mention = Mention(m.start, m.end, tokens, (m.value.code,), m.value)
                self.agents.append(mention)
                for t in tokens:
                    self.agent_at[t] = mention
                i = m.end
            else:
                i += 1

    def _starts_word(self, i: int) -> bool:
        # a phrase may not start inside a hyphenated word ("anti-Gondor" is fine, "x-Gondor" no)
        return i == 0 or self.words[i - 1] != "-" or self.words[i] == "-"

    # ---- noun phrases -------------------------------------------------------------------

    def np_head(self, tok: Token) -> Token:
        """Climb from a word inside a noun phrase to the phrase's head noun."""
        for _ in range(8):
            if tok.dep_ in {"compound", "amod", "poss", "nmod", "flat", "case", "det", "nummod"} and tok.head is not tok:
                tok = tok.head
            else:
                break
        return tok

    def core(self, head: Token) -> list[Token]:
        """The head and its left-hand modifiers (not its clauses, conjuncts or PPs)."""
        out = [head]
        stack = [c for c in head.children if c.i < head.i and c.dep_ in _CORE_DEPS]
        while stack:
            tok = stack.pop()
            out.append(tok)
            stack.extend(c for c in tok.children if c.dep_ not in {"conj", "cc", "relcl", "acl", "prep"})
        return sorted(out, key=lambda t: t.i)

    def codes(self, head: Token, depth: int = 0) -> list[ActorRef]:
        """The actor codes of the noun phrase headed by ``head``, conjuncts included."""
        heads = sorted({head, *[c for c in head.conjuncts if c.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"}]},
                       key=lambda t: t.i)
        parts = [self._single(h, depth) for h in heads]
        shared_pp = [refs for refs, via_pp, _ in parts if via_pp and refs]
        out: list[ActorRef] = []
        first_core = self.core(heads[0]) if len(heads) > 1 else []
        for h, (refs, _via_pp, agents) in zip(heads, parts, strict=True):
            if refs and not all(r.agent_only for r in refs):
                out.extend(refs)
                continue
            if agents and shared_pp:
                # "lawmakers and officials in X": the PP of one conjunct serves the others
                out.extend(self._combine(r.code, agents, r.tokens) for r in shared_pp[0] if not r.agent_only)
                continue
            if agents and h is not heads[0] and first_core:
                borrowed = [t for t in first_core if t is not heads[0]]
                actor = self._first_actor(borrowed)
                if actor:
                    extra = self._agents_in(borrowed)
                    out.extend(self._combine(c, extra + agents, actor.tokens) for c in actor.codes)
                    continue
            out.extend(refs)
        return _unique(out)

    def _first_actor(self, tokens: list[Token]) -> Mention | None:
        for tok in tokens:
            m = self.actor_at.get(tok.i)
            if m is not None and m.codes:
                return m
        return None

    def _agents_in(self, tokens: list[Token]) -> list[Agent]:
        seen: list[Mention] = []
        for tok in tokens:
            m = self.agent_at.get(tok.i)
            if m is not None and m not in seen:
                seen.append(m)
        return [m.entry for m in seen]  # type: ignore[misc]

    def _single(self, head: Token, depth: int) -> tuple[list[ActorRef], bool, list[Agent]]:
        core = self.core(head)
        actor = self._first_actor(core)
        # an actor phrase may run past the head ("Minas Tirith" headed by "Minas")
        if actor is None and head.i in self.actor_at and self.actor_at[head.i].codes:
            actor = self.actor_at[head.i]
        agents = self._agents_in(core)
        if actor is not None:
            refs = [self._combine(c, agents, actor.tokens) for c in actor.codes]
            # "Eriadori and Calenardhon leaders": conjoined modifiers are actors too
            for conj in view_conjuncts(self.sent.doc[actor.tokens[-1]]):
                other = self.actor_at.get(conj.i)
                if other is not None and other is not actor:
                    refs += [self._combine(c, agents, other.tokens) for c in other.codes]
            return refs, False, agents
        if depth < 3:
            for child in head.children:
                if child.dep_ == "prep" and child.i > head.i and child.lower_ in _ACTOR_PREPS:
                    for obj in (c for c in child.children if c.dep_ == "pobj"):
                        inner = [r for r in self.codes(obj, depth + 1) if not r.agent_only]
                        if inner:
                            return [self._combine(r.code, agents, r.tokens) for r in inner], True, agents
        if agents:
            toks = tuple(t.i for t in core)
            return [ActorRef(self._combine(NULL_ACTOR, agents, toks).code, toks, agent_only=True)], False, agents
        return [], False, agents

    def _combine(self, code: str, agents: list[Agent], tokens: tuple[int, ...]) -> ActorRef:
        """Actor code + role codes: ``~X`` after, ``X~`` before; a role already in the code
        (``USAGOV`` + ``GOV``) is not repeated."""
        prefix = "".join(a.code for a in agents if a.prefix)
        out = code
        for agent in agents:
            if agent.prefix:
                continue
            chunks = {out[k : k + 3] for k in range(0, len(out), 3)}
            if agent.code in out and (agent.code[:3] in chunks):
                continue
            out += agent.code
        return ActorRef(prefix + out, tokens)

    def role_governor(self, head: Token) -> Token:
        """``activists of X``: when ``head`` is the object of such a preposition and the
        governing noun is a role without a country, the governing noun heads the actor."""
        if head.dep_ == "pobj" and head.head.lower_ in _ACTOR_PREPS and head.head.dep_ == "prep":
            gov = head.head.head
            core = self.core(gov)
            if gov.pos_ in {"NOUN", "PROPN"} and self._agents_in(core) and self._first_actor(core) is None:
                return gov
        return head

    def is_pronoun(self, tok: Token) -> bool:
        return tok.lower_ in _PRONOUNS and tok.i not in self.actor_at


def view_conjuncts(tok: Token) -> list[Token]:
    """Nominal conjuncts of a modifier token that is not the phrase head."""
    if tok.dep_ in {"nsubj", "dobj", "pobj", "nsubjpass", "conj", "appos", "ROOT"}:
        return []
    return [c for c in tok.conjuncts if c.pos_ in {"PROPN", "NOUN"}]


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    out = []
    for r in refs:
        if r.code not in seen:
            seen.add(r.code)
            out.append(r)
    return out
