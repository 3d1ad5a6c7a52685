"""ACTORS stage: who the actors of a parsed article are (parsed ``Doc`` -> ``DocActors``).

``resolve(doc)`` finds every actor mention — country names and variants, demonyms, capitals
used for their governments, role nouns ("the Ukrainian leader", "Russian troops"), IGOs,
armed groups, institutions ("the Kremlin"), named persons (a packaged list plus what the
article itself says about them) and pronouns — and ``DocActors.entities_for(token)`` gives
the actors of the noun phrase a token heads. See docs/actors.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Entity
from .knowledge import ActorKnowledge
from .resolver import Resolver

__all__ = ["ActorKnowledge", "ActorMention", "DocActors", "resolve"]


@dataclass
class ActorMention:
    """One actor mention: tokens ``start:end`` (end exclusive) naming ``entity``."""

    start: int
    end: int
    entity: Entity
    kind: str  # country, capital, demonym, role, igo, group, institution, person, pronoun


class DocActors:
    """The actors of one document."""

    def __init__(self, doc: Doc, knowledge: ActorKnowledge) -> None:
        self.doc = doc
        self._res = Resolver(doc, knowledge)
        self.mentions: list[ActorMention] = [
            ActorMention(np.start, np.end, ent, np.kind)
            for np in self._res.order for ent in np.entities
        ]

    def entities_for(self, token: Token) -> list[Entity]:
        """The actors of the noun phrase headed by ``token``, conjuncts included.

        "the United States and Russia" -> [USA, RUS]; "his Russian counterpart" -> [RUSGOV];
        "he" -> its antecedent's actor. Asked about a name that only modifies a noun
        ("U.S." in "a U.S. request"), it gives that name's actor. Otherwise [].
        """
        out: list[Entity] = []
        seen: set[tuple] = set()
        heads = [token, *(c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON"))]
        for head in sorted(heads, key=lambda t: t.i):
            np = self._res.np_for(head)
            found = np.entities if np else self._res.modifier_entities(head)
            for ent in found:
                key = (ent.code, ent.start_char)
                if key not in seen:
                    seen.add(key)
                    out.append(ent)
        return out

    def owner_of(self, token: Token) -> list[Entity]:
        """Who owns a weapon or attack noun: "Russian drones" -> [RUSMIL].

        For a noun listed under ``owned`` in roles.yaml (drone, missile, strike, attack,
        shelling, invasion, sanctions ...): the actors named by its country/demonym/capital/
        organisation/person modifiers and its possessor, with the noun's owner sector
        ("Israeli strikes" -> ISRMIL, "a Ukrainian drone attack" -> UKRMIL, "Russia's
        invasion" -> RUSMIL, "Hamas rockets" -> PSEREB, "US sanctions" -> USAGOV). Entity
        text and offsets are the owner's words. [] for any other noun ("Russian gas") and for
        a noun that is itself an actor ("Russian troops": use ``entities_for``); for the
        owner of another event noun ask ``entities_for`` on its possessor or modifier ("U.S."
        in "a U.S. request" -> USA).
        """
        return self._res.owner_of(token)

    def countries(self) -> Counter[str]:
        """ISO3 counts of every country the article names (names, demonyms, capitals, people),
        not as an attitude ("an anti-Syria journalist")."""
        return self._res.countries()


def resolve(doc: Doc) -> DocActors:
    """Resolve the actors of ``doc`` with the packaged knowledge (loaded once per process)."""
    return DocActors(doc, ActorKnowledge.load())
