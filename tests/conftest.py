"""Shared fixtures: one site build per test run, a loopback server, and Chromium.

The browser is Debian's /usr/bin/chromium driven by PyPI's playwright (``playwright
install`` cannot download browsers here). ./scripts/test installs chromium when missing;
a missing browser is an error, never a skip.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (the benchmarks share them)
from scripts.static_server import serve_in_thread

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SITE_DIR") or ROOT / "site")  # SITE_DIR: a build of your own
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
LAYERS = ("calc", "parity", "site", "browser")  # tests/<layer>/ folders, one pytest marker each
# Every request of the test browser for a host other than loopback goes to a proxy that is
# not there (port 9), so it fails and nothing leaves the machine, without routing each page's
# requests through Playwright (which turns the HTTP cache off: every visit would download the
# runtime again). Loopback always goes direct. PageWatch still records such a request.
TEST_ARGS = ["--proxy-server=http://127.0.0.1:9"]


def pytest_collection_modifyitems(config, items):
    """Mark each test with its layer (its folder under tests/), so `pytest -m calc` runs the
    fast host tests alone and `-m "not browser"` skips Chromium."""
    wrong = []
    for item in items:
        parts = Path(str(item.path)).resolve().relative_to(ROOT / "tests").parts
        if parts and parts[0] in LAYERS:
            item.add_marker(getattr(pytest.mark, parts[0]))
        # Exactly one layer each: its folder's (a test outside the folders, or one that also
        # says another layer, would escape `-m LAYER` or run in two).
        layers = {m.name for m in item.iter_markers() if m.name in LAYERS}
        if len(layers) != 1:
            wrong.append(f"{item.nodeid}: layers {sorted(layers)}")
    if wrong:
        raise pytest.UsageError("each test needs exactly one layer (its folder under tests/: "
                                + ", ".join(LAYERS) + "):\n" + "\n".join(wrong))
    items[:] = in_run_order(items)


def in_run_order(items: list) -> list:
    """The tests file by file, in the order pytest-xdist hands the files out (./scripts/test
    passes --no-loadscope-reorder, so it keeps this one): first the largest file that needs
    the built site (its worker builds the site and the snapshot, which every browser test
    waits for), then every file that needs no site (the calc layer and the site tests that
    read only docs/: the other worker runs them meanwhile instead of waiting for the build),
    then the other files, most tests first (xdist's own order). Within a file the order is
    pytest's."""
    files: dict = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    needs_site = {path: any("built_site" in item.fixturenames for item in tests)
                  for path, tests in files.items()}
    with_site = sorted((path for path in files if needs_site[path]), key=lambda p: -len(files[p]))
    without = sorted((path for path in files if not needs_site[path]), key=lambda p: -len(files[p]))
    return [item for path in with_site[:1] + without + with_site[1:] for item in files[path]]


def _build_site() -> str:
    """Run ./scripts/build (strict); "" when it succeeded, else what it printed."""
    if os.environ.get("SITE_PREBUILT") == "1" and (SITE / "index.html").exists():
        return ""
    result = subprocess.run([str(ROOT / "scripts" / "build")], cwd=ROOT,
                            capture_output=True, text=True)
    return "" if result.returncode == 0 else f"{result.stdout}\n{result.stderr}"


def once_per_run(request, tmp_path_factory, name: str, make) -> str:
    """`make()` (it returns text) done once per test run. Under pytest-xdist every worker is
    a session of its own: the first to get the lock runs `make` and keeps its text in the
    run's folder (the one above each worker's basetemp), and the others wait and read it."""
    if not hasattr(request.config, "workerinput"):
        return make()
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent
    kept = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not kept.exists():
            kept.write_text(make(), encoding="utf-8")
        return kept.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """Build the site once per test run with ./scripts/build (strict), whichever xdist
    worker asks first (`once_per_run`)."""
    failure = once_per_run(request, tmp_path_factory, "site-build.outcome", _build_site)
    assert failure == "", f"build failed:\n{failure}"
    return SITE


@pytest.fixture(scope="session")
def base_url(built_site) -> str:
    server = serve_in_thread(built_site)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Chromium is missing: ./scripts/test installs it (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *TEST_ARGS],
                                    headless=True)
        yield browser
        browser.close()


