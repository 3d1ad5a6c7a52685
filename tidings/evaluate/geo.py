"""Geoparsing evaluation: TR-News, LGL, GeoWebNews and GeoVirus gold against the PLACES stage.

Two measures per corpus:

1. resolution given the gold place names (the gold span and its words; the context comes from
   the article text only, never from gold labels): exact GeoNames id, right country,
   accuracy within 161 km, mean and median error in km;
2. end to end from raw text: precision and recall of the place mentions found (a found span
   counts when it overlaps a gold span), and accuracy within 161 km of the matched ones.

``evaluate_geo(path)`` reads one corpus file or every ``*.xml`` in a directory.
"""

from __future__ import annotations

import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, TidingsError

KM_161 = 161.0  # 100 miles: the field's usual "accuracy@161km"


@dataclass(slots=True)
class GoldPlace:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    country_geonameid: int | None = None  # TR-News and LGL only


@dataclass(slots=True)
class GoldArticle:
    text: str
    places: list[GoldPlace] = field(default_factory=list)


# -- loading ---------------------------------------------------------------------------------
def _num(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def load_corpus(path: Path) -> list[GoldArticle]:
    """Read a TR-News/LGL, GeoWebNews or GeoVirus file (format detected from its elements)."""
    raw = Path(path).read_text(encoding="utf-8")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)  # GeoVirus has commented-out articles
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 0
        raise TidingsError(Errors.E301, path=path, line=line, detail=str(exc)) from None
    articles = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        if art.find("locations") is not None:
            places = list(_geovirus_places(art, text))
        elif art.get("file") is not None:
            places = list(_gwn_places(art))
        else:
            places = list(_lgl_places(art, text))
        articles.append(GoldArticle(text, places))
    return articles


def _realign(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    """Some TR-News/LGL offsets are a character or two off: move the span onto ``phrase``."""
    if not phrase or text[start:end] == phrase:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3):
        if text[start + shift:start + shift + len(phrase)] == phrase:
            return start + shift, start + shift + len(phrase)
    return start, end


def _lgl_places(art: ET.Element, text: str) -> Iterable[GoldPlace]:
    for top in art.iter("toponym"):
        tag = top.find("gaztag")
        lat, lon = (_num(tag.findtext("lat")), _num(tag.findtext("lon"))) if tag is not None else (None, None)
        start, end = _int(top.findtext("start")), _int(top.findtext("end"))
        if lat is None or lon is None or start is None or end is None:
            continue  # no gaztag: an unresolvable toponym in the gold
        country = tag.find("country")
        phrase = top.findtext("phrase") or ""
        start, end = _realign(text, phrase, start, end)
        yield GoldPlace(start, end, phrase, lat, lon,
                        _int(tag.get("geonameid")),
                        _int(country.get("geonameid")) if country is not None else None)


def _gwn_places(art: ET.Element) -> Iterable[GoldPlace]:
    # Only toponyms with coordinates: the taxonomy's *_Expression, Non_Toponym, Demonym,
    # Homonym and Language entries carry none and are not places to geocode.
    for top in art.iter("toponym"):
        lat, lon = _num(top.findtext("latitude")), _num(top.findtext("longitude"))
        start, end = _int(top.findtext("start")), _int(top.findtext("end"))
        if lat is None or lon is None or start is None or end is None:
            continue
        yield GoldPlace(start, end, top.findtext("extractedName") or "", lat, lon,
                        _int(top.findtext("geonamesID")))


def _geovirus_places(art: ET.Element, text: str) -> Iterable[GoldPlace]:
    for loc in art.iter("location"):
        name = loc.findtext("name") or ""
        start, end = _int(loc.findtext("start")), _int(loc.findtext("end"))
        lat, lon = _num(loc.findtext("lat")), _num(loc.findtext("lon"))
        if start is None or end is None or lat is None or lon is None:
            continue
        # GeoVirus offsets are one character too far along (see its SOURCE.md); check by name
        if text[start - 1:end - 1] == name:
            start, end = start - 1, end - 1
        yield GoldPlace(start, end, name, lat, lon)


