"""Shared helpers for the events-stage tests: the shipped codebook and quick coding."""

from __future__ import annotations

import pytest

from tidings.api import code_text
from tidings.events import codebook as codebook_module
from tidings.events.triggers import find_triggers

PUBLISHED = "2025-08-16"  # a Saturday: "on Friday" is 2025-08-15


@pytest.fixture(scope="session")
def cb():
    return codebook_module.default()


@pytest.fixture(scope="session")
def triggers(nlp, cb):
    """``triggers(text) -> {token text: entry id}`` for every trigger found in ``text``."""

    def found(text: str) -> dict[str, str]:
        return {t.token.text: t.entry.id for t in find_triggers(nlp(text), cb)}

    return found


@pytest.fixture(scope="session")
def code(nlp):
    """``code(text) -> list[Event]`` through the whole pipeline, published 2025-08-16."""

    def coded(text: str, **kwargs):
        kwargs.setdefault("published", PUBLISHED)
        return code_text(text, **kwargs)

    return coded
