"""The plan's share link (issue 12, DESIGN "share") and carrying rows into the plan, in
Chromium, in both scripts.

- [data-action=share-link] puts the whole form into the URL's #fragment (deflate-raw +
  base64url, or plain base64url JSON where CompressionStream is missing); the link, opened
  in a fresh browser context (no storage, no cache), restores the form and computes calc's
  answer. The request logs of both contexts hold no URL with the fragment or a typed value.
- The debts rows reach the plan only from the reader's opted-in storage: with "remember"
  ticked on the debts page the plan offers them and fills them in; without it, nothing."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from calc import api
from tests.browser.test_widgets_browser import (
    LANGS,
    READY_TIMEOUT,
    form_of,
    set_field,
    url,
    wait_outputs,
    with_values,
)
from tests.support import warm
from tests.support.quality import close_clean, new_context, watched_page

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

LENDER = "甲乙测试银行H16"  # a placeholder lender typed by the test, never in the site's files
FILL = [("lender", 0, LENDER), ("balance", 0, "52345"), ("days_overdue", 0, "95")]


def typed_in(urls, needles):
    hits = []
    for u in urls:
        for n in needles:
            if n in u or quote(n) in u or quote(n, safe="") in u:
                hits.append((n, u))
    return hits


OFFERS = ("f => [...f.querySelectorAll('[data-items=offers] > [data-item] [data-field=lender]')]"
          ".map(e => e.textContent)")


def wait_offers(page, form, result):
    """The offers list shows calc's lenders for this input (the outputs alone can match the
    example's: a new balance with the same minimum leaves them as they were)."""
    want = [o["lender"] for o in result["offers"]]
    page.wait_for_function(f"([f, want]) => JSON.stringify(({OFFERS})(f)) === JSON.stringify(want)",
                           arg=[form.element_handle(), want], timeout=READY_TIMEOUT)


def fill_plan(page, base_url, lang):
    page.goto(url(base_url, lang, "plan"))
    form = form_of(page, "plan")
    for field, index, value in FILL:
        set_field(form, field, index, value)
    answer = api.run("plan", with_values("plan", lang, FILL), lang)
    assert answer["ok"], answer
    wait_outputs(page, "plan", answer["result"])
    wait_offers(page, form, answer["result"])
    return form, answer["result"]


def make_link(page):
    page.locator("[data-action=share-link]").click()
    box = page.locator("[data-share-url]")
    box.wait_for(state="visible", timeout=10_000)
    link = box.input_value()
    assert link == page.evaluate("() => location.href")
    return link


def fresh_context(browser, base_url, snapshot, init_script=None):
    """A context of its own (none of the other's storage), holding only the session's Pyodide
    snapshot (tests/support/warm.py: no reader data in it), so Python starts warm."""
    ctx = new_context(browser)
    if init_script:
        ctx.add_init_script(init_script)
    warm.seed(ctx, base_url, snapshot)
    return ctx


def open_fresh(browser, link, init_script=None, *, base_url, snapshot):
    ctx = fresh_context(browser, base_url, snapshot, init_script)
    page = watched_page(ctx)
    page.goto(link)
    return ctx, page


