"""The warm start of a reader who types while the runtime loads (issue 13).

A cold runtime that has parsed the reader's input makes no snapshot of its own heap; once
idle it has runtime/client.js start a second worker in the snapshot role (worker.js). This
checks, through Debian's nginx with deploy/nginx.conf (scripts/nginx_host.py, whose access
log shows every request that reached the host):

- the reader's answer comes first, then the snapshot is stored although the reader typed;
- the snapshot worker took nothing from the network (no /pyodide/ request after the answer:
  its fetches are only-if-cached);
- the stored heap does not hold what the reader typed (gunzipped in the page and searched);
- the next visit starts from it and answers as calc does.
"""

from __future__ import annotations

import time

from calc import api
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.nginx_host import NginxHost
from tests.conftest import TEST_ARGS
from tests.support.quality import DESKTOP

PAGE = "/tools/payoff/"
TYPED = "2718.29"  # the reader's monthly payment: searched for in the stored heap
READY = 120_000
GAVE_UP = ("snapshot worker: no snapshot", "snapshot not stored:", "snapshot not made:")  # worker.js
SNAPSHOT_WAIT = 120  # s: the snapshot worker's boot on a busy 2-core machine

ANSWER = """([name, want]) => {
  const out = document.querySelector(`form[data-calc="payoff"] output[name="${name}"]`);
  return out && out.dataset.value === want;
}"""

# Is `needle` (ASCII) anywhere in the gunzipped snapshot entry (its heap's non-zero pages, in
# order: snapshot-cache.js packPages)? null when there is none.
HEAP_HOLDS = """async (needle) => {
  for (const name of await caches.keys()) {
    if (!name.startsWith('yqxs-pyodide-snapshot-')) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const hit = await cache.match(request);
      const raw = new Uint8Array(await new Response(
        hit.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
      const want = new TextEncoder().encode(needle);
      outer: for (let i = raw.indexOf(want[0]); i !== -1 && i <= raw.length - want.length;
                  i = raw.indexOf(want[0], i + 1)) {
        for (let j = 1; j < want.length; j++) if (raw[i + j] !== want[j]) continue outer;
        return true;
      }
      return raw.length > 1_000_000 ? false : null;
    }
  }
  return null;
}"""


def expected(monthly: str) -> str:
    params = dict(api.example("payoff", "zh"), monthly_payment=monthly)
    return api.run("payoff", params, "zh")["result"]["months"]


def test_a_reader_who_types_during_the_load_still_gets_a_warm_start(built_site, browser, tmp_path):
    example = api.example("payoff", "zh")["monthly_payment"]
    # both inputs change the pre-rendered answer, so the waits below see calc's new one
    assert expected(example) not in (expected(TYPED), expected("2100"))
    with NginxHost(built_site, https=True, access_log=True) as host:
        # A profile on disk, as a reader's browser has: an incognito context's in-memory HTTP
        # cache keeps no entry over about 1.25 MB (the wasm), and then the snapshot worker,
        # which never downloads, rightly gives up.
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
            args=[*CHROMIUM_ARGS, *TEST_ARGS, f"--ignore-certificate-errors-spki-list={host.spki}"],
            viewport=DESKTOP, locale="zh-CN", service_workers="block")
        try:
            # Plain pages, no routes: Playwright turns the HTTP cache off while it intercepts
            # requests, and the snapshot worker reads only from the cache.
            page = context.new_page()
            notices: list[str] = []
            errors: list[str] = []
            off_host: list[str] = []
            context.on("request", lambda r: None if r.url.startswith(host.url) else off_host.append(r.url))
            page.on("console", lambda m: notices.append(m.text) if "calculator runtime" in m.text else None)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(host.url + PAGE, wait_until="commit")
            field = page.locator('form[data-calc="payoff"] [name="monthly_payment"]')
            field.wait_for(state="attached", timeout=READY)
            field.fill(TYPED)  # as soon as it exists: before or while the runtime starts
            page.wait_for_function(ANSWER, arg=["months", expected(TYPED)], timeout=READY)
            page.wait_for_function("() => YQXS.state() === 'ready'", timeout=READY)
            assert page.evaluate("YQXS.startedFrom()") == "cold"
            answered = len(host.log_lines())

            deadline = time.monotonic() + SNAPSHOT_WAIT
            while not any("snapshot stored:" in n for n in notices):
                assert not [n for n in notices if any(end in n for end in GAVE_UP)], notices
                assert time.monotonic() < deadline, f"no snapshot stored within {SNAPSHOT_WAIT} s: {notices}"
                page.wait_for_timeout(250)
            # this runtime parsed the reader's input: the snapshot came from the other worker
            assert any("seen the reader's input" in n for n in notices), notices
            after = [r[3] for r in host.log_lines()[answered:]]
            assert not [u for u in after if u.startswith("/pyodide/")], after
            assert page.evaluate(HEAP_HOLDS, "_yqxs_run") is True  # the search finds what is there
            assert page.evaluate(HEAP_HOLDS, TYPED) is False
            page.close()

            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(host.url + PAGE)
            page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY)
            assert page.evaluate("YQXS.startedFrom()") == "snapshot"
            page.locator('form[data-calc="payoff"] [name="monthly_payment"]').fill("2100")
            page.wait_for_function(ANSWER, arg=["months", expected("2100")], timeout=READY)
            page.close()
            assert not errors and not off_host, (errors, off_host)
        finally:
            context.close()
