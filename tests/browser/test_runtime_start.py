"""When Python starts (issue 13, runtime/client.js): a tool page starts the runtime at once;
a guide page whose calculator sits below its prose starts it only when the calculator comes
within a screen of view (or the reader touches it), so a reader who only reads downloads no
runtime and the page's first paint does not compete with Python's boot. Both scripts.

The `page` fixture also fails on a console error or a request off the loopback host."""

from __future__ import annotations

import pytest

from calc import api
from tests.browser.test_widgets_browser import (
    FILL,
    LANGS,
    READY_TIMEOUT,
    set_field,
    wait_outputs,
    with_values,
)
from tests.support import warm

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

GUIDE, NAME = "guide/true-rate/", "apr"  # its calculator is six screens down on a desktop
READY = "() => window.YQXS && window.YQXS.state() === 'ready'"


def runtime_requests(page):
    return [u for u in page.watch.requests if "/pyodide/" in u or u.endswith("/worker.js")]


@pytest.mark.parametrize("lang", LANGS)
def test_a_guide_page_starts_python_when_its_calculator_comes_near(page, base_url, lang):
    page.goto(f"{base_url}{LANGS[lang]}/{GUIDE}")
    page.wait_for_function("() => window.YQXS !== undefined")
    page.wait_for_load_state("networkidle")
    form = page.locator(f'form[data-calc="{NAME}"]')
    assert not form.evaluate("f => f.getBoundingClientRect().top < 2 * innerHeight"), \
        "the calculator is no longer far down the page: pick another guide page"
    assert runtime_requests(page) == []  # reading only: no worker, no Pyodide byte
    form.scroll_into_view_if_needed()
    page.wait_for_function(READY, timeout=READY_TIMEOUT)
    assert [u for u in runtime_requests(page) if u.endswith("/worker.js")]
    # and it computes the reader's numbers as calc does
    for field, index, value in FILL[NAME]:
        set_field(form, field, index, value)
    wait_outputs(page, NAME, api.run(NAME, with_values(NAME, lang, FILL[NAME]), lang)["result"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_tool_page_starts_python_at_once(page, base_url, lang):
    page.goto(f"{base_url}{LANGS[lang]}/tools/card/")
    page.wait_for_function(READY, timeout=READY_TIMEOUT)  # without scrolling or touching
    assert [u for u in runtime_requests(page) if u.endswith("/worker.js")]


# A worker told to hold (runtime/client.js does so while the page is still loading) asks for
# Pyodide's files at once but starts a cold Python only on "go" (the page's load, or
# HOLD_MAX_MS): on two cores a cold start slowed the page's own. A stored snapshot is
# restored at once, held or not (a tenth of the CPU). Driven here by hand, on a guide page
# whose own runtime waits for its calculator to come near (so this worker is the only one).
HELD_WORKER = """([hold, snapshot]) => {
  const s = document.getElementById('widget-runtime');
  const dir = new URL(s.dataset.pyodide, document.baseURI).href;
  const held = window.__held = { steps: [], results: [] };
  held.worker = new Worker(new URL('worker.js', s.src), { type: 'module', name: 'held' });
  held.worker.onmessage = (e) => {
    const d = e.data || {};
    if (d.type === 'result') held.results.push(d.result);
    else held.steps.push(d.type === 'progress' ? d.step : d.type);
    if (d.step === 'ready') held.from = d.from;
  };
  held.worker.postMessage({ type: 'init', indexURL: dir, wheelURL: new URL(s.dataset.wheel, dir).href,
                            stdLibURL: new URL(s.dataset.stdlib, dir).href, snapshot, hold });
}"""
HOLD_SECONDS = 5  # a cold start takes 2-3 s after its files on a quiet machine


def held_worker_answers_like_calc(page):
    params = api.example(NAME, "zh")
    page.evaluate("(p) => window.__held.worker.postMessage({ type: 'run', id: 1, name: 'apr', params: p,"
                  " lang: 'zh' })", params)
    page.wait_for_function("() => window.__held.results.length === 1", timeout=READY_TIMEOUT)
    assert page.evaluate("window.__held.results[0]") == api.run(NAME, params, "zh")


def test_a_held_worker_downloads_at_once_and_starts_a_cold_python_only_on_go(page, base_url):
    page.goto(f"{base_url}/{GUIDE}")
    page.wait_for_function("() => window.YQXS !== undefined")
    finished = []
    page.on("requestfinished", lambda r: "/pyodide/" in r.url and finished.append(r.url))
    page.evaluate(HELD_WORKER, [True, False])  # no snapshot: a cold start
    page.wait_for_function("() => window.__held.steps.includes('download')", timeout=READY_TIMEOUT)
    end = page.evaluate("Date.now()") + READY_TIMEOUT
    while not (any(u.endswith("pyodide.asm.wasm") for u in finished)
               and any("python_stdlib-" in u for u in finished)):
        assert page.evaluate("Date.now()") < end, f"the held worker's files did not arrive: {finished}"
        page.wait_for_timeout(50)
    page.wait_for_timeout(HOLD_SECONDS * 1000)
    steps = page.evaluate("window.__held.steps")
    assert "ready" not in steps and "calc" not in steps, steps  # downloaded, not started
    page.evaluate("window.__held.worker.postMessage({ type: 'go' })")
    page.wait_for_function("() => window.__held.steps.includes('ready')", timeout=READY_TIMEOUT)
    held_worker_answers_like_calc(page)


def test_a_held_worker_restores_a_stored_snapshot_without_waiting_for_go(page, base_url):
    page.goto(f"{base_url}/{GUIDE}")  # this module's context holds the session's snapshot
    page.wait_for_function("() => window.YQXS !== undefined")
    page.evaluate(HELD_WORKER, [True, True])  # held, and never sent "go"
    page.wait_for_function("() => window.__held.steps.includes('ready')", timeout=READY_TIMEOUT)
    assert page.evaluate("window.__held.from") == "snapshot"
    held_worker_answers_like_calc(page)
