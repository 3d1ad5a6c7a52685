"""Polite HTTP fetching with an on-disk cache, for feeds and the articles they link to.

Polite: a ``User-Agent: tidings/<version>`` header, at least ``delay`` seconds between two
requests to the same host (longer if robots.txt asks with Crawl-delay), robots.txt obeyed,
timeouts, and a size limit. Cached: every page fetched is stored under the cache directory,
keyed by a hash of its URL, so a second run reads the disk instead of the network. Standard
library only (urllib).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from tidings.errors import Errors, SkippedInput
from tidings.read.decode import content_type_charset


def user_agent() -> str:
    try:
        version = metadata.version("tidings")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"tidings/{version}"


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    body: bytes
    content_type: str | None
    from_cache: bool = False

    @property
    def charset(self) -> str | None:
        return content_type_charset(self.content_type)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): never to file:// or ftp://."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl} refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """GET pages politely and cache them on disk (see the module docstring)."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        delay: float = 1.0,
        timeout: float = 20.0,
        max_bytes: int = 10_000_000,
        agent: str | None = None,
        respect_robots: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.cache_dir = Path(cache_dir)
        self.delay = delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.agent = agent or user_agent()
        self.respect_robots = respect_robots
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}  # host -> clock() at its last request
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects)
        self.requests = 0  # network requests made (robots.txt included): for reports and tests

    # -- cache ---------------------------------------------------------------------------
    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.cache_dir / key[:2]
        return folder / f"{key}.body", folder / f"{key}.json"

    def cached(self, url: str, max_age: float | None = None) -> Page | None:
        """The cached page for ``url``, if there is one younger than ``max_age`` seconds."""
        body_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if max_age is not None and time.time() - float(meta["fetched_at"]) > max_age:
                return None
            body = body_path.read_bytes()
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or half-written: fetch again
        return Page(meta.get("final_url") or url, body, meta.get("content_type"), from_cache=True)

    def _store(self, url: str, page: Page) -> None:
        body_path, meta_path = self._paths(url)
        body_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "url": url, "final_url": page.url, "content_type": page.content_type,
            "fetched_at": time.time(),
        }
        # body first, then metadata: a page counts as cached only once both are complete
        _atomic_write(body_path, page.body)
        _atomic_write(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))

    # -- network -------------------------------------------------------------------------
    def _wait_turn(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _request(self, url: str, delay: float) -> Page:
        host = urlsplit(url).netloc.lower()
        self._wait_turn(host, delay)
        request = urllib.request.Request(url, headers={"User-Agent": self.agent, "Accept": "*/*"})
        self.requests += 1
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise SkippedInput(url, Errors.E004, size=f"more than {self.max_bytes:,}", limit=self.max_bytes)
                return Page(response.geturl(), body, response.headers.get("Content-Type"))
        except urllib.error.HTTPError as exc:
            raise SkippedInput(url, Errors.E012, url=url, detail=f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise SkippedInput(url, Errors.E012, url=url, detail=str(exc.reason)) from None
        except (TimeoutError, OSError, ValueError) as exc:
            raise SkippedInput(url, Errors.E012, url=url, detail=str(exc) or type(exc).__name__) from None

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                page = self._request(origin + "/robots.txt", self.delay)
                parser.parse(page.body.decode("utf-8", "replace").splitlines())
            except SkippedInput as skip:
                # RFC 9309: an unreachable robots.txt (4xx) allows everything; a server error
                # means "not now", so we stay away from the site for this run
                parser = None if "HTTP 5" in str(skip) else _allow_all()
            self._robots[origin] = parser
        return self._robots[origin]

    def get(self, url: str, *, max_age: float | None = None) -> Page:
        """The page at ``url``, from the cache when there (and younger than ``max_age``
        seconds, if given); else fetched and cached. Raises ``SkippedInput`` (E012, E004)."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise SkippedInput(url, Errors.E012, url=url, detail="only http and https URLs are fetched")
        page = self.cached(url, max_age)
        if page is not None:
            return page
        delay = self.delay
        if self.respect_robots:
            robots = self._robots_for(url)
            if robots is None:
                raise SkippedInput(url, Errors.E012, url=url, detail="robots.txt unavailable (server error)")
            if not robots.can_fetch(self.agent, url):
                raise SkippedInput(url, Errors.E012, url=url, detail="disallowed by robots.txt")
            crawl_delay = robots.crawl_delay(self.agent)
            if crawl_delay:
                delay = max(delay, float(crawl_delay))
        page = self._request(url, delay)
        self._store(url, page)
        return page


def _allow_all() -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    parser.parse([])
    return parser


def _atomic_write(path: Path, data: bytes) -> None:
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
