"""Shared by the quality tests (issue 6: accessibility, phones, privacy, links, print).

- Which pages there are. The tests are parametrized over every page, so the list has to be
  known when pytest collects, before the site is built: `source_pages()` derives it from
  docs/ the way MkDocs + mkdocs-static-i18n (suffix layout) do, and
  `test_privacy.py::test_page_list_matches_the_built_site` checks it against the built
  site, so a page the build writes cannot escape the tests.
- One browser context per test module (HTTP cache shared, so Material's bundle and the
  Pyodide runtime are fetched once), and a fresh page per test that fails on any request
  off the loopback host or any console error / CSP violation, exactly like conftest's
  `page` fixture (same PageWatch).
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import PageWatch

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = ROOT / "docs"
HANT = "zh-Hant"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def url_of(src: Path) -> str:
    """The URL path of a Markdown source: docs/guide/x.zh-Hant.md -> /zh-Hant/guide/x/."""
    rel = src.relative_to(DOCS).as_posix()[:-3]
    prefix = "/"
    if rel.endswith(f".{HANT}"):
        rel, prefix = rel[: -len(HANT) - 1], f"/{HANT}/"
    if rel == "index" or rel.endswith("/index"):
        rel = rel[:-5]
    else:
        rel += "/"
    return prefix + rel


def source_pages() -> list[str]:
    """Every page's URL path in both scripts, from docs/ (see the module docstring)."""
    return sorted(url_of(p) for p in DOCS.rglob("*.md"))


def built_pages(site: Path) -> list[str]:
    """Every page's URL path in the built site (the 404 page, assets and search excluded)."""
    urls = []
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "pyodide/", "search/")):
            continue
        urls.append("/" + rel[: -len("index.html")])
    return sorted(urls)


def tool_pages() -> list[str]:
    """Pages that embed a widget (a `<!-- widget:NAME -->` marker in the source)."""
    return sorted(url_of(p) for p in DOCS.rglob("*.md")
                  if "<!-- widget:" in p.read_text(encoding="utf-8"))


def page_id(url: str) -> str:
    return url.strip("/") or "home"


def new_context(browser, viewport=DESKTOP, **kwargs):
    """A browser context like conftest's: zh-CN, no service workers."""
    return browser.new_context(viewport=viewport, locale="zh-CN", service_workers="block",
                               **kwargs)


def watched_page(context):
    """A new page in `context` with a PageWatch (page.watch) that records off-host
    requests, console errors and failed responses; the test browser refuses every off-host
    request itself (conftest.TEST_ARGS), so the page needs no route (a route would turn
    off its HTTP cache). page.watch.in_flight holds the requests not yet finished (for
    `wait_quiet`)."""
    page = context.new_page()
    page.watch = PageWatch(page)
    in_flight = page.watch.in_flight = set()
    page.on("request", lambda r: in_flight.add(r))
    page.on("requestfinished", lambda r: in_flight.discard(r))
    page.on("requestfailed", lambda r: in_flight.discard(r))
    # The console says only "404 (File not found)"; name the URL that failed.
    page.on("response", lambda r: r.status >= 400 and page.watch.errors.append(
        f"HTTP {r.status}: {r.url}"))
    return page


def close_clean(page) -> None:
    """Close a watched page, then fail on anything its watch recorded."""
    page.close()
    page.watch.assert_clean()


# Waits on a real condition, in place of fixed sleeps.

TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"

# Resolves once `el` and everything in it have no running animation or transition and its box
# has not moved for two frames in a row (a drawer that slid in, a button that faded in).
STILL = """(el) => new Promise((resolve) => {
    let last = null, same = 0;
    const tick = () => {
        const box = JSON.stringify(el.getBoundingClientRect());
        const moving = el.getAnimations({subtree: true}).some(a => a.playState === 'running');
        same = !moving && box === last ? same + 1 : 0;
        last = box;
        if (same >= 2) resolve(true); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
})"""


def wait_still(page, selector: str) -> None:
    """Wait until the first element matching selector has stopped moving (its CSS
    transitions and animations have ended)."""
    page.locator(selector).first.evaluate(STILL)


def wait_quiet(page, timeout: float = 15.0) -> None:
    """Wait until none of the page's requests is in flight, then two animation frames: what
    the page was doing (an image it tried to load, its error event) has happened."""
    end = time.monotonic() + timeout
    while page.watch.in_flight:
        if time.monotonic() > end:
            raise AssertionError(f"requests still in flight: {[r.url for r in page.watch.in_flight]}")
        page.wait_for_timeout(20)
    page.evaluate(TWO_FRAMES)


# True once Cache Storage holds an entry (the worker's Pyodide memory snapshot).
SNAPSHOT_STORED = ("async () => { for (const n of await caches.keys()) { const c = await caches.open(n);"
                   " if ((await c.keys()).length) return true; } return false; }")


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page (axe injected by an init
    script, so the page's CSP stays enforced), each with its count and first five nodes."""
    results = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
            nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '),
                                                   summary: n.failureSummary})),
        }));
    }""")
    return [v for v in results if v["impact"] in ("serious", "critical")]
