"""The negotiation letter (协商还款申请书) and phone script (电话协商话术).

The wording lives in data files, ``calc/templates/{letter,phone}.{zh,zh-Hant}.txt``
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

__all__ = ["CAUSE_KINDS", "Letter", "make_letter", "parse_last4"]

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
    """
    language = messages.normalize_lang(lang)
    errors: list[InputError] = []

    def attempt(fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as err:
            errors.append(err)
            return None

    who = attempt(parse_text, name, "name", True, rules.MAX_FIELD_LENGTH)
    to = attempt(parse_text, lender, "lender", True, rules.MAX_FIELD_LENGTH)
    last4 = attempt(parse_last4, account_last4)
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
