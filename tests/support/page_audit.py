"""One visit per page and width for every per-page check (issue 14: the suite's time).

The per-page checks (axe at desktop width and at 375 px, the 375 px fit and tap targets,
the CSP and storage of a first load, the named table regions, print) used to load every page
once per check: about six loads per page, and a page load with its Pyodide boot is what the
browser layer spends its time on. A `PageAudits` loads each page twice, once in a desktop
context and once in a phone context (both with axe injected by an init script, so the
page's CSP stays enforced), measures everything on that visit in the order the separate
tests did (the first-load checks right after the load, axe after them, print last), and
keeps what it measured; each test then asserts on its part exactly what it asserted before.

Each visit has its own record of a watched page (quality.watched_page): its off-host
requests, console errors and failed responses are kept with the visit, and every test that
reads the visit fails on them, as the `tab` fixture's teardown did. An exception during a
visit (a load that times out) is kept too and fails that page's tests only.

The visits of one width share one page (a `ReusedPage`), each a fresh document: a new page
costs the browser about half a core-second more than a navigation of one it has (measured:
20 loads of two guide pages, 0.8-0.9 core-s each in new pages, 0.3 in one page). Between
visits the tab's sessionStorage is cleared and the page goes to about:blank (the document and
its workers end there, and what they did is in the record before it is kept; see
tests/support/page_pool.py `leave`), print media is switched off, the watch starts a new
record and the origin's storage is cleared, so each visit starts as a new page's first load
did. A page whose visit failed, or that could not leave, is closed, and the next visit gets
a new one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tests.conftest import forget_storage
from tests.support import page_checks as js
from tests.support.page_pool import leave
from tests.support.quality import AXE, PHONE, axe_violations, new_context, tool_pages, watched_page
from tests.support.warm import seed


@dataclass
class Visit:
    """What one load of one page measured (a key is absent when the check does not apply
    to that page), and what its watch recorded."""

    found: dict = field(default_factory=dict)
    offsite: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    failure: str = ""

    def get(self, key):
        """The measurement `key`, after failing on what went wrong during the visit."""
        assert self.failure == "", f"the page's visit failed: {self.failure}"
        assert self.offsite == [], f"requests off the loopback host: {self.offsite}"
        assert self.errors == [], f"console errors: {self.errors}"
        return self.found[key]


class ReusedPage:
    """One watched page of `ctx` for a run of visits (see the module's docstring)."""

    def __init__(self, ctx, base_url: str):
        self.ctx, self.base_url, self.page = ctx, base_url, None

    def visit(self, measure) -> Visit:
        """Runs `measure(page)` on a fresh document of the page; what it found and what
        the page's watch recorded during it."""
        if self.page is None:
            self.page = watched_page(self.ctx)
        page = self.page
        forget_storage(page, self.base_url)
        visit = Visit()
        try:
            visit.found = measure(page) or {}
        except Exception as exc:  # kept for this page's tests, which fail on it
            visit.failure = f"{type(exc).__name__}: {exc}"
        left = leave(page, self.base_url)
        try:
            page.emulate_media(media="null")
        except Exception:
            left = False
        visit.offsite, visit.errors = list(page.watch.offsite), list(page.watch.errors)
        page.watch.forget()
        if visit.failure or not left:
            self.close()
        return visit

    def close(self) -> None:
        if self.page is not None:
            self.page.close()
            self.page = None


def phone_context(browser, viewport=PHONE):
    """A phone: 375 px, device pixel ratio 2, mobile, touch."""
    return new_context(browser, viewport, device_scale_factor=2, is_mobile=True, has_touch=True)


class PageAudits:
    """Visits each page (lazily, on the first test that asks) once at desktop width and once
    at 375 px, in two contexts kept for the module (the HTTP cache carries over, as in the
    module contexts of conftest). With `snapshot`, both contexts hold the session's Pyodide
    snapshot from the start, so a widget page starts warm, as a reader's second visit does:
    a page closed right after its checks never stays idle long enough to store one."""

    def __init__(self, browser, base_url: str, snapshot: dict | None = None):
        assert AXE.exists(), "node_modules/axe-core is missing: ./scripts/test runs npm ci"
        self.base_url = base_url
        self.desktop = new_context(browser)
        self.phone = phone_context(browser)
        for ctx in (self.desktop, self.phone):
            ctx.add_init_script(path=str(AXE))
            if snapshot:  # the session's Pyodide snapshot (tests/support/warm.py)
                seed(ctx, base_url, snapshot)
        self.print_pages = set(js.PRINT_GUIDES) | set(tool_pages())
        self.counts = Counter()  # axe's phone-width findings by rule, and pages "checked"
        self._visits: dict[tuple[str, str], Visit] = {}
        self._pages = {"desktop": ReusedPage(self.desktop, base_url),
                       "phone": ReusedPage(self.phone, base_url)}

    def close(self) -> None:
        for page in self._pages.values():
            page.close()
        self.desktop.close()
        self.phone.close()

    def desktop_visit(self, url: str) -> Visit:
        return self._visit("desktop", url)

    def phone_visit(self, url: str) -> Visit:
        return self._visit("phone", url)

    def _visit(self, width: str, url: str) -> Visit:
        key = (width, url)
        if key not in self._visits:
            ctx = self.desktop if width == "desktop" else self.phone
            measure = self._measure_desktop if width == "desktop" else self._measure_phone
            self._visits[key] = self._pages[width].visit(lambda page: measure(page, ctx, url))
        return self._visits[key]

    def _measure_desktop(self, page, ctx, url) -> dict:
        found = {}
        response = page.goto(self.base_url + url)
        # The first load's privacy (test_privacy): right after the load, as before.
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        found["ok"] = response.ok
        found["csp_count"] = policy.count()
        found["csp"] = policy.get_attribute("content") if found["csp_count"] == 1 else None
        found["referrer"] = page.locator('meta[name="referrer"]').get_attribute("content")
        found["stored"] = page.evaluate(js.STORED_KEYS)
        found["cookies"] = ctx.cookies()
        found["requests"] = list(page.watch.requests)
        # axe at desktop width (test_a11y).
        found["axe"] = axe_violations(page)
        # Print (test_print), last: it changes the media.
        if url in self.print_pages:
            page.evaluate(js.MARK_SCREEN_VISIBLE)
            page.emulate_media(media="print")
            found["print"] = page.evaluate(js.PRINT_PROBLEMS, [js.CHROME, js.DATES.pattern])
        return found

    def _measure_phone(self, page, ctx, url) -> dict:
        found = {}
        page.goto(self.base_url + url)
        # The fit and the tap targets (test_phone), right after the load, as before.
        found["width"] = page.evaluate(js.DOCUMENT_WIDTH)
        found["sticking_out"] = page.evaluate(js.STICKING_OUT, js.WIDTH)
        found["boxes"] = page.evaluate(js.SCROLL_BOXES, js.WIDTH)
        found["small"] = page.evaluate(js.SMALL_TARGETS, "page")
        if url in js.TABLE_PAGES:
            found["tables"] = page.evaluate(js.TABLE_REGIONS)
        # axe at phone width (test_a11y_phone).
        found["axe"] = axe_violations(page)
        return found
