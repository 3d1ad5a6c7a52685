"""The event filters shared by `events`, `export` and `stories` (one definition of each option)."""

from __future__ import annotations

from typing import Annotated

import typer

Actor = Annotated[list[str] | None, typer.Option(
    "--actor", "-a", help="Actor code, country or code prefix (RUS matches RUSGOV); repeatable.")]
Recipient = Annotated[list[str] | None, typer.Option(
    "--recipient", "-r", help="Recipient code, country or prefix; repeatable.")]
EventType = Annotated[list[str] | None, typer.Option(
    "--type", "-t", help="PLOVER event type (ASSAULT, AGREE, ...); repeatable.")]
Factuality = Annotated[list[str] | None, typer.Option(
    "--factuality", help="asserted, negated, future, hypothetical or historical; repeatable.")]
Since = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD), inclusive.")]
Until = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD), inclusive.")]
Country = Annotated[list[str] | None, typer.Option(
    "--country", help="Country (ISO alpha-3) where the event happened; repeatable.")]
Text = Annotated[str | None, typer.Option("--text", help="Words in an evidence sentence.")]


def event_filters(*, actor: list[str] | None, recipient: list[str] | None,
                  event_type: list[str] | None, factuality: list[str] | None, since: str | None,
                  until: str | None, country: list[str] | None, text: str | None) -> dict:
    """Keyword filters for EventStore queries; options not given are left out."""
    given = {"actor": actor, "recipient": recipient, "event_type": event_type,
             "factuality": factuality, "since": since, "until": until, "country": country,
             "text": text}
    return {k: v for k, v in given.items() if v}
