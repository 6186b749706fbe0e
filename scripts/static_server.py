"""A small static server for site/: correct MIME types for Pyodide (.mjs, .wasm), the
security headers of site/_headers, quiet logs. Used by ./scripts/serve, the benchmarks
(scripts/bench_browser.py, scripts/lighthouse.py) and the tests (tests/conftest.py), so it
lives with the scripts: production scripts import nothing from tests/.

    .venv/bin/python scripts/static_server.py --dir site --port 8000
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".ics": "text/calendar",
}


def read_headers(site: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Parse site/_headers (Netlify / Cloudflare Pages format) into (pattern, headers)."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    path = site / "_headers"
    if not path.exists():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if not line.startswith((" ", "\t")):
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern: str, url_path: str) -> bool:
    if pattern.endswith("*"):
        return url_path.startswith(pattern[:-1])
    return url_path == pattern


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    rules: list = []

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        for pattern, headers in self.rules:
            if matches(pattern, path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that stops a download (a closed tab, an aborted fetch) is not an error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def make_server(directory: str | Path, port: int = 0, host: str = "127.0.0.1"):
    site = Path(directory).resolve()
    handler = type("SiteHandler", (Handler,), {"rules": read_headers(site)})
    server = Server(
        (host, port), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    return server


def serve_in_thread(directory, port: int = 0):
    server = make_server(directory, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    server = make_server(args.dir, args.port, args.host)
    print(f"Serving {args.dir}/ at http://{args.host}:{args.port}/  (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
