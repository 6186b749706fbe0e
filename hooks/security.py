"""Security headers: the Content-Security-Policy on every page and in site/_headers.

- Every page gets a <meta http-equiv=Content-Security-Policy> that allows only our own
  origin, 'wasm-unsafe-eval' for Pyodide, and the sha256 hashes of the inline scripts
  Material writes (no 'unsafe-inline' for scripts). The 404 pages too (on_post_template).
- site/_headers (read by Netlify and Cloudflare Pages) carries the same policy with the
  union of the hashes of both scripts' pages, plus frame-ancestors, Referrer-Policy and the
  cache headers; README shows the same for nginx.
"""

from __future__ import annotations

import base64
import hashlib
import re

from _common import build_state, site_root
from mkdocs.plugins import event_priority

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def script_hashes(page_html: str) -> list[str]:
    hashes = []
    for m in INLINE_SCRIPT.finditer(page_html):
        attrs = m["attrs"]
        if "src=" in attrs or "application/json" in attrs or "application/ld+json" in attrs:
            continue
        digest = hashlib.sha256(m["body"].encode("utf-8")).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode() + "'")
    return sorted(set(hashes))


def csp(hashes) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(hashes)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "worker-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_csp(output: str, config) -> str:
    """The page with its CSP meta tag; its hashes join the build's set for _headers."""
    hashes = script_hashes(output)
    build_state(config, "csp_hashes", set).update(hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp(hashes)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def headers(hashes) -> str:
    return (
        "/*\n"
        f"  Content-Security-Policy: {csp(hashes)}; frame-ancestors 'none'\n"
        "  Referrer-Policy: no-referrer\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Permissions-Policy: interest-cohort=()\n"
        "/pyodide/*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
        "/assets/*\n"
        "  Cache-Control: public, max-age=86400\n"
    )


@event_priority(-90)
def on_post_page(output, page, config):
    return add_csp(output, config)


@event_priority(-90)  # before hooks/not_found.py (-100) files the 404 page away
def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    return add_csp(output_content, config)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other script
def on_post_build(config):
    (site_root(config) / "_headers").write_text(
        headers(build_state(config, "csp_hashes", set)), encoding="utf-8")
