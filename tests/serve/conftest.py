"""Real servers on free loopback ports, over stores filled once per session.

``pipeline_db`` is the sample corpus coded by the real pipeline; ``handmade_db`` is a tiny
store with exact offsets (tests/serve/handmade.py) for what must look a certain way.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from tidings.serve import create_app

from . import handmade

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus" / "articles.jsonl"
TOKEN = "test-write-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """uvicorn serving ``create_app(db)`` in a thread on 127.0.0.1."""

    def __init__(self, db: Path, write_token: str | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db, write_token=write_token), host="127.0.0.1",
                                port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def _pipeline():  # noqa: ANN202 - the tidings.api module
    try:
        from tidings import api
    except ImportError as exc:  # the actors stage is still being finished
        pytest.skip(f"the pipeline does not import yet ({exc}); API tests need a coded corpus")
    return api


@pytest.fixture(scope="session")
def pipeline_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus coded by the real pipeline (read, NLP, actors, places, events, dedup).

    Set TIDINGS_TEST_SERVE_DB to a store already built from samples/corpus to skip coding.
    """
    prebuilt = os.environ.get("TIDINGS_TEST_SERVE_DB")
    if prebuilt:
        path = tmp_path_factory.mktemp("serve") / "corpus.duckdb"
        shutil.copy(prebuilt, path)
        return path
    api = _pipeline()
    path = tmp_path_factory.mktemp("serve") / "corpus.duckdb"
    report = api.ingest([CORPUS], path)  # what `tidings ingest samples/corpus` runs
    assert report.coded > 0 and report.events > 0, report
    return path


@pytest.fixture(scope="session")
def handmade_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return handmade.build(tmp_path_factory.mktemp("serve") / "handmade.duckdb")


@pytest.fixture(scope="session")
def server(pipeline_db: Path) -> Iterator[Server]:
    """A read-only server over the coded corpus."""
    with Server(pipeline_db) as running:
        yield running


@pytest.fixture(scope="session")
def handmade_server(handmade_db: Path) -> Iterator[Server]:
    with Server(handmade_db) as running:
        yield running


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as c:
        yield c


@pytest.fixture
def write_server(handmade_db: Path, tmp_path: Path) -> Iterator[Server]:
    """A server with writes enabled (token ``TOKEN``) over a copy of the handmade store."""
    copy = tmp_path / "writable.duckdb"
    shutil.copy(handmade_db, copy)
    with Server(copy, write_token=TOKEN) as running:
        yield running
