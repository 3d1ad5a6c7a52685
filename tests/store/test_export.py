"""Exporters: parquet, jsonl, csv and the GDELT 2.0 event table."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from store_helpers import KHARKIV, RUSMIL, USAGOV, article, event

from tidings.errors import TidingsError
from tidings.model import Event, Location
from tidings.registry import exporters
from tidings.store import export, gdelt
from tidings.store.gdelt import Source


def test_registered_by_name():
    assert {"parquet", "jsonl", "csv", "gdelt"} <= set(exporters.get_all())


def test_unknown_format(filled, tmp_path):
    with pytest.raises(TidingsError) as err:
        export(filled, "xlsx", tmp_path)
    assert err.value.code == "E205"
    assert "csv, gdelt, jsonl, parquet" in str(err.value)


def test_bad_filter_writes_nothing(filled, tmp_path):
    with pytest.raises(TidingsError) as err:
        export(filled, "jsonl", tmp_path / "out", factuality="probable")
    assert err.value.code == "E202"
    assert not (tmp_path / "out").exists()


def _rows(path) -> int:
    return pq.read_metadata(path).num_rows


def test_parquet_all(filled, tmp_path):
    filled.write(article(3), [])  # an article without events is kept in a full export
    paths = export(filled, "parquet", tmp_path / "pq")
    assert [p.name for p in paths] == ["events.parquet", "event_entities.parquet",
                                       "mentions.parquet", "articles.parquet"]
    assert [_rows(p) for p in paths] == [6, 13, 7, 3]
    events = pq.read_table(paths[0]).to_pandas()
    assert set(events["event_type"]) == {"ACCUSE", "ASSAULT", "AGREE", "REJECT", "SANCTION",
                                         "CONSULT"}
    assert pq.read_table(paths[0]).schema.field("mode").type.value_type == "string"


def test_parquet_filtered_consistently(filled, tmp_path):
    paths = export(filled, "parquet", tmp_path, factuality=["asserted"], article_id="a1")
    events, entities, mentions, articles = (pq.read_table(p).to_pandas() for p in paths)
    assert sorted(events["event_type"]) == ["ACCUSE", "ASSAULT"]
    assert set(entities["event_id"]) == set(events["event_id"]) == set(mentions["event_id"])
    assert len(entities) == 5 and len(mentions) == 2
    assert articles["article_id"].tolist() == ["a1"]


def test_jsonl(filled, tmp_path):
    (path,) = export(filled, "jsonl", tmp_path, actor="RUS")
    lines = path.read_text(encoding="utf-8").splitlines()
    events = [Event.model_validate(json.loads(line)) for line in lines]
    assert events == list(filled.iter_events(actor="RUS"))
    assert len(events) == 2
    assault = next(json.loads(line) for line in lines if '"ASSAULT"' in line)
    assert [r["code"] for r in assault["recipient"]] == ["UKR", "UKRGOV"]
    assert assault["mentions"][0]["trigger"] == "shelled" and assault["date"] is None


def test_csv(filled, tmp_path):
    (path,) = export(filled, "csv", tmp_path)
    table = pd.read_csv(path, keep_default_na=False)
    assert len(table) == 6
    row = table.set_index("event_type").loc["AGREE"]
    assert row["actor_codes"] == "USAGOV;NATO" and row["recipient_codes"] == ""
    assert table.set_index("event_type").loc["ACCUSE", "context"] == "military;territory"
    (path,) = export(filled, "csv", tmp_path / "few", since="2024-04-01")
    assert len(pd.read_csv(path)) == 2


# -- GDELT -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gdelt_names(shared) -> list[str]:
    names = pd.read_csv(shared / "data" / "gdelt-sample" / "events2-columns.csv")["name"]
    return names.tolist()


def test_our_column_names_are_gdelts(gdelt_names):
    # The codebook calls the first two GlobalEventID and Day; the BigQuery names differ.
    aliases = {"GLOBALEVENTID": "GlobalEventID", "SQLDATE": "Day"}
    assert [aliases.get(n, n) for n in gdelt_names] == list(gdelt.COLUMNS)
    assert len(gdelt.COLUMNS) == 61


def test_real_gdelt_sample_parses_with_the_same_reader(shared, gdelt_names):
    table = gdelt.read(shared / "data" / "gdelt-sample" / "20191024143000.export.CSV",
                       gdelt_names)
    assert table.shape == (2111, 61)
    assert table["EventCode"].str.fullmatch(r"\d{2,4}").all()
    assert table["GLOBALEVENTID"].str.fullmatch(r"\d+").all()
    assert set(table["QuadClass"]) <= {"1", "2", "3", "4"}


def _export(store, tmp_path, gdelt_names, **filters) -> pd.DataFrame:
    (path,) = export(store, "gdelt", tmp_path, **filters)
    assert path.name == "tidings.export.CSV"
    assert all(line.count("\t") == 60 for line in path.read_text("utf-8").splitlines())
    return gdelt.read(path, gdelt_names)


def test_gdelt_rows_and_dyads(filled, tmp_path, gdelt_names):
    table = _export(filled, tmp_path, gdelt_names)
    assert table.shape == (8, 61)  # ASSAULT: 1 x 2 recipients; AGREE: 2 actors x none
    assert table["GLOBALEVENTID"].is_unique
    assault = table[table["EventCode"] == "195"]
    assert assault["Actor2Code"].tolist() == ["UKR", "UKRGOV"]
    assert set(assault["Actor1Code"]) == {"RUSMIL"}
    assert set(assault["Actor1Type1Code"]) == {"MIL"}
    assert set(assault["Actor1CountryCode"]) == {"RUS"}
    agree = table[table["EventCode"] == "0251"]
    assert agree["Actor1Code"].tolist() == ["USAGOV", "NATO"]
    assert (agree["Actor2Code"] == "").all() and (agree["Actor2Name"] == "").all()


def test_gdelt_values(filled, tmp_path, gdelt_names):
    table = _export(filled, tmp_path, gdelt_names).set_index("EventCode")
    accuse = table.loc["112"]
    assert (accuse["SQLDATE"], accuse["MonthYear"], accuse["Year"]) == ("20240228", "202402",
                                                                        "2024")
    assert accuse["FractionDate"] == "2024.1589"  # (1 * 30 + 28) / 365
    assert accuse["Actor1Name"] == "WASHINGTON"
    assert (accuse["QuadClass"], accuse["GoldsteinScale"]) == ("3", "-2.0")
    assert (accuse["IsRootEvent"], accuse["NumMentions"], accuse["NumSources"],
            accuse["NumArticles"], accuse["AvgTone"]) == ("1", "1", "1", "1", "0")
    assert accuse["EventBaseCode"] == "112" and accuse["EventRootCode"] == "11"
    # A world city, FIPS country UP (ISO UKR), ADM1 = FIPS country + GeoNames admin1 code.
    assert (accuse["ActionGeo_Type"], accuse["ActionGeo_FullName"], accuse["ActionGeo_CountryCode"],
            accuse["ActionGeo_ADM1Code"], accuse["ActionGeo_FeatureID"]) == (
        "4", "Kharkiv, Kharkiv, Ukraine", "UP", "UP07", "706483")
    assert (float(accuse["ActionGeo_Lat"]), float(accuse["ActionGeo_Long"])) == (49.98, 36.25)
    assert accuse["Actor1Geo_Type"] == "0" and accuse["Actor1Geo_FullName"] == ""
    assert accuse["SOURCEURL"] == "https://news.example/a1"
    assert len(accuse["DATEADDED"]) == 14 and accuse["DATEADDED"].startswith("20")

    assault = table.loc["195"].iloc[0]
    assert (assault["IsRootEvent"], assault["QuadClass"], assault["GoldsteinScale"]) == (
        "0", "4", "-10.0")  # sentence 4 is past the lead
    assert assault["SQLDATE"] == "20240301"  # no event date: the published date
    assert (assault["ActionGeo_Type"], assault["ActionGeo_FullName"],
            assault["ActionGeo_CountryCode"], assault["ActionGeo_ADM1Code"],
            assault["ActionGeo_FeatureID"]) == ("1", "Ukraine", "UP", "UP", "UP")

    agree = table.loc["0251"].iloc[0]
    assert (agree["EventBaseCode"], agree["EventRootCode"], agree["NumMentions"]) == (
        "025", "02", "2")
    assert agree["GoldsteinScale"] == "-0.3" and agree["QuadClass"] == "1"

    consult = table.loc["040"]  # a US state
    assert (consult["ActionGeo_Type"], consult["ActionGeo_FullName"],
            consult["ActionGeo_CountryCode"], consult["ActionGeo_ADM1Code"],
            consult["ActionGeo_FeatureID"]) == ("2", "Texas, United States", "US", "USTX", "TX")

    sanction = table.loc["163"]
    assert sanction["SOURCEURL"] == "a2"  # no url: the article id
    assert sanction["ActionGeo_Type"] == "0" and sanction["ActionGeo_CountryCode"] == ""

    reject = table.loc[""]  # no CAMEO code
    assert reject["GoldsteinScale"] == "" and reject["QuadClass"] == "3"


def test_gdelt_ids_are_stable(filled, tmp_path, gdelt_names):
    first = _export(filled, tmp_path / "one", gdelt_names)["GLOBALEVENTID"].tolist()
    again = _export(filled, tmp_path / "two", gdelt_names)["GLOBALEVENTID"].tolist()
    assert first == again
    assert all(0 < int(i) < 2**63 for i in first)


def test_gdelt_filters(filled, tmp_path, gdelt_names):
    table = _export(filled, tmp_path, gdelt_names, factuality=["asserted"])
    assert sorted(set(table["EventCode"])) == ["040", "112", "163", "195"]


def test_gdelt_story_counts(filled, tmp_path, gdelt_names):
    sanction = filled.events(event_type="SANCTION")["event_id"].iloc[0]
    filled.connection.execute(
        "CREATE TABLE story_events (event_id VARCHAR, num_mentions INTEGER, "
        "num_sources INTEGER, num_articles INTEGER)")
    filled.connection.execute("INSERT INTO story_events VALUES (?, 12, 3, 5)", [sanction])
    table = _export(filled, tmp_path, gdelt_names).set_index("EventCode")
    assert tuple(table.loc["163", ["NumMentions", "NumSources", "NumArticles"]]) == (
        "12", "3", "5")
    assert tuple(table.loc["112", ["NumMentions", "NumSources", "NumArticles"]]) == (
        "1", "1", "1")


def test_gdelt_mapping_units():
    src = Source(url="u", published=None, ingested_at=dt.datetime(2024, 5, 6, 7, 8, 9))
    e = event("a1", "ASSAULT", actor=[RUSMIL], recipient=[USAGOV], cameo_code="1959",
              location=Location(name="Black Sea", feature="sea"))
    (row,) = gdelt.rows(e, src)
    values = dict(zip(gdelt.COLUMNS, row, strict=True))
    assert values["GoldsteinScale"] == "-10.0"  # 1959 is unknown: parent 195
    assert values["Day"] == "20240506"  # no event or published date: ingest day
    assert values["DATEADDED"] == "20240506070809"
    assert values["ActionGeo_Type"] == "0"
    assert gdelt.fraction_date(dt.date(2018, 10, 24)) == "2018.8055"  # as in GDELT's sample
    assert gdelt.geo_type(KHARKIV) == 4
    assert gdelt.geo_type(Location(name="Boston", country="USA", feature="city")) == 3
    assert gdelt.geo_type(Location(name="Bavaria", country="DEU", feature="admin1")) == 5
    tabbed = event("a1", actor=[USAGOV.model_copy(update={"text": "a\tb"})])
    assert all("\t" not in v for v in next(gdelt.rows(tabbed, src)))


def test_exports_from_a_read_only_store(filled, tmp_path, gdelt_names):
    path = filled.path
    filled.close()
    from tidings.store import EventStore

    with EventStore(path, read_only=True) as store:
        for fmt in ("parquet", "jsonl", "csv", "gdelt"):
            assert all(p.exists() for p in export(store, fmt, tmp_path / fmt, event_type="AGREE"))
        assert len(gdelt.read(tmp_path / "gdelt" / gdelt.FILENAME, gdelt_names)) == 2
