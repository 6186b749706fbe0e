"""Offline and install (issue 13): the service worker's build line and one web app
manifest per script.

- site/sw.js is docs/sw.js (copied by MkDocs) with its ``const BUILD = ...`` line filled in:
  the Pyodide version and every runtime file under pyodide/<version>/ (hooks/runtime.py
  copies them at -200, so this runs after it), so the worker knows which runtime cache is
  current and which entries to drop. A new wheel or version changes sw.js, which makes the
  browser install the new worker.
- site/manifest.webmanifest (简体, start_url /) and site/zh-Hant/manifest.webmanifest
  (繁體, start_url /zh-Hant/), both with scope / (one worker, both scripts) and the icons
  docs/assets/img/icon-192.png and icon-512.png (purpose "any"), icon-maskable-192.png and
  icon-maskable-512.png (purpose "maskable"), all from scripts/make_icons.py.
  overrides/main.html links each page to its script's manifest (hooks/not_found.py mends the
  繁體 404 page's link).

Paths in both files are relative (to sw.js, to the manifest), so the site also works below
a sub-path of its host.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from _common import HANT, site_root
from mkdocs.plugins import event_priority

BUILD_LINE = re.compile(r"^const BUILD = \{ pyodide: \"\", runtime: \[\] \};$", re.M)
THEME_COLOR = "#009485"  # Material's teal header (palette primary: teal)
BACKGROUND = "#ffffff"
# scripts/make_icons.py: the logo as it is ("any"), and full bleed with its marks inside the
# safe zone for launchers that cut icons into their own shape ("maskable").
ICONS = [{"src": f"assets/img/icon-{kind}{size}.png", "sizes": f"{size}x{size}", "type": "image/png",
          "purpose": purpose}
         for kind, purpose in (("", "any"), ("maskable-", "maskable")) for size in (192, 512)]
MANIFESTS = {
    "zh": {"name": "逾期协商指南", "short_name": "逾期协商",
           "description": "逾期后看清处境、算清能力、与机构协商。"
                          "计算器在你的浏览器里运行，输入不离开你的设备。"},
    HANT: {"name": "逾期協商指南", "short_name": "逾期協商",
           "description": "逾期後看清處境、算清能力、與機構協商。"
                          "計算器在你的瀏覽器裡運行，輸入不離開你的設備。"},
}


# Shipped for stock Pyodide only (hooks/runtime.py): our worker loads the trimmed
# python_stdlib-<hash>.zip and an empty lock, so the worker never keeps these.
STOCK_ONLY = {"python_stdlib.zip", "pyodide-lock.json"}


def runtime_files(site: Path) -> tuple[str, list[str]]:
    """The Pyodide version and the runtime files our worker loads (site paths): precompressed
    copies aside, and stock Pyodide's own stdlib and lock when the trimmed stdlib is there."""
    (folder,) = sorted((site / "pyodide").iterdir())
    names = {p.name for p in folder.iterdir() if p.is_file() and p.suffix not in {".br", ".gz"}}
    if any(n.startswith("python_stdlib-") for n in names):
        names -= STOCK_ONLY
    return folder.name, sorted(f"pyodide/{folder.name}/{n}" for n in names)


def write_worker(site: Path) -> None:
    path = site / "sw.js"
    source = path.read_text(encoding="utf-8")
    version, files = runtime_files(site)
    line = "const BUILD = " + json.dumps({"pyodide": version, "runtime": files}) + ";"
    filled, count = BUILD_LINE.subn(lambda _: line, source)
    if count != 1 and not source.count(line):
        raise ValueError("hooks/pwa.py: docs/sw.js has no `const BUILD = ...` line to fill in")
    path.write_text(filled, encoding="utf-8")


def manifest(lang: str) -> dict:
    """One script's manifest; it lives at the script's root (/ or /zh-Hant/)."""
    up = "../" if lang == HANT else ""  # from /zh-Hant/ to the site's root
    return {
        **MANIFESTS[lang],
        "lang": "zh-Hant" if lang == HANT else "zh-Hans",
        "id": "./",
        "start_url": "./",
        "scope": up or "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND,
        "icons": [{**icon, "src": up + icon["src"]} for icon in ICONS],
    }


def write_manifests(site: Path) -> None:
    for lang, folder in (("zh", site), (HANT, site / HANT)):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "manifest.webmanifest").write_text(
            json.dumps(manifest(lang), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@event_priority(-300)  # after hooks/runtime.py (-200), before hooks/precompress.py (-1000)
def on_post_build(config):
    site = site_root(config)
    write_worker(site)
    write_manifests(site)
