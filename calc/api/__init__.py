"""The one door from the browser: ``run(name, params, lang) -> dict``.

``run`` never raises. ``params`` is a dict of form values: a string each, or a
list of strings for a repeatable field (a one-item list is accepted for a
single field). ``lang`` is ``zh`` or ``zh-Hant`` (anything else: ``zh``).

Success: ``{"ok": True, "result": {...}}``. Failure: ``{"ok": False, "errors":
[{"field", "code", "message"[, "index"]}, ...]}`` with **every** field error
found, in the requested script; ``index`` (0-based) marks the row of a
repeatable field. An empty or missing optional field takes its default.

Value formats in ``result`` (also the pages' ``data-value``):

* amounts: strings with two decimals, ``"3000.00"``;
* rates: annual fractions with four decimals, ``"0.1303"``;
* counts (months, days, periods): integer strings, ``"36"``;
* codes: ``"M2"``, ``"late"``, ``"equal_installment"``;
* yes/no: JSON booleans; not applicable: ``None``;
* ``display``: ``{key: human text}`` for each scalar output, in ``lang``
  (``"¥3,000.00"``, ``"13.03%"``, ``"36 个月"``), so the page needs no
  number formatting of its own;
* ``*_label`` and ``reason``/``note`` strings are reader-facing text in ``lang``.

Amount inputs accept what people type (``5,000``, ``3万``, ``¥5000``,
full-width digits); rate inputs accept ``18``, ``18%``, ``年化18%``,
``月息1.5%``, ``日息万分之五``; a bare number is a percent. Percent inputs
(``buffer_ratio``, ``fee_rate``, ``markup``...) are plain percentages
(``"10"`` = 10%). Dates are ``YYYY-MM-DD``.

Calculators
-----------

``budget``
    params: ``income`` (list of amounts, at least one), ``expense`` (list),
    ``income_label``, ``expense_label`` (lists, same order; optional),
    ``buffer_ratio`` (percent, default ``"10"``). Rows whose amount and label
    are both blank are skipped.
    result: ``total_income``, ``total_expenses``, ``surplus`` (may be
    negative), ``capacity``, ``buffer`` (amount held back), ``buffer_ratio``
    (fraction), ``note``, ``incomes`` / ``expenses`` (lists of ``{label,
    amount}``; expenses also ``share``), ``chart`` = ``{"expenses": [{label,
    amount, share}]}`` (share = fraction of total expenses, 4 decimals).

``schedule``
    params: ``principal``, ``months`` (``"36"``, ``"36期"``, ``"3年"``),
    ``method`` (``equal_installment`` 等额本息 | ``equal_principal`` 等额本金 |
    ``interest_first`` 先息后本 | ``installment_fee`` 分期手续费 |
    ``interest_free`` 停息挂账; the Chinese names are accepted too; default
    ``equal_installment``), ``annual_rate`` (default 0), ``fee_rate``
    (**monthly** fee on the original principal, percent, ``"0.6"``; default 0),
    ``start`` (loan date, optional; period k is due start + k months, clamped
    to month-end).
    result: ``first_payment``, ``last_payment``, ``total_payment``,
    ``total_interest``, ``total_fee``, ``apr_simple``, ``apr_compound``,
    ``monthly_irr`` (fraction, 6 decimals), ``nominal_rate`` (annual_rate +
    12 x fee_rate), ``principal``, ``months``, ``method``, ``method_label``,
    ``annual_rate``, ``fee_rate`` (fraction, 4 decimals), ``columns``
    (``[{key, label}]`` for the table), ``rows`` (``[{number, due, payment,
    principal, interest, fee, balance}]``, strings; ``due`` ``""`` without a
    start), ``chart`` = ``{"labels": ["1", ...], "balance": [...], "principal":
    [...], "interest": [...], "fee": [...]}``.
    Limits: ``installment_fee`` and ``interest_free`` at most 60 periods;
    ``interest_free`` needs ``annual_rate`` 0.

``payoff``
    params: ``principal``, ``monthly_payment``, ``annual_rate`` (default 0).
    result: ``months``, ``last_payment``, ``total_payment``,
    ``total_interest``, ``min_payment`` (smallest payment that reduces the
    debt), ``rows``, ``columns``, ``chart`` (as in ``schedule``). When the
    payment does not cover the interest the error on ``monthly_payment``
    names the smallest payment that does.

``penalty``
    params: ``principal``, ``days``, ``annual_rate``, ``markup`` (percent,
    default ``"50"``), ``day_count`` (``"360"`` default, or ``"365"``).
    result: ``penalty``, ``penalty_rate`` (annual, with markup),
    ``daily_penalty``, ``total`` (principal + penalty), ``markup`` (fraction),
    ``markup_typical`` (bool: within 30%-50%), ``note``, ``markup_note``.

``apr``
    params: either ``received`` (money actually received), ``payment`` (each
    period) and ``periods``; or ``flows`` (list: the money received, then each
    payment as a positive amount; blank items count as 0). Optional
    ``fee_upfront`` and ``deducted_interest`` (砍头息) are taken off the money
    received (民法典 Art. 670), ``contract_date`` picks the LPR for the 4 x LPR
    line (default: the latest LPR in ``rules``).
    result: ``apr_simple``, ``apr_compound``, ``monthly_irr`` (6 decimals),
    ``net_received``, ``total_repaid``, ``total_cost``, ``periods``,
    ``simple_label``, ``compound_label``, ``lines`` = ``[{code, label, rate,
    above}]`` (24% court line, 36% 2017 line, 4 x LPR), ``lpr_date``.

``stage``
    params: ``days``; or ``due_date`` and ``today``.
    result: ``days`` (``"0"`` when not yet due), ``m_level`` (``M0``..``M7``),
    ``m_level_label``, ``report_code`` (``N``, ``1``..``7``), ``phase``
    (``none``/``early``/``middle``/``late``/``severe``), ``phase_label``,
    ``days_to_next`` (to the next M-level; ``None`` at M7), ``next_m_level``,
    ``days_to_next_phase``, ``next_phase``, ``summary``, ``next_text``; with
    dates also ``due_date``, ``today``, ``days_until_due`` and ``timeline`` =
    ``[{code, day, date, label, reached}]``.

``options``
    params: ``principal``, ``capacity`` (monthly), ``annual_rate`` (contract);
    optional ``interest_owed``, ``penalty_owed``, ``savings`` (default 0),
    ``markup`` (percent, default ``"50"``), ``horizon_days`` (``"90"``),
    ``extension_months`` (``"12"``), ``extension_rate`` (default the contract
    rate), ``installment_months`` (``"24"``), ``installment_fee_rate``
    (monthly percent, ``"0.6"``), ``personalized_months`` (``"60"``),
    ``personalized_rate`` (``"0"``).
    result: ``owed``, ``daily_cost``, ``horizon_days``, ``capacity``,
    ``savings``, ``best`` (key of the fitting option with the largest saving,
    or ``None``), ``options`` = ``[{key, label, monthly_payment, months,
    total_paid, saving, fits, reason, smallest_fitting_months, lump_sum}]``
    (keys ``stay_overdue``, ``extension``, ``installment``, ``personalized``,
    ``waive_penalty``, ``principal_only``), ``chart`` = ``{"bars": [{key,
    label, value}]}`` (value = total paid).

``debts``
    params (repeatable, one item per debt, same order): ``lender``, ``kind``
    (``credit_card``/``bank_loan``/``consumer_finance``/``online_loan``/
    ``private_loan``/``other`` or the Chinese names), ``balance``,
    ``annual_rate``, ``min_payment`` (default 0), ``days_overdue`` (default 0);
    plus ``capacity``. Rows that are entirely blank are skipped.
    result: ``count``, ``total_balance``, ``total_min_payment``,
    ``weighted_rate``, ``capacity``, ``shortfall``, ``fits``, ``message``,
    ``debts`` = ``[{lender, kind, kind_label, balance, annual_rate,
    min_payment, days_overdue, m_level, share}]`` (``share`` = pro-rata part
    of the capacity; the shares sum exactly to it), ``avalanche`` and
    ``snowball`` = ``{label, order (indexes), order_lenders, finished, months,
    total_interest, total_paid, payoff_month}`` or ``None`` when the minimums
    exceed the capacity, ``interest_saved`` (snowball minus avalanche
    interest), ``chart`` = ``{"months": [...], "avalanche": [{label,
    balances}], "snowball": [...]}``.

``letter``
    params: ``name``, ``lender``, ``account_last4`` (exactly 4 digits),
    ``amount``, ``cause`` and/or ``cause_kind`` (``job_loss``/``illness``/
    ``business``/``income_drop``/``family``/``other``), ``proposal`` (or
    ``monthly_payment`` + ``months``), ``date`` (optional).
    result: ``title``, ``letter``, ``phone_script`` (plain text; render as
    text, not HTML).

``EXAMPLES`` holds a worked example's params for each calculator (text in
简体); ``example(name, lang)`` gives the same with its text fields in ``lang``.

>>> run("payoff", {"principal": "30000", "monthly_payment": "3000", "annual_rate": "24"})["result"]["months"]
'12'
>>> run("penalty", {"principal": "abc"}, "zh-Hant")["errors"][0]["message"]
'請輸入金額數字，例如 5000、5,000.50 或 3萬'
>>> run(None, None)["ok"]
False
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable

from .. import messages, rules
from ..budget import repayment_capacity, shares
from ..debts import Debt, parse_kind, plan_debts
from ..errors import InputError, InputErrors
from ..letter import make_letter
from ..options import compare_options
from ..parse import money, parse_amount, parse_count, parse_date, parse_percent, parse_rate, parse_text
from ..rates import apr, penalty_interest
from ..schedule import METHODS, amortize, payoff, smallest_reducing_payment
from ..stage import overdue_stage, timeline
from . import registry

__all__ = ["CALCULATORS", "EXAMPLES", "example", "registry", "run"]

CALCULATORS = registry.CALCULATORS

_MAX_LIST = rules.MAX_SCHEDULE_MONTHS + 40
_MAX_STR = 2000


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------


def _amt(value: Decimal) -> str:
    """``"1234.56"``; never ``"-0.00"``. (``str`` of a cent-quantized Decimal
    is always fixed-point, and faster than ``format``.)"""
    text = str(money(value))
    return "0.00" if text == "-0.00" else text


def _rate(value: Decimal, places: str = "0.0001") -> str:
    q = value.quantize(Decimal(places), rounding=ROUND_HALF_UP)
    return f"{q + 0 if q else Decimal(places) * 0:f}"


class _Out:
    """Builds a result dict and its ``display`` texts in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.data: dict[str, Any] = {}
        self.display: dict[str, str] = {}

    def t(self, key: str, **params: object) -> str:
        return messages.text(key, self.lang, **params)

    @staticmethod
    def num(value: Decimal) -> str:
        """An amount for inside a sentence that already says 元."""
        return f"{money(value):,.2f}"

    def yuan(self, value: Decimal) -> str:
        return self.t("unit.yuan", value=f"{money(value):,.2f}")

    def pct(self, value: Decimal) -> str:
        return self.t("unit.percent", value=f"{(value * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}")

    def amount(self, key: str, value: Decimal) -> None:
        self.data[key] = _amt(value)
        self.display[key] = self.yuan(value)

    def rate(self, key: str, value: Decimal) -> None:
        self.data[key] = _rate(value)
        self.display[key] = self.pct(value)

    def count(self, key: str, value: int | None, unit: str = "unit.months") -> None:
        if value is None:
            self.data[key] = None
            self.display[key] = self.t("unit.none")
        else:
            self.data[key] = str(value)
            self.display[key] = self.t(unit, n=value)

    def code(self, key: str, value: str | None, label: str | None = None) -> None:
        self.data[key] = value
        self.display[key] = label if label is not None else (value or self.t("unit.none"))

    def done(self) -> dict[str, Any]:
        self.data["display"] = self.display
        return self.data


