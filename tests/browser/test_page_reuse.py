"""The test pages that are reused (issue 14: the suite's time) start as new pages would:
conftest's pooled `tab`/`phone` pages (tests/support/page_pool.py) and the per-page audits'
`ReusedPage` (tests/support/page_audit.py). What one test or visit left (storage, console
errors, listeners, print media, a route) must not reach the next, and a page with something
that outlives a document must not be reused at all. And the session's Pyodide snapshot
(tests/support/warm.py), made by one xdist worker and read by the others, starts a seeded
context's first tool page warm on whichever worker reads it."""

from __future__ import annotations

import pytest

from tests.support import warm
from tests.support.page_audit import ReusedPage
from tests.support.page_pool import PagePool
from tests.support.quality import close_clean, new_context, watched_page

pyodide_snapshot = warm.pyodide_snapshot  # the session's snapshot (a fixture)

LEAVE = """() => {
    localStorage.setItem('yqxs-left', '1');
    sessionStorage.setItem('yqxs-left', '1');
    console.error('left by the earlier test');
}"""
FOUND = """() => ({stored: [...Object.keys(localStorage), ...Object.keys(sessionStorage)]
                          .filter(k => k.startsWith('yqxs')),
                 print: matchMedia('print').matches})"""


@pytest.fixture
def ctx(browser):
    ctx = new_context(browser)
    yield ctx
    ctx.close()


def test_a_pooled_page_comes_back_as_a_fresh_page(ctx, base_url):
    pool = PagePool.of(ctx)
    first = pool.take(base_url)
    first.goto(base_url + "/guide/legal/")
    fresh = first.evaluate(FOUND)
    heard = []
    first.on("console", lambda m: heard.append(m.text))
    first.evaluate(LEAVE)
    offsite, errors = pool.give_back(first)
    assert offsite == [] and errors == ["console.error: left by the earlier test"]

    second = pool.take(base_url)
    assert second is first, "a clean page was not reused"
    assert second.url == "about:blank"
    assert second.watch.errors == [] and second.watch.requests == []
    second.goto(base_url + "/guide/legal/")
    found = second.evaluate(FOUND)
    assert fresh["stored"] == found["stored"] == [] and not found["print"]
    heard.clear()
    second.evaluate("console.log('heard by nobody')")
    second.wait_for_timeout(100)
    assert heard == [], "the earlier test's listener is still there"
    assert pool.give_back(second) == ([], [])


@pytest.mark.parametrize("leave", [
    lambda page: page.route("**/nothing", lambda route: route.abort()),
    lambda page: page.emulate_media(media="print"),
    lambda page: page.add_init_script("window.left = 1"),
    lambda page: page.set_viewport_size({"width": 400, "height": 600}),
    lambda page: page.keyboard.down("Shift"),
    lambda page: page.context.new_cdp_session(page),
    lambda page: page.close(),
    lambda page: page.goto("data:text/html,<p>elsewhere</p>"),
], ids=["route", "media", "init-script", "viewport", "key-held", "cdp", "closed", "elsewhere"])
def test_a_page_with_something_that_outlives_its_document_is_closed_not_reused(ctx, base_url, leave):
    pool = PagePool.of(ctx)
    page = pool.take(base_url)
    page.goto(base_url + "/guide/legal/")
    leave(page)
    assert pool.give_back(page) == ([], [])
    assert page.is_closed()
    assert pool.take(base_url) is not page


def test_the_audits_reused_page_keeps_each_visit_to_itself(ctx, base_url):
    reused = ReusedPage(ctx, base_url)

    def first(page):
        page.goto(base_url + "/guide/legal/")
        page.evaluate(LEAVE)
        page.emulate_media(media="print")
        return {"found": page.evaluate(FOUND)}

    def second(page):
        page.goto(base_url + "/guide/prepare/")
        return {"found": page.evaluate(FOUND), "requests": list(page.watch.requests)}

    one = reused.visit(first)
    assert one.errors == ["console.error: left by the earlier test"] and one.found["found"]["print"]
    page = reused.page
    two = reused.visit(second)
    assert reused.page is page, "the page was not reused"
    assert two.get("found")["stored"] == [] and not two.get("found")["print"]
    assert two.get("requests") and all("/guide/legal/" not in r for r in two.get("requests"))

    def fails(page):
        raise TimeoutError("a load that timed out")

    three = reused.visit(fails)
    assert three.failure == "TimeoutError: a load that timed out"
    assert page.is_closed() and reused.page is None
    assert reused.visit(second).get("found")["stored"] == []
    assert reused.page is not None and reused.page is not page
    reused.close()


def test_the_shared_snapshot_starts_a_seeded_contexts_first_tool_page_warm(
        ctx, base_url, pyodide_snapshot):
    assert pyodide_snapshot["url"].startswith(base_url + "/pyodide/"), pyodide_snapshot["url"]
    warm.seed(ctx, base_url, pyodide_snapshot)
    page = watched_page(ctx)
    page.goto(base_url + "/tools/payoff/")
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=90_000)
    assert page.evaluate("YQXS.startedFrom()") == "snapshot"
    close_clean(page)