@pytest.mark.parametrize("lang", LANGS)
def test_share_link_restores_the_plan_in_a_fresh_context_and_no_request_carries_it(browser, base_url, lang,
                                                                                   pyodide_snapshot):
    ctx_a = fresh_context(browser, base_url, pyodide_snapshot)
    page_a = watched_page(ctx_a)
    ctx_b = None
    try:
        form, result = fill_plan(page_a, base_url, lang)
        link = make_link(page_a)
        fragment = link.split("#", 1)[1]
        assert fragment.startswith("plan=d."), fragment[:20]  # Chromium has CompressionStream
        assert LENDER not in link and quote(LENDER) not in link and "52345" not in link
        status = page_a.locator("[data-share-status]").text_content()
        assert status.strip(), "the page says the link was copied or where it is"

        ctx_b, page_b = open_fresh(browser, link, base_url=base_url, snapshot=pyodide_snapshot)
        form_b = form_of(page_b, "plan")
        page_b.wait_for_function(
            "([f, v]) => f.querySelector('[name=lender]').value === v",
            arg=[form_b.element_handle(), LENDER], timeout=READY_TIMEOUT)
        assert form_b.locator("[name=balance]").first.input_value() == "52345"
        assert form_b.locator("[name=days_overdue]").first.input_value() == "95"
        # The rest of the form came along too (every field as the first context had it).
        assert page_b.evaluate("f => JSON.stringify(YQXS.readForm(f))", form_b.element_handle()) == \
            page_a.evaluate("f => JSON.stringify(YQXS.readForm(f))", form.element_handle())
        wait_outputs(page_b, "plan", result)
        wait_offers(page_b, form_b, result)
        assert LENDER in form_b.evaluate(OFFERS)
        assert not page_b.evaluate("() => localStorage.getItem('yqxs:calc:plan')"), "a link is not stored"

        needles = [fragment, fragment[len("plan="):][:40], LENDER, "52345"]
        for page in (page_a, page_b):
            assert page.watch.requests, "the request log is recorded"
            assert typed_in(page.watch.requests, needles) == []
            with_hash = [u for u in page.watch.requests if "#" in u]
            assert with_hash == []
        close_clean(page_b)
    finally:
        close_clean(page_a)
        ctx_a.close()
        if ctx_b:
            ctx_b.close()


def test_share_link_without_compressionstream_is_plain_base64url_json(browser, base_url, pyodide_snapshot):
    no_cs = "delete window.CompressionStream; delete window.DecompressionStream;"
    ctx_a = fresh_context(browser, base_url, pyodide_snapshot, no_cs)
    page_a = watched_page(ctx_a)
    ctx_b = None
    try:
        fill_plan(page_a, base_url, "zh")
        link = make_link(page_a)
        assert link.split("#", 1)[1].startswith("plan=j.")
        ctx_b, page_b = open_fresh(browser, link, no_cs, base_url=base_url, snapshot=pyodide_snapshot)
        page_b.wait_for_function(
            "v => document.querySelector('form[data-calc=plan] [name=lender]').value === v",
            arg=LENDER, timeout=READY_TIMEOUT)
        assert form_of(page_b, "plan").locator("[name=balance]").first.input_value() == "52345"
        close_clean(page_b)
    finally:
        close_clean(page_a)
        ctx_a.close()
        if ctx_b:
            ctx_b.close()


DEBT = "丙丁测试网贷H16"


def test_debts_rows_reach_the_plan_only_after_opting_in(page, base_url):
    # Without the opt-in: the debts page keeps nothing, the plan offers nothing.
    page.goto(url(base_url, "zh", "debts"))
    debts = form_of(page, "debts")
    set_field(debts, "lender", 0, DEBT)
    page.wait_for_timeout(300)
    assert page.evaluate("() => localStorage.getItem('yqxs:calc:debts')") is None
    page.goto(url(base_url, "zh", "plan"))
    plan = form_of(page, "plan")
    assert page.locator("[data-action=plan-from-debts]").is_hidden()
    assert DEBT not in plan.locator("[name=lender]").evaluate_all("els => els.map(e => e.value)")

    # Opted in on the debts page: the plan offers the rows and fills them in.
    page.goto(url(base_url, "zh", "debts"))
    debts = form_of(page, "debts")
    debts.locator("[data-action=remember]").check()
    set_field(debts, "lender", 0, DEBT)
    set_field(debts, "balance", 0, "23456")
    page.wait_for_function("v => (localStorage.getItem('yqxs:calc:debts') || '').includes(v)", arg=DEBT,
                           timeout=READY_TIMEOUT)
    saved = page.evaluate("() => JSON.parse(localStorage.getItem('yqxs:calc:debts')).fields")
    page.goto(url(base_url, "zh", "plan"))
    plan = form_of(page, "plan")
    button = page.locator("[data-action=plan-from-debts]")
    button.wait_for(state="visible", timeout=10_000)
    button.click()
    lenders = plan.locator("[name=lender]").evaluate_all("els => els.map(e => e.value)")
    assert lenders == saved["lender"]
    assert plan.locator("[name=balance]").evaluate_all("els => els.map(e => e.value)") == saved["balance"]
    # ... and the plan computes them (its offers name the carried lender).
    page.wait_for_function(
        "v => [...document.querySelectorAll('form[data-calc=plan] [data-items=offers] [data-field=lender]')]"
        ".some(e => e.textContent === v)", arg=DEBT, timeout=READY_TIMEOUT)
    assert not any(DEBT in u or quote(DEBT) in u for u in page.watch.requests)


