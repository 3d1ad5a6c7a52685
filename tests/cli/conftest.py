"""The CLI under typer's CliRunner, in process (the spaCy model is shared with the session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app

KHARKIV = ("Russian drones struck the Ukrainian city of Kharkiv on Tuesday, officials said.\n\n"
           "The European Union imposed new sanctions on Moscow on Wednesday.")
ZURICH = ("Protesters in Zürich demonstrated against the government of Switzerland on Monday, "
          "and police arrested dozens of them.")
MUSCAT = "Iran and Oman held talks in Muscat on Sunday about the nuclear programme."
FRENCH = ("Le président de la République a rencontré le premier ministre pour discuter de la "
          "situation dans le pays et des relations avec les voisins, selon un communiqué publié "
          "par le gouvernement.")
RECORDS = [
    {"id": "r-talks", "published": "2025-08-12", "source": "Wire",
     "text": "China and Japan held talks in Beijing on Monday."},
    {"id": "r-shelling", "published": "2025-08-12", "source": "Wire",
     "text": "India accused Pakistan of shelling villages in Kashmir on Sunday."},
]


@pytest.fixture
def run(nlp):
    """``run(*args) -> Result`` with stdout and stderr kept apart."""
    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


def write_good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kharkiv.txt").write_text(KHARKIV, encoding="utf-8")
    return folder / "kharkiv.txt"


def write_records(path: Path, records=RECORDS, broken_line: str | None = None) -> Path:
    lines = [json.dumps(r) for r in records]
    if broken_line is not None:
        lines.insert(1, broken_line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
