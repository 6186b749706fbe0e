"""Negotiation options for one overdue debt, side by side.

What is owed now: ``owed = principal + interest_owed + penalty_owed``.

* ``stay_overdue``: doing nothing for ``horizon_days`` more days; the debt
  grows by 罚息 on the principal (``penalty_interest``) and the record worsens.
  This is the baseline every saving is measured against.
* ``extension`` 展期: ``owed`` re-spread as 等额本息 over ``extension_months``
  at ``extension_rate`` (default: the contract rate).
* ``installment`` 分期: ``owed`` in ``installment_months`` card-style
  instalments with a monthly fee ``installment_fee_rate`` (at most 60).
* ``personalized`` 个性化分期 / 停息挂账: ``owed`` over ``personalized_months``
  (at most 60, 2011 办法 Art. 70) at ``personalized_rate`` (0 = interest
  stopped; whether interest stops is negotiated, not automatic).
* ``waive_penalty`` 减免罚息: a lump sum of principal + interest.
* ``principal_only`` 只还本金: a lump sum of the principal.

For each: the monthly payment, the months, the total paid, the saving against
staying overdue, whether it fits (monthly payment <= ``capacity``; a lump sum
<= ``savings + capacity``), a reason code for the catalogue, and the smallest
term that fits.

>>> r = compare_options(30000, 2000, "18%", interest_owed=1200, penalty_owed=800)
>>> [(o.key, o.monthly_payment, o.fits) for o in r.options][3]
('personalized', Decimal('533.33'), True)
>>> r.options[3].smallest_fitting_months, r.best.key
(16, 'personalized')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import rules
from .errors import InputError
from .parse import money, parse_amount, parse_count, parse_rate
from .rates import check_markup, penalty_interest
from .schedule import Schedule, amortize, check_fee_rate

__all__ = ["OPTION_KEYS", "Option", "OptionsResult", "compare_options"]

OPTION_KEYS = ("stay_overdue", "extension", "installment", "personalized", "waive_penalty", "principal_only")
_ZERO = Decimal("0.00")


@dataclass
class Option:
    key: str
    monthly_payment: Decimal
    months: int | None
    total_paid: Decimal
    saving: Decimal
    fits: bool
    reason: str
    reason_params: dict = field(default_factory=dict)
    smallest_fitting_months: int | None = None
    lump_sum: bool = False
    max_months: int | None = None


@dataclass
class OptionsResult:
    owed: Decimal
    daily_cost: Decimal
    horizon_days: int
    capacity: Decimal
    savings: Decimal
    options: list[Option]

    @property
    def best(self) -> Option | None:
        """The fitting option that saves the most against staying overdue (the
        first of equals, in ``OPTION_KEYS`` order), or None when none fits."""
        fitting = [o for o in self.options if o.fits]
        return max(fitting, key=lambda o: o.saving) if fitting else None


def _plan(owed: Decimal, months: int, kind: str, rate: Decimal, fee_rate: Decimal) -> Schedule:
    """The schedule for an option; terms over a legal cap are still computed
    (as 等额本金, the same arithmetic) so the reader sees the numbers."""
    if kind == "installment":
        method = "installment_fee" if months <= rules.CARD_INSTALLMENT_MAX_PERIODS else "equal_principal"
        return amortize(owed, months, method, annual_rate=0, fee_rate=fee_rate)
    if kind == "personalized":
        if rate == 0:
            method = (
                "interest_free" if months <= rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS else "equal_principal"
            )
            return amortize(owed, months, method)
    return amortize(owed, months, "equal_installment", annual_rate=rate)


def _peak(schedule: Schedule) -> Decimal:
    return max(row.payment for row in schedule.rows)


def _smallest_fitting(
    owed: Decimal, kind: str, rate: Decimal, fee_rate: Decimal, capacity: Decimal, cap: int
) -> int | None:
    """Smallest term in 1..cap whose largest payment fits ``capacity`` (binary
    search, then a step back in case cent rounding broke monotonicity)."""

    def fits(n: int) -> bool:
        try:
            return _peak(_plan(owed, n, kind, rate, fee_rate)) <= capacity
        except InputError:
            return True  # a debt too small to split n ways: its payments are tiny

    if capacity <= 0 or not fits(cap):
        return None
    lo, hi = 1, cap
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    while lo > 1 and fits(lo - 1):
        lo -= 1
    return lo


def compare_options(
    principal: object,
    capacity: object,
    annual_rate: object,
    *,
    interest_owed: object = 0,
    penalty_owed: object = 0,
    markup: object = rules.PENALTY_MARKUP_MAX,
    savings: object = 0,
    horizon_days: object = 90,
    extension_months: object = 12,
    extension_rate: object = None,
    installment_months: object = 24,
    installment_fee_rate: object = rules.TYPICAL_CARD_INSTALLMENT_FEE_RATE,
    personalized_months: object = rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS,
    personalized_rate: object = 0,
) -> OptionsResult:
    """Compare the six ``OPTION_KEYS`` for one debt (see the module doc).

    Rates are annual fractions (strings parsed, bare numbers percent);
    ``installment_fee_rate`` is monthly (strings percent: ``"0.6"``);
    ``markup`` a fraction (strings percent: ``"50"``).
    """
    p = parse_amount(principal, "principal", positive=True)
    cap = parse_amount(capacity, "capacity")
    rate = parse_rate(annual_rate, "percent", "annual_rate")
    interest = parse_amount(interest_owed, "interest_owed")
    penalty = parse_amount(penalty_owed, "penalty_owed")
    m = check_markup(markup)
    cash = parse_amount(savings, "savings")
    horizon = parse_count(horizon_days, "horizon_days", 1, rules.MAX_DAYS)
    ext_months = parse_count(extension_months, "extension_months", 1, rules.MAX_SCHEDULE_MONTHS, years=True)
    ext_rate = (
        rate if extension_rate in (None, "") else parse_rate(extension_rate, "percent", "extension_rate")
    )
    inst_months = parse_count(
        installment_months, "installment_months", 1, rules.MAX_SCHEDULE_MONTHS, years=True
    )
    fee_rate = check_fee_rate(installment_fee_rate, "installment_fee_rate")
    pers_months = parse_count(
        personalized_months, "personalized_months", 1, rules.MAX_SCHEDULE_MONTHS, years=True
    )
    pers_rate = parse_rate(personalized_rate, "percent", "personalized_rate")

    owed = p + interest + penalty
    more_penalty = penalty_interest(p, horizon, rate, markup=m)
    daily = penalty_interest(p, 1, rate, markup=m)
    baseline = owed + more_penalty
    options = [
        Option(
            key="stay_overdue",
            monthly_payment=_ZERO,
            months=None,
            total_paid=money(baseline),
            saving=_ZERO,
            fits=False,
            reason="reason.stay_overdue",
            reason_params={"daily": daily, "days": horizon, "more": more_penalty},
        )
    ]
    for key, months, kind_rate, cap_periods in (
        ("extension", ext_months, ext_rate, rules.MAX_SCHEDULE_MONTHS),
        ("installment", inst_months, Decimal(0), rules.CARD_INSTALLMENT_MAX_PERIODS),
        ("personalized", pers_months, pers_rate, rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS),
    ):
        try:
            schedule = _plan(owed, months, key, kind_rate, fee_rate)
        except InputError as err:
            raise InputError(f"{key}_months", err.code, **err.params) from None
        peak = _peak(schedule)
        smallest = _smallest_fitting(owed, key, kind_rate, fee_rate, cap, cap_periods)
        if months > cap_periods:
            fits, reason, params = False, "reason.over_cap", {"maximum": cap_periods}
        elif peak > cap:
            fits, reason, params = (
                False,
                "reason.over_capacity",
                {"payment": peak, "over": peak - cap, "capacity": cap},
            )
        else:
            fits, reason, params = True, "reason.fits", {"payment": peak, "left": cap - peak, "capacity": cap}
        options.append(
            Option(
                key=key,
                monthly_payment=schedule.first_payment,
                months=months,
                total_paid=schedule.total_payment,
                saving=money(baseline - schedule.total_payment),
                fits=fits,
                reason=reason,
                reason_params=params,
                smallest_fitting_months=smallest,
                max_months=cap_periods,
            )
        )
    available = cash + cap
    for key, lump in (("waive_penalty", p + interest), ("principal_only", p)):
        if lump <= available:
            fits, reason, params = True, "reason.lump_fits", {"lump": lump, "available": available}
        else:
            fits, reason, params = (
                False,
                "reason.lump_short",
                {"lump": lump, "available": available, "over": lump - available},
            )
        options.append(
            Option(
                key=key,
                monthly_payment=money(lump),
                months=1,
                total_paid=money(lump),
                saving=money(baseline - lump),
                fits=fits,
                reason=reason,
                reason_params=params,
                lump_sum=True,
            )
        )
    return OptionsResult(
        owed=money(owed), daily_cost=daily, horizon_days=horizon, capacity=cap, savings=cash, options=options
    )
