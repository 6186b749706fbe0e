"""Every page on a 375 px wide phone, in both scripts (issue 6).

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

from tests.support.quality import PHONE, ROOT, new_context, page_id, source_pages, wait_still

WIDTH = PHONE["width"]
SHOTS = ROOT / "screenshots"
SAMPLE = ["/", "/guide/what-happens/", "/tools/schedule/",
          "/zh-Hant/", "/zh-Hant/guide/what-happens/", "/zh-Hant/tools/schedule/"]


@pytest.fixture(scope="module")
def context(browser, base_url):
    ctx = new_context(browser, PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield ctx
    ctx.close()


# Elements that stick out to the right and are not inside a box that scrolls or clips.
STICKING_OUT = """(width) => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.right <= width + 1 || box.width === 0) continue;
        let parent = el.parentElement, contained = false;
        while (parent && parent !== document.body) {
            const s = getComputedStyle(parent);
            if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)
                && parent.getBoundingClientRect().right <= width + 1) { contained = true; break; }
            parent = parent.parentElement;
        }
        const s = getComputedStyle(el);
        if (!contained && s.visibility !== 'hidden' && s.display !== 'none'
            && !el.closest('[hidden], .md-sidebar, .md-search, [aria-hidden=true]'))
            out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
                ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                ` right=${Math.round(box.right)}`);
    }
    return out.slice(0, 10);
}"""

# Tables and code blocks of the article: each must have a scrolling box around it.
SCROLL_BOXES = """(width) => {
    const bad = [];
    for (const el of document.querySelectorAll('article table, article pre')) {
        // A <pre> that wraps its lines (white-space: pre-wrap) and fits needs no scrolling.
        if (el.tagName === 'PRE' && el.scrollWidth <= el.clientWidth + 1
            && getComputedStyle(el).whiteSpace !== 'pre') continue;
        let box = el.tagName === 'PRE' ? el : el.parentElement;
        let scroller = null;
        for (let p = box; p && p !== document.body; p = p.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) { scroller = p; break; }
        }
        const what = el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 20) + '"';
        if (!scroller) { bad.push(what + ': no scrolling box'); continue; }
        if (scroller.getBoundingClientRect().right > width + 1)
            bad.push(what + ': box wider than the screen');
        const focusable = scroller.tabIndex >= 0
            || scroller.querySelector('a[href], button, input, select, textarea, [tabindex]');
        if (scroller.scrollWidth > scroller.clientWidth + 1 && !focusable)
            bad.push(what + ': overflows, but the keyboard cannot reach its box');
    }
    return bad;
}"""


# Tap targets: (what, width, height) of each control below the size its rule asks for.
# rule: "page" (widget controls, header, summaries, task lists), "header" or "drawer".
SMALL_TARGETS = """(rule) => {
    const visible = (el) => {
        const s = getComputedStyle(el), b = el.getBoundingClientRect();
        return s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'
            && b.width > 0 && b.height > 0;
    };
    const describe = (el) => el.tagName.toLowerCase() +
        (el.name ? `[name=${el.name}]` : '') + (el.id ? '#' + el.id : '') +
        ' "' + (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 24) + '"';
    const bad = [];
    const check = (el, target, min) => {
        if (target.width < min.w - 0.5 || target.height < min.h - 0.5)
            bad.push(`${describe(el)}: ${Math.round(target.width)}x${Math.round(target.height)}`);
    };
    const union = (boxes) => {
        const l = Math.min(...boxes.map(b => b.left)), t = Math.min(...boxes.map(b => b.top));
        return {width: Math.max(...boxes.map(b => b.right)) - l,
                height: Math.max(...boxes.map(b => b.bottom)) - t};
    };
    const big = {w: 44, h: 44}, small = {w: 0, h: 24};
    const widgetControls = document.querySelectorAll(
        '[data-widget] :is(button, input:not([type=hidden]), select, textarea), ' +
        ':is(form[data-calc], form[data-tool]) :is(button, input:not([type=hidden]), select, textarea)');
    for (const el of rule === 'page' ? new Set(widgetControls) : []) {
        if (el.closest('[hidden]')) continue;
        if (['checkbox', 'radio'].includes(el.type)) {
            const boxes = [el, ...el.labels].filter(visible).map(x => x.getBoundingClientRect());
            if (boxes.length) check(el, union(boxes), big);
        } else if (visible(el)) {
            check(el, el.getBoundingClientRect(), big);
        }
    }
    if (rule === 'page' || rule === 'header') {
        for (const el of document.querySelectorAll(
                '.md-header :is(label.md-header__button, button, a.md-header__button, .md-select__link)'))
            if (visible(el)) check(el, el.getBoundingClientRect(), big);
    }
    if (rule === 'drawer') {
        for (const el of document.querySelectorAll(
                '.md-nav--primary :is(a.md-nav__link, label.md-nav__link)'))
            if (visible(el)) check(el, el.getBoundingClientRect(), small);
    }
    if (rule === 'page')
        for (const el of document.querySelectorAll('article :is(summary, label.task-list-control)'))
            if (visible(el)) check(el, el.getBoundingClientRect(), small);
    return bad;
}"""


@pytest.mark.parametrize("url", source_pages(), ids=page_id)
def test_page_fits_a_375px_screen_with_big_enough_targets(tab, base_url, url):
    """One load per page for both checks (the module's slowest part is loading pages)."""
    tab.goto(base_url + url)
    width = tab.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    sticking_out = tab.evaluate(STICKING_OUT, WIDTH)
    boxes = tab.evaluate(SCROLL_BOXES, WIDTH)
    small = tab.evaluate(SMALL_TARGETS, "page")
    assert width <= WIDTH + 1, f"the page is {width} px wide: {sticking_out}"
    assert sticking_out == [], "cut off at the right edge:\n" + "\n".join(sticking_out)
    assert boxes == [], "\n".join(boxes)
    assert small == [], "targets too small to tap:\n" + "\n".join(small)


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
