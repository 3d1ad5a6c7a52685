"""Where parties stand (stances on negotiation issues) and story events (one happening, many
articles): the layers over the events, read with the same filters."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated
from weakref import WeakKeyDictionary

from fastapi import APIRouter, Query, Request

from .. import layers
from ..formats import plain
from . import Filtered, Paged, database, listing

router = APIRouter(prefix="/api", tags=["stances and stories"])
MAX_PARTIES = 500
MAX_LANES = 200
MAX_POINTS = 20_000
NO_STORIES = ("no stories in this store yet: run `tidings stories --db <store> --rebuild` "
              "(the server does not build them)")



class _Answers:
    """The last answers of a read-only server (its store cannot change while it is served):
    deriving the stances of a large store takes seconds, asking again should not."""

    SIZE = 32

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: OrderedDict[tuple, dict] = OrderedDict()

    def get(self, key: tuple, compute: Callable[[], dict]) -> dict:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.SIZE:
                self.items.popitem(last=False)
        return value


_ANSWERS: WeakKeyDictionary = WeakKeyDictionary()
_ANSWERS_LOCK = threading.Lock()


def answer(request: Request, compute: Callable[[], dict]) -> dict:
    """``compute()``, remembered per query string when the store is read-only."""
    db = database(request)
    if db.writable:
        return compute()
    with _ANSWERS_LOCK:
        answers = _ANSWERS.setdefault(db, _Answers())
    key = (request.url.path, tuple(sorted(request.query_params.multi_items())))
    return answers.get(key, compute)


Issues = Annotated[list[str] | None, Query(
    description="Issue of data/codebook/issues.yaml (ceasefire, ...); repeatable.")]
Parties = Annotated[list[str] | None, Query(
    description="Party (RUS, SDNREB) or its prefix; repeatable.")]


@router.get("/stances", summary="Party x issue matrix: each party's latest position per issue")
def stances(request: Request, f: Filtered, issue: Issues = None, party: Parties = None,
            limit: Annotated[int, Query(ge=1, le=MAX_PARTIES, description=(
                "At most this many parties (rows), busiest first."))] = 60) -> dict:
    """The latest observation per (party, issue) of the filtered events, with its date,
    factuality, the sentence it rests on and its event id. Positions: demands, supports,
    accepts, conditions, opposes, rejects, no agreement (see docs/stories.md)."""
    def compute() -> dict:
        with database(request).cursor() as cur:
            issues = layers.check_issues(cur, issue)
            found = layers.observations(cur, f, issues, layers.check_parties(party))
        return plain(layers.matrix(found, limit))

    return answer(request, compute)


@router.get("/stances/timeline", summary="One issue's stance observations over time")
def stance_timeline(request: Request, f: Filtered,
                    issue: Annotated[str, Query(description="The issue (ceasefire, ...).")],
                    party: Parties = None,
                    limit: Annotated[int, Query(ge=1, le=MAX_LANES, description=(
                        "At most this many parties (lanes), busiest first."))] = 30,
                    points: Annotated[int, Query(ge=1, le=MAX_POINTS, description=(
                        "At most this many points, the latest."))] = 3000) -> dict:
    """The dated observations (date, party, position, factuality, evidence) on ``issue`` in
    date order, the parties as lanes. One party's observations of one day, position and
    factuality are one point with their number ``n``."""
    def compute() -> dict:
        with database(request).cursor() as cur:
            issues = layers.check_issues(cur, [issue])
            if len(issues) != 1:
                raise layers.bad("issue", issue, "give one issue")
            found = layers.observations(cur, f, issues, layers.check_parties(party))
        return plain(layers.timeline(found, issues[0], limit, points))

    return answer(request, compute)


@router.get("/stories", summary="Story events (one happening, many articles), most sources first")
def stories(request: Request, page: Paged,
            since: Annotated[str | None, Query(
                description="From this date (the story's, else first seen).")] = None,
            until: Annotated[str | None, Query(description="Up to this date.")] = None,
            actor: Annotated[list[str] | None, Query(
                description="A party country of the story, or an actor code prefix.")] = None,
            type: Annotated[list[str] | None, Query(  # noqa: A002 - the public parameter name
                description="The story's PLOVER event type; repeatable.")] = None,
            min_sources: Annotated[int, Query(ge=1, le=2**31 - 1, description=(
                "At least this many outlets."))] = 1):  # noqa: ANN201
    """Rows of the ``stories`` table (docs/stories.md) written by `tidings stories --rebuild`;
    an empty list with a ``note`` when the store has none."""
    f = layers.StoryFilters.parse(since=since, until=until, actor=actor, type=type,
                                  min_sources=min_sources)
    with database(request).cursor() as cur:
        present = layers.has_stories(cur)
    if not present:
        return {"limit": page.limit, "offset": page.offset, "total": 0, "items": [],
                "note": NO_STORIES}
    rows, total = layers.story_rows(f, page.limit, page.offset)
    return listing(request, rows, page, "stories", total)
