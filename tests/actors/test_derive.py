"""Deriving people.csv from a TABARI actors file (the maintenance step, on a small sample)."""

from __future__ import annotations

from pathlib import Path

from tidings.actors.derive import people_rows

SAMPLE = """\
UNITED_STATES_ [USA]
+PULAU_SOMEWHERE_
GEORGE_BUSH_  # CountryInfo.txt
+PRESIDENT_BUSH
+THE_BUSH_ADMINISTRATION
+BUSH
\t[USAELI 420101-710216]
\t[USAGOV 890120-930120]
\t[USAELI]
BAN_KI-MOON_  # CountryInfo.txt
\t[KORGOV 040117-061201]
\t[KORELI >061201]
JOHN_SMITH_  # CountryInfo.txt
\t[GBRGOV 900101-950101]
JOHN_SMITH_JR_  # CountryInfo.txt
+JOHN_SMITH
\t[AUSGOV >100101]
A._N._OTHER_  # CountryInfo.txt
\t[FRAGOV >100101]
"""


def test_people_keep_their_latest_role_and_full_names_only(tmp_path: Path):
    source = tmp_path / "sample.actors.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    rows = {name: (country, sector) for name, country, sector in people_rows(source)}
    # the latest dated role wins over older ones; the country's place names are no people
    assert rows["George Bush"] == ("USA", "GOV") and rows["President Bush"] == ("USA", "GOV")
    assert rows["Ban Ki-Moon"] == ("KOR", "ELI")  # an open-ended role is the latest
    assert "Pulau Somewhere" not in rows and "Bush" not in rows
    assert not any("Administration" in name for name in rows)
    assert "John Smith" not in rows  # two countries: ambiguous
    assert rows["John Smith Jr"] == ("AUS", "GOV")
    assert not any(name.startswith("A.") for name in rows)  # an initial would be looked up everywhere
