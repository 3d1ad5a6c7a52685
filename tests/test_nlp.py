"""The NLP stage: the pipeline, and the paragraph and dateline sentence rules (tidings/nlp.py)."""

from __future__ import annotations

import pytest

from tidings import nlp as nlp_stage


def _sentences(doc) -> list[str]:
    return [s.text.strip() for s in doc.sents]


def test_pipeline_has_the_sentence_rules_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("paragraph_sentences") < names.index("parser")
    assert names.index("dateline_sentence") < names.index("parser")
    assert nlp_stage.load() is nlp  # loaded once per process


def test_parse_yields_one_doc_per_text_in_order():
    texts = ["Russia and Ukraine met.", "", "The summit ended."]
    docs = list(nlp_stage.parse(texts, batch_size=2))
    assert [d.text for d in docs] == texts


@pytest.mark.parametrize("text, dateline", [
    ("ANCHORAGE, Alaska (Tidewire) — The presidents met on Friday.", "ANCHORAGE, Alaska (Tidewire) —"),
    ("KYIV (Reuters) - Drones hit the city overnight.", "KYIV (Reuters) -"),
    ("GENEVA — Talks resumed.", "GENEVA —"),
    ("KYIV, Ukraine – Drones hit the city.", "KYIV, Ukraine –"),
])
def test_a_wire_dateline_is_a_sentence_of_its_own(nlp, text, dateline):
    sentences = _sentences(nlp(text))
    assert sentences[0] == dateline
    assert " ".join(sentences[1:]) == text[len(dateline):].strip()


@pytest.mark.parametrize("text, dateline", [
    ("ANCHORAGE, Alaska (Tidewire) — The presidents met.", "ANCHORAGE, Alaska (Tidewire)"),
    ("KYIV (Reuters) - Drones hit the city overnight.", "KYIV (Reuters)"),
    ("Russia — the largest country — said it would respond.", None),
    ("The talks went on.\n\nKYIV - late news arrived.", None),
])
def test_the_dateline_is_read_without_its_dash(nlp, text, dateline):
    found = nlp_stage.dateline(nlp(text))
    assert (found.text if found is not None else None) == dateline


def test_a_dateline_does_not_become_the_subject_of_the_lede(nlp):
    doc = nlp("ANCHORAGE, Alaska (Tidewire) — The presidents met on Friday.")
    met = next(t for t in doc if t.text == "met")
    subjects = [c.text for c in met.children if c.dep_ == "nsubj"]
    assert subjects == ["presidents"]


def test_dashes_in_an_ordinary_sentence_do_not_split_it(nlp):
    text = "Russia — the largest country — said it would respond."
    assert _sentences(nlp(text)) == [text]


def test_a_dash_after_the_first_paragraph_is_not_a_dateline(nlp):
    doc = nlp("The talks went on.\n\nKYIV - late news arrived.")
    assert _sentences(doc)[0] == "The talks went on."


@pytest.mark.parametrize("text", [
    "US-backed forces shelled the town on Monday.",
    "UN-brokered talks resumed in Geneva.",
])
def test_a_hyphenated_capitalised_compound_is_not_a_dateline(nlp, text):
    assert _sentences(nlp(text)) == [text]


def test_every_line_break_starts_a_sentence(nlp):
    doc = nlp("First paragraph ends here without a stop\nSecond line starts here.")
    assert _sentences(doc) == ["First paragraph ends here without a stop", "Second line starts here."]


def test_paragraphs_are_sentences(nlp):
    doc = nlp("KYIV, Ukraine — Drones hit the city.\n\nOfficials said nothing.")
    assert _sentences(doc) == ["KYIV, Ukraine —", "Drones hit the city.", "Officials said nothing."]


def test_entities_do_not_run_across_a_paragraph_break(nlp):
    doc = nlp("The talks were held in Geneva\n\nMoscow said they went well.")
    assert all("\n" not in ent.text.strip() for ent in doc.ents)


@pytest.mark.parametrize("text", ["", "One sentence", "Talks ended.\nNo deal was signed. Both sides left.",
                                  "ANCHORAGE, Alaska (AP) — The leaders met. They spoke for hours."])
def test_sentences_read_once_are_spacys_sentences(nlp, text):
    doc = nlp(text)
    assert [(s.start, s.end) for s in nlp_stage.sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    numbers = nlp_stage.sentence_of(doc)
    assert numbers == [n for n, s in enumerate(doc.sents) for _ in range(s.start, s.end)]
    assert nlp_stage.sentence_of(doc) is numbers  # kept with the doc


def test_first_conjunct_is_the_head_of_a_coordination(nlp):
    doc = nlp("Ukraine, Poland and Russia agreed.")
    russia = next(t for t in doc if t.text == "Russia")
    assert nlp_stage.first_conjunct(russia).text == "Ukraine"
    agreed = next(t for t in doc if t.text == "agreed")
    assert nlp_stage.first_conjunct(agreed) is agreed
