from __future__ import annotations

import pytest

from tidings.errors import TidingsError
from tidings.places import gazetteer
from tidings.places.gazetteer import key, read_csv, short_admin_name


def test_key_normalises():
    assert key("Côte d’Ivoire") == key("cote d'ivoire")
    assert key("U.S.") == "us"
    assert key("Saint Louis") == key("St. Louis")
    assert key("the West Bank") == "west bank"


def test_short_admin_name():
    assert short_admin_name("Basra Governorate") == "basra"
    assert short_admin_name("Anhui Sheng") == "anhui"


def test_malformed_line_reports_path_and_line(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("# comment\nalias,target\nUS,USA\nbroken\n", encoding="utf-8")
    with pytest.raises(TidingsError) as err:
        list(read_csv(path))
    assert err.value.code == "E101"
    assert f"{path}:4:" in str(err.value)


@pytest.mark.slow  # builds the whole gazetteer (~8 s)
def test_unknown_alias_target_is_reported(tmp_path):
    for name in ("countries.csv", "admin1.csv", "admin2.csv", "regions.csv", "demonyms.csv"):
        (tmp_path / name).write_bytes((gazetteer.DATA / name).read_bytes())
    (tmp_path / "aliases.csv").write_text("alias,target\nNowhere,ZZZ\n", encoding="utf-8")
    with pytest.raises(TidingsError, match=r"aliases.csv:2: unknown target"):
        gazetteer.Gazetteer.build(tmp_path)


def test_packaged_data_loads():
    from tidings.places import Geocoder

    gaz = Geocoder.default().gaz
    assert len(gaz.places) > 250_000 and gaz.n_names > 400_000


def test_division_point_is_the_middle_of_its_extent():
    from tidings.places.derive import _extent_middle

    # cities crowded in the south of a large division: the middle of the extent, not of them
    south = [(-27.5 + i * 0.01, 153.0 - i * 0.01) for i in range(50)]
    north = [(-27.0 + i * 1.5, 152.0 - i) for i in range(12)] + [(-10.5, 142.2)]
    assert _extent_middle(south + north) == pytest.approx(
        ((-27.5 - 10.5) / 2, (153.0 + 141.0) / 2), abs=0.01)
    # an outlying island group (Easter Island in Valparaiso) is dropped
    mainland = [(-33.0 + i * 0.05, -71.6 + i * 0.01) for i in range(20)]
    lat, lon = _extent_middle(mainland + [(-27.1, -109.4)])
    assert lon > -72.0 and lat < -31.0
    # a division across the antimeridian (Chukotka) stays on its side of it
    lat, lon = _extent_middle([(64.7, 177.5), (66.3, 179.1), (65.0, -175.9), (67.0, -172.0)])
    assert lon > 170.0 or lon < -170.0


def test_country_points_and_adjectives():
    from tidings.places import Geocoder, distance_km

    geo = Geocoder.default()
    usa = geo.resolve("United States")
    assert distance_km((usa.lat, usa.lon), (39.83, -98.58)) < 5  # USGS centre (country_points.csv)
    assert geo.resolve("European").feature == "continent"
    assert geo.resolve("EU").name == "Europe"
    assert geo.resolve("Atlantic").feature == "sea"
