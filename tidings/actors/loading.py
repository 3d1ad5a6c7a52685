"""Reading the actor data files with line numbers, so a bad entry is reported as ``path:line``."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, TidingsError

# PLOVER's sector codes (PLOVER manual, "Country Names and Sector Codes") plus IGO for
# intergovernmental organisations, which CAMEO keeps as a type code.
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO",
})
# PLOVER's non-state top-level "countries" (and NATO, which tidings codes as its own).
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "NATO"})
CODE_RE = re.compile(r"^[A-Z]{3,4}$")


class Lined(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class LinedList(list):
    """A YAML sequence that remembers the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LinedList:
    out = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Lined:
    loader.flatten_mapping(node)
    out = Lined()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in out:
            raise TidingsError(Errors.E101, path=loader.name, line=line,
                               detail=f"duplicate key {key!r}")
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = line
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def fail(path: Path | str, line: int, detail: str) -> TidingsError:
    return TidingsError(Errors.E101, path=path, line=line, detail=detail)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; mappings come back as :class:`Lined` (line numbers kept)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise fail(path, 0, f"cannot read: {err.strerror}") from None
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        raise fail(path, line, f"invalid YAML: {err.problem or err.context}") from None
    finally:
        loader.dispose()


def read_csv(path: Path, columns: tuple[str, ...], optional: tuple[str, ...] = ()
             ) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` from a CSV with ``#`` comment lines and a header row; only the
    ``optional`` columns may be empty."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise fail(path, 0, f"cannot read: {err.strerror}") from None
    numbered = [(n, text) for n, text in enumerate(lines, 1)
                if text.strip() and not text.lstrip().startswith("#")]
    if not numbered:
        raise fail(path, 1, "no header row")
    first_line, header_text = numbered[0]
    header = next(csv.reader([header_text]))
    if tuple(h.strip() for h in header) != columns:
        raise fail(path, first_line, f"header must be {','.join(columns)}")
    for n, text in numbered[1:]:
        cells = next(csv.reader([text]))
        if len(cells) != len(columns) or not all(
                c.strip() or name in optional for name, c in zip(columns, cells, strict=True)):
            leeway = f" (only {', '.join(optional)} may be empty)" if optional else ""
            raise fail(path, n, f"expected {len(columns)} non-empty fields{leeway}, got {cells!r}")
        yield n, dict(zip(columns, (c.strip() for c in cells), strict=True))


def mapping(path: Path, value: Any, line: int, what: str) -> Lined:
    if not isinstance(value, Lined):
        raise fail(path, line, f"{what} must be a mapping")
    return value


def string_list(path: Path, value: Any, line: int, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise fail(path, line, f"{what} must be a non-empty list of strings")
    return [v.strip() for v in value]


def check_keys(path: Path, entry: Lined, allowed: set[str], required: set[str]) -> None:
    for key in entry:
        if key not in allowed:
            raise fail(path, entry.key_lines.get(key, entry.line),
                       f"unknown field {key!r} (expected one of {', '.join(sorted(allowed))})")
    missing = required - set(entry)
    if missing:
        raise fail(path, entry.line, f"missing field(s) {', '.join(sorted(missing))}")


def check_sector(path: Path, value: Any, line: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in SECTORS:
        raise fail(path, line, f"unknown sector {value!r} (PLOVER sectors: "
                               f"{' '.join(sorted(SECTORS))})")
    return value


def check_country(path: Path, value: Any, line: int, valid: frozenset[str]) -> str:
    if not isinstance(value, str) or value not in valid:
        raise fail(path, line, f"unknown country code {value!r} (use ISO 3166-1 alpha-3)")
    return value
