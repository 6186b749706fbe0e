"""``options``
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

>>> from calc.api import run
>>> run("options", EXAMPLE)["result"]["best"]
'personalized'
"""

from __future__ import annotations

from decimal import Decimal

from ... import rules
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
    "personalized_rate": "0",
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
        "personalized_rate": form.get("personalized_rate", annual_rate, default=Decimal(0)),
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
                "fits": o.fits,
                "reason": out.t(o.reason, **params),
                "smallest_fitting_months": None
                if o.smallest_fitting_months is None
                else str(o.smallest_fitting_months),
                "lump_sum": o.lump_sum,
            }
        )
    out.data["options"] = rows
    best = r.best.key if r.best else None
    out.code("best", best, out.t(f"option.{best}") if best else None)
    out.data["chart"] = {
        "bars": [{"key": row["key"], "label": row["label"], "value": row["total_paid"]} for row in rows]
    }
