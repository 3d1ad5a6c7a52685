"""Stories: the same real-world happening reported by many articles, linked into one story event.

``build_stories(store)`` reads the stored events and (re)writes two tables beside them:

- ``stories``: one row per story (a happening) with its counts — ``num_articles``,
  ``num_sources`` (distinct outlets: the article's ``source``, else its URL's domain),
  ``num_mentions`` — first/last seen, and the story's type, parties, issue, place and date;
- ``story_events``: one row per stored event (``event_id, story_id, ...`` and the story's
  counts), the link from every per-article event, and through it every mention, to its story.

Nothing else is touched: per-article events stay as they are, and the story layer can be rebuilt
at any time (``CREATE OR REPLACE``). Story ids are content hashes of the sorted member event ids.

Linking (docs/stories.md) is three steps. *Blocking* in SQL: two events are compared only when
they share a type family, a party country and a week bucket of their date intervals. *Scoring*
in SQL: hard constraints (other article, compatible factuality, overlapping dates, compatible
roles and places) and a weighted sum of features (same type, actor and recipient overlap, issue,
date, place, wording). *Clustering* in Python: pairs above the threshold merge greedily, best
first, while the merged story stays consistent (one event per article, a common date, one place).
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import asdict, dataclass, field

import pandas as pd

from tidings.model import EVENT_TYPES, content_hash
from tidings.store import EventStore

# Coders disagree on these types for one happening (water cannon: ASSAULT or COERCE).
DEFAULT_FAMILIES: dict[str, str] = {
    "ASSAULT": "FORCE", "COERCE": "FORCE",
    "CONCEDE": "YIELD", "RETREAT": "YIELD",
    "AID": "HELP", "COOPERATE": "HELP",
}

# Frequent words that say nothing about which happening a sentence reports.
_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our out over own same she should
so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your
said says say told tell according added adding officials official reporters statement
spokesman spokeswoman spokesperson news agency reported report reports monday tuesday
wednesday thursday friday saturday sunday yesterday today week month year last earlier later
new one two three first since while amid still already
"""
STOPWORDS: frozenset[str] = frozenset(_STOP_TEXT.split())


@dataclass(frozen=True)
class LinkConfig:
    """What makes two events one happening. Defaults tuned on samples/clusters (dev split)."""

    threshold: float = 2.0  # a pair links when its score reaches this
    w_same_type: float = 1.0  # same PLOVER type (else same family only)
    w_actor: float = 1.0  # Jaccard overlap of actor countries
    w_recipient: float = 0.6  # Jaccard overlap of recipient countries
    w_issue: float = 0.6  # +w same issue, -2w two different issues
    w_date: float = 0.6  # times 1 same day, .5 a day apart, .3 coarse, .15 undated
    w_place: float = 0.6  # times 1 same place, .4 same country
    w_words: float = 2.5  # Jaccard overlap of the evidence sentences' content words
    future_penalty: float = 0.8  # asserted vs future: the plan and its execution
    date_slack_days: int = 1  # intervals this far apart still overlap (time zones)
    undated_days: int = 3  # an undated event: within this many days before publication
    place_km: float = 50.0  # two points closer than this are one place
    families: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FAMILIES))


@dataclass
class StoryStats:
    """What a build did: sizes and seconds per step."""

    events: int = 0
    candidate_pairs: int = 0  # sharing a blocking key
    compatible_pairs: int = 0  # passing the hard constraints (scored)
    linked_pairs: int = 0
    stories: int = 0
    multi_article_stories: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


# -- SQL ----------------------------------------------------------------------------------------

