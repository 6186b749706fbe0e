"""Offline after one visit, and installable (issue 13): the service worker (docs/sw.js,
registered by assets/js/sw-register.js) and the web app manifest of each script
(hooks/pwa.py), in Chromium contexts that allow service workers (the other browser tests
block them).

- A guide page and a calculator page, visited once online (the calculator computes once),
  open again offline, styled, and the calculator computes a changed input: in both
  scripts, once with the guide page first (the calculator page is then controlled by the
  worker) and once with the calculator page as the very first page (its runtime was
  downloaded before the worker existed and is taken from the HTTP cache).
- The caches hold no URL with a query string or #fragment and nothing the reader typed; a
  URL with a query string is not answered from a cache.
- On activate, other runtime versions' caches and entries this build no longer ships are
  deleted; the worker's snapshot cache is not touched.
- Each script's manifest is valid, its icons are reachable PNGs of the right size, and
  Chromium finds the page installable (manifest linked, worker controlling the page).
- The runtime files come from their cache by the browser's static route (no worker JS);
  navigations are preloaded.
- Without service workers (blocked, or no `navigator.serviceWorker` at all, as in iOS
  WeChat) the calculator still computes and nothing is cached by us.
- What stays on the device after a calculator visit (navigator.storage.estimate) is
  printed, with the part that is the worker's Pyodide snapshot.
"""

from __future__ import annotations

import json
import struct

import pytest

from calc import api
from tests.conftest import PageWatch
from tests.support.quality import DESKTOP, wait_quiet
from tests.support.warm import wait_until

LANGS = {"zh": "", "zh-Hant": "/zh-Hant"}
READY = 120_000  # a cold Pyodide start on a busy 2-core machine
MB = 1024 * 1024
OUR_CACHES = ("yqxs-pages-", "yqxs-assets-", "yqxs-runtime-")
TYPED = "87654.3"  # what the reader types in these tests: it must end up in no cache

