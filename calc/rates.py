"""Annualised rates (APR, PBoC 公告〔2021〕第3号) and penalty interest (罚息).

APR: solve ``sum(CF_k / (1 + i)**k) = 0`` for the per-period rate ``i``
with a bracketing solver (Brent's method: inverse quadratic interpolation and
secant steps, falling back to bisection, always inside a bracket where the
present value changes sign). Newton's method alone is not used: it can fail to
converge or land on the wrong root (numpy-financial issues #28, #98, #131).

The first flow is the money actually received (after up-front fees and
deducted interest: 民法典 Art. 670 bases repayment on the amount actually
received), the rest are payments (negative). Reported as

* ``simple`` = i x periods_per_year (label it 单利), and
* ``compound`` = (1 + i) ** periods_per_year - 1 (复利 / IRR).

Example E0 (the PBoC's own): 99,000 received, 12 x 8,833.30 paid.

>>> r = apr([Decimal("99000")] + [Decimal("-8833.30")] * 12)
>>> r.simple.quantize(Decimal("0.0001")), r.compound.quantize(Decimal("0.0001"))
(Decimal('0.1280'), Decimal('0.1358'))

Example G (bank-loan 罚息, +50%, 60 days, /360):

>>> penalty_interest(Decimal("5000"), 60, Decimal("0.12"))
Decimal('150.00')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import (
    ROUND_HALF_UP,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    localcontext,
)

from . import rules
from .errors import InputError
from .parse import (
    daily_rate,
    money,
    parse_amount,
    parse_count,
    parse_date,
    parse_fraction,
    parse_rate,
    parse_signed_amount,
)

__all__ = [
    "AnnualRate",
    "LoanCost",
    "RateLine",
    "above_court_line",
    "apr",
    "card_late_fee",
    "check_contract_date",
    "check_day_count",
    "check_markup",
    "loan_apr",
    "markup_is_typical",
    "penalty_interest",
    "penalty_rate",
    "rate_lines",
]

_RATE_PLACES = Decimal("1e-10")
#: A compound rate from 10**15 up cannot be stated to 10 places in 30 digits.
_COMPOUND_DIGITS = 15


@dataclass(frozen=True)
class AnnualRate:
    """An annualised rate: ``period_rate`` (the IRR per period), ``simple``
    (period rate x periods per year, 单利) and ``compound`` (复利 / IRR)."""

    period_rate: Decimal
    simple: Decimal
    compound: Decimal
    periods_per_year: int = 12


def _flows(cash_flows: Sequence[object]) -> list[Decimal]:
    if isinstance(cash_flows, (str, bytes)) or not hasattr(cash_flows, "__iter__"):
        raise InputError("flows", "flows_invalid")
    return [parse_signed_amount(value, "flows") for value in cash_flows]


def _runs(flows: list[Decimal]) -> list[tuple[int, int, Decimal]]:
    """Group equal consecutive payments (k >= 1) into (first k, count, value)."""
    runs: list[tuple[int, int, Decimal]] = []
    for k, value in enumerate(flows[1:], start=1):
        if value == 0:
            continue
        if runs and runs[-1][2] == value and runs[-1][0] + runs[-1][1] == k:
            first, count, _ = runs[-1]
            runs[-1] = (first, count + 1, value)
        else:
            runs.append((k, 1, value))
    return runs


def _present_value(cf0: Decimal, runs: list[tuple[int, int, Decimal]]) -> Callable[[Decimal], Decimal]:
    def f(rate: Decimal) -> Decimal:
        v = 1 / (1 + rate)
        total = cf0
        vk = Decimal(1)
        k = 0
        for first, count, value in runs:
            gap = first - k
            if gap == 1:
                vk *= v
            elif gap:
                vk *= v**gap
            if count == 1:
                total += value * vk
                k = first
            else:
                vm = v**count
                if v == 1:
                    total += value * count
                else:
                    total += value * vk * (1 - vm) / (1 - v)
                vk *= vm / v
                k = first + count - 1
        return total

    return f


def _brent(f: Callable[[Decimal], Decimal], a: Decimal, b: Decimal, fa: Decimal, fb: Decimal) -> Decimal:
    """Brent's root finder on a bracket [a, b] with f(a), f(b) of opposite signs
    (the algorithm of scipy's ``brentq``), in Decimal."""
    xtol = Decimal("1e-15")
    rtol = Decimal("1e-13")
    xpre, xcur, fpre, fcur = a, b, fa, fb
    xblk = fblk = spre = scur = Decimal(0)
    if fpre == 0:
        return xpre
    if fcur == 0:
        return xcur
    for _ in range(200):
        if fpre != 0 and fcur != 0 and (fpre < 0) != (fcur < 0):
            xblk, fblk = xpre, fpre
            spre = scur = xcur - xpre
        if abs(fblk) < abs(fcur):
            xpre, xcur, xblk = xcur, xblk, xcur
            fpre, fcur, fblk = fcur, fblk, fcur
        delta = (xtol + rtol * abs(xcur)) / 2
        sbis = (xblk - xcur) / 2
        if fcur == 0 or abs(sbis) < delta:
            return xcur
        if abs(spre) > delta and abs(fcur) < abs(fpre):
            try:
                if xpre == xblk:
                    stry = -fcur * (xcur - xpre) / (fcur - fpre)
                else:
                    dpre = (fpre - fcur) / (xpre - xcur)
                    dblk = (fblk - fcur) / (xblk - xcur)
                    stry = -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
            except (DivisionByZero, InvalidOperation, ZeroDivisionError):
                stry = sbis * 4  # forces the bisection branch below
            if 2 * abs(stry) < min(abs(spre), 3 * abs(sbis) - delta):
                spre, scur = scur, stry
            else:
                spre, scur = sbis, sbis
        else:
            spre, scur = sbis, sbis
        xpre, fpre = xcur, fcur
        if abs(scur) > delta:
            xcur += scur
        else:
            xcur += delta if sbis > 0 else -delta
        fcur = f(xcur)
    return xcur  # pragma: no cover - the bracket has shrunk far below any displayed digit


_UP = [Decimal(x) for x in ("0.05", "0.2", "1", "5", "25", "100", "1000", "10000")]
_DOWN = [Decimal(x) for x in ("-0.05", "-0.2", "-0.5", "-0.9", "-0.99")]


def apr(cash_flows: Sequence[object], periods_per_year: int = rules.APR_PERIODS_PER_YEAR) -> AnnualRate:
    """Annualised rate of a loan's cash flows, by the PBoC 2021 method.

    ``cash_flows[0]`` is the money actually received (positive); then one flow
    per period, payments negative (a zero is a period with no payment). The
    lender's view (first flow negative, payments positive) is accepted too.
    Raises ``InputError("flows", ...)`` when no rate exists: nothing received,
    nothing repaid, repayments of both signs that never balance, or a rate
    beyond any sensible bracket; and ``apr_too_high`` when the compound rate is
    too large to state (10^15 and up, i.e. an APR of thousands of percent),
    which is almost surely a typo.

    Example E4 ("borrow 30,000, repay 3,000 x 12", advertised as 20%):

    >>> r = apr([30000] + [-3000] * 12)
    >>> r.period_rate.quantize(Decimal("0.000001")), r.simple.quantize(Decimal("0.0001"))
    (Decimal('0.029229'), Decimal('0.3507'))
    >>> apr([1000] + [-31000] * 12)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    calc.errors.InputError: flows: apr_too_high: ...
    >>> apr([30000, 0, 0])
    Traceback (most recent call last):
    ...
    calc.errors.InputError: flows: apr_no_payments: 请至少填写一期还款金额
    """
    if (
        isinstance(periods_per_year, bool)
        or not isinstance(periods_per_year, int)
        or not 1 <= periods_per_year <= 366
    ):
        raise InputError("periods_per_year", "count_invalid")
    flows = _flows(cash_flows)
    if len(flows) < 2:
        raise InputError("flows", "apr_no_payments")
    with localcontext() as ctx:
        ctx.prec = 30
        if flows[0] < 0:
            flows = [-x for x in flows]
        if flows[0] == 0:
            raise InputError("flows", "apr_nothing_received")
        if all(x == 0 for x in flows[1:]):
            raise InputError("flows", "apr_no_payments")
        if any(x > 0 for x in flows[1:]):
            raise InputError("flows", "apr_flow_signs")
        f = _present_value(flows[0], _runs(flows))
        f0 = f(Decimal(0))
        if f0 == 0:
            rate = Decimal(0)
        else:
            lo, flo = Decimal(0), f0
            grid = _UP if f0 < 0 else _DOWN
            for hi in grid:
                fhi = f(hi)
                if (fhi < 0) != (flo < 0) or fhi == 0:
                    break
                lo, flo = hi, fhi
            else:
                raise InputError("flows", "apr_out_of_range")
            rate = _brent(f, lo, hi, flo, fhi)
        simple = rate * periods_per_year
        compound = (1 + rate) ** periods_per_year - 1
        if compound.adjusted() >= _COMPOUND_DIGITS:
            # e.g. an IRR of ~30 a period ("one zero too many"): no figure can be shown
            repaid = -sum(flows[1:], Decimal(0))
            times = (repaid / flows[0]).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            raise InputError("flows", "apr_too_high", times=f"{times:,f}")
    return AnnualRate(
        period_rate=rate.quantize(Decimal("1e-14"), rounding=ROUND_HALF_UP),
        simple=simple.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP),
        compound=compound.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP),
        periods_per_year=periods_per_year,
    )


