"""``card``
    params: ``balance`` (the statement balance, 本期应还金额), ``min_payment``
    (最低还款额; default 10% of the balance, ``rules.CARD_MIN_PAYMENT_RATIO_TYPICAL``),
    ``paid`` (paid by the due date; default 0), ``daily_rate`` (透支利率, read as
    percent **per day**: ``"0.05"`` = 0.05% a day, also ``日息0.05%``, ``万分之五``,
    ``年化18.25%``; default 0.05), ``late_fee_rate`` (违约金 as a percent of the
    unpaid part of the minimum; default ``"5"``), ``interest_on`` (``full``
    全额计息, the whole balance from posting, default | ``unpaid`` only the unpaid
    part; 全额 / 未还部分 accepted too), ``grace_days`` (days from the statement
    date, when the balance is taken as posted, to the due date; default 20, at
    most ``cycle_days``), ``cycle_days`` (default 30, at most 31), ``months``
    (billing cycles to project, default 6, at most 60). After the bill of today
    the reader pays nothing more: every later minimum is missed (rules in
    :mod:`calc.card`).
    result: ``interest``, ``late_fees``, ``total_owed`` (after the last cycle),
    ``cost`` (interest + 违约金), ``annual_cost`` (simple: cost x 365 / yuan-days
    of money unpaid), ``annual_rate`` (daily x 365), ``daily_rate`` (fraction
    per day, 6 decimals), ``over_24`` (``annual_cost`` above
    ``rules.FINANCIAL_LOAN_COURT_LINE``), ``paid_in_full``, ``balance``,
    ``min_payment``, ``paid``, ``unpaid``, ``late_fee_rate``, ``interest_on``
    (code, with ``interest_on_label``), ``grace_days``, ``cycle_days``,
    ``months``, ``days``; ``columns`` and ``rows`` (``[{number, day, balance,
    interest, late_fee, owed, minimum}]``, strings; each row ``balance +
    interest + late_fee = owed``; ``minimum`` is the 最低还款额 of the bill that
    statement issues); texts ``note``, ``basis_note``, ``annual_note``,
    ``line_note``.

>>> from calc.api import run
>>> r = run("card", EXAMPLE)["result"]
>>> r["rows"][0]["interest"], r["rows"][0]["late_fee"], r["total_owed"]
('150.00', '50.00', '12199.07')
"""

from __future__ import annotations

from decimal import Decimal

from ... import rules
from ...card import card_cost, check_daily_rate, check_late_fee_rate, parse_interest_on
from ...rates import above_court_line
from ..form import Form, amount, count
from ..output import Out, amt

ORDER = 55
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("interest", "late_fees", "total_owed", "annual_cost", "rows")

EXAMPLE = {
    "balance": "10000",
    "min_payment": "1000",
    "paid": "0",
    "daily_rate": "0.05",
    "late_fee_rate": "5",
    "interest_on": "full",
    "grace_days": "20",
    "cycle_days": "30",
    "months": "6",
}
EXAMPLE_HANT: dict = {}

_COLUMNS = ("number", "day", "balance", "interest", "late_fee", "owed", "minimum")


def compute(form: Form, out: Out) -> None:
    balance = form.get("balance", amount, positive=True)
    min_payment = form.get("min_payment", amount, default=None)
    paid = form.get("paid", amount, default=Decimal(0))
    daily_rate = form.get("daily_rate", check_daily_rate, default=rules.CARD_DAILY_RATE_TYPICAL)
    late_fee_rate = form.get("late_fee_rate", check_late_fee_rate, default=rules.CARD_LATE_FEE_RATIO_TYPICAL)
    interest_on = form.get("interest_on", parse_interest_on, default="full")
    grace_days = form.get(
        "grace_days", count, 0, rules.MAX_DAYS, default=rules.CARD_STATEMENT_TO_DUE_DAYS_DEFAULT
    )
    cycle_days = form.get(
        "cycle_days", count, 1, rules.MAX_CARD_CYCLE_DAYS, default=rules.CARD_CYCLE_DAYS_DEFAULT
    )
    months = form.get("months", count, 1, rules.MAX_CARD_CYCLES, default=rules.CARD_CYCLES_DEFAULT)
    form.check()
    c = card_cost(
        balance=balance,
        min_payment=min_payment,
        paid=paid,
        daily_rate=daily_rate,
        late_fee_rate=late_fee_rate,
        interest_on=interest_on,
        grace_days=grace_days,
        cycle_days=cycle_days,
        cycles=months,
    )
    out.amount("interest", c.interest)
    out.amount("late_fees", c.late_fees)
    out.amount("total_owed", c.total_owed)
    out.amount("cost", c.cost)
    out.rate("annual_cost", c.annual_cost)
    out.rate("annual_rate", c.annual_rate)
    out.period_rate("daily_rate", c.daily_rate)
    out.display["daily_rate"] = out.t("unit.percent", value=f"{(c.daily_rate * 100).normalize():f}")
    out.data["over_24"] = above_court_line(c.annual_cost)
    out.data["paid_in_full"] = c.paid_in_full
    out.amount("balance", c.balance)
    out.amount("min_payment", c.min_payment)
    out.amount("paid", c.paid)
    out.amount("unpaid", c.balance - c.paid)
    out.rate("late_fee_rate", c.late_fee_rate)
    out.code("interest_on", c.interest_on, out.t(f"card.interest_on.{c.interest_on}"))
    out.data["interest_on_label"] = out.t(f"card.interest_on.{c.interest_on}")
    out.count("grace_days", c.grace_days, "unit.days")
    out.count("cycle_days", c.cycle_days, "unit.days")
    out.count("months", len(c.rows), "unit.periods")
    out.count("days", c.days, "unit.days")
    out.data["columns"] = [{"key": key, "label": out.t(f"card.column.{key}")} for key in _COLUMNS]
    out.data["rows"] = [
        {
            "number": str(row.number),
            "day": str(row.day),
            "balance": amt(row.balance),
            "interest": amt(row.interest),
            "late_fee": amt(row.late_fee),
            "owed": amt(row.owed),
            "minimum": amt(row.minimum),
        }
        for row in c.rows
    ]
    if c.paid_in_full:
        out.data["note"] = out.t("card.paid_in_full")
    elif c.paid == 0:
        out.data["note"] = out.t("card.note_nothing", months=len(c.rows))
    else:
        out.data["note"] = out.t("card.note", paid=out.num(c.paid), months=len(c.rows))
    out.data["basis_note"] = out.t(f"card.basis.{c.interest_on}")
    out.data["annual_note"] = out.t(
        "card.annual_note",
        annual=out.display["annual_cost"],
        days=c.days,
        rate=out.display["annual_rate"],
        daily=out.display["daily_rate"],
    )
    out.data["line_note"] = out.t("card.over_line" if out.data["over_24"] else "card.under_line")
