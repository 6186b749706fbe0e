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
