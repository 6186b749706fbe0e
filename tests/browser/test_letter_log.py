"""The letter and the call log (issue 12, "letter → log"; the complaint "filled from the call
log where the reader chooses"), in both scripts, in the module-shared context:

- with call-log rows on this device (localStorage "yqxs:log", seeded in log.js's format),
  a complaint offers "从我的催收记录里选一条"; nothing from the log is on the page until the
  reader presses it; the list shows each row's date, time, number and an excerpt as text
  (markup in a row stays text); choosing one fills the complaint's event date and
  what-happened fields, which stay editable, and the letter then shown is calc's
  (api.run on the form's values) and contains the row;
- "记进我的催收记录" under a letter for the reader's own input adds exactly one row (today,
  the lender, "向…提交了《投诉书》"), which the log page then lists; it is disabled after an
  input error;
- with no log on this device the picker is hidden, the button changes nothing in storage and
  explains, with a link to the log page.
"""

from __future__ import annotations

import json

import pytest

from calc import api
from tests.browser.test_to_plan import read_form, wait_form
from tests.browser.test_widgets_browser import LANGS, READY_TIMEOUT, form_of, set_field, url, wait_outputs
from tests.support import warm

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

KEY = "yqxs:log"
SUMMARY = "催收员甲乙H7说要找我单位领导<b>粗体</b>"  # a marker, never in the site's files
NUMBER = "95188-H7"
ROWS = [
    {"id": "0a1b2c3d", "date": "2026-11-20", "time": "23:10", "channel": "电话（对方打来）",
     "person": NUMBER, "summary": SUMMARY, "proposal": "", "response": "", "follow_up": ""},
    {"id": "0a1b2c3e", "date": "2026-11-18", "time": "", "channel": "短信",
     "person": "106-H7", "summary": "另一条短信记录H7", "proposal": "", "response": "", "follow_up": ""},
]
LENDER = "丙丁测试小贷H7"


def open_letter(page, base_url, lang, rows=None):
    """The letter page, ready, with `rows` in the call log first (None: no log at all)."""
    page.goto(url(base_url, lang, "letter"))
    if rows is not None:
        data = json.dumps({"version": 1, "rows": rows})
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, data])
        page.reload()
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    form = form_of(page, "letter")
    set_field(form, "kind", 0, "complaint")
    return form


def shown_answer(page, lang):
    """Wait for calc's answer to the form's current values; return it."""
    params = read_form(page, "letter")
    answer = api.run("letter", params, lang)
    assert answer["ok"], answer
    wait_outputs(page, "letter", answer["result"])
    wait_form(page, "letter", "!f.dataset.pending && f.yqxsAnswer && f.yqxsAnswer.ok")
    return params, answer["result"]


def stored(page):
    raw = page.evaluate(f"() => localStorage.getItem('{KEY}')")
    return None if raw is None else json.loads(raw)["rows"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_complaint_is_filled_from_a_chosen_log_row(page, base_url, lang):
    form = open_letter(page, base_url, lang, ROWS)
    pick = form.locator("[data-action=pick-log]")
    assert pick.is_visible()
    assert NUMBER not in page.content() and "H7" not in form.inner_text()  # nothing read yet
    pick.click()
    assert pick.get_attribute("aria-expanded") == "true"
    items = form.locator("[data-log-rows] button")
    assert items.count() == 2
    first = items.nth(0).text_content()
    assert "2026-11-20" in first and "23:10" in first and NUMBER in first and "<b>粗体" in first
    assert form.locator("[data-log-rows] b").count() == 0  # text, never markup
    assert "2026-11-18" in items.nth(1).text_content()
    items.nth(0).click()
    assert form.locator("[data-log-rows]").is_hidden()

    event = form.locator('[data-show-when="kind=complaint"] [name=event_date]')
    what = form.locator('[data-show-when="kind=complaint"] [name=what_happened]')
    assert event.input_value() == "2026-11-20 23:10"
    assert SUMMARY in what.input_value() and NUMBER in what.input_value()
    assert what.is_editable()
    params, result = shown_answer(page, lang)
    assert params["event_date"] == "2026-11-20 23:10" and SUMMARY in params["what_happened"]
    letter = form.locator("output[name=letter]").text_content()
    assert letter == result["letter"] and "2026-11-20 23:10" in letter and SUMMARY in letter
    status = page.locator("[data-widget=letter] [data-plan-status]").text_content()
    assert "2026-11-20" in status

    what.fill("我自己改过的经过H7")  # the reader edits; calc writes what they typed
    params, result = shown_answer(page, lang)
    assert "我自己改过的经过H7" in form.locator("output[name=letter]").text_content()
    assert stored(page) == ROWS  # choosing a row changes nothing in the log


@pytest.mark.parametrize("lang", LANGS)
def test_logging_the_letter_adds_one_row(page, base_url, lang):
    form = open_letter(page, base_url, lang, ROWS[1:])
    button = form.locator("[data-action=log-letter]")
    set_field(form, "account_last4", 0, "abc")
    wait_form(page, "letter", "f.dataset.pending === 'error'")
    assert button.is_disabled() and button.get_attribute("aria-disabled") == "true"
    set_field(form, "account_last4", 0, "4321")
    set_field(form, "lender", 0, LENDER)
    shown_answer(page, lang)
    assert button.is_enabled()
    button.click()
    rows = stored(page)
    assert len(rows) == 2 and rows[0] == ROWS[1], rows
    new = rows[1]
    today = page.evaluate("() => { const d = new Date(), p = (n) => String(n).padStart(2, '0');"
                          " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }")
    title = form.locator("output[name=title]").text_content().strip()
    assert title == api.run("letter", read_form(page, "letter"), lang)["result"]["title"]
    assert new["date"] == today and new["person"] == LENDER
    assert f"《{title}》" in new["summary"] and "12378" in new["summary"]
    assert "提交" in new["summary"]
    status = page.locator("[data-widget=letter] [data-letter-status]").text_content()
    assert today in status
    assert page.locator("[data-widget=letter] [data-log-hint]").is_hidden()

    page.goto(url(base_url, lang, "log"))  # the log page reads it as one of its own
    table = page.locator("[data-log-table] tbody tr")
    table.first.wait_for()
    assert table.count() == 2
    texts = [table.nth(i).text_content() for i in range(2)]
    assert any(LENDER in t and title in t for t in texts), texts


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_log_nothing_is_read_and_the_button_explains(page, base_url, lang):
    form = open_letter(page, base_url, lang)
    assert form.locator("[data-log-pick]").is_hidden()
    assert form.locator("[data-log-rows] > *").count() == 0
    set_field(form, "lender", 0, LENDER)
    shown_answer(page, lang)
    hint = page.locator("[data-widget=letter] [data-log-hint]")
    assert hint.is_hidden()
    form.locator("[data-action=log-letter]").click()
    assert hint.is_visible()
    assert ("沟通记录" if lang == "zh" else "溝通記錄") in hint.text_content()
    assert stored(page) is None
    link = hint.locator("a")
    assert link.evaluate("a => new URL(a.href).pathname") == f"{LANGS[lang]}/tools/log/"
    link.click()
    page.wait_for_url(url(base_url, lang, "log"))
    assert stored(page) is None