# --------------------------------------------------------------------------
# Reading the form
# --------------------------------------------------------------------------

_MISSING = object()


class _Form:
    """Reads params, collecting every field error instead of stopping at the first."""

    def __init__(self, params: dict, lang: str) -> None:
        self.params = params
        self.lang = lang
        self.errors: list[InputError] = []

    def fail(self, err: InputError) -> None:
        if isinstance(err, InputErrors):
            for one in err.errors:
                self.fail(one)
            return
        key = (err.field, err.index)
        if all((e.field, e.index) != key for e in self.errors):
            self.errors.append(err)

    @staticmethod
    def _as_text(value: object, field: str, index: int | None = None) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            if len(value) > _MAX_STR:
                raise InputError(field, "text_too_long", index=index, maximum=_MAX_STR)
            return value
        if isinstance(value, bool):
            raise InputError(field, "input_invalid", index=index)
        if isinstance(value, (int, float, Decimal)):
            if isinstance(value, int) and abs(value) > 10**15:
                raise InputError(field, "amount_too_large", index=index)
            return str(value)
        raise InputError(field, "input_invalid", index=index)

    def text(self, field: str) -> str | None:
        """One raw value (None when missing or blank)."""
        value = self.params.get(field)
        if isinstance(value, (list, tuple)):
            if len(value) == 0:
                return None
            if len(value) > 1:
                raise InputError(field, "field_multiple")
            value = value[0]
        text = self._as_text(value, field)
        if text is None or not text.strip():
            return None
        return text

    def get(self, field: str, parse: Callable[..., Any], *args: Any, default: Any = _MISSING) -> Any:
        """Parse one field; a missing/blank field takes ``default`` or is required."""
        try:
            text = self.text(field)
            if text is None:
                if default is not _MISSING:
                    return default
                return parse(None, *args)
            return parse(text, *args)
        except InputError as err:
            self.fail(err)
            return None

    def items(self, field: str) -> list[str | None]:
        """A repeatable field as a list of raw strings (None for blanks)."""
        value = self.params.get(field)
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            value = [value]
        if len(value) > _MAX_LIST:
            self.fail(InputError(field, "too_many_rows", maximum=_MAX_LIST))
            return []
        out: list[str | None] = []
        for index, item in enumerate(value):
            try:
                text = self._as_text(item, field, index)
            except InputError as err:
                self.fail(err)
                text = None
            out.append(text if text is not None and text.strip() else None)
        return out

    def check(self) -> None:
        if self.errors:
            raise InputErrors(self.errors)


