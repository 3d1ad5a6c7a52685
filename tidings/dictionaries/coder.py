"""Coding (source, target, CAMEO code) triples from spaCy parses with PETRARCH dictionaries.

For each verb of a sentence found in the verb dictionary: the best-matching pattern of its
block (most pattern words matched; file order breaks ties) gives the code, else the verb's
own code. The source is the verb's subject (climbing through ``xcomp``/``conj``/... clauses
that have none; the ``by`` agent of a passive), the target the ``+`` slot of the pattern or the
first actor after the verb in its own clause. Negated verbs give no event unless the pattern
spells out the negation; compound actors give one triple per actor; ``A:B`` codes add the
reciprocal event. See docs/dictionaries.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.dictionaries.loader import Dictionaries
from tidings.dictionaries.matching import PatternMatch, match_pattern
from tidings.dictionaries.sentence import ActorRef, Mention, SentenceView
from tidings.dictionaries.verbs import Code, VerbForm

_VERB_POS = {"VERB", "AUX"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# clauses that share their governor's subject when they have none of their own
_CLIMB = {"xcomp", "conj", "advcl", "pcomp", "acomp", "ccomp", "prep", "dep", "relcl"}


@dataclass(frozen=True)
class CodedTriple:
    """One coded event: actor codes, the CAMEO code and where it was read."""

    source: str
    target: str
    code: str
    verb: str  # the verb block's name, e.g. "RESTORE"
    pattern: str | None  # the matched pattern's text; None = the verb's own code
    sentence: int  # index of the sentence in the doc
    verb_tokens: tuple[int, ...]
    source_tokens: tuple[int, ...]
    target_tokens: tuple[int, ...]
    confidence: float = 0.5


@dataclass
class _VerbHit:
    head: Token
    start: int  # word indices of the verb phrase
    end: int
    forms: list[VerbForm]


class DictionaryCoder:
    """Apply loaded ``Dictionaries`` to parsed text."""

    def __init__(self, dicts: Dictionaries) -> None:
        self.dicts = dicts

    def code(self, doc: Doc | Span, date: dt.date | None = None) -> list[CodedTriple]:
        """All triples of ``doc`` (a Doc or one sentence Span), in sentence order."""
        if self.dicts.discards.find(doc.text, story_only=True):
            return []  # a story discard stops the whole text
        sents = list(doc.sents) if isinstance(doc, Doc) else [doc]
        root = doc if isinstance(doc, Doc) else doc.doc
        out: list[CodedTriple] = []
        for index, sent in enumerate(root.sents):
            if not any(sent.start == s.start for s in sents):
                continue
            if self.dicts.discards.find(sent.text):
                continue
            out.extend(self.code_sentence(sent, date, index))
        return out

    def code_sentence(self, sent: Span, date: dt.date | None = None, index: int = 0) -> list[CodedTriple]:
        view = SentenceView.build(sent, self.dicts, date)
        found: list[tuple[_VerbHit, list[CodedTriple], Token | None]] = []
        for hit in self._verbs(view):
            triples, target_from = self._code_verb(view, hit, index)
            if triples:
                found.append((hit, triples, target_from))
        # a reporting verb whose target is an actor of a lower coded clause adds nothing
        out: list[CodedTriple] = []
        for hit, triples, target_from in found:
            if target_from is not None and any(
                other is not hit and other.head.i != hit.head.i and _dominates(hit.head, other.head)
                and (target_from.i in _tokens_of(t2)) for other, t2s, _ in found for t2 in t2s
            ):
                continue
            out.extend(triples)
        return _dedupe(out)

    # ---- verbs -----------------------------------------------------------------------------

    def _verbs(self, view: SentenceView) -> list[_VerbHit]:
        hits: list[_VerbHit] = []
        covered: set[int] = set()
        words = view.words
        for w in range(len(words)):
            if w in covered:
                continue
            cands: list[tuple[VerbForm, int, int]] = []
            for form in self.dicts.verbs.lookup(words[w]):
                s, e = w - len(form.pre), w + 1 + len(form.post)
                if s < 0 or e > len(words) or tuple(words[s:w]) != form.pre or tuple(words[w + 1 : e]) != form.post:
                    continue
                span = [view.token(k) for k in range(s, e)]
                if not any(t.pos_ in _VERB_POS for t in span):
                    continue
                cands.append((form, s, e))
            if not cands:
                continue
            longest = max(e - s for _, s, e in cands)
            cands = [c for c in cands if c[2] - c[1] == longest]
            _, s, e = cands[0]
            toks = [view.token(k) for k in range(s, e)]
            head = view.token(w) if view.token(w).pos_ in _VERB_POS else next(t for t in toks if t.pos_ in _VERB_POS)
            hits.append(_VerbHit(head, s, e, [c[0] for c in cands]))
            covered.update(range(s, e))
        return hits

    def _code_verb(self, view: SentenceView, hit: _VerbHit, index: int) -> tuple[list[CodedTriple], Token | None]:
        v = hit.head
        scope = self._scope(view, hit)
        post_words = {w for t in scope for w in view.token_words.get(t, [])}
        subject = self._subject(view, v)
        subject_refs = view.codes(subject) if subject is not None else []
        compound = len([r for r in subject_refs if not r.agent_only] or subject_refs) >= 2
        best: PatternMatch | None = None
        best_form = hit.forms[0]
        for form in hit.forms:
            for pattern in form.block.patterns:
                m = match_pattern(pattern, view, hit.start, hit.end, post_words, compound)
                if m is not None and (best is None or m.size > best.size):
                    best, best_form = m, form
        code: Code = best.pattern.code if best else (best_form.code or best_form.block.code)
        if code.is_null:
            return [], None
        if self._negated(view, v, best):
            return [], None
        # source and target
        sources: list[ActorRef] = []
        targets: list[ActorRef] = []
        target_from: Token | None = None
        agent = self._passive_agent(v)
        if best and "$" in best.slots:
            sources = self._mention_codes(view, best.slots["$"])
        if best and "+" in best.slots:
            tm = best.slots["+"]
            targets = self._mention_codes(view, tm)
            if subject is not None and subject.i in tm.tokens or (subject is not None and set(tm.tokens) & {t.i for t in subject.subtree}):
                # the target is this verb's own subject ("X noted + *"): the source is higher up
                if not sources:
                    higher = self._subject(view, v.head) if v.head is not v else None
                    sources = view.codes(higher) if higher is not None else []
                subject_refs = []
        if not sources:
            if agent is not None:
                sources = view.codes(agent)
                if not targets and subject is not None:
                    targets = subject_refs
                    target_from = None
            else:
                sources = subject_refs
        if not targets and not (best and best.compound) and not (code.reverse and compound):
            first = self._first_actor(view, scope, hit)
            if first is not None:
                head = view.role_governor(view.np_head(view.sent.doc[first.tokens[-1]]))
                targets = view.codes(head) or self._mention_codes(view, first)
                target_from = view.sent.doc[first.tokens[0]]
        sources = [r for r in sources if r.code]
        targets = [r for r in targets if r.code]
        pairs: list[tuple[ActorRef, ActorRef]] = []
        if not targets and len(sources) >= 2 and ((best and best.compound) or code.reverse):
            # a compound actor acting together: every ordered pair (the reverse code, if any,
            # is added below for each pair in one direction)
            pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
            if not code.reverse:
                pairs += [(b, a) for a, b in pairs]
        else:
            pairs = [(a, b) for a in sources for b in targets]
        out: list[CodedTriple] = []
        vtoks = tuple(sorted({view.word_token[k] for k in range(hit.start, hit.end)}))
        conf = 0.7 if best else 0.5
        pattern_text = best.pattern.text if best else None
        for a, b in pairs:
            if a.code == b.code:
                continue
            out.append(CodedTriple(a.code, b.code, code.code, best_form.block.name, pattern_text, index, vtoks, a.tokens, b.tokens, conf))
            if code.reverse:
                out.append(CodedTriple(b.code, a.code, code.reverse, best_form.block.name, pattern_text, index, vtoks, b.tokens, a.tokens, conf))
        return out, target_from

    # ---- helpers ---------------------------------------------------------------------------

    def _mention_codes(self, view: SentenceView, m: Mention) -> list[ActorRef]:
        head = view.np_head(view.sent.doc[m.tokens[-1]])
        refs = view.codes(head)
        return refs or [ActorRef(c, m.tokens) for c in m.codes]

    def _scope(self, view: SentenceView, hit: _VerbHit) -> list[int]:
        """Doc tokens after the verb in its own clause (not its subject, a conjoined verb's
        clause or a passive's ``by`` agent)."""
        v = hit.head
        last = view.word_token[hit.end - 1]
        excluded: set[int] = set()
        for child in v.children:
            if child.dep_ in _SUBJECTS or child.dep_ == "agent" or (child.dep_ == "conj" and child.pos_ in _VERB_POS):
                excluded.update(t.i for t in child.subtree)
        return [t.i for t in v.subtree if t.i > last and t.i not in excluded and t.i <= v.sent.end]

    def _first_actor(self, view: SentenceView, scope: list[int], hit: _VerbHit) -> Mention | None:
        allowed = set(scope)
        for m in view.actors:
            if m.codes and m.tokens[0] in allowed:
                return m
        for m in view.agents:  # a role without a country: "---EDU"
            if m.tokens[0] in allowed and view.np_head(view.sent.doc[m.tokens[-1]]).i in allowed:
                return m
        return None

    def _subject(self, view: SentenceView, v: Token) -> Token | None:
        cur = v
        for _ in range(8):
            subj = next((c for c in cur.children if c.dep_ in _SUBJECTS), None)
            if subj is not None and not (view.is_pronoun(subj) and cur.head is not cur):
                if subj.dep_ == "nsubjpass" and cur is not v and self._passive_agent(cur) is not None:
                    return None
                return subj
            if cur.dep_ == "relcl":
                return cur.head
            if cur.head is cur or (cur.dep_ not in _CLIMB and subj is None):
                return subj
            if cur.dep_ == "ccomp" and subj is None:
                return None
            cur = cur.head
        return None

    @staticmethod
    def _passive_agent(v: Token) -> Token | None:
        for child in v.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    @staticmethod
    def _negated(view: SentenceView, v: Token, best: PatternMatch | None) -> bool:
        consumed = {view.word_token[w] for w in best.consumed} if best else set()
        return any(c.dep_ == "neg" and c.i not in consumed for c in v.children)


def _dominates(a: Token, b: Token) -> bool:
    return a.i != b.i and a.is_ancestor(b)


def _tokens_of(t: CodedTriple) -> set[int]:
    return set(t.source_tokens) | set(t.target_tokens)


def _dedupe(triples: list[CodedTriple]) -> list[CodedTriple]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for t in triples:
        key = (t.source, t.target, t.code)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out
