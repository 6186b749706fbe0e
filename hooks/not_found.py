"""The 404 page of each script.

MkDocs writes 404.html to the root of site_dir in each language's build, and the 繁體
build runs second, so the root page a 简体 reader lands on came out in 繁體. We keep the
简体 page at the root and put the 繁體 one at /zh-Hant/404.html (hosts such as Cloudflare
Pages serve the nearest 404.html up the path; its links are absolute). hooks/security.py
and hooks/i18n.py have already worked on both (priority -90).
"""

from __future__ import annotations

from _common import HANT, build_state, site_root
from mkdocs.plugins import event_priority


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    pages = build_state(config, "not_found", dict)
    lang = HANT if '<html lang="zh-Hant"' in output_content[:300] else "zh"
    pages[lang] = output_content
    if lang == HANT and "zh" in pages:
        target = site_root(config) / HANT / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
        return pages["zh"]
    return output_content
