"""The personal action plan (个人行动计划): which debt comes first, what to offer
each lender every month, and what to do when.

The rules, in the order they apply:

1. **Priority ladder** (:func:`priority_ladder`), China-specific. A debt takes the
   first reason that fits it:

   * ``card_malicious``: a credit card whose balance is at or near the 恶意透支
     amount (``rules.PLAN_CARD_NEAR_RATIO`` x ``rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL``)
     and more than ``rules.PLAN_CARD_LONG_OVERDUE_DAYS`` days overdue;
   * ``sued``: a debt in court (the answer period runs);
   * ``secured``: a home or car loan (``mortgage``, ``car_loan``): the home or car
     can be taken;
   * ``guaranteed``: a loan with a guarantor (``guaranteed_loan``: a 融资担保
     company that pays and then pursues, or family who signed);
   * ``cost``: the rest, the costliest (highest rate) first.

   The first four are *priority debts*. Ranks run from 1; inside a reason the
   higher rate comes first, then the larger balance, then the input order.
2. **Offers** (:func:`share_capacity`). Priority debts, in rank order, get what they
   need (their minimum, at most the balance) or what is left. The rest of the
   capacity goes to the other debts: when it covers their minimums, each gets its
   minimum and the extra goes to the costliest first (rank order, at most the
   balance); when it does not (*short*), it is shared **pro-rata by balance**,
   to the cent and summing exactly to it (:func:`calc.debts.pro_rata`). With no
   other debts, what is left goes pro-rata to the priority debts. A debt whose
   minimum is 0 (not known) is shared with the others. The offers never add up
   to more than the capacity.
3. **What to ask** each lender (:class:`Offer` ``ask``): ``keep`` (the offer
   covers the minimum), ``reduced`` (less: ask for a reduced payment with interest
   stopped, 停息 / 个性化分期 up to ``rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS``),
   ``token`` (under ``rules.PLAN_TOKEN_RATIO`` of the minimum) or ``hold`` (nothing
   is left for it: ask for time, 暂缓, and say when you will come back).

>>> from calc.budget import repayment_capacity
>>> from calc.debts import make_debt
>>> cap = repayment_capacity(["9000"], ["2800", "1500", "400"], Decimal("0.1"))
>>> debts = [PlanDebt(make_debt("甲", "credit_card", "48000", "18", "2400", days_overdue="40")),
...          PlanDebt(make_debt("乙", "online_loan", "6000", "24", "1500", days_overdue="20"))]
>>> plan = make_plan(debts=debts, capacity=cap, today=date(2026, 12, 1))
>>> plan.capacity.capacity, [(p.rank, p.reason) for p in plan.priorities]
(Decimal('3870.00'), [(1, 'card_malicious'), (2, 'cost')])
>>> [(o.index, o.monthly, o.ask) for o in plan.offers], plan.short
([(0, Decimal('2400.00'), 'keep'), (1, Decimal('1470.00'), 'reduced')], True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from . import rules
from .budget import Capacity
from .dates import add_months, days_in_month
from .debts import Debt, pro_rata
from .errors import InputError
from .parse import money, parse_date
from .schedule import payoff

__all__ = [
    "Action",
    "Offer",
    "Plan",
    "PlanDebt",
    "Priority",
    "make_plan",
    "priority_ladder",
    "share_capacity",
]

#: The ladder's reasons, in the order they rank; all but ``cost`` are priority debts.
REASONS = ("card_malicious", "sued", "secured", "guaranteed", "cost")
_SECURED = ("mortgage", "car_loan")
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class PlanDebt:
    """One debt of the plan: the debt, whether it is in court, its due day (1-31, or None)."""

    debt: Debt
    sued: bool = False
    due_day: int | None = None


@dataclass(frozen=True)
class Priority:
    index: int  # the debt's place in the input
    rank: int
    reason: str

    @property
    def priority(self) -> bool:
        return self.reason != "cost"


@dataclass(frozen=True)
class Offer:
    index: int
    monthly: Decimal
    need: Decimal  # the minimum it needs (at most the balance)
    priority: bool
    ask: str  # keep / reduced / token / hold
    months: int | None  # to clear at this payment at the contract rate (None: never)
    months_stopped: int | None  # to clear at this payment with interest stopped


@dataclass(frozen=True)
class Action:
    when: date
    code: str
    index: int | None = None  # the debt it is about, if one


@dataclass(frozen=True)
class Plan:
    debts: list[PlanDebt]
    capacity: Capacity
    priorities: list[Priority]  # in rank order
    offers: list[Offer]  # in rank order
    short: bool  # the capacity does not cover every minimum
    shortfall: Decimal
    actions: list[Action]  # by date

    @property
    def total_offered(self) -> Decimal:
        return sum((o.monthly for o in self.offers), _ZERO)


def _reason(item: PlanDebt) -> str:
    d = item.debt
    near = rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL * rules.PLAN_CARD_NEAR_RATIO
    if d.kind == "credit_card" and d.balance >= near and d.days_overdue > rules.PLAN_CARD_LONG_OVERDUE_DAYS:
        return "card_malicious"
    if item.sued:
        return "sued"
    if d.kind in _SECURED:
        return "secured"
    if d.kind == "guaranteed_loan":
        return "guaranteed"
    return "cost"


def priority_ladder(debts: Sequence[PlanDebt]) -> list[Priority]:
    """Each debt's rank and reason, in rank order (see the module doc)."""
    reasons = [_reason(item) for item in debts]
    order = sorted(
        range(len(debts)),
        key=lambda i: (REASONS.index(reasons[i]), -debts[i].debt.annual_rate, -debts[i].debt.balance, i),
    )
    return [Priority(i, rank, reasons[i]) for rank, i in enumerate(order, start=1)]


