"""Load test of `tidings serve` over a store of synthetic-but-realistic events.

    python bench/load_serve.py --events 1000000 --clients 8 --seconds 30

Builds the store with DuckDB SQL straight into the store's tables (skewed event types, actor
countries, places with jitter, dates over four years; about 20 s for 1M events), starts the
server on a free loopback port in a subprocess, runs concurrent clients querying filtered
aggregates (timeline, map, network, a page of events), and prints p50/p99 latency and errors
per endpoint. Loopback only; nothing is fetched from outside.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import duckdb
import httpx

from tidings.store import EventStore

# (type, weight, score): roughly the mix of a conflict-heavy news year.
TYPES = [("ASSAULT", 20, -9.0), ("CONSULT", 12, 1.0), ("ACCUSE", 10, -2.0), ("REQUEST", 8, 0.0),
         ("AGREE", 8, 3.0), ("SUPPORT", 6, 3.5), ("REJECT", 6, -2.0), ("THREATEN", 5, -5.0),
         ("COERCE", 5, -7.0), ("SANCTION", 4, -6.0), ("PROTEST", 4, -4.0), ("MOBILIZE", 3, -5.0),
         ("AID", 3, 7.0), ("COOPERATE", 3, 5.0), ("RETREAT", 2, 2.0), ("CONCEDE", 1, 4.0)]
FACTUALITY = [("asserted", 80), ("negated", 5), ("future", 5), ("hypothetical", 4),
              ("historical", 6)]
# (country, weight): actors and recipients.
COUNTRIES = [("RUS", 18), ("UKR", 16), ("USA", 14), ("ISR", 8), ("PSE", 6), ("CHN", 6),
             ("IRN", 4), ("GBR", 3), ("FRA", 3), ("DEU", 3), ("TUR", 3), ("SDN", 3), ("SYR", 2),
             ("IND", 2), ("PAK", 2), ("PHL", 1), ("NATO", 2), ("EUR", 2), ("UNO", 2)]
SECTORS = ["GOV", "MIL", "GOV", "", "REB", "CVL"]
PLACES = [("Kyiv", "UKR", 50.45, 30.52, 10), ("Kharkiv", "UKR", 49.98, 36.25, 8),
          ("Odesa", "UKR", 46.48, 30.72, 5), ("Moscow", "RUS", 55.75, 37.62, 8),
          ("Gaza", "PSE", 31.50, 34.47, 9), ("Jerusalem", "ISR", 31.77, 35.21, 5),
          ("Tehran", "IRN", 35.69, 51.39, 3), ("Beijing", "CHN", 39.90, 116.40, 4),
          ("Washington", "USA", 38.90, -77.04, 7), ("New York", "USA", 40.71, -74.01, 3),
          ("Brussels", "BEL", 50.85, 4.35, 4), ("London", "GBR", 51.51, -0.13, 3),
          ("Paris", "FRA", 48.86, 2.35, 2), ("Berlin", "DEU", 52.52, 13.40, 2),
          ("Ankara", "TUR", 39.93, 32.86, 2), ("Khartoum", "SDN", 15.50, 32.56, 3),
          ("Damascus", "SYR", 33.51, 36.29, 2), ("Manila", "PHL", 14.60, 120.98, 1),
          ("New Delhi", "IND", 28.61, 77.21, 2), ("Islamabad", "PAK", 33.69, 73.06, 2),
          ("Geneva", "CHE", 46.20, 6.15, 2), ("Doha", "QAT", 25.29, 51.53, 2)]


def _weighted(name: str, rows: list[tuple], weight_at: int) -> str:
    """A VALUES table with cumulative weight bounds [lo, hi) in 0..1000."""
    total = sum(r[weight_at] for r in rows)
    out, acc = [], 0.0
    for r in rows:
        lo, acc = acc, acc + r[weight_at] / total * 1000
        values = ", ".join(repr(v) if isinstance(v, str) else str(v)
                           for i, v in enumerate(r) if i != weight_at)
        out.append(f"({values}, {lo:.3f}, {acc if r is not rows[-1] else 1000.001:.3f})")
    return f"CREATE TEMP TABLE {name} AS SELECT * FROM (VALUES {', '.join(out)})"


def build(path: Path, n_events: int) -> None:
    """Write ``n_events`` synthetic events (4 per article on average) into a new store."""
    EventStore(path).close()  # the schema and its version
    con = duckdb.connect(str(path))
    con.execute("SET preserve_insertion_order = false")
    con.execute(_weighted("types", TYPES, 1) + "")
    con.execute("ALTER TABLE types RENAME col0 TO t; ALTER TABLE types RENAME col1 TO s;"
                "ALTER TABLE types RENAME col2 TO lo; ALTER TABLE types RENAME col3 TO hi")
    con.execute(_weighted("facts", FACTUALITY, 1))
    con.execute("ALTER TABLE facts RENAME col0 TO f; ALTER TABLE facts RENAME col1 TO lo;"
                "ALTER TABLE facts RENAME col2 TO hi")
    con.execute(_weighted("countries", COUNTRIES, 1))
    con.execute("ALTER TABLE countries RENAME col0 TO c; ALTER TABLE countries RENAME col1 TO lo;"
                "ALTER TABLE countries RENAME col2 TO hi")
    con.execute(_weighted("places", PLACES, 4))
    for i, name in enumerate(["name", "country", "lat", "lon", "lo", "hi"]):
        con.execute(f"ALTER TABLE places RENAME col{i} TO {name}")
    n_articles = max(1, n_events // 4)
    # u(i, salt): a deterministic uniform number in [0, 1000) for row i.
    con.execute("CREATE MACRO u(i, salt) AS (hash(i, salt) % 1000000) / 1000.0")
    con.execute("""
        INSERT INTO articles
        SELECT 'a' || i, 'Synthetic article ' || i,
               DATE '2022-01-01' + CAST(floor(power(u(i, 'd') / 1000, 0.7) * 1460) AS INTEGER),
               NULL, 'synthetic', NULL, 'Synthetic text of article ' || i || '.', md5(i::VARCHAR),
               50, 'bench', TIMESTAMP '2026-01-01'
        FROM range(?) t(i)""", [n_articles])
    con.execute("""
        CREATE TEMP TABLE ev AS
        SELECT i, 'e' || i AS event_id, 'a' || (i % ?) AS article_id, u(i, 't') AS ut,
               u(i, 'f') AS uf, u(i, 'p') AS up, u(i, 'a') AS ua, u(i, 'r') AS ur,
               u(i, 'x') AS ux
        FROM range(?) t(i)""", [n_articles, n_events])
    con.execute("""
        INSERT INTO events
        SELECT ev.event_id, ev.article_id, types.t, ['verbal'], [], facts.f,
               CASE WHEN ev.ux < 100 THEN NULL ELSE types.s END, NULL,
               a.published - CAST(floor(ev.ux) AS INTEGER) % 3, 'day', NULL, NULL,
               0.5 + ev.ux / 2500, 'bench',
               CASE WHEN ev.up < 850 THEN places.name END,
               CASE WHEN ev.up < 850 THEN places.country END, NULL,
               CASE WHEN ev.up < 850 THEN places.lat + (ev.ux - 500) / 1500 END,
               CASE WHEN ev.up < 850 THEN places.lon + (ev.ua - 500) / 1500 END,
               NULL, 'city', NULL, NULL, NULL, NULL, NULL
        FROM ev JOIN articles a ON a.article_id = ev.article_id
        JOIN types ON ev.ut >= types.lo AND ev.ut < types.hi
        JOIN facts ON ev.uf >= facts.lo AND ev.uf < facts.hi
        JOIN places ON (ev.up * 1000 / 850) % 1000 >= places.lo
                   AND (ev.up * 1000 / 850) % 1000 < places.hi""")
    sectors = "[" + ", ".join(repr(s) for s in SECTORS) + "]"
    con.execute(f"""
        INSERT INTO event_entities
        SELECT ev.event_id, 'actor', 0, c.c, c.c,
               nullif({sectors}[1 + CAST(floor(ev.ux) AS INTEGER) % {len(SECTORS)}], ''),
               c.c || {sectors}[1 + CAST(floor(ev.ux) AS INTEGER) % {len(SECTORS)}], NULL, NULL
        FROM ev JOIN countries c ON ev.ua >= c.lo AND ev.ua < c.hi""")
    con.execute("""
        INSERT INTO event_entities
        SELECT ev.event_id, 'recipient', 0, c.c, c.c, NULL, c.c, NULL, NULL
        FROM ev JOIN countries c ON (ev.ur * 1.3) % 1000 >= c.lo AND (ev.ur * 1.3) % 1000 < c.hi
        JOIN event_entities x ON x.event_id = ev.event_id AND x.role = 'actor'
        WHERE ev.ur < 750 AND c.c <> x.country""")
    con.execute("""
        INSERT INTO mentions
        SELECT ev.event_id, 0, 0, 0, 40, 'Officials reported an event of type ' || e.event_type
               || '.', lower(e.event_type), 36, 36 + length(e.event_type)
        FROM ev JOIN events e ON e.event_id = ev.event_id""")
    con.execute("CHECKPOINT")
    con.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FILTERS = [{}, {"type": "ASSAULT"}, {"actor": "RUS"}, {"country": "UKR"},
           {"since": "2024-01-01", "until": "2024-06-30"}, {"factuality": "negated"},
           {"actor": "USA", "recipient": "CHN"}, {"type": "AGREE,CONSULT", "since": "2025-01-01"},
           {"bbox": "30,45,40,52"}, {"q": "SANCTION"}]
ENDPOINTS = {
    "timeline": ("/api/timeline", {}),
    "map": ("/api/map", {"cell": 2}),
    "network": ("/api/network", {"limit": 60}),
    "events page": ("/api/events", {"limit": 25, "offset": 50}),
}


def client_loop(url: str, deadline: float, seed: int, results: dict) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=url, timeout=60) as client:
        while time.monotonic() < deadline:
            name = rng.choice(list(ENDPOINTS))
            path, extra = ENDPOINTS[name]
            params = {**rng.choice(FILTERS), **extra}
            if name == "timeline" and "since" in params:  # the dashboard's timeline
                params.pop("since", None), params.pop("until", None)
            start = time.perf_counter()
            try:
                ok = client.get(path, params=params).status_code == 200
            except httpx.HTTPError:
                ok = False
            results[name].append((time.perf_counter() - start, ok))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", type=Path, default=Path("bench/results/load_serve.duckdb"))
    parser.add_argument("--rebuild", action="store_true", help="Build the store even if present.")
    args = parser.parse_args()
    args.clients = max(1, min(args.clients, 64))
    args.seconds = max(1.0, min(args.seconds, 600.0))

    if args.rebuild or not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        args.db.unlink(missing_ok=True)
        start = time.perf_counter()
        build(args.db, args.events)
        print(f"built {args.db} in {time.perf_counter() - start:.1f} s")
    with duckdb.connect(str(args.db), read_only=True) as con:
        n, = con.execute("SELECT count(*) FROM events").fetchone()
        entities, = con.execute("SELECT count(*) FROM event_entities").fetchone()
    print(f"store: {n:,} events, {entities:,} entity rows")

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c",
                               "import sys; from tidings.serve import run; "
                               "run(sys.argv[1], port=int(sys.argv[2]), log_level='warning')",
                               str(args.db), str(port)])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/api", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        results: dict[str, list] = defaultdict(list)
        end = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client_loop, args=(url, end, i, results))
                   for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"{args.clients} clients for {args.seconds:.0f} s on {n:,} events "
          f"({sum(len(v) for v in results.values())} requests)")
    print(f"{'endpoint':<12} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6}")
    for name in ENDPOINTS:
        rows = results[name]
        times = sorted(t * 1000 for t, _ in rows)
        if not times:
            continue
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"{name:<12} {len(times):>8} {statistics.median(times):>8.0f} {p99:>8.0f} "
              f"{times[-1]:>8.0f} {sum(1 for _, ok in rows if not ok):>6}")


if __name__ == "__main__":
    main()
