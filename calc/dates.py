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

import calendar
from datetime import date

__all__ = ["add_months"]


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clamped to the month's end."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))
