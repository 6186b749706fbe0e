"""What the per-page quality checks measure in the page, as JavaScript run by page.evaluate:
the 375 px fit and tap targets (issue 6), the named table regions (issue 10) and print
(issue 6). One place for each snippet: tests/support/page_audit.py runs them once per page
visit for every page, and the tests that look at one page in another state (the drawer open,
search open) use the same snippets.
"""

from __future__ import annotations

import re

from tests.support.quality import HANT, PHONE

WIDTH = PHONE["width"]

# ---------------------------------------------------------------- a 375 px phone (issue 6)

# The document's width.
DOCUMENT_WIDTH = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"

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

# ------------------------------------------------ tables as named keyboard regions (issue 10)

# The guide pages with Markdown tables (each script).
PAGES_WITH_TABLES = ["/guide/true-rate/", "/guide/options/", "/guide/stages/", "/guide/help/",
                     "/about/"]
TABLE_PAGES = PAGES_WITH_TABLES + [f"/{HANT}" + u for u in PAGES_WITH_TABLES]

# a second table under the same heading is numbered: 表格：标题（2）
SUFFIXES = ("", *(f"（{n}）" for n in range(2, 10)))

# Every Markdown table of the article (no class: widget tables have their own wraps):
# its nearest wrapper, whether that wrapper is the box that scrolls, and its name.
TABLE_REGIONS = """() => [...document.querySelectorAll('article table:not([class])')].map(t => {
    const wrap = t.closest('.table-wrap');
    let scroller = null;
    for (let p = t.parentElement; p && p !== document.body; p = p.parentElement)
        if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) { scroller = p; break; }
    // The name it should have: its caption, else the nearest heading above it (in the
    // page's own script), without the heading's permalink sign.
    const heading = document.evaluate(
        'preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]',
        t, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    const source = t.caption || heading;
    let expected = '';
    if (source) {
        const copy = source.cloneNode(true);
        copy.querySelectorAll('.headerlink').forEach(a => a.remove());
        expected = '表格：' + copy.textContent.trim().replace(/\\s+/g, ' ');
    }
    return {table: t.textContent.trim().slice(0, 16),
            expected,
            wrapped: !!wrap,
            role: wrap && wrap.getAttribute('role'),
            tabindex: wrap && wrap.getAttribute('tabindex'),
            label: wrap && (wrap.getAttribute('aria-label') || '').trim(),
            scrolls_in_wrap: !!wrap && scroller === wrap};
})"""

# ---------------------------------------------------------------- print (issue 6)

PRINT_GUIDES = ["/guide/what-happens/", "/guide/prepare/", f"/{HANT}/guide/what-happens/",
                f"/{HANT}/guide/prepare/"]
CHROME = (".md-header, .md-tabs, .md-sidebar--primary, .md-sidebar--secondary, .md-search, "
          ".md-footer, .md-top, .md-content__button")
DATES = re.compile(r"(更新于|更新於|截至)\s*\d{4}")

# What the printed page hides that it should show, and shows that it should hide.
PRINT_PROBLEMS = """([chrome, datePattern]) => {
    const shown = (el) => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    const describe = (el) => el.tagName.toLowerCase() + (el.name ? `[name=${el.name}]` : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') +
        ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"';
    const problems = [];
    for (const el of document.querySelectorAll(chrome))
        if (shown(el)) problems.push('printed: ' + describe(el));
    const must = [document.querySelector('article'), document.querySelector('article h1'),
                  ...document.querySelectorAll('.site-disclaimer')];
    for (const form of document.querySelectorAll('form[data-calc], form[data-tool]'))
        for (const el of form.querySelectorAll('input:not([type=hidden]):not([type=file]), select, textarea'))
            if (!el.closest('[hidden], details:not([open])') && !['checkbox', 'radio'].includes(el.type)
                && el.dataset.screenVisible === '1') must.push(el);
    for (const el of document.querySelectorAll('output'))
        if (el.dataset.screenVisible === '1') must.push(el);
    const re = new RegExp(datePattern);
    for (const el of document.querySelectorAll('article p, article li, article em, article td'))
        if (re.test(el.textContent) && el.dataset.screenVisible === '1') must.push(el);
    for (const el of must)
        if (!el || !shown(el)) problems.push('not printed: ' + (el ? describe(el) : 'missing'));
    return problems;
}"""

# Marks what the screen shows (before print media is emulated), so the print check asks
# only for what a reader saw.
MARK_SCREEN_VISIBLE = """() => {
    for (const el of document.querySelectorAll('article *'))
        if (el.checkVisibility({visibilityProperty: true})) el.dataset.screenVisible = '1';
}"""

# ---------------------------------------------------------------- privacy (issue 6)

# Keys of ours in local or session storage.
STORED_KEYS = """() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]
                        .filter(k => k.startsWith('yqxs'))"""
