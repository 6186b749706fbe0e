"""Remembering asks the browser to keep the site's storage, and only then (issue 13).

navigator.storage.persist() is asked only when the reader opts in to "remember" (DESIGN,
issue 13), once per page, through one path (runtime/storage.js keepOnDevice): the
calculators' remember box and the checklist's (tools/checklist.js) alike. The test counts
the calls (persist replaced by a counter before the page's scripts run): none while the
reader only uses the form, one when they tick "remember", no more after that.
"""

from __future__ import annotations

import pytest

COUNT_PERSIST = """
window.__persistCalls = 0;
if (navigator.storage) {
  navigator.storage.persist = () => { window.__persistCalls += 1; return Promise.resolve(true); };
}
"""
CALLS = "() => window.__persistCalls"


@pytest.mark.parametrize("path", ["/tools/checklist/", "/zh-Hant/tools/checklist/"])
def test_checklist_remember_asks_for_persistent_storage_once(page, base_url, path):
    page.add_init_script(COUNT_PERSIST)
    page.goto(base_url + path)
    form = page.locator('form[data-tool="checklist"]')
    items = form.locator('input[name="item"]')
    items.nth(0).check()
    form.locator('input[name="lender"]').fill("某银行")
    assert page.evaluate(CALLS) == 0  # used, not remembered: nothing asked
    assert page.evaluate("() => localStorage.getItem('yqxs:checklist')") is None
    form.locator('input[name="remember"]').check()
    page.wait_for_function("() => window.__persistCalls === 1")
    assert page.evaluate("() => localStorage.getItem('yqxs:checklist')") is not None
    items.nth(1).check()
    page.wait_for_function("() => localStorage.getItem('yqxs:checklist').includes('某银行')")
    assert page.evaluate(CALLS) == 1  # once per page
    page.locator('[data-action="forget"]').first.click()
    assert page.evaluate("() => localStorage.getItem('yqxs:checklist')") is None


def test_calculator_remember_asks_the_same_way(page, base_url):
    page.add_init_script(COUNT_PERSIST)
    page.goto(base_url + "/tools/payoff/")
    form = page.locator('form[data-calc="payoff"]')
    form.locator('[name="monthly_payment"]').fill("2500")
    assert page.evaluate(CALLS) == 0
    form.locator("[data-action=remember]").check()
    page.wait_for_function("() => window.__persistCalls === 1")
    form.locator('[name="monthly_payment"]').fill("2600")
    page.wait_for_function("() => (localStorage.getItem('yqxs:calc:payoff') || '').includes('2600')",
                           timeout=120000)
    assert page.evaluate(CALLS) == 1
