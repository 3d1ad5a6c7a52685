"""Paths -> readers -> items. The reader is chosen by file name, else by sniffing the content.

Directories are walked recursively in sorted order (hidden files and folders, such as the
fetch cache, are left out), so the same inputs always give the same articles in the same order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.errors import Errors, SkippedInput
from tidings.read.base import Item, Reader, ReadOptions, check_size, head
from tidings.read.decode import bom_encoding, utf16_by_nuls
from tidings.registry import readers


def registered() -> list[Reader]:
    """All registered readers (plugins included), highest sniffing priority first."""
    found = [r for r in readers.get_all().values() if isinstance(r, Reader)]
    return sorted(found, key=lambda r: (-r.priority, r.name))


def _sniffable(data: bytes) -> bytes:
    """The head as UTF-8, so sniffers need not know about UTF-16/32 files."""
    encoding = bom_encoding(data) or utf16_by_nuls(data)
    if encoding and encoding != "utf-8-sig":
        return data.decode(encoding, "ignore").encode("utf-8")
    return data


def choose_reader(path: Path, all_readers: list[Reader] | None = None) -> Reader | None:
    """The reader whose suffix ends the file name (the longest such suffix wins; a final
    ".gz" is ignored), else the first whose sniffer accepts the content, else None."""
    all_readers = registered() if all_readers is None else all_readers
    name = path.name.lower().removesuffix(".gz")
    best: tuple[int, Reader] | None = None
    for reader in all_readers:
        for suffix in reader.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), reader)
    if best:
        return best[1]
    sample = _sniffable(head(path))
    for reader in all_readers:
        if reader.sniff is not None and reader.sniff(sample):
            return reader
    return None


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, sorted, skipping hidden names; links to folders
    are not followed (no cycles)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_file(path: Path, options: ReadOptions, all_readers: list[Reader] | None = None) -> Iterator[Item]:
    """Everything one file holds, every failure turned into a ``SkippedInput``."""
    where = str(path)
    try:
        reader = choose_reader(path, all_readers)
        if reader is None:
            raise SkippedInput(where, Errors.E008, detail="not a format tidings reads (see docs/input.md)")
        if reader.whole_file:
            check_size(path, options.max_bytes)
        yield from reader.read(path, options)
    except SkippedInput as skip:
        yield skip
    except OSError as exc:  # unreadable: permissions, a vanished file, a device
        yield SkippedInput(where, Errors.E008, detail=f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one broken input must not stop a batch
        yield SkippedInput(where, Errors.E008, detail=f"reader failed: {type(exc).__name__}: {exc}")


def read_paths(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = 10_000_000,
    fetch_dir: Path | None = None,
    fetch_delay: float = 1.0,
    timeout: float = 20.0,
) -> Iterator[Item]:
    """Articles from files, folders, archives and feeds; see tidings.read for the details."""
    options = ReadOptions(max_bytes=max_bytes, fetch_dir=fetch_dir, fetch_delay=fetch_delay, timeout=timeout)
    all_readers = registered()
    if isinstance(paths, str | Path):
        paths = [paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in walk(path):
                yield from read_file(child, options, all_readers)
        elif path.is_file():
            yield from read_file(path, options, all_readers)
        elif path.exists():
            yield SkippedInput(str(path), Errors.E008, detail="not a regular file or a directory")
        else:
            yield SkippedInput(str(path), Errors.E009)


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many articles the inputs hold, cheaply, for a progress bar; None if unknown
    (archives and feeds cannot be counted without reading them)."""
    all_readers = registered()
    if isinstance(paths, str | Path):
        paths = [paths]
    total = 0
    for given in paths:
        path = Path(given)
        files = walk(path) if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            try:
                reader = choose_reader(file, all_readers)
            except (SkippedInput, OSError):
                continue
            if reader is None:
                continue
            if reader.count is None:
                return None
            try:
                n = reader.count(file)
            except OSError:
                n = 0  # unreadable: it will be reported as skipped, not read
            if n is None:
                return None
            total += n
    return total
