"""Phones and screen readers, in both scripts (issue 10).

- axe-core at phone width on every page, and the guide's tables as named keyboard regions,
  are checked in tests/support/page_tests.py (one phone visit per page, with the other
  per-page checks).
- Wide tables keep their key column: at 390 px, with the table scrolled to its right end,
  the first column is still on screen (position: sticky).
- The home page's first screen (390 x 844, before any scrolling): the crisis line 12356,
  110 for danger now, the five key questions and the "start today" line are inside the
  viewport, in both scripts; the tool cards come after them; and the room for the triage
  form (`#triage`) is on the page.
- The hotline numbers printed on the home page are the ones in calc.rules.HOTLINES, and
  the page's source types none of them (each is a `[[rule:HOTLINE["…"].number]]` marker).
"""

from __future__ import annotations

import re

import pytest

from calc import rules
from tests.support.page_audit import phone_context
from tests.support.quality import ROOT, close_clean, new_context, page_id, watched_page

SHOTS = ROOT / "screenshots"
PHONE_390 = {"width": 390, "height": 844}
HOMES = ["/", "/zh-Hant/"]
# The five key questions of the home page: where each must lead.
KEY_QUESTIONS = [
    "guide/legal/#jail",
    "guide/negotiate/#refused",
    "guide/credit-report/#report-shows",
    "guide/legal/#court-papers",
    "guide/collection/#illegal",
]


@pytest.fixture(scope="module")
def context(browser, base_url):
    """The module's phone (390 x 844, touch) for `tab`."""
    ctx = phone_context(browser, PHONE_390)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("url", ["/guide/true-rate/", "/zh-Hant/guide/true-rate/"], ids=page_id)
def test_wide_table_keeps_its_key_column_on_a_390px_phone(tab, base_url, url):
    """The 24%/36%/4×LPR table (#lines): scrolled to its right end, the first column is
    still fully on screen."""
    tab.goto(base_url + url)
    wrap = tab.locator("article h2#lines ~ .table-wrap").first
    wrap.scroll_into_view_if_needed()
    overflow = wrap.evaluate("w => w.scrollWidth - w.clientWidth")
    assert overflow > 20, "the table fits the screen: this test no longer tests anything"
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    tab.wait_for_timeout(100)
    boxes = wrap.evaluate("""w => [...w.querySelectorAll('tr > :first-child')].map(c => {
        const b = c.getBoundingClientRect();
        return {text: c.textContent.trim().slice(0, 12), left: b.left, right: b.right};
    })""")
    off = [b for b in boxes if b["left"] < -0.5 or b["right"] > PHONE_390["width"] + 0.5]
    assert off == [], f"key column scrolled off screen: {off}"
    # ...and the other cells pass under it, not over it (it is opaque and on top).
    covered = wrap.evaluate("""w => {
        const c = w.querySelector('tbody tr > :first-child').getBoundingClientRect();
        const hit = document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
        return !!hit && !!hit.closest('tr > :first-child');
    }""")
    assert covered, "another cell is drawn over the key column"


# What lies inside the first 390 x 844 screen, before any scrolling: the text of the
# article that is on screen, the hrefs of visible links, and where the tool cards begin.
FIRST_SCREEN = """(height) => {
    const onScreen = (el) => {
        const b = el.getBoundingClientRect(), s = getComputedStyle(el);
        return b.width > 0 && b.height > 0 && b.top >= 0 && b.bottom <= height
            && s.visibility !== 'hidden';
    };
    const article = document.querySelector('article');
    const texts = [];
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const r = document.createRange(); r.selectNodeContents(n);
        const b = r.getBoundingClientRect();
        if (b.height > 0 && b.top >= 0 && b.bottom <= height) texts.push(n.textContent);
    }
    const links = [...article.querySelectorAll('a[href]')].filter(onScreen)
        .map(a => a.getAttribute('href'));
    const cards = article.querySelector('.grid.cards');
    const triage = document.getElementById('triage');
    return {text: texts.join(''), links,
            cards_top: cards ? cards.getBoundingClientRect().top : null,
            triage_top: triage ? triage.getBoundingClientRect().top : null,
            scroll: window.scrollY};
}"""


@pytest.mark.parametrize("url", HOMES, ids=page_id)
def test_home_first_screen_on_a_390px_phone(tab, base_url, url):
    tab.goto(base_url + url)
    tab.evaluate("document.fonts.ready")
    screen = tab.evaluate(FIRST_SCREEN, PHONE_390["height"])
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"phone390-first-screen-{page_id(url)}.png"))
    assert screen["scroll"] == 0
    for number in ("12356", "110"):
        assert number in screen["text"], f"{number} is not on the first screen"
    for target in KEY_QUESTIONS:
        assert any(h.endswith(target) for h in screen["links"]), \
            f"the key question linking to {target} is not on the first screen: {screen['links']}"
    assert any("tools/budget/" in h for h in screen["links"]), \
        "the 'start today' link to the budget tool is not on the first screen"
    assert screen["cards_top"] is not None and screen["cards_top"] > 0
    assert screen["triage_top"] is not None, "no #triage section for the triage form"
    assert screen["triage_top"] < screen["cards_top"], "the triage room comes after the tool cards"


@pytest.mark.parametrize("url", HOMES, ids=page_id)
def test_home_hotlines_are_the_ones_in_calc_rules(tab, base_url, url):
    """The crisis line and the police number on the home page come from calc.rules: each
    `tel:` link's number is in rules.HOTLINES, and 12356 and 110 are among them."""
    tab.goto(base_url + url)
    tels = tab.evaluate("""() => [...document.querySelectorAll('article a[href^="tel:"]')]
        .map(a => a.getAttribute('href').slice(4))""")
    known = {h.number for h in rules.HOTLINES}
    assert {"12356", "110"} <= set(tels), tels
    assert set(tels) <= known, f"numbers not in calc.rules.HOTLINES: {set(tels) - known}"
    # ...and the page's source types none of them: each is a [[rule:HOTLINE["…"].number]] marker.
    source = (ROOT / "docs" / ("index.zh-Hant.md" if "zh-Hant" in url else "index.md")).read_text(
        encoding="utf-8")
    typed = sorted(n for n in known if re.search(rf"(?<![\d\[]){re.escape(n)}(?!\d)", source))
    assert typed == [], f"hotline numbers typed in the page instead of [[rule:…]]: {typed}"


@pytest.mark.parametrize("url", HOMES, ids=page_id)
def test_home_screenshots_phone_and_desktop(browser, base_url, url):
    """Not a check: screenshots of the home page at 390 px and at desktop width in
    screenshots/ for a person to look at."""
    SHOTS.mkdir(exist_ok=True)
    for name, viewport in (("phone390", PHONE_390), ("desktop", {"width": 1280, "height": 900})):
        ctx = (phone_context(browser, viewport) if name.startswith("phone")
               else new_context(browser, viewport))
        page = watched_page(ctx)
        try:
            page.goto(base_url + url)
            path = SHOTS / f"{name}-home-{page_id(url).replace('/', '_')}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
        finally:
            close_clean(page)
            ctx.close()
