"""E007: other languages are refused, English (short, or full of names) is not."""

from __future__ import annotations

import pytest

from tidings.errors import SkippedInput, TidingsError
from tidings.read import article_from_text
from tidings.read.language import guess, load_function_words

FRENCH = (
    "Le gouvernement français a annoncé lundi qu'il allait renforcer les sanctions contre la "
    "Russie, après une réunion des ministres des affaires étrangères de l'Union européenne à "
    "Bruxelles. Selon le ministre, ces mesures visent à réduire les revenus du Kremlin."
)
GERMAN = (
    "Die Bundesregierung hat am Montag angekündigt, dass sie die Sanktionen gegen Russland "
    "verschärfen will. Nach einem Treffen der Außenminister der Europäischen Union in Brüssel "
    "sagte der Minister, die Maßnahmen sollen die Einnahmen des Kremls verringern."
)
RUSSIAN = (
    "Правительство России в понедельник заявило, что не намерено вести переговоры с Украиной, "
    "пока не будут выполнены его условия. Министр иностранных дел сказал журналистам в Москве, "
    "что санкции Запада не изменят позицию страны."
)
NAMES = (
    "Vladimir Putin, Xi Jinping, Recep Tayyip Erdogan, Narendra Modi, Luiz Inacio Lula da Silva, "
    "Cyril Ramaphosa and Mohammed bin Salman met Emmanuel Macron, Olaf Scholz, Giorgia Meloni, "
    "Rishi Sunak, Fumio Kishida and Joe Biden in New Delhi, Johannesburg, Riyadh and Brasilia."
)


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "French"), (GERMAN, "German"), (RUSSIAN, "Cyrillic")])
def test_foreign_text_is_e007_with_ratio(text, language):
    with pytest.raises(SkippedInput) as err:
        article_from_text(text)
    message = str(err.value)
    assert err.value.code == "E007" and language in message
    if language != "Cyrillic":
        assert "%" in message  # the measured ratio is reported


@pytest.mark.parametrize(
    "text",
    ["Russia attacked Ukraine.", "Iran rejects US demands", NAMES,
     "NATO, EU, UN, OSCE and G7 envoys met in Brussels, Vienna and Geneva on Monday."],
)
def test_english_passes(text):
    assert guess(text).is_english
    assert article_from_text(text).text


def test_check_can_be_turned_off():
    assert article_from_text(FRENCH, check_language=False).text.startswith("Le gouvernement")


def test_word_file_errors_name_path_and_line(tmp_path):
    bad = tmp_path / "words.txt"
    bad.write_text("en English: the of\nthis line is wrong\n", encoding="utf-8")
    with pytest.raises(TidingsError, match=r"words.txt:2:"):
        load_function_words(bad)