# -- scoring ---------------------------------------------------------------------------------
def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_corpus(articles: list[GoldArticle], geocoder=None, nlp=None) -> dict:
    """Both measures for one corpus; returns plain numbers (rates in 0..1)."""
    from .. import nlp as nlp_stage
    from ..places import Geocoder, distance_km
    from ..places.find import Toponym, _link_parents

    geocoder = geocoder or Geocoder.default()
    nlp = nlp or nlp_stage.load()
    country_of = {p.geonameid: p.iso3 for p in geocoder.gaz.places if p.feature == "country"}
    errors: list[float] = []
    exact = exact_n = country_ok = country_n = unresolved = 0
    found_n = found_ok = gold_n = gold_hit = e2e_ok = e2e_n = 0
    docs = nlp.pipe(a.text for a in articles)
    for art, doc in zip(articles, docs, strict=True):
        system = geocoder.toponyms(doc)
        # (1) resolution: the gold spans, read with the system's own other mentions
        gold_t = [Toponym(g.start, g.end, art.text[g.start:g.end], g.name or art.text[g.start:g.end])
                  for g in art.places]
        extra = [t for t in system
                 if not any(_overlaps((t.start_char, t.end_char), (g.start, g.end)) for g in art.places)]
        mentions = sorted(gold_t + extra, key=lambda t: t.start_char)
        _link_parents(doc, mentions)
        located = dict(zip(map(id, mentions), geocoder.locate(mentions), strict=True))
        for g, t in zip(art.places, gold_t, strict=True):
            loc = located[id(t)]
            if g.geonameid is not None:
                exact_n += 1
                exact += loc is not None and loc.geonameid == g.geonameid
            if g.country_geonameid is not None and g.country_geonameid in country_of:
                country_n += 1
                country_ok += loc is not None and loc.country == country_of[g.country_geonameid]
            if loc is None or loc.lat is None:
                unresolved += 1
                errors.append(20037.5)  # unresolved: half the earth's circumference
            else:
                errors.append(distance_km((loc.lat, loc.lon), (g.lat, g.lon)))
        # (2) end to end
        found = [loc for loc in geocoder.locate(system) if loc is not None]
        found_n += len(found)
        gold_n += len(art.places)
        spans = [(g.start, g.end) for g in art.places]
        for loc in found:
            match = next((g for g in art.places
                          if _overlaps((loc.start_char, loc.end_char), (g.start, g.end))), None)
            if match is not None:
                found_ok += 1
                e2e_n += 1
                e2e_ok += distance_km((loc.lat, loc.lon), (match.lat, match.lon)) <= KM_161
        gold_hit += sum(any(_overlaps(s, (loc.start_char, loc.end_char)) for loc in found)
                        for s in spans)
    n = len(errors)
    precision = found_ok / found_n if found_n else 0.0
    recall = gold_hit / gold_n if gold_n else 0.0
    return {
        "articles": len(articles),
        "toponyms": n,
        "exact_id": exact / exact_n if exact_n else None,
        "exact_id_n": exact_n,
        "country": country_ok / country_n if country_n else None,
        "country_n": country_n,
        "acc161": sum(e <= KM_161 for e in errors) / n if n else 0.0,
        "mean_km": statistics.fmean(errors) if n else 0.0,
        "median_km": statistics.median(errors) if n else 0.0,
        "unresolved": unresolved,
        "e2e_precision": precision,
        "e2e_recall": recall,
        "e2e_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "e2e_acc161": e2e_ok / e2e_n if e2e_n else 0.0,
        "e2e_found": found_n,
    }


def evaluate_geo(path: str | Path, limit: int | None = None) -> dict:
    """Score every corpus at ``path`` (a file or a directory of ``*.xml``).

    Returns {corpus name: metrics}; ``limit`` keeps the first N articles of each corpus.
    """
    path = Path(path)
    if not path.exists():
        raise TidingsError(Errors.E009)
    files = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    results = {}
    for file in files:
        articles = load_corpus(file)
        if limit is not None:
            articles = articles[:limit]
        results[file.stem] = score_corpus(articles)
    return results


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def format_geo_table(results: dict) -> str:
    """A plain-text table of ``evaluate_geo`` results (rates in %)."""
    head = ("corpus", "art", "topo", "exact%", "country%", "@161km%", "mean km", "median km",
            "e2e P%", "e2e R%", "e2e F1%", "e2e @161%")
    rows = [head]
    for name, m in results.items():
        rows.append((name, str(m["articles"]), str(m["toponyms"]), _pct(m["exact_id"]),
                     _pct(m["country"]), _pct(m["acc161"]), f"{m['mean_km']:.0f}",
                     f"{m['median_km']:.1f}", _pct(m["e2e_precision"]), _pct(m["e2e_recall"]),
                     _pct(m["e2e_f1"]), _pct(m["e2e_acc161"])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(r, widths, strict=True)))
                     for r in rows)


def print_geo_table(results: dict) -> None:
    print(format_geo_table(results))
