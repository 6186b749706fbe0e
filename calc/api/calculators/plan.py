"""``plan``
    The personal action plan (个人行动计划): the budget, the debts and the dates in one
    answer (rules: :mod:`calc.plan`).
    params (repeatable, one item per debt, same order): ``lender``, ``kind``
    (``credit_card``/``bank_loan``/``consumer_finance``/``online_loan``/
    ``private_loan``/``mortgage``/``car_loan``/``guaranteed_loan``/``other`` or
    the Chinese names), ``balance``, ``annual_rate``, ``min_payment`` (default 0),
    ``days_overdue`` (default 0), ``sued`` (``yes``/``no``, default ``no``),
    ``due_day`` (day of the month the payment is due, 1-31, optional); rows that
    are entirely blank are skipped; a blank ``lender`` is allowed, and the result
    calls that debt by its kind and row number (:func:`calc.debts.debt_label`:
    信用卡（第1笔）) in every list and sentence. ``income`` / ``income_label`` and ``expense``
    / ``expense_label`` rows and ``buffer_ratio`` exactly as ``budget`` takes
    them; ``today`` (``YYYY-MM-DD``, default today: the dates are counted from it).
    result: ``capacity``, ``total_income``, ``total_expenses``, ``surplus``,
    ``buffer`` (as ``budget`` computes them), ``total_balance``,
    ``total_min_payment``, ``total_offered`` (never more than ``capacity``),
    ``short`` (the capacity does not cover every minimum), ``shortfall``,
    ``message``;
    ``priority`` = ``[{row, lender, named, kind, kind_label, rank, reason, priority,
    text, link}]`` in rank order (``named`` false when ``lender`` is that generated
    label; ``text`` says why, after the lender) (``reason``: ``card_malicious``/``sued``/``secured``/
    ``guaranteed``/``cost``; ``priority`` true for the first four);
    ``offers`` = ``[{row, lender, named, monthly, minimum, months, months_stopped,
    priority, ask, text}]`` in rank order (``months``: to clear at ``monthly`` at
    the contract rate, ``None`` when it never does; ``months_stopped``: with the
    interest stopped; ``ask``: ``keep``/``reduced``/``token``/``hold``, ``text``
    what to ask that lender for);
    ``actions`` = ``[{when, when_label, code, row, text, link}]`` by date
    (``row`` ``None`` for a step about no one debt).
    ``link`` is a path from the script's root (``guide/legal/#court-papers``,
    ``tools/letter/``): a page prefixes ``/`` or ``/zh-Hant/``.

>>> from calc.api import run
>>> r = run("plan", dict(EXAMPLE, today="2026-12-01"))["result"]
>>> r["capacity"], r["short"], [o["monthly"] for o in r["offers"]], r["total_offered"]
('3870.00', True, ['552.86', '368.57', '2948.57'], '3870.00')
>>> [o["lender"] for o in r["offers"]]
['网贷（第2笔）', '网贷（第3笔）', '信用卡（第1笔）']
"""

from __future__ import annotations

from datetime import date

from ... import rules
from ...budget import check_buffer_ratio, repayment_capacity
from ...debts import debt_label, make_debt
from ...errors import InputError
from ...parse import parse_choice, parse_count
from ...plan import Plan, PlanDebt, check_today, make_plan
from ..form import Form
from ..output import Out, amt
from .budget import _rows as budget_rows

ORDER = 95
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("capacity", "priority", "offers", "actions")

# The reader of issue 12: 20 days behind on a 48,000 card and two 网贷, 9,000 take-home,
# 2,800 rent. Lenders are left blank (examples never pre-fill who the reader is): the form
# shows a placeholder, the results call each debt 信用卡（第1笔）, 网贷（第2笔）...
EXAMPLE = {
    "lender": ["", "", ""],
    "kind": ["credit_card", "online_loan", "online_loan"],
    "balance": ["48000", "9000", "6000"],
    "annual_rate": ["18", "24", "24"],
    "min_payment": ["4800", "900", "550"],
    "days_overdue": ["20", "20", "10"],
    "sued": ["no", "no", "no"],
    "due_day": ["", "", ""],
    "income": ["9000"],
    "income_label": ["工资"],
    "expense": ["2800", "1500", "400"],
    "expense_label": ["房租", "伙食", "交通通讯"],
    "buffer_ratio": "10",
}
EXAMPLE_HANT = {
    "income_label": ["工資"],
    "expense_label": ["房租", "伙食", "交通通訊"],
}

