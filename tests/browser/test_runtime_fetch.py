"""How a tool page's first visit asks for the runtime (issue 13's slow-link goal).

- The worker asks for the big runtime files at once on "init", beside importing
  pyodide.mjs, instead of one hop after it (the request chain cost 150 ms and more per hop
  on a slow link): the wasm and the standard library are requested before pyodide.mjs has
  finished loading, and Pyodide's own fetch of each takes that response, so every runtime
  file is requested exactly once, and the answer is calc's.
- On a tool page the service worker is registered only once the runtime is there (after
  Python is ready or the first answer), so its install takes neither the link nor a core
  from the runtime's downloads and boot; it is still registered, and a guide page (no
  runtime) registers it at load as before.

In contexts of their own that allow service workers (a cold start: an empty HTTP cache).
"""

from __future__ import annotations

import pytest

from calc import api
from tests.conftest import PageWatch
from tests.support.quality import DESKTOP

READY = 120_000  # a cold Pyodide start on a busy 2-core machine
LANGS = {"zh": "", "zh-Hant": "/zh-Hant"}
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib", ".whl")

# When the page called navigator.serviceWorker.register, and when the runtime said "ready"
# (performance.now() in the page), recorded from the page's first script on.
WATCH = """(() => {
  window.__t = {};
  const sw = navigator.serviceWorker;
  if (sw) {
    const register = sw.register.bind(sw);
    sw.register = (...args) => { window.__t.register ??= performance.now(); return register(...args); };
  }
  document.addEventListener('yqxs:result', () => { window.__t.result ??= performance.now(); }, true);
  const poll = setInterval(() => {
    if (!window.YQXS) return;
    clearInterval(poll);
    window.YQXS.onState((s) => { if (s === 'ready') window.__t.ready ??= performance.now(); });
  }, 2);
})();"""


def file_of(url: str) -> str | None:
    path = url.split("?")[0]
    for name in RUNTIME_FILES:
        last = path.rsplit("/", 1)[-1]
        if (name.startswith(".") and last.endswith(name)) or last == name or (
                name == "python_stdlib" and last.startswith(name) and last.endswith(".zip")):
            return name
    return None


@pytest.fixture
def sw_page(browser):
    ctx = browser.new_context(viewport=DESKTOP, locale="zh-CN", service_workers="allow")
    page = ctx.new_page()
    page.watch = PageWatch(page)
    try:
        yield page
    finally:
        page.watch.assert_clean()
        ctx.close()


@pytest.mark.parametrize("lang", ["zh-Hant"])
def test_a_tool_page_asks_for_each_runtime_file_once_at_once_and_registers_its_worker_after(
        sw_page, base_url, lang):
    page = sw_page
    events: list[tuple[str, str]] = []  # ("request" | "finished", runtime file), in order
    page.on("request", lambda r: file_of(r.url) and events.append(("request", file_of(r.url))))
    page.on("requestfinished", lambda r: file_of(r.url) and events.append(("finished", file_of(r.url))))
    page.add_init_script(WATCH)
    page.goto(f"{base_url}{LANGS[lang]}/tools/payoff/")

    params = {**api.example("payoff", lang), "monthly_payment": "2345"}
    want = api.run("payoff", params, lang)["result"]["months"]
    page.locator('form[data-calc="payoff"] [name="monthly_payment"]').fill("2345")
    page.wait_for_function(
        "want => document.querySelector('form[data-calc=payoff] output[name=months]').dataset.value === want"
        " && !document.querySelector('form[data-calc=payoff]').hasAttribute('data-pending')",
        arg=want, timeout=READY)
    answered = list(events)

    # Once each, up to the answer (a second fetch of the wasm would cost 2.7 MB on the wire).
    asked = [name for kind, name in answered if kind == "request"]
    assert sorted(asked) == sorted(RUNTIME_FILES), answered
    # The wasm and the stdlib were asked for before pyodide.mjs was in: not one hop after it.
    mjs_in = answered.index(("finished", "pyodide.mjs"))
    for name in ("pyodide.asm.wasm", "python_stdlib"):
        assert answered.index(("request", name)) < mjs_in, answered

    # The service worker: registered, but not before the runtime was ready.
    page.wait_for_function("() => window.__t.register !== undefined", timeout=30_000)
    times = page.evaluate("window.__t")
    assert times.get("ready") is not None, times
    assert times["register"] >= times["ready"], times
    page.wait_for_function(
        "() => navigator.serviceWorker.getRegistration().then(r => Boolean(r && r.active))", timeout=30_000)


def test_a_guide_page_registers_the_service_worker_at_load(sw_page, base_url):
    page = sw_page
    page.add_init_script(WATCH)
    page.goto(f"{base_url}/guide/prepare/", wait_until="load")
    page.wait_for_function("() => window.__t.register !== undefined", timeout=10_000)
    assert not [u for u in page.watch.requests if "/pyodide/" in u]
    page.wait_for_function(
        "() => navigator.serviceWorker.getRegistration().then(r => Boolean(r && r.active))", timeout=30_000)
