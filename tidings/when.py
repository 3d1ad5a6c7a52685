"""Time stage: anchor date expressions to the publication date -> (date, precision).

dateparser does the reading ("on Friday", "last week", "in 2022", "Aug. 15"); this module
decides which words of a sentence are a date, which way to lean (past for reported events,
future for planned ones) and turns dateparser's period into PLOVER-style precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span

from tidings.model import DatePrecision
from tidings.nlp import once_per_doc

# Words that spaCy puts inside DATE entities but that dateparser cannot read.
_NOISE = re.compile(
    r"\b(the|on|since|until|by|in|of|early|late|mid|earlier|later|last|this|that|night|morning|"
    r"evening|afternoon|overnight|end|beginning|start|middle)\b",
    re.IGNORECASE,
)
# "two years", "the past three weeks": durations, not dates (unless counted back with "ago").
_DURATION = re.compile(r"\b(hours|days|weeks|months|years|decades)\b(?!.*\bago\b)"
                       r"|\b\w+-(minute|hour|day|week|month|year)\b", re.IGNORECASE)  # "a 30-day truce"
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_PRECISION: dict[str, DatePrecision] = {
    "day": "day", "part_of_day": "day", "time": "day", "week": "week", "month": "month", "year": "year",
}
# Expressions dateparser leaves unread, relative to the publication date.
_RELATIVE = {
    "overnight": (0, "day"), "tonight": (0, "day"), "today": (0, "day"), "this morning": (0, "day"),
    "earlier this week": (None, "week"), "this week": (None, "week"),
    "earlier this month": (None, "month"), "this month": (None, "month"), "earlier this year": (None, "year"),
    "this year": (None, "year"),
}


_PAST_WEEKEND = re.compile(r"\b(at|over|during|last|past) (the )?weekend\b")
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_MONTH = re.compile(rf"\b({_MONTHS})\b", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY = re.compile(rf"\b{_WEEKDAY_NAMES}\b")
_BARE_WEEKDAY = re.compile(rf"(on )?{_WEEKDAY_NAMES}")
_LAST_MONTH = re.compile(rf"\b(last|next)\s+({_MONTHS})\b", re.IGNORECASE)


def _nearest_year(found: date, published: date, *, prefer_future: bool) -> date:
    """A month and day without a year ("August 18") in the year that puts it nearest the
    publication date; a date on the non-preferred side counts three times as far."""
    def cost(candidate: date) -> float:
        delta = (candidate - published).days
        against = delta < 0 if prefer_future else delta > 0
        return abs(delta) * (3 if against else 1)

    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(found.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(candidates, key=cost) if candidates else found


@dataclass(frozen=True)
class AnchoredDate:
    date: date
    precision: DatePrecision
    text: str
    start_char: int
    end_char: int


def _month_number(name: str) -> int:
    return datetime.strptime(name[:3].title(), "%b").month


@lru_cache(maxsize=4)
def _parser(prefer: str) -> DateDataParser:
    return DateDataParser(
        languages=["en"], settings={"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True}
    )


@lru_cache(maxsize=65536)
def anchor(text: str, published: date, *, prefer_future: bool = False) -> tuple[date, DatePrecision] | None:
    """Read one date expression relative to ``published``; None when it is not a date."""
    lowered = " ".join(text.lower().split())
    if _PAST_WEEKEND.search(lowered):  # "signed at the weekend": a range takes its start, Saturday
        return published - timedelta(days=(published.weekday() - 5) % 7), "day"
    for phrase, (_days, precision) in _RELATIVE.items():
        if phrase in lowered:
            if precision == "week":
                return published - timedelta(days=published.weekday()), "week"
            if precision == "month":
                return published.replace(day=1), "month"
            if precision == "year":
                return published.replace(month=1, day=1), "year"
            return published, "day"
    if _DURATION.search(lowered):
        return None
    decade = re.search(r"\b(1[89]\d0|20\d0)s\b", lowered)
    if decade:  # "the 1990s": the decade's first year, the finest precision we have
        return date(int(decade.group(1)), 1, 1), "year"
    weekday = _WEEKDAY.search(lowered)
    if weekday and not re.search(r"\b(last|next|this)\b", lowered):
        days = (_WEEKDAYS.index(weekday.group(1)[:3]) - published.weekday()) % 7
        if days == 0:
            return published, "day"  # "on Saturday" in a Saturday paper is today
        if _BARE_WEEKDAY.fullmatch(lowered):  # the commonest date in news, read without dateparser
            return published + timedelta(days=days if prefer_future else days - 7), "day"
    named = _LAST_MONTH.search(lowered)
    if named:  # "last November": the most recent November before publication (dateparser cannot)
        month = _month_number(named.group(2))
        year = published.year - (month >= published.month) if named.group(1).lower() == "last" \
            else published.year + (month <= published.month)
        return date(year, month, 1), "month"
    if "since" in lowered or re.fullmatch(r"(the )?(19|20)\d\d('s|s)?", lowered):
        # "since the 2022 invasion" and bare years name a year, not a day in it.
        year = _YEAR.search(lowered)
        if year:
            return date(int(year.group()), 1, 1), "year"
    cleaned = " ".join(_NOISE.sub(" ", lowered).split()) or lowered
    if lowered.startswith(("last ", "next ")):
        cleaned = lowered  # dateparser reads "last week" itself
    read = (_calendar_date(cleaned, published) or _next_or_last(cleaned, published)
            or _dateparser(cleaned, published, prefer_future))
    if read is None:
        return None
    found, period = read
    precision = _PRECISION.get(period or "day", "day")
    if _MONTH.search(lowered) and not _YEAR.search(lowered):
        found = _nearest_year(found, published, prefer_future=prefer_future)
    if precision == "week":
        found = found - timedelta(days=found.weekday())  # a week is dated by its Monday
    elif precision == "year":
        found = found.replace(month=1, day=1)
    elif precision == "month":
        found = found.replace(day=1)
    return found, precision


def _dateparser(cleaned: str, published: date, prefer_future: bool) -> tuple[date, str | None] | None:
    parser = _parser("future" if prefer_future else "past")
    settings_base = datetime(published.year, published.month, published.day, 12)
    parser._settings.RELATIVE_BASE = settings_base  # per call: the parser is shared
    data = parser.get_date_data(cleaned)
    return None if data.date_obj is None else (data.date_obj.date(), data.period)


_CALENDAR = re.compile(
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)? )?(?P<month>{_MONTHS})\.?"
    rf"(?: (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,? (?P<year>(?:19|20)\d\d))?")


def _calendar_date(cleaned: str, published: date) -> tuple[date, str] | None:
    """A written calendar date ("August 18", "18 August 2024", "March 2023"), read as dateparser
    reads it but without its cost (it is the slowest step of the stage); None for anything else.

    A year-less date is moved to the nearest year by the caller; a month-only date takes the
    publication day, as dateparser does (left to dateparser from the 29th, where February differs).
    """
    match = _CALENDAR.fullmatch(cleaned)
    if match is None or (match["day1"] and match["day2"]):
        return None
    month = _month_number(match["month"])
    day = match["day1"] or match["day2"]
    year = int(match["year"]) if match["year"] else None
    if year is None and (published.day > 28 if day is None else (month, int(day)) == (2, 29)):
        return None
    try:
        if day is not None:
            return date(year or 2000, month, int(day)), "day"  # 2000: a leap year, for 29 February
        return date(year or published.year, month, min(published.day, 28)), "month"
    except ValueError:  # "February 30": not a date
        return None


_NEXT_OR_LAST = re.compile(r"(last|next) (week|month|year)")


def _next_or_last(cleaned: str, published: date) -> tuple[date, str] | None:
    """"last week", "next month", "last year" (the caller dates them by their first day)."""
    match = _NEXT_OR_LAST.fullmatch(cleaned)
    if match is None:
        return None
    step = 1 if match[1] == "next" else -1
    if match[2] == "week":
        return published + timedelta(days=7 * step), "week"
    if match[2] == "year":
        return date(published.year + step, 1, 1), "year"
    months = published.year * 12 + published.month - 1 + step
    return date(months // 12, months % 12 + 1, 1), "month"


def dates_in(span: Span, published: date, *, prefer_future: bool = False) -> list[AnchoredDate]:
    """Every DATE/TIME entity in ``span`` that anchors, in text order."""
    found = []
    for start, end, text, start_char, end_char in once_per_doc(span.doc, "date_entities", _date_entities):
        if start < span.start or end > span.end:
            continue
        result = anchor(text, published, prefer_future=prefer_future)
        if result:
            found.append(AnchoredDate(result[0], result[1], text, start_char, end_char))
    return found


def _date_entities(doc: Doc) -> list[tuple[int, int, str, int, int]]:
    # a bare one- or two-digit number is no date, whatever the model says ("France *24*")
    return [(ent.start, ent.end, ent.text, ent.start_char, ent.end_char)
            for ent in doc.ents if ent.label_ in ("DATE", "TIME")
            and not (ent.text.isdigit() and len(ent.text) <= 2)]
