"""`[[rule:NAME]]` in a page prints a figure from calc/rules.py (hooks/content.py): the
formats a reader sees, and a strict build that stops on a marker naming no rule."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from calc import rules

ROOT = Path(__file__).resolve().parents[2]
HOOK = ROOT / "hooks" / "content.py"


@pytest.fixture(scope="module")
def content():
    """The hook loaded as MkDocs loads it: its folder on sys.path while it imports."""
    spec = importlib.util.spec_from_file_location("yqxs_hook_content", HOOK)
    module = importlib.util.module_from_spec(spec)
    saved = sys.path.copy()
    sys.path.insert(0, str(HOOK.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


@pytest.mark.parametrize(("marker", "expected"), [
    ("[[rule:LPR_AS_OF]]", rules.LPR_AS_OF.isoformat()),
    ("[[rule:LPR_TABLE[-1][0]]]", rules.LPR_TABLE[-1][0].isoformat()),
    ("[[rule:PRIVATE_LENDING_LPR_MULTIPLE]]", str(rules.PRIVATE_LENDING_LPR_MULTIPLE)),
    ("[[rule:HOTLINES[0].number]]", rules.HOTLINES[0].number),
    ('[[rule:SOURCES["LPR_AS_OF"].as_of]]', rules.SOURCES["LPR_AS_OF"].as_of),
    ("[[rule:COLLECTION_QUIET_START]]", rules.COLLECTION_QUIET_START.strftime("%H:%M")),
])
def test_a_marker_prints_the_rule_value(content, marker, expected):
    assert content.replace_rules(f"是 {marker}。") == f"是 {expected}。"


@pytest.mark.parametrize(("value", "fmt", "expected"), [
    (Decimal("0.0300"), None, "3.0%"),
    (Decimal("0.0335"), None, "3.35%"),
    (Decimal("0.24"), None, "24.0%"),
    (Decimal("0.006"), None, "0.6%"),
    (Decimal("1.0"), None, "100.0%"),
    (Decimal("10"), "percent", "1000.0%"),
    (Decimal("50000"), "yuan", "50,000"),
    (Decimal("1e11"), "yuan", "100,000,000,000"),
    (Decimal("12.50"), "yuan", "12.5"),
    (Decimal("0.006"), "number", "0.006"),
    (60, None, "60"),
    (date(2026, 3, 20), None, "2026-03-20"),
    ("a<b", None, "a&lt;b"),
])
def test_formats(content, value, fmt, expected):
    assert content.render(value, fmt) == expected


@pytest.mark.parametrize("value", [Decimal("50000"), (1, 2), {"a": 1}, rules.lpr_on, True])
def test_a_value_without_a_readers_text_is_refused(content, value):
    with pytest.raises(content.RuleError):
        content.render(value)


@pytest.mark.parametrize("marker", [
    "[[rule:NO_SUCH_RULE]]", "[[rule:LPR_TABLE]]", "[[rule:LPR_TABLE[99]]]",
    "[[rule:LPR_AS_OF.nope]]", "[[rule:LPR_AS_OF|pct]]", "[[rule: LPR_AS_OF]]", "[[rule:_BRIEF]]",
])
def test_a_bad_marker_is_left_as_typed(content, marker):
    assert content.replace_rules(marker, "page.md") == marker


def _mini_site(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# t\n\n{body}\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nstrict: true\nhooks:\n  - {HOOK}\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_the_strict_build_prints_a_known_rule(tmp_path):
    run = _mini_site(tmp_path, "LPR [[rule:LPR_TABLE[-1][1]]] as of [[rule:LPR_AS_OF]]")
    assert run.returncode == 0, run.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    lpr = (rules.LPR_TABLE[-1][1] * 100).normalize()
    assert f"LPR {lpr:.{max(1, -lpr.as_tuple().exponent)}f}% as of {rules.LPR_AS_OF.isoformat()}" in html


def test_the_strict_build_stops_on_an_unknown_rule(tmp_path):
    run = _mini_site(tmp_path, "LPR [[rule:LPR_NOPE]]")
    assert run.returncode != 0
    assert "index.md: [[rule:LPR_NOPE]]: calc.rules has no 'LPR_NOPE'" in run.stderr
