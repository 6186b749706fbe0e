"""The letter and the checklist (issue 12, "letter → checklist"), in both scripts, in the
module-shared context:

- the 书面确认 letter (kind `confirm`) shown for the reader's own input offers
  "用这些条款核对对方发来的协议"; pressing it opens the checklist of the same script with the
  terms agreed on the phone and the lender filled in, and nothing about the reader (name,
  account tail); the carry (sessionStorage "yqxs:to-checklist") is read once and removed, never
  in the URL; the checklist then counts one more item (the draft says what was agreed), whose
  question quotes the terms; a reload of the checklist starts blank;
- the button is disabled after an input error in the letter (and the key is not written);
  with no terms written it carries nothing and says why;
- a malformed carry is dropped and the checklist starts blank.
Every page is a watched page (tests/conftest.py): a request off the loopback host fails it.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from tests.browser.test_letter_log import shown_answer
from tests.browser.test_to_plan import wait_form
from tests.browser.test_widgets_browser import LANGS, READY_TIMEOUT, form_of, set_field, url

KEY = "yqxs:to-checklist"
# Markers that are in no file of the site: terms with markup in them (text, never markup).
TERMS = "停息H12，分36期，每月还900元，每月5日前还<b>粗</b>"
LENDER = "戊己测试银行H12"
NAME = "庚辛测试人H12"
LAST4 = "8642"


def open_confirm(page, base_url, lang):
    page.goto(url(base_url, lang, "letter"))
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    form = form_of(page, "letter")
    set_field(form, "kind", 0, "confirm")
    return form


def session_key(page):
    return page.evaluate(f"() => sessionStorage.getItem('{KEY}')")


def checklist_state(page):
    return page.evaluate("""() => {
        const f = document.querySelector('form[data-tool=checklist]');
        const m = f.elements.namedItem('same_as_agreed');
        return {agreed: f.elements.namedItem('agreed').value, lender: f.elements.namedItem('lender').value,
                last4: f.elements.namedItem('account_last4').value, matchesShown: !!m.offsetParent,
                matchesChecked: m.checked, items: f.querySelectorAll('input[name=item]').length,
                missing: document.querySelector('output[name=summary]').dataset.value,
                message: document.querySelector('[data-message]').textContent,
                status: document.querySelector('[data-carry-status]').textContent};
    }""")


@pytest.mark.parametrize("lang", LANGS)
def test_the_confirm_letter_carries_its_terms_to_the_checklist(page, base_url, lang):
    form = open_confirm(page, base_url, lang)
    button = form.locator("[data-action=to-checklist]")
    assert button.is_visible()
    for field, value in (("agreed", TERMS), ("lender", LENDER), ("name", NAME), ("account_last4", LAST4)):
        set_field(form, field, 0, value)
    params, result = shown_answer(page, lang)
    assert params["kind"] == "confirm" and TERMS in result["letter"]
    assert button.is_enabled() and button.get_attribute("aria-disabled") is None
    button.click()
    page.wait_for_url(url(base_url, lang, "checklist"))
    assert "H12" not in unquote(page.url)  # nothing in the address
    page.wait_for_function("() => document.querySelector('[data-carry-status]').textContent !== ''")
    assert session_key(page) is None  # read once and removed
    state = checklist_state(page)
    assert state["agreed"] == TERMS and state["lender"] == LENDER
    assert state["last4"] == "" and NAME not in page.content() and LAST4 not in page.content()
    items = state["items"]  # the fixed list of overrides/widgets/checklist.html
    assert items >= 12
    assert state["matchesShown"] and not state["matchesChecked"]
    assert state["missing"] == str(items + 1)  # the fixed list and "the draft says what was agreed"
    assert ("书面确认" if lang == "zh" else "書面確認") in state["status"]
    lines = state["message"].splitlines()
    assert lines[0].startswith(LENDER)
    asks = [line for line in lines if line[:1].isdigit()]
    assert len(asks) == items + 1
    assert TERMS in asks[0] and ("电话里约定" if lang == "zh" else "電話裡約定") in asks[0]
    assert page.locator("form[data-tool=checklist] b, [data-message] b").count() == 0  # text, never markup
    # Ticking "same_as_agreed" takes that question out of the message.
    page.check("form[data-tool=checklist] [name=same_as_agreed]")
    state = checklist_state(page)
    assert state["missing"] == str(items) and TERMS not in state["message"]
    # Not remembered unless asked to; a reload starts blank.
    assert page.evaluate("() => localStorage.getItem('yqxs:checklist')") is None
    page.reload()
    state = checklist_state(page)
    assert state["agreed"] == "" and state["lender"] == "" and not state["matchesShown"]
    assert state["missing"] == str(items) and state["status"] == ""
    assert "H12" not in page.content()
    assert page.watch.offsite == []
    assert not any("H12" in unquote(r) for r in page.watch.requests)


@pytest.mark.parametrize("lang", LANGS)
def test_the_button_carries_nothing_after_an_input_error_or_without_terms(page, base_url, lang):
    form = open_confirm(page, base_url, lang)
    button = form.locator("[data-action=to-checklist]")
    set_field(form, "agreed", 0, TERMS)
    set_field(form, "account_last4", 0, "12a")
    wait_form(page, "letter", "f.dataset.pending === 'error'")
    assert button.is_disabled() and button.get_attribute("aria-disabled") == "true"
    button.evaluate("b => b.click()")  # a click on it does nothing
    assert session_key(page) is None and page.url == url(base_url, lang, "letter")
    set_field(form, "account_last4", 0, LAST4)
    shown_answer(page, lang)
    assert button.is_enabled()
    # No terms written: nothing to compare against, so nothing goes and the line says why.
    set_field(form, "agreed", 0, "")
    shown_answer(page, lang)
    button.click()
    status = page.locator("[data-widget=letter] [data-letter-status]")
    assert ("约定的内容" if lang == "zh" else "約定的內容") in status.text_content()
    assert session_key(page) is None and page.url == url(base_url, lang, "letter")


@pytest.mark.parametrize("lang", LANGS)
def test_a_malformed_carry_is_dropped(page, base_url, lang):
    page.goto(url(base_url, lang, "checklist"))
    for bad in ("{not json", '{"v": 2, "fields": {"agreed": "x"}}', '{"v": 1, "fields": {"agreed": 5}}'):
        page.evaluate("([k, v]) => sessionStorage.setItem(k, v)", [KEY, bad])
        page.reload()
        state = checklist_state(page)
        assert state["agreed"] == "" and state["missing"] == str(state["items"]) and state["status"] == ""
        assert session_key(page) is None
