"""One table over every scored set: each set's headline measures beside the reference figures
published for the same set and the project's goals (data/evaluation/headlines.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HEADLINES = Path(__file__).resolve().parents[1] / "data" / "evaluation" / "headlines.yaml"


@dataclass(frozen=True)
class SummaryRow:
    set: str  # "petrarch:records-dev.jsonl", or "geo:geoparsing/lgl-dev" for one corpus
    measure: str
    value: str
    reference: str
    goal: str


@lru_cache(maxsize=1)
def headlines() -> dict[str, list[dict]]:
    return yaml.safe_load(HEADLINES.read_text(encoding="utf-8"))


def _lookup(result: dict, path: str) -> object:
    value: object = result
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _shown(value: object, percent: bool) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "-" if value is None else str(value)
    if percent:
        return f"{100 * value:.1f}"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _reference(spec: dict, corpus: str | None) -> str:
    reference = spec.get("reference", "")
    if isinstance(reference, dict):  # per corpus, keyed by the start of its name
        name = (corpus or "").lower()
        return next((text for key, text in reference.items() if name.startswith(key)), "")
    return str(reference)


def summarize(results: dict[str, dict]) -> list[SummaryRow]:
    """Headline rows for ``results`` (scorer:set name -> result), in the order given."""
    rows: list[SummaryRow] = []
    for name, result in results.items():
        specs = headlines().get(name.split(":", 1)[0], [])
        # The geo scorer returns one block per corpus; the others one result.
        blocks = result.items() if name.startswith("geo:") else [(None, result)]
        for corpus, block in blocks:
            label = f"{name}/{corpus}" if corpus else name
            for spec in specs:
                reference = _reference(spec, corpus)
                # A goal set against the reference holds only where there is one.
                goal = str(spec.get("goal", "")) if reference or "reference" not in spec else ""
                value = _shown(_lookup(block, spec["path"]), spec.get("percent", False))
                rows.append(SummaryRow(label, spec["measure"], value, reference, goal))
    return rows


def format_summary(rows: list[SummaryRow]) -> str:
    head = ("set", "measure", "tidings", "reference", "goal")
    table = [head, *((r.set, r.measure, r.value, r.reference, r.goal) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
                     .rstrip() for line in table)
