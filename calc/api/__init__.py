"""The one door from the browser: ``run(name, params, lang) -> dict``.

``run`` never raises. ``params`` is a dict of form values: a string each, or a
list of strings for a repeatable field (a one-item list is accepted for a
single field). ``lang`` is ``zh`` or ``zh-Hant``; a tag naming the traditional script or a
region that writes it (``zh-Hant-TW``, ``zh-Hant-HK``, ``zh-TW``, any case) is
``zh-Hant``, anything else ``zh``.

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

``registry.CALCULATORS`` names them. Each is one module,
``calc/api/calculators/NAME.py``, whose docstring is its contract (params and
result), with its worked examples and its adapter ``compute(form, out)``:
``form`` (:class:`calc.api.form.Form`) reads the params into typed values,
the domain functions compute, ``out`` (:class:`calc.api.output.Out`) writes
the result in the formats above.

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

from typing import Any

from .. import messages
from ..errors import InputError, InputErrors
from . import registry
from .form import Form
from .output import Out

__all__ = ["CALCULATORS", "EXAMPLES", "example", "registry", "run"]

CALCULATORS = registry.CALCULATORS

#: A worked example for each calculator (the pages' pre-filled forms), text in 简体.
EXAMPLES: dict[str, dict[str, Any]] = {name: registry.module(name).EXAMPLE for name in CALCULATORS}


def _language(lang: object) -> str:
    """``zh-Hant`` for any tag that names the traditional script or a region that
    writes it (``zh-Hant``, ``zh-Hant-TW``, ``zh-Hant-HK``, ``zh-TW``, ``zh_hk``, any
    case), unless it says ``Hans``; else what :func:`calc.messages.normalize_lang` says.

    >>> [_language(t) for t in ("zh-Hant-TW", "ZH-HANT-HK", "zh-tw", "zh-Hans-TW", "zh-CN", None)]
    ['zh-Hant', 'zh-Hant', 'zh-Hant', 'zh', 'zh', 'zh']
    """
    if isinstance(lang, str) and len(lang) <= 40:
        tags = lang.strip().lower().replace("_", "-").split("-")
        if tags[0] == "zh" and "hans" not in tags and ({"hant", "tw", "hk", "mo"} & set(tags[1:])):
            return "zh-Hant"
    return messages.normalize_lang(lang)


def _failure(errors: list[InputError], lang: str) -> dict:
    return {"ok": False, "errors": [e.to_dict(lang) for e in errors]}


def run(name: object, params: object = None, lang: object = "zh") -> dict:
    """Run calculator ``name`` on form ``params``; never raises (see the module doc)."""
    language = messages.DEFAULT_LANG
    try:
        language = _language(lang)
        if not registry.is_calculator(name):
            return _failure([InputError("name", "calculator_unknown")], language)
        if params is None:
            params = {}
        if not isinstance(params, dict):
            return _failure([InputError("params", "params_invalid")], language)
        form = Form({k: v for k, v in params.items() if isinstance(k, str)}, language)
        out = Out(language)
        try:
            registry.module(name).compute(form, out)
        except InputErrors as err:
            return _failure(err.errors, language)
        except InputError as err:
            return _failure([err], language)
        return {"ok": True, "result": out.done()}
    except Exception:  # noqa: BLE001 - the browser must always get an answer it can show
        try:
            message = messages.text("internal_error", language)
        except Exception:  # noqa: BLE001  # pragma: no cover - the catalogue itself is broken
            message = "计算时出了点问题，请检查输入后再试一次"
        return {"ok": False, "errors": [{"field": "", "code": "internal_error", "message": message}]}


def example(name: str, lang: object = "zh") -> dict[str, Any]:
    """A copy of ``EXAMPLES[name]`` with its free-text fields in ``lang``'s script
    (``{}`` for an unknown name), so a 繁體 page shows 繁體 labels.

    >>> example("budget", "zh-Hant")["income_label"][0], example("budget")["income_label"][0]
    ('工資', '工资')
    """
    params = {k: list(v) if isinstance(v, list) else v for k, v in EXAMPLES.get(name, {}).items()}
    if registry.is_calculator(name) and _language(lang) == "zh-Hant":
        params.update(
            {k: list(v) if isinstance(v, list) else v for k, v in registry.module(name).EXAMPLE_HANT.items()}
        )
    return params
