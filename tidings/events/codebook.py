"""The event codebook: which words state which PLOVER event (data/codebook/*.yaml -> typed rules).

The YAML files are the documented, user-extensible part (docs/codebook.md); this module only
validates them and builds lookup indexes. A bad entry is reported as ``path:line: reason``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import Errors, TidingsError
from tidings.model import EVENT_TYPES

CODEBOOK_DIR = Path(__file__).resolve().parents[1] / "data" / "codebook"

_ENTRY_KEYS = {
    "id", "type", "cameo", "verbs", "nouns", "objects", "objects_for", "modifiers",
    "modifiers_for", "not_modifiers", "mode", "modes", "reciprocal", "complement",
    "recipient_preps", "confidence", "complements", "negated_type", "context", "not_objects",
    "not_complements", "not_subjects", "complement_types", "negated_complement_types", "effect",
    "ergative",
}
DEFAULT_RECIPIENT_PREPS = ("with", "against", "on", "to", "at", "into", "from", "of")


@dataclass(frozen=True)
class Phrase:
    """A trigger word, possibly with companion words: "call for", "air strike", "open fire"."""

    head: str  # the lemma that carries the event (verb, or the noun's head)
    extra: tuple[str, ...] = ()  # other lemmas that must stand next to it in the parse

    @classmethod
    def parse(cls, text: str, *, noun: bool) -> Phrase:
        words = [w for w in str(text).lower().split() if w not in ("the", "a", "an")]
        if noun:  # "air strike": the head noun comes last
            return cls(words[-1], tuple(words[:-1]))
        return cls(words[0], tuple(words[1:]))


@dataclass(frozen=True)
class Entry:
    """One codebook entry; see the header of data/codebook/events.yaml for each field."""

    id: str
    type: str
    cameo: str | None
    verbs: tuple[Phrase, ...] = ()
    nouns: tuple[Phrase, ...] = ()
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    objects_for: dict[str, frozenset[str]] = field(default_factory=dict)
    modifiers: frozenset[str] = frozenset()
    modifiers_for: dict[str, frozenset[str]] = field(default_factory=dict)
    not_modifiers: frozenset[str] = frozenset()
    mode: tuple[str, ...] = ()
    modes: dict[str, str] = field(default_factory=dict)
    context: tuple[str, ...] = ()
    reciprocal: bool = False
    object_parties: bool = False  # reciprocal "all": the one acted on is a party too
    complement: str = "issue"
    recipient_preps: tuple[str, ...] = DEFAULT_RECIPIENT_PREPS
    confidence: float = 0.7
    complements: dict[str, frozenset[str]] = field(default_factory=dict)
    not_complements: dict[str, frozenset[str]] = field(default_factory=dict)
    not_subjects: frozenset[str] = frozenset()
    negated_type: str | None = None
    complement_types: dict[str, str] = field(default_factory=dict)  # inner type -> this event's type
    negated_complement_types: dict[str, str] = field(default_factory=dict)  # the same, when negated
    effect: bool = False  # befalls people as the effect of another event, whose actor is its own
    ergative: frozenset[str] = frozenset()  # verbs whose intransitive subject is acted on

    def required_objects(self, lemma: str) -> frozenset[str] | None:
        """Object lemmas this trigger needs, or None when any (or no) object will do."""
        if lemma in self.objects_for:
            return self.objects_for[lemma] or None
        return self.objects or None

    def required_modifiers(self, lemma: str) -> frozenset[str] | None:
        if lemma in self.modifiers_for:
            return self.modifiers_for[lemma] or None
        return self.modifiers or None


# First word -> (name, phrase words), longest phrase first: issues.yaml and contexts.yaml.
PhraseIndex = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]


def _phrase_index(named_phrases: dict[str, list]) -> PhraseIndex:
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for name, phrases in named_phrases.items():
        for phrase in phrases:
            words = tuple(str(phrase).lower().split())
            by_first[words[0]].append((str(name), words))
    return {first: tuple(sorted(found, key=lambda item: -len(item[1]))) for first, found in by_first.items()}


@dataclass(frozen=True)
class Cues:
    """cues.yaml, typed: the word and type lists that steer factuality, arguments and coding
    (what each means is documented beside it in cues.yaml). A cue a codebook leaves out is
    empty; one it misspells is an error."""

    # factuality
    negation_words: frozenset[str] = frozenset()
    negating_governors: frozenset[str] = frozenset()
    negating_prep_heads: dict[str, str] = field(default_factory=dict)
    denying_verbs: frozenset[str] = frozenset()
    charging_types: frozenset[str] = frozenset()
    opaque_to_negation: frozenset[str] = frozenset()
    negating_subjects: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    done_by_object_nouns: frozenset[str] = frozenset()
    membership_nouns: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    future_governors: frozenset[str] = frozenset()
    future_modifiers: frozenset[str] = frozenset()
    future_object_governors: frozenset[str] = frozenset()
    goal_preps: frozenset[str] = frozenset()
    hypothetical_object_governors: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    hypothetical_marks: frozenset[str] = frozenset()
    hypothetical_auxiliaries: frozenset[str] = frozenset()
    hypothetical_governors: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    unpast_condition_marks: frozenset[str] = frozenset()
    wish_marks: frozenset[str] = frozenset()
    risk_words: frozenset[str] = frozenset()
    prospect_nouns: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    historical_after_days: int = 31
    refusable_types: frozenset[str] = frozenset()
    content_nouns: frozenset[str] = frozenset()
    outcome_of_talks_preps: frozenset[str] = frozenset()
    hosting_verbs: frozenset[str] = frozenset()
    announced_concession_types: frozenset[str] = frozenset()
    announced_threat_types: frozenset[str] = frozenset()
    promised_act_types: frozenset[str] = frozenset()
    accused_in_clause_types: frozenset[str] = frozenset()
    halted_act_types: frozenset[str] = frozenset()
    authority_reported_types: frozenset[str] = frozenset()
    authority_sectors: frozenset[str] = frozenset()
    refusal_auxiliaries: frozenset[str] = frozenset()
    unwillingness_words: frozenset[str] = frozenset()
    # which triggers are events of their own
    cause_preps: frozenset[str] = frozenset()
    time_preps: frozenset[str] = frozenset()
    in_force_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    participant_nouns: frozenset[str] = frozenset()
    participant_act_types: frozenset[str] = frozenset()
    complement_deps: frozenset[str] = frozenset()
    purpose_types: dict[str, frozenset[str]] = field(default_factory=dict)
    infinitive_purpose_types: frozenset[str] = frozenset()
    joint_body_nouns: frozenset[str] = frozenset()
    purpose_deps: frozenset[str] = frozenset()
    # time, issues, places
    same_time_marks: frozenset[str] = frozenset()
    issue_types: frozenset[str] = frozenset()
    issue_from_trigger_types: frozenset[str] = frozenset()
    from_talks_types: frozenset[str] = frozenset()
    talks_types: frozenset[str] = frozenset()
    stance_types: frozenset[str] = frozenset()
    location_preps: frozenset[str] = frozenset()
    located_at_target_types: frozenset[str] = frozenset()
    # actors and recipients
    home_country_share: float = 0.4
    dateline_country_share: float = 0.3
    local_actor_types: frozenset[str] = frozenset()
    source_from_types: frozenset[str] = frozenset()
    participants_of_types: frozenset[str] = frozenset()
    hosted_types: frozenset[str] = frozenset()
    host_from_location_modes: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    border_nouns: frozenset[str] = frozenset()
    traffic_nouns: frozenset[str] = frozenset()
    foreign_target_types: frozenset[str] = frozenset()
    passive_patient_types: frozenset[str] = frozenset()
    means_target_types: frozenset[str] = frozenset()
    means_object_types: frozenset[str] = frozenset()
    target_from_location_types: frozenset[str] = frozenset()
    domestic_target_types: frozenset[str] = frozenset()
    recipient_from_complement_types: frozenset[str] = frozenset()
    recipient_from_complement_place_types: frozenset[str] = frozenset()
    recipient_from_clause_types: frozenset[str] = frozenset()
    recipient_from_purpose_types: frozenset[str] = frozenset()
    displacing_types: frozenset[str] = frozenset()
    kept_by_parties_types: frozenset[str] = frozenset()
    state_in_place_types: frozenset[str] = frozenset()
    owning_verbs: frozenset[str] = frozenset()
    befallen_sectors: frozenset[str] = frozenset()
    recipient_from_context_types: frozenset[str] = frozenset()
    target_at_premises_types: frozenset[str] = frozenset()
    premises_preps: frozenset[str] = frozenset()
    own_government_target_types: frozenset[str] = frozenset()
    reaction_types: frozenset[str] = frozenset()
    event_anaphors: frozenset[str] = frozenset()
    anaphor_types: dict[str, frozenset[str]] = field(default_factory=dict)
    speech_anaphors: frozenset[str] = frozenset()
    provoking_marks: frozenset[str] = frozenset()
    # the PLOVER manual's own types (for scoring against PLOVER gold)
    plover_types: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, raw: Any, root: yaml.Node | None, *, path: Path) -> Cues:
        """The cues of a cues.yaml mapping; E101 at the line of an unknown or ill-typed cue."""
        if not isinstance(raw, dict):
            raise _fail(path, root, "cues.yaml must be a mapping of cue names")
        nodes = {k.value: k for k, _ in root.value} if isinstance(root, yaml.MappingNode) else {}
        kinds = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in raw.items():
            kind = kinds.get(name)
            try:
                if kind is None:
                    raise ValueError(f"unknown cue {name!r}")
                if kind == "frozenset[str]":  # as written: type names are upper case
                    values[name] = frozenset(str(v) for v in _listed(value))
                elif kind == "dict[str, frozenset[str]]":
                    values[name] = {str(k): frozenset(str(w) for w in _listed(v)) for k, v in _mapping(value).items()}
                elif kind == "dict[str, str]":
                    values[name] = {str(k): str(v) for k, v in _mapping(value).items()}
                elif kind == "dict[str, dict[str, str]]":
                    values[name] = {str(k): {str(a): str(b) for a, b in _mapping(v).items()}
                                    for k, v in _mapping(value).items()}
                else:
                    values[name] = int(value) if kind == "int" else float(value)
            except (TypeError, ValueError) as exc:
                raise _fail(path, nodes.get(name, root), f"cue {name}: {exc}") from None
        return cls(**values)


@dataclass(frozen=True)
class Codebook:
    entries: tuple[Entry, ...]
    scores: dict[str, float]  # "ASSAULT" and "ASSAULT:drone" -> PLOVER score
    issues: PhraseIndex  # issues.yaml
    cues: Cues
    verb_index: dict[str, list[tuple[Entry, Phrase]]]
    noun_index: dict[str, list[tuple[Entry, Phrase]]]
    contexts: PhraseIndex = field(default_factory=dict)  # contexts.yaml `words`
    context_sectors: dict[str, str] = field(default_factory=dict)  # contexts.yaml `sectors`

    def entry_of(self, rule: str) -> Entry | None:
        """The entry an event's ``rule`` names ("agree.agree:noun:agreement" -> agree.agree)."""
        return self._by_id.get(rule.split(":", 1)[0])

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def score(self, event_type: str, modes: list[str]) -> float | None:
        for mode in modes:
            if f"{event_type}:{mode}" in self.scores:
                return self.scores[f"{event_type}:{mode}"]
        return self.scores.get(event_type)

    def plover_type(self, event_type: str, factuality: str) -> str:
        """The type as the PLOVER manual codes it: tidings keeps a planned meeting a CONSULT with
        factuality ``future``; PLOVER codes it AGREE (cues.yaml ``plover_types``)."""
        return self.cues.plover_types.get(factuality, {}).get(event_type, event_type)


