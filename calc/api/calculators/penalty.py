"""``penalty``
    params: ``principal``, ``days``, ``annual_rate``, ``markup`` (percent,
    default ``"50"``), ``day_count`` (``"360"`` default, or ``"365"``).
    result: ``penalty``, ``penalty_rate`` (annual, with markup),
    ``daily_penalty``, ``total`` (principal + penalty), ``markup`` (fraction),
    ``markup_typical`` (bool: within ``rules.PENALTY_MARKUP_MIN``-``MAX``,
    30%-50%), ``note``, ``markup_note``, ``over_24`` (bool: the penalty rate,
    annual_rate x (1 + markup), is above ``rules.FINANCIAL_LOAN_COURT_LINE``,
    24% a year) with ``over_24_note`` (what that line means), ``daily_typed``
    (bool: the rate was typed per day, so it is used as typed and ``day_count``
    does not apply).

>>> from calc.api import run
>>> run("penalty", EXAMPLE)["result"]["penalty"]
'150.00'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ... import rules
from ...parse import QuotedRate
from ...rates import above_court_line, check_day_count, check_markup, markup_is_typical, penalty_interest
from ..form import Form, amount, annual_rate, count
from ..output import Out

ORDER = 50
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("penalty", "over_24")

EXAMPLE = {"principal": "5000", "days": "60", "annual_rate": "12", "markup": "50"}
EXAMPLE_HANT: dict = {}


def compute(form: Form, out: Out) -> None:
    principal = form.get("principal", amount)
    days = form.get("days", count, 0, rules.MAX_DAYS)
    rate = form.get("annual_rate", annual_rate)
    markup = form.get("markup", check_markup, default=rules.PENALTY_MARKUP_MAX)
    day_count = form.get("day_count", check_day_count, default=rules.DAYS_PER_YEAR)
    form.check()
    penalty = penalty_interest(principal, days, rate, markup=markup, day_count=day_count)
    out.amount("penalty", penalty)
    out.rate("penalty_rate", rate * (1 + markup))
    out.amount("daily_penalty", penalty_interest(principal, 1, rate, markup=markup, day_count=day_count))
    out.amount("total", principal + penalty)
    out.rate("markup", markup)
    out.count("days", days, "unit.days")
    typical = markup_is_typical(markup)
    out.data["markup_typical"] = typical
    out.data["markup_note"] = out.t("penalty.markup_typical" if typical else "penalty.markup_unusual")
    daily = isinstance(rate, QuotedRate) and rate.period == "day"
    out.data["daily_typed"] = daily
    out.data["note"] = out.t("penalty.note_daily") if daily else out.t("penalty.note", day_count=day_count)
    yearly = rate * (1 + markup)
    over = above_court_line(yearly)
    out.data["over_24"] = over
    out.data["over_24_note"] = out.t(
        "penalty.over_24" if over else "penalty.under_24",
        rate=f"{(yearly * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}",
    )
