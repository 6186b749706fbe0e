"""Several debts at once: totals, payoff orders, a month-by-month plan and a
pro-rata split of the monthly capacity (what to offer each lender).

* **Avalanche** pays extra to the highest rate first (least interest);
  **snowball** to the smallest balance first (quickest wins).
* Each month: interest ``round(B x rate / 12)`` is added to every open debt,
  every debt gets its minimum payment (or its whole balance if smaller), and
  the rest of the capacity goes to the first open debt in the order, then the
  next. A cleared debt's minimum stays in the budget, so freed payments roll
  over automatically.
* A debt that grows past ``rules.MAX_AMOUNT`` (a high-rate loan left to grow
  while the capacity goes elsewhere) stops the plan: it never finishes.
* :func:`rate_line` says which line a debt's rate is measured against (24% a
  year for loans from financial institutions, 4 x LPR for private loans) and
  how far above it the debt is.
* When the minimums add up to more than the capacity, there is no plan: the
  ``shortfall`` says by how much, and the pro-rata split shows what the
  capacity covers if shared by balance.
* The lender's name is the reader's to give, never required: results call a
  debt left unnamed by its kind and its place in the reader's list
  (:func:`debt_label`: 信用卡（第1笔）).

>>> d = [make_debt("A银行", "credit_card", 10000, "18%", 500),
...      make_debt("B消费金融", "consumer_finance", 5000, "24%", 300)]
>>> plan = plan_debts(d, 2000)
>>> plan.avalanche.order, plan.snowball.order, plan.avalanche.months, plan.fits, plan.outcome
([1, 0], [1, 0], 9, True, 'fits')
>>> pro_rata(Decimal("1000"), [Decimal(1), Decimal(1), Decimal(1)])
[Decimal('333.34'), Decimal('333.33'), Decimal('333.33')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from . import messages, rules
from .errors import InputError, InputErrors
from .parse import (
    CENT,
    money,
    parse_amount,
    parse_choice,
    parse_count,
    parse_rate,
    parse_text,
)
from .stage import Stage, overdue_stage

__all__ = [
    "KINDS",
    "Debt",
    "DebtPlan",
    "OrderPlan",
    "RateLine",
    "debt_label",
    "make_debt",
    "parse_kind",
    "plan_debts",
    "pro_rata",
    "rate_line",
]

#: Kinds of debt, with the words people use for them in either script.
KINDS = (
    "credit_card",
    "bank_loan",
    "consumer_finance",
    "online_loan",
    "private_loan",
    "mortgage",
    "car_loan",
    "guaranteed_loan",
    "other",
)
_KIND_WORDS = {
    "信用卡": "credit_card",
    "银行贷款": "bank_loan",
    "銀行貸款": "bank_loan",
    "消费金融": "consumer_finance",
    "消費金融": "consumer_finance",
    "网贷": "online_loan",
    "網貸": "online_loan",
    "民间借贷": "private_loan",
    "民間借貸": "private_loan",
    "房贷": "mortgage",
    "房貸": "mortgage",
    "车贷": "car_loan",
    "車貸": "car_loan",
    "担保贷款": "guaranteed_loan",
    "擔保貸款": "guaranteed_loan",
    "其他": "other",
}
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Debt:
    lender: str  # as the reader typed it; "" when left blank (see debt_label)
    kind: str
    balance: Decimal
    annual_rate: Decimal
    min_payment: Decimal
    days_overdue: int = 0

    @property
    def stage(self) -> Stage:
        """How far overdue the debt is (its M-level and phase)."""
        return overdue_stage(self.days_overdue)


@dataclass(frozen=True)
class RateLine:
    """The line a debt's annual rate is measured against: ``code`` ``court24``
    (the 24% a year courts use for financial loans, ``rules.FINANCIAL_LOAN_COURT_LINE``)
    or ``lpr4`` (private loans: 4 x the latest one-year LPR), ``rate`` the line,
    ``above`` whether the debt is above it, ``times`` debt rate / line, ``over``
    debt rate - line (a fraction, 0 when not above)."""

    code: str
    rate: Decimal
    above: bool
    times: Decimal
    over: Decimal


def rate_line(debt: Debt) -> RateLine:
    """The line for ``debt``'s kind and how far above it the debt is.

    A 714 高炮 at 200% a year is 8.3 times the 24% line, 176 points above it:

    >>> line = rate_line(make_debt("某网贷", "online_loan", "3000", "200"))
    >>> line.code, line.rate, line.above, line.times, line.over
    ('court24', Decimal('0.24'), True, Decimal('8.3'), Decimal('1.76'))
    """
    if debt.kind == "private_loan":
        code, line = "lpr4", rules.PRIVATE_LENDING_LINE_LATEST
    else:
        code, line = "court24", rules.FINANCIAL_LOAN_COURT_LINE
    above = debt.annual_rate > line
    times = (debt.annual_rate / line).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return RateLine(code, line, above, times, debt.annual_rate - line if above else Decimal(0))


def parse_kind(value: object, field: str = "kind") -> str:
    """A kind code from a code or its Chinese name; empty means ``other``.

    >>> parse_kind("網貸"), parse_kind("")
    ('online_loan', 'other')
    """
    return parse_choice(value, field, codes=KINDS, words=_KIND_WORDS, default="other", code="kind_invalid")


def make_debt(
    lender: object,
    kind: object,
    balance: object,
    annual_rate: object,
    min_payment: object = 0,
    *,
    days_overdue: object = 0,
) -> Debt:
    """A debt from raw values (strings are parsed; ``annual_rate`` bare numbers are
    percent). A blank ``lender`` is allowed (results call the debt by
    :func:`debt_label`); blank ``min_payment`` and ``days_overdue`` mean 0. On bad values,
    ``InputErrors`` names every bad field at once.

    >>> make_debt("A", "网贷", "5000", "24", days_overdue="45").stage.m_level
    'M2'
    """
    errors: list[InputError] = []

    def read(parse, *args, **kwargs):
        try:
            return parse(*args, **kwargs)
        except InputError as err:
            errors.append(err)
            return None

    name = read(parse_text, lender, "lender", required=False, maximum=rules.MAX_FIELD_LENGTH)
    code = read(parse_kind, kind)
    b = read(parse_amount, balance, "balance", positive=True)
    rate = read(parse_rate, annual_rate, "percent", "annual_rate")
    minimum = read(parse_amount, 0 if min_payment in (None, "") else min_payment, "min_payment")
    days = read(
        parse_count, 0 if days_overdue in (None, "") else days_overdue, "days_overdue", 0, rules.MAX_DAYS
    )
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    return Debt(name, code, b, rate, minimum, days)


def debt_label(debt: Debt, number: int, lang: str = messages.DEFAULT_LANG) -> str:
    """The name results call ``debt`` by: the lender as the reader typed it or, when
    that was left blank, the debt's kind and its place in the reader's list
    (``number``, from 1), so the reader still tells the debts apart without naming
    anyone; a debt of kind ``other`` is called by its place alone.

    >>> card, other = make_debt("", "信用卡", "5000", "18"), make_debt("", "", "800", "24")
    >>> debt_label(card, 1), debt_label(card, 1, "zh-Hant"), debt_label(other, 3, "zh-Hant")
    ('信用卡（第1笔）', '信用卡（第1筆）', '第3筆欠款')
    >>> debt_label(make_debt("某银行", "credit_card", "5000", "18"), 1)
    '某银行'
    """
    if debt.lender:
        return debt.lender
    if debt.kind == "other":
        return messages.text("debts.unnamed_other", lang, number=number)
    return messages.text("debts.unnamed", lang, kind=messages.text(f"kind.{debt.kind}", lang), number=number)


def pro_rata(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split ``total`` in proportion to ``weights``, to the cent, summing
    exactly to ``total`` (largest remainder; ties go to the earlier item).

    >>> pro_rata(Decimal("100.00"), [Decimal(2), Decimal(1)])
    [Decimal('66.67'), Decimal('33.33')]
    """
    total = money(total)
    weight_sum = sum(weights, Decimal(0))
    if not weights:
        return []
    if weight_sum <= 0:
        raise InputError("balance", "amount_zero")
    raw = [total * w / weight_sum for w in weights]
    floors = [x.quantize(CENT, rounding=ROUND_DOWN) for x in raw]
    cents_left = int(((total - sum(floors, Decimal(0))) / CENT).to_integral_value(rounding=ROUND_HALF_UP))
    ranked = sorted(range(len(raw)), key=lambda i: (-(raw[i] - floors[i]), i))
    for i in ranked[:cents_left]:
        floors[i] += CENT
    return floors


