"""The dashboard in a real (headless) Chromium, with every non-loopback request blocked.

Screenshots of each view go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
READY = "body[data-ready]:not([data-ready=''])"


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - a playwright Browser
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


class Watched:
    """A page whose outside requests are aborted and recorded, and whose errors are kept."""

    def __init__(self, page) -> None:  # noqa: ANN001
        self.page = page
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:  # noqa: ANN001
        url = route.request.url
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_selector(READY, timeout=20_000)

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlparse(self.page.url).query)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser) -> Iterator[Watched]:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    w = Watched(context.new_page())
    yield w
    context.close()
    assert w.outside == [], f"the page tried to reach outside: {w.outside}"
    assert w.errors == [], f"console errors: {w.errors}"


def test_dashboard_renders_every_view(watched, server):
    watched.open(server.url + "/")
    page = watched.page
    assert page.locator("#timeline rect[data-type]").count() > 5
    assert page.locator("#timeline path.score-line").get_attribute("d").startswith("M")
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map circle.point").count() > 3
    assert page.locator("#network path.edge").count() > 3
    assert page.locator("#network g.node").count() > 3
    assert page.locator("#table tbody tr").count() == 25
    watched.shot("dashboard")


def test_a_filter_changes_the_table(watched, server):
    watched.open(server.url + "/")
    page = watched.page
    first = page.locator("#table tbody tr").first.get_attribute("data-event")
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.wait_for_function("new URLSearchParams(location.search).get('type') === 'ASSAULT'")
    watched.settle()
    types = page.locator("#table tbody tr .etype").all_inner_texts()
    assert types and set(types) == {"ASSAULT"}
    assert page.locator("#table tbody tr").first.get_attribute("data-event") != first
    assert page.locator("#chips .chip[data-filter=type]").count() == 1
    watched.shot("filtered-assault")


def test_map_network_and_brush_set_filters(watched, server):
    watched.open(server.url + "/")
    page = watched.page
    page.locator("#map circle.point").last.click(force=True)
    page.wait_for_function("new URLSearchParams(location.search).has('bbox')")
    watched.settle()
    assert page.locator("#chips .chip[data-filter=bbox]").count() == 1
    watched.shot("map-filtered")

    watched.open(server.url + "/")
    edge = page.locator("#network path.edge").first
    source, target = edge.get_attribute("data-source"), edge.get_attribute("data-target")
    edge.dispatch_event("click")
    watched.settle()
    assert watched.query()["actor"] == [source] and watched.query()["recipient"] == [target]

    watched.open(server.url + "/")
    box = page.locator("#timeline rect.overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.9, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.mouse.up()
    page.wait_for_function("new URLSearchParams(location.search).has('since')")
    watched.settle()
    since, until = watched.query()["since"][0], watched.query()["until"][0]
    assert since <= until
    dates = [d for d in page.locator("#table tbody tr td:first-child").all_inner_texts()
             if d != "—"]
    assert dates and all(since <= d <= until for d in dates)
    assert page.locator("#timeline rect.brush").get_attribute("visibility") == "visible"
    watched.shot("timeline-brushed")


def test_negated_agreement_looks_different(watched, handmade_server):
    watched.open(handmade_server.url + "/?type=AGREE")
    page = watched.page
    rows = page.locator("#table tbody tr")
    negated = page.locator("#table tbody tr[data-factuality=negated] .etype")
    asserted = page.locator("#table tbody tr[data-factuality=asserted] .etype").first
    assert rows.count() == 3 and negated.count() == 1
    line = "getComputedStyle(el).textDecorationLine"
    assert "line-through" in negated.evaluate(f"el => {line}")
    assert "line-through" not in asserted.evaluate(f"el => {line}")
    assert page.locator("#table tbody tr[data-factuality=negated] .badge").inner_text() == "negated"
    page.locator("#table tbody tr[data-factuality=negated]").click()
    page.wait_for_function("new URLSearchParams(location.search).has('event')")
    watched.settle()
    evidence = page.locator("#evidence")
    assert evidence.locator(".badge.negated").inner_text() == "negated"
    assert evidence.locator("blockquote mark.actor").inner_text() == "Ukraine"
    assert evidence.locator("blockquote mark.recipient").inner_text() == "Russia"
    assert evidence.locator("blockquote mark.trigger").inner_text() == "agree"
    assert evidence.locator("blockquote mark.place").inner_text() == "Kharkiv"
    watched.shot("evidence-negated")


def test_evidence_and_article_view(watched, server):
    watched.open(server.url + "/?type=ASSAULT")
    page = watched.page
    page.locator("#table tbody tr").first.click()
    page.wait_for_function("new URLSearchParams(location.search).has('event')")
    watched.settle()
    quotes = page.locator("#evidence blockquote.mention")
    assert quotes.count() >= 1
    assert page.locator("#evidence mark.trigger").count() >= 1
    watched.shot("evidence")
    page.locator("#open-article").click()
    page.wait_for_function("new URLSearchParams(location.search).has('doc')")
    watched.settle()
    assert page.locator("#article-view").is_visible()
    assert page.locator("#article-view .text mark.trigger").count() >= 1
    assert page.locator("#article-view .text mark").count() > 3
    watched.shot("article")
    page.locator("#article-view .text mark.trigger").first.click()
    watched.settle()
    assert page.locator("#evidence").is_visible()


def test_reloading_the_url_reproduces_the_view(watched, server):
    watched.open(server.url + "/")
    page = watched.page
    page.fill("#filters input[name=actor]", "RUS")
    page.select_option("#filters select[name=type]", "ASSAULT")
    page.wait_for_function("new URLSearchParams(location.search).get('actor') === 'RUS'")
    watched.settle()
    if not page.locator("#next").is_disabled():
        page.click("#next")
        page.wait_for_function("new URLSearchParams(location.search).has('offset')")
        watched.settle()
    url = page.url
    rows = page.locator("#table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.event)")
    chips = page.locator("#chips .chip").all_inner_texts()
    page.goto("about:blank")
    watched.open(url)
    assert page.locator("#table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.event)") == rows
    assert page.locator("#chips .chip").all_inner_texts() == chips
    assert page.input_value("#filters input[name=actor]") == "RUS"
    watched.shot("reloaded")
