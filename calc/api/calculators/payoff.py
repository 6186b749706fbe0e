"""``payoff``
    params: ``principal``, ``monthly_payment``, ``annual_rate`` (default 0).
    result: ``months``, ``last_payment``, ``total_payment``,
    ``total_interest``, ``min_payment`` (smallest payment that reduces the
    debt and clears it within ``rules.MAX_PAYOFF_MONTHS`` months), ``rows``,
    ``columns``, ``chart`` (as in ``schedule``). When the payment does not
    cover the interest, or would take more than 600 months, the error on
    ``monthly_payment`` names that smallest payment (typed back, it is accepted).

>>> from calc.api import run
>>> run("payoff", EXAMPLE)["result"]["months"]
'12'
"""

from __future__ import annotations

from decimal import Decimal

from ...schedule import payoff, smallest_payment
from ..form import Form, amount, annual_rate
from ..output import Out, schedule_table

ORDER = 30
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("months", "last_payment", "total_payment", "total_interest")

EXAMPLE = {"principal": "30000", "monthly_payment": "3000", "annual_rate": "24"}
EXAMPLE_HANT: dict = {}


def compute(form: Form, out: Out) -> None:
    principal = form.get("principal", amount, positive=True)
    payment = form.get("monthly_payment", amount, positive=True)
    rate = form.get("annual_rate", annual_rate, default=Decimal(0))
    form.check()
    p = payoff(principal, payment, rate)
    out.count("months", p.months)
    out.amount("last_payment", p.last_payment)
    out.amount("total_payment", p.total_payment)
    out.amount("total_interest", p.total_interest)
    out.amount("min_payment", smallest_payment(p.principal, p.annual_rate))
    out.amount("principal", p.principal)
    out.amount("monthly_payment", p.monthly_payment)
    out.rate("annual_rate", p.annual_rate)
    schedule_table(out, p.rows, False)
