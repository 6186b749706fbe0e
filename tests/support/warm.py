"""A warm runtime for the browser tests that compute (issue 14: the suite's time).

conftest's module-shared `context` keeps Cache Storage from test to test, so a page can
start Pyodide from the memory snapshot an earlier page stored. But a module's first pages
start cold: the worker stores a snapshot only in idle time after the worked example, never
from a heap that has parsed what the reader typed (then a second, background Pyodide, the
snapshot worker, boots to make one), and a test types at once and may close its page before
either is done. Each module paid one or more cold starts and a background boot before its
pages started warm; a module of a few short tests could stay cold throughout. (Measured at
load 24-35 in one probe: a cold start 36 s, a warm one 6-8 s.)

Here the snapshot is made once per test run (the first xdist worker to need it makes it, the
others read it from the run's shared folder): a page of its own
context starts cold, computes only its worked example, and the worker stores its snapshot
as it does for any reader. Its Cache Storage entry (gzip bytes and headers, exactly as
stored) is then put into each module context these fixtures make, before any test page
opens, so the module's first page starts warm as its later ones would. The runtime still
checks the entry before restoring it (size, gzip, `_yqxs_check`), as for a reader's.

Modules import the fixtures they use, which take the place of conftest's of the same name:

    from tests.support import warm
    context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

A test about the cold start or the first load keeps `fresh_page` (a context of its own,
no snapshot) or a context it makes itself.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlsplit

import pytest

from tests.conftest import once_per_run
from tests.support.quality import PHONE, close_clean, new_context, watched_page

SNAPSHOT_PREFIX = "yqxs-pyodide-snapshot-"
READY_TIMEOUT = 120_000  # a cold Pyodide start on a busy 2-core machine

# The stored snapshot entry, if any: {cache, url, headers, body (base64)}.
READ_ENTRY = """async (prefix) => {
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      }
      return {cache: name, url: request.url, headers: Object.fromEntries(response.headers),
              body: btoa(binary)};
    }
  }
  return null;
}"""

PUT_ENTRY = """async (entry) => {
  const binary = atob(entry.body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const cache = await caches.open(entry.cache);
  await cache.put(entry.url, new Response(bytes, {headers: entry.headers}));
  return (await cache.match(entry.url)) ? bytes.length : 0;
}"""


def wait_until(page, script: str, arg=None, timeout: float = 60_000):
    """Until the JS function `script` (sync or async) returns something truthy, or `timeout`
    ms have passed: its value, or None. The loop runs in the page, 50 ms between calls.
    (page.wait_for_function does not await an async predicate: its promise is truthy at
    once, so it returns after one call, whatever the call resolves to.)"""
    return page.evaluate(
        f"""async (arg) => {{
            const fn = ({script});
            const end = Date.now() + {float(timeout)};
            for (;;) {{
                const value = await fn(arg);
                if (value) return value;
                if (Date.now() > end) return null;
                await new Promise((resolve) => setTimeout(resolve, 50));
            }}
        }}""", arg)


@pytest.fixture(scope="session")
def pyodide_snapshot(request, tmp_path_factory, browser, base_url) -> dict:
    """The snapshot entry a cold start of the stage tool stores (the worker's own). Under
    pytest-xdist the first worker to need it makes it and the others read it (conftest's
    once_per_run, as for the site's build): one cold start per run, not one per worker, and on a
    2-core machine that one runs alone instead of beside another."""
    entry = json.loads(once_per_run(request, tmp_path_factory, "pyodide-snapshot.json",
                                    lambda: json.dumps(make_snapshot(browser, base_url))))
    # Its cache key is a URL of the worker that made it: each worker serves on its own port.
    path = urlsplit(entry["url"])
    entry["url"] = base_url + path.path + (f"?{path.query}" if path.query else "")
    return entry


def make_snapshot(browser, base_url) -> dict:
    """Starts the stage tool cold in a context of its own; the entry its worker stores."""
    ctx = new_context(browser)
    try:
        page = watched_page(ctx)
        stored = []
        page.on("console", lambda m: "snapshot stored" in m.text and stored.append(m.text))
        page.goto(base_url + "/tools/stage/")
        page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
        assert page.evaluate("YQXS.startedFrom()") == "cold"
        entry = wait_until(page, READ_ENTRY, SNAPSHOT_PREFIX, timeout=READY_TIMEOUT)
        close_clean(page)
    finally:
        ctx.close()
    assert entry and entry["headers"].get("x-encoding") == "gzip-pages", entry and entry["headers"]
    assert len(base64.b64decode(entry["body"])) > 1000
    return entry


def seed(ctx, base_url, entry) -> None:
    """Put the session's snapshot entry into ctx's Cache Storage (from a page of our origin
    that starts no runtime)."""
    page = watched_page(ctx)
    # A text page gets no favicon link, so Chromium asks for /favicon.ico, which the site
    # does not have; this page is not under test (its route keeps the 404 off the console).
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(base_url + "/robots.txt")
    assert page.evaluate(PUT_ENTRY, entry) == len(base64.b64decode(entry["body"]))
    close_clean(page)


@pytest.fixture(scope="module")
def context(browser, base_url, pyodide_snapshot):
    """conftest's desktop `context`, with the session's snapshot already stored in it."""
    ctx = new_context(browser)
    seed(ctx, base_url, pyodide_snapshot)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def phone_context(browser, base_url, pyodide_snapshot):
    """conftest's 375 px `phone_context`, with the session's snapshot already stored in it."""
    ctx = new_context(browser, PHONE)
    seed(ctx, base_url, pyodide_snapshot)
    yield ctx
    ctx.close()
