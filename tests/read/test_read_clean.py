"""Cleaning: boilerplate out, paragraphs kept, whitespace and Unicode normalised."""

from __future__ import annotations

import unicodedata

import pytest

from tidings.errors import TidingsError
from tidings.read.clean import clean, load_boilerplate, paragraphs

BODY = "Ukraine and Russia agreed on Monday to hold talks in Istanbul, officials said."
MORE = "The announcement came after weeks of heavy fighting in the east of the country."


@pytest.mark.parametrize(
    "noise",
    [
        "Read more: Zelensky says peace is possible",
        "READ MORE: Putin meets Xi in Beijing",
        "Related: Ukraine war in maps",
        "Share",
        "Tweet",
        "Share on Facebook",
        "Share on Facebook | Share on Twitter | Email",
        "Sign up for our newsletter",
        "Sign up to our daily newsletter for the latest world news.",
        "Advertisement",
        "ADVERTISEMENT",
        "Click here to read the full report",
        "© 2024 Reuters. All rights reserved.",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "WORLD NEWS",
        "EUROPE",
        "Photo: Jane Doe/AFP",
        "A soldier walks past a destroyed building. Getty Images",
        "Reporting by Pavel Polityuk; Editing by Tom Hogue",
    ],
)
def test_boilerplate_paragraph_removed(noise):
    assert clean(f"{BODY}\n\n{noise}\n\n{MORE}") == f"{BODY}\n\n{MORE}"


def test_photo_credit_in_paragraph_cut():
    text = "Troops entered the town (Photo: Jane Doe/AFP) on Sunday, officials said."
    assert clean(text) == "Troops entered the town on Sunday, officials said."
    text = "Rescuers search the rubble (AP Photo/Evgeniy Maloletka) in Kharkiv."
    assert clean(text) == "Rescuers search the rubble in Kharkiv."


def test_dateline_agency_kept():
    text = "KYIV (Reuters) - Ukraine and Russia agreed to talks."
    assert clean(text) == text


def test_tail_after_read_more_cut():
    text = f"{BODY}\n\n{MORE}\n\nREAD MORE\n\nZelensky visits the front line\n\nWhy the war matters to Europe\n\nOne more headline here"
    assert clean(text) == f"{BODY}\n\n{MORE}"


def test_related_stories_tail_cut():
    text = f"{BODY}\nRelated stories\nNATO leaders meet in Vilnius\nEU agrees new sanctions"
    assert clean(text) == BODY


def test_tail_heading_before_prose_only_drops_heading():
    # a stray heading followed by article prose is not the page tail
    text = f"{BODY}\n\nRead more\n\n{MORE} It was the first such meeting since the war began in 2022, they said."
    assert clean(text).startswith(f"{BODY}\n\n{MORE}")


def test_paragraph_breaks_and_whitespace():
    raw = f"  {BODY}  \r\n\r\n\r\n{MORE.replace(' ', '   ', 3)}\t\n"
    assert clean(raw) == f"{BODY}\n\n{MORE}"


def test_one_paragraph_per_line_kept_apart():
    assert clean(f"{BODY}\n{MORE}") == f"{BODY}\n\n{MORE}"


def test_hard_wrapped_text_rejoined():
    raw = (
        "Ukraine and Russia agreed on Monday to hold a new round of talks in\n"
        "Istanbul next week, officials in Kyiv said, after weeks of heavy\n"
        "fighting in the east.\n"
        "The United Nations welcomed the announcement.\n"
        "Moscow did not comment on the talks, which are due to begin on\n"
        "Tuesday.\n"
    )
    assert clean(raw) == (
        "Ukraine and Russia agreed on Monday to hold a new round of talks in Istanbul next week, "
        "officials in Kyiv said, after weeks of heavy fighting in the east.\n\n"
        "The United Nations welcomed the announcement.\n\n"
        "Moscow did not comment on the talks, which are due to begin on Tuesday."
    )


def test_unicode_nfc_and_invisible_characters():
    decomposed = unicodedata.normalize("NFD", "Talks in Zürich\u00a0resumed\u200b on Friday.")
    assert clean(decomposed) == "Talks in Zürich resumed on Friday."


def test_title_repeated_as_first_paragraph_dropped():
    assert clean(f"Talks agreed\n\n{BODY}", title="Talks agreed") == BODY
    assert clean(f"{BODY}", title="Talks agreed") == BODY


def test_clean_is_idempotent():
    raw = f"{BODY}\n\nShare\n\n{MORE}\n\nREAD MORE\nHeadline one"
    once = clean(raw)
    assert clean(once) == once


def test_paragraphs_blank_lines_split():
    assert paragraphs("a b\n\nc d") == ["a b", "c d"]


def test_pattern_file_errors_name_path_and_line(tmp_path):
    bad = tmp_path / "boilerplate.txt"
    bad.write_text("# comment\ndrop advertisement\nkeep nothing\n", encoding="utf-8")
    with pytest.raises(TidingsError) as err:
        load_boilerplate(bad)
    assert f"{bad}:3:" in str(err.value) and err.value.code == "E101"
    bad.write_text("strip (unclosed\n", encoding="utf-8")
    with pytest.raises(TidingsError, match=r":1: bad regex"):
        load_boilerplate(bad)
