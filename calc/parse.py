"""Parsers for what people really type, in either script.

Every parser returns a ``Decimal`` (or ``int`` / ``date``) or raises
``InputError(field, code)`` whose message says what to type.

Amounts:

>>> parse_amount("5,000.50")
Decimal('5000.50')
>>> parse_amount("３.５万元")
Decimal('35000.0')
>>> parse_amount("￥1.2千")
Decimal('1200.0')

Rates (annual, as fractions):

>>> parse_rate("年化18%")
Decimal('0.18')
>>> parse_rate("月息1.5%")
Decimal('0.180')
>>> parse_rate("日息万分之五")
Decimal('0.1800')
>>> parse_rate("0.18", bare="fraction")
Decimal('0.18')
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from . import rules
from .errors import InputError

__all__ = [
    "CENT",
    "money",
    "to_decimal",
    "parse_amount",
    "parse_rate",
    "parse_percent",
    "parse_fraction",
    "percent_text",
    "parse_count",
    "parse_date",
    "parse_text",
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


def _clean(text: str) -> str:
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
    "w": Decimal(10000),
    "千": Decimal(1000),
    "k": Decimal(1000),
    "百": Decimal(100),
    "亿": Decimal(100000000),
    "億": Decimal(100000000),
}
_AMOUNT_PREFIXES = ("人民币", "人民幣", "rmb", "cny", "¥", "$")
_AMOUNT_SUFFIXES = ("人民币", "人民幣", "rmb", "cny", "元整", "元", "圆", "圓", "块钱", "塊錢", "块", "塊")
_NUMBER = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def parse_amount(text: object, field: str = "amount", *, positive: bool = False) -> Decimal:
    """An amount of money in yuan, >= 0 (> 0 with ``positive``: ``amount_zero``).

    Accepts ``5000``, ``5,000.50``, ``¥5000``, ``￥5000``, ``5000元``,
    full-width ``５０００``, ``3万``, ``3.5万元``, ``1.2千``, full-width
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
        s = _clean(text).lower()
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
                s = s[len(prefix):]
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
        if not _NUMBER.fullmatch(s):
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


_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}


def _cn_number(s: str) -> Decimal | None:
    """``5``, ``五``, ``十五``, ``二十``, ``三点五`` as Decimal; None if not a number."""
    if _NUMBER.fullmatch(s):
        return Decimal(s)
    if not s:
        return None
    whole, _, frac = s.partition("点")
    if not whole:
        return None
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
            return None
        value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    else:
        if any(ch not in _CN_DIGITS and not ch.isdigit() for ch in whole):
            return None
        value = int("".join(str(_CN_DIGITS.get(ch, ch)) for ch in whole))
    result = Decimal(value)
    if frac:
        if any(ch not in _CN_DIGITS and not ch.isdigit() for ch in frac):
            return None
        result += Decimal("0." + "".join(str(_CN_DIGITS.get(ch, ch)) for ch in frac))
    return result


_YEAR_WORDS = ("年化利率", "年化", "年利率", "年息", "年率", "年", "apr")
_MONTH_WORDS = ("月利率", "月息", "月率", "月")
_DAY_WORDS = ("日利率", "日息", "日率", "日", "天")
_UNIT_SUFFIXES = (
    ("/年", "year"), ("每年", "year"), ("一年", "year"),
    ("/月", "month"), ("每月", "month"), ("一个月", "month"), ("一個月", "month"),
    ("/日", "day"), ("/天", "day"), ("每天", "day"), ("每日", "day"), ("一天", "day"),
)
_FRACTION_WORDS = (("万分之", Decimal(10000)), ("萬分之", Decimal(10000)),
                   ("千分之", Decimal(1000)), ("百分之", Decimal(100)))


