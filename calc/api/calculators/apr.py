"""``apr``
    params: either ``received`` (money actually received), ``payment`` (each
    period) and ``periods``; or ``flows`` (list: the money received, then each
    payment as a positive amount; blank items count as 0). Optional
    ``fee_upfront`` and ``deducted_interest`` (砍头息) are taken off the money
    received (民法典 Art. 670), ``contract_date`` picks the LPR for the 4 x LPR
    line (default: the latest LPR in ``rules``).
    result: ``apr_simple``, ``apr_compound``, ``monthly_irr`` (6 decimals),
    ``net_received``, ``total_repaid``, ``total_cost``, ``periods``,
    ``simple_label``, ``compound_label``, ``lines`` = ``[{code, label, rate,
    above, text}]`` (the court line, the 2017 cash-loan line, 4 x LPR; figures
    from ``rules``), ``lpr_date``, ``lpr_checked`` (false when the contract date
    is after ``rules.LPR_AS_OF``, the date the LPR table was last checked) and
    ``lpr_note`` (then: the figure used is as of that date and must be checked;
    otherwise ``None``). Repayments so large that the APR cannot be
    stated (thousands of percent) are refused with ``apr_too_high`` (on
    ``payment``, or ``flows``), which says it is almost surely a typo.

>>> from calc.api import run
>>> run("apr", EXAMPLE)["result"]["apr_simple"]
'0.1303'
"""

from __future__ import annotations

from decimal import Decimal

from ... import rules
from ...errors import InputError
from ...parse import parse_amount
from ...rates import check_contract_date, loan_apr
from ..form import Form, amount, count
from ..output import Out, rate_text

ORDER = 60
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("apr_simple", "apr_compound", "monthly_irr")

EXAMPLE = {"received": "12000", "payment": "1072", "periods": "12", "fee_upfront": "0"}
EXAMPLE_HANT: dict = {}


def _flows(form: Form) -> tuple[Decimal | None, list[Decimal]]:
    texts = form.items("flows")
    values = []
    for index, text in enumerate(texts):
        try:
            values.append(parse_amount(text, "flows") if text is not None else Decimal(0))
        except InputError as err:
            form.fail(err, index)
    if len(texts) < 2 and not form.errors:
        form.fail(InputError("flows", "apr_no_payments"))
    return (values[0] if values else None), values[1:]


def compute(form: Form, out: Out) -> None:
    use_flows = form.given("flows")
    if use_flows:
        received, payments = _flows(form)
    fee = form.get("fee_upfront", amount, default=Decimal(0))
    deducted = form.get("deducted_interest", amount, default=Decimal(0))
    contract = form.get("contract_date", check_contract_date, default=None)
    if not use_flows:
        received = form.get("received", amount, positive=True)
        payment = form.get("payment", amount, positive=True)
        periods = form.get("periods", count, 1, rules.MAX_SCHEDULE_MONTHS, True)
        payments = [payment] * periods if payment is not None and periods is not None else []
    form.check()
    try:
        cost = loan_apr(
            received, payments, fee_upfront=fee, deducted_interest=deducted, contract_date=contract
        )
    except InputError as err:
        if err.field == "flows" and not use_flows:  # the reader typed one payment, not a list
            raise InputError("payment", err.code, **err.params) from None
        raise
    out.rate("apr_simple", cost.rate.simple)
    out.rate("apr_compound", cost.rate.compound)
    out.period_rate("monthly_irr", cost.rate.period_rate)
    out.amount("net_received", cost.net_received)
    out.amount("total_repaid", cost.total_repaid)
    out.amount("total_cost", cost.total_cost)
    out.count("periods", cost.periods, "unit.periods")
    out.data["simple_label"] = out.t("apr.simple")
    out.data["compound_label"] = out.t("apr.compound")
    out.data["lines"] = [
        {
            "code": line.code,
            "label": out.t(f"apr.line.{line.code}"),
            "rate": rate_text(line.rate),
            "above": line.above,
            "text": out.t("apr.above" if line.above else "apr.below", line=out.t(f"apr.line.{line.code}")),
        }
        for line in cost.lines
    ]
    out.data["lpr_date"] = cost.lpr_date.isoformat()
    # A contract dated after the LPR table was last checked gets the latest
    # fixing in rules, which may have changed since: say so.
    checked = rules.lpr_is_checked(cost.lpr_date)
    out.data["lpr_checked"] = checked
    out.data["lpr_note"] = (
        None
        if checked
        else out.t(
            "apr.lpr_unchecked", as_of=rules.LPR_AS_OF.isoformat(), lpr=out.pct(rules.lpr_on(cost.lpr_date))
        )
    )
