"""The first browser tests: both home pages, the language switcher both ways, and search
that stays inside the page's own script. Every test also fails on a request off the
loopback host or a console error (see conftest.PageWatch)."""

from __future__ import annotations

import re

import pytest

HANT = "/zh-Hant/"


@pytest.mark.parametrize("path, lang, title", [
    ("/", "zh", "逾期协商指南"),
    (HANT, "zh-Hant", "逾期協商指南"),
])
def test_home_page_renders(page, base_url, path, lang, title):
    page.goto(base_url + path)
    assert page.locator("html").get_attribute("lang") == lang
    assert title in page.title()
    assert page.locator("article h1").first.is_visible()


def _switch_language(page, target_lang):
    page.locator(".md-header__option .md-select").first.hover()
    link = page.locator(f'.md-select__link[hreflang="{target_lang}"]').first
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("start, target_lang, expected", [
    ("/about/", "zh-Hant", "/zh-Hant/about/"),
    ("/zh-Hant/about/", "zh", "/about/"),
    ("/", "zh-Hant", "/zh-Hant/"),
    ("/zh-Hant/", "zh", "/"),
])
def test_language_switcher_lands_on_the_same_page(page, base_url, start, target_lang, expected):
    page.goto(base_url + start)
    _switch_language(page, target_lang)
    assert page.url == base_url + expected
    assert page.locator("html").get_attribute("lang") == target_lang


@pytest.mark.parametrize("path, query, own, other", [
    ("/about/", "还款", re.compile(r"^(?!.*/zh-Hant/)"), "/zh-Hant/"),
    ("/zh-Hant/about/", "還款", re.compile(r"/zh-Hant/"), None),
])
def test_search_finds_pages_of_the_own_script_only(page, base_url, path, query, own, other):
    page.goto(base_url + path)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup
    items = page.locator(".md-search-result__item a")
    items.first.wait_for(timeout=15000)
    hrefs = [items.nth(i).get_attribute("href") for i in range(items.count())]
    assert hrefs
    absolute = [page.evaluate("h => new URL(h, document.baseURI).href", h) for h in hrefs]
    for url in absolute:
        if path.startswith(HANT):
            assert "/zh-Hant/" in url, url
        else:
            assert "/zh-Hant/" not in url, url
    # The results open real pages of the same script.
    with page.expect_navigation():
        items.first.click()
    assert page.locator("html").get_attribute("lang") == ("zh-Hant" if path.startswith(HANT) else "zh")


def test_old_browser_without_resize_observer_gets_our_polyfill_not_a_cdn(page, base_url):
    """Material loads a ResizeObserver polyfill from unpkg.com on old browsers; the build
    points it at our own copy (hooks/site.py). Simulate such a browser."""
    page.add_init_script("delete window.ResizeObserver;")
    page.goto(base_url + "/guide/faq/")
    page.wait_for_function("typeof window.ResizeObserver === 'function'", timeout=10000)
    assert any(url.endswith("/assets/vendor/resize-observer.js") for url in page.watch.requests)


@pytest.mark.parametrize("path", ["/guide/what-happens/", "/zh-Hant/guide/what-happens/"])
def test_glossary_terms_show_their_definition_when_tapped(browser, base_url, path):
    """Glossary terms (hooks/site.py) are focusable <abbr>s, so a tap or Tab shows
    Material's tooltip with the definition in the page's own script."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True,
                                  has_touch=True, service_workers="block")
    try:
        page = context.new_page()
        page.goto(base_url + path)
        term = page.locator("article abbr[title]").first
        definition = term.get_attribute("title")
        term.scroll_into_view_if_needed()
        term.tap()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(timeout=5000)
        assert tooltip.inner_text().strip() == definition
        if "zh-Hant" in path:
            assert "徵信" in page.locator("article").inner_text()
    finally:
        context.close()
