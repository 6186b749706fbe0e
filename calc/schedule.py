"""Repayment schedules (还款计划) and how long a fixed payment takes.

Rules, applied in this order for each period k = 1..n:

1. Monthly rate ``r = annual_rate / 12``; interest ``I_k = round(B_{k-1} x r)``.
2. Fee ``F_k = round(P x fee_rate)`` (charged on the original principal, as
   card instalments do).
3. Principal part by method:

   * ``equal_installment`` 等额本息: ``M = round(P r (1+r)^n / ((1+r)^n - 1))``
     (``P/n`` at r = 0), principal part ``M - I_k``;
   * ``equal_principal`` 等额本金, ``installment_fee`` 分期手续费 and
     ``interest_free`` 停息挂账/免息分期: ``round(P / n)``;
   * ``interest_first`` 先息后本: 0, the whole principal in the last period.

4. The last period pays the remaining balance, so the principal parts sum
   exactly to the principal and the balance ends at 0.00.
5. Payment = principal part + interest + fee. All rounding is half-up to 0.01.

Due dates: period k is due ``start + k months`` (``start`` = the loan date),
each computed from ``start`` and clamped to the month's end, never chained.

Example A (等额本息 50,000 at 12% over 30 months):

>>> s = amortize(50000, 30, "equal_installment", "12%")
>>> s.rows[0].payment, s.rows[-1].payment, s.total_interest
(Decimal('1937.41'), Decimal('1937.28'), Decimal('8122.17'))

Example E2 (30,000 paid at 3,000 a month at 24%):

>>> months_to_repay(30000, 3000, "24%")
12
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from . import rules
from .dates import add_months
from .errors import InputError
from .parse import (
    CENT,
    money,
    parse_amount,
    parse_choice,
    parse_count,
    parse_date,
    parse_fraction,
    parse_rate,
)
from .rates import AnnualRate, apr

__all__ = [
    "METHODS",
    "Payoff",
    "Row",
    "Schedule",
    "amortize",
    "check_fee_rate",
    "max_months",
    "months_to_repay",
    "parse_method",
    "payoff",
    "smallest_payment",
    "smallest_reducing_payment",
]

#: The five methods, in the order a form's select shows them.
METHODS = ("equal_installment", "equal_principal", "interest_first", "installment_fee", "interest_free")

_ZERO = Decimal("0.00")
#: The last calendar month a due date can fall in (9999-12: ``datetime.date``'s end).
_LAST_MONTH = 9999 * 12 + 11


@dataclass(frozen=True)
class Row:
    """One period of a schedule; money rounded to 0.01."""

    number: int
    due: date | None
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal


@dataclass
class Schedule:
    """A repayment schedule; ``apr`` is computed on first use."""

    method: str
    principal: Decimal
    months: int
    annual_rate: Decimal
    fee_rate: Decimal
    start: date | None
    rows: list[Row] = field(repr=False)
    total_payment: Decimal = _ZERO
    total_interest: Decimal = _ZERO
    total_fee: Decimal = _ZERO
    #: A fee charged once, up front (taken off the money received, or paid on day 0).
    upfront_fee: Decimal = _ZERO

    @cached_property
    def apr(self) -> AnnualRate:
        """The schedule's annualised rate (PBoC 2021): money received = principal
        less the up-front fee (民法典 Art. 670: the cost is on what was received)."""
        return apr([self.principal - self.upfront_fee] + [-row.payment for row in self.rows])

    @property
    def total_cost(self) -> Decimal:
        """Everything paid beyond the principal: interest, periodic fees, the up-front fee."""
        return self.total_interest + self.total_fee + self.upfront_fee

    @property
    def first_payment(self) -> Decimal:
        return self.rows[0].payment

    @property
    def last_payment(self) -> Decimal:
        return self.rows[-1].payment


def max_months(method: str) -> int:
    """The longest term a method allows: 60 for 分期 and 个性化分期 (5-year caps),
    ``rules.MAX_SCHEDULE_MONTHS`` otherwise.

    >>> max_months("interest_free"), max_months("equal_installment")
    (60, 360)
    """
    if method == "interest_free":
        return rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS
    if method == "installment_fee":
        return rules.CARD_INSTALLMENT_MAX_PERIODS
    return rules.MAX_SCHEDULE_MONTHS


def check_fee_rate(fee_rate: object, field: str = "fee_rate") -> Decimal:
    """A **monthly** fee on the original principal as a fraction in [0,
    ``rules.MAX_MONTHLY_FEE_RATE``] (text is a percent: ``"0.6"`` = 0.6%); the one
    check of a fee rate (schedules, card instalments in ``options``).

    >>> check_fee_rate("0.6"), check_fee_rate(Decimal("0.006"))
    (Decimal('0.006'), Decimal('0.006'))
    """
    return parse_fraction(fee_rate, field, maximum=rules.MAX_MONTHLY_FEE_RATE)


_METHOD_WORDS = {
    "等额本息": "equal_installment",
    "等額本息": "equal_installment",
    "等额本金": "equal_principal",
    "等額本金": "equal_principal",
    "先息后本": "interest_first",
    "先息後本": "interest_first",
    "分期手续费": "installment_fee",
    "分期手續費": "installment_fee",
    "停息挂账": "interest_free",
    "停息掛賬": "interest_free",
    "免息分期": "interest_free",
}


def parse_method(value: object, field: str = "method") -> str:
    """A method code from its code or its Chinese name (either script); empty
    means ``equal_installment``.

    >>> parse_method("等額本金"), parse_method(None)
    ('equal_principal', 'equal_installment')
    """
    return parse_choice(
        value, field, codes=METHODS, words=_METHOD_WORDS, default="equal_installment", code="method_invalid"
    )


def annuity_payment(principal: Decimal, months: int, monthly_rate: Decimal) -> Decimal:
    """等额本息 monthly payment, rounded to 0.01 (``P/n`` when the rate is 0).

    >>> annuity_payment(Decimal(30000), 24, Decimal("0.02"))
    Decimal('1586.13')
    """
    if monthly_rate == 0:
        return money(principal / months)
    growth = (1 + monthly_rate) ** months
    return money(principal * monthly_rate * growth / (growth - 1))


def amortize(
    principal: object,
    months: object,
    method: str = "equal_installment",
    annual_rate: object = 0,
    fee_rate: object = 0,
    start: object = None,
    *,
    upfront_fee: object = 0,
) -> Schedule:
    """A repayment schedule by one of the five ``METHODS`` (see the module doc).

    ``annual_rate`` is a fraction (strings are parsed: ``"12%"``, ``"12"``);
    ``fee_rate`` is the **monthly** fee as a fraction of the original principal
    (strings are percent: ``"0.6"`` = 0.6%). ``interest_free`` means no interest,
    so a non-zero ``annual_rate`` with it is refused; 分期 and 个性化分期 are
    capped at 60 periods.

    Example I (个性化分期, 60 periods, zero interest):

    >>> s = amortize(50000, 60, "interest_free")
    >>> s.rows[0].payment, s.rows[-1].payment
    (Decimal('833.33'), Decimal('833.53'))
    >>> amortize(50000, 61, "interest_free")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    calc.errors.InputError: months: months_over_cap: 个性化分期和信用卡分期最长5年，即60期，请输入1到60之...

    An instalment fee charged up front counts in the APR (the money received is
    the principal less the fee): 12,000 in 12 at 0.6% a month is 13.03%; with
    500 more taken up front, 21.22%:

    >>> s = amortize(12000, 12, "installment_fee", fee_rate="0.6", upfront_fee=500)
    >>> s.apr.simple.quantize(Decimal("0.0001")), s.total_cost
    (Decimal('0.2122'), Decimal('1364.00'))

    Month-end due dates:

    >>> [r.due.isoformat() for r in amortize(3000, 3, "interest_free", start="2024-01-31").rows]
    ['2024-02-29', '2024-03-31', '2024-04-30']
    """
    if method not in METHODS:
        raise InputError("method", "method_invalid")
    p = parse_amount(principal, "principal", positive=True)
    cap = max_months(method)
    if method in ("interest_free", "installment_fee"):
        n = parse_count(months, "months", 1, rules.MAX_SCHEDULE_MONTHS, years=True)
        if n > cap:
            raise InputError("months", "months_over_cap", maximum=cap)
    else:
        n = parse_count(months, "months", 1, cap, years=True)
    rate = parse_rate(annual_rate, "percent", "annual_rate")
    if method == "interest_free" and rate != 0:
        raise InputError("annual_rate", "rate_not_zero_interest_free")
    fee_r = check_fee_rate(fee_rate)
    upfront = parse_amount(upfront_fee, "upfront_fee")
    if upfront >= p:
        raise InputError("upfront_fee", "received_after_fees")
    due_start = None if start is None or start == "" else parse_date(start, "start")
    if due_start is not None and due_start.year * 12 + due_start.month - 1 + n > _LAST_MONTH:
        raise InputError("start", "date_too_late")

    r = rate / rules.MONTHS_PER_YEAR
    fee = money(p * fee_r)
    if method == "equal_installment":
        level = annuity_payment(p, n, r)
    elif method == "interest_first":
        level = _ZERO
    else:
        level = money(p / n)

    if n > 1 and method != "interest_first":
        first_part = level - money(p * r) if method == "equal_installment" else level
        if first_part <= 0:
            # The per-period principal rounds to nothing: the whole debt would
            # sit in the last row. Say so instead.
            raise InputError("months", "term_too_long_for_principal")

    rows: list[Row] = []
    balance = p
    total_interest = total_fee = total_payment = _ZERO
    for k in range(1, n + 1):
        interest = money(balance * r)
        if k == n:
            part = balance
        elif method == "equal_installment":
            part = min(max(level - interest, _ZERO), balance)
        else:
            part = min(level, balance)
        balance = balance - part
        payment = part + interest + fee
        rows.append(
            Row(
                number=k,
                due=add_months(due_start, k) if due_start else None,
                payment=payment,
                principal=part,
                interest=interest,
                fee=fee,
                balance=balance,
            )
        )
        total_interest += interest
        total_fee += fee
        total_payment += payment
        if balance == 0 and k < n:
            # Cent rounding of a tiny per-period amount cleared the debt early:
            # say so rather than print empty rows.
            raise InputError("months", "term_too_long_for_principal")
    return Schedule(
        method=method,
        principal=p,
        months=n,
        annual_rate=rate,
        fee_rate=fee_r,
        start=due_start,
        rows=rows,
        total_payment=total_payment,
        total_interest=total_interest,
        total_fee=total_fee,
        upfront_fee=upfront,
    )


@dataclass
class Payoff:
    """Paying a fixed amount each month until the debt is gone."""

    principal: Decimal
    monthly_payment: Decimal
    annual_rate: Decimal
    months: int
    last_payment: Decimal
    total_payment: Decimal
    total_interest: Decimal
    rows: list[Row] = field(repr=False)


def smallest_reducing_payment(principal: Decimal, annual_rate: Decimal) -> Decimal:
    """The smallest monthly payment that covers the first month's interest and
    still reduces the balance (interest + 0.01).

    >>> smallest_reducing_payment(Decimal(30000), Decimal("0.24"))
    Decimal('600.01')
    """
    return money(principal * annual_rate / rules.MONTHS_PER_YEAR) + Decimal("0.01")


def smallest_payment(principal: Decimal, annual_rate: Decimal) -> Decimal:
    """The smallest monthly payment :func:`payoff` accepts: it reduces the
    balance **and** clears it within ``rules.MAX_PAYOFF_MONTHS`` months. The
    等额本息 payment over that many months, then a cent more while per-period
    rounding still leaves a balance; so a suggested payment, typed back, is accepted.

    100,000 at 24%: 2,000.01 only just beats the interest and would take more
    than 600 months; 2,000.02 is the least that finishes:

    >>> p, rate = Decimal(100000), Decimal("0.24")
    >>> smallest_reducing_payment(p, rate), smallest_payment(p, rate)
    (Decimal('2000.01'), Decimal('2000.02'))
    """
    r, n = annual_rate / rules.MONTHS_PER_YEAR, rules.MAX_PAYOFF_MONTHS
    m = max(annuity_payment(principal, n, r), smallest_reducing_payment(principal, annual_rate))
    while _months_needed(principal, m, r) > n:
        m += CENT
    return m


def _months_needed(principal: Decimal, payment: Decimal, monthly_rate: Decimal) -> int:
    """Months :func:`payoff` takes (``rules.MAX_PAYOFF_MONTHS + 1`` when more)."""
    balance, k = principal, 0
    while balance > 0 and k <= rules.MAX_PAYOFF_MONTHS:
        k += 1
        interest = money(balance * monthly_rate)
        balance -= min(balance, payment - interest) if payment < balance + interest else balance
    return k


def payoff(principal: object, monthly_payment: object, annual_rate: object = 0) -> Payoff:
    """Pay ``monthly_payment`` each month (interest rounded per period, as in
    ``amortize``); the last payment is whatever remains.

    When the payment never covers the interest, ``InputError`` on
    ``monthly_payment`` names the smallest payment that works
    (:func:`smallest_payment`). More than ``rules.MAX_PAYOFF_MONTHS`` months is
    refused too, naming the same payment.

    Example E3 (18.25% = 0.05%/day x 365):

    >>> r = payoff(30000, 3000, Decimal("0.1825"))
    >>> r.months, r.last_payment, r.total_interest
    (11, Decimal('2790.92'), Decimal('2790.92'))
    >>> payoff(30000, 600, "24%")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    calc.errors.InputError: monthly_payment: payment_below_interest: 每月还 600.00 元还不够付利息（第一个...
    """
    p = parse_amount(principal, "principal", positive=True)
    m = parse_amount(monthly_payment, "monthly_payment", positive=True)
    rate = parse_rate(annual_rate, "percent", "annual_rate")
    r = rate / rules.MONTHS_PER_YEAR
    first_interest = money(p * r)
    if m <= first_interest:
        raise InputError(
            "monthly_payment",
            "payment_below_interest",
            payment=f"{money(m)}",
            interest=f"{first_interest}",
            min_payment=f"{smallest_payment(p, rate)}",
        )
    rows: list[Row] = []
    balance = p
    total_interest = total_payment = _ZERO
    k = 0
    while balance > 0:
        k += 1
        if k > rules.MAX_PAYOFF_MONTHS:
            raise InputError(
                "monthly_payment",
                "payoff_too_long",
                maximum=rules.MAX_PAYOFF_MONTHS,
                min_payment=f"{smallest_payment(p, rate)}",
            )
        interest = money(balance * r)
        if m >= balance + interest:
            part = balance
        else:
            part = m - interest
        balance -= part
        payment = part + interest
        rows.append(Row(k, None, payment, part, interest, _ZERO, balance))
        total_interest += interest
        total_payment += payment
    return Payoff(
        principal=p,
        monthly_payment=m,
        annual_rate=rate,
        months=k,
        last_payment=rows[-1].payment,
        total_payment=total_payment,
        total_interest=total_interest,
        rows=rows,
    )


def months_to_repay(principal: object, monthly_payment: object, annual_rate: object = 0) -> int:
    """Months needed to repay ``principal`` at ``monthly_payment`` (the last
    month may be smaller). Example E1: 30,000 at 3,000 with interest stopped.

    >>> months_to_repay(30000, 3000)
    10
    """
    return payoff(principal, monthly_payment, annual_rate).months