def check_markup(markup: object, field: str = "markup") -> Decimal:
    """The 罚息 markup as a fraction in [0, ``rules.MISUSE_MARKUP_MAX``] (text is a
    percent: ``"50"``); the one check of it, so every door answers ``markup_range``.

    >>> check_markup("50"), check_markup(Decimal("0.3"))
    (Decimal('0.5'), Decimal('0.3'))
    """
    return parse_fraction(markup, field, maximum=rules.MISUSE_MARKUP_MAX, code="markup_range")


def check_contract_date(contract_date: object, field: str = "contract_date") -> date:
    """A contract date that has a one-year LPR (from 2019-08-20, ``rules.LPR_FIRST_DATE``).

    >>> check_contract_date("2023-01-01")
    datetime.date(2023, 1, 1)
    """
    day = parse_date(contract_date, field)
    if day < rules.LPR_FIRST_DATE:
        raise InputError(field, "lpr_before_table")
    return day


def check_day_count(day_count: object, field: str = "day_count") -> int:
    """Days in the interest year: 360 (banks, 银发〔2005〕129号) or 365 (what cards report).

    >>> check_day_count("365")
    365
    """
    value = parse_count(day_count, field, 1, 1000)
    if value not in (rules.DAYS_PER_YEAR, rules.CARD_DAYS_PER_YEAR_REPORTED):
        raise InputError(field, "day_count_invalid")
    return value