@dataclass
class OrderPlan:
    """One payoff order run month by month."""

    name: str
    order: list[int]
    finished: bool
    months: int | None
    total_interest: Decimal
    total_paid: Decimal
    payoff_month: list[int | None]
    #: balances[i][m] = debt i's balance after month m (m = 0 is today)
    balances: list[list[Decimal]] = field(repr=False)


@dataclass
class DebtPlan:
    debts: list[Debt]
    capacity: Decimal
    total_balance: Decimal
    total_min_payment: Decimal
    weighted_rate: Decimal
    shortfall: Decimal
    pro_rata: list[Decimal]
    avalanche: OrderPlan | None
    snowball: OrderPlan | None

    @property
    def fits(self) -> bool:
        """Whether the capacity covers every minimum payment (and is not zero)."""
        return self.shortfall == 0 and self.capacity > 0

    @property
    def outcome(self) -> str:
        """``no_capacity``, ``shortfall`` (minimums over capacity), ``never`` (the
        plan does not finish within ``rules.MAX_PAYOFF_MONTHS``) or ``fits``."""
        if self.capacity == 0:
            return "no_capacity"
        if self.shortfall > 0:
            return "shortfall"
        if self.avalanche is not None and not self.avalanche.finished:
            return "never"
        return "fits"

    @property
    def interest_saved(self) -> Decimal | None:
        """Interest the avalanche order saves against the snowball (None unless both finish)."""
        if self.avalanche and self.snowball and self.avalanche.finished and self.snowball.finished:
            return self.snowball.total_interest - self.avalanche.total_interest
        return None


