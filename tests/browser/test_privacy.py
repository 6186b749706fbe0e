"""Privacy hardening (issue 6): every page in both scripts loads under its own strict CSP
with no request off the loopback host and no console error or CSP violation (checked in
tests/support/page_tests.py on each page's desktop visit, whose watch fails the check on any
of them); the deployment headers
carry the same policy and Referrer-Policy: no-referrer; Material's palette and search work
under the policy; nothing is stored before the reader asks; and the about page names every
storage the scripts use. The test browser itself cannot reach another host (tests/conftest.py
TEST_ARGS): a request that escaped the CSP would be recorded by the page's watch and fail.
"""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.support.quality import HANT, ROOT, built_pages, source_pages

JS = ROOT / "docs" / "assets" / "js"
ABOUT = [ROOT / "docs" / "about.md", ROOT / "docs" / f"about.{HANT}.md"]


def test_the_test_browser_reaches_no_host_but_loopback_and_the_watch_records_the_attempt(
        browser, base_url):
    """Every browser test's page is watched (tests/conftest.py PageWatch) and its browser
    sends every request for another host to a dead proxy (TEST_ARGS), so nothing leaves the
    machine whatever a page tries; loopback goes direct. Checked with the CSP bypassed (it
    would refuse these first), a name and an IP literal."""
    from tests.conftest import PageWatch

    ctx = browser.new_context(bypass_csp=True, service_workers="block")
    try:
        page = ctx.new_page()
        watch = PageWatch(page)
        failed = {}
        page.on("requestfailed", lambda r: failed.setdefault(r.url, r.failure))
        page.goto(base_url + "/robots.txt")
        outcomes = page.evaluate("""(urls) => Promise.all(urls.map((u) => fetch(u, {mode: 'no-cors'})
            .then(() => 'answered', () => 'refused')))""", ["http://example.com/x", "http://93.184.216.34/y"])
        assert outcomes == ["refused", "refused"]
        assert watch.offsite == ["http://example.com/x", "http://93.184.216.34/y"]
        assert all("ERR_PROXY_CONNECTION_FAILED" in (failed.get(u) or "") for u in watch.offsite), failed
        assert page.evaluate("(u) => fetch(u).then((r) => r.status)", base_url + "/robots.txt") == 200
    finally:
        ctx.close()


def test_page_list_matches_the_built_site(built_site):
    """The tests' page list (from docs/) is exactly the set of pages the build wrote."""
    assert source_pages() == built_pages(built_site)


@pytest.mark.parametrize("path", ["/", "/guide/what-happens/", "/tools/schedule/",
                                  "/pyodide/", "/assets/css/site.css"])
def test_deployment_headers_carry_the_policy(base_url, path):
    """The test server sends site/_headers as a host would (tests/support/server.py)."""
    with urllib.request.urlopen(base_url + path) as response:
        headers = response.headers
    if path.startswith("/pyodide/"):
        path = "/"  # a folder listing is not served by real hosts; the headers still apply
    csp = headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'self'") and "frame-ancestors 'none'" in csp
    assert "http" not in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path, query", [("/about/", "还款"), (f"/{HANT}/about/", "還款")])
def test_palette_and_search_work_under_the_csp(tab, base_url, path, query):
    tab.goto(base_url + path)
    # Material's inline head script (allowed by its hash) ran, and the palette applies.
    assert tab.evaluate("typeof __md_get") == "function"
    body = tab.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    assert body.get_attribute("data-md-color-primary") == "teal"
    header = tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(0, 121, 107)"  # our darker teal (site.css), not Material's
    # Search runs in a same-origin worker (worker-src 'self') and finds pages.
    box = tab.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    tab.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert tab.locator(".md-search-result__item").count() > 0


# ---------------------------------------------------------------- storage vs the about page

STORAGE_APIS = {
    "localStorage": "localStorage",
    "sessionStorage": "sessionStorage",
    "caches.": "Cache Storage",
    "indexedDB": "IndexedDB",
    "document.cookie": "cookie",
}
KEY_LITERAL = re.compile(r"""["'`](yqxs[:\-][A-Za-z0-9:_\-]*)["'`]""")
# A line that names a storage key: a *KEY / *PREFIX constant, or a storage call itself.
# (Other "yqxs" strings are CSS classes and event names.)
KEY_LINE = re.compile(r"(?:KEY|PREFIX)\s*=|Storage\.|caches\.")


def storage_in_scripts() -> tuple[set[str], set[str]]:
    """(storage APIs used, key names or prefixes) in our own JavaScript."""
    apis, keys = set(), set()
    for path in JS.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        code = re.sub(r"^\s*//.*$", "", text, flags=re.M)
        apis |= {name for token, name in STORAGE_APIS.items() if token in code}
        for line in code.splitlines():
            if KEY_LINE.search(line):
                keys |= set(KEY_LITERAL.findall(line))
    return apis, keys


def test_about_page_names_every_storage_and_key_the_scripts_use():
    apis, keys = storage_in_scripts()
    for about in ABOUT:
        text = about.read_text(encoding="utf-8")
        storage = text.split("{#storage}", 1)[1]
        missing = sorted(a for a in apis if a not in storage) + sorted(
            k for k in keys if k not in storage)
        assert missing == [], f"{about.name} §storage does not mention: {missing}"