def markup_is_typical(markup: Decimal) -> bool:
    """Whether a markup is within what banks typically add (30%-50%).

    >>> markup_is_typical(Decimal("0.5")), markup_is_typical(Decimal("1"))
    (True, False)
    """
    return rules.PENALTY_MARKUP_MIN <= markup <= rules.PENALTY_MARKUP_MAX


def above_court_line(annual_rate: Decimal) -> bool:
    """Whether a yearly cost is above the 24% line (``rules.FINANCIAL_LOAN_COURT_LINE``,
    法发〔2017〕22号) past which a court may be asked to cut a financial loan's charges.

    >>> above_court_line(Decimal("0.18")), above_court_line(Decimal("0.27"))
    (False, True)
    """
    return annual_rate > rules.FINANCIAL_LOAN_COURT_LINE


def penalty_rate(annual_rate: object, markup: object = rules.PENALTY_MARKUP_MAX) -> Decimal:
    """The annual penalty rate: ``annual_rate x (1 + markup)``.

    >>> penalty_rate("12", "50")
    Decimal('0.180')
    """
    return parse_rate(annual_rate, "percent", "annual_rate") * (1 + check_markup(markup))


def penalty_interest(
    principal: object,
    days: object,
    annual_rate: object,
    markup: object = rules.PENALTY_MARKUP_MAX,
    day_count: object = rules.DAYS_PER_YEAR,
) -> Decimal:
    """罚息, simple interest on the overdue principal at the penalty rate:
    ``principal x annual_rate x (1 + markup) / day_count x days``, rounded to 0.01.

    ``markup`` is a fraction (0.5 = contract rate + 50%); banks typically add
    30%-50% (``rules.PENALTY_MARKUP_MIN`` / ``MAX``). Strings go through the
    parsers (``annual_rate`` and ``markup`` with a bare number read as
    percent: ``"12"``, ``"50"``).

    >>> penalty_interest(5000, 60, "12%", markup=Decimal("0.3"))
    Decimal('130.00')
    >>> penalty_interest(10000, 30, "日息0.05%", markup=0)  # example F
    Decimal('150.00')
    >>> penalty_interest(10000, 30, "日息0.05%", markup=0, day_count=365)
    Decimal('150.00')
    """
    p = parse_amount(principal, "principal")
    n = parse_count(days, "days", 0, rules.MAX_DAYS)
    rate = parse_rate(annual_rate, "percent", "annual_rate")
    m = check_markup(markup)
    year = check_day_count(day_count)
    return money(p * daily_rate(rate, year) * (1 + m) * n)


