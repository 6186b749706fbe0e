"""Accessibility of every page in both scripts (issue 6).

- axe-core (npm, pinned in package.json) on every built page: no violation of impact
  "serious" or "critical" (all of axe's default rules: WCAG 2.x A/AA and best practices),
  at desktop and phone width: in tests/support/page_tests.py, with the other per-page
  checks on one visit per page and width. Here: the phone layout with the menu open.
- The keyboard path, charts' text and announced errors are in test_a11y_keyboard.py (a file
  of its own, so pytest-xdist runs it beside this one).

axe is injected with `context.add_init_script(path=...)` (a DevTools "script to evaluate
on new document"). The page's CSP stays enforced: a <script> tag added by content would be
refused by script-src (no 'unsafe-inline'), and we do not want `bypass_csp=True`, which would
hide CSP violations that the watch must catch.
"""

from __future__ import annotations

import json

import pytest

from tests.support.quality import (
    AXE,
    axe_violations,
    new_context,
    page_id,
    wait_still,
)


@pytest.fixture(scope="module")
def context(browser, base_url):
    """A 375 x 740 window with axe injected, shared by the module's pages (`tab`)."""
    assert AXE.exists(), "node_modules/axe-core is missing: ./scripts/test runs npm ci"
    ctx = new_context(browser, {"width": 375, "height": 740})
    ctx.add_init_script(path=str(AXE))
    yield ctx
    ctx.close()


@pytest.mark.parametrize("url", ["/", "/guide/what-happens/", "/zh-Hant/tools/schedule/"],
                         ids=page_id)
def test_axe_on_a_phone_with_the_menu_open(tab, base_url, url):
    """The phone layout differs (drawer, no sidebars): check it too, with the drawer open."""
    tab.goto(base_url + url)
    tab.locator("label.md-header__button[for=__drawer]").click()
    wait_still(tab, ".md-sidebar--primary")  # the drawer has slid in
    violations = axe_violations(tab)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
