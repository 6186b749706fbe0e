"""Links of the built site, in both scripts (issue 6). Static: parses the HTML, no browser.

- Every internal link (href and src of a, link, script, img, source; relative or from the
  root) resolves to a file of the built site, and its #fragment to an id (or a name) in
  that file. Page URLs end in "/" and mean the folder's index.html.
- Every external link uses https and is listed on the sources page (法规与出处,
  docs/guide/sources.md, both scripts), or is in EXTERNAL_ALLOWED below. No http:// link.
- tel: links carry digits only (hotlines such as 12348), mailto: is not used.
"""

from __future__ import annotations

import html.parser
import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support.quality import HANT, page_id, source_pages

# External links that may appear although the sources page does not list them. Each needs a
# reason. (The canonical <link> points at the site's own public address, SITE_URL, and is
# not an outgoing link; it is checked for https below instead.)
EXTERNAL_ALLOWED: dict[str, str] = {}

SKIP_SCHEMES = ("javascript:", "data:", "blob:")
ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
         "iframe": "src", "form": "action"}


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, dict]] = []  # (tag, url, attrs)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        attr = ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            self.links.append((tag, a[attr], a))

    handle_startendtag = handle_starttag


@cache
def parsed(path: Path) -> Collector:
    c = Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def file_of(site: Path, url_path: str) -> Path:
    """The file a root-relative URL path names (a folder means its index.html)."""
    rel = unquote(url_path).lstrip("/")
    target = site / rel
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def page_file(site: Path, url: str) -> Path:
    return file_of(site, url)


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """(root-relative path, fragment) of an internal href found on page_url."""
    parts = urlsplit(href)
    if parts.path == "":
        path = page_url
    elif parts.path.startswith("/"):
        path = parts.path
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))
        if parts.path.endswith("/") or parts.path in (".", "./"):
            path = path.rstrip("/") + "/"
    return path, unquote(parts.fragment)


@cache
def sources_links(site: Path) -> frozenset[str]:
    urls = set()
    for prefix in ("", f"{HANT}/"):
        for tag, url, _ in parsed(site / prefix / "guide/sources/index.html").links:
            if tag == "a" and url.startswith("http"):
                urls.add(url)
    return frozenset(urls)


def norm(url: str) -> str:
    return url.rstrip("/")


PAGES = source_pages() + ["/404.html", f"/{HANT}/404.html"]


@pytest.mark.parametrize("url", PAGES, ids=page_id)
def test_every_link_resolves(built_site, url):
    path = page_file(built_site, url)
    assert path.exists(), f"{url} was not built"
    listed = {norm(u) for u in sources_links(built_site)}
    broken, insecure, unlisted = [], [], []
    for tag, href, attrs in parsed(path).links:
        if href.startswith(SKIP_SCHEMES) or href == "":
            continue
        if href.startswith("tel:"):
            if not re.fullmatch(r"tel:\+?[0-9-]+", href):
                broken.append(f"{href} (a phone number is digits only)")
            continue
        if href.startswith("mailto:"):
            broken.append(f"{href} (no e-mail links: the site has no address to write to)")
            continue
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            if parts.scheme != "https":
                insecure.append(href)
            elif tag == "link" and attrs.get("rel") == "canonical":
                continue
            elif norm(href) not in listed and href not in EXTERNAL_ALLOWED:
                unlisted.append(href)
            continue
        target_path, fragment = resolve(url, href)
        target = file_of(built_site, target_path)
        if not target.exists():
            broken.append(f"{href} -> {target_path} (no such file)")
        elif fragment and target.suffix == ".html" and fragment not in parsed(target).ids:
            broken.append(f"{href} -> {target_path}#{fragment} (no such id)")
    assert broken == [], "broken internal links:\n" + "\n".join(broken)
    assert insecure == [], "links that are not https:\n" + "\n".join(insecure)
    assert unlisted == [], ("external links missing from the sources page "
                            "(docs/guide/sources.md):\n" + "\n".join(unlisted))


def test_sources_page_lists_the_same_links_in_both_scripts(built_site):
    zh = {u for t, u, _ in parsed(built_site / "guide/sources/index.html").links
          if t == "a" and u.startswith("http")}
    hant = {u for t, u, _ in parsed(built_site / HANT / "guide/sources/index.html").links
            if t == "a" and u.startswith("http")}
    assert zh == hant
    assert all(u.startswith("https://") for u in zh)


def test_no_http_link_in_the_sources():
    """The Markdown too: no page, template or include links to http:// (the built pages
    are checked above; this also catches links in text that is not rendered as a link)."""
    root = Path(__file__).resolve().parents[2]
    bad = []
    for folder in ("docs", "overrides", "includes"):
        for path in (root / folder).rglob("*"):
            if path.suffix in (".md", ".html") and path.is_file():
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if re.search(r"http://(?!127\.0\.0\.1|localhost)", line):
                        bad.append(f"{path.relative_to(root)}:{n}: {line.strip()[:100]}")
    assert bad == []
