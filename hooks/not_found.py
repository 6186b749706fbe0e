"""The 404 page of each script.

MkDocs writes 404.html to the root of site_dir in each language's build, and the 繁體
build runs second, so the root page a 简体 reader lands on came out in 繁體. We keep the
简体 page at the root and put the 繁體 one at /zh-Hant/404.html (hosts such as Cloudflare
Pages serve the nearest 404.html up the path; its links are absolute). hooks/security.py
and hooks/i18n.py have already worked on both (priority -90).

The 404 page is no page of either script, so the template renders the 繁體 one with the
简体 page's script-specific parts: the 简体 manifest, the 简体 search index (the config's
"base") and a language switcher that points at the last page the 繁體 build wrote. The
繁體 404 gets its own script's manifest and index, and both 404 pages switch to the home
page of each script.
"""

from __future__ import annotations

import re

from _common import HANT, build_state, site_root
from mkdocs.plugins import event_priority

MANIFEST = re.compile(r'(<link rel="manifest" href=")([^"]*?)(manifest\.webmanifest")')
# Material's config script: its "base" is where search finds search/search_index.json.
SEARCH_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')
SWITCHER = re.compile(r'(<a href=")[^"]*(" hreflang="(zh|zh-Hant)" class="md-select__link">)')


def own_script(html: str, lang: str) -> str:
    """The 404 page of `lang` with that script's manifest, search index and switcher."""
    manifest = MANIFEST.search(html)
    if not manifest:
        raise ValueError("hooks/not_found.py: the 404 page links no manifest")
    root = manifest[2]  # the site's root path, as the page writes its absolute links
    if lang == HANT:
        html = MANIFEST.sub(lambda m: f"{m[1]}{root}{HANT}/{m[3]}", html, count=1)
        html = SEARCH_BASE.sub(lambda m: f"{m[1]}{root}{HANT}/{m[3]}", html, count=1)
    return SWITCHER.sub(lambda m: f"{m[1]}{root}{HANT + '/' if m[3] == HANT else ''}{m[2]}", html)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    pages = build_state(config, "not_found", dict)
    lang = HANT if '<html lang="zh-Hant"' in output_content[:300] else "zh"
    output_content = own_script(output_content, lang)
    pages[lang] = output_content
    if lang == HANT and "zh" in pages:
        target = site_root(config) / HANT / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
        return pages["zh"]
    return output_content
