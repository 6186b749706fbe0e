"""``stage``
    params: ``days``; or ``due_date`` and ``today``; optional ``kind`` (as in
    ``debts``: ``credit_card``, ``online_loan``... or the Chinese names) and
    ``principal`` (the unpaid principal): the timeline dates the 恶意透支 time
    test (``malicious_earliest``) only for a credit card whose principal reaches
    ``rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL`` (50,000). A due date within a
    year or so of 9999-12-31 is refused (``date_too_late``).
    result: ``days`` (``"0"`` when not yet due), ``m_level`` (``M0``..``M7``),
    ``m_level_label``, ``report_code`` (``N``, ``1``..``7``), ``phase``
    (``none``/``early``/``middle``/``late``/``severe``), ``phase_label``,
    ``days_to_next`` (to the next M-level; ``None`` at M7), ``next_m_level``,
    ``days_to_next_phase``, ``next_phase``, ``summary``, ``next_text``; with
    dates also ``due_date``, ``today``, ``days_until_due`` and ``timeline`` =
    ``[{code, day, date, label, reached}]``.

>>> from calc.api import run
>>> run("stage", EXAMPLE)["result"]["m_level"]
'M2'
"""

from __future__ import annotations

from ... import rules
from ...debts import parse_kind
from ...stage import Stage, check_due_date, check_today, dated_stage, overdue_stage
from ..form import Form, amount, count
from ..output import Out

ORDER = 80
#: The output names pages and outside checks build on (DESIGN.md); the result has at least these.
OUTPUTS = ("m_level", "phase", "days_to_next")

EXAMPLE = {"days": "45"}
EXAMPLE_HANT: dict = {}


def _stage_fields(out: Out, stage: Stage) -> None:
    out.count("days", stage.days, "unit.days")
    out.code("m_level", stage.m_level, out.t(f"m_level.{stage.m_level}"))
    out.data["m_level_label"] = out.t(f"m_level.{stage.m_level}")
    out.code("report_code", stage.report_code)
    out.code("phase", stage.phase, out.t(f"phase.{stage.phase}"))
    out.data["phase_label"] = out.t(f"phase.{stage.phase}")
    out.count("days_to_next", stage.days_to_next, "unit.days")
    out.code("next_m_level", stage.next_m_level)
    out.count("days_to_next_phase", stage.days_to_next_phase, "unit.days")
    out.code("next_phase", stage.next_phase, out.t(f"phase.{stage.next_phase}") if stage.next_phase else None)
    out.data["summary"] = out.t(
        "stage.summary", days=stage.days, m_level=stage.m_level, phase=out.t(f"phase.{stage.phase}")
    )
    if stage.next_m_level:
        out.data["next_text"] = out.t(
            "stage.next", days=stage.days_to_next, next=out.t(f"m_level.{stage.next_m_level}")
        )
    else:
        out.data["next_text"] = out.t("stage.last")


def compute(form: Form, out: Out) -> None:
    if not form.given("due_date"):
        days = form.get("days", count, 0, rules.MAX_DAYS)
        form.check()
        _stage_fields(out, overdue_stage(days))
        return
    due = form.get("due_date", check_due_date)
    today = form.get("today", check_today)
    kind = form.get("kind", parse_kind, default=None)
    principal = form.get("principal", amount, default=None)
    form.check()
    dated = dated_stage(due, today, kind=kind, principal=principal)
    _stage_fields(out, dated.stage)
    out.data["due_date"] = dated.due_date.isoformat()
    out.data["today"] = dated.today.isoformat()
    out.count("days_until_due", dated.days_until_due, "unit.days")
    if dated.days_late < 0:
        out.data["summary"] = out.t("stage.not_due", days=dated.days_until_due)
    elif dated.days_late == 0:
        out.data["summary"] = out.t("stage.due_today")
    out.data["timeline"] = [
        {
            "code": event.code,
            "day": str(event.day),
            "date": event.date.isoformat(),
            "label": out.t(f"timeline.{event.code}"),
            "reached": reached,
        }
        for event, reached in dated.events
    ]
