"""Carrying data into and out of the debts tool (issue 12: "budget → debts", "debts → options"),
in both scripts, in one module-shared context (tests/conftest.py):

- budget → debts: with nothing kept, the debts tool offers no "用“还款能力”工具里保存的结果"; once
  the reader has typed their own budget and ticked "remember" on the budget tool (storage.js
  writes "yqxs:calc:budget"), the debts tool shows the button [data-action=use-budget] beside
  its capacity, and a click fills the capacity with calc.api.run("budget") of exactly what was
  kept, and the debts answer on screen is calc's for that capacity;
- debts → options: after an input error every "比较这笔的协商方案" button
  ([data-action=debt-to-options], one in each debt's line of the results) is disabled and aria-disabled,
  and a click that reaches one anyway (a dispatched event) stores nothing and stays; with the
  reader's numbers (markers typed by the test) that debt's button opens the options tool of the
  same script, whose form holds that debt's balance, rate and kind as typed and calc's share
  of the capacity for it (the other settings the example's, savings 0), shows calc's answer
  for it, says what came from the debts tool, and the sessionStorage key is gone; the address
  has no query or fragment and no request carries a typed value (PageWatch log).
"""

from __future__ import annotations

import json

import pytest

from calc import api
from tests.browser.test_to_plan import read_form, typed_in, wait_form
from tests.browser.test_widgets_browser import LANGS, READY_TIMEOUT, form_of, set_field, url, wait_outputs
from tests.support import warm

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

KEY = "yqxs:from-plan"
BUDGET_KEY = "yqxs:calc:budget"
LENDER = "庚辛测试消金H12"  # markers typed by the test, never in the site's files
INCOME = "9871"
BALANCE = "23457"
MARKERS = [LENDER, INCOME, BALANCE]


def ready(page, base_url, lang, name):
    page.goto(url(base_url, lang, name))
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    wait_form(page, name, "!f.hasAttribute('data-pending')")
    return form_of(page, name)


def carry_buttons(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-widget="debts"] [data-action=debt-to-options]')]
              .map(b => ({disabled: b.disabled, aria: b.getAttribute('aria-disabled'),
                          row: !!b.closest('ul[data-items="debts"] > li[data-item]')}))""")


def widget_strings(page, name):
    return json.loads(page.locator(f'[data-widget="{name}"] script[data-strings]').text_content())


@pytest.mark.parametrize("lang", LANGS)
def test_the_budget_kept_on_this_device_fills_the_debts_capacity(page, base_url, lang):
    ready(page, base_url, lang, "debts")
    assert page.evaluate(f"() => localStorage.getItem('{BUDGET_KEY}')") is None
    assert page.locator("[data-budget-capacity]").is_hidden(), "nothing kept: nothing offered"

    budget = ready(page, base_url, lang, "budget")
    set_field(budget, "income", 0, INCOME)
    set_field(budget, "expense", 1, "1234")
    budget.locator("[data-action=remember]").check()
    kept = read_form(page, "budget")
    page.wait_for_function("([k, v]) => (localStorage.getItem(k) || '').includes(v)",
                           arg=[BUDGET_KEY, INCOME], timeout=10_000)
    capacity = api.run("budget", kept, lang)["result"]["capacity"]
    assert capacity not in ("", api.run("budget", api.example("budget", lang), lang)["result"]["capacity"])

    debts = ready(page, base_url, lang, "debts")
    box = page.locator("[data-budget-capacity]")
    assert box.is_visible()
    button = box.locator("[data-action=use-budget]")
    assert button.text_content().strip() and button.is_enabled()
    button.click()
    page.wait_for_function("v => document.querySelector('form[data-calc=debts] [name=capacity]').value === v",
                           arg=capacity, timeout=READY_TIMEOUT)
    params = read_form(page, "debts")
    assert params["capacity"] == capacity
    want = api.run("debts", params, lang)
    assert want["ok"], want
    assert want["result"]["capacity"] == capacity
    wait_outputs(page, "debts", want["result"])
    wait_form(page, "debts", "!f.hasAttribute('data-pending')")
    shares = debts.locator("tbody[data-items=debts] > tr[data-item] [data-field=share]").all_inner_texts()
    assert shares == [d["share"] for d in want["result"]["debts"]]
    assert page.locator("[data-live]").first.text_content() == widget_strings(page, "debts")["budget_used"]
    assert typed_in(page.watch.requests, MARKERS) == []
    page.evaluate(f"() => localStorage.removeItem('{BUDGET_KEY}')")


@pytest.mark.parametrize("lang", LANGS)
def test_a_debts_row_opens_the_options_tool_with_that_debt(page, base_url, lang):
    form = ready(page, base_url, lang, "debts")
    set_field(form, "balance", 0, "abc")
    wait_form(page, "debts", "f.dataset.pending === 'error'")
    seen = carry_buttons(page)
    assert len(seen) == len(api.example("debts", lang)["balance"]), seen  # the old rows, marked
    assert all(b["disabled"] and b["aria"] == "true" and b["row"] for b in seen), seen
    here = page.url
    page.locator("[data-action=debt-to-options]").first.dispatch_event("click")
    page.wait_for_timeout(300)
    assert page.url == here and page.evaluate(f"() => sessionStorage.getItem('{KEY}')") is None

    set_field(form, "balance", 0, "48000")
    typed = (("lender", LENDER), ("balance", BALANCE), ("annual_rate", "21"), ("kind", "bank_loan"))
    for field, value in typed:
        set_field(form, field, 1, value)
    set_field(form, "capacity", 0, "3870")
    params = read_form(page, "debts")
    answer = api.run("debts", params, lang)
    assert answer["ok"], answer
    wait_outputs(page, "debts", answer["result"])
    wait_form(page, "debts", "!f.hasAttribute('data-pending')")
    seen = carry_buttons(page)
    assert len(seen) == len(answer["result"]["debts"]), seen
    assert not any(b["disabled"] or b["aria"] for b in seen), seen
    debt = next(d for d in answer["result"]["debts"] if d["lender"] == LENDER)

    row = form.locator("ul[data-items=debts] > li[data-item]", has_text=LENDER)
    row.locator("[data-action=debt-to-options]").click()
    page.wait_for_url(f"**{LANGS[lang]}/tools/options/", timeout=READY_TIMEOUT)
    assert "?" not in page.url and "#" not in page.url, page.url
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    expected = dict(api.example("options", lang))
    expected.update(principal=BALANCE, interest_owed="0", penalty_owed="0", annual_rate="21",
                    kind="bank_loan", capacity=debt["share"], savings="0")
    got = read_form(page, "options")
    assert got == expected, {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
    options = api.run("options", expected, lang)
    assert options["ok"], options
    assert options["result"]["owed"] == f"{BALANCE}.00"
    wait_outputs(page, "options", options["result"])
    wait_form(page, "options", "!f.hasAttribute('data-pending')")
    assert page.evaluate(f"() => sessionStorage.getItem('{KEY}')") is None, "read once, removed"
    page.wait_for_function("() => document.querySelector('[data-from-plan-status]')?.textContent.trim()",
                           timeout=10_000)
    status = page.locator("[data-from-plan-status]").text_content()
    S = json.loads(page.locator("script[data-from-plan-strings]").first.text_content())
    said = (S["options_debts"].replace("{lender}", LENDER).replace("{amount}", debt["balance"])
            .replace("{monthly}", debt["share"]).replace("{minimum}", debt["min_payment"]))
    assert said in status and S["options_savings"] in status, status
    assert page.watch.requests, "the request log is recorded"
    assert typed_in(page.watch.requests, MARKERS) == []
