"""Articles, actors and places: the things events are about, with their event counts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from .. import queries
from . import Filtered, Paged, detail, listing

router = APIRouter(prefix="/api", tags=["catalogue"])


@router.get("/articles", summary="Articles with a filtered event (all when nothing filters)")
def articles(request: Request, f: Filtered, page: Paged):  # noqa: ANN201
    rows, total = queries.article_rows(f, page.limit, page.offset)
    return listing(request, rows, page, "articles", total)


@router.get("/articles/{article_id}", summary="One article's text and every coded span")
def article(request: Request, article_id: str) -> dict:
    """The text, its events, and spans (actor, recipient, trigger, place) as article offsets."""
    return detail(request, queries.article_detail, "article", article_id)


@router.get("/actors", summary="Actors of the filtered events, busiest first")
def actors(request: Request, f: Filtered, page: Paged,
           role: Annotated[Literal["actor", "recipient"] | None, Query(
               description="Only as actor, or only as recipient.")] = None):  # noqa: ANN201
    return listing(request, queries.actor_rows(f, role, page.limit, page.offset), page, "actors")


@router.get("/places", summary="Places of the filtered events, busiest first")
def places(request: Request, f: Filtered, page: Paged):  # noqa: ANN201
    return listing(request, queries.place_rows(f, page.limit, page.offset), page, "places")