@pytest.mark.parametrize("lang", LANGS)
def test_each_offer_opens_its_letter_with_its_lender_and_numbers_not_through_the_url(page, base_url, lang):
    form, result = fill_plan(page, base_url, lang)
    offer = next(o for o in result["offers"] if o["lender"] == LENDER)
    link = page.locator("[data-items=offers] > [data-item]", has_text=LENDER).locator("[data-letter-link]")
    link.click()
    page.wait_for_url("**/tools/letter/")
    assert "?" not in page.url and "#" not in page.url
    letter = form_of(page, "letter")
    page.wait_for_function(
        "v => document.querySelector('[data-plan-status]').textContent.includes(v)", arg=LENDER,
        timeout=READY_TIMEOUT)
    # The letter names the offer's lender (issue 12), in the field the reader can still edit.
    assert letter.locator("[name=lender]").input_value() == LENDER
    assert letter.locator("[name=lender]").is_editable()
    assert letter.locator("[name=amount]").input_value() == "52345"
    assert letter.locator("[name=monthly_payment]").input_value() == offer["monthly"]
    assert letter.locator("[name=months]").input_value() == str(offer["months_stopped"] or offer["months"])
    # ... and calc's letter for those fields is the one shown, addressed to that lender.
    params = page.evaluate("f => YQXS.readForm(f)", letter.element_handle())
    want = api.run("letter", params, lang)["result"]["letter"]
    assert LENDER in want
    page.wait_for_function(
        "w => document.querySelector('output[name=letter]').textContent === w", arg=want,
        timeout=READY_TIMEOUT)
    assert page.evaluate("() => sessionStorage.getItem('yqxs:plan')") is None, "read once and removed"
    assert page.evaluate("() => localStorage.getItem('yqxs:calc:plan')") is None
    assert typed_in(page.watch.requests, [LENDER, "52345"]) == []
    # Nothing is kept: the letter opened again starts from its blank lender.
    page.reload()
    assert form_of(page, "letter").locator("[name=lender]").input_value() == ""


@pytest.mark.parametrize(
    "carried, lender",
    [
        ({"label": LENDER, "monthly_payment": "300.00", "months": "20", "amount": "6000"}, LENDER),
        # a carrier that says the lender outright, even blank (a debt the reader left unnamed)
        ({"label": "网贷（第2笔）", "lender": "", "monthly_payment": "300.00", "amount": "6000"}, ""),
        # options carries a plan (its key and name), which names no lender
        ({"key": "installment", "label": "个性化分期", "monthly_payment": "300.00", "months": "20"}, ""),
    ],
    ids=["plan-row", "plan-row-unnamed", "options-plan"],
)
def test_the_letter_fills_the_lender_only_from_a_plan_row(page, base_url, carried, lender):
    page.goto(url(base_url, "zh", "letter"))
    page.evaluate("p => sessionStorage.setItem('yqxs:plan', JSON.stringify(p))", carried)
    page.reload()
    form = form_of(page, "letter")
    page.wait_for_function(
        "() => document.querySelector('[data-plan-status]').textContent.trim() !== ''", timeout=READY_TIMEOUT)
    assert form.locator("[name=lender]").input_value() == lender
    assert form.locator("[name=monthly_payment]").input_value() == "300.00"
    assert page.evaluate("() => sessionStorage.getItem('yqxs:plan')") is None


def test_the_plans_actions_export_as_ics(page, base_url):
    form, result = fill_plan(page, base_url, "zh")
    with page.expect_download() as info:
        page.locator("[data-action=plan-ics]").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    text = open(download.path(), encoding="utf-8").read().replace("\r\n ", "").replace("\r\n\t", "")
    assert text.startswith("BEGIN:VCALENDAR") and text.rstrip().endswith("END:VCALENDAR")
    dated = [a for a in result["actions"] if a["when"]]
    assert text.count("BEGIN:VEVENT") == len(dated)
    for action in dated:
        assert "DTSTART;VALUE=DATE:" + action["when"].replace("-", "") in text, action
    assert LENDER in text, "the reader's own lender names the steps"
    assert typed_in(page.watch.requests, [LENDER, "52345"]) == []
