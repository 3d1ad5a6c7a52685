"""Loaders of PETRARCH-format dictionaries: each format feature on tiny inline files."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tidings.dictionaries import (
    load_actors,
    load_agents,
    load_dictionaries,
    load_discards,
    load_issues,
    load_verbs,
)
from tidings.dictionaries.common import LoadReport, Phrase, split_phrase
from tidings.errors import TidingsError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes_for(actors, name, date=None):
    return actors.index.get(split_phrase(name)).codes_on(date)


def test_actors_names_synonyms_and_dates(tmp_path):
    path = write(tmp_path, "a.actors.txt", """<!-- header -->
# comment
ARNOR_  [ARN]  # trailing comment
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN
GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
THE_SHIRE  [FRO/BIL/SAM]
ZIMBABWE
\t[RHO <790606]
\t[ZBW]#jw
ITHILEN TELEVISION [ITHTV]
""")
    report = LoadReport()
    actors = load_actors(path, report)
    assert report.warnings == []
    assert codes_for(actors, "ARNOR") == ("ARN",)
    assert codes_for(actors, "MINAS_TIRITH") == ("GON",)  # a synonym shares the code
    assert codes_for(actors, "SMEAGOL", dt.date(1992, 1, 2)) == ("HOB",)  # YYMMDD, 19xx
    assert codes_for(actors, "SMEAGOL", dt.date(1995, 6, 1)) == ("HOB",)  # limits inclusive, first wins
    assert codes_for(actors, "SMEAGOL", dt.date(1995, 6, 2)) == ("HOBGOV",)
    assert codes_for(actors, "SMEAGOL", dt.date(2001, 1, 1)) == ("HOBREB",)
    assert codes_for(actors, "GOLLUM", None) == ()  # no default code
    assert codes_for(actors, "THE_SHIRE") == ("FRO", "BIL", "SAM")
    assert codes_for(actors, "ZIMBABWE", dt.date(1978, 1, 1)) == ("RHO",)
    assert codes_for(actors, "ZIMBABWE", dt.date(2001, 1, 1)) == ("ZBW",)
    assert split_phrase("ITHILEN TELEVISION") == Phrase(("ITHILEN", "TELEVISION"), (False, True))
    assert split_phrase("BARAD-DUR") == Phrase(("BARAD", "-", "DUR"), (False, False, False))


def test_agents_plurals_braces_markers_and_prefix(tmp_path):
    path = write(tmp_path, "a.agents.txt", """!PERSON! = MAN, MEN
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
AUTHORITY [~GOV]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
SECURITY SERVICE [~GOV]
""")
    agents = load_agents(path)
    phrases = {str(p): v for p, v in agents.index.items()}
    assert "POLICES" not in phrases and phrases["POLICE"].code == "COP"  # {} = no plural
    assert "ATTORNEYS_GENERAL" in phrases and "ATTORNEY_GENERALS" not in phrases
    assert "AUTHORITIES" in phrases  # Y -> IES
    assert {"CONGRESSMAN", "CONGRESSMEN"} <= set(phrases) and "CONGRESSMANS" not in phrases
    assert phrases["HUMAN_RIGHTS_BODY"].prefix and not phrases["POLICE"].prefix
    assert "SECURITY SERVICES" in phrases  # blank: words may stand between


def test_discards(tmp_path):
    discards = load_discards(write(tmp_path, "d.discards.txt", "+TYPHOON\nWORLD CUP\nBALL_\n"))
    assert discards.find("A Typhoon hit").story
    assert not discards.find("The world cup final").story
    assert discards.find("A ball game") and discards.find("A balloon") is None  # _ = whole word
    assert discards.find("The typhoons", story_only=True)  # no _: a stem
    assert discards.find("Nothing here") is None


def test_verbs_synsets_blocks_forms_patterns(tmp_path):
    path = write(tmp_path, "v.verbs.txt", """&PREP_
+AGAINST
+ON
&CURRENCY
+DOLLAR
+SWISS FRANC
&MONEYSYN
+&CURRENCY
+CASH

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
WIRE_+TAP [081]
- * TREATY [161]
- + KNOWN_ * IN_ $ [076]
- * &PREP RESOLUTION [102]
- % * [030:030]
~ a (a b BREAK) SAY = a b 015

