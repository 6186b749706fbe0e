#!/usr/bin/env python3
"""Speed benchmark of the calculators in headless Chromium (a script, not a test).

    ./scripts/build && .venv/bin/python scripts/bench_browser.py [--runs 3] [--site site]

Serves the built site on loopback (scripts/static_server.py, with the _headers of the
site, so /pyodide/* is cacheable as on a real host) and measures, with the same Chromium
arguments as the tests (scripts/chromium.py):

- First result for the reader's own input: navigate to /tools/payoff/, change the monthly
  payment as soon as the input exists, and time (performance.now(), from navigation start)
  until the outputs show calc's answer for it. Cold = a fresh browser profile; warm = the
  second visit in the same profile (HTTP cache, V8's wasm code cache and our Pyodide memory
  snapshot in Cache Storage all available). Side by side, in the same run, with a bare page
  (written to <site>/_bench/ for the run only and removed afterwards) that only starts the
  same Pyodide in a module worker, unpacks the same wheel and calls calc with the same input.
- Recompute latency: 50 input events on a ready page, each from the input event to the
  runtime's "yqxs:result" event (outputs, table and chart redrawn): p50 and p95.
- Bytes downloaded by a guide page (no widget) and by a widget page, fresh profile.

Goals (issue 4): cold <= 1.10 x bare; warm <= 0.6 x cold; recompute p95 <= 30 ms;
0 Pyodide bytes on a guide page.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calc import api  # noqa: E402
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from scripts.static_server import serve_in_thread  # noqa: E402

PAGE = "/tools/payoff/"
FIELD = "monthly_payment"
VALUE = "2500"
OUTPUT = "months"
GUIDE = "/guide/prepare/"

BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module" src="bare.js"></script>
"""
BARE_JS = """// Bare page: the same Pyodide in a module worker, the same wheel, one calc call.
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


def runtime_paths(site: Path) -> tuple[str, str]:
    runtime = next((site / "pyodide").iterdir())
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


def launch(p, profile: str):
    return p.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
        viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")


def expected_params() -> dict:
    params = api.example("payoff", "zh")
    params[FIELD] = VALUE
    return params


def our_visit(context, base: str, want: str) -> tuple[float, str]:
    page = context.new_page()
    notices: list[str] = []
    page.on("console", lambda m: notices.append(m.text) if "calculator runtime" in m.text else None)
    if os.environ.get("BENCH_DEBUG"):
        page.on("console",
                lambda m: print("  console", m.type, m.text[:300]) if "loaded" not in m.text else None)
    page.add_init_script(WATCH_OUTPUT % (json.dumps(want), OUTPUT))
    page.goto(base + PAGE, wait_until="commit")
    field = page.locator(f'form[data-calc] [name="{FIELD}"]')
    field.wait_for(state="attached", timeout=60_000)
    field.fill(VALUE)
    page.wait_for_function("() => window.benchDone !== undefined", timeout=120_000, polling=50)
    took = page.evaluate("window.benchDone")
    page.wait_for_function("() => YQXS.state() === 'ready'", timeout=120_000)
    started = page.evaluate("YQXS.startedFrom()")
    if started == "cold":  # let the worker store its snapshot before the page goes
        for _ in range(600):
            if any(n.endswith(("runtime: snapshot stored", )) or "snapshot not stored" in n for n in notices):
                break
            page.wait_for_timeout(200)
    if os.environ.get("BENCH_DEBUG"):
        print("  notices:", notices)
    page.close()
    return took, started


def bare_visit(context, base: str) -> float:
    page = context.new_page()
    page.goto(base + "/_bench/bare.html?params=" + json.dumps(expected_params()), wait_until="commit")
    page.wait_for_function("() => window.benchDone !== undefined", timeout=120_000, polling=50)
    took = page.evaluate("window.benchDone")
    result = page.evaluate("window.benchResult")
    page.close()
    assert result["ok"] and result["result"][OUTPUT] == api.run("payoff", expected_params())["result"][OUTPUT]
    return took


def first_results(p, base: str, runs: int) -> dict:
    want = api.run("payoff", expected_params())["result"][OUTPUT]
    out = {"ours_cold": [], "ours_warm": [], "bare_cold": [], "bare_warm": [], "ours_warm_from": []}
    for _ in range(runs):
        for kind in ("bare", "ours"):
            profile = tempfile.mkdtemp(prefix="yqxs-bench-")
            context = launch(p, profile)
            try:
                if kind == "ours":
                    cold, _ = our_visit(context, base, want)
                    time.sleep(1.0)
                    warm, started = our_visit(context, base, want)
                    out["ours_warm_from"].append(started)
                else:
                    cold = bare_visit(context, base)
                    time.sleep(1.0)
                    warm = bare_visit(context, base)
                out[f"{kind}_cold"].append(cold)
                out[f"{kind}_warm"].append(warm)
            finally:
                context.close()
                shutil.rmtree(profile, ignore_errors=True)
    return out


def recompute_latency(p, base: str, events: int = 50) -> list[float]:
    profile = tempfile.mkdtemp(prefix="yqxs-bench-")
    context = launch(p, profile)
    try:
        page = context.new_page()
        page.goto(base + PAGE)
        page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=120_000)
        page.wait_for_timeout(500)
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
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def page_bytes(p, base: str, path: str) -> dict:
    profile = tempfile.mkdtemp(prefix="yqxs-bench-")
    context = launch(p, profile)
    sizes: list[tuple[str, int]] = []
    try:
        page = context.new_page()
        def count(r):
            s = r.sizes()
            sizes.append((r.url, s["responseBodySize"] + s["responseHeadersSize"]))
        page.on("requestfinished", count)
        page.goto(base + path)
        if page.evaluate("!!window.YQXS"):
            page.wait_for_function("() => YQXS.state() === 'ready'", timeout=120_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)
    total = sum(s for _, s in sizes)
    pyodide = sum(s for u, s in sizes if "/pyodide/" in u)
    return {"requests": len(sizes), "bytes": total, "pyodide_bytes": pyodide}


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold+warm pairs per page (median reported)")
    parser.add_argument("--site", default=str(ROOT / "site"))
    args = parser.parse_args()
    site = Path(args.site).resolve()
    if not (site / "index.html").exists():
        print("No built site: run ./scripts/build first.", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    bench = write_bare(site)
    server = serve_in_thread(site)
    host, port = server.server_address[:2]
    base = f"http://{host}:{port}"
    try:
        with sync_playwright() as p:
            first = first_results(p, base, args.runs)
            latency = recompute_latency(p, base)
            guide = page_bytes(p, base, GUIDE)
            widget = page_bytes(p, base, PAGE)
    finally:
        server.shutdown()
        shutil.rmtree(bench, ignore_errors=True)

    med = {k: statistics.median(v) for k, v in first.items() if k != "ours_warm_from"}
    uname = os.uname()
    print(f"Machine: {os.cpu_count()} CPU cores, {uname.sysname} {uname.machine}; "
          f"Chromium headless; runs: {args.runs}")
    print(f"First result for the reader's input on {PAGE} ({FIELD}={VALUE}), "
          "ms from navigation start, median (all):")
    for kind in ("cold", "warm"):
        ours, bare = med[f"ours_{kind}"], med[f"bare_{kind}"]
        print(f"  {kind:4}  ours {ours:7.0f}  bare {bare:7.0f}  ours/bare {ours / bare:4.2f}"
              f"   ours {[round(x) for x in first[f'ours_{kind}']]}"
              f"  bare {[round(x) for x in first[f'bare_{kind}']]}")
    print(f"  warm started from: {first['ours_warm_from']}")
    print(f"  ours warm/cold {med['ours_warm'] / med['ours_cold']:.2f}"
          f"   bare warm/cold {med['bare_warm'] / med['bare_cold']:.2f}")
    print(f"Recompute latency over {len(latency)} input events: p50 {pct(latency, 0.5):.1f} ms, "
          f"p95 {pct(latency, 0.95):.1f} ms, max {max(latency):.1f} ms")
    for label, b in (("guide page " + GUIDE, guide), ("widget page " + PAGE, widget)):
        print(f"Bytes, {label}: {b['bytes']:,} in {b['requests']} requests, "
              f"of which Pyodide/calc {b['pyodide_bytes']:,}")
    goals = [
        ("cold <= 1.10 x bare", med["ours_cold"] <= 1.10 * med["bare_cold"]),
        ("warm <= 0.6 x cold", med["ours_warm"] <= 0.6 * med["ours_cold"]),
        ("recompute p95 <= 30 ms", pct(latency, 0.95) <= 30),
        ("0 Pyodide bytes on a guide page", guide["pyodide_bytes"] == 0),
    ]
    for name, ok in goals:
        print(f"Goal {name}: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