def _months(balance: Decimal, monthly: Decimal, rate: Decimal) -> int | None:
    if monthly <= 0:
        return None
    try:
        return payoff(balance, monthly, rate).months
    except InputError:
        return None  # the payment never covers the interest, or takes too long


def ask_for(monthly: Decimal, need: Decimal) -> str:
    """What to ask a lender for when offering ``monthly`` against a minimum of ``need``.

    >>> [ask_for(Decimal(m), Decimal(1000)) for m in ("1000", "400", "50", "0")]
    ['keep', 'reduced', 'token', 'hold']
    """
    if need <= 0 or monthly >= need:
        return "keep"
    if monthly <= 0:
        return "hold"
    if monthly < need * rules.PLAN_TOKEN_RATIO:
        return "token"
    return "reduced"


def share_capacity(
    *, debts: Sequence[PlanDebt], priorities: Sequence[Priority], capacity: Decimal
) -> tuple[list[Offer], bool]:
    """The monthly offers, in rank order, and whether the capacity is short."""
    need = {
        p.index: money(min(debts[p.index].debt.min_payment, debts[p.index].debt.balance)) for p in priorities
    }
    give = {p.index: _ZERO for p in priorities}
    left = money(capacity)
    first = [p for p in priorities if p.priority and need[p.index] > 0]
    for p in first:
        give[p.index] = min(need[p.index], left)
        left -= give[p.index]
    rest = [p for p in priorities if p not in first]
    pool = rest or first
    short = left < sum((need[p.index] for p in rest), _ZERO) or any(
        give[p.index] < need[p.index] for p in first
    )
    if pool and left > 0:
        if rest and left >= sum((need[p.index] for p in rest), _ZERO):
            for p in rest:
                give[p.index] += need[p.index]
                left -= need[p.index]
            for p in rest:  # the extra: costliest first
                room = debts[p.index].debt.balance - give[p.index]
                extra = min(room, left)
                give[p.index] += extra
                left -= extra
        else:
            shares = pro_rata(left, [debts[p.index].debt.balance for p in pool])
            for p, share in zip(pool, shares, strict=True):
                give[p.index] += share
    offers = []
    for p in priorities:
        d = debts[p.index].debt
        monthly = money(min(give[p.index], d.balance))
        offers.append(
            Offer(
                index=p.index,
                monthly=monthly,
                need=need[p.index],
                priority=p.priority,
                ask=ask_for(monthly, need[p.index]),
                months=_months(d.balance, monthly, d.annual_rate),
                months_stopped=_months(d.balance, monthly, Decimal(0)),
            )
        )
    return offers, short