def _amount(field: str) -> Callable[[object], Decimal]:
    return lambda text: parse_amount(text, field)


def _positive(field: str) -> Callable[[object], Decimal]:
    def parse(text: object) -> Decimal:
        value = parse_amount(text, field)
        if value <= 0:
            raise InputError(field, "amount_zero")
        return value

    return parse


def _annual(field: str) -> Callable[[object], Decimal]:
    return lambda text: parse_rate(text, "percent", field)


def _percent(field: str, maximum: Decimal = Decimal(1)) -> Callable[[object], Decimal]:
    return lambda text: parse_percent(text, field, maximum)


def _count(field: str, low: int, high: int, years: bool = False) -> Callable[[object], int]:
    return lambda text: parse_count(text, field, low, high, years)


def _date(field: str) -> Callable[[object], date]:
    return lambda text: parse_date(text, field)


_METHOD_WORDS = {
    "等额本息": "equal_installment", "等額本息": "equal_installment",
    "等额本金": "equal_principal", "等額本金": "equal_principal",
    "先息后本": "interest_first", "先息後本": "interest_first",
    "分期手续费": "installment_fee", "分期手續費": "installment_fee",
    "停息挂账": "interest_free", "停息掛賬": "interest_free", "免息分期": "interest_free",
}


def _method(text: object) -> str:
    if text is None:
        return "equal_installment"
    s = str(text).strip()
    if s in METHODS:
        return s
    if s in _METHOD_WORDS:
        return _METHOD_WORDS[s]
    raise InputError("method", "method_invalid")


