"""The output formatter: a result dict in the browser's value formats, and its
``display`` texts in one language (see :mod:`calc.api` for the formats).

>>> out = Out("zh-Hant")
>>> out.amount("total", Decimal("3000")); out.rate("apr", Decimal("0.13025")); out.count("months", 36)
>>> result = out.done()
>>> result["total"], result["apr"], result["months"]
('3000.00', '0.1303', '36')
>>> result["display"]
{'total': '¥3,000.00', 'apr': '13.03%', 'months': '36 個月'}
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .. import messages
from ..parse import money

__all__ = ["Out", "amt", "rate_text", "schedule_table"]


def amt(value: Decimal) -> str:
    """``"1234.56"``; never ``"-0.00"``. (``str`` of a cent-quantized Decimal
    is always fixed-point, and faster than ``format``.)"""
    text = str(money(value))
    return "0.00" if text == "-0.00" else text


def rate_text(value: Decimal, places: str = "0.0001") -> str:
    """A fraction with four decimals (or ``places``): ``"0.1303"``."""
    q = value.quantize(Decimal(places), rounding=ROUND_HALF_UP)
    return f"{q + 0 if q else Decimal(places) * 0:f}"


class Out:
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
        return self.t(
            "unit.percent", value=f"{(value * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}"
        )

    def amount(self, key: str, value: Decimal) -> None:
        self.data[key] = amt(value)
        self.display[key] = self.yuan(value)

    def rate(self, key: str, value: Decimal) -> None:
        self.data[key] = rate_text(value)
        self.display[key] = self.pct(value)

    def period_rate(self, key: str, value: Decimal) -> None:
        """A per-period rate, six decimals."""
        self.data[key] = rate_text(value, "0.000001")
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


def schedule_table(out: Out, rows: Sequence, with_due: bool) -> None:
    """``columns``, ``rows`` and ``chart`` of a schedule (``schedule``, ``payoff``)."""
    columns = ["number", "due", "payment", "principal", "interest", "fee", "balance"]
    if not with_due:
        columns.remove("due")
    out.data["columns"] = [{"key": key, "label": out.t(f"column.{key}")} for key in columns]
    out.data["rows"] = [
        {
            "number": str(row.number),
            "due": row.due.isoformat() if row.due else "",
            "payment": amt(row.payment),
            "principal": amt(row.principal),
            "interest": amt(row.interest),
            "fee": amt(row.fee),
            "balance": amt(row.balance),
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
