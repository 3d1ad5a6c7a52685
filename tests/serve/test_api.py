"""The HTTP API against a running server over the coded sample corpus."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from tidings.store import EventStore


def get(client, path: str, **params) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def get_all(client, path: str, **params) -> list[dict]:
    """Every item of a listing, a page of the largest size at a time."""
    items: list[dict] = []
    while True:
        page = get(client, path, limit=1000, offset=len(items), **params)
        items += page["items"]
        if not page["items"] or len(items) >= page["total"]:
            assert len(items) == page["total"]
            return items


def test_summary_matches_the_store(client, pipeline_db):
    summary = get(client, "/api/summary")
    with EventStore(pipeline_db, read_only=True) as store:
        assert summary["events"] == len(store.events())
        assert summary["articles_stored"] == len(store.articles())
    assert summary["events"] > 100  # the corpus codes to a few hundred events


def test_events_pages_are_stable_and_complete(client):
    everything = get_all(client, "/api/events", order="asc")
    ids = [e["event_id"] for e in everything]
    assert len(ids) == get(client, "/api/events", limit=1)["total"] == len(set(ids))
    paged: list[str] = []
    for offset in range(0, len(ids), 137):
        paged += [e["event_id"] for e in
                  get(client, "/api/events", order="asc", limit=137, offset=offset)["items"]]
    assert paged == ids
    keys = [(e["date"] or "9999", e["event_id"]) for e in everything]
    assert keys == sorted(keys)
    newest = get_all(client, "/api/events")
    assert [e["event_id"] for e in newest] == ids[::-1]


@pytest.mark.parametrize("filters", [
    {"event_type": "ASSAULT"},
    {"actor": "RUS"},
    {"recipient": ["UKR", "USA"]},
    {"factuality": "negated"},
    {"since": "2025-08-01", "until": "2025-09-30"},
    {"text": "ceasefire"},
    {"actor": "RUS", "event_type": ["ASSAULT", "COERCE"]},
])
def test_filters_mean_what_the_store_says(client, pipeline_db, filters):
    params = {{"event_type": "type", "text": "q"}.get(k, k): v for k, v in filters.items()}
    served = get(client, "/api/events", limit=1000, order="asc", **params)
    with EventStore(pipeline_db, read_only=True) as store:
        expected = store.event_ids(**filters)
    assert [e["event_id"] for e in served["items"]] == expected
    assert served["total"] == len(expected)


def test_list_values_repeat_or_take_commas(client):
    repeated = client.get("/api/events?type=ASSAULT&type=AGREE&limit=1000").json()
    commas = get(client, "/api/events", type="ASSAULT,AGREE", limit=1000)
    assert repeated["total"] == commas["total"] > 0
    assert {e["event_type"] for e in commas["items"]} == {"ASSAULT", "AGREE"}


def test_place_and_bounding_box(client):
    place = get(client, "/api/places", limit=1)["items"][0]
    by_name = get(client, "/api/events", place=place["name"].upper(), limit=1000)
    assert by_name["total"] == sum(p["n"] for p in get(client, "/api/places", limit=1000)["items"]
                                   if p["name"] == place["name"])
    lat, lon = place["lat"], place["lon"]
    box = f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"
    inside = get(client, "/api/events", bbox=box, limit=1000)
    assert inside["total"] >= 1
    for e in inside["items"]:
        assert lat - 1 <= e["loc_lat"] <= lat + 1 and lon - 1 <= e["loc_lon"] <= lon + 1


def test_counts_add_up(client):
    total = get(client, "/api/summary")["events"]
    by_type = get(client, "/api/counts", by="type", limit=1000)["items"]
    assert sum(r["n"] for r in by_type) == total
    weekly = get(client, "/api/counts", by="type", interval="week", limit=1000)["items"]
    assert sum(r["n"] for r in weekly) == total
    assert all(r["period"] is None or r["period"] <= "9999" for r in weekly)
    dyads = get(client, "/api/counts", by="dyad", limit=5)["items"]
    assert len(dyads) == 5 and dyads[0]["n"] >= dyads[-1]["n"]


def test_timeline_counts_and_mean_score(client, pipeline_db):
    data = get(client, "/api/timeline", interval="month")
    with duckdb.connect(str(pipeline_db), read_only=True) as con:
        rows = dict(con.execute("""
            SELECT CAST(date_trunc('month', COALESCE(e.date, a.published)) AS DATE)::VARCHAR,
                   avg(e.score)
            FROM events e JOIN articles a USING (article_id)
            WHERE COALESCE(e.date, a.published) IS NOT NULL GROUP BY 1""").fetchall())
        dated = con.execute("SELECT count(*) FROM events e JOIN articles a USING (article_id) "
                            "WHERE COALESCE(e.date, a.published) IS NOT NULL").fetchone()[0]
    assert sum(p["n"] for p in data["periods"]) == dated
    for p in data["periods"]:
        assert p["n"] == sum(p["counts"].values())
        expected = rows[p["period"]]
        assert (p["mean_score"] is None) == (expected is None)
        if expected is not None:
            assert p["mean_score"] == pytest.approx(expected, abs=1e-3)


def test_map_points_cover_the_located_events(client):
    summary = get(client, "/api/summary")
    data = get(client, "/api/map", cell=2)
    assert sum(p["n"] for p in data["points"]) == summary["located"] > 0
    capped = get(client, "/api/map", cell=0.01, limit=3)
    assert len(capped["points"]) == 3
    point = data["points"][0]
    box = f"{point['west']},{point['south']},{point['west'] + 2},{point['south'] + 2}"
    assert get(client, "/api/events", bbox=box)["total"] == point["n"]


def test_network_edges_are_dyad_counts(client):
    data = get(client, "/api/network", limit=10)
    assert 0 < len(data["edges"]) <= 10
    counts = {(r["actor"], r["recipient"]): r["n"] for r in
              get(client, "/api/counts", by="dyad_country", limit=1000)["items"]}
    for edge in data["edges"]:
        assert edge["source"] != edge["target"]
        assert counts[(edge["source"], edge["target"])] == edge["n"]
    ids = {n["id"] for n in data["nodes"]}
    assert ids == {e["source"] for e in data["edges"]} | {e["target"] for e in data["edges"]}


def test_event_detail_spans_are_article_offsets(client):
    some = get(client, "/api/events", limit=40)["items"]
    for row in some:
        event = get(client, f"/api/events/{row['event_id']}")
        article = get(client, f"/api/articles/{event['article_id']}")
        text = article["text"]
        for m in event["mentions"]:
            assert text[m["start_char"]:m["end_char"]] == m["text"]
            assert text[m["trigger_start"]:m["trigger_end"]] == m["trigger"]
        for ent in event["entities"]:
            if ent["start_char"] is not None:
                assert 0 <= ent["start_char"] < ent["end_char"] <= len(text)


def test_article_spans_lie_in_the_text(client):
    article_id = get(client, "/api/articles", limit=1)["items"][0]["article_id"]
    article = get(client, f"/api/articles/{article_id}")
    assert article["spans"] and article["events"]
    kinds = {s["kind"] for s in article["spans"]}
    assert "trigger" in kinds
    for span in article["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(article["text"])


def test_actor_and_mention_lists(client):
    actors = get(client, "/api/actors", role="actor", limit=5)["items"]
    assert actors and all(a["as_actor"] == a["n"] for a in actors)
    mentions = get(client, "/api/mentions", type="ASSAULT", limit=5)["items"]
    assert mentions and all(m["event_type"] == "ASSAULT" for m in mentions)


def test_downloads_hold_the_filtered_view(client):
    params = {"type": "ASSAULT"}
    total = get(client, "/api/events", **params)["total"]
    csv_text = client.get("/api/events", params={**params, "format": "csv"})
    assert csv_text.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_text.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(csv_text.text)))
    assert len(rows) == total and {r["event_type"] for r in rows} == {"ASSAULT"}
    parquet = client.get("/api/events", params={**params, "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == total
    lines = client.get("/api/events", params={**params, "format": "jsonl"}).text.splitlines()
    assert len(lines) == total and json.loads(lines[0])["event_type"] == "ASSAULT"
    places = client.get("/api/places", params={"format": "csv"})
    assert places.status_code == 200 and places.text.startswith('"name"')


def test_unknown_ids_are_404(client):
    for path in ("/api/events/nope", "/api/articles/nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["code"] == "E505"


def test_openapi_and_offline_docs(client):
    spec = get(client, "/openapi.json")
    for path in ("/api/events", "/api/timeline", "/api/map", "/api/network", "/api/articles",
                 "/api/actors", "/api/places", "/api/mentions", "/api/counts"):
        assert path in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
