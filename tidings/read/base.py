"""What every reader shares: its registered shape, the options of a run, and safe byte access.

A reader is registered in ``tidings.registry.readers`` as a ``Reader``: a name, the file
suffixes it claims, a sniffer for files whose suffix says nothing, and a ``read`` function
``(path, options) -> Iterator[Article | SkippedInput]``. A plugin adds a format by registering
one more ``Reader`` (in code or through the "tidings_readers" entry point).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tidings.errors import Errors, SkippedInput
from tidings.model import Article

if TYPE_CHECKING:
    from tidings.read.fetch import Fetcher

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 4096
DEFAULT_FETCH_DIR = Path(".tidings-cache")

Item = Article | SkippedInput
ReadFunc = Callable[[Path, "ReadOptions"], Iterator[Item]]


@dataclass
class ReadOptions:
    """Settings of one ``read_paths`` run, handed to every reader."""

    max_bytes: int = 10_000_000
    fetch_dir: Path | None = None  # page cache for feeds; default .tidings-cache/ in the cwd
    fetch_delay: float = 1.0  # seconds between two requests to the same host
    timeout: float = 20.0  # seconds per HTTP request
    feed_max_age: float = 900.0  # a cached feed document older than this is fetched again
    _fetcher: Fetcher | None = field(default=None, repr=False)
    # links already read in this run: a story listed in two feeds is read once
    seen_links: set[str] = field(default_factory=set, repr=False)

    @property
    def fetcher(self) -> Fetcher:
        """One fetcher per run, so the per-host rate limit holds across all feeds."""
        if self._fetcher is None:
            from tidings.read.fetch import Fetcher

            self._fetcher = Fetcher(
                self.fetch_dir or DEFAULT_FETCH_DIR,
                delay=self.fetch_delay,
                timeout=self.timeout,
                max_bytes=self.max_bytes,
            )
        return self._fetcher


@dataclass(frozen=True)
class Reader:
    """A registered input format."""

    name: str
    read: ReadFunc
    suffixes: tuple[str, ...] = ()  # matched against the lower-cased file name, ".gz" removed
    sniff: Callable[[bytes], bool] | None = None  # given the (decompressed) first bytes
    whole_file: bool = True  # True: max_bytes limits the file; False: it limits each record
    count: Callable[[Path], int | None] | None = None  # articles in a file, for progress bars
    priority: int = 0  # sniffers run from high to low priority


def is_gzip(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(2) == GZIP_MAGIC


def head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of the file's content (decompressed if it is gzip)."""
    with path.open("rb") as f:
        raw = f.read(max(size, 65536))  # compressed: enough input for ``size`` bytes out
    if not raw.startswith(GZIP_MAGIC):
        return raw[:size]
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, size)
    except zlib.error as exc:
        raise SkippedInput(str(path), Errors.E011, detail=str(exc)) from None


def open_stream(path: Path):
    """A binary stream of the file's content, decompressing gzip transparently."""
    return gzip.open(path, "rb") if is_gzip(path) else path.open("rb")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The whole content, refusing (E004) a file, or a decompressed stream, over ``max_bytes``.

    The size of a plain file is checked before anything is read; gzip content is read at most
    one byte past the limit, so a compression bomb costs nothing.
    """
    check_size(path, max_bytes)
    try:
        with open_stream(path) as stream:
            data = stream.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise SkippedInput(str(path), Errors.E011, detail=str(exc) or type(exc).__name__) from None
    if len(data) > max_bytes:
        raise SkippedInput(str(path), Errors.E004, size=f"more than {max_bytes:,} decompressed", limit=max_bytes)
    return data


def check_size(path: Path, max_bytes: int) -> None:
    """E004 for a file over ``max_bytes`` on disk, before any of it is read."""
    size = path.stat().st_size
    if size > max_bytes:
        raise SkippedInput(str(path), Errors.E004, size=size, limit=max_bytes)
