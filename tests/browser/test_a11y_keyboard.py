"""Accessibility of every widget form in both scripts (issue 6), beside test_a11y.py's axe.

- Keyboard: in every widget form (`form[data-calc]`, `form[data-tool]`), every control can
  be reached with Tab alone, and while it has keyboard focus it shows a visible indicator
  (an outline, or a box-shadow / border that differs from its unfocused look).
- Every chart (an <svg> in a widget that is not aria-hidden) has a text alternative:
  role="img" with aria-label / aria-labelledby / <title>, or a <figcaption> in its <figure>.
- Errors are announced: every widget form, or the widget around it ([data-widget]), holds a
  live region (aria-live, role="alert" or role="status") that is in the page from the start
  (a region added later is not read).

Both checks read one visit per widget page (the live regions and charts right after the
load, then the Tab presses), kept by the module's `visits`.
"""

from __future__ import annotations

import pytest

from tests.support import warm
from tests.support.quality import page_id, tool_pages

# The module's context holds the session's Pyodide snapshot, so each widget page starts warm.
context, pyodide_snapshot = warm.context, warm.pyodide_snapshot

FORMS = "form[data-calc], form[data-tool]"


# Opens every <details> in the widget forms (their controls count too), then marks the
# focusable controls and returns how many there are. A group of radio buttons is one Tab
# stop (arrow keys move inside it), so its buttons share one mark.
MARK_CONTROLS = """(sel) => {
    const focusable = 'input:not([type=hidden]), select, textarea, button, a[href], ' +
                      'summary, [tabindex]:not([tabindex="-1"])';
    let n = 0;
    const groups = new Map();
    for (const form of document.querySelectorAll(sel)) {
        for (const d of form.querySelectorAll('details')) d.open = true;
        for (const el of form.querySelectorAll(focusable)) {
            if (el.disabled || el.closest('[hidden], [inert]')
                || !el.checkVisibility({visibilityProperty: true})) continue;
            if (el.type === 'radio' && el.name) {
                const key = form.id + '/' + el.name;
                if (!groups.has(key)) groups.set(key, String(n++));
                el.dataset.qaControl = groups.get(key);
            } else {
                el.dataset.qaControl = String(n++);
            }
        }
    }
    return n;
}"""

# How an element looks: its outline, box-shadow and border.
LOOK = """(el) => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                     ? s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor : '',
            shadow: s.boxShadow, border: s.borderColor + ' ' + s.borderWidth};
}"""

# Records in the page, as each control gets focus: its mark, whether it matches
# :focus-visible, and its look (one round trip per Tab press instead of two). Chrome moves
# through the parts of a date or time input with Tab, so one control takes several presses.
RECORD_FOCUS = """() => {
    const look = """ + LOOK + """;
    window.__qaReached = new Map();
    document.addEventListener('focusin', (event) => {
        const el = event.target;
        const id = el.dataset?.qaControl;
        if (id === undefined || window.__qaReached.has(id)) return;
        window.__qaReached.set(id, {id, tag: el.tagName.toLowerCase(),
            name: el.name || el.id || el.textContent.trim().slice(0, 20),
            visible: el.matches(':focus-visible'), focused: look(el)});
    }, true);
}"""

# Each marked control's look without focus: {mark: look}. The element is the first, in
# document order, that matches `MARK:checked, MARK:not([type=radio])` or `MARK` (for a radio
# group, which shares one mark, the group's first button).
PLAIN_LOOKS = """(ids) => {
    const look = """ + LOOK + """;
    return Object.fromEntries(ids.map((id) => {
        const mark = `[data-qa-control="${id}"]`;
        return [id, look(document.querySelector(`${mark}:checked, ${mark}:not([type=radio]), ${mark}`))];
    }));
}"""

# Tab presses between two looks at how many controls were reached.
PRESSES_PER_CHECK = 12


CHARTS_WITHOUT_TEXT = """() => {
    const bad = [];
    for (const w of document.querySelectorAll('form[data-calc], form[data-tool], [data-widget]'))
        for (const svg of w.querySelectorAll('svg')) {
            if (svg.closest('[aria-hidden=true]') || svg.parentElement.closest('svg')) continue;
            const named = svg.getAttribute('role') === 'img' && (
                (svg.getAttribute('aria-label') || '').trim() ||
                svg.getAttribute('aria-labelledby') ||
                (svg.querySelector(':scope > title')?.textContent || '').trim());
            const caption = svg.closest('figure')?.querySelector('figcaption')?.textContent.trim();
            if (!named && !caption) bad.push(svg.outerHTML.slice(0, 160));
        }
    return [...new Set(bad)];
}"""

