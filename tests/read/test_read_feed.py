"""RSS/Atom feeds and feeds.txt, fetched from a local http.server (never the internet)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata

import pytest

from tidings.errors import SkippedInput
from tidings.model import Article
from tidings.read import read_paths
from tidings.read.fetch import Fetcher

P1 = ("Ukraine and Russia agreed on Monday to hold a new round of talks in Istanbul next week, "
      "officials in Kyiv said, after weeks of heavy fighting in the east of the country.")
P2 = "The United Nations welcomed the announcement and called on both sides to agree a ceasefire."


def html(title: str, text: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{text}</p><p>{P2}</p><p>Share on Facebook</p>"
            f"</article></body></html>").encode()


class Site:
    """A tiny web site in a thread: path -> (status, content type, body); logs every request."""

    def __init__(self, pages: dict[str, tuple[int, str, bytes]]):
        self.pages = pages
        self.log: list[tuple[str, str, float]] = []  # (path, user agent, time)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                site.log.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
                status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def requested(self, path: str) -> list[float]:
        return [t for p, _, t in self.log if p == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site({})
    s.pages.update({
        "/news/talks": (200, "text/html; charset=utf-8", html("Talks agreed", P1)),
        "/news/un": (200, "text/html", html("UN welcomes talks", f"{P2} {P1}")),
        "/private/secret": (200, "text/html", html("Secret", P1)),
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
    })
    yield s
    s.close()


def rss(base: str) -> str:
    items = [
        ("Talks agreed", f"{base}/news/talks", "Mon, 04 Mar 2024 10:00:00 GMT"),
        ("UN reacts", "/news/un", "Tue, 05 Mar 2024 08:00:00 GMT"),  # relative link
        ("Gone", f"{base}/news/gone", "Tue, 05 Mar 2024 09:00:00 GMT"),
        ("Private", f"{base}/private/secret", "Tue, 05 Mar 2024 09:30:00 GMT"),
    ]
    body = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>" for t, u, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>'
            f"<link>{base}/</link>{body}<item><title>No link</title></item></channel></rss>")


def test_rss_feed_fetched_politely_and_cached(tmp_path, site):
    feed = tmp_path / "world.rss"
    feed.write_text(rss(site.url), encoding="utf-8")
    cache = tmp_path / "cache"
    start = time.monotonic()
    items = list(read_paths([feed], fetch_dir=cache, fetch_delay=0.3))
    articles = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, SkippedInput)]

    assert [a.title for a in articles] == ["Talks agreed", "UN welcomes talks"]
    assert articles[0].url == f"{site.url}/news/talks" and articles[1].url == f"{site.url}/news/un"
    assert articles[0].published == dt.date(2024, 3, 4)  # from the feed entry
    assert articles[0].text == f"{P1}\n\n{P2}" and articles[0].source == "127.0.0.1"
    assert [s.code for s in skips] == ["E012", "E012", "E008"]
    assert "404" in str(skips[0]) and "robots.txt" in str(skips[1])
    assert site.requested("/private/secret") == []  # robots.txt obeyed: never asked for

    agents = {agent for _, agent, _ in site.log}
    assert agents == {f"tidings/{metadata.version('tidings')}"}
    times = sorted(t for _, _, t in site.log)
    assert len(times) == 4  # robots.txt, two articles, the 404
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.29 and times[-1] - start >= 0.9  # >= 0.3 s between requests to a host

    # a second run reads the cache: the pages are not fetched again, the articles are identical
    site.log.clear()
    again = [i for i in read_paths([feed], fetch_dir=cache, fetch_delay=0.3) if isinstance(i, Article)]
    assert [a.model_dump() for a in again] == [a.model_dump() for a in articles]
    assert site.requested("/news/talks") == [] and site.requested("/news/un") == []


def test_feeds_txt_with_atom_feed(tmp_path, site):
    atom = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Example</title><entry><title>Talks agreed</title>"
            f'<link href="{site.url}/news/talks"/><updated>2024-03-06T10:00:00Z</updated></entry></feed>')
    site.pages["/atom.xml"] = (200, "application/atom+xml", atom.encode())
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# world news\n{site.url}/atom.xml\nftp://example.org/feed\n\n{site.url}/missing.xml\n")
    items = list(read_paths([listing], fetch_dir=tmp_path / "cache", fetch_delay=0.05))
    [article] = [i for i in items if isinstance(i, Article)]
    assert article.published == dt.date(2024, 3, 6) and article.url == f"{site.url}/news/talks"
    skips = [(s.code, s.source) for s in items if isinstance(s, SkippedInput)]
    assert skips == [("E008", f"{listing}:3"), ("E012", f"{site.url}/missing.xml")]


def test_feed_sniffed_from_xml_and_bad_feed(tmp_path, site):
    feed = tmp_path / "world.xml"
    feed.write_text(rss(site.url), encoding="utf-8")
    got = [i for i in read_paths([feed], fetch_dir=tmp_path / "c", fetch_delay=0.05) if isinstance(i, Article)]
    assert len(got) == 2
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss><channel><title>cut", encoding="utf-8")
    assert [s.code for s in read_paths([broken], fetch_dir=tmp_path / "c")] == ["E008"]


def test_fetcher_refuses_other_schemes_and_large_pages(tmp_path, site):
    fetcher = Fetcher(tmp_path, delay=0, max_bytes=100)
    with pytest.raises(SkippedInput, match="E012"):
        fetcher.get("file:///etc/passwd")
    with pytest.raises(SkippedInput, match="E004"):
        fetcher.get(f"{site.url}/news/talks")