def _rows_table(out: _Out, rows: list, with_due: bool) -> None:
    columns = ["number", "due", "payment", "principal", "interest", "fee", "balance"]
    if not with_due:
        columns.remove("due")
    out.data["columns"] = [{"key": key, "label": out.t(f"column.{key}")} for key in columns]
    out.data["rows"] = [
        {
            "number": str(row.number),
            "due": row.due.isoformat() if row.due else "",
            "payment": _amt(row.payment),
            "principal": _amt(row.principal),
            "interest": _amt(row.interest),
            "fee": _amt(row.fee),
            "balance": _amt(row.balance),
        }
        for row in rows
    ]
    out.data["chart"] = {
        "labels": [str(row.number) for row in rows],
        "balance": [r["balance"] for r in out.data["rows"]],
        "principal": [r["principal"] for r in out.data["rows"]],
        "interest": [r["interest"] for r in out.data["rows"]],
        "fee": [r["fee"] for r in out.data["rows"]],
    }


# --------------------------------------------------------------------------
# Calculators
# --------------------------------------------------------------------------


def _budget(form: _Form, out: _Out) -> None:
    groups = {}
    for kind, label_field in (("income", "income_label"), ("expense", "expense_label")):
        amounts = form.items(kind)
        labels = form.items(label_field)
        if len(amounts) > rules.MAX_BUDGET_ROWS:
            form.fail(InputError(kind, "too_many_rows", maximum=rules.MAX_BUDGET_ROWS))
            amounts = []
        rows = []
        for index, text in enumerate(amounts):
            label = labels[index] if index < len(labels) else None
            if text is None and label is None:
                continue
            try:
                value = parse_amount(text, kind)
            except InputError as err:
                form.fail(InputError(kind, err.code, index=index, **err.params))
                continue
            name = (label or "").strip()[: rules.MAX_FIELD_LENGTH] or out.t(f"budget.unlabelled_{kind}", n=len(rows) + 1)
            rows.append((name, value))
        groups[kind] = rows
    if not groups["income"] and not any(e.field == "income" for e in form.errors):
        form.fail(InputError("income", "income_required"))
    ratio = form.get("buffer_ratio", _percent("buffer_ratio", rules.MAX_BUFFER_RATIO), default=rules.DEFAULT_BUFFER_RATIO)
    form.check()
    cap = repayment_capacity([v for _, v in groups["income"]], [v for _, v in groups["expense"]], ratio)
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
    out.data["incomes"] = [{"label": n, "amount": _amt(v)} for n, v in groups["income"]]
    expense_shares = shares([v for _, v in groups["expense"]])
    expenses = [
        {"label": n, "amount": _amt(v), "share": f"{s:f}"} for (n, v), s in zip(groups["expense"], expense_shares)
    ]
    out.data["expenses"] = expenses
    out.data["chart"] = {"expenses": expenses}


def _schedule(form: _Form, out: _Out) -> None:
    principal = form.get("principal", _positive("principal"))
    method = form.get("method", _method, default="equal_installment")
    months = form.get("months", _count("months", 1, rules.MAX_SCHEDULE_MONTHS, True))
    rate = form.get("annual_rate", _annual("annual_rate"), default=Decimal(0))
    fee_rate = form.get("fee_rate", _percent("fee_rate", rules.MAX_MONTHLY_FEE_RATE), default=Decimal(0))
    start = form.get("start", _date("start"), default=None)
    form.check()
    s = amortize(principal, months, method, rate, fee_rate, start)
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
    out.rate("apr_simple", annual.simple)
    out.rate("apr_compound", annual.compound)
    out.data["monthly_irr"] = _rate(annual.period_rate, "0.000001")
    out.display["monthly_irr"] = out.pct(annual.period_rate)
    out.data["apr_simple_label"] = out.t("apr.simple")
    out.data["apr_compound_label"] = out.t("apr.compound")
    _rows_table(out, s.rows, s.start is not None)


def _payoff(form: _Form, out: _Out) -> None:
    principal = form.get("principal", _positive("principal"))
    payment = form.get("monthly_payment", _positive("monthly_payment"))
    rate = form.get("annual_rate", _annual("annual_rate"), default=Decimal(0))
    form.check()
    p = payoff(principal, payment, rate)
    out.count("months", p.months)
    out.amount("last_payment", p.last_payment)
    out.amount("total_payment", p.total_payment)
    out.amount("total_interest", p.total_interest)
    out.amount("min_payment", smallest_reducing_payment(p.principal, p.annual_rate))
    out.amount("principal", p.principal)
    out.amount("monthly_payment", p.monthly_payment)
    out.rate("annual_rate", p.annual_rate)
    _rows_table(out, p.rows, False)


