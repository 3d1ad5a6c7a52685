"""The "Where parties stand" panel in headless Chromium (outside requests blocked, as in
test_browser.py). Screenshot: test-artifacts/stances.png."""

from __future__ import annotations

from .test_browser import browser, watched  # noqa: F401 - pytest fixtures


def test_stance_matrix_and_issue_timeline(watched, server):  # noqa: F811
    watched.open(server.url + "/")
    page = watched.page
    total = page.locator("#stance-matrix td.cell").count()
    assert total > 10
    land = page.locator("#stance-matrix td.cell[data-party=UKR][data-issue='territorial concessions']")
    assert land.get_attribute("data-position") == "rejects"
    assert "would not give up land" in land.get_attribute("title")
    land.click()
    assert "would not give up land" in page.locator("#stance-detail blockquote").inner_text()
    assert page.locator("#stance-timeline .empty").count() == 1  # no issue chosen yet
    # `tidings ingest` linked the corpus into stories: the list shows them, not the note
    assert page.locator("#stories li").count() > 0
    assert page.locator("#stories li.note").count() == 0

    page.select_option("#stance-issue", "ceasefire")
    page.wait_for_function("new URLSearchParams(location.search).get('issue') === 'ceasefire'")
    watched.settle()
    marks = page.locator("#stance-timeline g.obs")
    assert marks.count() >= 5
    assert page.locator("#stance-timeline svg").get_attribute("data-issue") == "ceasefire"
    assert page.locator("#stance-timeline g.obs.negated line").count() >= 2  # struck through
    lanes = page.locator("#stance-timeline text.lane").all_text_contents()
    assert {"RUS", "USA"} <= set(lanes)
    assert page.locator("#stance-matrix th.issue.selected").inner_text() == "ceasefire"
    watched.shot("stances")

    # The panel follows the global filters, and a reload reproduces the view.
    page.fill("#filters input[name=actor]", "RUS")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_function("new URLSearchParams(location.search).get('actor') === 'RUS'")
    watched.settle()
    assert watched.query()["issue"] == ["ceasefire"]
    points = page.locator("#stance-timeline g.obs").evaluate_all(
        "gs => gs.map(g => [g.dataset.party, g.dataset.position, g.dataset.event])")
    matrix = page.locator("#stance-matrix td.cell").evaluate_all(
        "ts => ts.map(t => [t.dataset.party, t.dataset.issue, t.dataset.position])")
    assert points and {p for p, _, _ in points} <= set(lanes)
    assert matrix and len(matrix) < total  # only events with a Russian actor
    url = page.url
    page.goto("about:blank")
    watched.open(url)
    assert page.input_value("#stance-issue") == "ceasefire"
    assert page.locator("#stance-timeline g.obs").evaluate_all(
        "gs => gs.map(g => [g.dataset.party, g.dataset.position, g.dataset.event])") == points
    assert page.locator("#stance-matrix td.cell").evaluate_all(
        "ts => ts.map(t => [t.dataset.party, t.dataset.issue, t.dataset.position])") == matrix

    # A marker opens its event's evidence.
    page.locator("#stance-timeline g.obs").first.dispatch_event("click")
    page.wait_for_function("new URLSearchParams(location.search).has('event')")
    watched.settle()
    assert page.locator("#evidence").is_visible()
    watched.shot("stances-filtered")
