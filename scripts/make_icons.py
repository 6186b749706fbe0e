"""Render the app icons of the web app manifest (hooks/pwa.py) from the site's logo.

    .venv/bin/python scripts/make_icons.py

Writes, drawn by headless Chromium at each size (192 and 512):

- docs/assets/img/icon-SIZE.png (manifest purpose "any"): docs/assets/img/logo.svg as it is,
  on a transparent background;
- docs/assets/img/icon-maskable-SIZE.png (purpose "maskable"): full bleed, for launchers that
  cut the icon into their own shape (a circle, a squircle): the logo's rounded square becomes
  the whole square in its colour, opaque, and the logo's marks stay where they are, which is
  inside the safe zone (the centred circle of radius 40 % that every mask keeps; the marks
  reach about 29 % of the size from the centre). tests/site/test_manifest.py checks both.

The PNGs are committed, so a build needs no browser; run this again after changing the logo.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LOGO = ROOT / "docs" / "assets" / "img" / "logo.svg"
SIZES = (192, 512)


# The logo's rounded square, its first element: the background of everything else.
BACKGROUND_RECT = re.compile(r'<rect x="4" y="4" width="56" height="56" rx="14" fill="(#[0-9a-f]{6})"/>')


def icon_path(size: int, maskable: bool = False) -> Path:
    return LOGO.parent / (f"icon-maskable-{size}.png" if maskable else f"icon-{size}.png")


def maskable_svg(svg: str) -> str:
    """The logo with its rounded square made the full, square canvas (full bleed)."""
    full, n = BACKGROUND_RECT.subn(lambda m: f'<rect width="64" height="64" fill="{m[1]}"/>', svg)
    if n != 1:
        raise ValueError("logo.svg: the rounded background square was not found; update make_icons.py")
    return full


def render(sizes=SIZES) -> list[Path]:
    from playwright.sync_api import sync_playwright

    logo = LOGO.read_text(encoding="utf-8")
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for size in sizes:
                for maskable, svg in ((False, logo), (True, maskable_svg(logo))):
                    page = browser.new_page(viewport={"width": size, "height": size})
                    page.set_content(
                        "<!doctype html><style>html,body{margin:0;background:transparent}"
                        f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}")
                    page.screenshot(path=str(icon_path(size, maskable)), omit_background=not maskable)
                    page.close()
                    written.append(icon_path(size, maskable))
        finally:
            browser.close()
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))
