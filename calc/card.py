"""What an unpaid credit-card bill (信用卡账单) costs if nothing more is paid.

The reader has a bill: its statement balance (本期应还金额) ``balance``, its
minimum payment (最低还款额) ``min_payment``, and what was paid by the due date
(到期还款日) ``paid``. :func:`card_cost` projects ``cycles`` billing cycles
(账单周期) of ``cycle_days`` days each, after which the reader has paid nothing
more, and says what each statement (账单) adds: 透支利息 (interest) and 违约金
(the late fee that replaced 滞纳金 in 2017).

The timeline, in days: day 0 is the statement date (账单日) of the bill the
reader has now, and its balance is treated as posted (记账) that day; the due
date is day ``grace_days`` (so the 免息期, posting to due date, is
``grace_days``, at most ``cycle_days``); statement k falls on day
``k x cycle_days``. Cycle k runs from statement k-1 to statement k.

Rules, applied in this order for each cycle k = 1..cycles:

1. **Paying in full costs nothing.** If ``paid >= balance`` the interest-free
   period holds: no interest, no 违约金, nothing owed (every cycle is zero).
2. **Otherwise the interest-free period is lost**, and interest (透支利息)
   accrues daily at ``daily_rate``, as issuers quote it (0.05% a day is
   ``rules.CARD_DAILY_RATE_TYPICAL``; the rate is set by the card agreement
   since 2021, 银发〔2020〕327号), simple within a cycle:

   * cycle 1, ``interest_on="unpaid"`` (只对未还部分计息): the unpaid part
     ``balance - paid`` for ``cycle_days`` days;
   * cycle 1, ``interest_on="full"`` (全额计息, as some issuers still do): the
     whole balance from posting until the payment on the due date, then the
     unpaid part: ``balance x grace_days + (balance - paid) x (cycle_days -
     grace_days)`` days' worth;
   * cycle k >= 2: the interest-bearing balance (the unpaid spending plus all
     interest billed so far) for ``cycle_days`` days.

   Each cycle's interest is rounded once, to 0.01 half up.
3. **违约金 once per missed due date**: cycle k's statement charges
   ``late_fee_rate`` x the unpaid part of the minimum of the bill that fell due
   in cycle k: for k = 1 ``max(0, min_payment - paid)``; for k >= 2 the whole
   minimum of bill k-1, **because the reader pays nothing more** (every later
   minimum is missed too). Rounded to 0.01 half up. Real cards may add a floor
   (often 10 yuan) or a cap; the agreement says.
4. **Interest compounds at each statement; 违约金 does not**: the statement adds
   the cycle's interest to the interest-bearing balance, so it bears interest
   from the next cycle on (复利). 违约金 is owed but bears no interest
   (银发〔2016〕111号, ``rules.CARD_LATE_FEE_BEARS_INTEREST``).
5. **The next minimum** (bill k, due in cycle k+1) is the typical formula
   (brief §1.3; the bank defines its own): ``ratio x unpaid spending +
   100% of this statement's interest and 违约金 + 100% of the unpaid minimum of
   bill k-1``, at most what is owed; ``ratio = min_payment / balance`` (10% of
   the balance when ``min_payment`` is not given,
   ``rules.CARD_MIN_PAYMENT_RATIO_TYPICAL``). So the minimum, and with it the
   违约金, grows every missed cycle.
6. **Owed** after statement k = unpaid spending + all interest + all 违约金;
   each row of the table reads ``balance + interest + late_fee = owed``.

The equivalent annual cost is simple (单利), as a one-off repayment at the end:
``(interest + 违约金) x 365 / (yuan-days of money in use)``, where the money in
use is the unpaid part for all ``cycles x cycle_days`` days, plus (``full``) the
paid part for the ``grace_days`` it was charged for; 365 is how cards annualise
a daily rate (0.05% a day = 18.25% a year, ``rules.CARD_DAYS_PER_YEAR_REPORTED``).

Simplification: the whole balance is taken as posted on the statement date, the
latest a purchase on this bill can post; purchases posted earlier also bear
interest for their days before the statement, so a real bill can show more.

Example F (10,000 unpaid for 30 days at 0.05% a day, minimum 1,000 unpaid, 5%):

>>> c = card_cost(balance=Decimal("10000"), min_payment=Decimal("1000"), cycles=1)
>>> c.interest, c.late_fees, c.total_owed
(Decimal('150.00'), Decimal('50.00'), Decimal('10200.00'))
>>> c.annual_cost.quantize(Decimal("0.0001"))
Decimal('0.2433')

Six cycles, nothing more paid: the minimum and the 违约金 grow each cycle.

>>> c = card_cost(balance=Decimal("10000"))
>>> [str(r.late_fee) for r in c.rows[:3]], [str(r.minimum) for r in c.rows[:3]]
(['50.00', '110.00', '173.11'], ['2200.00', '3462.25', '4789.89'])
>>> c.interest, c.late_fees, c.total_owed
(Decimal('934.42'), Decimal('1264.65'), Decimal('12199.07'))

Paid in full: nothing.

>>> card_cost(balance=Decimal("10000"), paid=Decimal("10000")).total_owed
Decimal('0.00')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import rules
from .errors import InputError
from .parse import money, parse_choice, parse_daily_rate, parse_fraction, to_decimal

__all__ = [
    "INTEREST_BASES",
    "CardCost",
    "CardCycle",
    "card_cost",
    "check_daily_rate",
    "check_late_fee_rate",
    "default_min_payment",
    "parse_interest_on",
]

#: How an issuer charges interest once a bill is not paid in full: 全额计息 or
#: only on the unpaid part (未还部分计息); the form's select shows them in this order.
INTEREST_BASES = ("full", "unpaid")

_ZERO = Decimal("0.00")

_INTEREST_WORDS = {
    "全额": "full",
    "全額": "full",
    "全额计息": "full",
    "全額計息": "full",
    "未还部分": "unpaid",
    "未還部分": "unpaid",
    "未还部分计息": "unpaid",
    "未還部分計息": "unpaid",
}


@dataclass(frozen=True)
class CardCycle:
    """One billing cycle, as its statement shows it; money rounded to 0.01.

    ``balance`` is what was owed when the cycle began (after the payment),
    ``minimum`` the 最低还款额 of the bill this statement issues (due in the next
    cycle, and missed), ``day`` the statement's day counted from today's bill.
    """

    number: int
    day: int
    balance: Decimal
    interest: Decimal
    late_fee: Decimal
    owed: Decimal
    minimum: Decimal


@dataclass(frozen=True)
class CardCost:
    """The projection of :func:`card_cost`: its inputs (defaults filled in), the
    cycles, and the totals over them."""

    balance: Decimal
    min_payment: Decimal
    paid: Decimal
    daily_rate: Decimal
    late_fee_rate: Decimal
    interest_on: str
    grace_days: int
    cycle_days: int
    rows: tuple[CardCycle, ...]
    interest: Decimal
    late_fees: Decimal
    total_owed: Decimal
    annual_cost: Decimal

    @property
    def paid_in_full(self) -> bool:
        """Whether the bill was paid in full (then nothing is charged)."""
        return self.paid >= self.balance

    @property
    def cost(self) -> Decimal:
        """Interest plus 违约金 over the cycles."""
        return self.interest + self.late_fees

    @property
    def days(self) -> int:
        """Days from today's statement date to the last statement projected."""
        return len(self.rows) * self.cycle_days

    @property
    def annual_rate(self) -> Decimal:
        """The daily rate as cards disclose it a year: daily x 365 (单利)."""
        return self.daily_rate * rules.CARD_DAYS_PER_YEAR_REPORTED


