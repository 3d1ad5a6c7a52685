"""read_paths over files and folders: formats, fields, skips with their codes, determinism."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from tidings.errors import SkippedInput
from tidings.model import Article
from tidings.read import Reader, article_from_text, count_inputs, read_paths
from tidings.registry import readers

EN = (
    "Ukraine and Russia agreed on Monday to hold a new round of talks in Istanbul next week, "
    "officials in Kyiv said, after weeks of heavy fighting in the east of the country."
)
EN2 = "The United Nations welcomed the announcement and called for a ceasefire before the talks."


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def skips(items) -> list[SkippedInput]:
    return [i for i in items if isinstance(i, SkippedInput)]


def read(*paths, **kw) -> list:
    return list(read_paths(paths, **kw))


def write_jsonl(path: Path, records, opener=open) -> Path:
    with opener(path, "wt", encoding="utf-8") as f:
        for record in records:
            f.write((record if isinstance(record, str) else json.dumps(record)) + "\n")
    return path


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"{EN}\n\n{EN2}\n", encoding="utf-8")
    [article] = read(path)
    assert article.text == f"{EN}\n\n{EN2}"
    assert article.article_id == Article.make_id(article.text, None)
    assert article.path == str(path) and article.published is None


def test_jsonl_fields_ids_and_sources(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"id": 42, "text": EN, "title": "Talks", "date": "2024-03-04",
         "url": "https://www.bbc.co.uk/news/world-1"},
        {"text": EN2, "published": "2024-03-05T23:30:00-05:00", "source": "Reuters",
         "url": "https://www.reuters.com/x"},
    ])
    first, second = read(path)
    assert first.article_id == "42" and first.title == "Talks"
    assert first.published == dt.date(2024, 3, 4) and first.source == "bbc.co.uk"
    assert first.path == f"{path}:1"
    assert second.article_id == Article.make_id(EN2, None)
    assert second.published == dt.date(2024, 3, 5)  # the date as written, not moved to UTC
    assert second.source == "Reuters"


def test_jsonl_bad_lines_skipped_rest_read(tmp_path):
    path = write_jsonl(tmp_path / "mixed.jsonl", [
        {"id": "a", "text": EN},
        '{"id": "b", "text": "truncated',
        "",
        '["not", "an", "object"]',
        {"id": "c", "title": "no text"},
        {"id": "d", "text": "   "},
        {"id": "e", "text": EN, "published": "last Tuesday"},
        {"id": "f", "text": EN2, "published": "2024-13-45"},
        {"id": "g", "text": EN2},
    ])
    items = read(path)
    assert [a.article_id for a in articles(items)] == ["a", "g"]
    got = [(s.code, s.source) for s in skips(items)]
    assert got == [
        ("E005", f"{path}:2"), ("E005", f"{path}:4"), ("E006", f"{path}:5"),
        ("E006", f"{path}:6"), ("E010", f"{path}:7"), ("E010", f"{path}:8"),
    ]
    assert "line 2" in str(skips(items)[0])


def test_json_single_record_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "x1", "text": EN}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": EN}, {"text": ""}, {"text": EN2}], indent=2), encoding="utf-8")
    assert [a.article_id for a in read(one)] == ["x1"]
    items = read(many)
    assert [a.text for a in articles(items)] == [EN, EN2]
    [skip] = skips(items)
    assert skip.code == "E006" and skip.source == f"{many}:5"


def test_json_truncated_reports_line_and_keeps_earlier_items(tmp_path):
    path = tmp_path / "cut.json"
    full = json.dumps([{"text": EN}, {"text": EN2}], indent=2)
    path.write_text(full[: full.index(EN2) + 10], encoding="utf-8")
    items = read(path)
    assert [a.text for a in articles(items)] == [EN]
    [skip] = skips(items)
    assert skip.code == "E005" and "line 6" in str(skip)


def test_gzip_jsonl_and_truncated_gzip(tmp_path):
    records = [{"id": str(i), "text": f"{EN} Round {i} of talks was announced."} for i in range(300)]
    good = write_jsonl(tmp_path / "a.jsonl.gz", records, opener=gzip.open)
    assert len(articles(read(good))) == 300
    cut = tmp_path / "cut.jsonl.gz"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    items = read(cut)
    assert 0 < len(articles(items)) < 300
    assert skips(items)[-1].code == "E011"
    gz = tmp_path / "one.json.gz"
    gz.write_bytes(gzip.compress(json.dumps({"text": EN}).encode()))
    assert [a.text for a in read(gz)] == [EN]
    bad = tmp_path / "broken.json.gz"
    bad.write_bytes(gzip.compress(json.dumps({"text": EN}).encode())[:20])
    assert [s.code for s in read(bad)] == ["E011"]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E001"),
        (b"  \n\t \r\n  ", "E001"),
        (b"Share\n\nAdvertisement\n", "E001"),  # nothing but boilerplate
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "E002"),
        (bytes(range(0x80, 0x100)) * 8, "E003"),
    ],
    ids=["empty", "whitespace", "boilerplate-only", "binary", "junk"],
)
def test_bad_text_files(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [skip] = read(path)
    assert isinstance(skip, SkippedInput) and skip.code == code and skip.source == str(path)


def test_latin1_file_read_not_skipped(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Officials in Zürich said the talks with Moscow would resume in May.".encode("latin-1"))
    [article] = read(path)
    assert "Zürich" in article.text


def test_too_large_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"\x00" * 5000)  # binary too: the size is what is reported
    [skip] = read(path, max_bytes=1000)
    assert skip.code == "E004" and "5000" in str(skip)
    gz = tmp_path / "bomb.txt.gz"
    gz.write_bytes(gzip.compress(EN.encode() * 100))  # small on disk, large inside
    assert gz.stat().st_size < 1000
    assert [s.code for s in read(gz, max_bytes=1000)] == ["E004"]


def test_jsonl_limit_applies_per_record(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": EN}, {"text": EN * 20}, {"text": EN2}])
    items = read(path, max_bytes=1000)
    assert [a.text for a in articles(items)] == [EN, EN2]
    assert [(s.code, s.source) for s in skips(items)] == [("E004", f"{path}:2")]


def test_missing_and_unsupported(tmp_path):
    xml = tmp_path / "data.xml"
    xml.write_text("<catalog><item>not a feed</item></catalog>", encoding="utf-8")
    items = read(tmp_path / "nope.txt", xml)
    assert [s.code for s in items] == ["E009", "E008"]


def test_directory_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "2.txt").write_text(EN2, encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "z.txt").write_text(f"{EN} Again.", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text(EN, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(EN, encoding="utf-8")
    paths = [Path(a.path).relative_to(tmp_path).as_posix() for a in read(tmp_path)]
    assert paths == ["z.txt", "a/1.txt", "b/2.txt"]
    assert count_inputs([tmp_path]) == 3


def test_reading_twice_is_identical(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"text": EN}, {"id": 3, "text": EN2}])
    (tmp_path / "b.txt").write_text(f"{EN}\n\nREAD MORE\nOther story", encoding="utf-8")
    first = [a.model_dump() for a in read(tmp_path)]
    second = [a.model_dump() for a in read(tmp_path)]
    assert first == second and len(first) == 3


def test_sniffing_without_extension(tmp_path):
    (tmp_path / "records").write_text(json.dumps({"id": "j", "text": EN}) + "\n" + json.dumps({"id": "k", "text": EN2}) + "\n")
    (tmp_path / "plain").write_text(EN)
    got = {Path(a.path.split(":")[0]).name: a.article_id for a in read(tmp_path)}
    assert got["plain"] == Article.make_id(EN, None)
    assert [a.article_id for a in read(tmp_path / "records")] == ["j", "k"]


def test_count_inputs(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"text": EN}] * 4)
    (tmp_path / "b.json").write_text(json.dumps([{"text": EN}] * 3))
    (tmp_path / "c.txt").write_text(EN)
    assert count_inputs([tmp_path]) == 8
    (tmp_path / "d.rss").write_text("<rss></rss>")
    assert count_inputs([tmp_path]) is None  # a feed's size is unknown before fetching
    assert count_inputs([tmp_path / "missing"]) == 0


def test_plugin_reader_through_registry(tmp_path):
    def read_tsv(path, options):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            ident, text = line.split("\t", 1)
            yield article_from_text(text, article_id=ident, path=f"{path}:{number}")

    readers.register("tsv-test", func=Reader("tsv-test", read_tsv, suffixes=(".tsv",)))
    try:
        path = tmp_path / "a.tsv"
        path.write_text(f"t1\t{EN}\nt2\t{EN2}\n")
        assert [a.article_id for a in read(path)] == ["t1", "t2"]
    finally:
        import catalogue

        catalogue._remove(("tidings", "readers", "tsv-test"))


def test_article_from_text_api():
    article = article_from_text(f"  {EN}\n\nShare on Facebook", published="2024-03-04", title="Talks",
                                url="https://www.example.org/a")
    assert article.text == EN and article.published == dt.date(2024, 3, 4)
    assert article.source == "example.org" and article.article_id == Article.make_id(EN, "Talks")
    assert article_from_text(EN, article_id="x").article_id == "x"
    with pytest.raises(SkippedInput) as err:
        article_from_text(EN, published="04/03/2024")
    assert err.value.code == "E010"
    with pytest.raises(SkippedInput) as err:
        article_from_text(" \n ")
    assert err.value.code == "E001"
