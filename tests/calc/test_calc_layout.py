"""The shape of calc: small modules, and strings read in one place (calc/parse)."""

import re
from pathlib import Path

import pytest

CALC = Path(__file__).resolve().parents[2] / "calc"
SOURCES = sorted(CALC.rglob("*.py"))
# The domain: every module of calc/ itself except the message catalogue (it reads
# language tags) and the door (calc/api reads the browser's form).
DOMAIN = [p for p in sorted(CALC.glob("*.py")) if p.name not in ("messages.py", "__init__.py")]
READS_TEXT = re.compile(r"^import (re|unicodedata)\b|\.strip\(|\.lower\(|isinstance\(\w+, str\)", re.M)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(CALC)))
def test_no_calc_file_over_450_lines(path):
    assert len(path.read_text("utf-8").splitlines()) <= 450


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: p.name)
def test_domain_modules_leave_reading_strings_to_parse(path):
    # A string given to a domain function goes to calc.parse; the domain itself
    # works on Decimal, int and date (STYLE.md: numpy-financial leaves parsing to the caller).
    assert READS_TEXT.findall(path.read_text("utf-8")) == []
