"""The codebook loader: the shipped YAML loads; a malformed events.yaml is E101 at path:line."""

from __future__ import annotations

import re
import shutil
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from tidings.errors import TidingsError
from tidings.events import codebook
from tidings.events.codebook import CODEBOOK_DIR, Phrase
from tidings.model import EVENT_TYPES

SHIPPED = (CODEBOOK_DIR / "events.yaml").read_text(encoding="utf-8")
# The first entry of the shipped events.yaml; the tests below break it (or its neighbour).
FIRST = "  - id: agree.agree\n    type: AGREE\n"
SECOND = "  - id: agree.ceasefire\n    type: AGREE\n"


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _codebook_dir(tmp_path: Path, events_yaml: str) -> Path:
    """A copy of the shipped codebook with ``events.yaml`` replaced."""
    folder = tmp_path / "codebook"
    folder.mkdir()
    for path in CODEBOOK_DIR.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    (folder / "events.yaml").write_text(events_yaml, encoding="utf-8")
    return folder


def _load_error(tmp_path: Path, events_yaml: str) -> TidingsError:
    folder = _codebook_dir(tmp_path, events_yaml)
    with pytest.raises(TidingsError) as caught:
        codebook.load(folder)
    return caught.value


def _assert_e101_at(error: TidingsError, folder_file: Path, line: int) -> None:
    assert error.code == "E101"
    message = str(error)
    assert message.startswith(f"E101 {folder_file}:{line}: "), message


# --- the shipped codebook -----------------------------------------------------------------------

def test_shipped_codebook_loads_with_entries_for_every_plover_type():
    cb = codebook.load()
    assert {entry.type for entry in cb.entries} == set(EVENT_TYPES)
    ids = [entry.id for entry in cb.entries]
    assert len(ids) == len(set(ids))
    assert all(entry.verbs or entry.nouns for entry in cb.entries)
    assert all(0 < entry.confidence <= 1 for entry in cb.entries)


def test_shipped_codebook_indexes_verbs_and_nouns_by_head_lemma():
    cb = codebook.default()
    assert any(e.id == "consult.meet" for e, _ in cb.verb_index["meet"])
    assert any(e.id == "consult.meet" for e, _ in cb.noun_index["summit"])
    # "call for": the verb "call" carries the phrase, "for" must stand beside it
    calls = [p for e, p in cb.verb_index["call"] if e.id == "request.demand"]
    assert Phrase("call", ("for",)) in calls
    # "air strike": the head noun comes last
    strikes = [p for e, p in cb.noun_index["strike"] if e.id == "assault.attack"]
    assert Phrase("strike", ("air",)) in strikes


def test_scores_issues_and_cues_load():
    cb = codebook.default()
    assert cb.score("ASSAULT", []) is not None and cb.score("ASSAULT", []) < 0
    assert cb.score("AGREE", []) > 0
    assert cb.cues.historical_after_days == 31
    issue_names = {name for phrases in cb.issues.values() for name, _ in phrases}
    assert {"ceasefire", "security guarantees", "territorial concessions", "root causes"} <= issue_names
    for first, phrases in cb.issues.items():  # indexed by their first word, longest first
        assert all(phrase[0] == first for _, phrase in phrases)
        lengths = [len(phrase) for _, phrase in phrases]
        assert lengths == sorted(lengths, reverse=True), "issue phrases must be tried longest first"


def test_default_codebook_is_cached():
    assert codebook.default() is codebook.default()


def test_an_unchanged_copy_loads_like_the_shipped_codebook(tmp_path):
    copy = codebook.load(_codebook_dir(tmp_path, SHIPPED))
    assert [e.id for e in copy.entries] == [e.id for e in codebook.default().entries]


def test_shipped_word_lists_hold_words_not_yaml_booleans():
    cb = codebook.load()
    demand = next(e for e in cb.entries if e.id == "request.demand")
    assert "on" in demand.complements["insist"]
    assert "on" in demand.complements["call"]
    assert "on" in cb.cues.location_preps and "off" in cb.cues.location_preps
    assert "no" in cb.cues.negation_words
    for cue in fields(cb.cues):
        values = getattr(cb.cues, cue.name)
        if isinstance(values, frozenset):
            assert all(isinstance(v, str) for v in values), cue.name


def test_every_shipped_cue_is_a_known_one_and_a_misspelt_cue_is_e101(tmp_path):
    shipped = yaml.safe_load((CODEBOOK_DIR / "cues.yaml").read_text(encoding="utf-8"))
    assert set(shipped) == {cue.name for cue in fields(codebook.default().cues)}
    folder = _codebook_dir(tmp_path, SHIPPED)
    cues = folder / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8") + "reaction_typos: [ACCUSE]\n", encoding="utf-8")
    with pytest.raises(TidingsError) as caught:
        codebook.load(folder)
    _assert_e101_at(caught.value, cues, len(cues.read_text(encoding="utf-8").splitlines()))
    assert "reaction_typos" in str(caught.value)


# --- malformed events.yaml ----------------------------------------------------------------------

def test_unknown_field_is_e101_at_the_entry(tmp_path):
    broken = SHIPPED.replace(FIRST, FIRST + "    colour: red\n", 1)
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, FIRST))
    assert "colour" in str(error)


def test_unknown_event_type_is_e101(tmp_path):
    broken = SHIPPED.replace(FIRST, "  - id: agree.agree\n    type: ATTACK\n", 1)
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, "  - id: agree.agree"))
    assert "type" in str(error)


