"""Dates, free text and codes as people type them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from .. import rules
from ..errors import InputError
from .numbers import clean

__all__ = ["parse_choice", "parse_date", "parse_label", "parse_last4", "parse_text"]


_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def parse_date(text: object, field: str, *, room_days: int = 0) -> date:
    """A calendar date: ``2025-06-01``, ``2025/6/1``, ``2025年6月1日``. With
    ``room_days``, a date with fewer days than that before 9999-12-31 (where
    ``datetime.date`` ends) is refused as a typo (``date_too_late``): the caller
    dates things that many days after it.

    >>> parse_date("2025年6月1日", "start")
    datetime.date(2025, 6, 1)
    >>> parse_date("9999-12-01", "today", room_days=400)
    Traceback (most recent call last):
    ...
    calc.errors.InputError: today: date_too_late: 这个日期太晚了，请检查年份，例如 2026-03-01
    """
    day = _calendar_date(text, field)
    if day > date.max - timedelta(days=room_days):
        raise InputError(field, "date_too_late")
    return day


def _calendar_date(text: object, field: str) -> date:
    if isinstance(text, date):
        return text
    if text is None:
        raise InputError(field, "date_required")
    if not isinstance(text, str) or len(text) > rules.MAX_FIELD_LENGTH:
        raise InputError(field, "date_invalid")
    s = clean(text)
    if not s:
        raise InputError(field, "date_required")
    m = _DATE.fullmatch(s)
    if not m:
        raise InputError(field, "date_invalid")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise InputError(field, "date_invalid") from None


def parse_text(text: object, field: str, required: bool = True, maximum: int = rules.MAX_TEXT_LENGTH) -> str:
    """Free text, trimmed, control characters removed, at most ``maximum`` characters.

    >>> parse_text("  张三 ", "name")
    '张三'
    """
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InputError(field, "text_invalid")
    s = "".join(ch for ch in text if ch in "\n" or unicodedata.category(ch)[0] != "C").strip()
    if required and not s:
        raise InputError(field, "text_required")
    if len(s) > maximum:
        raise InputError(field, "text_too_long", maximum=maximum)
    return s


def parse_label(text: object, maximum: int = rules.MAX_FIELD_LENGTH) -> str:
    """A short label (a budget row's name): cleaned as :func:`parse_text` cleans
    free text (control and format characters such as NUL and the RTL override,
    lone surrogates, removed; line breaks become spaces), trimmed, then cut to
    ``maximum`` characters; never raises ('' for anything unusable).

    >>> parse_label("房\\x00租\\u202e"), parse_label("\\ud800工资\\n兼职"), parse_label(None)
    ('房租', '工资 兼职', '')
    """
    if not isinstance(text, str):
        return ""
    kept = (
        " " if ch in "\n\r\t" else ch for ch in text if ch in "\n\r\t" or unicodedata.category(ch)[0] != "C"
    )
    return " ".join("".join(kept).split())[:maximum]


def parse_last4(value: object, field: str = "account_last4") -> str:
    """Exactly the last 4 digits of an account; anything longer is refused
    with a message saying why.

    >>> parse_last4("１２３４")
    '1234'
    """
    if not isinstance(value, str):
        raise InputError(field, "last4_required" if value is None else "last4_invalid")
    s = re.sub(r"[\s\-*＊·•]", "", unicodedata.normalize("NFKC", value))
    if not s:
        raise InputError(field, "last4_required")
    digits = sum(ch.isdigit() for ch in s)
    if digits > 4:
        raise InputError(field, "last4_full_number")
    if len(s) != 4 or not (s.isascii() and s.isdigit()):
        raise InputError(field, "last4_invalid")
    return s


def parse_choice(
    value: object, field: str, *, codes: tuple[str, ...], words: dict[str, str], default: str, code: str
) -> str:
    """One of ``codes``, from the code itself or a word for it (``words``: word ->
    code, in either script); blank means ``default``; anything else raises ``code``.

    >>> codes, words = ("online_loan", "other"), {"網貸": "online_loan"}
    >>> parse_choice("網貸", "kind", codes=codes, words=words, default="other", code="kind_invalid")
    'online_loan'
    """
    if value is None:
        return default
    if not isinstance(value, str):
        raise InputError(field, code)
    text = value.strip()
    if not text:
        return default
    if text in codes:
        return text
    if text in words:
        return words[text]
    raise InputError(field, code)
