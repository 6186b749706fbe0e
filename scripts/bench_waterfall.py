#!/usr/bin/env python3
"""The request waterfall of one cold visit, ours and stock (a script, not a test).

    ./scripts/build && .venv/bin/python scripts/bench_waterfall.py [--kinds ours,stock] [--fast] [--warm]

Served as scripts/bench_browser.py serves it (Debian's nginx with deploy/nginx.conf, HTTPS),
over its slow link unless --fast. For every request of the page and its workers: when it
was asked for, its first byte and its end (ms from navigation start, Playwright's
request timing), the main thread's long tasks, and the steps the calculators' worker
reported (its "progress" and "notice" messages), so one can see which hop waits for which.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import bench_browser as bb  # noqa: E402
from scripts import bench_visits as bv  # noqa: E402
from scripts.nginx_host import NginxHost  # noqa: E402

# Long tasks of the main thread, every message a page's worker posts (its first of each
# progress step), and when the page made a worker, parsed its HTML and loaded, recorded
# from the page's first script on.
WATCH = """(() => {
  window.__lt = []; window.__wm = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries())
      window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const at = (what) => window.__wm.push([Math.round(performance.now()), what, '', '']);
  document.addEventListener('DOMContentLoaded', () => at('page: DOMContentLoaded'));
  window.addEventListener('load', () => at('page: load'));
  const W = window.Worker; let last = null;
  window.Worker = function (url, options) {
    at(`page: new Worker (${(options && options.name) || ''})`);
    const worker = new W(url, options);
    worker.addEventListener('message', (e) => {
      const d = e.data || {};
      if (d.type !== 'progress' || d.step !== last)
        window.__wm.push([Math.round(performance.now()), d.type, d.step || '',
                          String(d.message || '').slice(0, 200)]);
      last = d.step;
    });
    return worker;
  };
  window.Worker.prototype = W.prototype;
})();"""


def waterfall(p, host, kind: str, slow: bool, warm: bool = False) -> None:
    profile = bb.profile_dir()
    context = bv.launch(p, profile, host.spki)
    rows = []

    def finished(request, failed=False):
        t = request.timing
        rows.append((t["startTime"], t["responseStart"], t["responseEnd"],
                     request.url.split(host.url, 1)[-1], failed))

    context.on("requestfinished", finished)
    context.on("requestfailed", lambda r: finished(r, True))
    context.add_init_script(WATCH)
    try:
        if warm:  # a first visit that stores the snapshot; the waterfall is the second's
            bv.visit(kind, context, host.url, slow=slow, wait_snapshot=True)["page"].close()
            rows.clear()
        v = bv.visit(kind, context, host.url, slow=slow, wait_snapshot=False)
        page = v["page"]
        origin = page.evaluate("performance.timeOrigin")
        link = ("slow link" if slow else "loopback") + (", warm" if warm else ", cold")
        print(f"== {kind} ({link}): first own answer at {v['ms']:.0f} ms,"
              f" load average {os.getloadavg()[0]:.1f}")
        print("   asked  1st byte     end  request")
        for start, first, end, url, failed in sorted(rows):
            if start - origin > v["ms"]:
                continue  # after the answer
            at = start - origin
            print(f"   {at:6.0f} {at + max(first, 0):8.0f} {at + max(end, 0):7.0f}  {url[:100]}"
                  f"{' (failed)' if failed else ''}")
        print("   long tasks [start, ms]:", page.evaluate("window.__lt"))
        for at, kind_, step, message in page.evaluate("window.__wm"):
            if at <= v["ms"]:
                print(f"   {'' if kind_.startswith('page:') else 'worker '}{at:6d} {kind_} {step} {message}")
        page.close()
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", default="ours,stock")
    parser.add_argument("--fast", action="store_true", help="loopback, not the slow link")
    parser.add_argument("--warm", action="store_true",
                        help="the second visit, after one that kept its snapshot")
    bv.add_site_argument(parser)
    args = parser.parse_args()
    site = bv.built_site(args.site)
    if site is None:
        return 1
    from playwright.sync_api import sync_playwright

    bench = bv.write_bare(site)
    try:
        with NginxHost(site, https=True, access_log=True) as host, sync_playwright() as p:
            for kind in args.kinds.split(","):
                waterfall(p, host, kind, not args.fast, args.warm)
    finally:
        shutil.rmtree(bench, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