_FIELDS = ("lender", "kind", "balance", "annual_rate", "min_payment", "days_overdue", "sued", "due_day")
_YES_NO = {"是": "yes", "否": "no", "有": "yes", "没有": "no", "沒有": "no", "true": "yes", "false": "no"}

_REASON_LINKS = {
    "card_malicious": "guide/legal/#malicious-overdraft",
    "sued": "guide/legal/#court-papers",
    "secured": "guide/debts/#priority",
    "guaranteed": "guide/debts/#guarantor",
    "cost": "guide/debts/#avalanche-snowball",
}
_ACTION_LINKS = {
    "court_today": "guide/legal/#first-48-hours",
    "court_answer": "guide/legal/#answer-period",
    "card_today": "guide/legal/#malicious-overdraft",
    "offer_keep": "tools/letter/",
    "offer_reduced": "tools/letter/",
    "offer_token": "tools/letter/",
    "offer_hold": "tools/letter/",
    "pay": "guide/agreement/",
    "keep_records": "tools/log/",
    "credit_report": "guide/credit-report/#objection",
    "objection_reply": "guide/credit-report/#objection",
    "complaint_reply": "guide/help/#credit",
    "review_first": "tools/budget/",
    "review": "tools/plan/",
}


def _read_debts(form: Form) -> list[tuple[int, PlanDebt]]:
    columns = {field: form.items(field) for field in _FIELDS}
    rows = max((len(v) for v in columns.values()), default=0)
    if rows > rules.MAX_DEBTS:
        form.fail(InputError("balance", "too_many_rows", maximum=rules.MAX_DEBTS))
        return []
    debts = []
    for index in range(rows):
        v = {f: (columns[f][index] if index < len(columns[f]) else None) for f in _FIELDS}
        if all(v[f] is None for f in _FIELDS if f not in ("sued", "kind")) and v["sued"] in (None, "no"):
            continue  # a blank row (its select still says a kind and "no")
        bad = False
        try:
            debt = make_debt(
                v["lender"],
                v["kind"],
                v["balance"],
                v["annual_rate"],
                v["min_payment"],
                days_overdue=v["days_overdue"],
            )
        except InputError as err:
            form.fail(err, index)
            bad = True
        try:
            sued = parse_choice(
                v["sued"], "sued", codes=("yes", "no"), words=_YES_NO, default="no", code="input_invalid"
            )
        except InputError as err:
            form.fail(err, index)
            bad = True
        try:
            due = None if v["due_day"] is None else parse_count(v["due_day"], "due_day", 1, 31)
        except InputError as err:
            form.fail(err, index)
            bad = True
        if not bad:
            debts.append((index, PlanDebt(debt, sued == "yes", due)))
    return debts


def _date_label(out: Out, when: date, today: date) -> str:
    text = f"{when.year}年{when.month}月{when.day}日"
    return f"{text}（{out.t('plan.today')}）" if when == today else text