# One row per event: its interval [lo, hi], family, parties, place, outlet and content words.
_EVENTS_SQL = """
CREATE OR REPLACE TEMP TABLE _st_ev AS
WITH parties AS (
    SELECT event_id,
        list_sort(list_distinct(list(coalesce(country, code)) FILTER (WHERE role = 'actor')))
            AS actors,
        list_sort(list_distinct(list(coalesce(country, code)) FILTER (WHERE role = 'recipient')))
            AS recipients
    FROM event_entities GROUP BY event_id
),
words AS (
    SELECT event_id, count(*) AS n_mentions,
        list_filter(
            list_distinct(regexp_split_to_array(lower(string_agg(text, ' ')), '[^a-z0-9]+')),
            lambda w: length(w) > 2 AND NOT list_contains($stop, w)) AS words
    FROM mentions GROUP BY event_id
),
base AS (
    SELECT e.event_id, e.article_id, e.event_type,
        coalesce($families[list_position($types, e.event_type)], e.event_type) AS family,
        e.factuality, e.issue, e.date_precision,
        e.date IS NULL AS undated,
        coalesce(e.date, a.published, CAST(a.ingested_at AS DATE)) AS anchor,
        e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, e.loc_geonameid,
        e.loc_feature IS NOT NULL AND e.loc_feature NOT IN
            ('country', 'admin1', 'admin2', 'region', 'continent', 'sea') AS loc_point,
        coalesce(nullif(trim(a.source), ''),
                 nullif(regexp_extract(lower(a.url), '^[a-z]+://(www\\.)?([^/:?#]+)', 2), ''),
                 a.article_id) AS outlet,
        coalesce(a.published, CAST(a.ingested_at AS DATE)) AS seen,
        e.confidence
    FROM events e JOIN articles a ON a.article_id = e.article_id
)
SELECT b.*,
    CASE WHEN undated THEN anchor - $undated ELSE anchor END AS lo,
    CASE WHEN undated THEN anchor
         WHEN date_precision = 'week' THEN anchor + 6
         WHEN date_precision = 'month' THEN CAST(last_day(anchor) AS DATE)
         WHEN date_precision = 'year' THEN CAST(anchor + INTERVAL 1 YEAR AS DATE) - 1
         ELSE anchor END AS hi,
    coalesce(p.actors, []) AS actors, coalesce(p.recipients, []) AS recipients,
    list_distinct(list_concat(coalesce(p.actors, []), coalesce(p.recipients, []))) AS parties,
    coalesce(w.words, []) AS words, coalesce(w.n_mentions, 0) AS n_mentions
FROM base b LEFT JOIN parties p USING (event_id) LEFT JOIN words w USING (event_id)
"""

# Blocking keys, for every ISO week bucket the interval touches (with the slack): "build" keys
# are the event's actor>recipient dyads ("*" for a side it does not name); "probe" keys add
# "actor>*" and "*>recipient", so an event meets those naming the same dyad, or the same actor
# without recipients, or the same recipient without actors — every pair the role constraint
# below can accept (except a recipient named as the other event's actor alongside a third
# recipient), without comparing every event of a busy country with every other.
_KEYS_SQL = """
CREATE OR REPLACE TEMP TABLE _st_keys AS
WITH sides AS (
    SELECT event_id, article_id, family, lo, hi,
        CASE WHEN len(actors) = 0 THEN ['*'] ELSE actors END AS a,
        CASE WHEN len(recipients) = 0 THEN ['*'] ELSE recipients END AS r,
        len(actors) > 0 AS has_a, len(recipients) > 0 AS has_r
    FROM _st_ev WHERE len(parties) > 0
),
dyads AS (
    SELECT event_id, article_id, family, lo, hi, has_a, has_r, unnest(a) AS a, r
    FROM sides
),
pairs AS (
    SELECT event_id, article_id, family, lo, hi, has_a, has_r, a, unnest(r) AS r FROM dyads
),
keyed AS (
    SELECT event_id, article_id, family, lo, hi, a || '>' || r AS key, TRUE AS build
    FROM pairs
    UNION
    SELECT event_id, article_id, family, lo, hi, a || '>*', FALSE FROM pairs WHERE has_a AND has_r
    UNION
    SELECT event_id, article_id, family, lo, hi, '*>' || r, FALSE FROM pairs WHERE has_a AND has_r
)
SELECT event_id, article_id, family, key, build,
    unnest(generate_series(
        CAST(floor((lo - $slack - DATE '1970-01-05') / 7) AS BIGINT),
        CAST(floor((hi + $slack - DATE '1970-01-05') / 7) AS BIGINT))) AS bucket
FROM keyed
"""