def avalanche_order(debts: Sequence[Debt]) -> list[int]:
    """Highest rate first; ties: smaller balance, then input order."""
    return sorted(range(len(debts)), key=lambda i: (-debts[i].annual_rate, debts[i].balance, i))


def snowball_order(debts: Sequence[Debt]) -> list[int]:
    """Smallest balance first; ties: higher rate, then input order."""
    return sorted(range(len(debts)), key=lambda i: (debts[i].balance, -debts[i].annual_rate, i))


def simulate(debts: Sequence[Debt], capacity: Decimal, order: list[int], name: str) -> OrderPlan:
    """Run one order month by month (see the module doc)."""
    count = len(debts)
    balances = [d.balance for d in debts]
    monthly = [d.annual_rate / rules.MONTHS_PER_YEAR for d in debts]
    history = [[b] for b in balances]
    payoff_month: list[int | None] = [None] * count
    total_interest = total_paid = _ZERO
    month = 0
    while any(b > 0 for b in balances):
        month += 1
        if month > rules.MAX_PAYOFF_MONTHS:
            break
        month_interest = _ZERO
        for i in range(count):
            if balances[i] > 0:
                interest = money(balances[i] * monthly[i])
                balances[i] += interest
                month_interest += interest
        if any(b > rules.MAX_AMOUNT for b in balances):
            # A high-rate debt left to grow (a 714 高炮 at 200% a year while the
            # capacity goes elsewhere) would pass any sum: it never finishes.
            for i in range(count):
                history[i].append(min(balances[i], rules.MAX_AMOUNT))
            break
        if month == 1 and month_interest >= capacity:
            month = rules.MAX_PAYOFF_MONTHS + 1
            total_interest += month_interest
            break
        left = capacity
        for i in range(count):
            if balances[i] > 0:
                pay = min(debts[i].min_payment, balances[i], left)
                balances[i] -= pay
                left -= pay
        for i in order:
            if left <= 0:
                break
            if balances[i] > 0:
                pay = min(left, balances[i])
                balances[i] -= pay
                left -= pay
        total_interest += month_interest
        total_paid += capacity - left
        for i in range(count):
            history[i].append(balances[i])
            if balances[i] == 0 and payoff_month[i] is None:
                payoff_month[i] = month
    finished = all(b == 0 for b in balances)
    return OrderPlan(
        name=name,
        order=list(order),
        finished=finished,
        months=month if finished else None,
        total_interest=total_interest,
        total_paid=total_paid,
        payoff_month=payoff_month,
        balances=history,
    )


def plan_debts(debts: Sequence[Debt], capacity: object) -> DebtPlan:
    """Totals, the balance-weighted rate, avalanche and snowball plans, the
    shortfall (minimums over capacity) and the pro-rata split of capacity."""
    if not debts:
        raise InputError("balance", "debts_required")
    if len(debts) > rules.MAX_DEBTS:
        raise InputError("balance", "too_many_rows", maximum=rules.MAX_DEBTS)
    cap = parse_amount(capacity, "capacity")
    total_balance = sum((d.balance for d in debts), _ZERO)
    total_min = sum((d.min_payment for d in debts), _ZERO)
    weighted = (sum((d.balance * d.annual_rate for d in debts), Decimal(0)) / total_balance).quantize(
        Decimal("1e-6"), rounding=ROUND_HALF_UP
    )
    shortfall = max(_ZERO, total_min - cap)
    split = pro_rata(cap, [d.balance for d in debts])
    if shortfall > 0 or cap == 0:
        avalanche = snowball = None
    else:
        avalanche = simulate(debts, cap, avalanche_order(debts), "avalanche")
        snowball = simulate(debts, cap, snowball_order(debts), "snowball")
    return DebtPlan(
        debts=list(debts),
        capacity=cap,
        total_balance=total_balance,
        total_min_payment=total_min,
        weighted_rate=weighted,
        shortfall=money(shortfall),
        pro_rata=split,
        avalanche=avalanche,
        snowball=snowball,
    )
