"""Site-wide build hooks: the sitemap beside each script, glossary tooltips, labelled task
lists, robots.txt, and the Content-Security-Policy. (Per-script search: hooks/search.py.)

- Sitemap: Material's language switcher fetches sitemap.xml beside each alternate link
  (Material #6582), so /zh-Hant/sitemap.xml must exist. We write it.
- Glossary: terms from includes/abbr.<lang>.md (`*[term]: definition`) are wrapped in
  <abbr title> on their first use in a page's prose, in the page's own script.
  Python-Markdown's abbr extension cannot do this for Chinese: it needs word boundaries,
  and there are none between Chinese characters.
- Task lists: the item's text goes inside the checkbox's label (see label_task_items).
- Language links: Material fetches sitemap.xml beside every <link rel=alternate hreflang>
  in the head and then hijacks clicks on the language switcher, landing on a URL without
  its trailing slash (and a 404 for every per-page alternate). The switcher's own links
  already lead to the same page in the other script (mkdocs-static-i18n), and the
  hreflang alternates live in sitemap.xml, so we drop the head <link rel=alternate>s.
- CSP: every page gets a <meta http-equiv=Content-Security-Policy> that allows only our
  own origin, 'wasm-unsafe-eval' for Pyodide, and the sha256 hashes of the inline scripts
  Material writes (no 'unsafe-inline' for scripts). The same policy, with the union of
  the hashes, goes to site/_headers for hosts that read it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
HANT = "zh-Hant"

# ---------------------------------------------------------------- page language


def page_lang(page) -> str:
    """The script of a page: "zh-Hant" for page.zh-Hant.md files, else "zh"."""
    locale = getattr(page.file, "locale", None)
    if locale:
        return locale
    return HANT if page.file.src_uri.endswith(f".{HANT}.md") else "zh"


# ---------------------------------------------------------------- glossary tooltips

ABBR_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>.+?)\s*$")
# Elements whose text is never annotated: headings, links, code, existing abbrs, forms,
# widgets, scripts.
SKIP_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "abbr", "script",
             "style", "form", "output", "button", "label", "select", "option", "textarea",
             "svg", "summary", "dt", "table")
_glossary_cache: dict[str, list[tuple[str, str]]] = {}


def glossary(lang: str) -> list[tuple[str, str]]:
    """(term, definition) pairs of a script, longest term first."""
    if lang not in _glossary_cache:
        path = ROOT / "includes" / f"abbr.{lang}.md"
        pairs = []
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                m = ABBR_LINE.match(line)
                if m:
                    pairs.append((m["term"], m["text"]))
        pairs.sort(key=lambda p: -len(p[0]))
        _glossary_cache[lang] = pairs
    return _glossary_cache[lang]


TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")


def annotate_glossary(content: str, terms: list[tuple[str, str]]) -> str:
    """Wrap the first prose use of each term in <abbr title=...>."""
    if not terms:
        return content
    pattern = re.compile("|".join(re.escape(t) for t, _ in terms))
    definitions = dict(terms)
    seen: set[str] = set()
    out: list[str] = []
    skip_depth = 0
    pos = 0
    void = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "path",
            "rect", "circle", "line", "polyline", "use"}

    def text_part(text: str) -> str:
        def repl(m: re.Match) -> str:
            term = m.group(0)
            if term in seen:
                return term
            seen.add(term)
            return f'<abbr tabindex="0" title="{html.escape(definitions[term], quote=True)}">{term}</abbr>'
        return pattern.sub(repl, text)

    for m in TAG.finditer(content):
        text = content[pos:m.start()]
        out.append(text if skip_depth else text_part(text))
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in SKIP_TAGS and name not in void and not selfclosing:
            skip_depth += -1 if closing else 1
            skip_depth = max(skip_depth, 0)
        out.append(m.group(0))
        pos = m.end()
    tail = content[pos:]
    out.append(tail if skip_depth else text_part(tail))
    return "".join(out)


# ---------------------------------------------------------------- task lists

# pymdownx.tasklist writes `<label class="task-list-control"><input type="checkbox"
# disabled/><span class="task-list-indicator"></span></label> text`: a checkbox with no
# name (axe: "label", critical) that cannot be ticked. We put the item's text inside the
# label (the name, and a tap target as wide as the line) and drop `disabled`, so a reader
# can tick the list on screen. Nothing is stored: a reload clears the ticks.
TASK_ITEM = re.compile(
    r'<label class="task-list-control"><input type="checkbox"(?P<state>(?: disabled| checked)*)/>'
    r'<span class="task-list-indicator"></span></label>'
    r'(?P<text>[^<]*(?:<(?!/?(?:li|ul|ol|p|div|label)\b)[^>]*>[^<]*)*)')


def label_task_items(content: str) -> str:
    def repl(m: re.Match) -> str:
        checked = " checked" if "checked" in m["state"] else ""
        text = m["text"].rstrip()
        tail = m["text"][len(text):]
        return ('<label class="task-list-control"><input type="checkbox"' + checked + '/>'
                '<span class="task-list-indicator"></span>' + text + '</label>' + tail)
    return TASK_ITEM.sub(repl, content)


def on_page_content(html_text, page, config, files):
    return label_task_items(annotate_glossary(html_text, glossary(page_lang(page))))


# ---------------------------------------------------------------- CSP

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_all_hashes: set[str] = set()


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


HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def harden(output: str) -> str:
    """Drop the head's hreflang links and add the page's CSP meta tag."""
    output = HEAD_ALTERNATE.sub("", output)
    hashes = script_hashes(output)
    _all_hashes.update(hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp(hashes)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


@event_priority(-90)
def on_post_page(output, page, config):
    return harden(output)


# The 404 page. MkDocs writes 404.html to the root of site_dir in each language's build, and
# the 繁體 build runs second, so the root page a 简体 reader lands on came out in 繁體. We
# keep the 简体 page at the root and put the 繁體 one at /zh-Hant/404.html (hosts such as
# Cloudflare Pages serve the nearest 404.html up the path; its links are absolute).
_not_found: dict[str, str] = {}


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    page = harden(output_content)
    lang = HANT if '<html lang="zh-Hant"' in page[:300] else "zh"
    _not_found[lang] = page
    if lang == HANT and "zh" in _not_found:
        site = Path(config["site_dir"])
        site = site.parent if site.name == HANT else site
        (site / HANT).mkdir(parents=True, exist_ok=True)
        (site / HANT / "404.html").write_text(page, encoding="utf-8")
        return _not_found["zh"]
    return page


# ---------------------------------------------------------------- after the whole build


def write_sitemaps(site: Path) -> None:
    root_map = site / "sitemap.xml"
    if root_map.exists() and (site / HANT).is_dir():
        (site / HANT / "sitemap.xml").write_bytes(root_map.read_bytes())
        gz = site / "sitemap.xml.gz"
        if gz.exists():
            (site / HANT / "sitemap.xml.gz").write_bytes(gz.read_bytes())


def write_robots(site: Path, site_url: str) -> None:
    """robots.txt: every page may be indexed (people must be able to find the site), and
    the sitemap's address, which carries the hreflang pairs, comes from site_url (SITE_URL)."""
    base = (site_url or "/").rstrip("/") + "/"
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n", encoding="utf-8")


