"""Debian's Chromium and the arguments every browser run uses (tests/conftest.py, the
benchmarks). playwright drives it; `playwright install` cannot download browsers here."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
