"""deploy/nginx.conf under Debian's nginx: the headers, the encodings, the 404 pages, and a
calculator that computes through it.

scripts/nginx_host.py (shared with the benchmark) edits only the two lines an operator edits
(listen, root), includes the block in a minimal nginx.conf of its own (loading the brotli
static module as Debian's modules-enabled/ would), checks it with `nginx -t` (no warning
allowed) and starts nginx on a loopback port. ./scripts/test installs nginx and
libnginx-mod-http-brotli-static when they are missing.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.nginx_host import BROTLI_MODULE, CONF, NGINX, NginxHost

READY_TIMEOUT = 120_000


@pytest.fixture(scope="module")
def nginx(built_site):
    assert Path(NGINX).exists(), "nginx is missing: ./scripts/test installs Debian's nginx"
    assert Path(BROTLI_MODULE).exists(), "libnginx-mod-http-brotli-static is missing"
    with NginxHost(built_site) as host:
        yield host.url


def get(url: str, encoding: str | None = None, context=None):
    """(status, headers, body) without following anything or decoding the body."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request, timeout=30, context=context) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def runtime_path(site: Path) -> str:
    (version,) = [p.name for p in (site / "pyodide").iterdir() if p.is_dir()]
    return f"/pyodide/{version}/"


def test_the_csp_line_is_the_builds_policy(built_site):
    policy = re.search(r'add_header Content-Security-Policy "([^"]*)" always;', CONF.read_text())[1]
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    (site_policy,) = re.findall(r"^\s*Content-Security-Policy: (.*)$", headers, re.M)
    assert policy == site_policy, "deploy/nginx.conf's CSP is out of date: run ./scripts/nginx-csp"
    assert "frame-ancestors 'none'" in policy


def test_security_headers_on_pages_and_errors(nginx, built_site):
    for path in ("/", "/zh-Hant/", "/tools/payoff/", "/no-such-page/"):
        status, headers, body = get(nginx + path)
        assert status == (404 if "no-such" in path else 200), path
        assert headers["Referrer-Policy"] == "no-referrer", path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        # every hash the page's own meta tag allows is allowed by the header too
        if status == 200:
            page_hashes = set(re.findall(r"'sha256-[^']+'", body.decode("utf-8", "replace")))
            assert page_hashes <= set(re.findall(r"'sha256-[^']+'", headers["Content-Security-Policy"])), path


def test_cache_rules(nginx, built_site):
    runtime = runtime_path(built_site)
    assert get(nginx + "/")[1]["Cache-Control"] == "no-cache"
    assert get(nginx + "/zh-Hant/guide/legal/")[1]["Cache-Control"] == "no-cache"
    assert get(nginx + runtime + "pyodide.mjs")[1]["Cache-Control"] == "public, max-age=31536000, immutable"
    css = next(p for p in (built_site / "assets" / "css").glob("*.css"))
    assert get(nginx + f"/assets/css/{css.name}")[1]["Cache-Control"] == "public, max-age=86400"
    # a missing runtime file is a 404 that no one may cache forever
    status, headers, _ = get(nginx + runtime + "missing.wasm")
    assert status == 404 and headers["Cache-Control"] == "no-cache"


def test_types_and_precompressed_encodings(nginx, built_site):
    runtime = runtime_path(built_site)
    wasm = built_site / runtime.strip("/") / "pyodide.asm.wasm"
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz"), (None, "")):
        status, headers, body = get(nginx + runtime + "pyodide.asm.wasm", encoding)
        assert status == 200
        assert headers["Content-Type"] == "application/wasm"
        assert headers.get("Content-Encoding") == ({"br": "br", "gzip": "gzip"}.get(encoding))
        assert len(body) == (wasm.parent / (wasm.name + suffix)).stat().st_size, encoding
        assert "Accept-Encoding" in headers.get("Vary", ""), encoding
    status, headers, _ = get(nginx + runtime + "pyodide.mjs", "br")
    assert headers["Content-Type"].startswith("text/javascript") and headers["Content-Encoding"] == "br"
    status, headers, body = get(nginx + "/zh-Hant/", "br")
    assert headers["Content-Type"].startswith("text/html") and headers["Content-Encoding"] == "br"
    assert len(body) == (built_site / "zh-Hant" / "index.html.br").stat().st_size


def test_the_same_block_over_tls(built_site):
    """The benchmark's host: the block with TLS lines beside listen and a throwaway
    certificate serves the same precompressed copies over HTTPS."""
    import ssl

    unverified = ssl.create_default_context()
    unverified.check_hostname = False
    unverified.verify_mode = ssl.CERT_NONE
    runtime = runtime_path(built_site)
    with NginxHost(built_site, https=True, access_log=True) as host:
        assert host.url.startswith("https://127.0.0.1:")
        status, headers, body = get(host.url + runtime + "pyodide.asm.wasm", "br", unverified)
        assert status == 200 and headers["Content-Encoding"] == "br"
        assert len(body) == (built_site / runtime.strip("/") / "pyodide.asm.wasm.br").stat().st_size
        # the access log counts what went on the wire: the brotli body and its headers
        (line,) = host.log_lines()
        assert line[1] == 200 and line[3] == runtime + "pyodide.asm.wasm"
        assert len(body) < line[2] < len(body) + 2000


def test_the_sites_own_404_pages(nginx, built_site):
    status, headers, body = get(nginx + "/no-such-page/")
    assert status == 404 and body == (built_site / "404.html").read_bytes()
    status, headers, body = get(nginx + "/zh-Hant/no-such-page/")
    assert status == 404 and body == (built_site / "zh-Hant" / "404.html").read_bytes()
    # the hosts' header file is not served as a page
    status, headers, body = get(nginx + "/_headers")
    assert status == 404 and body == (built_site / "404.html").read_bytes()


def test_a_calculator_computes_through_nginx(nginx, browser):
    from tests.support.quality import close_clean, new_context, watched_page

    context = new_context(browser, viewport={"width": 390, "height": 844})
    try:
        page = watched_page(context)
        page.goto(nginx + "/tools/payoff/")
        form = page.locator('form[data-calc="payoff"]').first
        form.locator('[name="principal"]').fill("24000")
        form.locator('[name="monthly_payment"]').fill("2000")
        form.locator('[name="annual_rate"]').fill("0")
        page.wait_for_function(
            """() => {
                const out = document.querySelector('form[data-calc="payoff"] output[name="months"]');
                return out && out.dataset.value === "12";
            }""", timeout=READY_TIMEOUT)
        close_clean(page)
    finally:
        context.close()


def test_every_file_the_build_writes_has_a_type(built_site):
    block = re.search(r"^\s*types \{(.*?)\}", CONF.read_text(), re.S | re.M)[1]
    known = {ext for line in block.strip().splitlines() for ext in line.split(";")[0].split()[1:]}
    suffixes = {p.suffix.lstrip(".") for p in built_site.rglob("*") if p.is_file() and p.name != "_headers"}
    suffixes -= {"br", "gz"}  # served as Content-Encoding of the file they compress
    assert suffixes <= known, f"add a type to deploy/nginx.conf for: {sorted(suffixes - known)}"
