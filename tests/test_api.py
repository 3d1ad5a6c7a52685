"""The Python API the CLI and the server call: ``code_text`` and ``code_articles``."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings
from tidings import api
from tidings.errors import SkippedInput
from tidings.model import Article, Event
from tidings.read import article_from_text

TEXT = "Russian drones struck the Ukrainian city of Kharkiv on Tuesday, officials said."


def test_code_text_returns_events(nlp):
    events = api.code_text(TEXT, published="2025-08-16", article_id="k1")
    assert events and all(isinstance(e, Event) for e in events)
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.article_id == "k1"
    assert attack.date == dt.date(2025, 8, 12)  # "on Tuesday" before a Saturday paper
    assert attack.event_id


def test_code_text_is_exported_at_the_top(nlp):
    assert tidings.code_text is api.code_text


def test_published_as_string_or_date_is_the_same(nlp):
    as_text = api.code_text(TEXT, published="2025-08-16", article_id="k1")
    as_date = api.code_text(TEXT, published=dt.date(2025, 8, 16), article_id="k1")
    assert [e.model_dump() for e in as_text] == [e.model_dump() for e in as_date]


def test_without_a_publication_date_relative_dates_stay_unanchored(nlp):
    attack = next(e for e in api.code_text(TEXT) if e.event_type == "ASSAULT")
    assert attack.date is None and attack.date_precision is None


def test_default_article_id_is_a_content_hash(nlp):
    events = api.code_text(TEXT, published="2025-08-16")
    expected = article_from_text(TEXT).article_id
    assert expected == Article.make_id(TEXT)
    assert {e.article_id for e in events} == {expected}
    with_title = api.code_text(TEXT, published="2025-08-16", title="Drones hit Kharkiv")
    assert {e.article_id for e in with_title} == {Article.make_id(TEXT, "Drones hit Kharkiv")}


@pytest.mark.parametrize("text, published, code", [
    ("   \n\n  ", None, "E001"),
    ("Le président a rencontré le premier ministre pour discuter de la situation dans le pays "
     "et des relations avec les voisins, selon un communiqué publié par le gouvernement.", None, "E007"),
    (TEXT, "16/08/2025", "E010"),
])
def test_bad_input_raises_skipped_input(text, published, code):
    with pytest.raises(SkippedInput) as caught:
        api.code_text(text, published=published)
    assert caught.value.code == code


def test_code_articles_keeps_order_across_batches(nlp):
    texts = [
        "China and Japan held talks in Beijing on Monday.",
        "The weather in Lisbon was mild.",
        "Washington imposed sanctions on Moscow.",
        "Russian drone strikes hit Kharkiv.",
        "Protesters rallied in Nairobi against the government.",
    ]
    articles = [article_from_text(t, published="2025-08-16", article_id=f"b{i}")
                for i, t in enumerate(texts)]
    coded = list(api.code_articles(articles, batch_size=2))
    assert [c.article.article_id for c in coded] == [f"b{i}" for i in range(5)]
    assert coded[1].events == []
    types = [sorted({e.event_type for e in c.events}) for c in coded]
    assert types[0] == ["CONSULT"] and types[2] == ["SANCTION"] and types[3] == ["ASSAULT"]
    for c in coded:
        assert all(e.article_id == c.article.article_id for e in c.events)
    # batching does not change the result
    single = list(api.code_articles(articles, batch_size=32))
    assert [[e.model_dump() for e in c.events] for c in single] == \
           [[e.model_dump() for e in c.events] for c in coded]


def test_code_articles_of_nothing_is_nothing():
    assert list(api.code_articles([])) == []


def test_coder_version_names_the_release_and_the_codebook():
    version = api.coder_version()
    assert version.startswith(tidings.__version__ + "+")
    assert len(version.split("+", 1)[1]) == 10
