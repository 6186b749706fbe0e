"""The per-page checks of every page, written once and collected by one test module per
script (tests/browser/test_pages_zh.py, test_pages_hant.py: `from tests.support.page_tests
import *` and `SCRIPT = ...`), so pytest-xdist runs the two scripts' pages side by side.
Each check reads the one desktop or phone visit `PageAudits` made of its page (see
tests/support/page_audit.py) and asserts what it asserted when it loaded the page itself:

- test_axe_finds_no_serious_or_critical_violation (issue 6, was test_a11y.py): axe-core's
  default rules (WCAG 2.x A/AA and best practices) at desktop width: no violation of impact
  "serious" or "critical".
- test_axe_at_phone_width_finds_no_serious_or_critical_violation (issue 10, was
  test_a11y_phone.py): the same at 375 x 740 with touch. The layout differs (no sidebars,
  tables that scroll, cards in one column), so scrollable-region-focusable and
  color-contrast can fail here only. The counts are printed at the end (`pytest -s`).
- test_page_fits_a_375px_screen_with_big_enough_targets (issue 6, was test_phone.py): no
  sideways scrolling, tables and code scroll inside boxes the keyboard can reach, tap targets
  of 44 x 44 px (widget controls, header) or 24 px high (summaries, task lists); see
  test_phone.py's docstring for the rule.
- test_page_loads_under_its_csp_without_leaving_the_host (issue 6, was test_privacy.py): the
  page's own strict CSP, Referrer-Policy no-referrer, nothing of ours stored and no cookie
  after the load, every request to our own server.
- test_tables_are_named_keyboard_regions_that_scroll (issue 10, was test_a11y_phone.py): each
  Markdown table sits in `div.table-wrap[role=region][tabindex=0]`, the box that scrolls,
  named "表格：" and its caption or nearest heading (numbered when two share one).
- test_print_hides_the_chrome_and_keeps_content_inputs_results_and_dates (issue 6, was
  test_print.py): with print media, the header, tabs, sidebars, search, footer and
  back-to-top are not rendered; the article, its title, every widget field and result and
  every date still are.
"""

from __future__ import annotations

import json

import pytest

from tests.support import page_checks as js
from tests.support.page_audit import PageAudits
from tests.support.quality import HANT, PHONE, page_id, source_pages, tool_pages
from tests.support.warm import pyodide_snapshot  # noqa: F401  (a fixture audits uses)

__all__ = [
    "audits", "pyodide_snapshot", "pytest_generate_tests",
    "test_axe_finds_no_serious_or_critical_violation",
    "test_axe_at_phone_width_finds_no_serious_or_critical_violation",
    "test_page_fits_a_375px_screen_with_big_enough_targets",
    "test_page_loads_under_its_csp_without_leaving_the_host",
    "test_tables_are_named_keyboard_regions_that_scroll",
    "test_print_hides_the_chrome_and_keeps_content_inputs_results_and_dates",
]


def pages_of(script: str) -> list[str]:
    """Every page of one script ("zh" or "zh-Hant"), from docs/."""
    return [u for u in source_pages() if u.startswith(f"/{HANT}/") == (script == HANT)]


# Which pages each check runs on (all of the module's script, or a subset of them).
SUBSETS = {
    "test_tables_are_named_keyboard_regions_that_scroll": set(js.TABLE_PAGES),
    "test_print_hides_the_chrome_and_keeps_content_inputs_results_and_dates":
        set(js.PRINT_GUIDES) | set(tool_pages()),
}


def pytest_generate_tests(metafunc):
    if "url" in metafunc.fixturenames and hasattr(metafunc.module, "SCRIPT"):
        urls = pages_of(metafunc.module.SCRIPT)
        subset = SUBSETS.get(metafunc.function.__name__)
        if subset is not None:
            urls = [u for u in urls if u in subset]
        metafunc.parametrize("url", urls, ids=page_id)


@pytest.fixture(scope="module")
def audits(browser, base_url, pyodide_snapshot):
    audits = PageAudits(browser, base_url, pyodide_snapshot)
    yield audits
    audits.close()
    counts = audits.counts
    by_rule = ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items()) if rule != "checked")
    print(f"\naxe at {PHONE['width']} px: {counts['checked']} pages, "
          f"{sum(n for r, n in counts.items() if r != 'checked')} serious or critical violations"
          + (f" ({by_rule})" if by_rule else ""))


def test_axe_finds_no_serious_or_critical_violation(audits, url):
    violations = audits.desktop_visit(url).get("axe")
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_axe_at_phone_width_finds_no_serious_or_critical_violation(audits, url):
    violations = audits.phone_visit(url).get("axe")
    audits.counts["checked"] += 1
    for v in violations:
        audits.counts[v["id"]] += v["count"]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_page_fits_a_375px_screen_with_big_enough_targets(audits, url):
    visit = audits.phone_visit(url)
    width, sticking_out = visit.get("width"), visit.get("sticking_out")
    boxes, small = visit.get("boxes"), visit.get("small")
    assert width <= js.WIDTH + 1, f"the page is {width} px wide: {sticking_out}"
    assert sticking_out == [], "cut off at the right edge:\n" + "\n".join(sticking_out)
    assert boxes == [], "\n".join(boxes)
    assert small == [], "targets too small to tap:\n" + "\n".join(small)


def test_page_loads_under_its_csp_without_leaving_the_host(audits, base_url, url):
    visit = audits.desktop_visit(url)
    assert visit.get("ok")
    assert visit.get("csp_count") == 1
    content = visit.get("csp")
    assert content.startswith("default-src 'self'") and "'unsafe-eval'" not in content
    assert visit.get("referrer") == "no-referrer"
    # Loading a page stores nothing of ours and sets no cookie.
    assert visit.get("stored") == []
    assert visit.get("cookies") == []
    # Every request went to our own server (the visit's watch checks this too).
    assert all(r.startswith(base_url) or r.startswith(("data:", "blob:"))
               for r in visit.get("requests"))


def test_tables_are_named_keyboard_regions_that_scroll(audits, url):
    tables = audits.phone_visit(url).get("tables")
    assert tables, "no table on this page: the list above is out of date"
    # The name is the caption or the nearest heading (so it is in the page's script); a
    # second table under the same heading adds its number: 表格：…（2）.
    bad = [t for t in tables if not (t["wrapped"] and t["role"] == "region"
                                     and t["tabindex"] == "0" and t["expected"]
                                     and t["label"].startswith(t["expected"])
                                     and t["label"][len(t["expected"]):] in js.SUFFIXES
                                     and t["scrolls_in_wrap"])]
    assert bad == [], json.dumps(bad, ensure_ascii=False, indent=1)
    assert len({t["label"] for t in tables}) == len(tables), "two tables share one name"


def test_print_hides_the_chrome_and_keeps_content_inputs_results_and_dates(audits, url):
    problems = audits.desktop_visit(url).get("print")
    assert problems == [], "\n".join(problems)