# Candidate pairs: events of other articles sharing a key (a probe key meets a build key).
# Materialised on its own, so that the scoring joins on event ids (else DuckDB may plan the
# date test as an inequality join of all events with all events).
_CANDIDATES_SQL = """
CREATE OR REPLACE TEMP TABLE _st_cand AS
SELECT DISTINCT least(k1.event_id, k2.event_id) AS a, greatest(k1.event_id, k2.event_id) AS b
FROM _st_keys k1 JOIN _st_keys k2 ON k1.family = k2.family AND k1.key = k2.key
    AND k1.bucket = k2.bucket AND k2.build AND k1.event_id <> k2.event_id
    AND k1.article_id <> k2.article_id
"""

_FEATURES_SQL = """
CREATE OR REPLACE TEMP TABLE _st_feat AS
    SELECT c.a, c.b, x.article_id AS article_a, y.article_id AS article_b,
        x.event_type = y.event_type AS same_type,
        x.factuality <> y.factuality AS mixed_factuality,
        len(list_intersect(x.actors, y.actors)) AS actor_shared,
        len(list_intersect(x.recipients, y.recipients)) AS recipient_shared,
        len(x.actors) AS na_x, len(y.actors) AS na_y,
        len(x.recipients) AS nr_x, len(y.recipients) AS nr_y,
        len(list_distinct(list_concat(x.actors, y.actors))) AS actor_union,
        len(list_distinct(list_concat(x.recipients, y.recipients))) AS recipient_union,
        len(list_intersect(x.recipients, y.actors)) = len(x.recipients) AS x_rec_in_y_act,
        len(list_intersect(y.recipients, x.actors)) = len(y.recipients) AS y_rec_in_x_act,
        CASE WHEN x.issue IS NULL OR y.issue IS NULL THEN 0
             WHEN x.issue = y.issue THEN 1 ELSE -2 END AS issue_score,
        CASE WHEN x.undated OR y.undated THEN 0.15
             WHEN coalesce(x.date_precision, 'day') = 'day'
                  AND coalesce(y.date_precision, 'day') = 'day'
             THEN CASE WHEN x.lo = y.lo THEN 1.0 WHEN abs(x.lo - y.lo) <= 1 THEN 0.5 ELSE 0 END
             ELSE 0.3 END AS date_score,
        x.loc_country IS NOT NULL AND y.loc_country IS NOT NULL
            AND x.loc_country <> y.loc_country AS place_conflict,
        CASE WHEN x.loc_point AND y.loc_point AND x.loc_lat IS NOT NULL
                  AND y.loc_lat IS NOT NULL
             THEN 2 * 6371.0 * asin(least(1.0, sqrt(
                 pow(sin(radians(y.loc_lat - x.loc_lat) / 2), 2)
                 + cos(radians(x.loc_lat)) * cos(radians(y.loc_lat))
                   * pow(sin(radians(y.loc_lon - x.loc_lon) / 2), 2))))
             END AS km,
        x.loc_country IS NOT NULL AND x.loc_country = y.loc_country AS same_country,
        (x.loc_geonameid IS NOT NULL AND x.loc_geonameid = y.loc_geonameid)
            OR (x.loc_name IS NOT NULL AND lower(x.loc_name) = lower(y.loc_name)) AS same_place,
        len(list_intersect(x.words, y.words))
            / greatest(1, len(list_distinct(list_concat(x.words, y.words))))::DOUBLE AS words,
        x.lo <= y.hi + $slack AND y.lo <= x.hi + $slack AS dates_overlap,
        x.factuality, y.factuality AS factuality_b
    FROM _st_cand c JOIN _st_ev x ON x.event_id = c.a JOIN _st_ev y ON y.event_id = c.b
"""

