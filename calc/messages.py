"""The message catalogue: every reader-facing string, in 简体 and 繁體.

The text lives in ``calc/locale/messages.json`` as ``{key: {"zh": ..., "zh-Hant": ...}}``
so an editor can improve wording without touching code. Placeholders use
``str.format`` names, e.g. ``{min_payment}``.

No message types a figure that lives in :mod:`calc.rules` (a hotline, a period
cap, a legal line): it names a placeholder that :func:`rule_params` fills from
``rules`` (``{cap_periods}``, ``{court_line}``...), so a rule change is one edit.
Some families take theirs from the key: ``hotline.<number>`` gets ``{number}``
from ``rules.HOTLINES``; ``phase.<name>``, ``m_level.M<k>`` and ``timeline.m<k>``
get ``{first}``, ``{last}`` and ``{over}`` (the day before ``first``) from
``rules.OVERDUE_PHASES`` and ``rules.CREDIT_REPORT_CODES``.

>>> text("hotline.12378").startswith("12378")
True
>>> text("phase.severe")
'严重逾期（90天以上）'

>>> text("method.equal_installment", "zh-Hant")
'等額本息'
>>> normalize_lang("zh-TW")
'zh-Hant'
>>> normalize_lang(None)
'zh'
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources

from . import rules

__all__ = ["DEFAULT_LANG", "LANGS", "catalogue", "normalize_lang", "rule_params", "text"]

LANGS = ("zh", "zh-Hant")
DEFAULT_LANG = "zh"

_TRADITIONAL = {
    "zh-hant",
    "zh_hant",
    "zh-tw",
    "zh_tw",
    "zh-hk",
    "zh_hk",
    "zh-mo",
    "zh_mo",
    "hant",
    "tw",
    "hk",
}

_CATALOGUE: dict[str, dict[str, str]] | None = None


def catalogue() -> dict[str, dict[str, str]]:
    """All entries, loaded once from the package data."""
    global _CATALOGUE
    if _CATALOGUE is None:
        raw = resources.files("calc").joinpath("locale/messages.json").read_text(encoding="utf-8")
        _CATALOGUE = json.loads(raw)
    return _CATALOGUE


def normalize_lang(lang: object) -> str:
    """``zh`` or ``zh-Hant``; anything unknown falls back to ``zh``."""
    if isinstance(lang, str) and lang.strip().lower() in _TRADITIONAL:
        return "zh-Hant"
    return DEFAULT_LANG


def _percent(fraction) -> str:
    return f"{(fraction * 100).normalize():f}"


@lru_cache(maxsize=1)
def _general_params() -> dict[str, object]:
    first = rules.LPR_FIRST_DATE
    return {
        "cap_periods": rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS,
        "cap_years": rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS // rules.MONTHS_PER_YEAR,
        "lpr_multiple": rules.PRIVATE_LENDING_LPR_MULTIPLE,
        "court_line": _percent(rules.FINANCIAL_LOAN_COURT_LINE),
        "cash_line": _percent(rules.CASH_LOAN_COST_LINE_2017),
        "markup_low": _percent(rules.PENALTY_MARKUP_MIN),
        "markup_high": _percent(rules.PENALTY_MARKUP_MAX),
        "max_rate": _percent(rules.MAX_ANNUAL_RATE),
        "lpr_first": f"{first.year}年{first.month}月{first.day}日",
        "bank_days": rules.DAYS_PER_YEAR,
        "card_days": rules.CARD_DAYS_PER_YEAR_REPORTED,
        "grace_days": rules.CARD_GRACE_DAYS,
        "npl_days": rules.NON_PERFORMING_DAYS,
        "malicious_gap": rules.MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS,
        "malicious_months": rules.MALICIOUS_OVERDRAFT_MONTHS_AFTER_DEMAND,
        "malicious_amount": f"{rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL:,.0f}",
        "max_level": f"M{rules.CREDIT_REPORT_MAX_CODE}",
    }


def _span(first: int, last: int | None) -> dict[str, object]:
    return {"first": first, "last": last, "over": first - 1}


@cache
def _key_params(key: str) -> dict[str, object]:
    family, _, name = key.partition(".")
    if family == "hotline":
        numbers = {h.number for h in rules.HOTLINES}
        return {"number": name} if name in numbers else {}
    if family == "phase":
        spans = {phase: (first, last) for phase, first, last in rules.OVERDUE_PHASES}
        return _span(*spans[name]) if name in spans else {}
    level = name[1:] if family in ("m_level", "timeline") and name[:1] in ("M", "m") else ""
    span = rules.CREDIT_REPORT_CODES.get(level) if level.isdigit() else None
    return _span(*span) if span else {}


def rule_params(key: str = "") -> dict[str, object]:
    """The figures from :mod:`calc.rules` a message may name, for entry ``key``.

    >>> rule_params()["cap_periods"], rule_params("m_level.M2")["first"]
    (60, 31)
    """
    return {**_general_params(), **_key_params(key)}


def text(key: str, lang: object = DEFAULT_LANG, **params: object) -> str:
    """The entry ``key`` in ``lang`` with ``params`` (and :func:`rule_params`) filled in.

    An unknown key falls back to the generic ``input_invalid`` message, so a
    reader always gets words, never a code.
    """
    cat = catalogue()
    entry = cat.get(key) or cat["input_invalid"]
    template = entry[normalize_lang(lang)]
    if "{" not in template:
        return template
    try:
        return template.format(**{**rule_params(key if key in cat else ""), **params})
    except (KeyError, IndexError, ValueError):
        return template
