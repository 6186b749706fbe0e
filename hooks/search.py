"""Per-script search.

mkdocs-static-i18n merges both scripts into one index at /search/. After the whole build
we split it: 简体 entries stay at /search/search_index.json, 繁體 entries (their "zh-Hant/"
prefix removed) go to /zh-Hant/search/search_index.json. The template (overrides/main.html)
points a 繁體 page's search base at /zh-Hant/.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

HANT = "zh-Hant"


def split_search_index(site: Path) -> None:
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    prefix = f"{HANT}/"
    simplified = [d for d in index["docs"] if not d["location"].startswith(prefix)]
    traditional = []
    for d in index["docs"]:
        if d["location"].startswith(prefix):
            traditional.append({**d, "location": d["location"][len(prefix):]})
    if not traditional:  # nothing to split (already split, or one script only)
        return
    index_path.write_text(json.dumps({**index, "docs": simplified}, ensure_ascii=False),
                          encoding="utf-8")
    hant = site / HANT / "search" / "search_index.json"
    hant.parent.mkdir(parents=True, exist_ok=True)
    hant.write_text(json.dumps({**index, "docs": traditional}, ensure_ascii=False),
                    encoding="utf-8")



@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged and written the index
def on_post_build(config):
    site = Path(config["site_dir"])
    if site.name == HANT:  # the i18n plugin builds 繁體 into site/zh-Hant/
        site = site.parent
    split_search_index(site)