def _write(out: Out, plan: Plan, rows: list[int], today: date) -> None:
    debts = [item.debt for item in plan.debts]
    lenders = [debt_label(d, rows[i] + 1, out.lang) for i, d in enumerate(debts)]
    review = _date_label(out, today.fromordinal(today.toordinal() + rules.PLAN_FIRST_REVIEW_DAYS), today)
    figures = {
        "legal_aid": rules.HOTLINE["legal_aid"].number,
        "answer_days": rules.COURT_ANSWER_DAYS,
        "objection_days": rules.CREDIT_OBJECTION_REPLY_DAYS,
        "complaint_days": rules.CREDIT_COMPLAINT_REPLY_DAYS,
    }
    costs = [p for p in plan.priorities if not p.priority]
    priority = []
    for p in plan.priorities:
        d = debts[p.index]
        text = out.t(
            f"plan.reason.{p.reason}",
            balance=out.num(d.balance),
            days=d.days_overdue,
            kind=out.t(f"kind.{d.kind}"),
            rate=out.pct(d.annual_rate),
            place=costs.index(p) + 1 if p in costs else "",
        )
        priority.append(
            {
                "row": str(rows[p.index]),
                "lender": lenders[p.index],
                "named": bool(d.lender),
                "kind": d.kind,
                "kind_label": out.t(f"kind.{d.kind}"),
                "rank": str(p.rank),
                "reason": p.reason,
                "priority": p.priority,
                "text": text,
                "link": _REASON_LINKS[p.reason],
            }
        )
    offers = []
    for o in plan.offers:
        d = debts[o.index]
        note = ""
        if o.ask == "reduced" and o.months_stopped is not None:
            over = o.months_stopped > rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS
            note = out.t("plan.periods.over" if over else "plan.periods.fits", periods=o.months_stopped)
        text = out.t(
            f"plan.ask.{o.ask}",
            lender=lenders[o.index],
            monthly=out.num(o.monthly),
            minimum=out.num(o.need),
            review=review,
            periods_note=note,
        )
        offers.append(
            {
                "row": str(rows[o.index]),
                "lender": lenders[o.index],
                "named": bool(d.lender),
                "monthly": amt(o.monthly),
                "minimum": amt(o.need),
                "months": None if o.months is None else str(o.months),
                "months_stopped": None if o.months_stopped is None else str(o.months_stopped),
                "priority": o.priority,
                "ask": o.ask,
                "text": text,
            }
        )
    monthly = {o.index: o.monthly for o in plan.offers}
    actions = []
    for a in plan.actions:
        lender = lenders[a.index] if a.index is not None else ""
        pay = out.num(monthly[a.index]) if a.index is not None else ""
        actions.append(
            {
                "when": a.when.isoformat(),
                "when_label": _date_label(out, a.when, today),
                "code": a.code,
                "row": None if a.index is None else str(rows[a.index]),
                "text": out.t(f"plan.action.{a.code}", lender=lender, monthly=pay, **figures),
                "link": _ACTION_LINKS[a.code],
            }
        )
    out.data["priority"] = priority
    out.data["offers"] = offers
    out.data["actions"] = actions


def _message(out: Out, plan: Plan, minimum) -> str:
    cap = plan.capacity.capacity
    if cap == 0:
        return out.t("plan.message.no_capacity")
    if plan.short:
        return out.t(
            "plan.message.short",
            capacity=out.num(cap),
            minimum=out.num(minimum),
            shortfall=out.num(plan.shortfall),
        )
    return out.t("plan.message.fits", capacity=out.num(cap), minimum=out.num(minimum))


def compute(form: Form, out: Out) -> None:
    debts = _read_debts(form)
    incomes = budget_rows(form, out, "income")
    expenses = budget_rows(form, out, "expense")
    if not incomes and not any(e.field == "income" for e in form.errors):
        form.fail(InputError("income", "income_required"))
    ratio = form.get("buffer_ratio", check_buffer_ratio, default=rules.DEFAULT_BUFFER_RATIO)
    today = form.get("today", check_today, default=None) or date.today()
    if not debts and not any(e.field in _FIELDS for e in form.errors):
        form.fail(InputError("balance", "debts_required"))
    form.check()
    cap = repayment_capacity([v for _, v in incomes], [v for _, v in expenses], ratio)
    plan = make_plan(debts=[d for _, d in debts], capacity=cap, today=today)
    for key in ("capacity", "total_income", "total_expenses", "surplus", "buffer"):
        out.amount(key, getattr(cap, key))
    balance = sum((d.debt.balance for _, d in debts), cap.capacity * 0)
    minimum = sum((o.need for o in plan.offers), cap.capacity * 0)
    out.amount("total_balance", balance)
    out.amount("total_min_payment", minimum)
    out.amount("total_offered", plan.total_offered)
    out.amount("shortfall", plan.shortfall)
    out.data["short"] = plan.short
    out.data["message"] = _message(out, plan, minimum)
    _write(out, plan, [i for i, _ in debts], today)
