"""Numbers as people type them: amounts, percentages, counts.

Every parser returns a ``Decimal`` (or ``int``) or raises ``InputError(field,
code)`` whose message says what to type.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from .. import rules
from ..errors import InputError

__all__ = [
    "CENT",
    "NUMBER",
    "clean",
    "money",
    "parse_amount",
    "parse_count",
    "parse_fraction",
    "parse_percent",
    "parse_signed_amount",
    "percent_text",
    "to_decimal",
]

CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    """Round to 0.01 yuan, half up (the only rounding rule for money).

    >>> money(Decimal("1937.4057"))
    Decimal('1937.41')
    >>> money(Decimal("0.005"))
    Decimal('0.01')
    """
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def clean(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII), no spaces."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def to_decimal(value: object, field: str, code: str = "number_invalid") -> Decimal:
    """A finite Decimal from Decimal, int or float (via ``str``), never bool.

    Strings are not accepted here; use the parsers.
    """
    if isinstance(value, bool):
        raise InputError(field, code)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(str(value))
    else:
        raise InputError(field, code)
    if not result.is_finite():
        raise InputError(field, code)
    return result


_MULTIPLIERS = {
    "万": Decimal(10000),
    "萬": Decimal(10000),
    "w": Decimal(10000),
    "千": Decimal(1000),
    "仟": Decimal(1000),
    "k": Decimal(1000),
    "百": Decimal(100),
    "佰": Decimal(100),
    "亿": Decimal(100000000),
    "億": Decimal(100000000),
}
_AMOUNT_PREFIXES = ("人民币", "人民幣", "rmb", "cny", "¥", "$")
_AMOUNT_SUFFIXES = ("人民币", "人民幣", "rmb", "cny", "元整", "元", "圆", "圓", "块钱", "塊錢", "块", "塊")
NUMBER = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def parse_amount(text: object, field: str = "amount", *, positive: bool = False) -> Decimal:
    """An amount of money in yuan, >= 0 (> 0 with ``positive``: ``amount_zero``).

    Accepts ``5000``, ``5,000.50``, ``¥5000``, ``￥5000``, ``5000元``,
    full-width ``５０００``, ``3万``, ``3.5万元``, ``1.2千``, and in 繁體 ``3萬``,
    ``4.8萬元``, ``3仟``, ``5佰``, full-width
    punctuation (``，`` ``．``). Refuses empty, negative, non-numbers, NaN/inf,
    more than two decimals of a yuan, and sizes over 1e11.

    >>> parse_amount("３万")
    Decimal('30000')
    >>> parse_amount("-5")
    Traceback (most recent call last):
    ...
    calc.errors.InputError: amount: amount_negative: 金额不能是负数，请输入例如 5000
    """
    if isinstance(text, (Decimal, int, float)) and not isinstance(text, bool):
        value = to_decimal(text, field, "amount_invalid")
    else:
        if text is None:
            raise InputError(field, "amount_required")
        if not isinstance(text, str):
            raise InputError(field, "amount_invalid")
        if len(text) > rules.MAX_FIELD_LENGTH:
            raise InputError(field, "amount_invalid")
        s = clean(text).lower()
        if not s:
            raise InputError(field, "amount_required")
        s = s.replace("，", ",").replace("。", ".")
        negative = False
        if s[0] in "-−－":
            negative = True
            s = s[1:]
        elif s[0] == "+":
            s = s[1:]
        for prefix in _AMOUNT_PREFIXES:
            if s.startswith(prefix):
                s = s[len(prefix) :]
                break
        if s[:1] in ("-", "−"):
            negative = True
            s = s[1:]
        for suffix in _AMOUNT_SUFFIXES:
            if s.endswith(suffix):
                s = s[: -len(suffix)]
                break
        multiplier = Decimal(1)
        if s and s[-1] in _MULTIPLIERS:
            multiplier = _MULTIPLIERS[s[-1]]
            s = s[:-1]
        if "," in s:
            if not _GROUPED.fullmatch(s):
                raise InputError(field, "amount_invalid")
            s = s.replace(",", "")
        if not NUMBER.fullmatch(s):
            raise InputError(field, "amount_invalid")
        if negative and Decimal(s) != 0:
            raise InputError(field, "amount_negative")
        value = Decimal(s) * multiplier
    if not value.is_finite():
        raise InputError(field, "amount_invalid")
    if value < 0:
        raise InputError(field, "amount_negative")
    if value > rules.MAX_AMOUNT:
        raise InputError(field, "amount_too_large")
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise InputError(field, "amount_precision")
    if positive and value == 0:
        raise InputError(field, "amount_zero")
    return value


def parse_signed_amount(text: object, field: str = "amount") -> Decimal:
    """An amount that may be negative (a cash flow): ``-3000`` or ``−3,000``; a
    number (not text) is taken as it is.

    >>> parse_signed_amount("-3,000"), parse_signed_amount("30000")
    (Decimal('-3000'), Decimal('30000'))
    """
    if not isinstance(text, str):
        return to_decimal(text, field, "flows_invalid")
    stripped = text.strip()
    negative = stripped[:1] in ("-", "−")
    value = parse_amount(stripped[1:] if negative else stripped, field)
    return -value if negative else value


def _percent_number(text: object, field: str) -> Decimal:
    """Text such as ``10`` or ``0.6%`` read as a percent: the fraction, sign kept."""
    if text is None:
        raise InputError(field, "percent_required")
    if not isinstance(text, str) or len(text) > rules.MAX_FIELD_LENGTH:
        raise InputError(field, "percent_invalid")
    s = clean(text).replace("。", ".")
    if not s:
        raise InputError(field, "percent_required")
    s = s.removesuffix("%")
    negative = s[:1] in ("-", "−") and bool(NUMBER.fullmatch(s[1:]))
    if negative:
        s = s[1:]
    if not NUMBER.fullmatch(s):
        raise InputError(field, "percent_invalid")
    value = Decimal(s) / 100
    return -value if negative else value


def _in_range(value: Decimal, field: str, maximum: Decimal, code: str) -> Decimal:
    if value < 0 or value > maximum:
        raise InputError(field, code, maximum=percent_text(maximum))
    return value


def parse_percent(text: object, field: str, maximum: Decimal = Decimal(1)) -> Decimal:
    """A plain percentage (``10`` or ``10%``) as a fraction in [0, ``maximum``];
    a number (not text) is a percent too.

    >>> parse_percent("10", "buffer_ratio")
    Decimal('0.1')
    >>> parse_percent("0.6%", "fee_rate")
    Decimal('0.006')
    """
    if isinstance(text, (Decimal, int, float)) and not isinstance(text, bool):
        value = to_decimal(text, field, "percent_invalid") / 100
    else:
        value = _percent_number(text, field)
    return _in_range(value, field, maximum, "percent_range")


def parse_fraction(value: object, field: str, *, maximum: Decimal, code: str = "percent_range") -> Decimal:
    """A share of something (a fee rate, a buffer, a markup) as a fraction in
    [0, ``maximum``]: text is a percent (``"0.6"`` = 0.6%), a number (``Decimal``,
    ``int``) is already a fraction, as everywhere in calc. Out of range: ``code``,
    with ``maximum`` as a percent in the message.

    >>> parse_fraction("0.6", "fee_rate", maximum=Decimal("0.1"))
    Decimal('0.006')
    >>> parse_fraction(Decimal("0.006"), "fee_rate", maximum=Decimal("0.1"))
    Decimal('0.006')
    >>> parse_fraction("150", "markup", maximum=Decimal(1), code="markup_range")
    Traceback (most recent call last):
    ...
    calc.errors.InputError: markup: markup_range: 罚息上浮比例请填 0 到 100 之间的百分比，常见的是 30 到 50
    """
    if isinstance(value, str) or value is None:
        number = _percent_number(value, field)
    else:
        number = to_decimal(value, field, "percent_invalid")
    return _in_range(number, field, maximum, code)


def percent_text(fraction: Decimal) -> str:
    """A fraction as a percent number for messages: 0.5 -> '50'."""
    return f"{(fraction * 100).normalize():f}"


_COUNT_SUFFIXES = ("个月", "個月", "期", "月", "天", "日", "次", "个", "個")


def parse_count(
    text: object, field: str, minimum: int = 0, maximum: int = rules.MAX_DAYS, years: bool = False
) -> int:
    """A whole number such as a number of months or days (``36``, ``36期``,
    ``36个月``; with ``years=True`` also ``3年`` = 36).

    >>> parse_count("３６期", "months", 1, 360)
    36
    >>> parse_count("3年", "months", 1, 360, years=True)
    36
    """
    if isinstance(text, bool):
        raise InputError(field, "count_invalid")
    if isinstance(text, int):
        value = text
    elif isinstance(text, Decimal) and text.is_finite() and text == text.to_integral_value():
        value = int(text)
    else:
        if text is None:
            raise InputError(field, "count_required")
        if not isinstance(text, str) or len(text) > rules.MAX_FIELD_LENGTH:
            raise InputError(field, "count_invalid")
        s = clean(text)
        if not s:
            raise InputError(field, "count_required")
        factor = 1
        if years and s.endswith("年"):
            s, factor = s[:-1], 12
        else:
            for suffix in _COUNT_SUFFIXES:
                if s.endswith(suffix):
                    s = s[: -len(suffix)]
                    break
        if s[:1] in ("-", "−") and s[1:].isdigit():
            raise InputError(field, "count_range", minimum=minimum, maximum=maximum)
        if not (s.isascii() and s.isdigit()) or len(s) > 9:
            raise InputError(field, "count_invalid")
        value = int(s) * factor
    if value < minimum or value > maximum:
        raise InputError(field, "count_range", minimum=minimum, maximum=maximum)
    return value
