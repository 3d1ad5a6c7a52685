"""Agent dictionaries: role words -> sector codes (``PRESIDENT [~GOV]``, ``MSF {} [NGO~]``).

``~CODE`` is added after the actor code, ``CODE~`` before it. Regular plurals are generated,
``{PLURAL}`` gives irregular ones, ``{}`` none; ``!MARKER! = A, B`` defines substitutions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.dictionaries.common import (
    LoadReport,
    bracketed,
    read_lines,
    regular_plurals,
    split_phrase,
)
from tidings.dictionaries.phrases import PhraseIndex


@dataclass(frozen=True)
class Agent:
    """A role: ``code`` goes after the actor code, or before it when ``prefix``."""

    code: str
    prefix: bool = False
    where: str = ""


@dataclass
class AgentDictionary:
    index: PhraseIndex[Agent] = field(default_factory=PhraseIndex)
    files: list[str] = field(default_factory=list)


_MARKER_DEF = re.compile(r"^!(\w+)!\s*=\s*(.*)$")
_MARKER = re.compile(r"!(\w+)!")
_AGENT_CODE = re.compile(r"^(~[A-Za-z0-9]+|[A-Za-z0-9]+~)$")


def _expand_markers(name: str, markers: dict[str, list[str]]) -> list[str] | None:
    found = _MARKER.search(name)
    if not found:
        return [name]
    if found.group(1) not in markers:
        return None
    out: list[str] = []
    for item in markers[found.group(1)]:
        expanded = _expand_markers(name[: found.start()] + item + name[found.end() :], markers)
        if expanded is None:
            return None
        out.extend(expanded)
    return out


def _plurals(name: str) -> list[str]:
    """Regular plurals of a phrase: the last word takes the plural."""
    stem = name.rstrip("_ ")
    last = re.split(r"[_\s]", stem)[-1]
    return [stem[: len(stem) - len(last)] + plural for plural in regular_plurals(last.upper())]


def load_agents(path: Path, report: LoadReport | None = None, into: AgentDictionary | None = None) -> AgentDictionary:
    report = report or LoadReport()
    agents = into or AgentDictionary()
    agents.files.append(str(path))
    markers: dict[str, list[str]] = {}
    for line in read_lines(path):
        text = line.text.strip()
        definition = _MARKER_DEF.match(text)
        if definition:
            markers[definition.group(1)] = [w.strip() for w in definition.group(2).split(",") if w.strip()]
            continue
        rest, codes = bracketed(text)
        if len(codes) != 1:
            report.warn(path, line.number, "an agent needs exactly one [code]")
            continue
        code = codes[0].replace(" ", "")
        if not _AGENT_CODE.match(code):
            report.warn(path, line.number, f"bad agent code {codes[0]!r}: use [~CODE] or [CODE~]")
            continue
        agent = Agent(code.strip("~").upper(), prefix=code.endswith("~"), where=f"{path.name}:{line.number}")
        plural_spec: list[str] | None = None
        brace = re.search(r"\{([^}]*)\}", rest)
        if brace:
            plural_spec = brace.group(1).split()
            rest = rest[: brace.start()] + rest[brace.end() :]
        if "{" in rest or "}" in rest or "[" in rest or "]" in rest:
            report.warn(path, line.number, "unbalanced braces or brackets")
            continue
        name = rest.strip()
        if not name:
            report.warn(path, line.number, "no agent phrase")
            continue
        names = _expand_markers(name, markers)
        if names is None:
            report.warn(path, line.number, "undefined substitution marker")
            continue
        forms: list[str] = list(names)
        if names == [name]:  # substituted forms get no plurals (dictionaries.rst)
            if plural_spec is None:
                forms += _plurals(name)
            else:
                forms += plural_spec
        for form in forms:
            agents.index.add(split_phrase(form), agent)
    return agents
