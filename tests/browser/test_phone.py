"""Every page on a 375 px wide phone, in both scripts (issue 6).

The rule below is checked on every page in tests/support/page_tests.py (one phone visit per
page, with the other per-page checks); this module checks the drawer and search open, and
takes the sample screenshots.

- No sideways scrolling: the document is at most 375 px wide (+1 for rounding), and no
  element of the page sticks out past the right edge unless it sits inside a box that
  scrolls by itself.
- Tables (and code blocks that do not wrap their lines) scroll inside themselves: each
  sits in a box with overflow-x auto/scroll that fits the screen; a box that does overflow
  can be reached by keyboard (tabindex) so it can be scrolled without a mouse.
- Tap targets. The rule tested:
    * 44 x 44 CSS px at least (WCAG 2.5.5) for every button, input, select and textarea in a
      widget, and for the header's controls (menu, search, language). For a checkbox or
      radio button the target is the input together with its <label>s (a tap on the label
      ticks the box).
    * 24 px high at least (WCAG 2.5.8, AA) for the other tappable blocks of the layout: the
      links of the navigation drawer, <summary> of collapsible blocks and task-list labels.
    * Links inside running text are not tested: WCAG 2.5.8 exempts inline targets whose
      size is set by the line of text.
- Screenshots of a sample (home, a guide page, a tool page; both scripts) go to
  screenshots/ (gitignored) for people to look at.
"""

from __future__ import annotations

import pytest

from tests.support.page_audit import phone_context
from tests.support.page_checks import SMALL_TARGETS
from tests.support.quality import ROOT, page_id, wait_still

SHOTS = ROOT / "screenshots"
SAMPLE = ["/", "/guide/what-happens/", "/tools/schedule/",
          "/zh-Hant/", "/zh-Hant/guide/what-happens/", "/zh-Hant/tools/schedule/"]


@pytest.fixture(scope="module")
def context(browser, base_url):
    ctx = phone_context(browser)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("url", ["/", "/guide/what-happens/", "/zh-Hant/tools/schedule/"],
                         ids=page_id)
def test_drawer_links_are_big_enough(tab, base_url, url):
    tab.goto(base_url + url)
    tab.locator("label.md-header__button[for=__drawer]").click()
    tab.locator(".md-nav--primary").first.wait_for(state="visible")
    wait_still(tab, ".md-sidebar--primary")  # the drawer has slid in
    small = tab.evaluate(SMALL_TARGETS, "drawer")
    assert small == [], "targets too small to tap:\n" + "\n".join(small)


@pytest.mark.parametrize("url", ["/about/", "/zh-Hant/about/"], ids=page_id)
def test_search_controls_are_big_enough(tab, base_url, url):
    tab.goto(base_url + url)
    tab.locator("label.md-header__button[for=__search]").click()
    box = tab.locator("input.md-search__input")
    box.fill("还款")
    box.press("End")
    tab.locator(".md-search__options button[type=reset]").wait_for(state="visible")
    wait_still(tab, ".md-search__options button[type=reset]")  # the clear button has faded in
    small = tab.evaluate(SMALL_TARGETS, "header")
    assert small == [], "targets too small to tap:\n" + "\n".join(small)


@pytest.mark.parametrize("url", SAMPLE, ids=page_id)
def test_screenshot_of_a_sample_page(tab, base_url, url):
    """Not a check: full-page phone screenshots in screenshots/ for a person to look at."""
    SHOTS.mkdir(exist_ok=True)
    tab.goto(base_url + url)
    name = "phone-" + page_id(url).replace("/", "_") + ".png"
    tab.screenshot(path=str(SHOTS / name), full_page=True)
    assert (SHOTS / name).stat().st_size > 10_000
