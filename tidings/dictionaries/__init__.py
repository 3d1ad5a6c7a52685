"""PETRARCH-format dictionaries (actors, agents, verbs, discards, issues) and a coder that
applies them to spaCy dependency parses. See docs/dictionaries.md."""

from tidings.dictionaries.actors import ActorDictionary, ActorEntry, CodeSpan, load_actors
from tidings.dictionaries.agents import Agent, AgentDictionary, load_agents
from tidings.dictionaries.coder import CodedTriple, DictionaryCoder
from tidings.dictionaries.common import LoadReport, Phrase
from tidings.dictionaries.discards import Discard, DiscardList, load_discards
from tidings.dictionaries.events import code_doc_with_dictionaries, triples_to_events
from tidings.dictionaries.issues import IssueDictionary, load_issues
from tidings.dictionaries.loader import Dictionaries, choose_files, load_dictionaries
from tidings.dictionaries.verbs import (
    Code,
    Pattern,
    VerbBlock,
    VerbDictionary,
    VerbForm,
    load_verbs,
)

__all__ = [
    "ActorDictionary", "ActorEntry", "Agent", "AgentDictionary", "Code", "CodeSpan", "CodedTriple",
    "Dictionaries", "DictionaryCoder", "Discard", "DiscardList", "IssueDictionary", "LoadReport",
    "Pattern", "Phrase", "VerbBlock", "VerbDictionary", "VerbForm", "choose_files",
    "code_doc_with_dictionaries", "load_actors", "load_agents", "load_dictionaries", "load_discards",
    "load_issues", "load_verbs", "triples_to_events",
]
