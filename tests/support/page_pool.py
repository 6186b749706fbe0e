"""Watched pages reused from test to test in one module context (issue 14: the suite's time).

A new page costs the browser about half a core-second more than a navigation of a page it
already has (20 loads of two guide pages: 0.8-0.9 core-s each in new pages, 0.3 in one
page; most of it in the browser process and the renderer, not in starting a process). So
conftest's `tab`, `page` and `phone` fixtures take their page from the context's pool and
give it back after the test, and the next test gets it as a new page would be:

- Each test starts on a fresh document: the page is sent to about:blank after the test
  (its document and workers end there), so the test's own first `goto` loads from scratch,
  and the origin's storage is cleared before it starts, as for a new page. The tab's own
  sessionStorage (the plan and letter tools carry data through it) is not reached by CDP's
  Storage.clearDataForOrigin, so it is cleared from the test's last document, which must be
  one of ours for the page to be reused (`leave`).
- The watch starts a new record (PageWatch.forget) once the old one has been checked, and
  the checks are the same: the test fails on what its page recorded, up to about:blank.
- Listeners the test added (`page.on`, `page.once`) are removed.
- A page with anything that outlives a document is closed instead of being given back:
  the calls in STICKY (routes, init scripts, exposed functions, emulation, viewport,
  headers, timeouts, locator handlers), a key or mouse button left down, a CDP session the
  test opened for it, a page the test closed, one whose last document was not of our
  origin, or one that could not leave for about:blank.

Mouse hover does not carry over to the next document (checked in Chromium: after a move and
a navigation, nothing is :hover until the mouse moves again), nor does focus.
"""

from __future__ import annotations

from tests.support.quality import watched_page

# Page calls whose effect outlives the document: a page that made one is not reused.
STICKY = ("route", "route_from_har", "route_web_socket", "unroute", "unroute_all",
          "add_init_script", "expose_function", "expose_binding", "set_viewport_size",
          "emulate_media", "set_extra_http_headers", "set_default_timeout",
          "set_default_navigation_timeout", "add_locator_handler", "remove_locator_handler")
HELD = {"keyboard": ("down",), "mouse": ("down",)}  # press/click release what they hold


def leave(page, base_url: str) -> bool:
    """Clears the tab's sessionStorage from its document of our origin, then ends the
    document (about:blank); False when the page was elsewhere or could not leave."""
    if not page.url.startswith(base_url + "/"):
        return False
    try:
        page.evaluate("sessionStorage.clear()")
        page.goto("about:blank")
        return True
    except Exception:
        return False


class PagePool:
    """The reusable pages of one browser context (one per context: `of(ctx)`)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.free: list = []
        self.taken: set = set()
        plain = ctx.new_cdp_session

        def new_cdp_session(target):  # a test's own CDP session can change the page for good
            if target in self.taken:
                target.sticky.append("new_cdp_session")
            return plain(target)

        ctx.new_cdp_session = new_cdp_session

    @staticmethod
    def of(ctx) -> PagePool:
        pool = getattr(ctx, "_yqxs_pool", None)
        if pool is None:
            pool = ctx._yqxs_pool = PagePool(ctx)
        return pool

    def take(self, base_url: str):
        """A watched page, with none of our storage left by earlier tests: one given back
        by an earlier test, or a new one."""
        from tests.conftest import forget_storage

        page = self.free.pop() if self.free else self._new()
        forget_storage(page, base_url)  # its CDP session is ours, not the test's
        page.sticky, page.listeners, page.base_url = [], [], base_url
        self.taken.add(page)
        return page

    def give_back(self, page) -> tuple[list, list]:
        """Ends the test's use of `page`; what its watch recorded (off-host requests, errors).
        The page goes back to the pool only when nothing of the test's can outlive it."""
        self.taken.discard(page)
        reusable = not page.is_closed() and not page.sticky
        for event, handler in page.listeners:
            page.remove_listener(event, handler)
        reusable = reusable and leave(page, page.base_url)
        if not reusable and not page.is_closed():
            page.close()
        recorded = list(page.watch.offsite), list(page.watch.errors)
        page.watch.forget()
        if reusable:
            self.free.append(page)
        return recorded

    def _new(self):
        page = watched_page(self.ctx)  # the watch's own listeners stay for the page's life
        for name in STICKY:
            setattr(page, name, _marking(page, getattr(page, name), name))
        for device, names in HELD.items():
            for name in names:
                target = getattr(page, device)
                setattr(target, name, _marking(page, getattr(target, name), f"{device}.{name}"))
        for name in ("on", "once"):
            setattr(page, name, _listening(page, getattr(page, name)))
        return page


def _marking(page, call, name):
    def marked(*args, **kwargs):
        page.sticky.append(name)
        return call(*args, **kwargs)
    return marked


def _listening(page, call):
    def listen(event, handler):
        page.listeners.append((event, handler))
        return call(event, handler)
    return listen
