"""Building an ``Article``: cleaning, the checks every input passes, ids, dates and outlets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlsplit

from tidings.errors import Errors, SkippedInput
from tidings.model import Article
from tidings.read import language
from tidings.read.clean import clean


def parse_date(value: object, *, source: str) -> dt.date | None:
    """``YYYY-MM-DD`` or an ISO datetime -> date (as written, not shifted to UTC); None for
    missing; anything else is E010."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise SkippedInput(source, Errors.E010, value=value)


def domain(url: str | None) -> str | None:
    """The outlet a URL belongs to: its host, lower case, without "www."."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def article_from_text(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    article_id: str | None = None,
    url: str | None = None,
    source: str | None = None,
    path: str | None = None,
    check_language: bool = True,
) -> Article:
    """Clean ``text`` and make an ``Article``; raise ``SkippedInput`` when it cannot be one.

    E001: nothing left after cleaning; E007: not English (unless ``check_language=False``);
    E010: a ``published`` value that is not a date. The id is ``article_id`` when given, else
    a hash of the cleaned text and title, so the same input always gets the same id.
    """
    where = path or url or "<text>"
    date = parse_date(published, source=where)
    title = " ".join(title.split()) if isinstance(title, str) and title.strip() else None
    cleaned = clean(text, title=title)
    if not cleaned:
        raise SkippedInput(where, Errors.E001)
    if check_language:
        guess = language.guess(cleaned)
        if not guess.is_english:
            raise SkippedInput(where, Errors.E007, detail=guess.describe())
    return Article(
        article_id=str(article_id) if article_id else Article.make_id(cleaned, title),
        text=cleaned,
        title=title,
        published=date,
        url=url or None,
        source=source or domain(url),
        path=path,
    )


def article_from_record(record: Mapping[str, object], *, where: str, line: int | str) -> Article:
    """A JSON record (``id``, ``text``, ``title``, ``published``/``date``, ``url``, ``source``)
    -> ``Article``; raises ``SkippedInput`` (E006 no text, E010 bad date, E001, E007)."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SkippedInput(where, Errors.E006, line=line)
    published = record.get("published")
    if published in (None, ""):
        published = record.get("date")
    ident = record.get("id")
    # an id must name one record: numbers and strings do, objects and lists do not
    ident = str(ident).strip() if isinstance(ident, str | int) and not isinstance(ident, bool) else None
    url = record.get("url")
    url = url.strip() if isinstance(url, str) and url.strip() else None
    source = record.get("source")
    title = record.get("title")
    try:
        return article_from_text(
            text,
            published=published,  # type: ignore[arg-type]  # parse_date reports non-dates
            title=title if isinstance(title, str) else None,
            article_id=ident or None,
            url=url,
            source=str(source).strip() if source not in (None, "") else None,
            path=where,
        )
    except SkippedInput as skip:
        if skip.code == "E001":  # only boilerplate: for a record that is "no text"
            raise SkippedInput(where, Errors.E006, line=line) from None
        raise