def default_min_payment(balance: Decimal) -> Decimal:
    """The typical minimum when the bill's own is not given: 10% of the balance.

    >>> default_min_payment(Decimal("12345.67"))
    Decimal('1234.57')
    """
    return money(balance * rules.CARD_MIN_PAYMENT_RATIO_TYPICAL)


def check_daily_rate(daily_rate: object, field: str = "daily_rate") -> Decimal:
    """A daily rate as a fraction per day; text is percent **per day** (``"0.05"``),
    or ``日息0.05%``, ``万分之五`` (see :func:`calc.parse.parse_daily_rate`).

    >>> check_daily_rate("万分之五"), check_daily_rate(Decimal("0.0005"))
    (Decimal('0.0005'), Decimal('0.0005'))
    """
    return parse_daily_rate(daily_rate, field)


def check_late_fee_rate(late_fee_rate: object, field: str = "late_fee_rate") -> Decimal:
    """违约金 as a share of the unpaid minimum, a fraction in [0, 1] (text is a
    percent: ``"5"`` = 5%).

    >>> check_late_fee_rate("5")
    Decimal('0.05')
    """
    return parse_fraction(late_fee_rate, field, maximum=rules.MAX_CARD_LATE_FEE_RATIO)


def parse_interest_on(value: object, field: str = "interest_on") -> str:
    """``full`` or ``unpaid`` (or 全额 / 未还部分 in either script); blank is ``full``.

    >>> parse_interest_on("未還部分"), parse_interest_on("")
    ('unpaid', 'full')
    """
    return parse_choice(
        value,
        field,
        codes=INTEREST_BASES,
        words=_INTEREST_WORDS,
        default="full",
        code="card_interest_on_invalid",
    )


def _amount(value: object, field: str) -> Decimal:
    number = to_decimal(value, field, "amount_invalid")
    if number < 0:
        raise InputError(field, "amount_negative")
    if number > rules.MAX_AMOUNT:
        raise InputError(field, "amount_too_large")
    return number


