"""The web app manifests and their icons, and the 404 pages' links to them (issue 13).

- Each script's manifest (hooks/pwa.py) lists the icons 192 and 512 for purpose "any" and for
  purpose "maskable"; every icon is a PNG of the size it claims.
- A maskable icon is cut by the launcher into its own shape, so it must be full bleed (every
  pixel opaque) and keep everything that is not background inside the safe zone, the centred
  circle of radius 40 % of the size (W3C Manifest, "icon masks"): each pixel outside that
  circle is the background colour, and the logo's marks are there inside it.
- The 繁體 404 page links the 繁體 manifest and searches the 繁體 index; both 404 pages switch
  language to the home page of each script (hooks/not_found.py).
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest

HANT = "zh-Hant"
SAFE_RADIUS = 0.40


def png_pixels(data: bytes) -> tuple[int, int, list[list[tuple[int, ...]]]]:
    """Width, height and rows of RGBA pixels of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    idat = b""
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks[kind] = body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert depth == 8 and color in (2, 6) and interlace == 0, (depth, color, interlace)
    channels = 4 if color == 6 else 3
    raw, stride = zlib.decompress(idat), width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x:x + channels]) + ((255,) if channels == 3 else ())
                     for x in range(0, stride, channels)])
        prev = line
    return width, height, rows


def manifests(site: Path) -> dict[str, tuple[Path, dict]]:
    return {lang: (folder, json.loads((folder / "manifest.webmanifest").read_text(encoding="utf-8")))
            for lang, folder in (("zh", site), (HANT, site / HANT))}


@pytest.mark.parametrize("lang", ["zh", HANT])
def test_manifest_lists_any_and_maskable_icons_of_both_sizes(built_site, lang):
    folder, manifest = manifests(built_site)[lang]
    found = set()
    for icon in manifest["icons"]:
        path = (folder / icon["src"]).resolve()
        assert path.is_file() and path.is_relative_to(built_site.resolve()), icon
        width, height = struct.unpack(">II", path.read_bytes()[16:24])  # IHDR
        assert icon["type"] == "image/png" and icon["sizes"] == f"{width}x{height}", icon
        found.add((icon["purpose"], width))
    assert found == {("any", 192), ("any", 512), ("maskable", 192), ("maskable", 512)}, found


@pytest.mark.parametrize("size", [192, 512])
def test_maskable_icon_is_full_bleed_with_its_marks_in_the_safe_zone(built_site, size):
    folder, manifest = manifests(built_site)["zh"]
    (icon,) = [i for i in manifest["icons"] if i["purpose"] == "maskable" and i["sizes"] == f"{size}x{size}"]
    width, height, rows = png_pixels((folder / icon["src"]).read_bytes())
    background = rows[0][0]
    assert background[3] == 255
    centre, radius = (width - 1) / 2, SAFE_RADIUS * width
    marks = outside = transparent = 0
    for y, row in enumerate(rows):
        for x, pixel in enumerate(row):
            transparent += pixel[3] != 255
            if pixel != background:
                if ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 > radius:
                    outside += 1
                else:
                    marks += 1
    assert transparent == 0, f"{transparent} pixels not opaque: not full bleed"
    assert outside == 0, f"{outside} pixels of the marks outside the safe zone"
    assert marks > 0.05 * width * height, "the logo's marks are missing"
    # The "any" icon of the same size is the logo on a transparent ground (not full bleed).
    (plain,) = [i for i in manifest["icons"] if i["purpose"] == "any" and i["sizes"] == f"{size}x{size}"]
    _, _, plain_rows = png_pixels((folder / plain["src"]).read_bytes())
    assert plain_rows[0][0][3] == 0


def test_each_404_page_links_its_own_scripts_manifest_and_index(built_site):
    for lang, page in (("zh", built_site / "404.html"), (HANT, built_site / HANT / "404.html")):
        html = page.read_text(encoding="utf-8")
        root = "/" + (f"{HANT}/" if lang == HANT else "")
        assert f'<html lang="{lang}"' in html
        assert re.findall(r'<link rel="manifest" href="([^"]+)"', html) == [root + "manifest.webmanifest"]
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                      html, re.S)[1])
        assert config["base"] == root  # search/search_index.json of this script
        switch = dict((h, href) for href, h in re.findall(
            r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">', html))
        assert switch == {"zh": "/", HANT: f"/{HANT}/"}, switch
