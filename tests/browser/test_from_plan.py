"""The plan offers each tool with its numbers filled in (issue 12): from the plan's answer on
screen, "比较这笔的协商方案" in each offers row (-> /tools/options/ with that debt), and once
"在“多笔债务还款计划”里看还款顺序" (-> /tools/debts/ with every debt row and the plan's capacity) and
"在“还款能力”里细算" (-> /tools/budget/ with the income and expense rows and the buffer),
through this tab's sessionStorage ("yqxs:from-plan"), never the URL.

For each tool, in both scripts, in one module-shared context (tests/conftest.py):
- a value calc refuses on the plan first: every one of those buttons is disabled (and
  aria-disabled) and a click that reaches one anyway (a dispatched event) neither stores
  anything nor leaves the page;
- the reader's own numbers (unique markers typed by the test): the click opens the tool of
  the same script, whose form then holds exactly what this test derives from the plan's
  form and calc.api.run("plan") (YQXS.readForm compared), the tool shows calc.api.run's
  answer for it, the line above its form says what came from the plan, the key is gone, the
  address has no query or fragment, and no request carries a typed value (PageWatch log);
  a reload does not bring it in again.
- a letter opened from the row of a debt with no lender typed keeps the letter's lender
  field blank (its placeholder shows) and still names the row in its status line.
"""

from __future__ import annotations

import json

import pytest

from calc import api
from tests.browser.test_plan_share import wait_offers
from tests.browser.test_to_plan import read_form, typed_in, wait_form
from tests.browser.test_widgets_browser import LANGS, READY_TIMEOUT, form_of, set_field, url, wait_outputs
from tests.support import warm

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

KEY = "yqxs:from-plan"
LENDER = "戊己测试网贷H12"  # markers typed by the test, never in the site's files
LABEL = "测试兼职H12"
BUTTONS = ("plan-to-options", "plan-to-debts", "plan-to-budget")
# The plan's own numbers: (field, row, value). Row 1 is the debt sent to the options tool;
# row 0 a 房贷, a kind the debts and options tools do not have (they call it 其他).
FILL = [("lender", 1, LENDER), ("balance", 1, "23456"), ("annual_rate", 1, "21"), ("min_payment", 1, "777"),
        ("kind", 0, "mortgage"), ("income_label", 0, LABEL), ("income", 0, "9876"), ("buffer_ratio", 0, "15")]
MARKERS = [LENDER, LABEL, "23456", "9876"]


def session_key(page):
    return page.evaluate(f"() => sessionStorage.getItem('{KEY}')")


def buttons(page):
    return page.evaluate(
        """names => [...document.querySelectorAll('[data-widget="plan"] button[data-action]')]
              .filter(b => names.includes(b.dataset.action))
              .map(b => ({action: b.dataset.action, disabled: b.disabled,
                          aria: b.getAttribute('aria-disabled')}))""",
        list(BUTTONS))


def tool_strings(page):
    return json.loads(page.locator("script[data-from-plan-strings]").first.text_content())


def plan_with_an_error_first(page, base_url, lang):
    """The plan with the reader's numbers, after an input error; returns its params and result."""
    page.goto(url(base_url, lang, "plan"))
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    form = form_of(page, "plan")
    set_field(form, "balance", 0, "abc")
    wait_form(page, "plan", "f.dataset.pending === 'error'")
    seen = buttons(page)
    assert {b["action"] for b in seen} == set(BUTTONS), seen
    assert all(b["disabled"] and b["aria"] == "true" for b in seen), seen
    here = page.url
    for action in BUTTONS:  # a click that reaches one anyway does nothing
        page.locator(f"[data-action={action}]").first.dispatch_event("click")
    page.wait_for_timeout(300)
    assert page.url == here and session_key(page) is None
    set_field(form, "balance", 0, "48000")
    for field, index, value in FILL:
        set_field(form, field, index, value)
    params = read_form(page, "plan")
    answer = api.run("plan", params, lang)
    assert answer["ok"], answer
    wait_outputs(page, "plan", answer["result"])
    wait_offers(page, form, answer["result"])
    wait_form(page, "plan", "!f.hasAttribute('data-pending')")
    seen = buttons(page)
    assert len(seen) == 2 + len(answer["result"]["offers"]), seen  # one per offers row, two for the plan
    assert not any(b["disabled"] or b["aria"] for b in seen), seen
    return params, answer["result"]


def follow(page, lang, tool, locator):
    locator.click()
    page.wait_for_url(f"**{LANGS[lang]}/tools/{tool}/", timeout=READY_TIMEOUT)
    assert "?" not in page.url and "#" not in page.url, page.url
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)


