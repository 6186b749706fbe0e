"""Interest rates as people write them, in either script (年化18%, 月息1.5%,
日息万分之五, 月息1分), read as an **annual** fraction that remembers how it was typed.

How a parsed rate carries its period: :func:`parse_rate` returns a
:class:`QuotedRate`, a ``Decimal`` subclass whose value is the annual fraction
(so every caller that does arithmetic with it gets a plain ``Decimal`` back), and
which also keeps ``period`` (``"year"``, ``"month"`` or ``"day"``: the unit the
reader typed) and ``per_period`` (the rate per that unit, as typed). Day-based
results (罚息 over N days, a card's interest) use :func:`daily_rate`, which is the
typed daily rate itself for a rate typed per day, and annual / ``day_count`` only
for a rate typed per year or per month. The annual form of a daily rate is
daily x 365 (``rules.CARD_DAYS_PER_YEAR_REPORTED``), as cards and online lenders
disclose it (0.05% a day = 18.25% a year, 银发〔2020〕327号 as Xinhua reported it).

>>> r = parse_rate("日息0.05%")
>>> r, r.period, r.per_period
(Decimal('0.1825'), 'day', Decimal('0.0005'))
>>> daily_rate(r, 360), daily_rate(parse_rate("18%"), 360)
(Decimal('0.0005'), Decimal('0.0005'))
"""

from __future__ import annotations

from decimal import Decimal

from .. import rules
from ..errors import InputError
from .numbers import NUMBER, clean, to_decimal

__all__ = ["QuotedRate", "daily_rate", "parse_daily_rate", "parse_rate"]


class QuotedRate(Decimal):
    """An annual rate (the ``Decimal`` value, a fraction) that remembers the unit
    it was typed in: ``period`` (``year``/``month``/``day``) and ``per_period``
    (the rate per that unit). Arithmetic on it gives plain ``Decimal``."""

    __slots__ = ("period", "per_period")

    def __new__(cls, annual: Decimal, period: str, per_period: Decimal) -> QuotedRate:
        self = super().__new__(cls, annual)
        self.period = period
        self.per_period = per_period
        return self

    def __reduce__(self):  # pragma: no cover - copy / pickle keep the unit
        return (QuotedRate, (Decimal(self), self.period, self.per_period))


def daily_rate(rate: Decimal, day_count: int) -> Decimal:
    """The rate for one day: as typed for a daily rate (whatever ``day_count``
    says), else the annual rate / ``day_count`` (银发〔2005〕129号: 360, or 365 actual days).

    >>> daily_rate(parse_rate("日息万分之五"), 365), daily_rate(Decimal("0.1825"), 365)
    (Decimal('0.0005'), Decimal('0.0005'))
    """
    if isinstance(rate, QuotedRate) and rate.period == "day":
        return rate.per_period
    return rate / day_count


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _cn_number(s: str) -> Decimal | None:
    """``5``, ``五``, ``十五``, ``二十``, ``三点五`` (繁體 ``三點五``) as Decimal; None if not a number."""
    if NUMBER.fullmatch(s):
        return Decimal(s)
    if not s:
        return None
    whole, _, frac = s.replace("點", "点").partition("点")
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
    ("/年", "year"),
    ("每年", "year"),
    ("一年", "year"),
    ("/月", "month"),
    ("每月", "month"),
    ("一个月", "month"),
    ("一個月", "month"),
    ("/日", "day"),
    ("/天", "day"),
    ("每天", "day"),
    ("每日", "day"),
    ("一天", "day"),
)
#: 分 and 厘 of 月息/年息: 月息1分 = 1% a month, 1厘 = 0.1%; 年息1分 = 10%, 1厘 = 1%.
_COLLOQUIAL = {
    "分": {"month": Decimal("0.01"), "year": Decimal("0.1")},
    "厘": {"month": Decimal("0.001"), "year": Decimal("0.01")},
    "釐": {"month": Decimal("0.001"), "year": Decimal("0.01")},
}
_FRACTION_WORDS = (
    ("万分之", Decimal(10000)),
    ("萬分之", Decimal(10000)),
    ("千分之", Decimal(1000)),
    ("百分之", Decimal(100)),
)


