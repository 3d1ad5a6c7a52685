"""Bytes -> text: encodings that must be read, and bytes that must be refused."""

from __future__ import annotations

import os

import pytest

from tidings.read.decode import DecodeError, declared_charset, decode

TEXT = "Officials in Zürich said on Monday that the talks would resume — “soon”, they added."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # no BOM: found by the NUL pattern
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),  # Windows "Latin-1" with curly quotes
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le", "utf16be", "utf32", "cp1252"],
)
def test_decodes_text_encodings(data):
    assert decode(data) == TEXT


def test_latin1_zurich_is_read():
    text = "Talks in Zürich and Genève ended on Friday, the Swiss foreign ministry said."
    assert decode(text.encode("latin-1")) == text


def test_declared_charset_used_when_not_utf8():
    html = '<meta charset="iso-8859-7"><p>Αθήνα</p>'.encode("iso-8859-7")
    assert declared_charset(html) == "iso8859-7"
    assert "Αθήνα" in decode(html, declared_charset(html))


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\x03binary\x00data" * 20, bytes(range(0, 32)) * 40, b"PK\x03\x04" + bytes(300)],
    ids=["nul", "controls", "zip"],
)
def test_binary_is_e002(data):
    with pytest.raises(DecodeError) as err:
        decode(data)
    assert err.value.template.startswith("E002")


def test_undecodable_junk_is_e003():
    junk = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(DecodeError) as err:
        decode(junk)
    assert err.value.template.startswith("E003")


def test_random_bytes_are_refused():
    data = os.urandom(4096)
    with pytest.raises(DecodeError):
        decode(data)