def _day_count(text: object) -> int:
    if text is None:
        return rules.DAYS_PER_YEAR
    value = parse_count(text, "day_count", 1, 1000)
    if value not in (rules.DAYS_PER_YEAR, rules.CARD_DAYS_PER_YEAR_REPORTED):
        raise InputError("day_count", "day_count_invalid")
    return value


def _penalty(form: _Form, out: _Out) -> None:
    principal = form.get("principal", _amount("principal"))
    days = form.get("days", _count("days", 0, rules.MAX_DAYS))
    rate = form.get("annual_rate", _annual("annual_rate"))
    markup = form.get("markup", _markup, default=rules.PENALTY_MARKUP_MAX)
    day_count = form.get("day_count", _day_count, default=rules.DAYS_PER_YEAR)
    form.check()
    amount = penalty_interest(principal, days, rate, markup, day_count)
    daily = penalty_interest(principal, 1, rate, markup, day_count)
    out.amount("penalty", amount)
    out.rate("penalty_rate", rate * (1 + markup))
    out.amount("daily_penalty", daily)
    out.amount("total", principal + amount)
    out.rate("markup", markup)
    out.count("days", days, "unit.days")
    typical = rules.PENALTY_MARKUP_MIN <= markup <= rules.PENALTY_MARKUP_MAX
    out.data["markup_typical"] = typical
    low = f"{(rules.PENALTY_MARKUP_MIN * 100).normalize():f}"
    high = f"{(rules.PENALTY_MARKUP_MAX * 100).normalize():f}"
    out.data["markup_note"] = out.t("penalty.markup_typical" if typical else "penalty.markup_unusual", low=low, high=high)
    out.data["note"] = out.t("penalty.note", day_count=day_count)


def _markup(text: object) -> Decimal:
    value = parse_percent(text, "markup", Decimal(100))
    if value > rules.MISUSE_MARKUP_MAX:
        raise InputError("markup", "markup_range", maximum=f"{(rules.MISUSE_MARKUP_MAX * 100).normalize():f}")
    return value


def _apr(form: _Form, out: _Out) -> None:
    use_flows = form.params.get("flows") not in (None, "", [])
    flow_texts = form.items("flows")
    fee = form.get("fee_upfront", _amount("fee_upfront"), default=Decimal(0))
    deducted = form.get("deducted_interest", _amount("deducted_interest"), default=Decimal(0))
    contract = form.get("contract_date", _date("contract_date"), default=None)
    if use_flows:
        values = []
        for index, text in enumerate(flow_texts):
            try:
                values.append(parse_amount(text, "flows") if text is not None else Decimal(0))
            except InputError as err:
                form.fail(InputError("flows", err.code, index=index, **err.params))
        received = values[0] if values else None
        payments = values[1:]
        if len(flow_texts) < 2 and not form.errors:
            form.fail(InputError("flows", "apr_no_payments"))
    else:
        received = form.get("received", _positive("received"))
        payment = form.get("payment", _positive("payment"))
        periods = form.get("periods", _count("periods", 1, rules.MAX_SCHEDULE_MONTHS, True))
        payments = [payment] * periods if payment is not None and periods is not None else []
    if contract is not None:
        try:
            rules.lpr_on(contract)
        except InputError as err:
            form.fail(err)
    form.check()
    net = received - fee - deducted
    if net <= 0:
        raise InputError("fee_upfront" if fee else "received", "received_after_fees")
    annual = apr([net] + [-p for p in payments])
    total = sum(payments, Decimal(0))
    out.rate("apr_simple", annual.simple)
    out.rate("apr_compound", annual.compound)
    out.data["monthly_irr"] = _rate(annual.period_rate, "0.000001")
    out.display["monthly_irr"] = out.pct(annual.period_rate)
    out.amount("net_received", net)
    out.amount("total_repaid", total)
    out.amount("total_cost", total - net)
    out.count("periods", len(payments), "unit.periods")
    out.data["simple_label"] = out.t("apr.simple")
    out.data["compound_label"] = out.t("apr.compound")
    lpr_date = contract if contract is not None else rules.LPR_TABLE[-1][0]
    lines = (
        ("court24", rules.FINANCIAL_LOAN_COURT_LINE),
        ("cash36", rules.CASH_LOAN_COST_LINE_2017),
        ("lpr4", rules.four_times_lpr(lpr_date)),
    )
    out.data["lines"] = [
        {
            "code": code,
            "label": out.t(f"apr.line.{code}"),
            "rate": _rate(line),
            "above": annual.simple > line,
            "text": out.t("apr.above" if annual.simple > line else "apr.below", line=out.t(f"apr.line.{code}")),
        }
        for code, line in lines
    ]
    out.data["lpr_date"] = lpr_date.isoformat()


