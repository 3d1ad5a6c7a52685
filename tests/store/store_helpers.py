"""Model objects for the store tests, built by hand (no NLP).

A module of its own (not conftest) so test files import it by a name no other test dir uses.
"""

from __future__ import annotations

import datetime as dt

from tidings.model import Article, Entity, Event, Location, Mention

USAGOV = Entity(text="Washington", country="USA", sector="GOV", code="USAGOV",
                start_char=0, end_char=10)
RUSGOV = Entity(text="the Kremlin", country="RUS", sector="GOV", code="RUSGOV",
                start_char=20, end_char=31)
RUSMIL = Entity(text="Russian troops", country="RUS", sector="MIL", code="RUSMIL")
UKR = Entity(text="Ukraine", country="UKR", code="UKR")
UKRGOV = Entity(text="Kyiv", country="UKR", sector="GOV", code="UKRGOV")
NATO = Entity(text="NATO", country="NATO", sector="IGO", code="NATO")
KHARKIV = Location(name="Kharkiv", country="UKR", admin1="07", lat=49.98, lon=36.25,
                   geonameid=706483, feature="city", text="Kharkiv", start_char=40, end_char=47)


def mention(sentence: int, text: str, trigger: str) -> Mention:
    start = text.find(trigger)
    return Mention(sentence_index=sentence, start_char=100 * sentence,
                   end_char=100 * sentence + len(text), text=text, trigger=trigger,
                   trigger_start=100 * sentence + start,
                   trigger_end=100 * sentence + start + len(trigger))


def article(n: int = 1, published: dt.date | None = dt.date(2024, 3, 1),
            url: str | None = "https://news.example/a1") -> Article:
    return Article(article_id=f"a{n}", text=f"Text of article {n}. " * 20, title=f"Title {n}",
                   published=published, url=url, source="news.example")


def event(article_id: str, event_type: str = "ACCUSE", *, actor=(USAGOV,), recipient=(RUSGOV,),
          sentence: int = 0, text: str = "Washington accused the Kremlin of lying.",
          trigger: str = "accused", **fields) -> Event:
    fields.setdefault("cameo_code", "112")
    return Event(article_id=article_id, event_type=event_type, actor=list(actor),
                 recipient=list(recipient), mentions=[mention(sentence, text, trigger)],
                 **fields).with_id()


def sample_events(article_id: str) -> list[Event]:
    """Four events covering lists, a missing location, a missing date and several mentions."""
    return [
        event(article_id, "ACCUSE", date=dt.date(2024, 2, 28), date_precision="day",
              mode=["verbal"], context=["military", "territory"], score=-2.0, confidence=0.8,
              rule="verb:accuse", location=KHARKIV, issue="ceasefire",
              issue_text="the truce"),
        event(article_id, "ASSAULT", actor=[RUSMIL], recipient=[UKR, UKRGOV], sentence=4,
              text="Russian troops shelled Kharkiv overnight.", trigger="shelled",
              cameo_code="195", location=Location(name="Ukraine", country="UKR",
                                                  feature="country", lat=49.0, lon=32.0)),
        event(article_id, "AGREE", actor=[USAGOV, NATO], recipient=[], sentence=2,
              text="The US and NATO agreed to meet.", trigger="agreed", cameo_code="0251",
              factuality="future", date=dt.date(2024, 3, 5)).model_copy(
            update={"mentions": [mention(2, "The US and NATO agreed to meet.", "agreed"),
                                 mention(7, "NATO confirmed the meeting.", "confirmed")]}),
        event(article_id, "REJECT", actor=[RUSGOV], recipient=[USAGOV], sentence=5,
              text="Moscow rejected the proposal.", trigger="rejected", cameo_code=None,
              factuality="negated"),
    ]