# Every entry of Cache Storage: {cache name: [[url, bytes, content type], ...]}.
CACHE_ENTRIES = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const body = await response.blob();
      out[name].push([request.url, body.size, response.headers.get('Content-Type') || '']);
    }
  }
  return out;
}"""

# The text entries of our caches that contain `needle` (a cache name, a URL).
CACHED_TEXT_WITH = """async ([prefixes, needle]) => {
  const found = [];
  for (const name of await caches.keys()) {
    if (!prefixes.some(p => name.startsWith(p))) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!/text|json|javascript|xml/.test(response.headers.get('Content-Type') || '')) continue;
      if ((await response.text()).includes(needle)) found.push(name + ' ' + request.url);
    }
  }
  return found;
}"""

CONTROLLED = "() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"


def sw_context(browser, **kwargs):
    return browser.new_context(viewport=DESKTOP, locale="zh-CN", service_workers="allow", **kwargs)


def watched(context):
    """A page that records console errors and requests off the loopback host (no request
    routing here: Playwright's routes would take requests away from the service worker)."""
    page = context.new_page()
    page.watch = PageWatch(page)
    page.watch.in_flight = set()
    page.on("request", lambda r: page.watch.in_flight.add(r))
    page.on("requestfinished", lambda r: page.watch.in_flight.discard(r))
    page.on("requestfailed", lambda r: page.watch.in_flight.discard(r))
    return page


def payoff_answer(lang, monthly_payment):
    params = {**api.example("payoff", lang), "monthly_payment": monthly_payment}
    answer = api.run("payoff", params, lang)
    assert answer["ok"], answer
    return str(answer["result"]["months"])


def compute(page, lang, monthly_payment):
    """Type a monthly payment into the payoff calculator and wait for calc's answer."""
    want = payoff_answer(lang, monthly_payment)
    form = page.locator('form[data-calc="payoff"]').first
    form.locator('[name="monthly_payment"]').first.fill(monthly_payment)
    page.wait_for_function(
        "want => document.querySelector('form[data-calc=payoff] output[name=months]').dataset.value === want"
        " && !document.querySelector('form[data-calc=payoff]').hasAttribute('data-pending')",
        arg=want, timeout=READY)
    return want


# page.wait_for_function does not await an async predicate (its promise is truthy at once:
# one call, whatever it resolves to), so these wait with warm.wait_until, in the page.

def wait_cached(page, url, timeout=READY):
    assert wait_until(page, "url => caches.match(url).then(Boolean)", url, timeout), f"{url} not cached"


def wait_runtime_cached(page, base_url, timeout=READY):
    """Until the runtime cache holds the wasm and the wheel the page's worker used."""
    assert wait_until(
        page,
        """async () => {
          const name = (await caches.keys()).find(n => n.startsWith('yqxs-runtime-'));
          if (!name) return false;
          const urls = (await (await caches.open(name)).keys()).map(r => r.url);
          return urls.some(u => u.endsWith('/pyodide.asm.wasm')) && urls.some(u => u.endsWith('.whl'))
            && urls.some(u => u.endsWith('/pyodide.mjs'));
        }""", None, timeout), "the runtime is not in the runtime cache"


def styled(page):
    """The page's own and Material's CSS applied (the header is fixed-height and coloured)."""
    return page.evaluate("""() => {
      const sheets = [...document.styleSheets].filter(s => {
        try { return s.cssRules.length > 0; } catch { return false; }
      });
      const header = document.querySelector('.md-header');
      return sheets.length >= 2 && header && getComputedStyle(header).position === 'sticky';
    }""")


def storage_report(page, label):
    usage = page.evaluate("() => navigator.storage.estimate().then(e => e.usage)")
    entries = page.evaluate(CACHE_ENTRIES)
    sizes = {name: sum(e[1] for e in items) for name, items in entries.items()}
    snapshot = sum(v for k, v in sizes.items() if k.startswith("yqxs-pyodide-snapshot-"))
    print(f"\n[offline] {label}: navigator.storage.estimate().usage = {usage / MB:.1f} MB; "
          f"without the Pyodide snapshot ({snapshot / MB:.1f} MB): {(usage - snapshot) / MB:.1f} MB; "
          + ", ".join(f"{k} {v / MB:.2f} MB" for k, v in sorted(sizes.items())))
    return usage, snapshot, sizes


@pytest.mark.parametrize("lang, guide_first", [("zh", True), ("zh-Hant", False)])
def test_pages_and_calculator_work_offline_after_one_visit(browser, base_url, lang, guide_first):
    prefix = base_url + LANGS[lang]
    guide, tool = f"{prefix}/guide/prepare/", f"{prefix}/tools/payoff/"
    context = sw_context(browser)
    try:
        page = watched(context)
        for url in ([guide, tool] if guide_first else [tool, guide]):
            page.goto(url)
            if url == tool:
                compute(page, lang, "2500")  # the first calculator use
            page.wait_for_function("() => navigator.serviceWorker.ready.then(Boolean)", timeout=READY)
            wait_cached(page, url)
        wait_runtime_cached(page, base_url)
        wait_cached(page, base_url + "/assets/js/widgets.js")
        wait_cached(page, base_url + "/zh-Hant/sitemap.xml")
        wait_quiet(page, 60)
        page.watch.assert_clean()
        usage, snapshot, sizes = storage_report(page, f"{lang}, after a guide and a calculator page")
        ours = sum(v for k, v in sizes.items() if k.startswith(OUR_CACHES))
        assert ours <= 24 * MB, f"our caches hold {ours / MB:.1f} MB"

        context.set_offline(True)
        page.goto(guide)
        assert page.locator("h1").first.is_visible() and styled(page), "guide page offline"
        assert page.evaluate(CONTROLLED)
        page.goto(tool)
        assert styled(page)
        compute(page, lang, "3000")  # a changed input, computed offline
        page.reload()
        compute(page, lang, "2800")
        page.close()
    finally:
        context.close()


# How each runtime file and a file beside them not in the cache reached the page: the
# Resource Timing fields of the service worker's static routing (workerMatchedSourceType:
# the route that matched; workerFinalSourceType: where the response came from).
ROUTED = """async (extra) => {
  const name = (await caches.keys()).find(n => n.startsWith('yqxs-runtime-'));
  const urls = (await (await caches.open(name)).keys()).map(r => r.url);
  const out = {};
  for (const url of [...urls, new URL(extra, urls[0]).href]) {
    const response = await fetch(url);
    await response.arrayBuffer();
    const entry = performance.getEntriesByName(url).pop();
    out[url.split('/').pop()] = [response.status, entry.workerMatchedSourceType, entry.workerFinalSourceType];
  }
  const registration = await navigator.serviceWorker.ready;
  out.preload = (await registration.navigationPreload.getState()).enabled;
  return out;
}"""


def test_the_browser_serves_the_runtime_from_its_cache_without_running_the_worker(browser, base_url):
    """A warm visit's 9.6 MB wasm and the other runtime files come from the runtime cache by
    the static route the worker adds at install (Chromium 123+), not through its JS; a file of
    the runtime's folder that is not cached goes to the network. Navigations are preloaded
    (the page's request goes out while the worker starts)."""
    context = sw_context(browser)
    try:
        page = watched(context)
        page.goto(f"{base_url}/tools/payoff/")
        compute(page, "zh", "2500")
        page.wait_for_function(CONTROLLED, timeout=READY)
        wait_runtime_cached(page, base_url)
        routed = page.evaluate(ROUTED, "pyodide-lock.json")
        assert routed.pop("preload") is True
        lock = routed.pop("pyodide-lock.json")
        assert lock == [200, "cache", "network"], lock
        assert {"pyodide.asm.wasm", "pyodide.mjs", "pyodide.asm.mjs"} <= set(routed), routed
        assert [n for n in routed if n.endswith(".whl")], routed
        assert all(v == [200, "cache", "cache"] for v in routed.values()), routed
        page.goto(f"{base_url}/guide/prepare/")  # a preloaded navigation, answered as before
        assert page.locator("h1").first.is_visible() and styled(page)
        wait_quiet(page, 60)
        page.watch.assert_clean()
        page.close()
    finally:
        context.close()


def test_caches_hold_no_query_no_fragment_and_nothing_typed(browser, base_url):
    context = sw_context(browser)
    try:
        page = watched(context)
        tool = f"{base_url}/tools/payoff/"
        page.goto(tool)
        page.wait_for_function("() => navigator.serviceWorker.ready.then(Boolean)", timeout=READY)
        compute(page, "zh", TYPED)
        # A share-style link (data in the #) and a URL with a query string, each with the typed value.
        page.goto(f"{tool}#principal={TYPED}")
        page.wait_for_function(CONTROLLED, timeout=READY)
        page.goto(f"{tool}?principal={TYPED}")
        compute(page, "zh", "2600")
        wait_runtime_cached(page, base_url)
        wait_cached(page, tool)
        wait_quiet(page, 60)
        page.watch.assert_clean()
        entries = page.evaluate(CACHE_ENTRIES)
        ours = {k: v for k, v in entries.items() if k.startswith(OUR_CACHES)}
        assert set(ours) >= {"yqxs-pages-v1", "yqxs-assets-v1"}, sorted(entries)
        urls = [url for items in ours.values() for url, _, _ in items]
        assert urls and not [u for u in urls if "?" in u or "#" in u or TYPED in u], urls
        assert page.evaluate(CACHED_TEXT_WITH, [list(OUR_CACHES), TYPED]) == []
        # Offline, the URL with a query string is not answered from a cache (it never was kept).
        context.set_offline(True)
        with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
            page.goto(f"{tool}?principal=1")
        page.close()
        # A fresh tab: the failed load's own navigation to Chromium's error page can still be
        # under way in the old one and would interrupt the next goto.
        fresh = watched(context)
        fresh.goto(tool)  # the same page without its query string is
        assert fresh.locator('form[data-calc="payoff"]').count() == 1
        fresh.close()
    finally:
        context.close()


def test_activate_deletes_old_runtime_caches_and_keeps_the_snapshot(browser, base_url):
    context = sw_context(browser)
    try:
        page = watched(context)
        page.goto(base_url + "/robots.txt")  # our origin, no worker registered yet
        version = page.evaluate(
            "() => fetch('/sw.js').then(r => r.text())"
            ".then(t => JSON.parse(t.match(/const BUILD = (.*);/)[1]).pyodide)")
        assert version
        page.evaluate("""async (version) => {
          const put = async (cache, path) => (await caches.open(cache)).put(path, new Response('old'));
          await put('yqxs-runtime-0.0.1', '/pyodide/0.0.1/pyodide.asm.wasm');
          await put('yqxs-pages-v0', '/');
          await put('yqxs-runtime-' + version, `/pyodide/${version}/calc-000000000000.whl`);
          await put('yqxs-pyodide-snapshot-' + version, `/pyodide/${version}/yqxs-snapshot/x`);
        }""", version)
        page.goto(base_url + "/")
        page.wait_for_function(CONTROLLED, timeout=READY)
        names = page.evaluate("() => caches.keys()")
        assert "yqxs-runtime-0.0.1" not in names and "yqxs-pages-v0" not in names, names
        assert f"yqxs-pyodide-snapshot-{version}" in names, names
        kept = page.evaluate(
            "v => caches.open('yqxs-runtime-' + v).then(c => c.keys()).then(k => k.map(r => r.url))", version)
        assert kept == [], kept  # the wheel this build does not ship is gone
        page.close()
    finally:
        context.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_each_script_has_a_manifest_and_is_installable(browser, base_url, lang):
    root = base_url + LANGS[lang] + "/"
    context = sw_context(browser)
    try:
        page = watched(context)
        page.goto(root + "guide/prepare/")
        href = page.evaluate("() => document.querySelector('link[rel=manifest]').href")
        assert href == root + "manifest.webmanifest"
        response = page.request.get(href)
        assert response.ok and response.headers["content-type"].startswith("application/manifest+json")
        manifest = json.loads(response.text())
        resolve = lambda path: page.evaluate("([p, base]) => new URL(p, base).href", [path, href])  # noqa: E731
        assert resolve(manifest["start_url"]) == root
        assert resolve(manifest["scope"]) == base_url + "/"
        assert manifest["display"] == "standalone"
        assert manifest["lang"] == ("zh-Hant" if lang == "zh-Hant" else "zh-Hans")
        assert manifest["name"] == ("逾期協商指南" if lang == "zh-Hant" else "逾期协商指南")
        assert manifest["short_name"] and manifest["theme_color"] and manifest["background_color"]
        sizes = set()
        for icon in manifest["icons"]:
            got = page.request.get(resolve(icon["src"]))
            assert got.ok and got.headers["content-type"] == "image/png", icon
            width, height = png_size(got.body())
            assert icon["sizes"] == f"{width}x{height}", icon
            sizes.add(width)
        assert {192, 512} <= sizes
        page.wait_for_function(CONTROLLED, timeout=READY)
        scope = page.evaluate("() => navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == base_url + "/"
        cdp = context.new_cdp_session(page)
        try:
            parsed = cdp.send("Page.getAppManifest")
            assert parsed["url"] == href and parsed.get("errors") == [], parsed.get("errors")
            errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
        finally:
            cdp.detach()
        # Served over plain http on loopback (a secure context); a test profile is incognito.
        assert set(errors) <= {"in-incognito"}, errors
        wait_quiet(page, 60)
        page.watch.assert_clean()
        page.close()
    finally:
        context.close()


@pytest.mark.parametrize("how", ["blocked", "absent"])
def test_without_service_workers_the_calculator_still_computes(browser, base_url, how):
    """`blocked`: the browser refuses them; `absent`: no navigator.serviceWorker at all, as in
    iOS WeChat's WKWebView. Either way the page is clean and the calculator answers."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", service_workers="block")
    if how == "absent":
        context.add_init_script("delete Navigator.prototype.serviceWorker;")
    try:
        page = watched(context)
        page.goto(f"{base_url}/zh-Hant/tools/payoff/")
        compute(page, "zh-Hant", "2500")
        page.goto(f"{base_url}/guide/prepare/")
        wait_quiet(page, 60)
        assert page.evaluate("() => 'serviceWorker' in navigator") == (how == "blocked")
        names = page.evaluate("() => caches.keys()")
        assert not [n for n in names if n.startswith(OUR_CACHES)], names
        page.watch.assert_clean()
        page.close()
    finally:
        context.close()