--- RESTORE [064] ---
RESTORE
- * &MONEYSYN {FULL TIES} (WITH) [901]
""")
    report = LoadReport()
    verbs = load_verbs(path, report)
    assert report.warnings == []
    assert {str(p) for p in verbs.synsets["&PREP"]} == {"AGAINST", "ON"}  # label ends in _: no plurals
    assert "DOLLARS" in {str(p) for p in verbs.synsets["&CURRENCY"]}  # automatic plural
    assert "SWISS_FRANC" in {str(p) for p in verbs.synsets["&CURRENCY"]}  # synset phrases are consecutive
    assert {"CASH", "DOLLAR"} <= {str(p) for p in verbs.synsets["&MONEYSYN"]}  # embedded synset
    assert {f.form for f in verbs.lookup("BROKEN")} == {"BROKEN"}
    assert verbs.lookup("BREAKING") == []  # irregular forms given: no regular ones
    assert verbs.lookup("RESTORED") and verbs.lookup("RESTORING")  # regular forms
    (down,) = [f for f in verbs.lookup("BROKE") if f.post]
    assert down.post == ("DOWN",) and down.block.name == "BREAK"
    (tap,) = verbs.lookup("TAP")
    assert tap.pre == ("WIRE",) and tap.code.code == "081"
    block = verbs.blocks[0]
    assert block.code.code == "1717" and len(block.transformations) == 1
    known = block.patterns[1]
    assert [e.value for e in known.pre] == ["+", "KNOWN"] and known.pre[1].glued  # KNOWN_ *
    assert [e.value for e in known.post] == ["IN", "$"] and known.post[0].glued
    assert block.patterns[3].code.reverse == "030"
    full = verbs.blocks[1].patterns[0]
    assert [e.value for e in full.post] == ["&MONEYSYN", "FULL", "TIES", "WITH"]


def test_issues(tmp_path):
    issues = load_issues(write(tmp_path, "i.issues.txt", """<ISSUE CATEGORY="ATROCITY">
n:massacre [ID_ATROCITY]
ethnic v:purge [ID_ATROCITY]
war+crime
~~Armenian genocide
</ISSUE>
"""))
    assert issues.find("Two massacres and ethnic purging") == {"ID_ATROCITY": 2}
    assert issues.find("a war-crime") == {"ATROCITY": 1}  # the category is the default code


MALFORMED_VERBS = """--- CONDEMN [122] ---
CONDEMN
- * RESOLUTION
- CONDEMN TREATY [123]
- * &UNDEFINED [124]
- * GOOD [125]
"""


def test_malformed_lines_are_reported_with_file_and_line(tmp_path):
    path = write(tmp_path, "bad.verbs.txt", MALFORMED_VERBS)
    report = LoadReport()
    verbs = load_verbs(path, report)
    assert [w.split(": ", 1)[0] for w in report.warnings] == [f"E401 {path}:{n}" for n in (3, 4, 5)]
    assert "needs one [code]" in report.warnings[0] and "'*'" in report.warnings[1]
    assert "undefined synset &UNDEFINED" in report.warnings[2]
    assert [p.code.code for p in verbs.blocks[0].patterns] == ["125"]  # the good line survives
    actors = write(tmp_path, "bad.actors.txt", "ARNOR [ARN]\n\t[ARN 9508223-]\n+ROHAN]\n")
    report = LoadReport()
    load_actors(actors, report)
    assert [w.split(": ", 1)[0] for w in report.warnings] == [f"E401 {actors}:2", f"E401 {actors}:3"]


def test_strict_loading_raises(tmp_path):
    (tmp_path / "x.verbs.txt").write_text(MALFORMED_VERBS)
    (tmp_path / "x.actors.txt").write_text("ARNOR [ARN]\n")
    assert len(load_dictionaries(tmp_path).warnings) == 3
    with pytest.raises(TidingsError) as err:
        load_dictionaries(tmp_path, strict=True)
    assert err.value.code == "E401" and "x.verbs.txt:3" in str(err.value)


def test_manifest_and_missing_files(tmp_path):
    (tmp_path / "my_verbs.txt").write_text("--- SAY [010] ---\nSAY\n")
    (tmp_path / "people.txt").write_text("ARNOR [ARN]\n")
    (tmp_path / "dictionaries.yaml").write_text("verbs: my_verbs.txt\nactors: [people.txt]\n")
    dicts = load_dictionaries(tmp_path)
    assert dicts.verbs.lookup("SAYS") and len(dicts.actors.entries) == 1
    (tmp_path / "dictionaries.yaml").write_text("verbs: nothere.txt\nactors: [people.txt]\n")
    with pytest.raises(TidingsError) as err:
        load_dictionaries(tmp_path)
    assert err.value.code == "E402" and "nothere.txt" in str(err.value)


def test_shipped_dictionaries_load(shared):
    folder = shared / "data" / "petrarch2-dictionaries"
    started = time.perf_counter()
    production = load_dictionaries(folder, profile="phoenix")
    assert time.perf_counter() - started < 20
    assert len(production.actors.entries) > 20000 and production.verbs.n_patterns > 4000
    assert len(production.agents.index) > 3000 and production.discards.discards and production.issues.phrases
    assert all(w.startswith("E401 ") for w in production.warnings) and len(production.warnings) < 50
    validate = load_dictionaries(folder, profile="validate")
    assert len(validate.warnings) == 1  # "- * DIPLXMATIC [###]": the "#" starts a comment, no code is left
    older = load_verbs(folder / "CAMEO.verbpatterns.150430.txt")
    assert len(older.blocks) > 300