def _stage_fields(out: _Out, stage) -> None:
    out.count("days", stage.days, "unit.days")
    out.code("m_level", stage.m_level, out.t(f"m_level.{stage.m_level}"))
    out.data["m_level_label"] = out.t(f"m_level.{stage.m_level}")
    out.code("report_code", stage.report_code)
    out.code("phase", stage.phase, out.t(f"phase.{stage.phase}"))
    out.data["phase_label"] = out.t(f"phase.{stage.phase}")
    out.count("days_to_next", stage.days_to_next, "unit.days")
    out.code("next_m_level", stage.next_m_level)
    out.count("days_to_next_phase", stage.days_to_next_phase, "unit.days")
    out.code("next_phase", stage.next_phase, out.t(f"phase.{stage.next_phase}") if stage.next_phase else None)
    out.data["summary"] = out.t("stage.summary", days=stage.days, m_level=stage.m_level, phase=out.t(f"phase.{stage.phase}"))
    if stage.next_m_level:
        out.data["next_text"] = out.t("stage.next", days=stage.days_to_next, next=out.t(f"m_level.{stage.next_m_level}"))
    else:
        out.data["next_text"] = out.t("stage.last")


_TIMELINE_PARAMS = {
    "grace_ends": lambda: {"days": rules.CARD_GRACE_DAYS},
    "non_performing": lambda: {"days": rules.NON_PERFORMING_DAYS},
    "malicious_earliest": lambda: {
        "gap": rules.MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS,
        "months": rules.MALICIOUS_OVERDRAFT_MONTHS_AFTER_DEMAND,
        "amount": f"{rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL:,.0f}",
    },
}


def _today(text: object) -> date:
    if text is None:
        raise InputError("today", "today_required")
    return parse_date(text, "today")


def _stage(form: _Form, out: _Out) -> None:
    if form.params.get("due_date") in (None, "", []):
        days = form.get("days", _count("days", 0, rules.MAX_DAYS))
        form.check()
        _stage_fields(out, overdue_stage(days))
        return
    due = form.get("due_date", _date("due_date"))
    today = form.get("today", _today)
    form.check()
    delta = (today - due).days
    if delta > rules.MAX_DAYS:
        raise InputError("due_date", "count_range", minimum=0, maximum=rules.MAX_DAYS)
    stage = overdue_stage(max(delta, 0))
    _stage_fields(out, stage)
    out.data["due_date"] = due.isoformat()
    out.data["today"] = today.isoformat()
    out.count("days_until_due", max(-delta, 0), "unit.days")
    if delta < 0:
        out.data["summary"] = out.t("stage.not_due", days=-delta)
    elif delta == 0:
        out.data["summary"] = out.t("stage.due_today")
    out.data["timeline"] = [
        {
            "code": event.code,
            "day": str(event.day),
            "date": event.date.isoformat(),
            "label": out.t(f"timeline.{event.code}", **_TIMELINE_PARAMS.get(event.code, lambda: {})()),
            "reached": event.date <= today,
        }
        for event in timeline(due)
    ]


def _options(form: _Form, out: _Out) -> None:
    principal = form.get("principal", _positive("principal"))
    capacity = form.get("capacity", _amount("capacity"))
    rate = form.get("annual_rate", _annual("annual_rate"))
    interest = form.get("interest_owed", _amount("interest_owed"), default=Decimal(0))
    penalty = form.get("penalty_owed", _amount("penalty_owed"), default=Decimal(0))
    savings = form.get("savings", _amount("savings"), default=Decimal(0))
    markup = form.get("markup", _markup, default=rules.PENALTY_MARKUP_MAX)
    horizon = form.get("horizon_days", _count("horizon_days", 1, rules.MAX_DAYS), default=90)
    ext_months = form.get("extension_months", _count("extension_months", 1, rules.MAX_SCHEDULE_MONTHS, True), default=12)
    ext_rate = form.get("extension_rate", _annual("extension_rate"), default=None)
    inst_months = form.get("installment_months", _count("installment_months", 1, rules.MAX_SCHEDULE_MONTHS, True), default=24)
    inst_fee = form.get(
        "installment_fee_rate", _percent("installment_fee_rate", rules.MAX_MONTHLY_FEE_RATE), default=rules.TYPICAL_CARD_INSTALLMENT_FEE_RATE
    )
    pers_months = form.get(
        "personalized_months",
        _count("personalized_months", 1, rules.MAX_SCHEDULE_MONTHS, True),
        default=rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS,
    )
    pers_rate = form.get("personalized_rate", _annual("personalized_rate"), default=Decimal(0))
    form.check()
    r = compare_options(
        principal, capacity, rate, interest, penalty, markup, savings, horizon,
        ext_months, ext_rate, inst_months, inst_fee, pers_months, pers_rate,
    )
    out.amount("owed", r.owed)
    out.amount("daily_cost", r.daily_cost)
    out.count("horizon_days", r.horizon_days, "unit.days")
    out.amount("capacity", r.capacity)
    out.amount("savings", r.savings)
    rows = []
    for o in r.options:
        params = {k: (out.num(v) if isinstance(v, Decimal) else v) for k, v in o.reason_params.items()}
        rows.append(
            {
                "key": o.key,
                "label": out.t(f"option.{o.key}"),
                "monthly_payment": _amt(o.monthly_payment),
                "months": None if o.months is None else str(o.months),
                "total_paid": _amt(o.total_paid),
                "saving": _amt(o.saving),
                "fits": o.fits,
                "reason": out.t(o.reason, **params),
                "smallest_fitting_months": None if o.smallest_fitting_months is None else str(o.smallest_fitting_months),
                "lump_sum": o.lump_sum,
            }
        )
    out.data["options"] = rows
    fitting = [o for o in r.options if o.fits]
    best = max(fitting, key=lambda o: o.saving).key if fitting else None
    out.code("best", best, out.t(f"option.{best}") if best else None)
    out.data["chart"] = {"bars": [{"key": row["key"], "label": row["label"], "value": row["total_paid"]} for row in rows]}


