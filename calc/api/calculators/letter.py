"""``letter``
    params: ``kind`` (``negotiate`` 协商还款申请书, the default; ``credit_dispute``
    征信异议申请; ``complaint`` 投诉书 to 12378 / the local financial regulator / the
    internet-finance association / the PBoC branch; ``stop_third_party`` 要求停止联系
    第三人; ``debt_proof`` asking for the contract, the amount's breakdown and, for a
    sold or guaranteed debt, the 债权转让 or 代偿 notice; ``confirm`` 书面确认 of what
    was agreed on the phone). Every kind: ``name``, ``lender``, ``account_last4``
    (exactly 4 digits), ``date`` (optional), all optional: a blank one prints
    ``________`` in the letter, so the preview is whole and the gap is plain (the
    letter computes with blanks rather than refusing; a full card number is still
    refused).
    ``negotiate``: ``amount``, ``cause`` and/or ``cause_kind`` (``job_loss``/
    ``illness``/``business``/``income_drop``/``family``/``other``), ``proposal``
    (or ``monthly_payment`` + ``months``).
    ``credit_dispute``: ``record`` (the wrong entry), ``reason`` (what is right).
    ``complaint``: ``complaint_to`` (``nfra`` default, ``local_regulator``,
    ``nifa``, ``pboc``), ``event_date``, ``what_happened``, ``rule_broken``,
    ``request``.
    ``stop_third_party``: ``event_date``, ``contacted`` (who was called),
    ``what_happened``.
    ``debt_proof``: ``amount`` (what they say is owed, optional), ``debt_source``
    (``original`` default, ``transferred``, ``guaranteed``).
    ``confirm``: ``call_date``, ``agent`` (name or staff number), ``agreed``.
    The kind-specific free texts are optional too (``________`` when blank).
    result: ``kind``, ``title``, ``letter``, ``phone_script`` (plain text; render
    as text, not HTML; ``""`` for all but ``negotiate``), ``missing`` (the
    identity fields left blank: ``name``/``lender``/``account_last4``),
    ``limitation_warning`` for the letters that acknowledge the debt
    (``negotiate``, ``confirm``; ``None`` for the others): such a letter restarts
    the limitation period, or waives it for a debt already time-barred (民法典
    Arts. 188, 192, 195; read it before sending).

>>> from calc.api import run
>>> r = run("letter", EXAMPLE)["result"]
>>> r["title"], r["missing"], "申请人：________" in r["letter"]
('协商还款申请书', ['name', 'lender', 'account_last4'], True)
"""

from __future__ import annotations

from ... import rules
from ...letter import KIND_FIELDS, write_letter
from ..form import Form
from ..output import Out

ORDER = 90
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("letter", "phone_script")

# Who the reader is stays empty (the form shows placeholders): a letter signed with an
# example name is one tap from being sent.
EXAMPLE = {
    "kind": "negotiate",
    "name": "",
    "lender": "",
    "account_last4": "",
    "amount": "30000",
    "cause_kind": "income_drop",
    "cause": "",
    "proposal": "",
    "monthly_payment": "1250",
    "months": "24",
    "date": "",
}
EXAMPLE_HANT: dict[str, str] = {}

_COMMON = ("kind", "name", "lender", "account_last4", "date")
_NEGOTIATE = ("amount", "cause", "cause_kind", "proposal", "monthly_payment", "months")
_OTHER = ("complaint_to", "debt_source") + tuple(sorted({f for fs in KIND_FIELDS.values() for f in fs}))
_ACKNOWLEDGES = ("negotiate", "confirm")


def compute(form: Form, out: Out) -> None:
    v = {field: form.raw(field) for field in _COMMON + _NEGOTIATE + _OTHER}
    form.check()
    kind = v["kind"] or "negotiate"
    letter = write_letter(
        kind,
        lang=out.lang,
        name=v["name"],
        lender=v["lender"],
        account_last4=v["account_last4"],
        day=v["date"],
        fields={k: v[k] for k in _NEGOTIATE + _OTHER},
    )
    out.data["kind"] = kind
    out.data["title"] = letter.title
    out.data["letter"] = letter.letter
    out.data["phone_script"] = letter.phone_script
    out.data["missing"] = [f for f in ("name", "lender", "account_last4") if v[f] is None]
    out.data["limitation_warning"] = (
        out.t(
            "letter.limitation_warning",
            years=rules.LIMITATION_PERIOD_YEARS,
            legal_aid=rules.HOTLINE["legal_aid"].number,
        )
        if kind in _ACKNOWLEDGES
        else None
    )
