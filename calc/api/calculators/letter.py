"""``letter``
    params: ``name``, ``lender``, ``account_last4`` (exactly 4 digits),
    ``amount``, ``cause`` and/or ``cause_kind`` (``job_loss``/``illness``/
    ``business``/``income_drop``/``family``/``other``), ``proposal`` (or
    ``monthly_payment`` + ``months``), ``date`` (optional).
    result: ``title``, ``letter``, ``phone_script`` (plain text; render as
    text, not HTML), ``limitation_warning`` (a letter that acknowledges the debt
    restarts the limitation period, or waives it for a debt already time-barred:
    民法典 Arts. 188, 192, 195; read it before sending).

>>> from calc.api import run
>>> run("letter", EXAMPLE)["result"]["title"]
'协商还款申请书'
"""

from __future__ import annotations

from ... import rules
from ...letter import make_letter
from ..form import Form
from ..output import Out

ORDER = 90
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("letter", "phone_script")

EXAMPLE = {
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
}
EXAMPLE_HANT = {
    "name": "張三",
    "lender": "某某銀行信用卡中心",
    "cause": "2025年10月公司裁員，目前已重新找到工作，收入比以前低",
}

_FIELDS = (
    "name",
    "lender",
    "account_last4",
    "amount",
    "cause",
    "cause_kind",
    "proposal",
    "monthly_payment",
    "months",
    "date",
)


def compute(form: Form, out: Out) -> None:
    v = {field: form.raw(field) for field in _FIELDS}
    form.check()
    letter = make_letter(
        v["name"],
        v["lender"],
        v["account_last4"],
        v["amount"],
        v["cause"] or "",
        v["proposal"] or "",
        lang=out.lang,
        monthly_payment=v["monthly_payment"],
        months=v["months"],
        day=v["date"],
        cause_kind=v["cause_kind"],
    )
    out.data["title"] = letter.title
    out.data["letter"] = letter.letter
    out.data["phone_script"] = letter.phone_script
    out.data["limitation_warning"] = out.t(
        "letter.limitation_warning",
        years=rules.LIMITATION_PERIOD_YEARS,
        legal_aid=rules.HOTLINE["legal_aid"].number,
    )
