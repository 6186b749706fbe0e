"""``options``
    params: ``principal``, ``capacity`` (monthly), ``annual_rate`` (contract);
    optional ``interest_owed``, ``penalty_owed``, ``savings`` (default 0),
    ``markup`` (percent, default ``"50"``), ``horizon_days`` (``"90"``),
    ``extension_months`` (``"12"``), ``extension_rate`` (default the contract
    rate), ``installment_months`` (``"24"``), ``installment_fee_rate``
    (monthly percent, ``"0.6"``), ``personalized_months`` (``"60"``),
    ``personalized_rate`` (blank: the contract rate; 0 is interest stopped,
    which the lender must agree to), ``kind`` (as in ``debts``; ``credit_card``
    costs staying overdue with the card model, default ``other``).
    result: ``owed``, ``daily_cost``, ``horizon_days``, ``capacity``,
    ``savings``, ``kind``, ``best`` (key of the fitting option that costs least
    in total, or ``None``), ``options`` = ``[{key, label, monthly_payment,
    months, total_paid, saving, stay_cost, compared_months, fits, reason,
    smallest_fitting_months, lump_sum}]`` (``saving`` = ``stay_cost`` -
    ``total_paid``, where ``stay_cost`` is what staying overdue costs over the
    same ``compared_months``: like with like)
    (keys ``stay_overdue``, ``extension``, ``installment``, ``personalized``,
    ``waive_penalty``, ``principal_only``), ``chart`` = ``{"bars": [{key,
    label, value}]}`` (value = total paid); ``stay_note`` (what staying overdue
    also costs that money cannot show: the credit record, collection, a
    lawsuit; for a card, also what a court cutting the charges back to the 24%
    line would leave); ``court_line`` (a card: ``{key, months, card, line, saving}``:
    the longest plan, the card model's stay cost over it, that cost at the court
    line when lower, and the plan's saving against the line; else ``None``);
    ``personalized_rate``, ``personalized_rate_given`` and
    ``personalized_note`` (the 个性化分期 rate is to be asked for: the plan at
    the other rate, 0% or the contract rate, with its monthly payment and total).

>>> from calc.api import run
>>> run("options", EXAMPLE)["result"]["best"]
'personalized'
"""

from __future__ import annotations

from decimal import Decimal

from ... import rules
from ...debts import parse_kind
from ...options import compare_options
from ...rates import check_markup
from ...schedule import check_fee_rate
from ..form import Form, amount, annual_rate, count
from ..output import Out, amt

ORDER = 40
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("options", "chart")

EXAMPLE = {
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
    "personalized_rate": "",
}
EXAMPLE_HANT: dict = {}


def compute(form: Form, out: Out) -> None:
    terms = (1, rules.MAX_SCHEDULE_MONTHS, True)
    values = {
        "principal": form.get("principal", amount, positive=True),
        "capacity": form.get("capacity", amount),
        "annual_rate": form.get("annual_rate", annual_rate),
        "interest_owed": form.get("interest_owed", amount, default=Decimal(0)),
        "penalty_owed": form.get("penalty_owed", amount, default=Decimal(0)),
        "savings": form.get("savings", amount, default=Decimal(0)),
        "markup": form.get("markup", check_markup, default=rules.PENALTY_MARKUP_MAX),
        "horizon_days": form.get("horizon_days", count, 1, rules.MAX_DAYS, default=90),
        "extension_months": form.get("extension_months", count, *terms, default=12),
        "extension_rate": form.get("extension_rate", annual_rate, default=None),
        "installment_months": form.get("installment_months", count, *terms, default=24),
        "installment_fee_rate": form.get(
            "installment_fee_rate", check_fee_rate, default=rules.TYPICAL_CARD_INSTALLMENT_FEE_RATE
        ),
        "personalized_months": form.get(
            "personalized_months", count, *terms, default=rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS
        ),
        "personalized_rate": form.get("personalized_rate", annual_rate, default=None),
        "kind": form.get("kind", parse_kind, default="other"),
    }
    form.check()
    principal, capacity, rate = values.pop("principal"), values.pop("capacity"), values.pop("annual_rate")
    r = compare_options(principal, capacity, rate, **values)
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
                "monthly_payment": amt(o.monthly_payment),
                "months": None if o.months is None else str(o.months),
                "total_paid": amt(o.total_paid),
                "saving": amt(o.saving),
                "stay_cost": amt(o.stay_cost),
                "compared_months": None if o.compared_months is None else str(o.compared_months),
                "fits": o.fits,
                "reason": out.t(o.reason, **params),
                "smallest_fitting_months": None
                if o.smallest_fitting_months is None
                else str(o.smallest_fitting_months),
                "lump_sum": o.lump_sum,
            }
        )
    out.data["options"] = rows
    out.code("kind", r.kind, out.t(f"kind.{r.kind}"))
    stay_note = out.t("options.stay_note", years=rules.CREDIT_RECORD_RETENTION_YEARS)
    c = r.court_line
    if c is None:
        out.data["court_line"] = None
    else:
        out.data["court_line"] = {"key": c.key, "months": str(c.months), "card": amt(c.card),
                                  "line": amt(c.line), "saving": amt(c.saving)}
        stay_note += out.t(
            "options.card_court_line", months=c.months, card=out.num(c.card),
            line=out.pct(rules.FINANCIAL_LOAN_COURT_LINE), capped=out.num(c.line),
        )
        stay_note += out.t(
            "options.card_court_saving" if c.saving >= 0 else "options.card_court_costlier",
            option=out.t(f"option.{c.key}"), months=c.months, amount=out.num(abs(c.saving)),
        )
    out.data["stay_note"] = stay_note
    out.rate("personalized_rate", r.personalized_rate)
    out.data["personalized_rate_given"] = r.personalized_rate_given
    alt = r.personalized_alternative
    if alt is None:
        out.data["personalized_note"] = None
    else:
        key = "options.ask_stop" if alt.reason_params["rate"] == 0 else "options.zero_is_asked"
        out.data["personalized_note"] = out.t(
            key,
            rate=out.pct(r.personalized_rate),
            contract=out.pct(alt.reason_params["rate"]),
            monthly=out.num(alt.monthly_payment),
            total=out.num(alt.total_paid),
            months=alt.months,
        )
    best = r.best.key if r.best else None
    out.code("best", best, out.t(f"option.{best}") if best else None)
    out.data["chart"] = {
        "bars": [{"key": row["key"], "label": row["label"], "value": row["total_paid"]} for row in rows]
    }
