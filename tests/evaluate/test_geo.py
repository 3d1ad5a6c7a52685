"""The geoparsing scorer: exact numbers on a hand-made corpus, and a slow run on shared gold."""

from __future__ import annotations

import pytest

from tidings.evaluate.geo import evaluate_geo, format_geo_table, load_corpus

# Two articles in the TR-News/LGL format. Gold: Kyiv (right id), Paris (gold says Paris,
# Texas: the article gives no hint, so the scorer must count a ~7,700 km miss), Kharkiv
# region (admin1, no id in our gazetteer: within 161 km but not exact).
TINY = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Officials in Kyiv met envoys from Paris on Monday.]]></text>
    <toponyms>
      <toponym><start>13</start><end>17</end><phrase>Kyiv</phrase>
        <gaztag geonameid="703448"><name>Kyiv</name><lat>50.45466</lat><lon>30.5238</lon>
          <country geonameid="690791">Ukraine</country></gaztag></toponym>
      <toponym><start>36</start><end>41</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><lat>33.66094</lat><lon>-95.55551</lon>
          <country geonameid="6252001">United States</country></gaztag></toponym>
    </toponyms>
  </article>
  <article docid="2">
    <text><![CDATA[Shelling hit the Kharkiv region again.]]></text>
    <toponyms>
      <toponym><start>17</start><end>24</end><phrase>Kharkiv</phrase>
        <gaztag geonameid="706482"><name>Kharkiv Oblast</name><lat>49.5</lat><lon>36.5</lon>
          <country geonameid="690791">Ukraine</country></gaztag></toponym>
      <toponym><start>0</start><end>3</end><phrase>She</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture()
def tiny(tmp_path):
    path = tmp_path / "tiny.xml"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_loader_skips_toponyms_without_gaztag(tiny):
    articles = load_corpus(tiny)
    assert [len(a.places) for a in articles] == [2, 1]
    assert articles[0].places[1].country_geonameid == 6252001


def test_scores_tiny_corpus_exactly(tiny):
    m = evaluate_geo(tiny)["tiny"]
    assert (m["articles"], m["toponyms"]) == (2, 3)
    assert m["exact_id"] == pytest.approx(1 / 3)  # Kyiv only
    assert m["country"] == pytest.approx(2 / 3)  # Kyiv, Kharkiv; Paris is in France
    assert m["acc161"] == pytest.approx(2 / 3)
    assert m["median_km"] < 161 < m["mean_km"]
    # end to end: the system finds Kyiv, Paris and "Kharkiv region"; all overlap gold
    assert m["e2e_precision"] == pytest.approx(1.0)
    assert m["e2e_recall"] == pytest.approx(1.0)
    assert m["e2e_acc161"] == pytest.approx(2 / 3)
    assert "tiny" in format_geo_table({"tiny": m})


def test_geovirus_offsets_are_shifted_back(tmp_path):
    path = tmp_path / "gv.xml"
    path.write_text("<articles><article><source>x</source><text>Cases rose in Lagos.</text>"
                    "<locations><location><name>Lagos</name><start>15</start><end>20</end>"
                    "<lat>6.45</lat><lon>3.39</lon><page>x</page></location></locations>"
                    "</article></articles>", encoding="utf-8")
    (article,) = load_corpus(path)
    place = article.places[0]
    assert article.text[place.start:place.end] == "Lagos"


@pytest.mark.slow
def test_eval_on_shared_tr_news(shared):
    m = evaluate_geo(shared / "data" / "geoparsing" / "TR-News-dev.xml", limit=5)["TR-News-dev"]
    assert m["articles"] == 5 and m["toponyms"] > 20
    assert m["acc161"] > 0.5 and m["e2e_precision"] > 0.7 and m["e2e_recall"] > 0.4
