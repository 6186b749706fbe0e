"""``budget``
    params: ``income`` (list of amounts, at least one), ``expense`` (list),
    ``income_label``, ``expense_label`` (lists, same order; optional),
    ``buffer_ratio`` (percent, default ``"10"``). Rows whose amount and label
    are both blank are skipped.
    result: ``total_income``, ``total_expenses``, ``surplus`` (may be
    negative), ``capacity``, ``buffer`` (amount held back), ``buffer_ratio``
    (fraction), ``note``, ``incomes`` / ``expenses`` (lists of ``{label,
    amount}``; expenses also ``share``), ``chart`` = ``{"expenses": [{label,
    amount, share}]}`` (share = fraction of total expenses, 4 decimals).

>>> from calc.api import run
>>> run("budget", EXAMPLE)["result"]["capacity"]
'3330.00'
"""

from __future__ import annotations

from ... import rules
from ...budget import check_buffer_ratio, repayment_capacity, shares
from ...errors import InputError
from ...parse import parse_amount, parse_label
from ..form import Form
from ..output import Out, amt

ORDER = 10
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("total_income", "total_expenses", "surplus", "capacity")

EXAMPLE = {
    "income": ["6500", "1500"],
    "income_label": ["工资", "兼职"],
    "expense": ["1800", "1500", "400", "600"],
    "expense_label": ["房租", "伙食", "交通通讯", "孩子和家用"],
    "buffer_ratio": "10",
}
EXAMPLE_HANT = {"income_label": ["工資", "兼職"], "expense_label": ["房租", "伙食", "交通通訊", "孩子和家用"]}


def _rows(form: Form, out: Out, kind: str) -> list[tuple[str, object]]:
    amounts = form.items(kind)
    labels = form.items(f"{kind}_label")
    if len(amounts) > rules.MAX_BUDGET_ROWS:
        form.fail(InputError(kind, "too_many_rows", maximum=rules.MAX_BUDGET_ROWS))
        return []
    rows = []
    for index, text in enumerate(amounts):
        label = labels[index] if index < len(labels) else None
        if text is None and label is None:
            continue
        try:
            value = parse_amount(text, kind)
        except InputError as err:
            form.fail(err, index)
            continue
        name = parse_label(label, rules.MAX_FIELD_LENGTH) or out.t(
            f"budget.unlabelled_{kind}", n=len(rows) + 1
        )
        rows.append((name, value))
    return rows


def compute(form: Form, out: Out) -> None:
    incomes = _rows(form, out, "income")
    expenses = _rows(form, out, "expense")
    if not incomes and not any(e.field == "income" for e in form.errors):
        form.fail(InputError("income", "income_required"))
    ratio = form.get("buffer_ratio", check_buffer_ratio, default=rules.DEFAULT_BUFFER_RATIO)
    form.check()
    cap = repayment_capacity([v for _, v in incomes], [v for _, v in expenses], ratio)
    out.amount("total_income", cap.total_income)
    out.amount("total_expenses", cap.total_expenses)
    out.amount("surplus", cap.surplus)
    out.amount("capacity", cap.capacity)
    out.amount("buffer", cap.buffer)
    out.rate("buffer_ratio", cap.buffer_ratio)
    if cap.surplus < 0:
        out.data["note"] = out.t("budget.note_negative", gap=out.num(-cap.surplus))
    elif cap.surplus == 0:
        out.data["note"] = out.t("budget.note_zero")
    else:
        out.data["note"] = out.t("budget.note_ok", capacity=out.num(cap.capacity), buffer=out.num(cap.buffer))
    out.data["incomes"] = [{"label": n, "amount": amt(v)} for n, v in incomes]
    rows = [
        {"label": n, "amount": amt(v), "share": f"{s:f}"}
        for (n, v), s in zip(expenses, shares([v for _, v in expenses]), strict=True)
    ]
    out.data["expenses"] = rows
    out.data["chart"] = {"expenses": rows}
