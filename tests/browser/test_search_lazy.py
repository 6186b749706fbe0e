"""The search index is loaded when the reader opens search, not with every page (issue 13).

Material requests search/search_index.json (hundreds of KB) as soon as its bundle runs; on
a tool page that competes with the Pyodide runtime. hooks/search_lazy.js (prepended to the
bundle by hooks/search.py) holds the request back until the reader opens search. Here, on a
tool page and a guide page of each script: after the page has loaded, its widget runtime is
up and Material's bundle has run, no request for an index has been made; then the reader
opens search (a click in the header's box, Material's "/" shortcut, or, on a phone's guide
page, the search button), the page asks for its own script's index once, and a question finds its page.
A ?q= deep link (Material opens search with that query) loads the index at once.
Material's search Web Worker is not started either until search opens (hooks/search.py
makes its watchWorker create it on its first message, which goes with the index).
"""

from __future__ import annotations

import pytest

from tests.support.quality import wait_quiet

INDEX = "search_index.json"
QUESTION = {"zh": ("停息挂账", "/guide/options/"), "zh-Hant": ("停息掛賬", "/zh-Hant/guide/options/")}
PREFIX = {"zh": "", "zh-Hant": "/zh-Hant"}
RESULTS = ".md-search-result__list > li.md-search-result__item"
# Material's bundle has run to its end (it exports component$ last) and its search worker exists.
BUNDLE_DONE = ("() => typeof window.component$ === 'object'"
               " && !!document.querySelector('[data-md-component=search]')")
SEARCH_FOCUSED = "() => document.activeElement && document.activeElement.matches('input.md-search__input')"
RESULT_HREFS = f"""() => [...document.querySelectorAll('{RESULTS} a')]
  .map(a => new URL(a.getAttribute('href'), document.baseURI).pathname)"""


def search_workers(page):
    """The URLs of the search Web Workers the page starts (Playwright's `worker` event: a
    dedicated worker was created, whether its script came from the network or the cache)."""
    started = []
    page.on("worker", lambda w: "/workers/search." in w.url and started.append(w.url))
    return started


def index_requests(page):
    requests = []
    page.on("request", lambda r: INDEX in r.url and requests.append(r.url))
    return requests


def settle(page, path):
    """Load `path` and let it do everything it does without the reader: Material's bundle
    and, on a tool page, the widget runtime's first answer (its worker has booted)."""
    page.wait_for_function(BUNDLE_DONE, timeout=30000)
    if "/tools/" in path:
        page.wait_for_selector("form[data-calc] [data-status][data-state=ready]", state="attached",
                               timeout=120000)
    wait_quiet(page, 60)


def ask(page, question, expected):
    page.keyboard.type(question)
    page.wait_for_function(f"() => document.querySelectorAll('{RESULTS}').length > 0", timeout=30000)
    hrefs = page.evaluate(RESULT_HREFS)
    assert expected in hrefs, hrefs


@pytest.mark.parametrize("lang, path, opener", [
    ("zh", "/tools/payoff/", "click"),
    ("zh", "/guide/what-happens/", "shortcut"),
    ("zh-Hant", "/zh-Hant/tools/schedule/", "shortcut"),
    ("zh-Hant", "/zh-Hant/guide/what-happens/", "click"),
])
def test_no_index_until_search_is_opened(page, base_url, lang, path, opener):
    requests, workers = index_requests(page), search_workers(page)
    page.goto(base_url + path)
    settle(page, path)
    assert requests == [], f"{path} asked for the search index before search was opened: {requests}"
    assert workers == [], f"{path} started the search worker before search was opened: {workers}"
    if opener == "click":
        page.locator("input.md-search__input").click()
    else:
        page.locator("body").click(position={"x": 5, "y": 300})  # focus on the page, not a field
        page.keyboard.press("/")  # Material's shortcut: focuses the search box
        page.wait_for_function(SEARCH_FOCUSED)
    question, expected = QUESTION[lang]
    ask(page, question, expected)
    assert requests == [f"{base_url}{PREFIX[lang]}/search/{INDEX}"], requests
    assert len(workers) == 1, workers  # one search worker, started when search opened


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_phone_search_button_loads_the_index(phone, base_url, lang):
    path = f"{PREFIX[lang]}/guide/prepare/"
    requests = index_requests(phone)
    phone.goto(base_url + path)
    settle(phone, path)
    assert requests == []
    phone.locator("label.md-header__button[for=__search]").click()
    question, expected = QUESTION[lang]
    ask(phone, question, expected)
    assert requests == [f"{base_url}{PREFIX[lang]}/search/{INDEX}"], requests


def test_deep_link_query_loads_the_index_at_once(page, base_url):
    requests = index_requests(page)
    question, expected = QUESTION["zh-Hant"]
    page.goto(f"{base_url}/zh-Hant/guide/faq/?q={question}")
    page.wait_for_function(f"() => document.querySelectorAll('{RESULTS}').length > 0", timeout=30000)
    assert expected in page.evaluate(RESULT_HREFS)
    assert requests == [f"{base_url}/zh-Hant/search/{INDEX}"], requests
