""""Put this into my plan" (issue 12): the budget, debts and options tools each have a
[data-action=to-plan] button that takes their current input to /tools/plan/ of the same
script, in this tab's sessionStorage ("yqxs:to-plan"), never the URL.

For each tool, in both scripts, in one module-shared context (tests/conftest.py):
- a value calc refuses first: the button is disabled (and aria-disabled) and a click that
  reaches it anyway (a dispatched event) neither stores anything nor leaves the page;
- the reader's own numbers (unique markers typed by the test): the click opens the plan,
  whose form then holds exactly the carried values merged into it (YQXS.readForm compared
  with the params this test builds from calc.api.example: budget rows replace the income and
  expense rows and the buffer, debts rows replace the debt rows, the options debt replaces
  the example's rows as a row of its own), the plan shows calc.api.run's answer for them,
  the status line says so in the page's script, the key is gone from sessionStorage, the
  address has no query or fragment, and no request carries a typed value (PageWatch log).
- an options debt is added to the reader's own (remembered) plan rows, not put in their place.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from calc import api
from tests.browser.test_plan_share import wait_offers
from tests.browser.test_widgets_browser import LANGS, READY_TIMEOUT, form_of, set_field, url, wait_outputs
from tests.support import warm

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

KEY = "yqxs:to-plan"
LABEL = "测试收入H12"  # markers typed by the test, never in the site's files
LENDER = "甲乙测试网贷H12"
OWN = "自己的测试银行H12"

# tool -> (a field calc refuses "abc" in, the reader's own numbers as (field, index, value))
TOOLS = {
    "budget": ("income", [("income_label", 0, LABEL), ("income", 0, "12345"), ("expense", 0, "2345"),
                          ("buffer_ratio", 0, "15")]),
    "debts": ("balance", [("lender", 0, LENDER), ("balance", 0, "23456"), ("days_overdue", 0, "77")]),
    "options": ("principal", [("principal", 0, "41234"), ("annual_rate", 0, "21"),
                              ("kind", 0, "credit_card")]),
}
MARKERS = {"budget": [LABEL, "12345", "2345"], "debts": [LENDER, "23456"], "options": ["41234"]}
DEBT_ROW = ("lender", "kind", "balance", "annual_rate", "min_payment", "days_overdue", "sued", "due_day")


def read_form(page, name):
    return page.evaluate(f"() => YQXS.readForm(document.querySelector('form[data-calc=\"{name}\"]'))")


def session_key(page):
    return page.evaluate(f"() => sessionStorage.getItem('{KEY}')")


def button_state(page):
    return page.locator("[data-action=to-plan]").evaluate(
        "b => ({disabled: b.disabled, aria: b.getAttribute('aria-disabled')})")


def wait_form(page, name, condition):
    page.wait_for_function(f"() => {{ const f = document.querySelector('form[data-calc=\"{name}\"]'); "
                           f"return {condition}; }}", timeout=READY_TIMEOUT)


def options_row(params, result):
    """The plan debt row an options debt becomes: calc's `owed` as the balance, no lender
    (the options tool has none; calc names the debt by its kind and row)."""
    return {"lender": "", "kind": params["kind"], "balance": result["owed"],
            "annual_rate": params["annual_rate"], "min_payment": "", "days_overdue": "", "sued": "no",
            "due_day": ""}


def plan_strings(page):
    return json.loads(page.locator('[data-widget="plan"] script[data-strings]').text_content())


def carried_into_plan(tool, params, lang, base=None):
    """The plan params the plan page should hold after `tool`'s params came in: the plan's
    worked example (or `base`, the plan's own input) with the tool's part merged in."""
    plan = dict(base or api.example("plan", lang))
    if tool == "budget":
        for k in ("income", "income_label", "expense", "expense_label", "buffer_ratio"):
            plan[k] = params[k]
    elif tool == "debts":
        n = len(params["lender"])
        for k in DEBT_ROW[:6]:
            plan[k] = params[k]
        plan["sued"], plan["due_day"] = ["no"] * n, [""] * n
    return plan


def typed_in(urls, needles):
    return [(n, u) for u in urls for n in needles if n in u or quote(n) in u]


def go_to_tool_with_an_error_first(page, base_url, lang, tool):
    bad, fill = TOOLS[tool]
    page.goto(url(base_url, lang, tool))
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    form = form_of(page, tool)
    set_field(form, bad, 0, "abc")
    wait_form(page, tool, "f.dataset.pending === 'error'")
    assert button_state(page) == {"disabled": True, "aria": "true"}, tool
    # A click that reaches the button anyway does nothing: nothing stored, no navigation.
    here = page.url
    page.locator("[data-action=to-plan]").dispatch_event("click")
    page.wait_for_timeout(300)
    assert page.url == here and session_key(page) is None
    # The reader's own numbers: calc's answer shown, the button usable again.
    for field, index, value in fill:
        set_field(form, field, index, value)
    params = read_form(page, tool)
    answer = api.run(tool, params, lang)
    assert answer["ok"], answer
    wait_outputs(page, tool, answer["result"])
    wait_form(page, tool, "!f.hasAttribute('data-pending')")
    assert button_state(page) == {"disabled": False, "aria": None}, tool
    return params, answer["result"]


def click_to_plan(page, lang):
    page.locator("[data-action=to-plan]").click()
    page.wait_for_url(f"**{LANGS[lang]}/tools/plan/", timeout=READY_TIMEOUT)
    assert "?" not in page.url and "#" not in page.url, page.url
    return form_of(page, "plan")


def check_plan(page, form, lang, expected):
    got = read_form(page, "plan")
    assert got == expected, {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
    answer = api.run("plan", expected, lang)
    assert answer["ok"], answer
    wait_outputs(page, "plan", answer["result"])
    wait_offers(page, form, answer["result"])
    assert session_key(page) is None, "the plan page removed the carried input"
    return answer["result"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tool", TOOLS)
def test_put_this_into_my_plan_carries_the_tools_input_and_the_plan_computes_it(page, base_url, tool, lang):
    params, result = go_to_tool_with_an_error_first(page, base_url, lang, tool)
    form = click_to_plan(page, lang)
    S = plan_strings(page)
    if tool == "options":
        expected = dict(api.example("plan", lang))
        row = options_row(params, result)
        for k in DEBT_ROW:  # the example's debts are not the reader's: the one debt takes their place
            expected[k] = [row[k]]
    else:
        expected = carried_into_plan(tool, params, lang)
    plan = check_plan(page, form, lang, expected)
    status = page.locator("[data-carry-status]").text_content()
    n = str(len(params.get("lender", [])))
    said = {"budget": S["to_plan_budget"], "debts": S["to_plan_debts"].replace("{n}", n),
            "options": S["to_plan_options"].split("{amount}")[0]}[tool]
    assert said in status, status
    if tool == "options":
        assert result["owed"] in status
        assert len(plan["offers"]) == 1
    if tool == "debts":
        offers = form.evaluate("f => [...f.querySelectorAll('[data-items=offers] [data-field=lender]')]"
                               ".map(e => e.textContent)")
        assert LENDER in offers
    assert page.watch.requests, "the request log is recorded"
    assert typed_in(page.watch.requests, MARKERS[tool]) == []
    # Read once: a reload of the plan does not bring it in again.
    page.goto(page.url)
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    assert read_form(page, "plan") == api.example("plan", lang)
    assert page.locator("[data-carry-status]").text_content() == ""


def test_an_options_debt_is_added_to_the_readers_own_plan_rows(page, base_url):
    # The reader's own plan, remembered on this device: one row of theirs.
    page.goto(url(base_url, "zh", "plan"))
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    plan = form_of(page, "plan")
    plan.locator("[data-action=remember]").check()
    set_field(plan, "lender", 0, OWN)
    set_field(plan, "balance", 0, "34567")
    page.wait_for_function("v => (localStorage.getItem('yqxs:calc:plan') || '').includes(v)", arg="34567",
                           timeout=READY_TIMEOUT)
    own = read_form(page, "plan")

    params, result = go_to_tool_with_an_error_first(page, base_url, "zh", "options")
    form = click_to_plan(page, "zh")
    expected = dict(own)
    added = options_row(params, result)
    # The reader's row stays; the rows still as the example came give way; the debt is added.
    for k in DEBT_ROW:
        expected[k] = [own[k][0], added[k]]
    plan_result = check_plan(page, form, "zh", expected)
    assert len(plan_result["offers"]) == 2 and OWN in [o["lender"] for o in plan_result["offers"]]
    assert typed_in(page.watch.requests, [OWN, "34567", "41234"]) == []
