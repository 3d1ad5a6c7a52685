"""Worker side: a process's first articles leave their words in spaCy's vocabulary (so that
common words are read once); later batches free theirs (memory stays flat)."""

from __future__ import annotations

from tidings.model import Article
from tidings.scale import coding


def article(i: int, place: str) -> Article:
    return Article(article_id=f"kept-{i}", text=f"Russia attacked Ukraine near {place} on Friday.",
                   published="2025-01-03")


def test_first_articles_keep_their_words_and_later_batches_free_theirs(nlp, monkeypatch):
    monkeypatch.setattr(coding, "_KEPT_WORDS", coding._KeptWords(1))
    first = coding.code_batch([article(0, "Zorblatkovo")])
    later = coding.code_batch([article(1, "Quimbarresk")])
    assert "Zorblatkovo" in nlp.vocab.strings
    assert "Quimbarresk" not in nlp.vocab.strings
    assert [e.event_type for e in first.events[0]] == [e.event_type for e in later.events[0]]