class PageWatch:
    """Records what a page did that a test must be able to fail on: requests to any host
    other than loopback, console errors, CSP violations and uncaught exceptions."""

    def __init__(self, page):
        self.page = page
        self.offsite: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))

    def _on_request(self, request):
        url = request.url
        self.requests.append(url)
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob", "about"):
            return
        if parsed.hostname not in LOOPBACK:
            self.offsite.append(url)

    def _on_console(self, msg):
        if msg.type == "error" or "Content Security Policy" in msg.text:
            self.errors.append(f"console.{msg.type}: {msg.text}")

    def forget(self) -> None:
        """Start a new record: the page is reused for another test or visit
        (tests/support/page_pool.py, tests/support/page_audit.py)."""
        self.offsite.clear()
        self.errors.clear()
        self.requests.clear()
        getattr(self, "in_flight", set()).clear()

    def assert_clean(self):
        assert self.offsite == [], f"requests off the loopback host: {self.offsite}"
        assert self.errors == [], f"console errors: {self.errors}"


# Browser contexts. Most tests share one context per module (`context`, and `phone_context`
# for the 375 px phone): the HTTP cache and Cache Storage carry over from test to test, so
# Material's bundle and the Pyodide runtime are fetched once and, after the module's first
# widget page, Pyodide starts warm from the memory snapshot the worker keeps in Cache
# Storage instead of cold (about a quarter of the time). Each test still gets a watched
# page of its own while it runs (PageWatch: off-host requests, console errors, failed
# responses), on a fresh document, with no local or session storage of ours: a page an
# earlier test gave back (tests/support/page_pool.py; a new page costs half a core-second
# more than a navigation). A test that is about the cold start or the first load asks for
# `fresh_page`, a context of its own.


def forget_storage(page, base_url) -> None:
    """Clear the site origin's local and session storage, cookies and IndexedDB in the
    page's context, keeping the HTTP cache and Cache Storage (the warm runtime)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("Storage.clearDataForOrigin", {
            "origin": base_url, "storageTypes": "local_storage,session_storage,cookies,indexeddb"})
    finally:
        cdp.detach()


def _pooled_page(context, base_url):
    """A watched page of the context's pool (tests/support/page_pool.py), then the checks
    close_clean makes: the test fails on what its page recorded."""
    from tests.support.page_pool import PagePool

    pool = PagePool.of(context)
    page = pool.take(base_url)
    yield page
    offsite, errors = pool.give_back(page)
    assert offsite == [], f"requests off the loopback host: {offsite}"
    assert errors == [], f"console errors: {errors}"


@pytest.fixture(scope="module")
def context(browser, base_url):
    """A desktop context shared by one module's watched pages (`tab`, `page`); a module that
    needs another (a phone, axe injected) defines its own `context`, and both use that."""
    from tests.support.quality import new_context

    ctx = new_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def phone_context(browser, base_url):
    """A 375 x 740 context shared by one module's `phone` pages."""
    from tests.support.quality import PHONE, new_context

    ctx = new_context(browser, PHONE)
    yield ctx
    ctx.close()


@pytest.fixture
def tab(context, base_url):
    """A watched page in the module's context, with none of our storage left by earlier
    tests; fails the test on off-host requests, console errors and failed responses. The
    page may be one an earlier test used, on a fresh document (tests/support/page_pool.py)."""
    yield from _pooled_page(context, base_url)


@pytest.fixture
def page(tab):
    """A desktop-sized watched page (the module's context, as `tab`)."""
    return tab


@pytest.fixture
def phone(phone_context, base_url):
    """A 375 px wide watched page in the module's phone context (pooled, as `tab`)."""
    yield from _pooled_page(phone_context, base_url)


def own_context_page(browser, prepare=None):
    """A watched desktop page in a context of its own (`prepare(ctx)` runs on the context
    first), closed with its context; a generator for fixtures to yield from."""
    from tests.support.quality import close_clean, new_context, watched_page

    ctx = new_context(browser)
    try:
        if prepare:
            prepare(ctx)
        page = watched_page(ctx)
        try:
            yield page
        finally:
            close_clean(page)
    finally:
        ctx.close()


@pytest.fixture
def fresh_page(browser, base_url):
    """A desktop page in a context of its own (empty HTTP cache, no snapshot): for the tests
    of a cold start or a first load. Same watch as `page`."""
    yield from own_context_page(browser)


# Hypothesis: in CI (CI=true, set by .ci/run) the examples are derandomized, so a red run is
# reproducible and a green one is not luck; locally each run explores new examples.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
