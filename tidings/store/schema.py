"""The event store's tables (DuckDB DDL); docs/store.md describes every column.

One row per article, per event, per entity slot (actor/recipient, in list order) and per
mention. Events keep PLOVER's list fields (mode, context) as ``VARCHAR[]``; the location is
flattened into ``loc_*`` columns because an event has at most one.
"""

from __future__ import annotations

# Bump when a table changes shape; EventStore refuses a store of another version (E203).
SCHEMA_VERSION = "1"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    published DATE,
    url VARCHAR,
    source VARCHAR,
    path VARCHAR,
    text VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    n_words INTEGER NOT NULL,
    coder_version VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL  -- UTC
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR[] NOT NULL,
    context VARCHAR[] NOT NULL,
    factuality VARCHAR NOT NULL,
    score DOUBLE,
    cameo_code VARCHAR,
    date DATE,
    date_precision VARCHAR,
    issue VARCHAR,
    issue_text VARCHAR,
    confidence DOUBLE NOT NULL,
    rule VARCHAR NOT NULL,
    loc_name VARCHAR,
    loc_country VARCHAR,
    loc_admin1 VARCHAR,
    loc_lat DOUBLE,
    loc_lon DOUBLE,
    loc_geonameid BIGINT,
    loc_feature VARCHAR,
    loc_qualifier VARCHAR,
    loc_text VARCHAR,
    loc_start_char INTEGER,
    loc_end_char INTEGER,
    loc_score DOUBLE  -- the geocoder's confidence, when the Location record carries one
);
CREATE TABLE IF NOT EXISTS event_entities (
    event_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,  -- 'actor' | 'recipient'
    position INTEGER NOT NULL,  -- index in the event's actor or recipient list
    text VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    code VARCHAR NOT NULL,
    start_char INTEGER,
    end_char INTEGER
);
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,  -- index in the event's mention list
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL
);
"""

# No secondary indexes: with the five ART indexes of the first draft, re-writing 10k of 100k
# stored events took 3.4 s of CPU against 1.3 s without, and neither the filters nor
# iter_events got faster (DuckDB runs them as hash joins and zone-map scans). The primary
# keys stay. See docs/store.md, "Speed".

# Column order of each table as written by EventStore (inserts go through Arrow tables).
EVENT_COLUMNS = (
    "event_id", "article_id", "event_type", "mode", "context", "factuality", "score",
    "cameo_code", "date", "date_precision", "issue", "issue_text", "confidence", "rule",
    "loc_name", "loc_country", "loc_admin1", "loc_lat", "loc_lon", "loc_geonameid",
    "loc_feature", "loc_qualifier", "loc_text", "loc_start_char", "loc_end_char", "loc_score",
)
# Location fields kept in the events table as ``loc_<field>``. ``score`` is optional on the
# record (a newer places stage adds it); the store keeps the column either way.
LOCATION_FIELDS = tuple(c.removeprefix("loc_") for c in EVENT_COLUMNS if c.startswith("loc_"))
ARTICLE_COLUMNS = (
    "article_id", "title", "published", "url", "source", "path", "text", "content_hash",
    "n_words", "coder_version", "ingested_at",
)
ENTITY_COLUMNS = (
    "event_id", "role", "position", "text", "country", "sector", "code", "start_char", "end_char",
)
MENTION_COLUMNS = (
    "event_id", "position", "sentence_index", "start_char", "end_char", "text", "trigger",
    "trigger_start", "trigger_end",
)
