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
