"""Repayment capacity (还款能力): what is left each month after essentials.

``capacity = max(0, surplus x (1 - buffer_ratio))`` rounded to 0.01, where
``surplus = total income - total expenses`` (may be negative). The buffer
keeps part of the surplus back for surprises, so a plan offered to a lender
is one the reader can keep.

>>> c = repayment_capacity(["8000", "1500"], ["3000", "2500"], Decimal("0.1"))
>>> c.total_income, c.total_expenses, c.surplus, c.capacity
(Decimal('9500.00'), Decimal('5500.00'), Decimal('4000.00'), Decimal('3600.00'))
>>> repayment_capacity([3000], [3500]).capacity
Decimal('0.00')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import rules
from .errors import InputError
from .parse import money, parse_amount, parse_fraction

__all__ = ["Capacity", "check_buffer_ratio", "repayment_capacity", "shares"]


@dataclass(frozen=True)
class Capacity:
    total_income: Decimal
    total_expenses: Decimal
    surplus: Decimal
    buffer_ratio: Decimal
    buffer: Decimal
    capacity: Decimal


def _amounts(values: Iterable[object], field: str) -> list[Decimal]:
    if isinstance(values, (str, bytes, Decimal, int, float)) or values is None:
        values = [values]
    out = []
    for index, value in enumerate(values):
        try:
            out.append(parse_amount(value, field))
        except InputError as err:
            raise InputError(field, err.code, index=index, **err.params) from None
    return out


def check_buffer_ratio(buffer_ratio: object, field: str = "buffer_ratio") -> Decimal:
    """The share of the surplus held back, a fraction in [0, ``rules.MAX_BUFFER_RATIO``]
    (text is a percent: ``"10"``).

    >>> check_buffer_ratio("10"), check_buffer_ratio(Decimal("0.1"))
    (Decimal('0.1'), Decimal('0.1'))
    """
    return parse_fraction(buffer_ratio, field, maximum=rules.MAX_BUFFER_RATIO)


def repayment_capacity(
    incomes: Iterable[object], expenses: Iterable[object], buffer_ratio: object = rules.DEFAULT_BUFFER_RATIO
) -> Capacity:
    """Monthly income and expenses (amounts or strings) to a repayment capacity.

    ``buffer_ratio`` is a fraction in [0, 1) (strings are percent: ``"10"``).
    """
    inc = _amounts(incomes, "income")
    exp = _amounts(expenses, "expense")
    ratio = check_buffer_ratio(buffer_ratio)
    total_income = money(sum(inc, Decimal(0)))
    total_expenses = money(sum(exp, Decimal(0)))
    surplus = total_income - total_expenses
    capacity = money(max(Decimal(0), surplus * (1 - ratio)))
    buffer = money(max(Decimal(0), surplus) - capacity)
    return Capacity(total_income, total_expenses, surplus, ratio, buffer, capacity)


def shares(amounts: list[Decimal]) -> list[Decimal]:
    """Each amount's share of the total, as fractions rounded to 4 places
    (all zero when the total is zero).

    >>> shares([Decimal(3000), Decimal(1000)])
    [Decimal('0.7500'), Decimal('0.2500')]
    """
    total = sum(amounts, Decimal(0))
    q = Decimal("0.0001")
    if total == 0:
        return [q * 0 for _ in amounts]
    return [(a / total).quantize(q, rounding=ROUND_HALF_UP) for a in amounts]