def test_duplicate_id_is_e101_at_the_second_entry(tmp_path):
    broken = SHIPPED.replace(SECOND, "  - id: agree.agree\n    type: AGREE\n", 1)
    error = _load_error(tmp_path, broken)
    second = broken.index("  - id: agree.agree", broken.index(FIRST) + 1)
    line = broken[:second].count("\n") + 1
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", line)
    assert "duplicate" in str(error) and "agree.agree" in str(error)


def test_entry_without_verbs_or_nouns_is_e101(tmp_path):
    broken = SHIPPED.replace('    nouns: [ceasefire, cease-fire, truce, armistice]\n', "", 1)
    assert broken != SHIPPED
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, SECOND))
    assert "agree.ceasefire" in str(error) and "neither verbs nor nouns" in str(error)


def test_empty_verb_and_noun_lists_are_e101(tmp_path):
    broken = SHIPPED.replace('    nouns: [ceasefire, cease-fire, truce, armistice]\n', "    nouns: []\n", 1)
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, SECOND))


def test_entry_that_is_not_a_mapping_is_e101(tmp_path):
    broken = SHIPPED.replace("entries:\n", "entries:\n  - just words\n", 1)
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, "  - just words"))


def test_bad_complement_and_negated_type_values_are_e101(tmp_path):
    for extra, word in (("    complement: both\n", "complement"), ("    negated_type: NOPE\n", "negated_type"),
                        ("    complement_types: {ASSAULT: NOPE}\n", "complement_types")):
        folder = tmp_path / word
        folder.mkdir()
        broken = SHIPPED.replace(FIRST, FIRST + extra, 1)
        error = _load_error(folder, broken)
        _assert_e101_at(error, folder / "codebook" / "events.yaml", _line_of(broken, FIRST))
        assert word in str(error)


def test_a_reciprocal_value_other_than_true_false_or_all_is_e101(tmp_path):
    broken = SHIPPED.replace("    reciprocal: true\n", "    reciprocal: some\n", 1)
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, FIRST))
    assert "reciprocal" in str(error)


@pytest.mark.parametrize("bad", [
    "    verbs: 5\n",
    "    confidence: high\n",
    "    confidence: [0.7]\n",
    "    modes: [drone]\n",
    "    objects_for: [troop]\n",
    "    not_subjects: troop\n",
    "    not_complements: [to]\n",
], ids=["verbs-int", "confidence-word", "confidence-list", "modes-list", "objects_for-list",
        "not_subjects-word", "not_complements-list"])
def test_field_of_the_wrong_type_is_e101(tmp_path, bad):
    field = bad.split(":")[0].strip()
    body = SHIPPED
    # replace the first entry's own line of that field if it has one, else add the field
    pattern = re.compile(rf"(?m)^    {field}: .*\n")
    start, end = body.index(FIRST), body.index(SECOND)
    block = body[start:end]
    block = pattern.sub(bad, block, count=1) if pattern.search(block) else block.replace(FIRST, FIRST + bad)
    broken = body[:start] + block + body[end:]
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, FIRST))


def test_bare_string_word_list_is_one_word_or_e101(tmp_path):
    start = SHIPPED.index(FIRST)
    verbs_line = re.compile(r"(?m)^    verbs: \[.*\]\n")
    match = verbs_line.search(SHIPPED, start)
    broken = SHIPPED[: match.start()] + "    verbs: sign\n" + SHIPPED[match.end():]
    try:
        cb = codebook.load(_codebook_dir(tmp_path, broken))
    except TidingsError as error:
        assert error.code == "E101"
        return
    entry = next(e for e in cb.entries if e.id == "agree.agree")
    assert [p.head for p in entry.verbs] == ["sign"]


def test_invalid_yaml_is_e101_with_the_line(tmp_path):
    broken = SHIPPED.replace('    cameo: "037"\n', '\tcameo: "037"\n', 1)
    error = _load_error(tmp_path, broken)
    _assert_e101_at(error, tmp_path / "codebook" / "events.yaml", _line_of(broken, '\tcameo: "037"'))
    assert "not valid YAML" in str(error)


def test_unclosed_bracket_is_e101_near_the_line(tmp_path):
    broken = SHIPPED.replace('    cameo: "037"\n', '    cameo: ["037"\n', 1)
    error = _load_error(tmp_path, broken)
    assert error.code == "E101"
    match = re.match(rf"E101 {re.escape(str(tmp_path / 'codebook' / 'events.yaml'))}:(\d+): ", str(error))
    assert match, str(error)
    bad_line = _line_of(broken, '    cameo: ["037"')
    assert bad_line <= int(match.group(1)) <= bad_line + 1


@pytest.mark.parametrize("event_type, factuality, plover", [
    ("CONSULT", "future", "AGREE"),
    ("AID", "future", "AGREE"),
    ("RETREAT", "future", "CONCEDE"),
    ("ASSAULT", "hypothetical", "THREATEN"),
    ("CONSULT", "asserted", "CONSULT"),
    ("CONSULT", "hypothetical", "AGREE"),  # "would meet him if ...": a conditional offer
    ("REQUEST", "hypothetical", "REQUEST"),
    ("CONCEDE", "future", "CONCEDE"),
    ("MOBILIZE", "future", "MOBILIZE"),
])
def test_plover_type_follows_the_manual(cb, event_type, factuality, plover):
    assert cb.plover_type(event_type, factuality) == plover
