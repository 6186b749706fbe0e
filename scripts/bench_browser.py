#!/usr/bin/env python3
"""Speed benchmark of the calculators in headless Chromium (a script, not a test).

    ./scripts/build && .venv/bin/python scripts/bench_browser.py [--runs 3] [--site site]

The built site is served by a real host on loopback: Debian's nginx with deploy/nginx.conf
over HTTPS (a self-signed certificate made for the run; Chromium offers brotli only over
TLS), so the precompressed FILE.br copies go on the wire as they would from a server
(scripts/nginx_host.py). Its access log counts the bytes sent (headers and encoded body).
Each run measures, side by side, ours (/tools/payoff/, the reader changes the monthly
payment as soon as the input exists) and stock Pyodide (scripts/bench_visits.py's bare
page: the same Pyodide release started as its docs do, the same wheel, the same input):

- slow link: a fresh profile over a shared 1.6 Mbit/s link with 150 ms per response (CDP
  Network.emulateNetworkConditions): bytes on the wire and seconds to the first own answer;
- loopback, unthrottled: cold (fresh profile) and warm (second visit, same profile) first
  own answer, and their ratios;
- what stays on the device after that one calculator visit (navigator.storage.estimate(),
  once the idle snapshot is stored and the service worker is done);
- offline: after the visits, the context goes offline, the tool page is loaded again and
  computes the reader's input, with no request reaching the host: yes / no.

Once (ours): recompute latency (50 input events on a ready page) and the bytes of a guide
page. Prints a Markdown table, the goals (issue 13) met / not met, and the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import bench_visits as bv  # noqa: E402
from scripts.nginx_host import NginxHost  # noqa: E402

KINDS = ("stock", "ours")
MB = 1_000_000
MIB = 1024 * 1024


def profile_dir() -> str:
    return tempfile.mkdtemp(prefix="yqxs-bench-")


def loopback_pair(p, host, kind: str, extras: dict | None) -> dict:
    """Cold visit, storage, warm visit, offline, in one fresh profile."""
    profile = profile_dir()
    context = bv.launch(p, profile, host.spki)
    try:
        cold = bv.visit(kind, context, host.url)
        storage = bv.storage_usage(cold["page"])
        cold["page"].close()
        time.sleep(1.0)
        warm = bv.visit(kind, context, host.url)
        if extras is not None and kind == "ours":  # once: recompute latency on the ready page
            extras["latency"] = bv.recompute_latency(warm["page"])
        warm["page"].close()
        offline = bv.works_offline(kind, context, host.url, host)
        return {"cold": cold["ms"], "warm": warm["ms"], "warm_from": warm["from"],
                "snapshot": cold["snapshot"], "storage": storage, "offline": offline}
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def slow_visit(p, host, kind: str) -> dict:
    profile = profile_dir()
    context = bv.launch(p, profile, host.spki)
    try:
        since = len(host.log_lines())
        v = bv.visit(kind, context, host.url, slow=True, wait_snapshot=False)
        v["page"].close()
        wire, responses = bv.wire_bytes(host, since, v["at"])
        return {"ms": v["ms"], "bytes": wire, "responses": responses}
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def guide_bytes(p, host) -> dict:
    profile = profile_dir()
    context = bv.launch(p, profile, host.spki)
    try:
        since = len(host.log_lines())
        page = context.new_page()
        page.goto(host.url + bv.GUIDE, wait_until="networkidle")
        page.wait_for_timeout(1000)
        rows = host.log_lines()[since:]
        return {"bytes": sum(r[2] for r in rows), "responses": len(rows),
                "pyodide": sum(r[2] for r in rows if r[3].startswith("/pyodide/"))}
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def measure(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    data = {k: {"slow": [], "loop": []} for k in KINDS}
    extras: dict = {}
    loads = [os.getloadavg()[0]]
    with NginxHost(site, https=True, access_log=True) as host, sync_playwright() as p:
        for run in range(runs):
            order = KINDS if run % 2 == 0 else KINDS[::-1]  # neither always goes first
            for kind in order:
                data[kind]["slow"].append(slow_visit(p, host, kind))
                loads.append(os.getloadavg()[0])
                data[kind]["loop"].append(loopback_pair(p, host, kind, extras if run == 0 else None))
                loads.append(os.getloadavg()[0])
                print(f"  run {run + 1} {kind}: slow {data[kind]['slow'][-1]},"
                      f" loopback {data[kind]['loop'][-1]}", file=sys.stderr, flush=True)
        extras["guide"] = guide_bytes(p, host)
    extras["loads"] = loads
    return {"data": data, "extras": extras}


def med(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def report(result: dict, runs: int) -> str:
    d, x = result["data"], result["extras"]
    o, s = d["ours"], d["stock"]
    slow_o, slow_s = med(o["slow"], "ms") / 1000, med(s["slow"], "ms") / 1000
    bytes_o, bytes_s = med(o["slow"], "bytes"), med(s["slow"], "bytes")
    cold_o, cold_s = med(o["loop"], "cold"), med(s["loop"], "cold")
    warm_o, warm_s = med(o["loop"], "warm"), med(s["loop"], "warm")
    store_o, store_s = med(o["loop"], "storage"), med(s["loop"], "storage")
    off = {k: sum(r["offline"] for r in d[k]["loop"]) for k in KINDS}

    def all_of(rows, key, scale=1.0, fmt="{:.1f}"):
        return ", ".join(fmt.format(r[key] / scale) for r in rows)

    lines = [
        f"| {runs} runs, median (all runs) | ours | stock Pyodide | ours / stock |",
        "| --- | --- | --- | --- |",
        f"| slow link: bytes on the wire to the first own answer, cold | {bytes_o / MB:.2f} MB"
        f" ({all_of(o['slow'], 'bytes', MB, '{:.2f}')}) | {bytes_s / MB:.2f} MB"
        f" ({all_of(s['slow'], 'bytes', MB, '{:.2f}')}) | {bytes_o / bytes_s:.2f} |",
        f"| slow link: seconds to the first own answer, cold | {slow_o:.1f} s"
        f" ({all_of(o['slow'], 'ms', 1000)}) | {slow_s:.1f} s ({all_of(s['slow'], 'ms', 1000)})"
        f" | {slow_o / slow_s:.2f} |",
        f"| loopback: first own answer, cold (ms) | {cold_o:.0f} ({all_of(o['loop'], 'cold', 1, '{:.0f}')})"
        f" | {cold_s:.0f} ({all_of(s['loop'], 'cold', 1, '{:.0f}')}) | {cold_o / cold_s:.2f} |",
        f"| loopback: first own answer, warm (ms) | {warm_o:.0f} ({all_of(o['loop'], 'warm', 1, '{:.0f}')})"
        f" | {warm_s:.0f} ({all_of(s['loop'], 'warm', 1, '{:.0f}')}) | {warm_o / warm_s:.2f} |",
        f"| loopback: warm / cold | {warm_o / cold_o:.2f} | {warm_s / cold_s:.2f} | |",
        f"| stored on the device after one visit (storage.estimate) | {store_o / MIB:.1f} MiB"
        f" | {store_s / MIB:.1f} MiB | |",
        f"| offline after one visit (runs that computed offline) | {'yes' if off['ours'] == runs else 'no'}"
        f" ({off['ours']}/{runs}) | {'yes' if off['stock'] == runs else 'no'} ({off['stock']}/{runs}) | |",
    ]
    lat = x.get("latency") or [0.0]
    guide = x["guide"]
    goals = [
        ("bytes to the first own answer <= 4.2 MB", bytes_o <= 4.2 * MB, f"{bytes_o / MB:.2f} MB"),
        ("slow-link time <= 0.70 x stock", slow_o <= 0.70 * slow_s, f"{slow_o / slow_s:.2f}"),
        ("loopback cold <= 1.05 x stock", cold_o <= 1.05 * cold_s, f"{cold_o / cold_s:.2f}"),
        ("warm <= 0.25 x cold", warm_o <= 0.25 * cold_o, f"{warm_o / cold_o:.2f}"),
        ("stored after a visit <= 24 MB", store_o <= 24 * MB, f"{store_o / MB:.1f} MB"),
        ("offline after one visit", off["ours"] == runs, f"{off['ours']}/{runs}"),
        ("recompute p95 <= 30 ms", pct(lat, 0.95) <= 30, f"{pct(lat, 0.95):.1f} ms"),
        ("0 Pyodide bytes on a guide page", guide["pyodide"] == 0, f"{guide['pyodide']}"),
    ]
    lines += ["", "| goal | measured | |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {'met' if ok else '**not met**'} |" for name, ok, value in goals]
    loads = x["loads"]
    uname = os.uname()
    lines += [
        "",
        f"Warm visits started from: {[r['warm_from'] for r in o['loop']]}; cold visits' snapshot: "
        f"{[(r['snapshot'] or '-')[:90] for r in o['loop']]}",
        f"Recompute latency over {len(lat)} input events: p50 {pct(lat, 0.5):.1f} ms, "
        f"p95 {pct(lat, 0.95):.1f} ms, max {max(lat):.1f} ms",
        f"Guide page {bv.GUIDE}: {guide['bytes']:,} bytes on the wire in {guide['responses']} responses, "
        f"Pyodide {guide['pyodide']}",
        f"Slow-link responses to the answer: ours {[r['responses'] for r in o['slow']]}, "
        f"stock {[r['responses'] for r in s['slow']]}",
        f"Machine: {os.cpu_count()} CPU cores, {uname.sysname} {uname.machine}; Chromium headless; "
        f"1-minute load average during the run: {min(loads):.1f}-{max(loads):.1f} "
        f"(mean {statistics.mean(loads):.1f})",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of every measurement (median reported)")
    bv.add_site_argument(parser)
    args = parser.parse_args()
    site = bv.built_site(args.site)
    if site is None:
        return 1
    bench = bv.write_bare(site)
    try:
        result = measure(site, args.runs)
    finally:
        shutil.rmtree(bench, ignore_errors=True)
    print(report(result, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
