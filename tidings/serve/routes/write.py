"""``POST /api/articles``: code a new text and store it — off unless a write token is set."""

from __future__ import annotations

import datetime as dt
import hmac

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, ConfigDict, Field

from ...errors import Errors, TidingsError
from . import database

router = APIRouter(prefix="/api", tags=["writes"])
MAX_TEXT = 1_000_000  # characters


class NewArticle(BaseModel):
    """A text to code, with what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: dt.date | None = Field(None, description="YYYY-MM-DD; anchors relative dates.")
    title: str | None = Field(None, max_length=1000)
    id: str | None = Field(None, min_length=1, max_length=200, pattern=r"^[\w.:\-]+$",
                           description="Article id (default: a hash of title and text).")
    url: str | None = Field(None, max_length=2000)


def check_token(request: Request, authorization: str | None) -> None:
    """403 when writes are off or the token is wrong, 401 when no token was sent."""
    expected: str | None = request.app.state.write_token
    if not expected:
        raise TidingsError(Errors.E502)
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TidingsError(Errors.E503)
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        raise TidingsError(Errors.E504)


@router.post("/articles", status_code=201,
             summary="Code a text and store its events (needs the write token)")
def add_article(request: Request, body: NewArticle,
                authorization: str | None = Header(None, description="Bearer <token>")) -> dict:
    """Runs the full pipeline on ``text`` and stores the article and its events; an article
    with the same id is replaced. Send ``Authorization: Bearer <token>``."""
    check_token(request, authorization)
    from ... import api  # loads spaCy: only when a write actually happens
    from ...read import article_from_text

    try:
        article = article_from_text(body.text, published=body.published, title=body.title,
                                    article_id=body.id, url=body.url)
    except TidingsError as exc:
        raise TidingsError(Errors.E506, detail=str(exc)) from None
    db = database(request)
    with db.writing():  # one coding-and-writing request at a time
        coded = next(api.code_articles([article]))
        db.write(coded.article, coded.events, api.coder_version())
    return {"article_id": coded.article.article_id, "events": len(coded.events),
            "event_ids": [e.event_id for e in coded.events]}
