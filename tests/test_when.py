"""The time stage: date expressions anchored to the publication date (tidings/when.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tidings.when import anchor, dates_in

PUBLISHED = dt.date(2025, 8, 16)  # a Saturday


@pytest.mark.parametrize("text, expected", [
    ("on Friday", (dt.date(2025, 8, 15), "day")),
    ("Friday", (dt.date(2025, 8, 15), "day")),
    ("Thursday night", (dt.date(2025, 8, 14), "day")),
    ("in 2022", (dt.date(2022, 1, 1), "year")),
    ("2022", (dt.date(2022, 1, 1), "year")),
    ("since the 2022 invasion", (dt.date(2022, 1, 1), "year")),
    ("earlier this week", (dt.date(2025, 8, 11), "week")),
    ("at the weekend", (dt.date(2025, 8, 16), "day")),
    ("over the weekend", (dt.date(2025, 8, 16), "day")),
    ("this week", (dt.date(2025, 8, 11), "week")),
    ("earlier this month", (dt.date(2025, 8, 1), "month")),
    ("this month", (dt.date(2025, 8, 1), "month")),
    ("earlier this year", (dt.date(2025, 1, 1), "year")),
    ("today", (PUBLISHED, "day")),
    ("overnight", (PUBLISHED, "day")),
    ("yesterday", (dt.date(2025, 8, 15), "day")),
    ("three days ago", (dt.date(2025, 8, 13), "day")),
    ("Aug. 15", (dt.date(2025, 8, 15), "day")),
    ("August 15", (dt.date(2025, 8, 15), "day")),
    ("Aug. 15, 2024", (dt.date(2024, 8, 15), "day")),
    ("last month", (dt.date(2025, 7, 1), "month")),
    ("in March", (dt.date(2025, 3, 1), "month")),
    ("last year", (dt.date(2024, 1, 1), "year")),
])
def test_past_expressions(text, expected):
    assert anchor(text, PUBLISHED) == expected


def test_last_week_is_a_week_before_publication():
    found, precision = anchor("last week", PUBLISHED)
    assert precision == "week"
    assert dt.date(2025, 8, 3) <= found <= dt.date(2025, 8, 10)


def test_next_week_is_a_week_after_publication():
    found, precision = anchor("next week", PUBLISHED)
    assert precision == "week"
    assert dt.date(2025, 8, 17) <= found <= dt.date(2025, 8, 24)


def test_planned_events_lean_forward():
    assert anchor("on Friday", PUBLISHED, prefer_future=True) == (dt.date(2025, 8, 22), "day")
    assert anchor("in March", PUBLISHED, prefer_future=True) == (dt.date(2026, 3, 1), "month")
    assert anchor("next month", PUBLISHED) == (dt.date(2025, 9, 1), "month")
    assert anchor("tomorrow", PUBLISHED) == (dt.date(2025, 8, 17), "day")


def test_the_same_weekday_as_publication_is_today():
    assert anchor("on Saturday", PUBLISHED) == (PUBLISHED, "day")


def test_anchoring_depends_only_on_its_arguments():
    other = dt.date(2025, 8, 20)  # a Wednesday
    assert anchor("on Friday", other) == (dt.date(2025, 8, 15), "day")
    assert anchor("on Friday", PUBLISHED) == (dt.date(2025, 8, 15), "day")


@pytest.mark.parametrize("text", [
    "two years", "four years", "more than four years", "the past three weeks", "three decades",
    "the past decade",
])
def test_durations_are_not_dates(text):
    assert anchor(text, PUBLISHED) is None


@pytest.mark.parametrize("text, year", [("the 1990s", 1990), ("in the 2010s", 2010)])
def test_decades_are_not_the_publication_day(text, year):
    result = anchor(text, PUBLISHED)
    assert result is None or (result[0].year == year and result[1] == "year")


def test_dates_in_reads_the_date_entities_of_a_sentence(nlp):
    doc = nlp("The presidents met in Anchorage on Friday, two years after the talks of 2023.")
    found = dates_in(doc[:], PUBLISHED)
    assert [(d.date, d.precision) for d in found if d.text.endswith("Friday")] == [
        (dt.date(2025, 8, 15), "day")]
    for d in found:
        assert doc.text[d.start_char:d.end_char] == d.text
    assert all(d.text != "two years" for d in found)


@pytest.mark.parametrize("text", ["40-minute", "a 30-day truce", "three-day", "the 12-day war"])
def test_compound_durations_are_not_dates(text: str) -> None:
    assert anchor(text, PUBLISHED) is None


@pytest.mark.parametrize("text, published, future", [
    (text, published, future)
    for text in ("Friday", "on Tuesday", "last week", "next week", "last month", "next month", "last year",
                 "next year", "March", "early March", "March 2023", "18 August", "August 18",
                 "Sept. 3", "October 7, 2023", "February 29", "February 30", "May")
    for published in (dt.date(2025, 8, 16), dt.date(2025, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 12, 30))
    for future in (False, True)
])
def test_fast_paths_read_as_dateparser_does(text: str, published: dt.date, future: bool,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Weekdays and calendar dates skip dateparser; the answer must be the one it would give."""
    from tidings import when

    fast = anchor.__wrapped__(text, published, prefer_future=future)
    monkeypatch.setattr(when, "_calendar_date", lambda cleaned, published: None)
    monkeypatch.setattr(when, "_next_or_last", lambda cleaned, published: None)
    monkeypatch.setattr(when, "_BARE_WEEKDAY", re.compile("(?!)"))  # matches nothing
    assert fast == anchor.__wrapped__(text, published, prefer_future=future)


def test_a_part_of_a_month_is_the_month() -> None:
    assert anchor("the end of August", PUBLISHED) == (dt.date(2025, 8, 1), "month")
    assert anchor("the beginning of March 2023", PUBLISHED) == (dt.date(2023, 3, 1), "month")


def test_the_weekend_before_a_monday_paper_starts_on_saturday():
    assert anchor("at the weekend", dt.date(2025, 7, 21)) == (dt.date(2025, 7, 19), "day")
    assert anchor("last weekend", dt.date(2025, 7, 18)) == (dt.date(2025, 7, 12), "day")
