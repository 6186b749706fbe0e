"""``debts``
    params (repeatable, one item per debt, same order): ``lender``, ``kind``
    (``credit_card``/``bank_loan``/``consumer_finance``/``online_loan``/
    ``private_loan``/``other`` or the Chinese names), ``balance``,
    ``annual_rate``, ``min_payment`` (default 0), ``days_overdue`` (default 0);
    plus ``capacity``. Rows that are entirely blank are skipped; a blank ``lender`` is
    allowed, and the result calls that debt by its kind and row number
    (:func:`calc.debts.debt_label`: 信用卡（第1笔）) wherever it names a lender.
    result: ``count``, ``total_balance``, ``total_min_payment``,
    ``weighted_rate``, ``capacity``, ``shortfall``, ``fits``, ``message``,
    ``debts`` = ``[{lender, named, kind, kind_label, balance, annual_rate,
    min_payment, days_overdue, m_level, share, line_code, line_rate,
    above_line, line_times, line_text}]`` (``share`` = pro-rata part of the
    capacity; the shares sum exactly to it; ``named`` false when ``lender`` is
    that generated label; ``line_*``: the line the rate is
    measured against, 24% a year for financial loans or 4 x LPR for private
    ones, whether the debt is above it and how many times it; ``ask``
    ``keep``/``reduced``/``token``/``hold`` and ``ask_text``: what to ask that
    lender for when offering ``share``, the answer that matters when the
    minimums exceed the capacity), ``avalanche`` and
    ``snowball`` = ``{label, order (indexes), order_lenders, finished, months,
    total_interest, total_paid, payoff_month}`` or ``None`` when the minimums
    exceed the capacity, ``interest_saved`` (snowball minus avalanche
    interest), ``chart`` = ``{"months": [...], "avalanche": [{label,
    balances}], "snowball": [...]}``.

>>> from calc.api import run
>>> r = run("debts", EXAMPLE)["result"]
>>> r["fits"], [d["lender"] for d in r["debts"]], r["avalanche"]["order_lenders"][0]
(True, ['信用卡（第1笔）', '消费金融（第2笔）', '网贷（第3笔）'], '网贷（第3笔）')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ... import rules
from ...debts import Debt, DebtPlan, debt_label, make_debt, plan_debts, rate_line
from ...errors import InputError
from ...plan import ask_for
from ..form import Form, amount
from ..output import Out, amt, rate_text

ORDER = 70
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("total_balance", "weighted_rate", "avalanche", "snowball", "debts", "chart", "shortfall")

# Lenders are left blank (issue 12: examples never pre-fill who the reader is); the
# form shows a placeholder and the results call each debt 信用卡（第1笔） and so on.
EXAMPLE = {
    "lender": ["", "", ""],
    "kind": ["credit_card", "consumer_finance", "online_loan"],
    "balance": ["30000", "15000", "8000"],
    "annual_rate": ["18", "24", "36"],
    "min_payment": ["1500", "900", "800"],
    "days_overdue": ["45", "20", "10"],
    "capacity": "4000",
}
EXAMPLE_HANT: dict = {}

_FIELDS = ("lender", "kind", "balance", "annual_rate", "min_payment", "days_overdue")


def _read_debts(form: Form) -> list[tuple[int, Debt]]:
    columns = {field: form.items(field) for field in _FIELDS}
    rows = max((len(v) for v in columns.values()), default=0)
    if rows > rules.MAX_DEBTS:
        form.fail(InputError("balance", "too_many_rows", maximum=rules.MAX_DEBTS))
        rows = 0
    debts = []
    for index in range(rows):
        values = {f: (columns[f][index] if index < len(columns[f]) else None) for f in _FIELDS}
        if all(v is None for v in values.values()):
            continue
        lender, kind, balance, rate = (values[f] for f in _FIELDS[:4])
        try:
            debt = make_debt(
                lender, kind, balance, rate, values["min_payment"], days_overdue=values["days_overdue"]
            )
        except InputError as err:
            form.fail(err, index)
            continue
        debts.append((index, debt))
    return debts


def _line_fields(out: Out, debt: Debt) -> dict[str, Any]:
    line = rate_line(debt)
    label = out.t(f"apr.line.{line.code}")
    if line.above:
        text = out.t(
            "debts.above_line",
            rate=out.pct(debt.annual_rate),
            line=label,
            line_rate=out.pct(line.rate),
            times=f"{line.times:f}",
            over=f"{(line.over * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}",
        )
    else:
        text = out.t(
            "debts.below_line", rate=out.pct(debt.annual_rate), line=label, line_rate=out.pct(line.rate)
        )
    return {
        "line_code": line.code,
        "line_rate": rate_text(line.rate),
        "above_line": line.above,
        "line_times": f"{line.times:f}",
        "line_text": text,
    }


def _ask_fields(out: Out, debt: Debt, lender: str, share: Decimal) -> dict[str, str]:
    need = min(debt.min_payment, debt.balance)
    ask = ask_for(share, need)
    text = out.t(f"debts.ask.{ask}", lender=lender, share=out.num(share), minimum=out.num(need))
    return {"ask": ask, "ask_text": text}


def _message(out: Out, plan: DebtPlan) -> str:
    if plan.outcome == "no_capacity":
        return out.t("debts.no_capacity")
    if plan.outcome == "shortfall":
        return out.t(
            "debts.shortfall_plan",
            minimum=out.num(plan.total_min_payment),
            shortfall=out.num(plan.shortfall),
            capacity=out.num(plan.capacity),
        )
    if plan.outcome == "never":
        return out.t("debts.never", capacity=out.num(plan.capacity), maximum=rules.MAX_PAYOFF_MONTHS)
    return out.t(
        "debts.fits",
        capacity=out.num(plan.capacity),
        minimum=out.num(plan.total_min_payment),
        extra=out.num(plan.capacity - plan.total_min_payment),
    )


def compute(form: Form, out: Out) -> None:
    debts = _read_debts(form)
    capacity = form.get("capacity", amount)
    if not debts and not form.errors:
        form.fail(InputError("balance", "debts_required"))
    form.check()
    plan = plan_debts([d for _, d in debts], capacity)
    out.count("count", len(debts), "unit.none")
    out.display["count"] = str(len(debts))
    out.amount("total_balance", plan.total_balance)
    out.amount("total_min_payment", plan.total_min_payment)
    out.rate("weighted_rate", plan.weighted_rate)
    out.amount("capacity", plan.capacity)
    out.amount("shortfall", plan.shortfall)
    out.data["fits"] = plan.fits
    lenders = [debt_label(d, index + 1, out.lang) for index, d in debts]
    out.data["debts"] = [
        {
            "row": str(index),
            "lender": lender,
            "named": bool(d.lender),
            "kind": d.kind,
            "kind_label": out.t(f"kind.{d.kind}"),
            "balance": amt(d.balance),
            "annual_rate": rate_text(d.annual_rate),
            "min_payment": amt(d.min_payment),
            "days_overdue": str(d.days_overdue),
            "m_level": d.stage.m_level,
            "share": amt(share),
            **_ask_fields(out, d, lender, share),
            **_line_fields(out, d),
        }
        for (index, d), lender, share in zip(debts, lenders, plan.pro_rata, strict=True)
    ]
    chart: dict[str, Any] = {}
    for name in ("avalanche", "snowball"):
        order_plan = getattr(plan, name)
        if order_plan is None:
            out.data[name] = None
            chart[name] = []
            continue
        out.data[name] = {
            "label": out.t(f"order.{name}"),
            "order": [str(i) for i in order_plan.order],
            "order_lenders": [lenders[i] for i in order_plan.order],
            "finished": order_plan.finished,
            "months": None if order_plan.months is None else str(order_plan.months),
            "total_interest": amt(order_plan.total_interest),
            "total_paid": amt(order_plan.total_paid),
            "payoff_month": [None if m is None else str(m) for m in order_plan.payoff_month],
        }
        chart[name] = [
            {"label": lenders[i], "balances": [amt(b) for b in order_plan.balances[i]]}
            for i in range(len(lenders))
        ]
        chart["months"] = [str(m) for m in range(len(order_plan.balances[0]))] if order_plan.balances else []
    out.data["chart"] = chart
    if plan.interest_saved is None:
        out.data["interest_saved"] = None
    else:
        out.amount("interest_saved", plan.interest_saved)
    out.data["message"] = _message(out, plan)
