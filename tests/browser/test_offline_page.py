"""A page never visited, opened offline, shows the offline page of its script (issue 13).

docs/sw.js keeps both scripts' offline pages (docs/offline.md, /offline/ and
/zh-Hant/offline/) when it installs, and answers a navigation that neither the network nor
its cache can serve with the offline page of the address's script: status 503, at the
address asked for, styled, its links working (a <base> at the offline page's address). A
page that was visited still opens as itself offline, and once back online the address asked
for loads the real page. A request that is not a navigation (a file) gets no offline page.
"""

from __future__ import annotations

import pytest

from tests.browser.test_offline import CONTROLLED, READY, styled, sw_context, wait_cached, watched
from tests.support.quality import wait_quiet

TITLE = {"zh": "你现在离线", "zh-Hant": "你現在離線"}
PREFIX = {"zh": "", "zh-Hant": "/zh-Hant"}


def h1(page) -> str:
    """The page's heading without its permalink mark."""
    return page.locator("h1").first.inner_text().strip().removesuffix("#").strip()


@pytest.mark.parametrize("lang, other", [("zh", "zh-Hant"), ("zh-Hant", "zh")])
def test_a_page_never_visited_shows_the_offline_page_of_its_script(browser, base_url, lang, other):
    prefix = base_url + PREFIX[lang]
    visited, never = f"{prefix}/guide/prepare/", f"{prefix}/guide/legal/"
    context = sw_context(browser)
    try:
        page = watched(context)
        page.goto(visited)
        page.wait_for_function("() => navigator.serviceWorker.ready.then(Boolean)", timeout=READY)
        page.wait_for_function(CONTROLLED, timeout=READY)
        for script in ("zh", "zh-Hant"):  # kept at install, neither page visited
            wait_cached(page, f"{base_url}{PREFIX[script]}/offline/")
        wait_cached(page, visited)
        wait_quiet(page, 60)
        page.watch.assert_clean()

        context.set_offline(True)
        response = page.goto(never)
        assert response.status == 503
        assert page.url == never  # the address the reader asked for stays
        assert h1(page) == TITLE[lang]
        assert page.evaluate("document.documentElement.lang") == lang
        assert styled(page), "the offline page lost its styles"
        hotlines = page.locator("article strong").all_inner_texts()
        assert "12356" in hotlines and "110" in hotlines, hotlines
        # Its links resolve as on /offline/: the home page of the same script.
        home = page.locator("article a", has_text="首页" if lang == "zh" else "首頁").first
        assert home.evaluate("a => a.href") == f"{prefix}/"
        # The other script's address gets the other script's page.
        page.goto(f"{base_url}{PREFIX[other]}/guide/scams/")
        assert h1(page) == TITLE[other]
        # A visited page still opens as itself.
        page.goto(visited)
        assert h1(page) != TITLE[lang]
        # A file that was never fetched is no navigation: no offline page for it.
        status = page.evaluate("""url => fetch(url).then(r => r.status, () => 'failed')""",
                               f"{base_url}/assets/img/never-fetched.png")
        assert status == "failed"

        context.set_offline(False)
        response = page.goto(never)
        assert response.status == 200
        assert h1(page) != TITLE[lang]
        page.close()
    finally:
        context.close()
