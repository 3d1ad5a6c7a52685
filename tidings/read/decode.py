"""Bytes -> text, or a reason why the bytes are not text (E002 binary, E003 undecodable).

Order of trust: a byte-order mark; UTF-16 recognised by its NUL pattern; UTF-8; a charset
the document declares (HTML/XML); then cp1252/Latin-1, accepted only if the result reads like text, because
every byte string "decodes" as Latin-1 and we must not pass junk on as an article.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from email.message import Message

from tidings.errors import Errors

# Control bytes that do not occur in text files (everything below 0x20 but TAB LF VT FF CR).
_CONTROL = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65536  # bytes looked at by the sniffing heuristics: enough to decide, cheap on big files
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class DecodeError(ValueError):
    """Raised with an ``Errors`` template (E002 or E003) as its message."""

    def __init__(self, template: str) -> None:
        super().__init__(template)
        self.template = template


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_by_nuls(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NULs fall on one byte parity, as in BOM-less UTF-16
    of mostly-ASCII text; None otherwise."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control bytes, in the sample: not a text file."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > 0.05


def looks_like_text(text: str) -> bool:
    """Does a single-byte decoding read like (European) text rather than junk?

    Latin-1 prose is mostly ASCII letters with the odd accented letter inside a word;
    junk decoded as Latin-1 is full of symbols, C1 controls and runs of non-ASCII.
    """
    sample = text[:_SAMPLE]
    visible = [c for c in sample if not c.isspace()]
    if not visible:
        return False
    letters = sum(1 for c in visible if c.isalpha())
    non_ascii = sum(1 for c in visible if ord(c) > 0x7F)
    weird = sum(
        1 for c in visible
        if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn", "Sk", "So")
    )
    return (
        letters / len(visible) >= 0.6
        and non_ascii / len(visible) <= 0.2
        and weird / len(visible) <= 0.02
    )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, if Python knows it."""
    match = _META_CHARSET.search(data[:4096]) or re.search(
        rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", data[:1024]
    )
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def content_type_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header ("text/html; charset=ISO-8859-1")."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_content_charset()


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text; raise ``DecodeError`` (E002/E003) when it is not text."""
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            raise DecodeError(Errors.E003) from None
    wide = utf16_by_nuls(data)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise DecodeError(Errors.E003) from None
        if not looks_binary(text.encode("utf-8", "replace")):
            return text
        raise DecodeError(Errors.E002)
    if looks_binary(data):
        raise DecodeError(Errors.E002)
    # UTF-8 before any declared charset: pages that declare Latin-1 but send UTF-8 are
    # common, while Latin-1 text that happens to be valid UTF-8 is vanishingly rare.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: fall through to the single-byte guess
    # cp1252 is what "Latin-1" files usually are (curly quotes at 0x91-0x94); bytes cp1252
    # leaves undefined are read as Latin-1 so the decoding cannot fail.
    text = data.decode("cp1252", errors=_LATIN1_FALLBACK)
    if looks_like_text(text):
        return text
    raise DecodeError(Errors.E003)


def _latin1(err: UnicodeDecodeError) -> tuple[str, int]:
    return err.object[err.start : err.end].decode("latin-1"), err.end


_LATIN1_FALLBACK = "tidings-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1)
