"""The triage on the home page (issue 12), in Chromium, in both scripts: the reader's ticks
choose what to do today in [data-triage-actions], crisis first (12356, then 110, printed from
calc/rules.py); sued leads to the court papers; harassed to the collection rules and the call
log; everyone to the budget and the plan. It is guidance, not money: the home page loads no
Pyodide byte and no widget runtime. Every test also fails on a request off loopback or a
console error (conftest.PageWatch)."""

from __future__ import annotations

import pytest

from calc import rules

SCRIPTS = [("", "zh"), ("/zh-Hant", "zh-Hant")]
FORM = 'form[data-tool="triage"]'
ACTIONS = "[data-triage-actions] > li"


def home(page, base_url, prefix):
    page.goto(f"{base_url}{prefix}/")
    page.wait_for_selector(FORM)
    # the module has run once it has counted the list
    page.wait_for_function("document.querySelector('[data-triage-actions]').dataset.count !== undefined")


def tick(page, value, name="situation"):
    page.locator(f'{FORM} input[name="{name}"][value="{value}"]').check()


def hrefs(page):
    return page.locator(f"{ACTIONS} a").evaluate_all("els => els.map(a => a.getAttribute('href'))")


def wait_link(page, href, present=True):
    has = f"[...document.querySelectorAll('{ACTIONS} a')].some(a => a.getAttribute('href') === '{href}')"
    page.wait_for_function(has if present else f"!{has}")


def wait_count(page, n):
    page.wait_for_function(f"document.querySelectorAll('{ACTIONS}').length === {n}")


@pytest.mark.parametrize("prefix,lang", SCRIPTS)
def test_questions_are_labelled_checkboxes_in_the_page_script(page, base_url, prefix, lang):
    home(page, base_url, prefix)
    boxes = page.locator(f'{FORM} input[name="situation"]')
    values = boxes.evaluate_all("els => els.map(e => e.value)")
    assert {"sued", "harassed", "crisis"} <= set(values)
    assert page.locator(f'{FORM} input[name="kind"]').count() >= 3
    assert page.locator(f'{FORM} input[name="overdue"]').count() >= 3
    for box in page.locator(f"{FORM} input").all():
        label = page.locator(f'label[for="{box.get_attribute("id")}"]')
        assert label.inner_text().strip()
    text = page.locator(FORM).inner_text()
    if lang == "zh":
        assert "收到了法院的材料" in text and "骚扰" in text
    else:
        assert "收到了法院的材料" in text and "騷擾" in text and "骚扰" not in text
    live = page.locator("[data-triage-actions]")
    assert live.get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("prefix,lang", SCRIPTS)
def test_crisis_puts_the_hotlines_first(page, base_url, prefix, lang):
    home(page, base_url, prefix)
    before = len(hrefs(page))
    assert "tools/plan/" in hrefs(page) and "tools/budget/" in hrefs(page)
    tick(page, "sued")
    tick(page, "crisis")
    wait_count(page, before + 4)
    links = hrefs(page)
    mental, police = rules.HOTLINE["mental_health"].number, rules.HOTLINE["police"].number
    assert links[0] == f"tel:{mental}" and links[1] == f"tel:{police}"
    first = page.locator(ACTIONS).first.inner_text()
    assert mental in first and (("心理援助热线" if lang == "zh" else "心理援助熱線") in first)
    # the rest still follows, in order: the court papers before the plan
    assert links.index("guide/legal/#court-papers") < links.index("tools/plan/")


@pytest.mark.parametrize("prefix,lang", SCRIPTS)
def test_sued_links_the_court_papers(page, base_url, prefix, lang):
    home(page, base_url, prefix)
    tick(page, "sued")
    wait_link(page, "guide/legal/#court-papers")
    assert hrefs(page)[0] == "guide/legal/#court-papers"
    page.locator(f'{ACTIONS} a[href="guide/legal/#court-papers"]').click()
    page.wait_for_url(f"**{prefix}/guide/legal/#court-papers")
    assert page.locator("#court-papers").is_visible()


@pytest.mark.parametrize("prefix,lang", SCRIPTS)
def test_harassed_links_the_collection_rules_and_the_call_log(page, base_url, prefix, lang):
    home(page, base_url, prefix)
    tick(page, "harassed")
    wait_link(page, "tools/log/")
    links = hrefs(page)
    assert "tools/log/" in links
    assert any(h.startswith("guide/collection/#") for h in links)
    assert links.index("tools/log/") < links.index("tools/plan/")
    # unticking takes them away again
    page.locator(f'{FORM} input[name="situation"][value="harassed"]').uncheck()
    wait_link(page, "tools/log/", present=False)


@pytest.mark.parametrize("prefix,lang", SCRIPTS)
def test_keyboard_alone_ticks_a_box_and_updates_the_list(page, base_url, prefix, lang):
    home(page, base_url, prefix)
    page.locator(f'{FORM} input[value="crisis"]').focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"document.querySelector('{ACTIONS} a').getAttribute('href').startsWith('tel:')")


@pytest.mark.parametrize("prefix,lang", SCRIPTS)
def test_every_action_link_resolves(page, base_url, prefix, lang):
    home(page, base_url, prefix)
    for value in ("crisis", "sued", "harassed", "scam"):
        tick(page, value)
    tick(page, "card", name="kind")
    tick(page, "over_90", name="overdue")
    page.wait_for_function(f"document.querySelectorAll('{ACTIONS}').length >= 10")
    for href in hrefs(page):
        if href.startswith("tel:"):
            continue
        path = href.split("#")[0]
        response = page.request.get(f"{base_url}{prefix}/{path}")
        assert response.ok, href


@pytest.mark.parametrize("prefix,lang", SCRIPTS)
def test_home_page_loads_no_pyodide_and_no_runtime(page, base_url, prefix, lang):
    home(page, base_url, prefix)
    tick(page, "crisis")
    page.wait_for_load_state("networkidle")
    loaded = [u for u in page.watch.requests
              if "/pyodide/" in u or u.endswith(("/widgets.js", "/worker.js", ".whl", ".wasm"))]
    assert loaded == []
    assert page.evaluate("typeof window.YQXS") == "undefined"
    assert any(u.endswith("/assets/js/tools/triage.js") for u in page.watch.requests)