def parse_rate(text: object, bare: str = "percent", field: str = "annual_rate") -> Decimal:
    """An **annual** interest rate as a fraction (0.18 = 18% a year).

    ``18%``, ``年化18%`` -> 0.18; ``月息1.5%`` -> 0.18 (x 12);
    ``日息0.05%``, ``日息万分之五``, ``日利率0.05%``, ``万分之5`` (a day) -> 0.18
    (x ``rules.DAYS_PER_YEAR`` = 360, 银发〔2005〕129号). A bare number with no
    % and no 年/月/日 word is read in the unit ``bare`` names: ``"percent"``
    (``18`` -> 0.18) or ``"fraction"`` (``0.18`` -> 0.18). ``千分之N`` needs
    a unit word (月息千分之五), since it is used both ways. A number that is
    not text (``Decimal``, ``int``) is already a fraction and is only checked.

    >>> parse_rate("18")
    Decimal('0.18')
    >>> parse_rate("日利率0.05%")
    Decimal('0.1800')
    >>> parse_rate("0.05%/天")
    Decimal('0.1800')
    """
    if bare not in ("percent", "fraction"):
        raise ValueError("bare must be 'percent' or 'fraction'")
    if isinstance(text, (Decimal, int, float)) and not isinstance(text, bool):
        # A number (not text) is already a rate: a fraction, as everywhere in calc.
        return _check_rate(to_decimal(text, field, "rate_invalid"), field)
    if text is None:
        raise InputError(field, "rate_required")
    if not isinstance(text, str) or len(text) > rules.MAX_FIELD_LENGTH:
        raise InputError(field, "rate_invalid")
    s = _clean(text).lower()
    if not s:
        raise InputError(field, "rate_required")
    s = s.replace("。", ".")
    unit = None
    for prefix in ("利率", "利息"):
        if s.startswith(prefix):
            s = s[len(prefix):]
    for words, name in ((_YEAR_WORDS, "year"), (_MONTH_WORDS, "month"), (_DAY_WORDS, "day")):
        for word in words:
            if s.startswith(word):
                unit, s = name, s[len(word):]
                break
        if unit:
            break
    for suffix, name in _UNIT_SUFFIXES:
        if s.endswith(suffix):
            if unit and unit != name:
                raise InputError(field, "rate_invalid")
            unit, s = name, s[: -len(suffix)]
            break
    s = s.lstrip(":")
    negative = s[:1] in ("-", "−")
    if negative:
        s = s[1:]
    scale = None
    for word, divisor in _FRACTION_WORDS:
        if s.startswith(word):
            number = _cn_number(s[len(word):])
            if number is None:
                raise InputError(field, "rate_invalid")
            if divisor == 1000 and unit is None:
                raise InputError(field, "rate_unit_needed")
            if divisor == 10000 and unit is None:
                unit = "day"
            value = number / divisor
            scale = "set"
            break
    if scale is None:
        if s.endswith("%"):
            s, divisor = s[:-1], Decimal(100)
        elif s.endswith("‰"):
            s, divisor = s[:-1], Decimal(1000)
            if unit is None:
                raise InputError(field, "rate_unit_needed")
        else:
            divisor = Decimal(100) if bare == "percent" else Decimal(1)
        if not _NUMBER.fullmatch(s):
            raise InputError(field, "rate_invalid")
        value = Decimal(s) / divisor
    if negative and value != 0:
        raise InputError(field, "rate_negative")
    if unit == "month":
        value = value * rules.MONTHS_PER_YEAR
    elif unit == "day":
        value = value * rules.DAYS_PER_YEAR
    return _check_rate(value, field)


def _check_rate(value: Decimal, field: str) -> Decimal:
    if not value.is_finite():
        raise InputError(field, "rate_invalid")
    if value < 0:
        raise InputError(field, "rate_negative")
    if value > rules.MAX_ANNUAL_RATE:
        raise InputError(field, "rate_too_large")
    return value


def _percent_number(text: object, field: str) -> Decimal:
    """Text such as ``10`` or ``0.6%`` read as a percent: the fraction, sign kept."""
    if text is None:
        raise InputError(field, "percent_required")
    if not isinstance(text, str) or len(text) > rules.MAX_FIELD_LENGTH:
        raise InputError(field, "percent_invalid")
    s = _clean(text).replace("。", ".")
    if not s:
        raise InputError(field, "percent_required")
    if s.endswith("%"):
        s = s[:-1]
    negative = s[:1] in ("-", "−") and bool(_NUMBER.fullmatch(s[1:]))
    if negative:
        s = s[1:]
    if not _NUMBER.fullmatch(s):
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

    >>> parse_fraction("0.6", "fee_rate", maximum=Decimal("0.1")), parse_fraction(Decimal("0.006"), "fee_rate", maximum=Decimal("0.1"))
    (Decimal('0.006'), Decimal('0.006'))
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


def parse_count(text: object, field: str, minimum: int = 0, maximum: int = rules.MAX_DAYS, years: bool = False) -> int:
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
        s = _clean(text)
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


_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def parse_date(text: object, field: str) -> date:
    """A calendar date: ``2025-06-01``, ``2025/6/1``, ``2025年6月1日``.

    >>> parse_date("2025年6月1日", "start")
    datetime.date(2025, 6, 1)
    """
    if isinstance(text, date):
        return text
    if text is None:
        raise InputError(field, "date_required")
    if not isinstance(text, str) or len(text) > rules.MAX_FIELD_LENGTH:
        raise InputError(field, "date_invalid")
    s = _clean(text)
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

