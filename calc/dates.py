"""Calendar helpers with plain ``datetime.date`` (no time zones).

Due dates are computed from the start date plus k months, clamped to the
month's last day. They are never chained, so a start on the 31st keeps
returning to the 31st whenever the month has one:

>>> [add_months(date(2024, 1, 31), k).isoformat() for k in range(4)]
['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']
>>> add_months(date(2023, 1, 31), 1)
datetime.date(2023, 2, 28)
"""

from __future__ import annotations

from datetime import date

__all__ = ["add_months", "days_in_month"]


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clamped to the month's end."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, min(start.day, days_in_month(year, month0 + 1)))


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """Days in ``month`` of ``year`` (Gregorian leap years).

    >>> days_in_month(2024, 2), days_in_month(1900, 2), days_in_month(2000, 2)
    (29, 28, 29)
    """
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]
