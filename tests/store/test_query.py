"""EventStore.events / iter_events filters, summary and counts."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tidings.errors import TidingsError


def ids(store, **filters) -> list[str]:
    return store.events(**filters)["event_type"].tolist()


def test_readable_columns(filled):
    table = filled.events().set_index("event_type")
    assert table.loc["ACCUSE", "actor_codes"] == "USAGOV"
    assert table.loc["ASSAULT", "recipient_codes"] == "UKR;UKRGOV"
    assert table.loc["ASSAULT", "recipient_countries"] == "UKR"
    assert table.loc["AGREE", "actor_codes"] == "USAGOV;NATO"
    assert table.loc["AGREE", "actor_countries"] == "NATO;USA"
    assert pd.isna(table.loc["AGREE", "recipient_codes"])
    assert table.loc["AGREE", "mention"] == "The US and NATO agreed to meet."
    assert table.loc["ACCUSE", "loc_name"] == "Kharkiv"
    assert table.loc["ACCUSE", "mode"].tolist() == ["verbal"]
    assert pd.isna(table.loc["SANCTION", "url"])
    for column in ("event_id", "article_id", "date", "published", "factuality", "confidence",
                   "cameo_code", "issue", "coder_version"):
        assert column in table.reset_index()


def test_order_is_date_then_event_id(filled):
    # Event date, else the article's published date (a1: 2024-03-01, a2: 2024-04-10).
    table = filled.events()
    when = table["date"].fillna(table["published"]).tolist()
    assert when == sorted(when)
    assert ids(filled)[0] == "ACCUSE"  # 2024-02-28
    assert ids(filled)[-1] == "SANCTION"  # no date; published 2024-04-10
    same_day = table[table["date"].isna() & (table["article_id"] == "a1")]["event_id"].tolist()
    assert same_day == sorted(same_day)


@pytest.mark.parametrize(("value", "expected"), [
    ("USAGOV", {"ACCUSE", "AGREE", "SANCTION"}),  # exact code
    ("RUS", {"ASSAULT", "REJECT"}),  # country, and prefix of RUSMIL, RUSGOV
    ("rusmil", {"ASSAULT"}),  # codes are case-insensitive
    ("NATO", {"AGREE"}),
    (["UKR", "NATO"], {"AGREE", "CONSULT"}),
    ("CHN", set()),
])
def test_actor_filter(filled, value, expected):
    assert set(ids(filled, actor=value)) == expected


def test_recipient_filter(filled):
    assert set(ids(filled, recipient="UKR")) == {"ASSAULT"}
    assert set(ids(filled, recipient="RUSGOV")) == {"ACCUSE", "SANCTION"}
    assert set(ids(filled, actor="USA", recipient="RUS")) == {"ACCUSE", "SANCTION"}


def test_event_type_and_factuality(filled):
    assert ids(filled, event_type="assault") == ["ASSAULT"]
    assert set(ids(filled, event_type=["AGREE", "REJECT"])) == {"AGREE", "REJECT"}
    assert ids(filled, factuality="negated") == ["REJECT"]
    assert len(ids(filled, factuality=["asserted"])) == 4


def test_dates_fall_back_to_published(filled):
    assert set(ids(filled, since="2024-03-02")) == {"AGREE", "SANCTION", "CONSULT"}
    assert set(ids(filled, until=dt.date(2024, 3, 1))) == {"ACCUSE", "ASSAULT", "REJECT"}
    assert ids(filled, since="2024-04-09", until="2024-04-09") == ["CONSULT"]


def test_country_text_article(filled):
    assert set(ids(filled, country="UKR")) == {"ACCUSE", "ASSAULT"}
    assert ids(filled, country=["usa"]) == ["CONSULT"]
    assert ids(filled, text="SHELLED kharkiv") == ["ASSAULT"]
    assert ids(filled, text="confirmed") == ["AGREE"]  # the second mention counts too
    assert ids(filled, text="it's 100% _odd_") == []  # no wildcards, no quoting trouble
    assert set(ids(filled, article_id="a2")) == {"SANCTION", "CONSULT"}


def test_limit_offset(filled):
    everything = filled.events()["event_id"].tolist()
    assert filled.events(limit=2)["event_id"].tolist() == everything[:2]
    assert filled.events(limit=2, offset=3)["event_id"].tolist() == everything[3:5]
    assert filled.events(offset=5)["event_id"].tolist() == everything[5:]


def test_iter_events_takes_the_same_filters(filled):
    table = filled.events(actor="RUS", factuality="asserted")
    events = list(filled.iter_events(actor="RUS", factuality="asserted"))
    assert [e.event_id for e in events] == table["event_id"].tolist()
    assert events[0].recipient[1].code == "UKRGOV"


@pytest.mark.parametrize(("filters", "name"), [
    ({"event_type": "INVADE"}, "event_type"),
    ({"event_type": ["AGREE", 3]}, "event_type"),
    ({"factuality": "likely"}, "factuality"),
    ({"since": "2024-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"until": 20240101}, "until"),
    ({"since": "2024-05-01", "until": "2024-04-01"}, "since"),
    ({"actor": ""}, "actor"),
    ({"actor": "RUS'); DROP TABLE events; --"}, "actor"),
    ({"recipient": ["USA", None]}, "recipient"),
    ({"country": {"UKR": 1}}, "country"),
    ({"text": "  "}, "text"),
    ({"limit": -1}, "limit"),
    ({"offset": "5"}, "offset"),
])
def test_bad_filter_values(filled, filters, name):
    with pytest.raises(TidingsError) as err:
        filled.events(**filters)
    assert err.value.code == "E202"
    assert f"bad filter {name}=" in str(err.value)
    assert filled.connection.execute("SELECT count(*) FROM events").fetchone()[0] == 6


def test_unknown_event_type_message_lists_choices(filled):
    with pytest.raises(TidingsError, match="unknown event_type 'INVADE'; choose from AGREE"):
        filled.events(event_type="invade")


def test_unknown_filter_name(filled):
    with pytest.raises(TidingsError, match="bad filter actors=.*no such filter"):
        list(filled.iter_events(actors="RUS"))


def test_summary(filled):
    table = filled.summary()
    # PLOVER's order of types, then the total row.
    assert table.index.tolist() == ["AGREE", "CONSULT", "ACCUSE", "REJECT", "SANCTION",
                                    "ASSAULT", "total"]
    assert table.loc["total", "total"] == 6
    assert table.loc["AGREE", "future"] == 1
    assert table.loc["REJECT", "negated"] == 1
    assert table.loc["total", "asserted"] == 4
    assert list(table.columns) == ["asserted", "negated", "future", "hypothetical",
                                   "historical", "total"]
    assert filled.summary(article_id="a2").loc["total", "total"] == 2


def test_summary_order_and_empty(store):
    assert store.summary().loc["total", "total"] == 0
    assert store.summary().index.tolist() == ["total"]


def test_counts_by_type_and_month(filled):
    by_type = filled.counts()
    assert dict(zip(by_type["event_type"], by_type["n"], strict=True))["ASSAULT"] == 1
    assert by_type["n"].sum() == 6
    monthly = filled.counts("event_type", "month")
    assert set(monthly.columns) == {"period", "event_type", "n"}
    march = monthly[monthly["period"] == "2024-03-01"]
    assert set(march["event_type"]) == {"ASSAULT", "AGREE", "REJECT"}  # ACCUSE is February
    assert monthly["period"].is_monotonic_increasing


def test_counts_by_dyad(filled):
    dyads = filled.counts("dyad", event_type="ASSAULT")
    pairs = set(zip(dyads["actor"], dyads["recipient"], strict=True))
    assert pairs == {("RUSMIL", "UKR"), ("RUSMIL", "UKRGOV")}
    agree = filled.counts("dyad", event_type="AGREE")
    assert agree["recipient"].isna().all() and len(agree) == 2


def test_counts_bad_arguments(filled):
    for kwargs in ({"by": "colour"}, {"interval": "hour"}, {"factuality": "maybe"}):
        with pytest.raises(TidingsError) as err:
            filled.counts(**kwargs)
        assert err.value.code == "E202"
