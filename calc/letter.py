"""The negotiation letter (协商还款申请书) and phone script (电话协商话术).

The wording lives in data files, ``calc/templates/{letter,phone}.{zh,zh-Hant}.txt``
and, for the other five letters of :func:`write_letter`, ``letter_KIND.{zh,zh-Hant}.txt``
(``string.Template``: ``$name``, ``$lender``, ``$last4``, ``$amount``, ``$cause``,
``$proposal``, ``$date``), so an editor can improve it without touching code.

Only the **last 4 digits** of an account or card number are accepted: the
letter never needs more, and a full number typed into a web page is a risk.

>>> out = make_letter("张三", "某某银行信用卡中心", "1234", "30000", "2025年公司裁员，收入中断",
...                   "分24期还款，每月还款1250元")
>>> out.letter.splitlines()[0]
'协商还款申请书'
>>> "尾号1234" in out.letter and "30,000.00" in out.phone_script
True
>>> make_letter("张三", "某银行", "6222020000001234", "30000", "失业", "分24期")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
calc.errors.InputError: account_last4: last4_full_number: 为保护你的账户安全，这里只填卡号或账号的最后4位...
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from string import Template

from . import messages, rules
from .errors import InputError, InputErrors
from .parse import money, parse_amount, parse_count, parse_date, parse_last4, parse_text

__all__ = ["BLANK", "CAUSE_KINDS", "KINDS", "Letter", "make_letter", "parse_last4", "write_letter"]

CAUSE_KINDS = ("job_loss", "illness", "business", "income_drop", "family", "other")

_TEMPLATES: dict[str, Template] = {}


def _template(name: str, lang: str) -> Template:
    key = f"{name}.{lang}.txt"
    if key not in _TEMPLATES:
        text = resources.files("calc").joinpath("templates", key).read_text(encoding="utf-8")
        _TEMPLATES[key] = Template(text)
    return _TEMPLATES[key]


@dataclass(frozen=True)
class Letter:
    lang: str
    title: str
    letter: str
    phone_script: str


def _sentence(text: str) -> str:
    return text.rstrip("。．.!！;；,，、 ")


def make_letter(
    name: object,
    lender: object,
    account_last4: object,
    amount: object,
    cause: object,
    proposal: object = "",
    *,
    lang: object = "zh",
    monthly_payment: object = None,
    months: object = None,
    day: object = None,
    cause_kind: object = None,
) -> Letter:
    """Fill the letter and phone-script templates in ``lang``.

    ``proposal`` is free text; if it is empty, ``monthly_payment`` and
    ``months`` (e.g. from ``options`` or ``schedule``) make one. ``cause_kind``
    (one of ``CAUSE_KINDS``) adds a standard phrase before ``cause``; at least
    one of them is needed. ``day`` is the letter's date (blank line if omitted).
    A blank ``name``, ``lender`` or ``account_last4`` prints ``BLANK`` (the
    preview is useful before the reader fills in who they are).
    """
    language = messages.normalize_lang(lang)
    errors: list[InputError] = []

    def attempt(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as err:
            errors.append(err)
            return None

    ident = _identity(name, lender, account_last4, errors)
    who, to, last4 = ident.get("name"), ident.get("lender"), ident.get("last4")
    owed = attempt(parse_amount, amount, "amount")
    if owed is not None and owed <= 0:
        errors.append(InputError("amount", "amount_zero"))
    kind = None if cause_kind in (None, "") else cause_kind
    if kind is not None and kind not in CAUSE_KINDS:
        errors.append(InputError("cause_kind", "cause_kind_invalid"))
        kind = None
    reason = attempt(parse_text, cause, "cause", kind is None)
    plan = attempt(parse_text, proposal, "proposal", False)
    payment = count = None
    if monthly_payment not in (None, ""):
        payment = attempt(parse_amount, monthly_payment, "monthly_payment")
    if months not in (None, ""):
        count = attempt(parse_count, months, "months", 1, rules.MAX_SCHEDULE_MONTHS)
    when = attempt(parse_date, day, "date") if day not in (None, "") else None
    if (
        plan == ""
        and (payment is None or count is None)
        and not any(e.field in ("monthly_payment", "months") for e in errors)
    ):
        errors.append(InputError("proposal", "proposal_required"))
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)

    parts = []
    if kind is not None:
        parts.append(messages.text(f"cause.{kind}", language))
    if reason:
        parts.append(_sentence(reason))
    cause_text = "，".join(parts)
    if not plan:
        plan = messages.text("proposal.auto", language, months=count, payment=f"{money(payment):,.2f}")
    values = {
        "name": who,
        "lender": to,
        "last4": last4,
        "amount": f"{money(owed):,.2f}",
        "cause": cause_text,
        "proposal": _sentence(plan),
        "date": _date_text(when),
    }
    letter = _template("letter", language).substitute(values)
    phone = _template("phone", language).substitute(values)
    return Letter(language, letter.splitlines()[0], letter, phone)


def _date_text(when: date | None) -> str:
    if when is None:
        return "____年__月__日"
    return f"{when.year}年{when.month}月{when.day}日"


# --------------------------------------------------------------------------
# The six letters (issue 12): ``write_letter(kind, ...)``
# --------------------------------------------------------------------------

#: The letter kinds; ``negotiate`` is :func:`make_letter`'s 协商还款申请书.
KINDS = ("negotiate", "credit_dispute", "complaint", "stop_third_party", "debt_proof", "confirm")
#: Where a complaint goes (``complaint_to``).
COMPLAINT_TO = ("nfra", "local_regulator", "nifa", "pboc")
#: Whose the debt is now (``debt_source``): still the lender's, sold, or paid by a guarantor.
DEBT_SOURCES = ("original", "transferred", "guaranteed")
#: Printed where an identity or a fact the reader has not filled in belongs, so the
#: preview is whole and the gap is plain to see before the letter is sent.
BLANK = "________"

#: Each kind's own free-text fields (all optional: a blank prints ``BLANK``).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "credit_dispute": ("record", "reason"),
    "complaint": ("event_date", "what_happened", "rule_broken", "request"),
    "stop_third_party": ("event_date", "contacted", "what_happened"),
    "debt_proof": (),
    "confirm": ("call_date", "agent", "agreed"),
}


def _identity(
    name: object, lender: object, account_last4: object, errors: list[InputError]
) -> dict[str, str]:
    values = {}
    for field, value in (("name", name), ("lender", lender)):
        try:
            values[field] = parse_text(value, field, False, rules.MAX_FIELD_LENGTH) or BLANK
        except InputError as err:
            errors.append(err)
    try:
        blank = parse_text(account_last4, "account_last4", False, rules.MAX_FIELD_LENGTH) == ""
        values["last4"] = BLANK if blank else parse_last4(account_last4)
    except InputError as err:
        errors.append(err)
    return values


def write_letter(
    kind: object,
    *,
    lang: object = "zh",
    name: object = None,
    lender: object = None,
    account_last4: object = None,
    day: object = None,
    fields: dict[str, object] | None = None,
) -> Letter:
    """One of the six letters in ``lang``. ``negotiate`` (blank ``kind`` too) is
    :func:`make_letter` with ``fields`` as its arguments. The others take their
    ``KIND_FIELDS`` (free text), and ``complaint_to`` (``COMPLAINT_TO``),
    ``debt_source`` (``DEBT_SOURCES``) and ``amount`` where they use them.

    Nothing about who the reader is is required: a blank name, lender or account
    tail prints ``BLANK`` so the preview is useful; a bad value (a full card
    number) is refused. ``phone_script`` is empty for all but ``negotiate``.

    >>> out = write_letter("credit_dispute", fields={"record": "2026年3月的逾期记录"})
    >>> out.title, "20日内" in out.letter, "申请人：________" in out.letter
    ('征信异议申请', True, True)
    """
    fields = dict(fields or {})
    code = "negotiate" if kind in (None, "") else kind
    if code not in KINDS:
        raise InputError("kind", "letter_kind_invalid")
    language = messages.normalize_lang(lang)
    errors: list[InputError] = []
    if code == "negotiate":
        return make_letter(
            name,
            lender,
            account_last4,
            fields.get("amount"),
            fields.get("cause") or "",
            fields.get("proposal") or "",
            lang=language,
            monthly_payment=fields.get("monthly_payment"),
            months=fields.get("months"),
            day=day,
            cause_kind=fields.get("cause_kind"),
        )
    values = _identity(name, lender, account_last4, errors)
    for field in KIND_FIELDS[code]:
        try:
            values[field] = _sentence(parse_text(fields.get(field), field, False)) or BLANK
        except InputError as err:
            errors.append(err)
    try:
        values["date"] = _date_text(parse_date(day, "date") if day not in (None, "") else None)
    except InputError as err:
        errors.append(err)
    if code == "complaint":
        to = fields.get("complaint_to") or "nfra"
        if to not in COMPLAINT_TO:
            errors.append(InputError("complaint_to", "input_invalid"))
        else:
            values["complaint_to"] = messages.text(
                f"letter.to.{to}", language, hotline=rules.HOTLINE["complaints"].number
            )
    if code == "debt_proof":
        source = fields.get("debt_source") or "original"
        if source not in DEBT_SOURCES:
            errors.append(InputError("debt_source", "input_invalid"))
        else:
            values["source_item"] = messages.text(f"letter.source.{source}", language)
        owed = fields.get("amount")
        try:
            values["amount"] = BLANK if owed in (None, "") else f"{money(parse_amount(owed, 'amount')):,.2f}"
        except InputError as err:
            errors.append(err)
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    values["objection_days"] = str(rules.CREDIT_OBJECTION_REPLY_DAYS)
    letter = _template(f"letter_{code}", language).substitute(values)
    return Letter(language, letter.splitlines()[0], letter, "")
