"""Negotiation options for one overdue debt, side by side.

What is owed now: ``owed = principal + interest_owed + penalty_owed``.

* ``stay_overdue``: doing nothing for ``horizon_days`` more days; the debt
  grows by 罚息 on the principal (``penalty_interest``; a rate typed per day is
  used as typed) and the record worsens. For a credit card (``kind``
  ``credit_card``) it grows as a card bill does instead (:func:`calc.card.card_cost`:
  daily interest that compounds at each statement, 违约金 each missed cycle).
  Over long terms that model grows far past what a court would let an issuer
  claim, so for a card the result also gives ``court_line``: for the longest
  plan compared, what the card model says staying overdue costs and what it
  would be with the charges cut back to ``rules.FINANCIAL_LOAN_COURT_LINE`` a
  year on the principal (法发〔2017〕22号 item 2; a cardholder may ask for the
  cut, 银行卡民事纠纷规定 Art. 2; courts differ), and that plan's saving against
  it. The table's savings stay against the card model; the page prints both.
* ``extension`` 展期: ``owed`` re-spread as 等额本息 over ``extension_months``
  at ``extension_rate`` (default: the contract rate).
* ``installment`` 分期: ``owed`` in ``installment_months`` card-style
  instalments with a monthly fee ``installment_fee_rate`` (at most 60).
* ``personalized`` 个性化分期 / 停息挂账: ``owed`` over ``personalized_months``
  (at most 60, 2011 办法 Art. 70) at ``personalized_rate``. The rate is
  something to **ask for**: left blank it is the contract rate (what the debt
  bears unless the lender agrees otherwise), and ``personalized_alternative``
  prices the other case (interest stopped, 0%, when the rate used is not 0;
  the contract rate when the reader typed 0).
* ``waive_penalty`` 减免罚息: a lump sum of principal + interest.
* ``principal_only`` 只还本金: a lump sum of the principal.

For each: the monthly payment, the months, the total paid, the saving against
staying overdue **for as long as that plan runs** (like with like: a plan of n
months against n x ``rules.DAYS_PER_MONTH`` days more of overdue cost, a lump
sum against one month; ``stay_cost`` and ``compared_months`` say which),
whether it fits (monthly payment <= ``capacity``; a lump sum <= ``savings +
capacity``), a reason code for the catalogue, and the smallest term that fits.
The best option is the fitting one that costs least in total.

If the lender agrees to stop interest (个性化分期 at 0%, something to ask for):

>>> r = compare_options(30000, 2000, "18%", interest_owed=1200, penalty_owed=800, personalized_rate=0)
>>> [(o.key, o.monthly_payment, o.fits) for o in r.options][3]
('personalized', Decimal('533.33'), True)
>>> r.options[3].smallest_fitting_months, r.best.key
(16, 'personalized')

Like with like: 12 months of 展期 at 18% against 12 months more of 罚息 at 27%:

>>> e = r.options[1]
>>> e.compared_months, e.stay_cost, e.total_paid, e.saving
(12, Decimal('40100.00'), Decimal('35205.13'), Decimal('4894.87'))

Left blank, the 个性化分期 rate is the contract rate, and the 0% plan is shown
beside it as what to ask for:

>>> r = compare_options(30000, 2000, "18%", interest_owed=1200, penalty_owed=800)
>>> r.options[3].total_paid, r.personalized_alternative.total_paid, r.best.key
(Decimal('48755.44'), Decimal('32000.00'), 'installment')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import rules
from .card import card_cost
from .debts import parse_kind
from .errors import InputError
from .parse import daily_rate, money, parse_amount, parse_count, parse_rate
from .rates import check_markup, penalty_interest
from .schedule import Schedule, amortize, check_fee_rate

__all__ = ["OPTION_KEYS", "CourtLine", "Option", "OptionsResult", "compare_options", "court_line_cost"]

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
    #: What staying overdue costs over the same time (the saving's baseline).
    stay_cost: Decimal = _ZERO
    #: The months that baseline covers (the plan's term; 1 for a lump sum).
    compared_months: int | None = None


@dataclass
class CourtLine:
    """For a card: the longest plan compared (``key``, ``months``), what the card
    model says staying overdue costs over it (``card``), that cost with the
    charges cut back to the court line (``line``), and the plan's saving
    against the line (``saving``; negative: it costs more)."""

    key: str
    months: int
    card: Decimal
    line: Decimal
    saving: Decimal


@dataclass
class OptionsResult:
    owed: Decimal
    daily_cost: Decimal
    horizon_days: int
    capacity: Decimal
    savings: Decimal
    options: list[Option]
    kind: str = "other"
    #: The 个性化分期 rate used, whether the reader gave it, and the plan priced
    #: at the other rate (0% when the rate used is not 0, else the contract rate).
    personalized_rate: Decimal = _ZERO
    personalized_rate_given: bool = False
    personalized_alternative: Option | None = None
    #: For a card, when the court line is lower than the card model over the
    #: longest plan compared (see CourtLine); else None.
    court_line: CourtLine | None = None

    @property
    def best(self) -> Option | None:
        """The fitting option that costs least in total (the first of equals, in
        ``OPTION_KEYS`` order), or None when none fits. (Savings are measured over
        each plan's own term, so they are not compared with each other.)"""
        fitting = [o for o in self.options if o.fits]
        return min(fitting, key=lambda o: o.total_paid) if fitting else None


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
    personalized_rate: object = None,
    kind: object = "other",
) -> OptionsResult:
    """Compare the six ``OPTION_KEYS`` for one debt (see the module doc).

    Rates are annual fractions (strings parsed, bare numbers percent);
    ``installment_fee_rate`` is monthly (strings percent: ``"0.6"``);
    ``markup`` a fraction (strings percent: ``"50"``); ``kind`` a debt kind as in
    :func:`calc.debts.parse_kind` (``credit_card`` costs staying overdue with the
    card model); ``personalized_rate`` None (or blank) means the contract rate.
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
    given = personalized_rate not in (None, "")
    pers_rate = parse_rate(personalized_rate, "percent", "personalized_rate") if given else rate
    debt_kind = parse_kind(kind)

    owed = p + interest + penalty
    card = debt_kind == "credit_card"
    if card:
        daily = money(owed * daily_rate(rate, rules.CARD_DAYS_PER_YEAR_REPORTED))
        horizon_cycles = max(1, -(-horizon // rules.CARD_CYCLE_DAYS_DEFAULT))
        baseline = _card_stay(owed, rate, horizon_cycles, "horizon_days")
        more_penalty = baseline - owed
    else:
        more_penalty = penalty_interest(p, horizon, rate, markup=m)
        daily = penalty_interest(p, 1, rate, markup=m)
        baseline = owed + more_penalty

    def stay(months: int, field: str) -> Decimal:
        """What staying overdue for ``months`` more months costs in all."""
        if card:
            return _card_stay(owed, rate, months, field)
        return money(owed + penalty_interest(p, months * rules.DAYS_PER_MONTH, rate, markup=m))

    options = [
        Option(
            key="stay_overdue",
            monthly_payment=_ZERO,
            months=None,
            total_paid=money(baseline),
            saving=_ZERO,
            fits=False,
            reason="reason.stay_overdue_card" if card else "reason.stay_overdue",
            reason_params={"daily": daily, "days": horizon, "more": more_penalty},
            stay_cost=money(baseline),
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
        stay_cost = stay(months, f"{key}_months")
        options.append(
            Option(
                key=key,
                monthly_payment=schedule.first_payment,
                months=months,
                total_paid=schedule.total_payment,
                saving=money(stay_cost - schedule.total_payment),
                stay_cost=stay_cost,
                compared_months=months,
                fits=fits,
                reason=reason,
                reason_params=params,
                smallest_fitting_months=smallest,
                max_months=cap_periods,
            )
        )
    alternative = None
    alt_rate = rate if pers_rate == 0 else Decimal(0)
    if alt_rate != pers_rate:
        try:
            alt = _plan(owed, pers_months, "personalized", alt_rate, fee_rate)
        except InputError as err:
            raise InputError("personalized_months", err.code, **err.params) from None
        alt_stay = stay(pers_months, "personalized_months")
        alternative = Option(
            key="personalized",
            monthly_payment=alt.first_payment,
            months=pers_months,
            total_paid=alt.total_payment,
            saving=money(alt_stay - alt.total_payment),
            fits=_peak(alt) <= cap and pers_months <= rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS,
            reason="personalized.alternative",
            reason_params={"rate": alt_rate},
            stay_cost=alt_stay,
            compared_months=pers_months,
        )
    month_stay = stay(1, "savings")
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
                saving=money(month_stay - lump),
                stay_cost=month_stay,
                compared_months=1,
                fits=fits,
                reason=reason,
                reason_params=params,
                lump_sum=True,
            )
        )
    court = None
    if card:
        plan = max((o for o in options if o.compared_months), key=lambda o: o.compared_months)
        line_cost = court_line_cost(owed, p, plan.compared_months)
        if line_cost < plan.stay_cost:
            court = CourtLine(plan.key, plan.compared_months, plan.stay_cost, line_cost,
                              money(line_cost - plan.total_paid))
    return OptionsResult(
        court_line=court,
        owed=money(owed),
        daily_cost=daily,
        horizon_days=horizon,
        capacity=cap,
        savings=cash,
        options=options,
        kind=debt_kind,
        personalized_rate=pers_rate,
        personalized_rate_given=given,
        personalized_alternative=alternative,
    )


def court_line_cost(owed: Decimal, principal: Decimal, months: int) -> Decimal:
    """What is owed now plus ``months`` more months of charges at the courts' line
    for financial loans (``rules.FINANCIAL_LOAN_COURT_LINE`` a year, simple, on the
    principal, days / 365): what a court cutting the charges back would leave.

    12 months on 30,000: 30,000 x 24% x 360 / 365 = 7,101.37 more.

    >>> court_line_cost(Decimal("32000"), Decimal("30000"), 12)
    Decimal('39101.37')
    """
    years = Decimal(months * rules.DAYS_PER_MONTH) / rules.CARD_DAYS_PER_YEAR_REPORTED
    return money(owed + principal * rules.FINANCIAL_LOAN_COURT_LINE * years)


def _card_stay(owed: Decimal, rate: Decimal, months: int, field: str) -> Decimal:
    """What a card bill of ``owed`` grows to in ``months`` cycles with nothing
    paid (:func:`calc.card.card_cost` with its typical minimum and 违约金), the
    daily rate as typed or the annual rate / 365. Beyond ``rules.MAX_CARD_CYCLES``
    the projection is continued from what is then owed (a new bill of that
    balance), an approximation for terms longer than card plans run."""
    daily = daily_rate(rate, rules.CARD_DAYS_PER_YEAR_REPORTED)
    total, left = owed, months
    try:
        while left > 0:
            cycles = min(left, rules.MAX_CARD_CYCLES)
            total = card_cost(balance=total, daily_rate=daily, cycles=cycles).total_owed
            left -= cycles
    except InputError as err:
        raise InputError(field, err.code, **err.params) from None
    return money(total)
