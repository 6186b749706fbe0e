"""Overdue stages: the credit report's M-levels and the guide's phases.

* ``m_level``: ``M0`` when not overdue, ``M1`` = 1-30 days, ``M2`` = 31-60,
  ... ``M6`` = 151-180, ``M7`` = more than 180 days (credit-report codes 1-7,
  ``rules.CREDIT_REPORT_CODES``).
* ``phase``: ``none`` (0), ``early`` (1-7), ``middle`` (8-30), ``late``
  (31-90), ``severe`` (over 90) (``rules.OVERDUE_PHASES``).
* ``days_to_next``: days until the M-level changes (``None`` at M7).

>>> s = overdue_stage(45)
>>> s.m_level, s.phase, s.days_to_next, s.next_m_level
('M2', 'late', 16, 'M3')
>>> overdue_stage(0).m_level, overdue_stage(181).m_level, overdue_stage(181).days_to_next
('M0', 'M7', None)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from . import rules
from .dates import add_months
from .errors import InputError
from .parse import parse_count, parse_date

__all__ = [
    "DatedStage",
    "Stage",
    "TimelineEvent",
    "check_due_date",
    "check_today",
    "malicious_test_applies",
    "dated_stage",
    "days_overdue",
    "overdue_stage",
    "timeline",
]


@dataclass(frozen=True)
class Stage:
    days: int
    m_level: str
    report_code: str
    phase: str
    days_to_next: int | None
    next_m_level: str | None
    days_to_next_phase: int | None
    next_phase: str | None


def _level(days: int) -> int:
    if days <= 0:
        return 0
    return min(rules.CREDIT_REPORT_MAX_CODE, (days - 1) // rules.CREDIT_REPORT_DAYS_PER_CODE + 1)


def _phase_index(days: int) -> int:
    for index, (_, first, last) in enumerate(rules.OVERDUE_PHASES):
        if days >= first and (last is None or days <= last):
            return index
    raise AssertionError(days)  # pragma: no cover - the phases cover every day >= 0


def overdue_stage(days: object) -> Stage:
    """The stage of a debt ``days`` days past its due date (``days`` >= 0)."""
    n = parse_count(days, "days", 0, rules.MAX_DAYS)
    level = _level(n)
    if level < rules.CREDIT_REPORT_MAX_CODE:
        next_start = level * rules.CREDIT_REPORT_DAYS_PER_CODE + 1
        to_next: int | None = next_start - n
        next_level: str | None = f"M{level + 1}"
    else:
        to_next = next_level = None
    index = _phase_index(n)
    if index + 1 < len(rules.OVERDUE_PHASES):
        name, first, _ = rules.OVERDUE_PHASES[index + 1]
        to_phase: int | None = first - n
        next_phase: str | None = name
    else:
        to_phase = next_phase = None
    return Stage(
        days=n,
        m_level=f"M{level}",
        report_code="N" if level == 0 else str(level),
        phase=rules.OVERDUE_PHASES[index][0],
        days_to_next=to_next,
        next_m_level=next_level,
        days_to_next_phase=to_phase,
        next_phase=next_phase,
    )


def days_overdue(due_date: object, today: object) -> int:
    """Days from the missed due date to ``today`` (negative: not yet due).

    >>> days_overdue("2025-01-31", "2025-03-01")
    29
    """
    due = parse_date(due_date, "due_date")
    now = parse_date(today, "today")
    return (now - due).days


@dataclass(frozen=True)
class TimelineEvent:
    """A dated step after a missed due date. ``code`` is a catalogue key
    (``timeline.<code>``) for its description."""

    code: str
    day: int
    date: date


def malicious_test_applies(kind: str | None, principal: Decimal | None) -> bool:
    """Whether the criminal 恶意透支 test can concern this debt at all: a credit
    card (``kind`` ``credit_card``) whose unpaid principal reaches the "large"
    threshold, ``rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL`` (¥50,000; interest and
    fees do not count: 法释〔2009〕19号 as amended in 2018). Anything else (a 3,000 网贷, a card of
    unknown size) is never dated, so the timeline invites no needless panic.

    >>> malicious_test_applies("credit_card", Decimal(50000))
    True
    >>> malicious_test_applies("online_loan", Decimal(80000))
    False
    >>> malicious_test_applies("credit_card", Decimal(49999)), malicious_test_applies("credit_card", None)
    (False, False)
    """
    return (
        kind == "credit_card"
        and principal is not None
        and principal >= rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL
    )


def timeline(
    due_date: object, *, kind: str | None = None, principal: Decimal | None = None
) -> list[TimelineEvent]:
    """Dated events after a missed due date, in order.

    * ``overdue_starts`` (day 1): penalty interest or 违约金 starts; M1.
    * ``grace_ends`` (day after the ``rules.CARD_GRACE_DAYS`` grace, cards, an
      industry convention);
    * ``report`` (day 1): may be reported to 征信 at the next reporting cycle;
    * ``m2`` .. ``m7``: the first day of each M-level;
    * ``non_performing`` (day 91): classed as non-performing;
    * ``malicious_earliest``: the earliest date the criminal 恶意透支 test
      could even begin to be met (credit cards only): a first effective demand
      on day 1, a second ``rules.MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS`` days
      later, then more than ``rules.MALICIOUS_OVERDRAFT_MONTHS_AFTER_DEMAND``
      months unpaid. It also needs >= ¥50,000 principal and intent to take the
      money; non-payment alone is never enough. Only when
      :func:`malicious_test_applies` to ``kind`` and ``principal``.

    >>> [(e.code, e.date.isoformat()) for e in timeline("2025-01-31")][:3]
    [('overdue_starts', '2025-02-01'), ('report', '2025-02-01'), ('grace_ends', '2025-02-04')]
    >>> card = timeline("2025-01-31", kind="credit_card", principal=Decimal(60000))
    >>> [e.date.isoformat() for e in card if e.code == "malicious_earliest"]
    ['2025-06-04']
    >>> loan = timeline("2025-01-31", kind="online_loan", principal=Decimal(3000))
    >>> [e for e in loan if e.code == "malicious_earliest"]
    []
    """
    due = check_due_date(due_date)
    per = rules.CREDIT_REPORT_DAYS_PER_CODE
    events = [
        TimelineEvent("overdue_starts", 1, due + timedelta(days=1)),
        TimelineEvent("report", 1, due + timedelta(days=1)),
        TimelineEvent(
            "grace_ends", rules.CARD_GRACE_DAYS + 1, due + timedelta(days=rules.CARD_GRACE_DAYS + 1)
        ),
    ]
    for level in range(2, rules.CREDIT_REPORT_MAX_CODE + 1):
        day = (level - 1) * per + 1
        events.append(TimelineEvent(f"m{level}", day, due + timedelta(days=day)))
    npl = rules.NON_PERFORMING_DAYS + 1
    events.append(TimelineEvent("non_performing", npl, due + timedelta(days=npl)))
    if malicious_test_applies(kind, principal):
        second_demand = due + timedelta(days=1 + rules.MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS)
        earliest = add_months(second_demand, rules.MALICIOUS_OVERDRAFT_MONTHS_AFTER_DEMAND) + timedelta(
            days=1
        )
        events.append(TimelineEvent("malicious_earliest", (earliest - due).days, earliest))
    events.sort(key=lambda e: e.day)
    return events


@dataclass(frozen=True)
class DatedStage:
    """The stage on ``today`` of a debt due on ``due_date``: ``days_late`` is
    negative before the due date (then ``stage`` is M0 and ``days_until_due`` > 0);
    ``events`` pairs each timeline event with whether ``today`` has reached it."""

    due_date: date
    today: date
    days_late: int
    days_until_due: int
    stage: Stage
    events: tuple[tuple[TimelineEvent, bool], ...]


#: Days after a due date the timeline reaches (its last event is well inside this).
_TIMELINE_DAYS = 400


def check_due_date(due_date: object, field: str = "due_date") -> date:
    """A due date whose timeline fits the calendar (``date_too_late`` within
    ``_TIMELINE_DAYS`` of 9999-12-31: a typo, and ``datetime.date`` ends there;
    :func:`calc.parse.parse_date`)."""
    return parse_date(due_date, field, room_days=_TIMELINE_DAYS)


def check_today(today: object, field: str = "today") -> date:
    """Today's date, which dating a stage needs (``today_required`` when missing)."""
    if today is None or today == "":
        raise InputError(field, "today_required")
    return parse_date(today, field)


def dated_stage(
    due_date: object, today: object, *, kind: str | None = None, principal: Decimal | None = None
) -> DatedStage:
    """The stage and timeline of a debt from its missed due date and today's date.

    >>> d = dated_stage("2025-01-31", "2025-03-17")
    >>> d.days_late, d.stage.m_level, [e.code for e, reached in d.events if reached][-1]
    (45, 'M2', 'm2')
    >>> dated_stage("2025-03-20", "2025-03-17").days_until_due
    3
    """
    due = check_due_date(due_date)
    now = check_today(today)
    delta = (now - due).days
    if delta > rules.MAX_DAYS:
        # A due date a century before today is a mistyped year (1926 for 2026): say so, not "type 0 to 36500".
        raise InputError("due_date", "date_too_early", maximum=f"{rules.MAX_DAYS:,}")
    return DatedStage(
        due_date=due,
        today=now,
        days_late=delta,
        days_until_due=max(-delta, 0),
        stage=overdue_stage(max(delta, 0)),
        events=tuple((event, event.date <= now) for event in timeline(due, kind=kind, principal=principal)),
    )
