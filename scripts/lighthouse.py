"""Lighthouse mobile scores of sample pages (issue 6). Run it through scripts/lighthouse.sh,
which sets up and builds first.

Serves site/ on loopback the way a static host does (the security headers of
site/_headers, and gzip for text and wasm, as Netlify, Cloudflare Pages or nginx with
`gzip on` would), runs npm `lighthouse` (pinned in package.json) with Debian's Chromium
(CHROME_PATH) on each page with the default mobile preset (Moto G Power screen, simulated
slow 4G and 4x CPU slowdown), and prints the median of --runs runs of each category as a
Markdown table for README.md "## Quality". JSON reports go to screenshots/lighthouse/.

    scripts/lighthouse.sh                  # home, a guide page, a tool page; both scripts
    scripts/lighthouse.sh --runs 3 /guide/legal/
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
from datetime import date
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.static_server import make_server  # noqa: E402

PAGES = ["/", "/guide/what-happens/", "/tools/schedule/",
         "/zh-Hant/", "/zh-Hant/guide/what-happens/", "/zh-Hant/tools/schedule/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


@lru_cache(maxsize=64)
def gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


def serve(site: Path):
    """The shared static server (scripts/static_server.py: headers from site/_headers), plus gzip."""
    server = make_server(site, 0)
    handler = server.RequestHandlerClass  # functools.partial(Handler, directory=site)

    class GzipHandler(handler.func):
        def send_head(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
                path = os.path.join(path, "index.html")
            if ("gzip" not in self.headers.get("Accept-Encoding", "")
                    or not path.endswith(COMPRESSIBLE) or not os.path.isfile(path)):
                return super().send_head()
            body = gzipped(path, os.path.getmtime(path))
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return io.BytesIO(body)

    server.RequestHandlerClass = functools.partial(GzipHandler, *handler.args, **handler.keywords)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}"


def lighthouse(url: str, out: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    cmd = [str(ROOT / "node_modules" / ".bin" / "lighthouse"), url, "--quiet",
           f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
           "--output=json", f"--output-path={out}"]
    subprocess.run(cmd, env=env, check=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"{url}: {report['runtimeError']}")
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def failing_audits(out: Path, category: str) -> list[str]:
    report = json.loads(out.read_text(encoding="utf-8"))
    refs = report["categories"][category]["auditRefs"]
    return [f"{r['id']} ({report['audits'][r['id']].get('displayValue', '')})".replace(" ()", "")
            for r in refs if r.get("weight") and (report["audits"][r["id"]]["score"] or 0) < 0.9]


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True,
                              text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu or platform.processor()}, {os.cpu_count()} CPUs, {chromium}, Node {node}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", default=PAGES)
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median)")
    parser.add_argument("--site", type=Path, default=Path(os.environ.get("SITE_DIR") or ROOT / "site"),
                        help="the built site to serve (default: $SITE_DIR, else site/)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "lighthouse",
                        help="folder for the JSON reports (default: screenshots/lighthouse/)")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} holds no built site (index.html); build it first")
    reports = args.out
    reports.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    rows = []
    try:
        for page in args.pages:
            runs = []
            for n in range(args.runs):
                name = page.strip("/").replace("/", "_") or "home"
                out = reports / f"{name}-{n}.json"
                runs.append(lighthouse(base + page, out))
                print(f"  {page} run {n + 1}: {runs[-1]}", file=sys.stderr, flush=True)
            median = {c: int(statistics.median(r[c] for r in runs)) for c in CATEGORIES}
            below = [f"{c}: " + ", ".join(failing_audits(out, c))
                     for c, goal in zip(CATEGORIES, (95, 100, 100, 100), strict=True) if median[c] < goal]
            rows.append((page, median, below))
    finally:
        server.shutdown()
    print(f"\nLighthouse 13.5.0, mobile preset, median of {args.runs} run(s), {date.today()}")
    print(f"Machine: {machine()}\n")
    print("| page | performance | accessibility | best practices | SEO |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for page, s, _ in rows:
        print(f"| `{page}` | {s['performance']} | {s['accessibility']} | "
              f"{s['best-practices']} | {s['seo']} |")
    notes = [(page, below) for page, _, below in rows if below]
    if notes:
        print("\nBelow the goal (100; performance 95), audits scoring under 0.9:")
        for page, below in notes:
            for line in below:
                print(f"- `{page}` {line}")


if __name__ == "__main__":
    main()
