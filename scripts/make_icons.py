"""Render the app icons of the web app manifest (hooks/pwa.py) from the site's logo.

    .venv/bin/python scripts/make_icons.py

Writes docs/assets/img/icon-192.png and icon-512.png: docs/assets/img/logo.svg drawn by
headless Chromium at each size on a transparent background. The PNGs are committed, so a
build needs no browser; run this again after changing the logo.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LOGO = ROOT / "docs" / "assets" / "img" / "logo.svg"
SIZES = (192, 512)


def icon_path(size: int) -> Path:
    return LOGO.parent / f"icon-{size}.png"


def render(sizes=SIZES) -> list[Path]:
    from playwright.sync_api import sync_playwright

    svg = LOGO.read_text(encoding="utf-8")
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for size in sizes:
                page = browser.new_page(viewport={"width": size, "height": size})
                page.set_content(
                    "<!doctype html><style>html,body{margin:0;background:transparent}"
                    f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}")
                page.screenshot(path=str(icon_path(size)), omit_background=True)
                page.close()
                written.append(icon_path(size))
        finally:
            browser.close()
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))