# Hard constraints, then the score. A separate statement from the features: a filter over
# both events would let DuckDB plan an inequality join of all events with all events.
_PAIRS_SQL = """
CREATE OR REPLACE TEMP TABLE _st_pairs AS
SELECT a, b, article_a, article_b,
    $w_same_type * same_type::INT
    + $w_actor * (CASE WHEN actor_union = 0 THEN 0 ELSE actor_shared / actor_union END)
    + $w_recipient * (CASE WHEN recipient_union = 0 THEN 0
                           ELSE recipient_shared / recipient_union END)
    + $w_issue * issue_score
    + $w_date * date_score
    + $w_place * (CASE WHEN same_place OR km <= $place_km THEN 1
                       WHEN same_country THEN 0.4 ELSE 0 END)
    + $w_words * words
    - $future_penalty * mixed_factuality::INT AS score
FROM _st_feat
WHERE dates_overlap
  AND (factuality = factuality_b
       OR (factuality IN ('asserted', 'future') AND factuality_b IN ('asserted', 'future')))
  AND NOT place_conflict
  AND (km IS NULL OR km <= $place_km OR same_place)
  -- roles: the actors overlap (or one side names none), and so do the recipients, or one
  -- event lists every party as an actor (a reciprocal meeting coded both ways)
  AND (actor_shared > 0 OR na_x = 0 OR na_y = 0)
  AND (recipient_shared > 0 OR nr_x = 0 OR nr_y = 0 OR x_rec_in_y_act OR y_rec_in_x_act)
"""


def _params(config: LinkConfig) -> dict[str, object]:
    return {
        "w_same_type": config.w_same_type, "w_actor": config.w_actor,
        "w_recipient": config.w_recipient, "w_issue": config.w_issue,
        "w_date": config.w_date, "w_place": config.w_place, "w_words": config.w_words,
        "future_penalty": config.future_penalty, "slack": config.date_slack_days,
        "place_km": config.place_km,
    }


# -- clustering ---------------------------------------------------------------------------------


@dataclass
class _Cluster:
    members: list[str]
    articles: set[str]
    lo: dt.date  # the latest start of the members' intervals
    hi: dt.date  # the earliest end
    points: list[tuple[float, float]]