def _fail(path: Path, node: yaml.Node | None, detail: str) -> TidingsError:
    line = node.start_mark.line + 1 if node is not None else 0
    return TidingsError(Errors.E101, path=path, line=line, detail=detail)


class _WordLoader(yaml.SafeLoader):
    """YAML without YAML 1.1's word booleans: codebooks list words like on, off, no and yes."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _load_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.load(text, Loader=_WordLoader), yaml.compose(text, Loader=_WordLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise TidingsError(Errors.E101, path=path, line=line, detail=f"not valid YAML: {exc}") from exc


def _entry_nodes(root: yaml.Node | None) -> list[yaml.Node | None]:
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "entries" and isinstance(value, yaml.SequenceNode):
                return list(value.value)
    return []


def _words(value: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in _listed(value))


def _listed(value: Any) -> list:
    """A YAML list (None for absent); a bare string or number is a mistake, not a list."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {value!r}")
    return value


def _mapping(value: Any) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError(f"expected a mapping, got {value!r}")
    return value


def _complement_words(value: Any) -> dict[str, frozenset[str]]:
    """``complements`` / ``not_complements``: trigger lemma -> words opening a complement."""
    return {str(k): frozenset(str(w) for w in _listed(v)) for k, v in _mapping(value).items()}


def _entry(raw: Any, path: Path, node: yaml.Node | None) -> Entry:
    if not isinstance(raw, dict):
        raise _fail(path, node, "an entry must be a mapping")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise _fail(path, node, f"unknown field(s) {sorted(unknown)}")
    if "id" not in raw or raw.get("type") not in EVENT_TYPES:
        raise _fail(path, node, f"entry needs an id and a type from {list(EVENT_TYPES)}")
    if not raw.get("verbs") and not raw.get("nouns"):
        raise _fail(path, node, f"entry {raw['id']} has neither verbs nor nouns")
    if raw.get("negated_type") not in (None, *EVENT_TYPES):
        raise _fail(path, node, f"negated_type must be an event type, not {raw['negated_type']!r}")
    for key in ("complement_types", "negated_complement_types"):
        retyped = raw.get(key) or {}
        if not isinstance(retyped, dict) or not {*retyped, *retyped.values()} <= set(EVENT_TYPES):
            raise _fail(path, node, f"{key} must map event types to event types, not {retyped!r}")
    if raw.get("reciprocal") not in (None, True, False, "all"):
        raise _fail(path, node, f"reciprocal must be true, false or 'all', not {raw['reciprocal']!r}")
    complement = raw.get("complement", "issue")
    if complement not in ("issue", "event"):
        raise _fail(path, node, f"complement must be 'issue' or 'event', not {complement!r}")
    try:
        return Entry(
            id=str(raw["id"]),
            type=raw["type"],
            cameo=str(raw["cameo"]) if raw.get("cameo") is not None else None,
            verbs=tuple(Phrase.parse(v, noun=False) for v in _listed(raw.get("verbs"))),
            nouns=tuple(Phrase.parse(n, noun=True) for n in _listed(raw.get("nouns"))),
            objects=_words(raw.get("objects")),
            not_objects=_words(raw.get("not_objects")),
            objects_for={k: _words(v) for k, v in _mapping(raw.get("objects_for")).items()},
            modifiers=_words(raw.get("modifiers")),
            modifiers_for={k: _words(v) for k, v in _mapping(raw.get("modifiers_for")).items()},
            not_modifiers=_words(raw.get("not_modifiers")),
            mode=tuple(str(m) for m in _listed(raw.get("mode"))),
            modes={str(k): str(v) for k, v in _mapping(raw.get("modes")).items()},
            context=tuple(str(c) for c in _listed(raw.get("context"))),
            reciprocal=bool(raw.get("reciprocal", False)),
            object_parties=raw.get("reciprocal") == "all",
            complement=complement,
            recipient_preps=tuple(str(p) for p in _listed(raw.get("recipient_preps")))
            or DEFAULT_RECIPIENT_PREPS,
            confidence=float(raw.get("confidence", 0.7)),
            complements=_complement_words(raw.get("complements")),
            not_complements=_complement_words(raw.get("not_complements")),
            not_subjects=_words(raw.get("not_subjects")),
            negated_type=raw.get("negated_type"),
            complement_types={str(k): str(v) for k, v in _mapping(raw.get("complement_types")).items()},
            effect=bool(raw.get("effect", False)),
            ergative=_words(raw.get("ergative")),
            negated_complement_types={
                str(k): str(v) for k, v in _mapping(raw.get("negated_complement_types")).items()},
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise _fail(path, node, f"entry {raw['id']}: {exc}") from None


def load(directory: Path = CODEBOOK_DIR) -> Codebook:
    """Read events.yaml, scores.yaml, issues.yaml, contexts.yaml (optional) and cues.yaml from
    ``directory``."""
    events_path = directory / "events.yaml"
    raw, root = _load_yaml(events_path)
    nodes = _entry_nodes(root)
    entries = []
    seen: set[str] = set()
    for i, item in enumerate((raw or {}).get("entries") or []):
        node = nodes[i] if i < len(nodes) else None
        entry = _entry(item, events_path, node)
        if entry.id in seen:
            raise _fail(events_path, node, f"duplicate entry id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)

    verb_index: dict[str, list[tuple[Entry, Phrase]]] = defaultdict(list)
    noun_index: dict[str, list[tuple[Entry, Phrase]]] = defaultdict(list)
    for entry in entries:
        for phrase in entry.verbs:
            verb_index[phrase.head].append((entry, phrase))
        for phrase in entry.nouns:
            noun_index[phrase.head].append((entry, phrase))

    score_data, _ = _load_yaml(directory / "scores.yaml")
    scores: dict[str, float] = {k: float(v) for k, v in score_data["types"].items()}
    for event_type, modes in score_data.get("modes", {}).items():
        scores.update({f"{event_type}:{m}": float(v) for m, v in modes.items()})

    issue_data, _ = _load_yaml(directory / "issues.yaml")
    issues = _phrase_index(issue_data["issues"])
    context_path = directory / "contexts.yaml"
    context_data, _ = _load_yaml(context_path) if context_path.exists() else ({}, None)
    context_data = context_data or {}
    cues_path = directory / "cues.yaml"
    cues = Cues.parse(*_load_yaml(cues_path), path=cues_path)
    return Codebook(tuple(entries), scores, issues, cues, dict(verb_index), dict(noun_index),
                    contexts=_phrase_index(context_data.get("words") or {}),
                    context_sectors={str(k): str(v) for k, v in (context_data.get("sectors") or {}).items()})


@lru_cache(maxsize=4)
def default(directory: Path = CODEBOOK_DIR) -> Codebook:
    return load(directory)
