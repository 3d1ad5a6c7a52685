"""HTML pages (trafilatura) and WARC archives (warcio)."""

from __future__ import annotations

import datetime as dt
import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.errors import SkippedInput
from tidings.model import Article
from tidings.read import read_paths

P1 = ("Ukraine and Russia agreed on Monday to hold a new round of talks in Istanbul next week, "
      "officials in Kyiv said, after weeks of heavy fighting in the east of the country.")
P2 = "The United Nations welcomed the announcement and called on both sides to agree a ceasefire."


def page(title="Talks agreed", canonical="https://www.example.com/world/talks", date="2024-03-04",
         body=f"<p>{P1}</p><p>Share on Facebook</p><p>{P2}</p>", charset="utf-8") -> str:
    head = f'<meta charset="{charset}"><title>{title} | Example News</title>'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if date:
        head += f'<meta property="article:published_time" content="{date}T09:00:00Z">'
    return (f"<!DOCTYPE html><html><head>{head}</head><body><nav><a href='/'>Home</a> "
            f"<a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>")


def test_html_main_text_title_date_canonical(tmp_path):
    path = tmp_path / "talks.html"
    path.write_text(page(), encoding="utf-8")
    [article] = read_paths([path])
    assert article.text == f"{P1}\n\n{P2}"
    assert article.title == "Talks agreed"
    assert article.published == dt.date(2024, 3, 4)
    assert article.url == "https://www.example.com/world/talks" and article.source == "example.com"


def test_html_without_metadata_and_latin1(tmp_path):
    path = tmp_path / "plain.htm"
    body = f"<p>{P1} Officials in Zürich agreed.</p><p>{P2}</p>"
    path.write_bytes(page(canonical=None, date=None, body=body, charset="iso-8859-1").encode("latin-1"))
    [article] = read_paths([path])
    assert "Zürich" in article.text and article.url is None and article.published is None


def test_html_without_text_is_e001(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><div> </div></body></html>")
    [skip] = read_paths([path])
    assert isinstance(skip, SkippedInput) and skip.code == "E001"


def make_warc(pages: list[tuple[str, str, str]]) -> bytes:
    """(url, content type, body) responses, plus a request record, as a gzipped WARC."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                           http_headers=headers)
        writer.write_record(record)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return out.getvalue()


def test_warc_html_responses(tmp_path):
    data = make_warc([
        ("https://www.example.com/a", "text/html; charset=utf-8", page(canonical="https://other.example/x")),
        ("https://www.example.com/logo.png", "image/png", "PNG"),
        ("https://news.example.org/b", "text/html", page(title="UN reacts", body=f"<p>{P2} {P1}</p>")),
    ])
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    items = list(read_paths([path]))
    assert all(isinstance(i, Article) for i in items)
    assert [a.url for a in items] == ["https://www.example.com/a", "https://news.example.org/b"]
    assert [a.source for a in items] == ["example.com", "news.example.org"]
    assert items[0].text == f"{P1}\n\n{P2}" and items[1].title == "UN reacts"
    assert items[0].path == f"{path}:1"
    # uncompressed, and found by sniffing without the extension
    plain = tmp_path / "crawl.bin"
    plain.write_bytes(gzip.decompress(data))
    assert [a.url for a in read_paths([plain])] == [a.url for a in items]


def test_truncated_warc_gz(tmp_path):
    data = make_warc([
        ("https://www.example.com/a", "text/html", page()),
        ("https://www.example.com/b", "text/html", page(title="Second")),
    ])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = list(read_paths([path]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], SkippedInput) and items[-1].code == "E011"
