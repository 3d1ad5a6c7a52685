"""Cleaning and the language check on real news (the shared geoparsing corpora): nothing of
an article is lost, no English article is refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tidings.read.clean import clean
from tidings.read.language import guess


def test_real_news_kept_and_english(shared):
    texts = []
    for name in ("TR-News-dev.xml", "lgl-dev.xml", "GWN-dev.xml"):
        root = ET.parse(shared / "data" / "geoparsing" / name).getroot()
        texts += [a.findtext("text") or "" for a in root.iter("article")]
    assert len(texts) > 600
    raw = kept = 0
    refused = []
    for text in texts:
        cleaned = clean(text)
        raw += len("".join(text.split()))
        kept += len("".join(cleaned.split()))
        if not guess(cleaned).is_english:
            refused.append(cleaned[:80])
    assert refused == []
    assert kept / raw > 0.995  # measured 0.9995: only photo credits and copyright lines go
