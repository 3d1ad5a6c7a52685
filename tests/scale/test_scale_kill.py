"""Kill `tidings ingest` with SIGKILL at random moments, run it again, and check the store ends
with every article exactly once and equal to a clean single run."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_helpers import article_ids, build_corpus, stored_rows

from tidings import api

N_ARTICLES = 240
CLI = [sys.executable, "-c", "from tidings.cli import main; main()", "ingest"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_corpus(N_ARTICLES, tmp_path_factory.mktemp("kill") / "corpus.jsonl")


@pytest.fixture(scope="module")
def clean(corpus, nlp) -> Path:
    """The corpus ingested in one uninterrupted run."""
    db = corpus.parent / "clean.duckdb"
    api.ingest([corpus], db)
    return db


def descendants(pid: int) -> set[int]:
    """The process's children, grandchildren, ... (Linux /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def wait_gone(pids: set[int], timeout: float = 60) -> set[int]:
    """Wait for processes to end; return those still alive after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        alive = {p for p in pids if Path(f"/proc/{p}").exists()
                 and "zombie" not in _state(p)}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def _state(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "zombie"
    return next((line for line in status.splitlines() if line.startswith("State:")), "").lower()


def coded_so_far(line: bytes) -> int | None:
    """The number of articles coded and committed, from a progress line of the CLI."""
    found = re.search(rb"\(coded (\d+)", line)
    return int(found.group(1)) if found else None


def run_until_killed(command: list[str], rng: random.Random, remaining: int,
                     first: bool) -> tuple[int, set[int], str]:
    """Start the command and SIGKILL it: the first time after a random delay (often while it
    starts), later after it has committed a random number of articles plus a random delay.
    Returns (exit code, the processes it had started, what was waited for); exit code 0 means
    it finished first."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if first:
        moment = f"{rng.uniform(0.2, 5):.1f}s after start"
        time.sleep(float(moment.split("s")[0]))
    else:
        target = rng.randint(1, max(1, remaining // 3))
        moment = f"{target} articles coded"
        for line in proc.stderr:
            coded = coded_so_far(line)
            if coded is not None and coded >= target:
                break
        pause = rng.uniform(0, 0.5)
        moment += f" + {pause:.1f}s"
        time.sleep(pause)
    family = descendants(proc.pid)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    return proc.returncode, family, moment


def kill_and_resume(corpus: Path, clean: Path, db: Path, workers: int, kills: int) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    command = [*CLI, str(corpus), "--db", str(db), "--workers", str(workers), "--log-every", "0"]
    stored, mid_run, log = 0, 0, []
    # Workers run ahead of the commits, so a kill meant for mid-run can land after the last
    # article: keep killing (from a fresh store once everything is in) until one lands mid-run.
    for round_ in range(kills * 4):
        if round_ >= kills and mid_run:
            break
        if stored == N_ARTICLES:
            db.unlink()
            stored = 0
        code, family, moment = run_until_killed(command, rng, N_ARTICLES - stored, round_ == 0)
        assert code in (0, -signal.SIGKILL), f"seed {seed}: exit {code}"
        assert not wait_gone(family), f"workers outlived their driver (seed {seed})"
        ids = article_ids(db) if db.exists() else []  # a new store appears whole, or not
        log.append((moment, len(ids)))
        assert len(ids) == len(set(ids)) <= N_ARTICLES, f"seed {seed}, kills {log}"
        if ids:  # whatever was committed is exactly what a clean run stores for those articles
            assert stored_rows(db, set(ids)) == stored_rows(clean, set(ids)), f"seed {seed}"
        if code == 0 and mid_run:
            break
        mid_run += stored < len(ids) < N_ARTICLES
        stored = len(ids)
    assert mid_run >= 1, f"no kill landed mid-run (seed {seed}, kills {log})"
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    ids = article_ids(db)
    assert len(ids) == len(set(ids)) == N_ARTICLES
    assert stored_rows(db) == stored_rows(clean), f"seed {seed}, kills {log}"


@pytest.mark.slow
def test_kill_in_process_run_and_resume(corpus, clean, tmp_path):
    kill_and_resume(corpus, clean, tmp_path / "killed.duckdb", workers=1, kills=4)


@pytest.mark.slow
def test_kill_dask_run_and_resume(corpus, clean, tmp_path):
    kill_and_resume(corpus, clean, tmp_path / "killed.duckdb", workers=2, kills=3)


def test_cli_rerun_codes_nothing_and_says_so(corpus, clean, tmp_path):
    db = tmp_path / "copy.duckdb"
    db.write_bytes(clean.read_bytes())
    done = subprocess.run([*CLI, str(corpus), "--db", str(db)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "120"})
    assert done.returncode == 0, done.stderr
    assert f"{N_ARTICLES}/{N_ARTICLES}" in done.stderr  # the progress bar, on stderr

    def row(name: str) -> list[str]:
        line = [line for line in done.stderr.splitlines() if name in line][-1]  # the table
        return line.replace("│", " ").split()

    assert row("already stored")[-1] == str(N_ARTICLES)
    assert row("coded and stored")[-3:] == ["0", "(0", "events)"]
    assert stored_rows(db) == stored_rows(clean)
