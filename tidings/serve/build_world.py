"""Build the dashboard's world outline: vendored TopoJSON -> compact GeoJSON with ISO alpha-3.

    python -m tidings.serve.build_world

Reads ``static/vendor/world-atlas/countries-110m.json`` (world-atlas, ISC; Natural Earth data,
public domain) and writes ``static/world.json``. Run it once after updating the vendored file;
the output is committed, so users never run it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

STATIC = Path(__file__).parent / "static"
SOURCE = STATIC / "vendor" / "world-atlas" / "countries-110m.json"
TARGET = STATIC / "world.json"
# Places world-atlas gives no ISO numeric code.
_BY_NAME = {"Kosovo": "KOS", "N. Cyprus": "CYP", "Somaliland": "SOM"}
_SKIP = {"010"}  # Antarctica: no events, much ink


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat), undoing quantization and delta coding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Stitch arcs into one closed ring (a negative index ~i means arc i reversed)."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    out: list[list[float]] = []
    for lon, lat in points:
        # Unwrap across the antimeridian (Russia, Fiji): no line drawn across the whole map.
        if out and abs(lon - out[-1][0]) > 180:
            lon += 360 if lon < out[-1][0] else -360
        p = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def iso3(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if "id" not in geometry:
        return _BY_NAME.get(name)
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_3 if country else _BY_NAME.get(name)


def build(source: Path = SOURCE, target: Path = TARGET) -> int:
    """Write the GeoJSON; return the number of countries."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = []
    for g in topology["objects"]["countries"]["geometries"]:
        if g.get("id") in _SKIP or g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        coords = [[ring(r, arcs) for r in poly] for poly in polygons]
        features.append({
            "type": "Feature",
            "properties": {"iso3": iso3(g), "name": g["properties"]["name"]},
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        })
    collection = {"type": "FeatureCollection", "features": features,
                  "source": "world-atlas 2.0.2 countries-110m (ISC); Natural Earth (public domain)"}
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return len(features)


if __name__ == "__main__":
    print(f"wrote {build()} countries to {TARGET}")
