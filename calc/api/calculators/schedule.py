"""``schedule``
    params: ``principal``, ``months`` (``"36"``, ``"36期"``, ``"3年"``),
    ``method`` (``equal_installment`` 等额本息 | ``equal_principal`` 等额本金 |
    ``interest_first`` 先息后本 | ``installment_fee`` 分期手续费 |
    ``interest_free`` 停息挂账; the Chinese names are accepted too; default
    ``equal_installment``), ``annual_rate`` (default 0), ``fee_rate``
    (**monthly** fee on the original principal, percent, ``"0.6"``; default 0),
    ``start`` (loan date, optional; period k is due start + k months, clamped
    to month-end), ``upfront_fee`` (a fee charged once, up front, in yuan:
    手续费 taken at the start; default 0; the APR is on the principal less it).
    result: ``first_payment``, ``last_payment``, ``total_payment``,
    ``total_interest``, ``total_fee``, ``upfront_fee``, ``net_received``
    (principal - upfront_fee), ``total_cost`` (interest + fees + up-front
    fee), ``apr_simple``, ``apr_compound``,
    ``monthly_irr`` (fraction, 6 decimals), ``nominal_rate`` (annual_rate +
    12 x fee_rate), ``principal``, ``months``, ``method``, ``method_label``,
    ``annual_rate``, ``fee_rate`` (fraction, 4 decimals), ``columns``
    (``[{key, label}]`` for the table), ``rows`` (``[{number, due, payment,
    principal, interest, fee, balance}]``, strings; ``due`` ``""`` without a
    start), ``chart`` = ``{"labels": ["1", ...], "balance": [...], "principal":
    [...], "interest": [...], "fee": [...]}``.
    Limits: ``installment_fee`` and ``interest_free`` at most 60 periods
    (``rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS``, ``CARD_INSTALLMENT_MAX_PERIODS``);
    ``interest_free`` needs ``annual_rate`` 0.

>>> from calc.api import run
>>> run("schedule", EXAMPLE)["result"]["first_payment"]
'1937.41'
"""

from __future__ import annotations

from decimal import Decimal

from ... import rules
from ...schedule import amortize, check_fee_rate, parse_method
from ..form import Form, amount, annual_rate, count, day
from ..output import Out, schedule_table

ORDER = 20
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = (
    "first_payment",
    "total_payment",
    "total_interest",
    "total_fee",
    "apr_simple",
    "apr_compound",
    "rows",
)

EXAMPLE = {
    "principal": "50000",
    "months": "30",
    "method": "equal_installment",
    "annual_rate": "12",
    "fee_rate": "0",
    "start": "2026-01-31",
}
EXAMPLE_HANT: dict = {}


def compute(form: Form, out: Out) -> None:
    principal = form.get("principal", amount, positive=True)
    method = form.get("method", parse_method, default="equal_installment")
    months = form.get("months", count, 1, rules.MAX_SCHEDULE_MONTHS, True)
    rate = form.get("annual_rate", annual_rate, default=Decimal(0))
    fee_rate = form.get("fee_rate", check_fee_rate, default=Decimal(0))
    start = form.get("start", day, default=None)
    upfront = form.get("upfront_fee", amount, default=Decimal(0))
    form.check()
    s = amortize(
        principal, months, method, annual_rate=rate, fee_rate=fee_rate, start=start, upfront_fee=upfront
    )
    annual = s.apr
    out.amount("principal", s.principal)
    out.count("months", s.months, "unit.periods")
    out.code("method", s.method, out.t(f"method.{s.method}"))
    out.data["method_label"] = out.t(f"method.{s.method}")
    out.rate("annual_rate", s.annual_rate)
    out.rate("fee_rate", s.fee_rate)
    out.rate("nominal_rate", s.annual_rate + s.fee_rate * rules.MONTHS_PER_YEAR)
    out.amount("first_payment", s.first_payment)
    out.amount("last_payment", s.last_payment)
    out.amount("total_payment", s.total_payment)
    out.amount("total_interest", s.total_interest)
    out.amount("total_fee", s.total_fee)
    out.amount("upfront_fee", s.upfront_fee)
    out.amount("net_received", s.principal - s.upfront_fee)
    out.amount("total_cost", s.total_cost)
    out.rate("apr_simple", annual.simple)
    out.rate("apr_compound", annual.compound)
    out.period_rate("monthly_irr", annual.period_rate)
    out.data["apr_simple_label"] = out.t("apr.simple")
    out.data["apr_compound_label"] = out.t("apr.compound")
    schedule_table(out, s.rows, s.start is not None)