def check_tool(page, lang, tool, expected):
    got = read_form(page, tool)
    assert got == expected, {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
    answer = api.run(tool, expected, lang)
    assert answer["ok"], answer
    wait_outputs(page, tool, answer["result"])
    wait_form(page, tool, "!f.hasAttribute('data-pending')")
    assert session_key(page) is None, "the tool removed what the plan sent"
    assert page.watch.requests, "the request log is recorded"
    assert typed_in(page.watch.requests, MARKERS) == []
    status = page.locator("[data-from-plan-status]")
    page.wait_for_function("() => document.querySelector('[data-from-plan-status]')?.textContent.trim()",
                           timeout=10_000)
    return answer["result"], status.text_content()


def reload_starts_from_the_example(page, tool, lang, field):
    page.reload()
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    assert read_form(page, tool)[field] == api.example(tool, lang)[field]
    assert page.locator("[data-from-plan-status]").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_plan_row_opens_the_options_tool_with_that_debt(page, base_url, lang):
    plan, result = plan_with_an_error_first(page, base_url, lang)
    offer = next(o for o in result["offers"] if o["row"] == "1")  # 0-based, as a string
    assert offer["lender"] == LENDER
    row = page.locator("[data-items=offers] > [data-item]", has_text=LENDER)
    follow(page, lang, "options", row.locator("[data-action=plan-to-options]"))
    expected = dict(api.example("options", lang))  # the settings the plan does not know stay
    expected.update(principal="23456", interest_owed="0", penalty_owed="0", annual_rate="21",
                    kind=plan["kind"][1], capacity=offer["monthly"], savings="0")
    options, status = check_tool(page, lang, "options", expected)
    assert options["owed"] == "23456.00"
    S = tool_strings(page)
    assert S["options"].split("{lender}")[0] in status and LENDER in status, status
    assert offer["monthly"] in status and offer["minimum"] in status and S["options_savings"] in status
    reload_starts_from_the_example(page, "options", lang, "principal")


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_opens_the_debts_tool_with_every_debt_and_its_capacity(page, base_url, lang):
    plan, result = plan_with_an_error_first(page, base_url, lang)
    follow(page, lang, "debts", page.locator("[data-action=plan-to-debts]"))
    expected = {k: plan[k] for k in ("lender", "balance", "annual_rate", "min_payment", "days_overdue")}
    expected["kind"] = ["other" if k == "mortgage" else k for k in plan["kind"]]
    expected["capacity"] = result["capacity"]
    debts, status = check_tool(page, lang, "debts", expected)
    assert LENDER in [d["lender"] for d in debts["debts"]]
    S = tool_strings(page)
    said = S["debts"].replace("{n}", str(len(plan["lender"]))).replace("{capacity}", result["capacity"])
    assert said in status and S["kind_other"] in status, status
    reload_starts_from_the_example(page, "debts", lang, "balance")


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_opens_the_budget_tool_with_its_income_and_expenses(page, base_url, lang):
    plan, result = plan_with_an_error_first(page, base_url, lang)
    follow(page, lang, "budget", page.locator("[data-action=plan-to-budget]"))
    expected = {k: plan[k] for k in ("income_label", "income", "expense_label", "expense", "buffer_ratio")}
    budget, status = check_tool(page, lang, "budget", expected)
    assert budget["capacity"] == result["capacity"], "the same income, expenses and buffer"
    assert tool_strings(page)["budget"] in status
    reload_starts_from_the_example(page, "budget", lang, "income")


@pytest.mark.parametrize("lang", LANGS)
def test_a_letter_from_an_unnamed_debts_row_keeps_the_lender_blank(page, base_url, lang):
    page.goto(url(base_url, lang, "plan"))
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    wait_form(page, "plan", "!f.hasAttribute('data-pending')")
    result = api.run("plan", read_form(page, "plan"), lang)["result"]  # the example: no lender typed
    offer = result["offers"][0]
    assert offer["named"] is False and "（" in offer["lender"]
    page.locator("[data-items=offers] > [data-item]").first.locator("[data-letter-link]").click()
    page.wait_for_url(f"**{LANGS[lang]}/tools/letter/", timeout=READY_TIMEOUT)
    letter = form_of(page, "letter")
    page.wait_for_function("v => document.querySelector('[data-plan-status]').textContent.includes(v)",
                           arg=offer["lender"], timeout=READY_TIMEOUT)
    box = letter.locator("[name=lender]")
    assert box.input_value() == "" and box.get_attribute("placeholder"), "blank, with its placeholder"
    assert letter.locator("[name=monthly_payment]").input_value() == offer["monthly"]
    assert page.evaluate("() => sessionStorage.getItem('yqxs:plan')") is None
