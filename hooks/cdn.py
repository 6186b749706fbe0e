"""Material's CDN fallbacks, pointed at our own host.

Material's bundle loads two scripts from unpkg.com when it needs them: a ResizeObserver
polyfill on old browsers (old Android WebViews, Safari < 13.1: real readers' phones) and
mermaid when a page has diagrams (ours have none). Both would be third-party requests
(and blocked by our CSP), so the build points them at our own copies: the polyfill from
the pinned npm package, and a mermaid path that does not exist.
"""

from __future__ import annotations

from pathlib import Path

from _common import ROOT, site_root
from mkdocs.plugins import event_priority

BUNDLE_LOCAL = "new URL(%r,document.querySelector(\"script[src*='javascripts/bundle.']\").src).href"
CDN_FALLBACKS = {
    '"https://unpkg.com/resize-observer-polyfill"': BUNDLE_LOCAL % "../vendor/resize-observer.js",
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': BUNDLE_LOCAL % "../vendor/mermaid-not-shipped.js",
}
POLYFILL = ROOT / "node_modules" / "resize-observer-polyfill" / "dist" / "ResizeObserver.js"


def localise_material_bundle(site: Path) -> None:
    for bundle in (site / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        for remote, local in CDN_FALLBACKS.items():
            text = text.replace(remote, local)
        bundle.write_text(text, encoding="utf-8")
    vendor = site / "assets" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    (vendor / "resize-observer.js").write_bytes(POLYFILL.read_bytes())


@event_priority(-200)
def on_post_build(config):
    localise_material_bundle(site_root(config))
