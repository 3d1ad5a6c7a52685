"""The dictionary coder on inline sentences with an inline tiny dictionary (real spaCy parses)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.dictionaries import DictionaryCoder, code_doc_with_dictionaries, load_dictionaries

ACTORS = """\
ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
OSGILIATH [OSG]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[HOBMIL 20080120-20121109]
"""
AGENTS = """\
GOVERNMENT [~GOV]
SOLDIER [~MIL]
MSF {} [NGO~]
"""
VERBS = """\
&TIES
+DIPLOMATIC
+ECONOMIC

--- RESTORE [064] ---
RESTORE
- * &TIES TIES [901]

--- CONDEMN [122] ---
CONDEMN

--- MEET [031:031] ---
MEET {MET MEETS MEETING}

--- OPPOSE [112] ---
OPPOSE

--- CLASH [223] ---
CLASH
- WILL NOT * [904]
"""
DISCARDS = "+TYPHOON\nBASEBALL\n"


@pytest.fixture(scope="module")
def coder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dicts")
    for name, text in [("tiny.actors.txt", ACTORS), ("tiny.agents.txt", AGENTS),
                       ("tiny.verbs.txt", VERBS), ("tiny.discards.txt", DISCARDS)]:
        (folder / name).write_text(text)
    dicts = load_dictionaries(folder)
    assert dicts.warnings == []
    return DictionaryCoder(dicts)


def triples(coder, nlp, text, date=None):
    return {(t.source, t.target, t.code) for t in coder.code(nlp(text), date=date)}


@pytest.mark.parametrize("text, expected", [
    ("Arnor restored diplomatic ties with Gondor.", {("ARN", "GON", "901")}),  # pattern with synset
    ("Arnor restored relations with Gondor.", {("ARN", "GON", "064")}),  # the verb's own code
    ("Arnor and Osgiliath condemned Gondor.", {("ARN", "GON", "122"), ("OSG", "GON", "122")}),
    ("Arnor did not condemn Gondor.", set()),  # negated verb: no event
    ("Gondor was opposed by Osgiliath.", {("OSG", "GON", "112")}),  # passive: "by X" is the source
    ("Soldiers from Gondor condemned Arnor.", {("GONMIL", "ARN", "122")}),  # agent + actor
    ("The Arnor government condemned Minas Tirith.", {("ARNGOV", "GON", "122")}),  # synonym
    ("Arnor met Gondor.", {("ARN", "GON", "031"), ("GON", "ARN", "031")}),  # A:B reciprocal code
    ("Gondor will not clash with Arnor.", {("GON", "ARN", "904")}),  # the pattern spells the negation
    ("The baseball team of Arnor condemned Gondor.", set()),  # sentence discard
    ("A typhoon hit. Arnor condemned Gondor.", set()),  # story discard stops the whole text
    ("Crowds condemned the decision.", set()),  # no actors: no event
])
def test_code_sentences(coder, nlp, text, expected):
    assert triples(coder, nlp, text) == expected


def test_date_restricted_codes(coder, nlp):
    text = "Sam Gamgee condemned Gondor."
    assert triples(coder, nlp, text, dt.date(2000, 1, 1)) == {("HOBCIV", "GON", "122")}
    assert triples(coder, nlp, text, dt.date(2010, 1, 1)) == {("HOBMIL", "GON", "122")}
    assert triples(coder, nlp, text, dt.date(2020, 1, 1)) == {("HOB", "GON", "122")}  # the default


def test_prefix_agent(coder, nlp):
    assert triples(coder, nlp, "MSF Arnor condemned Gondor.") == {("NGOARN", "GON", "122")}


def test_events_from_triples(coder, nlp):
    doc = nlp("Arnor met Gondor. Soldiers from Gondor condemned Arnor.")
    events = code_doc_with_dictionaries(doc, "a1", coder.dicts, dt.date(2015, 3, 1))
    by_code = {e.cameo_code: e for e in events}
    assert set(by_code) == {"031", "122"}
    assert by_code["031"].event_type == "AGREE"  # CAMEO 031 -> PLOVER by longest prefix
    condemn = by_code["122"]
    assert condemn.event_type == "REJECT" and condemn.mode == ["assist"]  # the table row of 122
    assert [a.code for a in condemn.actor] == ["GONMIL"] and [r.code for r in condemn.recipient] == ["ARN"]
    assert condemn.rule == "petrarch:CONDEMN:default"
    mention = condemn.mentions[0]
    assert mention.sentence_index == 1 and doc.text[mention.trigger_start:mention.trigger_end] == "condemned"
    assert condemn.date == dt.date(2015, 3, 1) and condemn.event_id
