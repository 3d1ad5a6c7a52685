"""What the scorers share: reading gold JSONL files, and counting precision, recall and F1."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import Errors, TidingsError


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Rate:
    hits: int = 0
    total: int = 0

    def count(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict:
        value = self.value
        return {"hits": self.hits, "total": self.total,
                "rate": round(value, 4) if value is not None else None}


def read_jsonl(path: Path, required: tuple[str, ...] = (),
               types: dict[str, type] | None = None) -> list[dict]:
    """The records of a gold JSONL file, each with the ``required`` fields and the field
    ``types`` given; a bad line is E301 naming the file and line."""
    records = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise TidingsError(Errors.E301, path=path, line=number, detail=str(exc)) from None
            if not isinstance(record, dict):
                raise TidingsError(Errors.E301, path=path, line=number, detail="not an object")
            missing = [key for key in required if key not in record]
            if missing:
                raise TidingsError(Errors.E301, path=path, line=number,
                                   detail=f"a record needs {', '.join(map(repr, missing))}")
            for key, kind in (types or {}).items():
                if key in record and not isinstance(record[key], kind):
                    raise TidingsError(Errors.E301, path=path, line=number,
                                       detail=f"{key!r} must be a {kind.__name__}")
            records.append(record)
    return records
