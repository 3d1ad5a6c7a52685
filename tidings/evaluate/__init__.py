"""Evaluation: gold-set loaders and scorers behind `tidings eval`.

Scorers are registered by name in ``tidings.registry.scorers``; ``evaluate_path`` picks one by
looking at the file (``kind="auto"``) and returns ``(name, results)``.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

from tidings.errors import Errors, TidingsError
from tidings.registry import scorers

# name -> (module, scoring function, table formatter); modules load only when used.
_SCORERS = {
    "samples": ("tidings.evaluate.gold", "evaluate_gold", "format_report"),
    "agreement": ("tidings.evaluate.gold", "evaluate_agreement", "format_agreement"),
    "geo": ("tidings.evaluate.geo", "evaluate_geo", "format_geo_table"),
    "stories": ("tidings.evaluate.stories", "evaluate_stories", "format_stories"),
    "stances": ("tidings.evaluate.stances", "evaluate_stances", "format_stances"),
    "plover-gsr": ("tidings.evaluate.plover_gsr", "evaluate_plover_gsr", "format_gsr"),
}


def _lazy_scorer(module: str, function: str, formatter: str) -> Callable[..., dict]:
    def score(path: Path, *, limit: int | None = None, **_: object) -> dict:
        return getattr(importlib.import_module(module), function)(path, limit=limit)

    score.format = lambda result: getattr(importlib.import_module(module), formatter)(result)  # type: ignore[attr-defined]
    return score


for _name, _parts in _SCORERS.items():
    scorers.register(_name, func=_lazy_scorer(*_parts))


@scorers.register("petrarch")
def _petrarch(path: Path, *, limit: int | None = None, dictionaries: Path | None = None,
              **_: object) -> dict:
    """PETRARCH2's validation records, coded with the PETRARCH-format dictionaries they use."""
    from tidings.evaluate.petrarch import evaluate_petrarch

    if dictionaries is None:
        raise TidingsError(Errors.E301, path=path, line=0,
                           detail="PETRARCH2 validation records need --dictionaries DIR")
    return evaluate_petrarch(path, dictionaries, limit=limit)


_petrarch.format = lambda result: importlib.import_module(  # type: ignore[attr-defined]
    "tidings.evaluate.petrarch").format_table(result)


def _first_record(path: Path) -> object:
    with open(path, encoding="utf-8") as f:
        if path.suffix == ".jsonl":
            return json.loads(f.readline())
        data = json.load(f)
    return data[0] if isinstance(data, list) and data else data


def detect(path: Path) -> str:
    """Which scorer reads this gold file."""
    if path.is_dir() or path.suffix == ".xml":
        return "geo"
    try:
        first = _first_record(path)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise TidingsError(Errors.E301, path=path, line=1, detail=f"not a gold file: {exc}") from None
    if isinstance(first, dict) and "expected" in first and "parse" in first:
        return "petrarch"
    if isinstance(first, dict) and "stances" in first and "article_id" in first:
        return "stances"
    if (isinstance(first, dict) and "article_id" in first and isinstance(first.get("events"), list)
            and any(isinstance(e, dict) and "story" in e for e in first["events"])):
        return "stories"
    if isinstance(first, dict) and "events" in first and "article_id" in first:
        # a second hand-coding of sample articles marks itself so (samples/README.md)
        return "agreement" if first.get("split") == "second" else "samples"
    if isinstance(first, dict) and ("DOCUMENT" in json.dumps(first)[:200] or "event" in first):
        return "plover-gsr"
    raise TidingsError(Errors.E301, path=path, line=1, detail="unknown gold format")


def evaluate_path(kind: str, path: Path, *, limit: int | None = None, **options: object) -> tuple[str, dict]:
    if not path.exists():
        raise TidingsError(Errors.E301, path=path, line=0, detail="no such file or folder")
    name = detect(path) if kind == "auto" else kind
    return f"{name}:{path.name}", scorers.get(name)(path, limit=limit, **options)


def format_results(name: str, result: dict) -> str:
    formatter = getattr(scorers.get(name.split(":", 1)[0]), "format", None)
    return f"# {name}\n" + (formatter(result) if formatter else json.dumps(result, indent=2, default=str))


def every_set(data: Path) -> list[tuple[str, Path, dict]]:
    """The gold sets under ``data`` (the project's ../shared/data layout) that tidings can score."""
    jobs: list[tuple[str, Path, dict]] = []
    samples = Path(__file__).resolve().parents[2] / "samples"
    for kind, gold in (("samples", samples / "gold.jsonl"),
                       ("agreement", samples / "second-coding.jsonl"),
                       ("stories", samples / "clusters" / "gold.jsonl"),
                       ("stances", samples / "clusters" / "stances.jsonl")):
        if gold.exists():
            jobs.append((kind, gold, {}))
    petrarch = data / "petrarch2-validation" / "records-dev.jsonl"
    if petrarch.exists():
        jobs.append(("petrarch", petrarch, {"dictionaries": data / "petrarch2-dictionaries"}))
    gsr = sorted((data / "plover-gsr").glob("*.json"))
    jobs += [("plover-gsr", p, {}) for p in gsr]
    for folder in ("geoparsing", "geovirus"):
        if (data / folder).exists():
            jobs.append(("geo", data / folder, {}))
    return [job for job in jobs if job[0] in scorers.get_all()]
