"""Both scripts: a sitemap beside each, robots.txt, and no hreflang links in the head.

- Sitemap: Material's language switcher fetches sitemap.xml beside each alternate link
  (Material #6582), and mkdocs-static-i18n writes none in /zh-Hant/, so we copy the root
  one (it lists both scripts with their hreflang pairs) to /zh-Hant/sitemap.xml.
- Language links: Material fetches sitemap.xml beside every <link rel=alternate hreflang>
  in the head and then hijacks clicks on the language switcher, landing on a URL without
  its trailing slash (and a 404 for every per-page alternate). The switcher's own links
  already lead to the same page in the other script (mkdocs-static-i18n), and the hreflang
  alternates live in sitemap.xml, so we drop the head <link rel=alternate>s.
- robots.txt: every page may be indexed (people must be able to find the site), and the
  sitemap's address comes from site_url (SITE_URL).
"""

from __future__ import annotations

import re
from pathlib import Path

from _common import HANT, site_root
from mkdocs.plugins import event_priority

HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_head_alternates(output: str) -> str:
    return HEAD_ALTERNATE.sub("", output)


def write_sitemaps(site: Path) -> None:
    root_map = site / "sitemap.xml"
    if root_map.exists() and (site / HANT).is_dir():
        (site / HANT / "sitemap.xml").write_bytes(root_map.read_bytes())
        gz = site / "sitemap.xml.gz"
        if gz.exists():
            (site / HANT / "sitemap.xml.gz").write_bytes(gz.read_bytes())


def write_robots(site: Path, site_url: str | None) -> None:
    base = (site_url or "/").rstrip("/") + "/"
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n", encoding="utf-8")


@event_priority(-90)
def on_post_page(output, page, config):
    return drop_head_alternates(output)


@event_priority(-90)  # the 404 pages too, before hooks/not_found.py (-100) files them
def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    return drop_head_alternates(output_content)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the sitemap
def on_post_build(config):
    site = site_root(config)
    write_sitemaps(site)
    write_robots(site, config.get("site_url"))
