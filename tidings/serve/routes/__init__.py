"""The HTTP routes, one module per concern: events and aggregates, the catalogue, writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request

from ...errors import Errors, TidingsError
from ..db import Database
from ..formats import download, plain, records
from ..params import EventFilters, Page, event_filters, paging
from ..queries import Query

Filtered = Annotated[EventFilters, Depends(event_filters)]
Paged = Annotated[Page, Depends(paging)]


def database(request: Request) -> Database:
    """The ``Database`` of the running app."""
    return request.app.state.db


def detail(request: Request, fetch: Callable[[Any, str], dict | None], kind: str, key: str) -> dict:
    """One record by id (``fetch(cursor, key)``), or a 404 naming what was not found."""
    with database(request).cursor() as cur:
        found = fetch(cur, key)
    if found is None:
        raise TidingsError(Errors.E505, kind=kind, id=key)
    return plain(found)


def listing(request: Request, query: Query, page: Page, name: str,
            total: Query | None = None):  # noqa: ANN201 - a dict or a streaming response
    """A JSON page ``{limit, offset, items[, total]}``, or the rows as a download."""
    db = database(request)
    if page.download:
        return download(db.cursor, query, page.format, name)
    with db.cursor() as cur:
        body: dict = {"limit": page.limit, "offset": page.offset, "items": records(cur, query)}
        if total is not None:
            body["total"] = cur.execute(total.sql, total.params).fetchone()[0]
        return body
