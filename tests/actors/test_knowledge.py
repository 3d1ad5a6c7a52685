"""Loading the actor data: the packaged files, and clear E101 errors for broken ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tidings.actors import ActorKnowledge
from tidings.actors.knowledge import ACTORS_DIR, DEMONYMS, _build
from tidings.errors import TidingsError


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    target = tmp_path / "actors"
    shutil.copytree(ACTORS_DIR, target)
    return target


def _error(data: Path, demonyms: Path = DEMONYMS) -> str:
    with pytest.raises(TidingsError) as info:
        _build(data, demonyms)
    assert info.value.code == "E101"
    return str(info.value)


def test_packaged_knowledge_loads_once():
    kb = ActorKnowledge.load()
    assert kb is ActorKnowledge.load()
    assert kb.lookup("Kyiv")[0].code == "UKRGOV"
    assert kb.lookup("us") == [] and kb.lookup("US")[0].country == "USA"
    assert kb.role("Foreign Minister").sector == "GOV"
    assert kb.owned["drone"] == "MIL"


def test_a_name_listed_in_two_cases_matches_both():
    # "al-Qaeda" and "Al-Qaeda" are both listed: the lower-case form must not be lost
    kb = ActorKnowledge.load()
    for name in ("al-Qaeda", "Al-Qaeda", "al-Shabaab", "Al-Shabaab"):
        assert kb.lookup(name) and kb.lookup(name)[0].sector == "REB", name
    assert kb.lookup("Hamas") and kb.lookup("HAMAS") and kb.lookup("hamas") == []


def test_explicit_directory_loads(data):
    kb = ActorKnowledge.load(data)
    assert kb.lookup("Hezbollah")[0].code == "LBNREB"


def test_bad_sector_names_the_line(data):
    path = data / "roles.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("  president:"))
    lines[n] = "  president: {sector: BOSS, person: true}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _error(data) .startswith(f"E101 {path}:{n + 1}: unknown sector 'BOSS'")


def test_bad_country_in_a_list_entry(data):
    path = data / "groups.yaml"
    with path.open("a", encoding="utf-8") as f:
        f.write("- {names: [Nobody], country: XYZ, sector: REB}\n")
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert _error(data) == f"E101 {path}:{n}: unknown country code 'XYZ' (use ISO 3166-1 alpha-3)"


def test_unknown_field_and_missing_field(data):
    path = data / "igos.yaml"
    path.write_text("# header\n- {names: [Foo Org], country: FOO, sector: IGO, colour: red}\n",
                    encoding="utf-8")
    assert _error(data).startswith(f"E101 {path}:2: unknown field 'colour'")
    path.write_text("# header\n- {names: [Foo Org], sector: IGO}\n", encoding="utf-8")
    assert _error(data) == f"E101 {path}:2: missing field(s) country"


def test_invalid_yaml_and_duplicate_key(data):
    path = data / "capitals.yaml"
    path.write_text("aliases:\n  Kiev: UKR\n  Kiev: RUS\nskip: [Victoria]\n", encoding="utf-8")
    assert _error(data) == f"E101 {path}:3: duplicate key 'Kiev'"
    path.write_text("aliases: {Kiev: UKR\nskip: [\n", encoding="utf-8")
    assert _error(data).startswith(f"E101 {path}:")


def test_leader_role_must_exist(data):
    path = data / "leaders.yaml"
    path.write_text("- {names: [A Person], country: FRA, sector: GOV, role: wizard}\n",
                    encoding="utf-8")
    assert _error(data) == f"E101 {path}:1: role 'wizard' is not in roles.yaml"


def test_malformed_demonym_csv(data, tmp_path):
    csv = tmp_path / "demonyms.csv"
    csv.write_text("# comment\ndemonym,iso3\nRussian,RUS\nMartian\n", encoding="utf-8")
    assert _error(data, csv).startswith(f"E101 {csv}:4: expected 2 non-empty fields")
    csv.write_text("demonym,iso3\nMartian,MRS\n", encoding="utf-8")
    assert _error(data, csv) == f"E101 {csv}:2: unknown country code 'MRS' (use ISO 3166-1 alpha-3)"


def test_people_csv_may_leave_the_sector_empty_but_not_the_country(data):
    path = data / "people.csv"
    path.write_text("# comment\nname,country,sector\nJane Roe,GBR,\nJohn Doe,,GOV\n", encoding="utf-8")
    assert _error(data).startswith(f"E101 {path}:4: expected 3 non-empty fields (only sector may be empty)")
    path.write_text("name,country,sector\nJane Roe,GBR,\n", encoding="utf-8")
    entry = ActorKnowledge.load(data).lookup("Jane Roe")[0]
    assert (entry.kind, entry.country, entry.sector, entry.code) == ("person", "GBR", None, "GBR")
