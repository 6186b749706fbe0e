"""The plan calculator and the six letters in Chromium (issue 12), in both scripts: the plan
recomputes the reader's own numbers as calc does (its outputs and its offers list), and every
letter kind chosen in the letter form renders calc's title and text.

The `page` fixture also fails on a console error or a request off the loopback host."""

from __future__ import annotations

import pytest

from calc import api
from calc.letter import KINDS
from tests.browser.test_widgets_browser import (
    LANGS,
    READY_TIMEOUT,
    data_value,
    form_of,
    outputs,
    set_field,
    url,
    wait_outputs,
    with_values,
)
from tests.support import warm

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

# The card of the worked example goes over 50,000 and 95 days overdue: it becomes the first
# priority and gets its minimum; the two 网贷 share what is left pro-rata.
FILL = [("balance", 0, "52000"), ("days_overdue", 0, "95")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_computes_the_readers_numbers_as_calc_does(page, base_url, lang):
    page.goto(url(base_url, lang, "plan"))
    form = form_of(page, "plan")
    for field, index, value in FILL:
        set_field(form, field, index, value)
    answer = api.run("plan", with_values("plan", lang, FILL), lang)  # today: the same day as the page's
    assert answer["ok"], answer
    result = answer["result"]
    assert result["priority"][0]["reason"] == "card_malicious"
    wait_outputs(page, "plan", result)
    for key, (value, text) in outputs(page, "plan").items():
        assert value == data_value(result[key]), key
        assert text == result.get("display", {}).get(key, data_value(result[key])), key
    want = [[o["lender"], o["monthly"]] for o in result["offers"]]
    page.wait_for_function(
        """([f, want]) => {
            const rows = [...f.querySelectorAll('[data-items=offers] > [data-item]')];
            return JSON.stringify(rows.map(r => [r.querySelector('[data-field=lender]').textContent,
                                                 r.querySelector('[data-field=monthly]').textContent])) ===
                   JSON.stringify(want);
        }""",
        arg=[form.element_handle(), want],
        timeout=READY_TIMEOUT,
    )
    actions = form.locator("[data-items=actions] > [data-item] [data-field=text]").all_text_contents()
    assert actions == [a["text"] for a in result["actions"]]


@pytest.mark.parametrize("lang", LANGS)
def test_every_letter_kind_renders_calcs_letter(page, base_url, lang):
    page.goto(url(base_url, lang, "letter"))
    form = form_of(page, "letter")
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    for kind in KINDS:
        set_field(form, "kind", 0, kind)
        params = dict(api.example("letter", lang), kind=kind)
        result = api.run("letter", params, lang)["result"]
        wait_outputs(page, "letter", {"title": result["title"]})
        page.wait_for_function(
            "([f, text]) => f.querySelector('output[name=letter]').textContent === text",
            arg=[form.element_handle(), result["letter"]],
            timeout=READY_TIMEOUT,
        )
        assert "________" in result["letter"]
