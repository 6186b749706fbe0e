"""The stored Pyodide snapshot's page-packed body (issue 13, docs/assets/js/snapshot-cache.js),
under node with an in-memory Cache Storage (tests/support/snapshot_pages.mjs): six in ten of
the heap's 4 KB pages are zero, so the entry is gzip(map + the non-zero pages) and a warm
start inflates 12 MB instead of 31. Every heap comes back byte for byte: zero pages first,
last and in runs, a last page shorter than 4 KB, a view that is not 4-aligned, a heap of
zeros only; an entry stored before the packing ("gzip", the whole heap) is still read; a
body cut short is refused and deleted, as any unusable entry."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE = (ROOT / "docs" / "assets" / "js" / "snapshot-cache.js").as_uri()
DRIVER = ROOT / "tests" / "support" / "snapshot_pages.mjs"
PAGE = 4096

CASES = [
    {"pages": 12, "tail": 144, "filled": [1, 2, 3, 7, 12], "offset": 0},  # zero first; a short last page
    {"pages": 12, "tail": 144, "filled": [0, 5, 6, 11], "offset": 1},  # unaligned; last short page zero
    {"pages": 8, "tail": 0, "filled": [], "offset": 0},  # zeros only
    {"pages": 6, "tail": 10, "filled": list(range(7)), "offset": 2},  # nothing zero
    {"pages": 9, "tail": 0, "filled": [2, 4], "offset": 0, "legacy": True},
    {"pages": 9, "tail": 0, "filled": [2, 4], "offset": 0, "cut": True},
]


def run_cases(cases):
    result = subprocess.run(["node", str(DRIVER), MODULE], input=json.dumps(cases),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def page_bytes(case, page) -> int:
    return case["tail"] if page == case["pages"] else PAGE


def test_every_heap_comes_back_byte_for_byte_from_its_packed_entry():
    got = run_cases(CASES)
    for case, out in zip(CASES, got):
        label = json.dumps(case)
        if case.get("cut"):
            continue
        assert out["same"], (label, out)
        assert out["gzip"] == [0x1F, 0x8B], (label, out)
        assert out["raw"] == case["pages"] * PAGE + case["tail"], (label, out)
        if case.get("legacy"):
            assert out["encoding"] == "gzip", (label, out)
            assert out["body"] == out["raw"], (label, out)
            continue
        assert out["encoding"] == "gzip-pages", (label, out)
        # The body is the map (a bit per page) and the non-zero pages, nothing else.
        pages = case["pages"] + (1 if case["tail"] else 0)
        filled = sum(page_bytes(case, p) for p in case["filled"] if p < pages)
        assert out["body"] == (pages + 7) // 8 + filled, (label, out)
        assert out["left"] and not any("not usable" in n for n in out["notices"]), (label, out)
    assert got[2]["body"] == 1  # zeros only: the map alone


def test_a_packed_body_cut_short_is_refused_and_deleted():
    (out,) = run_cases([c for c in CASES if c.get("cut")])
    assert out["back"] is None and not out["same"], out
    assert not out["left"], out  # deleted, so the next start is a normal one
    assert any("not usable" in n and "cut short" in n for n in out["notices"]), out