@dataclass(frozen=True)
class RateLine:
    """A legal or regulatory line an annual rate is compared with."""

    code: str  # catalogue key apr.line.<code>
    rate: Decimal
    above: bool


def rate_lines(simple_rate: Decimal, contract_date: date | None = None) -> tuple[date, tuple[RateLine, ...]]:
    """The 24% court line, the 2017 36% line and 4 x the LPR on ``contract_date``
    (default: the latest fixing in ``rules``), each with whether ``simple_rate`` is above.

    >>> day, lines = rate_lines(Decimal("0.30"), date(2023, 1, 1))
    >>> [(line.code, line.rate, line.above) for line in lines]  # doctest: +NORMALIZE_WHITESPACE
    [('court24', Decimal('0.24'), True), ('cash36', Decimal('0.36'), False),
     ('lpr4', Decimal('0.1460'), True)]
    """
    day = contract_date if contract_date is not None else rules.LPR_TABLE[-1][0]
    pairs = (
        ("court24", rules.FINANCIAL_LOAN_COURT_LINE),
        ("cash36", rules.CASH_LOAN_COST_LINE_2017),
        ("lpr4", rules.four_times_lpr(day)),
    )
    return day, tuple(RateLine(code, line, simple_rate > line) for code, line in pairs)


@dataclass(frozen=True)
class LoanCost:
    """What a loan really costs: the APR on the money actually received."""

    rate: AnnualRate
    net_received: Decimal
    total_repaid: Decimal
    total_cost: Decimal
    periods: int
    lpr_date: date
    lines: tuple[RateLine, ...]


def loan_apr(
    received: object,
    payments: Sequence[object],
    *,
    fee_upfront: object = 0,
    deducted_interest: object = 0,
    contract_date: object = None,
    periods_per_year: int = rules.APR_PERIODS_PER_YEAR,
) -> LoanCost:
    """The APR of a loan from what the contract says: ``received`` (the amount
    lent), ``payments`` (each period's payment, positive; 0 for a period without
    one), less ``fee_upfront`` and ``deducted_interest`` (砍头息) taken off the
    money received (民法典 Art. 670: interest is owed only on what was received).

    Example E4 with a 1,000 fee taken up front:

    >>> cost = loan_apr(30000, [3000] * 12, fee_upfront=1000)
    >>> cost.net_received, cost.total_cost, cost.rate.simple.quantize(Decimal("0.0001"))
    (Decimal('29000'), Decimal('7000'), Decimal('0.4193'))
    >>> loan_apr(1000, [100] * 12, fee_upfront=1000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    calc.errors.InputError: fee_upfront: received_after_fees: 扣除手续费和预扣利息后，实际到手的钱需要大...
    """
    gross = parse_amount(received, "received")
    amounts = []
    for index, value in enumerate(payments):
        try:
            amounts.append(parse_amount(value, "flows"))
        except InputError as err:
            raise InputError("flows", err.code, index=index + 1, **err.params) from None
    fee = parse_amount(fee_upfront, "fee_upfront")
    deducted = parse_amount(deducted_interest, "deducted_interest")
    day = None if contract_date in (None, "") else check_contract_date(contract_date)
    net = gross - fee - deducted
    if net <= 0:
        raise InputError("fee_upfront" if fee else "received", "received_after_fees")
    rate = apr([net] + [-a for a in amounts], periods_per_year)
    total = sum(amounts, Decimal(0))
    lpr_date, lines = rate_lines(rate.simple, day)
    return LoanCost(rate, net, total, total - net, len(amounts), lpr_date, lines)


def card_late_fee(
    unpaid_minimum: object, ratio: Decimal = rules.CARD_LATE_FEE_RATIO_TYPICAL, floor: object = 0
) -> Decimal:
    """A typical credit-card 违约金: ``max(floor, ratio x unpaid part of the minimum)``.

    >>> card_late_fee(1000)  # example F
    Decimal('50.00')
    """
    unpaid = parse_amount(unpaid_minimum, "unpaid_minimum")
    low = parse_amount(floor, "floor")
    if unpaid == 0:
        return money(Decimal(0))
    return money(max(low, unpaid * ratio))