_DEBT_FIELDS = ("lender", "kind", "balance", "annual_rate", "min_payment", "days_overdue")
_DEBT_PARSERS: dict[str, Callable[[Any], Any]] = {
    "lender": lambda v: parse_text(v, "lender", True, rules.MAX_FIELD_LENGTH),
    "kind": parse_kind,
    "balance": _positive("balance"),
    "annual_rate": _annual("annual_rate"),
    "min_payment": lambda v: Decimal(0) if v is None else parse_amount(v, "min_payment"),
    "days_overdue": lambda v: 0 if v is None else parse_count(v, "days_overdue", 0, rules.MAX_DAYS),
}


def _debts(form: _Form, out: _Out) -> None:
    columns = {field: form.items(field) for field in _DEBT_FIELDS}
    capacity = form.get("capacity", _amount("capacity"))
    rows = max((len(v) for v in columns.values()), default=0)
    if rows > rules.MAX_DEBTS:
        form.fail(InputError("balance", "too_many_rows", maximum=rules.MAX_DEBTS))
        rows = 0
    debts = []
    for index in range(rows):
        values = {f: (columns[f][index] if index < len(columns[f]) else None) for f in _DEBT_FIELDS}
        if all(v is None for v in values.values()):
            continue
        row_errors = []
        parsed: dict[str, Any] = {}
        for f, parser in _DEBT_PARSERS.items():
            try:
                parsed[f] = parser(values[f])
            except InputError as err:
                row_errors.append(InputError(f, err.code, index=index, **err.params))
        for err in row_errors:
            form.fail(err)
        if not row_errors:
            debts.append((index, Debt(**parsed)))
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
    fits = plan.shortfall == 0 and plan.capacity > 0
    out.data["fits"] = fits
    out.data["debts"] = [
        {
            "row": str(index),
            "lender": d.lender,
            "kind": d.kind,
            "kind_label": out.t(f"kind.{d.kind}"),
            "balance": _amt(d.balance),
            "annual_rate": _rate(d.annual_rate),
            "min_payment": _amt(d.min_payment),
            "days_overdue": str(d.days_overdue),
            "m_level": overdue_stage(d.days_overdue).m_level,
            "share": _amt(share),
        }
        for (index, d), share in zip(debts, plan.pro_rata)
    ]
    lenders = [d.lender for _, d in debts]
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
            "total_interest": _amt(order_plan.total_interest),
            "total_paid": _amt(order_plan.total_paid),
            "payoff_month": [None if m is None else str(m) for m in order_plan.payoff_month],
        }
        chart[name] = [
            {"label": lenders[i], "balances": [_amt(b) for b in order_plan.balances[i]]} for i in range(len(lenders))
        ]
        chart["months"] = [str(m) for m in range(len(order_plan.balances[0]))] if order_plan.balances else []
    out.data["chart"] = chart
    if plan.avalanche and plan.snowball and plan.avalanche.finished and plan.snowball.finished:
        out.amount("interest_saved", plan.snowball.total_interest - plan.avalanche.total_interest)
    else:
        out.data["interest_saved"] = None
    if plan.capacity == 0:
        message = out.t("debts.no_capacity")
    elif plan.shortfall > 0:
        message = out.t(
            "debts.shortfall",
            minimum=out.num(plan.total_min_payment),
            shortfall=out.num(plan.shortfall),
            capacity=out.num(plan.capacity),
        )
    elif plan.avalanche is not None and not plan.avalanche.finished:
        message = out.t("debts.never", capacity=out.num(plan.capacity), maximum=rules.MAX_PAYOFF_MONTHS)
    else:
        message = out.t(
            "debts.fits",
            capacity=out.num(plan.capacity),
            minimum=out.num(plan.total_min_payment),
            extra=out.num(plan.capacity - plan.total_min_payment),
        )
    out.data["message"] = message


def _letter(form: _Form, out: _Out) -> None:
    values = {}
    for field in ("name", "lender", "account_last4", "amount", "cause", "cause_kind", "proposal", "monthly_payment", "months", "date"):
        try:
            values[field] = form.text(field)
        except InputError as err:
            form.fail(err)
            values[field] = None
    form.check()
    letter = make_letter(
        values["name"],
        values["lender"],
        values["account_last4"],
        values["amount"],
        values["cause"] or "",
        values["proposal"] or "",
        out.lang,
        values["monthly_payment"],
        values["months"],
        values["date"],
        values["cause_kind"],
    )
    out.data["title"] = letter.title
    out.data["letter"] = letter.letter
    out.data["phone_script"] = letter.phone_script