def parse_rate(text: object, bare: str = "percent", field: str = "annual_rate") -> Decimal:
    """An **annual** interest rate as a fraction (0.18 = 18% a year).

    ``18%``, ``年化18%`` -> 0.18; ``月息1.5%`` -> 0.18 (x 12); the colloquial
    ``月息1分`` = 1% a month, ``月息8厘`` = 0.8%, ``月息1.5分`` = 1.5% (年息1分 =
    10% a year); ``日息0.05%``, ``日息万分之五``, ``日利率0.05%``, ``万分之5`` (a
    day) -> 0.1825 (x ``rules.CARD_DAYS_PER_YEAR_REPORTED`` = 365, as daily rates
    are disclosed a year). The result is a :class:`QuotedRate` that keeps the unit
    typed, so a day-based result can use a daily rate as typed. A bare number with no
    % and no 年/月/日 word is read in the unit ``bare`` names: ``"percent"``
    (``18`` -> 0.18) or ``"fraction"`` (``0.18`` -> 0.18). ``千分之N`` needs
    a unit word (月息千分之五), since it is used both ways. A number that is
    not text (``Decimal``, ``int``) is already a fraction and is only checked.

    >>> parse_rate("18")
    Decimal('0.18')
    >>> parse_rate("日利率0.05%")
    Decimal('0.1825')
    >>> parse_rate("0.05%/天"), parse_rate("月息1分"), parse_rate("月息8厘"), parse_rate("月息1.5分")
    (Decimal('0.1825'), Decimal('0.12'), Decimal('0.096'), Decimal('0.180'))
    """
    if bare not in ("percent", "fraction"):
        raise ValueError("bare must be 'percent' or 'fraction'")
    if isinstance(text, (Decimal, int, float)) and not isinstance(text, bool):
        # A number (not text) is already a rate: a fraction, as everywhere in calc.
        return _check_rate(to_decimal(text, field, "rate_invalid"), field)
    value, unit = _rate_in_unit(text, bare, field)
    if unit == "month":
        annual = value * rules.MONTHS_PER_YEAR
    elif unit == "day":
        annual = value * rules.CARD_DAYS_PER_YEAR_REPORTED
    else:
        annual = value
    return QuotedRate(_check_rate(annual, field), unit or "year", value)


def _rate_in_unit(text: object, bare: str, field: str) -> tuple[Decimal, str | None]:
    """Text read as (rate per unit, unit): ``"year"``, ``"month"``, ``"day"``, or
    None when it names none (then ``bare`` said how to read a bare number)."""
    if text is None:
        raise InputError(field, "rate_required")
    if not isinstance(text, str) or len(text) > rules.MAX_FIELD_LENGTH:
        raise InputError(field, "rate_invalid")
    s = clean(text).lower()
    if not s:
        raise InputError(field, "rate_required")
    s = s.replace("。", ".")
    unit = None
    for prefix in ("利率", "利息"):
        s = s.removeprefix(prefix)
    for words, name in ((_YEAR_WORDS, "year"), (_MONTH_WORDS, "month"), (_DAY_WORDS, "day")):
        for word in words:
            if s.startswith(word):
                unit, s = name, s[len(word) :]
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
    if s[-1:] in _COLLOQUIAL and unit in _COLLOQUIAL[s[-1]]:
        # 月息1分 = 1% a month, 月息8厘 = 0.8%; 年息1分 = 10% a year
        number = _cn_number(s[:-1])
        if number is None:
            raise InputError(field, "rate_invalid")
        if negative and number != 0:
            raise InputError(field, "rate_negative")
        return number * _COLLOQUIAL[s[-1]][unit], unit
    for word, divisor in _FRACTION_WORDS:
        if s.startswith(word):
            number = _cn_number(s[len(word) :])
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
        if not NUMBER.fullmatch(s):
            raise InputError(field, "rate_invalid")
        value = Decimal(s) / divisor
    if negative and value != 0:
        raise InputError(field, "rate_negative")
    return value, unit


def parse_daily_rate(text: object, field: str = "daily_rate") -> Decimal:
    """A **daily** rate as a fraction per day (0.0005 = 0.05% a day), as card
    issuers quote 透支利率: used as typed, never through an annual rate.

    A bare number is a percent **per day** (``0.05`` -> 0.0005), as is ``0.05%``;
    ``日息0.05%``, ``日利率0.05%``, ``万分之五`` -> 0.0005. An annual rate is
    accepted as cards disclose it, daily x ``rules.CARD_DAYS_PER_YEAR_REPORTED``
    (``年化18.25%`` -> 0.0005); a monthly one is refused (say it per day). A
    number (not text) is already a daily fraction and is only checked.

    >>> parse_daily_rate("0.05"), parse_daily_rate("日息万分之五"), parse_daily_rate("年化18.25%")
    (Decimal('0.0005'), Decimal('0.0005'), Decimal('0.0005'))
    >>> parse_daily_rate("月息1.5%")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    calc.errors.InputError: daily_rate: daily_rate_monthly: 这里填每天的利率（日利率），例如 0.05 表示每...
    """
    if isinstance(text, (Decimal, int, float)) and not isinstance(text, bool):
        value = to_decimal(text, field, "daily_rate_invalid")
    else:
        try:
            value, unit = _rate_in_unit(text, "percent", field)
        except InputError as err:
            if err.code in ("rate_invalid", "rate_required", "rate_unit_needed"):
                raise InputError(field, "daily_rate_invalid") from None
            raise
        if unit == "month":
            raise InputError(field, "daily_rate_monthly")
        if unit == "year":
            value = value / rules.CARD_DAYS_PER_YEAR_REPORTED
    _check_rate(value * rules.CARD_DAYS_PER_YEAR_REPORTED, field)
    return value


def _check_rate(value: Decimal, field: str) -> Decimal:
    if not value.is_finite():
        raise InputError(field, "rate_invalid")
    if value < 0:
        raise InputError(field, "rate_negative")
    if value > rules.MAX_ANNUAL_RATE:
        raise InputError(field, "rate_too_large")
    return value