def _next_due(today: date, day: int) -> date:
    """The next date on or after ``today`` whose day of the month is ``day`` (clamped)."""
    this = date(today.year, today.month, min(day, days_in_month(today.year, today.month)))
    if this >= today:
        return this
    following = add_months(date(today.year, today.month, 1), 1)
    return following.replace(day=min(day, days_in_month(following.year, following.month)))


def _actions(debts: Sequence[PlanDebt], offers: Sequence[Offer], today: date) -> list[Action]:
    week = today + timedelta(days=rules.PLAN_WEEK_DAYS)
    steps: list[Action] = []
    for o in offers:
        item = debts[o.index]
        reason = _reason(item)
        if reason == "sued":
            steps.append(Action(today, "court_today", o.index))
            steps.append(Action(today + timedelta(days=rules.COURT_ANSWER_DAYS), "court_answer", o.index))
        elif reason == "card_malicious":
            steps.append(Action(today, "card_today", o.index))
    for o in offers:
        steps.append(Action(week, f"offer_{o.ask}", o.index))
    for o in offers:
        if o.monthly > 0:
            due_day = debts[o.index].due_day
            when = (
                _next_due(week, due_day) if due_day else today + timedelta(days=rules.PLAN_FIRST_REVIEW_DAYS)
            )
            steps.append(Action(when, "pay", o.index))
    steps.append(Action(today, "keep_records"))
    steps.append(Action(week, "credit_report"))
    objection = week + timedelta(days=rules.CREDIT_OBJECTION_REPLY_DAYS)
    steps.append(Action(objection, "objection_reply"))
    steps.append(Action(objection + timedelta(days=rules.CREDIT_COMPLAINT_REPLY_DAYS), "complaint_reply"))
    steps.append(Action(today + timedelta(days=rules.PLAN_FIRST_REVIEW_DAYS), "review_first"))
    steps.append(Action(today + timedelta(days=rules.PLAN_REVIEW_DAYS), "review"))
    order = {id(a): n for n, a in enumerate(steps)}
    return sorted(steps, key=lambda a: (a.when, order[id(a)]))


#: Days after today the dated steps reach (the last, ``PLAN_REVIEW_DAYS``, is well inside this).
_ACTION_DAYS = 400


def check_today(today: object, field: str = "today") -> date:
    """Today's date for dating the steps; a date within ``_ACTION_DAYS`` of
    9999-12-31 is a typo that ``datetime.date`` cannot date steps after
    (``date_too_late``, :func:`calc.parse.parse_date`)."""
    return parse_date(today, field, room_days=_ACTION_DAYS)


def make_plan(*, debts: Sequence[PlanDebt], capacity: Capacity, today: date) -> Plan:
    """The plan for ``debts`` with the budget's ``capacity`` (:func:`calc.budget.repayment_capacity`)."""
    if not debts:
        raise InputError("balance", "debts_required")
    if len(debts) > rules.MAX_DEBTS:
        raise InputError("balance", "too_many_rows", maximum=rules.MAX_DEBTS)
    today = check_today(today)
    ladder = priority_ladder(debts)
    offers, short = share_capacity(debts=debts, priorities=ladder, capacity=capacity.capacity)
    minimums = sum((o.need for o in offers), _ZERO)
    return Plan(
        debts=list(debts),
        capacity=capacity,
        priorities=ladder,
        offers=offers,
        short=short,
        shortfall=money(max(_ZERO, minimums - capacity.capacity)),
        actions=_actions(debts, offers, today),
    )
