"""The visits scripts/bench_browser.py times: our tool page and the stock Pyodide page.

Each visit is one page in a Chromium profile (a persistent context), against the built
site served by scripts/nginx_host.py. "Ours" is /tools/payoff/, where the reader changes
the monthly payment as soon as the input exists; "stock" is a bare page (written to
<site>/_bench/ for the run only) that starts the same Pyodide release the way its docs
do (loadPyodide with its own lock file and full python_stdlib.zip) in a module worker,
unpacks the same calc wheel and calls calc with the same input. Both are timed from
navigation start (performance.now()) to the first answer for the reader's input.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from calc import api
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

PAGE = "/tools/payoff/"
FIELD = "monthly_payment"
VALUE = "2500"
OUTPUT = "months"
GUIDE = "/guide/prepare/"
BARE = "/_bench/bare.html"
TIMEOUT = 240_000  # a cold start over the slow link on a busy 2-core machine

# The slow link (CDP Network.emulateNetworkConditions): 1.6 Mbit/s shared by every request
# of the page and its workers, 150 ms added to each response.
SLOW_LINK = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 200_000}

BARE_HTML = """<!doctype html><meta charset="utf-8"><title>stock Pyodide</title>
<script type="module" src="bare.js"></script>
"""
BARE_JS = """// Stock Pyodide: the same release in a module worker, the same wheel, one calc call.
const params = JSON.parse(new URL(location.href).searchParams.get("params"));
const worker = new Worker(new URL("bare-worker.js", import.meta.url), { type: "module" });
worker.onmessage = (e) => { window.benchResult = e.data; window.benchDone = performance.now(); };
worker.postMessage({
  indexURL: new URL(RUNTIME, location.href).href,
  wheelURL: new URL(RUNTIME + WHEEL, location.href).href,
  params,
});
"""
BARE_WORKER = """import { loadPyodide } from "PYODIDE_MJS";
self.onmessage = async (e) => {
  const { indexURL, wheelURL, params } = e.data;
  const pyodide = await loadPyodide({ indexURL, packages: [] });
  const wheel = await (await fetch(wheelURL)).arrayBuffer();
  pyodide.unpackArchive(new Uint8Array(wheel), "wheel");
  pyodide.runPython("import json, calc.api");
  const out = pyodide.runPython("lambda n, p: json.dumps(calc.api.run(n, json.loads(p), 'zh'))");
  self.postMessage(JSON.parse(out("payoff", JSON.stringify(params))));
};
"""

# Records when an <output name=OUTPUT> first shows the expected data-value.
WATCH_OUTPUT = """(() => {
  const want = %s;
  new MutationObserver((records, obs) => {
    const out = document.querySelector('form[data-calc] output[name="%s"]');
    if (out && out.dataset.value === want && window.benchDone === undefined) {
      window.benchDone = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-value"], childList: true });
})();"""

# worker.js's notices that end a snapshot's story (stored, or why not).
SNAPSHOT_ENDS = ("snapshot stored:", "snapshot not stored:", "snapshot not made:",
                 "snapshot worker: no snapshot")

# Everything the origin keeps on the device, after the service worker and the snapshot
# worker are done writing: the estimate, read until it stops changing.
STORAGE = """async () => {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const { usage } = await navigator.storage.estimate();
    if (usage === last) return usage;
    last = usage;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return last;
}"""


def add_site_argument(parser) -> None:
    """The benchmarks' --site: the built site to serve (default $SITE_DIR or site/)."""
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--site", default=os.environ.get("SITE_DIR", str(root / "site")))


def built_site(arg: str) -> Path | None:
    """The --site folder, resolved, or None (with a message) when nothing is built there."""
    site = Path(arg).resolve()
    if not (site / "index.html").exists():
        print("No built site: run ./scripts/build first.", file=sys.stderr)
        return None
    return site


def runtime_paths(site: Path) -> tuple[str, str]:
    (runtime,) = [p for p in (site / "pyodide").iterdir() if p.is_dir()]
    wheel = next(runtime.glob("calc-*.whl"))
    return f"/pyodide/{runtime.name}/", wheel.name


def write_bare(site: Path) -> Path:
    runtime, wheel = runtime_paths(site)
    bench = site / "_bench"
    bench.mkdir(exist_ok=True)
    (bench / "bare.html").write_text(BARE_HTML, encoding="utf-8")
    (bench / "bare.js").write_text(
        f"const RUNTIME = {json.dumps(runtime)}; const WHEEL = {json.dumps(wheel)};\n" + BARE_JS,
        encoding="utf-8")
    (bench / "bare-worker.js").write_text(
        BARE_WORKER.replace("PYODIDE_MJS", runtime + "pyodide.mjs"), encoding="utf-8")
    return bench


def launch(p, profile: str, spki: str):
    """A fresh profile, service workers allowed (the site's own offline worker is part of
    what a reader gets), the host's self-signed certificate trusted by its SPKI hash
    (scripts/nginx_host.spki_hash: unlike --ignore-certificate-errors, the HTTP cache works)."""
    return p.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, f"--ignore-certificate-errors-spki-list={spki}"],
        headless=True, viewport={"width": 1280, "height": 900}, locale="zh-CN",
        service_workers="allow")


def expected_params() -> dict:
    params = api.example("payoff", "zh")
    params[FIELD] = VALUE
    return params


def want() -> str:
    return api.run("payoff", expected_params())["result"][OUTPUT]


def new_page(context, slow: bool):
    page = context.new_page()
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    return page


def answered_at(page) -> tuple[float, float]:
    """(ms from navigation start, epoch seconds) of the first own answer."""
    took, origin = page.evaluate("[window.benchDone, performance.timeOrigin]")
    return took, (origin + took) / 1000


def our_visit(context, base: str, *, slow: bool = False, wait_snapshot: bool = True) -> dict:
    """The reader opens the tool page and types at once. After the answer, a cold start's
    snapshot is awaited (its notice), so the next visit can start warm."""
    page = new_page(context, slow)
    notices: list[str] = []
    page.on("console", lambda m: notices.append(m.text) if "calculator runtime" in m.text else None)
    if os.environ.get("BENCH_DEBUG"):
        page.on("console", lambda m: print("  console", m.type, m.text[:300]))
    page.add_init_script(WATCH_OUTPUT % (json.dumps(want()), OUTPUT))
    page.goto(base + PAGE, wait_until="commit")
    field = page.locator(f'form[data-calc] [name="{FIELD}"]')
    field.wait_for(state="attached", timeout=TIMEOUT)
    field.fill(VALUE)
    page.wait_for_function("() => window.benchDone !== undefined", timeout=TIMEOUT, polling=50)
    took, at = answered_at(page)
    page.wait_for_function("() => YQXS.state() === 'ready'", timeout=TIMEOUT)
    started = page.evaluate("YQXS.startedFrom()")
    snapshot = None
    if started == "cold" and wait_snapshot:
        deadline = time.monotonic() + 180
        while snapshot is None and time.monotonic() < deadline:
            snapshot = next((n for n in notices if any(end in n for end in SNAPSHOT_ENDS)), None)
            page.wait_for_timeout(250)
    return {"page": page, "ms": took, "at": at, "from": started, "snapshot": snapshot}


def bare_visit(context, base: str, *, slow: bool = False, wait_snapshot: bool = False) -> dict:
    page = new_page(context, slow)
    page.goto(base + BARE + "?params=" + json.dumps(expected_params()), wait_until="commit")
    page.wait_for_function("() => window.benchDone !== undefined", timeout=TIMEOUT, polling=50)
    took, at = answered_at(page)
    result = page.evaluate("window.benchResult")
    if not (result.get("ok") and result["result"][OUTPUT] == want()):
        raise AssertionError(f"stock page answered wrongly: {result}")
    return {"page": page, "ms": took, "at": at, "from": "cold", "snapshot": None}


def visit(kind: str, context, base: str, **kw) -> dict:
    return our_visit(context, base, **kw) if kind == "ours" else bare_visit(context, base, **kw)


def storage_usage(page) -> int:
    return int(page.evaluate(STORAGE))


def works_offline(kind: str, context, base: str, host) -> bool:
    """After a visit: the context goes offline, the page is loaded again and the reader's
    input computed. Yes only if the answer came and no request reached the host (but
    /sw.js: Chromium's own update check of the service worker, which its offline emulation
    does not cover; on a device that is really offline it fails and changes nothing)."""
    before = len(host.log_lines())
    context.set_offline(True)
    page = context.new_page()
    page.add_init_script(WATCH_OUTPUT % (json.dumps(want()), OUTPUT))
    try:
        if kind == "ours":
            page.goto(base + PAGE, wait_until="commit", timeout=30_000)
            field = page.locator(f'form[data-calc] [name="{FIELD}"]')
            field.wait_for(state="attached", timeout=30_000)
            field.fill("2400")
            field.fill(VALUE)
        else:
            page.goto(base + BARE + "?params=" + json.dumps(expected_params()), timeout=30_000)
        page.wait_for_function("() => window.benchDone !== undefined", timeout=60_000, polling=100)
        ok = True
    except Exception:  # noqa: BLE001 - any failure to load or compute offline is a "no"
        ok = False
    finally:
        page.close()
        context.set_offline(False)
    reached = [r for r in host.log_lines()[before:] if r[3] != "/sw.js"]
    return ok and not reached


def wire_bytes(host, since: int, until: float) -> tuple[int, int]:
    """(bytes, responses) the host sent from log line `since` on, up to epoch `until`."""
    rows = [r for r in host.log_lines()[since:] if r[0] <= until + 0.001]
    return sum(r[2] for r in rows), len(rows)


def recompute_latency(page, events: int = 50) -> list[float]:
    """Input events on a ready page, each to the runtime's yqxs:result event."""
    return page.evaluate("""async ([field, n]) => {
        const form = document.querySelector('form[data-calc]');
        const input = form.querySelector(`[name="${field}"]`);
        const times = [];
        for (let i = 0; i < n; i++) {
            const done = new Promise(
                (resolve) => form.addEventListener("yqxs:result", resolve, { once: true }));
            const t0 = performance.now();
            input.value = String(2000 + 37 * i);
            input.dispatchEvent(new Event("input", { bubbles: true }));
            await done;
            times.push(performance.now() - t0);
            await new Promise((r) => setTimeout(r, 30));
        }
        return times;
    }""", [FIELD, events])
