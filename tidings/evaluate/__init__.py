"""Evaluation: gold-set loaders and scorers behind `tidings eval`.

Scorers are registered by name in ``tidings.registry.scorers``; ``evaluate_path`` picks one by
looking at the file (``kind="auto"``) and returns ``(name, results)``.
"""

from __future__ import annotations

import json
from pathlib import Path

from tidings.errors import Errors, TidingsError
from tidings.registry import scorers


@scorers.register("samples")
def _samples(path: Path, *, limit: int | None = None, **_: object) -> dict:
    from tidings.evaluate.gold import evaluate_gold

    return evaluate_gold(path, limit=limit)


@scorers.register("geo")
def _geo(path: Path, *, limit: int | None = None, **_: object) -> dict:
    from tidings.evaluate.geo import evaluate_geo

    return evaluate_geo(path, limit=limit)


@scorers.register("stories")
def _stories(path: Path, *, limit: int | None = None, **_: object) -> dict:
    from tidings.evaluate.stories import evaluate_stories

    return evaluate_stories(path, limit=limit)


def _format_stories(result: dict) -> str:
    from tidings.evaluate.stories import format_stories

    return format_stories(result)


_stories.format = _format_stories  # type: ignore[attr-defined]


@scorers.register("stances")
def _stances(path: Path, *, limit: int | None = None, **_: object) -> dict:
    from tidings.evaluate.stances import evaluate_stances

    return evaluate_stances(path, limit=limit)


def _format_stances(result: dict) -> str:
    from tidings.evaluate.stances import format_stances

    return format_stances(result)


_stances.format = _format_stances  # type: ignore[attr-defined]


@scorers.register("plover-gsr")
def _plover_gsr(path: Path, *, limit: int | None = None, **_: object) -> dict:
    from tidings.evaluate.plover_gsr import evaluate_plover_gsr

    return evaluate_plover_gsr(path, limit=limit)


def _format_plover_gsr(result: dict) -> str:
    from tidings.evaluate.plover_gsr import format_gsr

    return format_gsr(result)


_plover_gsr.format = _format_plover_gsr  # type: ignore[attr-defined]


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
        return "samples"
    if isinstance(first, dict) and ("DOCUMENT" in json.dumps(first)[:200] or "event" in first):
        return "plover-gsr"
    raise TidingsError(Errors.E301, path=path, line=1, detail="unknown gold format")


def evaluate_path(kind: str, path: Path, *, limit: int | None = None, **options: object) -> tuple[str, dict]:
    if not path.exists():
        raise TidingsError(Errors.E301, path=path, line=0, detail="no such file or folder")
    name = detect(path) if kind == "auto" else kind
    return f"{name}:{path.name}", scorers.get(name)(path, limit=limit, **options)


def format_results(name: str, result: dict) -> str:
    kind = name.split(":", 1)[0]
    if kind == "samples":
        from tidings.evaluate.gold import format_report

        return f"# {name}\n" + format_report(result)
    if kind == "geo":
        from tidings.evaluate.geo import format_geo_table

        return f"# {name}\n" + format_geo_table(result)
    formatter = getattr(scorers.get(kind), "format", None)
    return f"# {name}\n" + (formatter(result) if formatter else json.dumps(result, indent=2, default=str))


def every_set(data: Path) -> list[tuple[str, Path, dict]]:
    """The gold sets under ``data`` (the project's ../shared/data layout) that tidings can score."""
    jobs: list[tuple[str, Path, dict]] = []
    samples = Path(__file__).resolve().parents[2] / "samples" / "gold.jsonl"
    if samples.exists():
        jobs.append(("samples", samples, {}))
    petrarch = data / "petrarch2-validation" / "records-dev.jsonl"
    if petrarch.exists():
        jobs.append(("petrarch", petrarch, {"dictionaries": data / "petrarch2-dictionaries"}))
    gsr = sorted((data / "plover-gsr").glob("*.json"))
    jobs += [("plover-gsr", p, {}) for p in gsr]
    for folder in ("geoparsing", "geovirus"):
        if (data / folder).exists():
            jobs.append(("geo", data / folder, {}))
    return [job for job in jobs if job[0] in scorers.get_all()]