SILENT_FORMS = """(sel) => [...document.querySelectorAll(sel)]
    .filter(form => !(form.closest('[data-widget]') || form).querySelector(
        '[aria-live=polite], [aria-live=assertive], [role=alert], [role=status]'))
    .map(form => form.outerHTML.slice(0, 100))"""


def tab_through(tab) -> dict:
    """Marks every control of the page's widget forms, presses Tab through them and returns
    what was reached and how each looked with and without focus."""
    total = tab.evaluate(MARK_CONTROLS, FORMS)
    found = {"total": total}
    if total == 0:
        return found
    tab.evaluate(RECORD_FOCUS)
    # Start just before the first widget (a focusable marker put there) rather than at the
    # top: the header and the sidebars are the same on every page and cost a press each.
    presses = tab.evaluate("""(sel) => {
        const start = document.createElement('span');
        start.tabIndex = -1;
        document.querySelector(sel).before(start);
        start.focus();
        return document.querySelectorAll('[data-qa-control]').length;
    }""", FORMS)
    # A date or time input takes a press per part (day, month, year).
    budget = 3 * presses + 10
    while budget > 0:
        for _ in range(min(PRESSES_PER_CHECK, budget)):
            tab.keyboard.press("Tab")
        budget -= PRESSES_PER_CHECK
        if tab.evaluate("() => window.__qaReached.size") >= total:
            break
    reached = {look["id"]: look for look in tab.evaluate("() => [...window.__qaReached.values()]")}
    # Each control's look without focus, to tell a focus ring from a permanent shadow (one
    # round trip for all of them).
    tab.evaluate("document.activeElement && document.activeElement.blur()")
    plain = tab.evaluate(PLAIN_LOOKS, list(reached))
    for look in reached.values():
        look["plain"] = plain[look["id"]]
    found["missing"] = tab.evaluate("""(seen) => [...document.querySelectorAll('[data-qa-control]')]
        .filter(el => !seen.includes(el.dataset.qaControl))
        .map(el => el.outerHTML.slice(0, 120))""", list(reached))
    found["reached"] = reached
    return found


def measure(tab, base_url, url) -> dict:
    """One visit of a widget page for both checks: the charts' text and the live regions
    right after the load (before any key is pressed), then the keyboard path."""
    tab.goto(base_url + url)
    found = {"forms": tab.locator(FORMS).count(),
             "unnamed": tab.evaluate(CHARTS_WITHOUT_TEXT),
             "silent": tab.evaluate(SILENT_FORMS, FORMS)}
    found.update(tab_through(tab))
    return found


@pytest.fixture(scope="module")
def visits(context, base_url):
    """Each widget page visited once (lazily, by the first of its tests) in the module's
    context, all in one reused page (a fresh document each, tests/support/page_audit.py);
    what the visit measured and what its watch recorded."""
    from tests.support.page_audit import ReusedPage

    done = {}
    reused = ReusedPage(context, base_url)

    def visit(url: str):
        if url not in done:
            done[url] = reused.visit(lambda tab: measure(tab, base_url, url))
        return done[url]

    yield visit
    reused.close()


@pytest.mark.parametrize("url", tool_pages(), ids=page_id)
def test_every_widget_control_is_reached_by_tab_with_a_visible_focus(visits, url):
    visit = visits(url)
    assert visit.get("forms") > 0, "no widget form on this page"
    assert visit.get("total") > 0, "a widget form with no control"
    missing, reached = visit.get("missing"), visit.get("reached")
    assert missing == [], f"controls that Tab never reaches: {missing}"
    invisible = [f"{look['tag']} {look['name']!r}: {look['focused']}"
                 for look in reached.values()
                 if not (look["visible"] and (look["focused"]["outline"]
                         or look["focused"]["shadow"] != look["plain"]["shadow"]
                         or look["focused"]["border"] != look["plain"]["border"]))]
    assert invisible == [], f"no visible keyboard focus on: {invisible}"


@pytest.mark.parametrize("url", tool_pages(), ids=page_id)
def test_charts_have_text_and_errors_are_announced(visits, url):
    visit = visits(url)
    unnamed, silent = visit.get("unnamed"), visit.get("silent")
    assert unnamed == [], f"charts without a text alternative: {unnamed}"
    assert silent == [], f"widget forms whose errors nobody hears (no live region): {silent}"