_HANDLERS: dict[str, Callable[[_Form, _Out], None]] = {
    "budget": _budget,
    "schedule": _schedule,
    "payoff": _payoff,
    "options": _options,
    "penalty": _penalty,
    "apr": _apr,
    "debts": _debts,
    "stage": _stage,
    "letter": _letter,
}


def _failure(errors: list[InputError], lang: str) -> dict:
    return {"ok": False, "errors": [e.to_dict(lang) for e in errors]}


def run(name: object, params: object = None, lang: object = "zh") -> dict:
    """Run calculator ``name`` on form ``params``; never raises (see the module doc)."""
    language = messages.DEFAULT_LANG
    try:
        language = messages.normalize_lang(lang)
        if not isinstance(name, str) or name not in _HANDLERS:
            return _failure([InputError("name", "calculator_unknown")], language)
        if params is None:
            params = {}
        if not isinstance(params, dict):
            return _failure([InputError("params", "params_invalid")], language)
        form = _Form({k: v for k, v in params.items() if isinstance(k, str)}, language)
        out = _Out(language)
        try:
            _HANDLERS[name](form, out)
        except InputErrors as err:
            return _failure(err.errors, language)
        except InputError as err:
            return _failure([err], language)
        return {"ok": True, "result": out.done()}
    except Exception:  # the browser must always get an answer it can show
        try:
            message = messages.text("internal_error", language)
        except Exception:  # pragma: no cover - the catalogue itself is broken
            message = "计算时出了点问题，请检查输入后再试一次"
        return {"ok": False, "errors": [{"field": "", "code": "internal_error", "message": message}]}


#: A worked example for each calculator (the pages' pre-filled forms).
EXAMPLES: dict[str, dict[str, Any]] = {
    "budget": {
        "income": ["6500", "1500"],
        "income_label": ["工资", "兼职"],
        "expense": ["1800", "1500", "400", "600"],
        "expense_label": ["房租", "伙食", "交通通讯", "孩子和家用"],
        "buffer_ratio": "10",
    },
    "schedule": {"principal": "50000", "months": "30", "method": "equal_installment", "annual_rate": "12", "fee_rate": "0", "start": "2026-01-31"},
    "payoff": {"principal": "30000", "monthly_payment": "3000", "annual_rate": "24"},
    "options": {
        "principal": "30000",
        "interest_owed": "1200",
        "penalty_owed": "800",
        "annual_rate": "18",
        "capacity": "1500",
        "savings": "5000",
        "markup": "50",
        "horizon_days": "90",
        "extension_months": "24",
        "installment_months": "24",
        "installment_fee_rate": "0.6",
        "personalized_months": "60",
        "personalized_rate": "0",
    },
    "penalty": {"principal": "5000", "days": "60", "annual_rate": "12", "markup": "50"},
    "apr": {"received": "12000", "payment": "1072", "periods": "12", "fee_upfront": "0"},
    "debts": {
        "lender": ["甲银行信用卡", "乙消费金融", "丙网贷平台"],
        "kind": ["credit_card", "consumer_finance", "online_loan"],
        "balance": ["30000", "15000", "8000"],
        "annual_rate": ["18", "24", "36"],
        "min_payment": ["1500", "900", "800"],
        "days_overdue": ["45", "20", "10"],
        "capacity": "4000",
    },
    "stage": {"days": "45"},
    "letter": {
        "name": "张三",
        "lender": "某某银行信用卡中心",
        "account_last4": "1234",
        "amount": "32000",
        "cause_kind": "job_loss",
        "cause": "2025年10月公司裁员，目前已重新找到工作，收入比以前低",
        "proposal": "",
        "monthly_payment": "1500",
        "months": "22",
        "date": "",
    },
}

#: The text fields of ``EXAMPLES`` in 繁體 (numbers and codes are shared).
_EXAMPLES_HANT: dict[str, dict[str, Any]] = {
    "budget": {"income_label": ["工資", "兼職"], "expense_label": ["房租", "伙食", "交通通訊", "孩子和家用"]},
    "debts": {"lender": ["甲銀行信用卡", "乙消費金融", "丙網貸平臺"]},
    "letter": {"name": "張三", "lender": "某某銀行信用卡中心", "cause": "2025年10月公司裁員，目前已重新找到工作，收入比以前低"},
}


def example(name: str, lang: object = "zh") -> dict[str, Any]:
    """A copy of ``EXAMPLES[name]`` with its free-text fields in ``lang``'s script
    (``{}`` for an unknown name), so a 繁體 page shows 繁體 labels.

    >>> example("debts", "zh-Hant")["lender"][0], example("debts")["lender"][0]
    ('甲銀行信用卡', '甲银行信用卡')
    """
    params = {k: list(v) if isinstance(v, list) else v for k, v in EXAMPLES.get(name, {}).items()}
    if messages.normalize_lang(lang) == "zh-Hant":
        params.update(_EXAMPLES_HANT.get(name, {}))
    return params
