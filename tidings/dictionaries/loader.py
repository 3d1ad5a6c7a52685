"""Finding and loading a set of PETRARCH-format dictionaries from one folder.

The files are chosen, in order of preference, by a ``dictionaries.yaml`` manifest in the
folder, by a named profile (``phoenix``: PETRARCH2's production set; ``validate``: the
PETR.Validate.* set of the validation suite), or by suffix (``*.actors.txt``, ``*.agents.txt``,
``*.discards.txt``, ``*.verbs.txt``, ``*.issues.txt``). See docs/dictionaries.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tidings.dictionaries.actors import ActorDictionary, load_actors
from tidings.dictionaries.agents import AgentDictionary, load_agents
from tidings.dictionaries.common import LoadReport
from tidings.dictionaries.discards import DiscardList, load_discards
from tidings.dictionaries.issues import IssueDictionary, load_issues
from tidings.dictionaries.verbs import VerbDictionary, load_verbs
from tidings.errors import Errors, TidingsError

MANIFEST = "dictionaries.yaml"
KINDS = ("verbs", "actors", "agents", "discards", "issues")

PROFILES: dict[str, dict[str, list[str]]] = {
    "phoenix": {
        "verbs": ["CAMEO.2.0.txt"],
        "actors": ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"],
        "agents": ["Phoenix.agents.txt"],
        "discards": ["Phoenix.discards.txt"],
        "issues": ["Phoenix.IssueCoding.txt"],
    },
    "validate": {
        "verbs": ["PETR.Validate.verbs.txt"],
        "actors": ["PETR.Validate.actors.txt"],
        "agents": ["PETR.Validate.agents.txt"],
        "discards": ["PETR.Validate.discards.txt"],
        "issues": [],
    },
}

_LOADERS = {"verbs": load_verbs, "actors": load_actors, "agents": load_agents, "discards": load_discards, "issues": load_issues}


@dataclass
class Dictionaries:
    """Everything a ``DictionaryCoder`` needs; ``warnings`` lists the lines that were skipped."""

    actors: ActorDictionary = field(default_factory=ActorDictionary)
    agents: AgentDictionary = field(default_factory=AgentDictionary)
    verbs: VerbDictionary = field(default_factory=VerbDictionary)
    discards: DiscardList = field(default_factory=DiscardList)
    issues: IssueDictionary = field(default_factory=IssueDictionary)
    warnings: list[str] = field(default_factory=list)
    files: dict[str, list[Path]] = field(default_factory=dict)


def choose_files(folder: Path, profile: str | None = None) -> dict[str, list[Path]]:
    """Which file of ``folder`` holds which dictionary (see the module docstring)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise TidingsError(Errors.E402, path=folder, detail="not a directory")
    manifest = folder / MANIFEST
    if profile is None and manifest.exists():
        try:
            spec = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise TidingsError(Errors.E402, path=folder, detail=f"{MANIFEST} is not valid YAML ({exc})") from exc
        if not isinstance(spec, dict) or set(spec) - set(KINDS):
            raise TidingsError(Errors.E402, path=folder, detail=f"{MANIFEST} keys must be among {', '.join(KINDS)}")
        names = {k: [spec[k]] if isinstance(spec.get(k), str) else list(spec.get(k) or []) for k in KINDS}
    elif profile is not None:
        if profile not in PROFILES:
            raise TidingsError(Errors.E402, path=folder, detail=f"unknown profile {profile!r}: choose {', '.join(PROFILES)}")
        names = PROFILES[profile]
    else:
        names = next((p for p in PROFILES.values() if all((folder / n).exists() for n in p["verbs"] + p["actors"])), {})
        if not names:
            names = {k: sorted(p.name for p in folder.glob(f"*.{k}.txt")) for k in KINDS}
    files = {k: [folder / n for n in names.get(k, [])] for k in KINDS}
    missing = [str(p.name) for paths in files.values() for p in paths if not p.exists()]
    if missing:
        raise TidingsError(Errors.E402, path=folder, detail=f"missing {', '.join(missing)}")
    if not files["verbs"] or not files["actors"]:
        raise TidingsError(Errors.E402, path=folder, detail="no verb or actor dictionary found")
    return files


def load_dictionaries(folder: Path, profile: str | None = None, strict: bool = False) -> Dictionaries:
    """Load the dictionaries of ``folder``; malformed lines become warnings (E401), or an
    error with ``strict=True``."""
    files = choose_files(folder, profile)
    report = LoadReport(strict=strict)
    dicts = Dictionaries(files=files)
    for kind in KINDS:
        for path in files[kind]:
            _LOADERS[kind](path, report, getattr(dicts, kind))
    dicts.warnings = report.warnings
    return dicts