def write_headers(site: Path) -> None:
    """Deployment headers for hosts that read a _headers file (Netlify, Cloudflare Pages);
    README shows the same for nginx."""
    policy = csp(_all_hashes)
    (site / "_headers").write_text(
        "/*\n"
        f"  Content-Security-Policy: {policy}; frame-ancestors 'none'\n"
        "  Referrer-Policy: no-referrer\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Permissions-Policy: interest-cohort=()\n"
        "/pyodide/*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
        "/assets/*\n"
        "  Cache-Control: public, max-age=86400\n",
        encoding="utf-8",
    )


# ---------------------------------------------------------------- the Pyodide runtime

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")


def pyodide_version() -> str:
    meta = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    return meta["version"]


def runtime_dir() -> str:
    """The runtime's path inside the site, versioned so it can be cached forever."""
    return f"pyodide/{pyodide_version()}/"


def calc_wheel() -> Path:
    """The calc wheel built by `python -m build` into dist/ (scripts/build does that)."""
    dist = Path(os.environ.get("DIST_DIR") or ROOT / "dist")
    wheels = sorted(dist.glob("calc-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise FileNotFoundError("Expected exactly one calc wheel in dist/; run ./scripts/build.")
    return wheels[0]


def wheel_url_name() -> str:
    """The wheel's file name in the site, with its content hash, so a new wheel is a new URL."""
    wheel = calc_wheel()
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
    return f"calc-{digest}.whl"


def copy_runtime(site: Path) -> None:
    source = ROOT / "node_modules" / "pyodide"
    target = site / runtime_dir()
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        (target / name).write_bytes((source / name).read_bytes())
    (target / wheel_url_name()).write_bytes(calc_wheel().read_bytes())


def on_config(config):
    """Tell the templates where the runtime and the wheel are (see overrides/main.html)."""
    config.extra["pyodide_path"] = runtime_dir()
    config.extra["calc_wheel"] = wheel_url_name()
    return config


# ---------------------------------------------------------------- Material's CDN fallbacks

# Material's bundle loads two scripts from unpkg.com when it needs them: a ResizeObserver
# polyfill on old browsers (old Android WebViews, Safari < 13.1: real readers' phones) and
# mermaid when a page has diagrams (ours have none). Both would be third-party requests, so
# the build points them at our own copies (the polyfill comes from the pinned npm package).
BUNDLE_LOCAL = ("new URL(%r,document.querySelector(\"script[src*='javascripts/bundle.']\").src).href")
CDN_FALLBACKS = {
    '"https://unpkg.com/resize-observer-polyfill"': BUNDLE_LOCAL % "../vendor/resize-observer.js",
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': BUNDLE_LOCAL % "../vendor/mermaid-not-shipped.js",
}


def localise_material_bundle(site: Path) -> None:
    for bundle in (site / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        for remote, local in CDN_FALLBACKS.items():
            text = text.replace(remote, local)
        bundle.write_text(text, encoding="utf-8")
    vendor = site / "assets" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    polyfill = ROOT / "node_modules" / "resize-observer-polyfill" / "dist" / "ResizeObserver.js"
    (vendor / "resize-observer.js").write_bytes(polyfill.read_bytes())


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged and written the index
def on_post_build(config):
    site = Path(config["site_dir"])
    if site.name == HANT:  # the i18n plugin builds 繁體 into site/zh-Hant/
        site = site.parent
    write_sitemaps(site)
    write_headers(site)
    write_robots(site, config.get("site_url"))
    copy_runtime(site)
    localise_material_bundle(site)