def _day(value: object) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value  # type: ignore[return-value]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def cluster_pairs(events: pd.DataFrame, pairs: pd.DataFrame, config: LinkConfig) -> dict[str, str]:
    """Greedy best-first merging of linked pairs: event_id -> a representative event_id for
    every event of ``pairs`` (events merged with nothing map to themselves).

    ``events`` has event_id, article_id, lo, hi, loc_point, loc_lat, loc_lon (only the events in
    ``pairs`` are needed); ``pairs`` has a, b, score. A merge is refused when the two stories
    share an article, their dates no longer overlap, or their places are far apart.
    """
    slack = dt.timedelta(days=config.date_slack_days)
    info = {
        row.event_id: (row.article_id, _day(row.lo), _day(row.hi),
                       (float(row.loc_lat), float(row.loc_lon))
                       if row.loc_point is True and pd.notna(row.loc_lat) else None)
        for row in events.itertuples(index=False)
    }
    clusters: dict[str, _Cluster] = {}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def cluster(x: str) -> _Cluster:
        if x not in clusters:
            article_id, lo, hi, point = info[x]
            clusters[x] = _Cluster([x], {article_id}, lo, hi, [point] if point else [])
        return clusters[x]

    ordered = pairs.sort_values(["score", "a", "b"], ascending=[False, True, True])
    for a, b in zip(ordered["a"].tolist(), ordered["b"].tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        ca, cb = cluster(ra), cluster(rb)
        if ca.articles & cb.articles:
            continue
        lo, hi = max(ca.lo, cb.lo), min(ca.hi, cb.hi)
        if lo > hi + slack:
            continue
        if any(_km(p, q) > config.place_km for p in ca.points[:8] for q in cb.points[:8]):
            continue
        if len(cb.members) > len(ca.members):
            ra, rb, ca, cb = rb, ra, cb, ca
        parent[rb] = ra
        ca.members += cb.members
        ca.articles |= cb.articles
        ca.lo, ca.hi = lo, hi
        ca.points += cb.points
        del clusters[rb]
    return {member: r for r, c in clusters.items() for member in c.members}


# -- the build ----------------------------------------------------------------------------------


def link_events(store: EventStore, config: LinkConfig | None = None,
                stats: StoryStats | None = None) -> pd.DataFrame:
    """``event_id -> story_id`` for every stored event (a DataFrame with both columns)."""
    config = config or LinkConfig()
    stats = stats if stats is not None else StoryStats()
    con = store.connection
    types = list(EVENT_TYPES)
    t0 = time.perf_counter()
    con.execute(_EVENTS_SQL, {"stop": sorted(STOPWORDS), "types": types,
                              "families": [config.families.get(t, t) for t in types],
                              "undated": config.undated_days})
    con.execute(_KEYS_SQL, {"slack": config.date_slack_days})
    t1 = time.perf_counter()
    con.execute(_CANDIDATES_SQL)
    con.execute(_FEATURES_SQL, {"slack": config.date_slack_days})
    con.execute(_PAIRS_SQL, {k: v for k, v in _params(config).items() if k != "slack"})
    t2 = time.perf_counter()
    stats.events = con.execute("SELECT count(*) FROM _st_ev").fetchone()[0]
    stats.candidate_pairs = con.execute("SELECT count(*) FROM _st_cand").fetchone()[0]
    stats.compatible_pairs = con.execute("SELECT count(*) FROM _st_pairs").fetchone()[0]
    linked = con.execute(
        "SELECT a, b, score FROM _st_pairs WHERE score >= ?", [config.threshold]).df()
    stats.linked_pairs = len(linked)
    involved = con.execute(
        "SELECT event_id, article_id, lo, hi, loc_point, loc_lat, loc_lon FROM _st_ev "
        "WHERE event_id IN (SELECT a FROM _st_pairs WHERE score >= $t "
        "UNION SELECT b FROM _st_pairs WHERE score >= $t)", {"t": config.threshold}).df()
    members: dict[str, list[str]] = {}
    for event_id, r in cluster_pairs(involved, linked, config).items():
        members.setdefault(r, []).append(event_id)
    story_of = {e: "s" + content_hash(*sorted(group))
                for group in members.values() for e in group}
    t3 = time.perf_counter()
    all_ids = [r[0] for r in con.execute("SELECT event_id FROM _st_ev").fetchall()]
    frame = pd.DataFrame({"event_id": all_ids})
    frame["story_id"] = [story_of.get(e) or "s" + content_hash(e) for e in all_ids]
    stats.seconds.update(prepare=round(t1 - t0, 3), pairs=round(t2 - t1, 3),
                         cluster=round(t3 - t2, 3))
    return frame


_STORIES_SQL = """
CREATE OR REPLACE TABLE story_events AS
WITH counts AS (
    SELECT m.story_id, count(DISTINCT v.article_id) AS num_articles,
        count(DISTINCT v.outlet) AS num_sources, CAST(sum(v.n_mentions) AS INTEGER) AS num_mentions
    FROM _st_members m JOIN _st_ev v USING (event_id) GROUP BY m.story_id
)
SELECT m.event_id, m.story_id, v.article_id, c.num_mentions, c.num_sources, c.num_articles
FROM _st_members m JOIN _st_ev v USING (event_id) JOIN counts c USING (story_id)
ORDER BY m.story_id, m.event_id;

CREATE OR REPLACE TABLE stories AS
WITH ranked AS (
    SELECT s.story_id, v.*,
        row_number() OVER (PARTITION BY s.story_id ORDER BY
            CASE coalesce(v.date_precision, 'day') WHEN 'day' THEN 0 WHEN 'week' THEN 1
                 WHEN 'month' THEN 2 ELSE 3 END + 4 * v.undated::INT,
            v.n_mentions DESC, v.seen, v.event_id) AS rank
    FROM story_events s JOIN _st_ev v USING (event_id)
),
agg AS (
    SELECT story_id,
        mode(event_type) AS event_type, mode(factuality) AS factuality,
        mode(issue) AS issue,
        min(seen) AS first_seen, max(seen) AS last_seen,
        count(*) AS num_events,
        list_sort(list_distinct(flatten(list(actors)))) AS actor_countries,
        list_sort(list_distinct(flatten(list(recipients)))) AS recipient_countries,
        list_sort(list_distinct(list(outlet))) AS sources,
        round(avg(confidence), 3) AS confidence
    FROM ranked GROUP BY story_id
)
SELECT a.story_id, a.event_type, a.factuality, a.issue,
    CASE WHEN r.undated THEN NULL ELSE r.anchor END AS date,
    CASE WHEN r.undated THEN NULL ELSE coalesce(r.date_precision, 'day') END AS date_precision,
    a.first_seen, a.last_seen, a.num_events, c.num_articles, c.num_sources, c.num_mentions,
    a.actor_countries, a.recipient_countries,
    coalesce(r.loc_name, (SELECT min(loc_name) FROM ranked q WHERE q.story_id = a.story_id))
        AS loc_name,
    coalesce(r.loc_country, (SELECT min(loc_country) FROM ranked q
                             WHERE q.story_id = a.story_id)) AS loc_country,
    a.sources, a.confidence, r.event_id AS lead_event_id,
    (SELECT text FROM mentions mm WHERE mm.event_id = r.event_id ORDER BY position LIMIT 1)
        AS headline
FROM agg a JOIN ranked r ON r.story_id = a.story_id AND r.rank = 1
JOIN (SELECT DISTINCT story_id, num_articles, num_sources, num_mentions FROM story_events) c
    ON c.story_id = a.story_id
ORDER BY c.num_sources DESC, c.num_articles DESC, a.story_id;
"""


def build_stories(store: EventStore, config: LinkConfig | None = None) -> StoryStats:
    """Link the stored events into stories and (re)write the ``stories`` and ``story_events``
    tables. Deterministic: the same events give the same story ids and rows."""
    stats = StoryStats()
    frame = link_events(store, config, stats)
    con = store.connection
    t0 = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_st_frame", frame)
        con.execute("CREATE OR REPLACE TEMP TABLE _st_members AS SELECT * FROM _st_frame")
        con.unregister("_st_frame")
        con.execute(_STORIES_SQL)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    for table in ("_st_members", "_st_pairs", "_st_feat", "_st_cand", "_st_keys", "_st_ev"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    stats.stories = con.execute("SELECT count(*) FROM stories").fetchone()[0]
    stats.multi_article_stories = con.execute(
        "SELECT count(*) FROM stories WHERE num_articles > 1").fetchone()[0]
    stats.seconds["write"] = round(time.perf_counter() - t0, 3)
    return stats


def has_stories(store: EventStore) -> bool:
    return bool(store.connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'stories'"
    ).fetchone()[0])


def story_groups(store: EventStore) -> dict[str, list[str]]:
    """story_id -> member event ids (after ``build_stories``)."""
    groups: dict[str, list[str]] = {}
    for event_id, story_id in store.connection.execute(
            "SELECT event_id, story_id FROM story_events ORDER BY story_id, event_id").fetchall():
        groups.setdefault(story_id, []).append(event_id)
    return groups


__all__ = ["DEFAULT_FAMILIES", "LinkConfig", "StoryStats", "build_stories", "cluster_pairs",
           "has_stories", "link_events", "story_groups"]