def _days(value: object, field: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(field, "count_invalid")
    if not minimum <= value <= maximum:
        raise InputError(field, "count_range", minimum=minimum, maximum=maximum)
    return value


def card_cost(
    *,
    balance: Decimal,
    min_payment: Decimal | None = None,
    paid: Decimal = _ZERO,
    daily_rate: Decimal = rules.CARD_DAILY_RATE_TYPICAL,
    late_fee_rate: Decimal = rules.CARD_LATE_FEE_RATIO_TYPICAL,
    interest_on: str = "full",
    grace_days: int = rules.CARD_STATEMENT_TO_DUE_DAYS_DEFAULT,
    cycle_days: int = rules.CARD_CYCLE_DAYS_DEFAULT,
    cycles: int = rules.CARD_CYCLES_DEFAULT,
) -> CardCost:
    """Project ``cycles`` billing cycles of an unpaid card bill (see the module doc
    for the rules, in the order they apply).

    Typed values only (``Decimal`` or ``int``; rates as fractions: ``daily_rate``
    0.0005 = 0.05% a day, ``late_fee_rate`` 0.05 = 5%); text goes through
    :mod:`calc.parse` or the ``check_*`` functions first. Raises ``InputError``
    naming the field when a value is out of range or the values contradict each
    other (a minimum or a payment above the balance, a due date after the next
    statement), or when the projection would pass ``rules.MAX_AMOUNT``.

    >>> card_cost(balance=Decimal("10000"), paid=Decimal("9000"), cycles=1, interest_on="full").interest
    Decimal('105.00')
    >>> card_cost(balance=Decimal("10000"), paid=Decimal("9000"), cycles=1, interest_on="unpaid").interest
    Decimal('15.00')
    """
    b = _amount(balance, "balance")
    if b == 0:
        raise InputError("balance", "amount_zero")
    m = default_min_payment(b) if min_payment is None else _amount(min_payment, "min_payment")
    p = _amount(paid, "paid")
    d = check_daily_rate(daily_rate)
    f = check_late_fee_rate(late_fee_rate)
    if interest_on not in INTEREST_BASES:
        raise InputError("interest_on", "card_interest_on_invalid")
    c = _days(cycle_days, "cycle_days", 1, rules.MAX_CARD_CYCLE_DAYS)
    g = _days(grace_days, "grace_days", 0, rules.MAX_DAYS)
    n = _days(cycles, "months", 1, rules.MAX_CARD_CYCLES)
    if m > b:
        raise InputError("min_payment", "card_min_over_balance")
    if p > b:
        raise InputError("paid", "card_paid_over_balance")
    if g > c:
        raise InputError(
            "grace_days",
            "card_grace_over_cycle",
            cycle_days=c,
            typical=rules.CARD_STATEMENT_TO_DUE_DAYS_DEFAULT,
        )

    rows: list[CardCycle] = []
    if p >= b:  # rule 1
        rows = [CardCycle(k, k * c, _ZERO, _ZERO, _ZERO, _ZERO, _ZERO) for k in range(1, n + 1)]
        return CardCost(b, m, p, d, f, interest_on, g, c, tuple(rows), _ZERO, _ZERO, _ZERO, _ZERO)

    spending = b - p  # the payment clears spending: today's bill holds no interest yet
    ratio = m / b
    unpaid_minimum = max(_ZERO, m - p)  # of the bill that falls due in cycle 1
    bearing = spending  # what bears interest: spending plus interest billed (rule 4)
    fees = _ZERO
    owed = spending
    for k in range(1, n + 1):
        start = owed
        if k == 1 and interest_on == "full":  # rule 2
            interest = money(b * d * g + spending * d * (c - g))
        else:
            interest = money(bearing * d * c)
        late_fee = money(unpaid_minimum * f)  # rule 3
        bearing += interest + (late_fee if rules.CARD_LATE_FEE_BEARS_INTEREST else 0)
        fees += late_fee
        owed = start + interest + late_fee  # rule 6
        if owed > rules.MAX_AMOUNT:
            raise InputError("daily_rate", "card_too_large", months=k, maximum=f"{rules.MAX_AMOUNT:,.0f}")
        minimum = min(owed, money(ratio * spending) + interest + late_fee + unpaid_minimum)  # rule 5
        rows.append(CardCycle(k, k * c, start, interest, late_fee, owed, minimum))
        unpaid_minimum = minimum  # the reader pays nothing more: the whole minimum is missed

    total_interest = sum((r.interest for r in rows), _ZERO)
    total_fees = sum((r.late_fee for r in rows), _ZERO)
    in_use = spending * n * c + (p * g if interest_on == "full" else 0)
    annual = (total_interest + total_fees) * rules.CARD_DAYS_PER_YEAR_REPORTED / in_use
    return CardCost(b, m, p, d, f, interest_on, g, c, tuple(rows), total_interest, total_fees, owed, annual)
