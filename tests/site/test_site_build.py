"""The built site: strict build, the same pages in both scripts, no third-party loads,
per-script search indexes, sitemaps beside both scripts, and the CSP on every page."""

from __future__ import annotations

import json
import re
from pathlib import Path

HANT = "zh-Hant"
ROOT = Path(__file__).resolve().parents[2]


def pages(site: Path) -> tuple[set[str], set[str]]:
    """Relative paths of the built HTML pages of each script (404 page excluded)."""
    simplified, traditional = set(), set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "pyodide/")) or rel in ("404.html", f"{HANT}/404.html"):
            continue
        if rel.startswith(f"{HANT}/"):
            traditional.add(rel[len(HANT) + 1:])
        else:
            simplified.add(rel)
    return simplified, traditional


def test_both_scripts_build_exactly_the_same_pages(built_site):
    simplified, traditional = pages(built_site)
    assert "index.html" in simplified and "about/index.html" in simplified
    assert simplified == traditional, (
        f"only 简体: {sorted(simplified - traditional)}; only 繁體: {sorted(traditional - simplified)}")


def test_traditional_pages_are_marked_zh_hant_and_simplified_zh(built_site):
    simplified, traditional = pages(built_site)
    for rel in simplified:
        head = (built_site / rel).read_text(encoding="utf-8")[:400]
        assert '<html lang="zh"' in head, rel
    for rel in traditional:
        head = (built_site / HANT / rel).read_text(encoding="utf-8")[:400]
        assert '<html lang="zh-Hant"' in head, rel


THIRD_PARTY_HTML = re.compile(
    r'<(?:script|link|img|iframe|source|audio|video|embed|object)\b[^>]*?\s(?:src|href|data)="(?P<url>(?:https?:)?//[^"]+)"',
    re.I)
CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])(?P<url>(?:https?:)?//[^'\")\s]+)", re.I)
KNOWN_CDNS = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs|googletagmanager|"
    r"google-analytics|polyfill\.io|bootcdn|staticfile\.org", re.I)


def test_no_built_file_loads_anything_from_another_host(built_site):
    problems = []
    for path in built_site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".mjs"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(built_site).as_posix()
        if path.suffix == ".html":
            problems += [f"{rel}: {m['url']}" for m in THIRD_PARTY_HTML.finditer(text)
                         if not re.search(r'rel="(canonical|alternate)"', m.group(0))]
        if path.suffix in (".html", ".css"):
            problems += [f"{rel}: {m['url']}" for m in CSS_URL.finditer(text)]
        if not rel.startswith("pyodide/"):
            # The Pyodide runtime names its CDN as a default indexURL; our worker always
            # passes its own indexURL, and the browser tests prove no request leaves.
            problems += [f"{rel}: {m.group(0)}" for m in KNOWN_CDNS.finditer(text)]
    assert problems == []


def test_not_found_page_exists_in_each_script(built_site):
    """MkDocs writes one root 404.html per language build, the last one winning; the
    hook keeps 简体 at the root and puts 繁體 at /zh-Hant/404.html."""
    root = (built_site / "404.html").read_text(encoding="utf-8")
    hant = (built_site / HANT / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in root[:300] and '<html lang="zh-Hant"' in hant[:300]
    for text in (root, hant):
        assert '<meta http-equiv="Content-Security-Policy"' in text


def test_search_index_is_split_by_script(built_site):
    zh = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    hant = json.loads((built_site / HANT / "search/search_index.json").read_text(encoding="utf-8"))
    simplified, traditional = pages(built_site)
    assert zh["docs"] and hant["docs"]
    assert not any(d["location"].startswith(f"{HANT}/") for d in zh["docs"])
    # 繁體 locations are relative to /zh-Hant/ and name 繁體 pages only.
    zh_pages = {d["location"].split("#")[0] for d in zh["docs"]}
    hant_pages = {d["location"].split("#")[0] for d in hant["docs"]}
    assert zh_pages == hant_pages  # the same pages, one index per script
    hant_titles = " ".join(d["title"] for d in hant["docs"])
    assert "關於" in hant_titles and "关于" not in hant_titles
    zh_titles = " ".join(d["title"] for d in zh["docs"])
    assert "关于" in zh_titles and "關於" not in zh_titles


def test_sitemap_exists_beside_both_scripts(built_site):
    for path in ("sitemap.xml", f"{HANT}/sitemap.xml"):
        text = (built_site / path).read_text(encoding="utf-8")
        assert "<urlset" in text and 'hreflang="zh-Hant"' in text, path


def test_every_page_has_a_strict_csp_and_no_referrer(built_site):
    for path in built_site.rglob("*.html"):
        if path.relative_to(built_site).parts[0] in ("assets", "pyodide"):
            continue
        text = path.read_text(encoding="utf-8")
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert m, path
        policy = m.group(1)
        assert "default-src 'self'" in policy
        script_src = re.search(r"script-src ([^;]+)", policy).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert "http" not in policy  # no other origin allowed
        assert '<meta name="referrer" content="no-referrer">' in text


def test_robots_txt_allows_all_and_names_the_sitemap(built_site):
    text = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and "Allow: /" in text and "Disallow: /\n" not in text
    sitemap = re.search(r"^Sitemap: (\S+)$", text, re.M).group(1)
    assert sitemap.startswith("https://") and sitemap.endswith("/sitemap.xml")


def test_headers_file_carries_csp_and_referrer_policy(built_site):
    text = (built_site / "_headers").read_text(encoding="utf-8")
    assert "Content-Security-Policy: default-src 'self'" in text
    assert "Referrer-Policy: no-referrer" in text
    assert "immutable" in text


def test_pyodide_runtime_and_wheel_are_copied_under_a_versioned_path(built_site):
    package = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())
    runtime = built_site / "pyodide" / package["version"]
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (runtime / name).stat().st_size > 1000, name
    wheels = list(runtime.glob("calc-*.whl"))
    assert len(wheels) == 1


def test_favicon_and_logo_are_our_own(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'rel="icon" href="assets/img/favicon.svg"' in html
    assert "assets/img/logo.svg" in html
    assert (built_site / "assets/img/favicon.svg").exists()
