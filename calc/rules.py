"""Every legal or market figure the calculators use, in one place.

Each constant is a plain value. ``SOURCES`` (kept in :mod:`calc.rule_sources`,
the citation table beside this file) maps the constant's name to a
:class:`Source` giving where the figure comes from and the date it was last
checked ("as of"). A rule change is a one-line edit here (and its citation
there) plus the test that pins it; no other module writes a rule figure inline.

The figures come from ``shared/domain-brief.md`` and its addendum (the
addendum wins where they differ).

Examples:

>>> four_times_lpr(date(2025, 6, 1))
Decimal('0.1200')
>>> lpr_on(date(2024, 9, 1))
Decimal('0.0335')
>>> SOURCES["PERSONALIZED_INSTALLMENT_MAX_PERIODS"].as_of
'2026-03'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from .rule_sources import SOURCES, Source

__all__ = [
    "Source",
    "SOURCES",
    "LPR_TABLE",
    "lpr_on",
    "four_times_lpr",
    "HOTLINE",
    "HOTLINES",
    "CREDIT_REPORT_CODES",
]


# --------------------------------------------------------------------------
# Instalment plans
# --------------------------------------------------------------------------

#: 个性化分期还款协议: at most 5 years = 60 monthly periods.
PERSONALIZED_INSTALLMENT_MAX_PERIODS = 60

#: Credit-card instalments (分期) may not exceed 5 years either.
CARD_INSTALLMENT_MAX_PERIODS = 60

#: A typical card-instalment monthly fee rate, used only as the default
#: proposal in the ``options`` calculator (brief §2.4 examples D1/D2).
TYPICAL_CARD_INSTALLMENT_FEE_RATE = Decimal("0.006")

# --------------------------------------------------------------------------
# Day count and penalty interest
# --------------------------------------------------------------------------

#: Daily rate = annual rate / 360; monthly rate = annual rate / 12.
DAYS_PER_YEAR = 360

#: Months per year for monthly rates and the APR annualisation.
MONTHS_PER_YEAR = 12

#: Days in an interest month: 银发〔2005〕129号, 月利率 = 日利率 x 30. ``options``
#: costs "stay overdue" for a plan's months as months x 30 days.
DAYS_PER_MONTH = 30

#: The conversion used in the 2021 reporting of card rates (0.05%/day x 365 = 18.25%).
CARD_DAYS_PER_YEAR_REPORTED = 365

#: Overdue penalty rate = contract rate x (1 + markup), markup 30% to 50%.
PENALTY_MARKUP_MIN = Decimal("0.3")
PENALTY_MARKUP_MAX = Decimal("0.5")
#: Loans used for purposes other than agreed: markup 50% to 100%.
MISUSE_MARKUP_MIN = Decimal("0.5")
MISUSE_MARKUP_MAX = Decimal("1.0")

#: Typical credit-card 违约金: 5% of the unpaid part of the minimum payment.
CARD_LATE_FEE_RATIO_TYPICAL = Decimal("0.05")

# Credit-card overdue cost (the ``card`` calculator, calc/card.py).
#: 透支利率 as many cards still quote it: 0.05% a day (the 2017-2020 ceiling).
CARD_DAILY_RATE_TYPICAL = Decimal("0.0005")
#: 违约金, annual fees and cash-advance fees bear no interest (银发〔2016〕111号).
CARD_LATE_FEE_BEARS_INTEREST = False
#: Typical 最低还款额: 10% of the spending balance, plus 100% of interest, fees
#: and the unpaid minimum of earlier bills.
CARD_MIN_PAYMENT_RATIO_TYPICAL = Decimal("0.10")
#: Days from the statement date to the due date when the reader leaves it blank.
CARD_STATEMENT_TO_DUE_DAYS_DEFAULT = 20
#: A billing cycle (statement to statement), in days, when left blank.
CARD_CYCLE_DAYS_DEFAULT = 30
#: Cycles the card calculator projects when left blank, and at most.
CARD_CYCLES_DEFAULT = 6
MAX_CARD_CYCLES = 60
#: Longest billing cycle: a calendar month.
MAX_CARD_CYCLE_DAYS = 31
#: Highest 违约金 ratio the calculator takes (a typo check).
MAX_CARD_LATE_FEE_RATIO = Decimal("1")

# --------------------------------------------------------------------------
# Rate lines
# --------------------------------------------------------------------------

#: 4 x the one-year LPR at contract time: the private-lending protection line.
PRIVATE_LENDING_LPR_MULTIPLE = 4

#: First date the LPR-based line can be looked up (first reformed LPR fixing).
LPR_FIRST_DATE = date(2019, 8, 20)

#: Date the LPR table below was last checked.
LPR_AS_OF = date(2026, 3, 20)

#: One-year LPR, (effective from, rate as a fraction).
LPR_TABLE: tuple[tuple[date, Decimal], ...] = (
    (date(2019, 8, 20), Decimal("0.0425")),
    (date(2019, 9, 20), Decimal("0.0420")),
    (date(2019, 11, 20), Decimal("0.0415")),
    (date(2020, 2, 20), Decimal("0.0405")),
    (date(2020, 4, 20), Decimal("0.0385")),
    (date(2021, 12, 20), Decimal("0.0380")),
    (date(2022, 1, 20), Decimal("0.0370")),
    (date(2022, 8, 22), Decimal("0.0365")),
    (date(2023, 6, 20), Decimal("0.0355")),
    (date(2023, 8, 21), Decimal("0.0345")),
    (date(2024, 7, 22), Decimal("0.0335")),
    (date(2024, 10, 21), Decimal("0.0310")),
    (date(2025, 5, 20), Decimal("0.0300")),
)

#: The private-lending line for a contract signed now: 4 x the latest one-year LPR
#: (pages print it with [[rule:PRIVATE_LENDING_LINE_LATEST]]).
PRIVATE_LENDING_LINE_LATEST = LPR_TABLE[-1][1] * PRIVATE_LENDING_LPR_MULTIPLE

#: Financial-loan charges (interest + penalty + 违约金 + fees) a court may cut
#: back to: 24% a year (法发〔2017〕22号 item 2).
FINANCIAL_LOAN_COURT_LINE = Decimal("0.24")

#: The 2017 cash-loan notice's comprehensive-cost ceiling (then 36%).
CASH_LOAN_COST_LINE_2017 = Decimal("0.36")

# --------------------------------------------------------------------------
# APR disclosure (PBoC 公告〔2021〕第3号)
# --------------------------------------------------------------------------

#: Name of the disclosure method: IRR over the money actually received.
APR_DISCLOSURE_METHOD = "irr"
#: Periods per year for monthly cash flows.
APR_PERIODS_PER_YEAR = 12

# --------------------------------------------------------------------------
# Credit cards: grace, criminal 恶意透支 test
# --------------------------------------------------------------------------

#: Industry convention (容时): at least 3 days' grace after the due date.
CARD_GRACE_DAYS = 3
#: Industry convention (容差): unpaid amount tolerated, at least RMB 10.
CARD_GRACE_AMOUNT = Decimal("10")

#: 恶意透支: "large" amount starts at RMB 50,000 of unpaid principal.
MALICIOUS_OVERDRAFT_MIN_PRINCIPAL = Decimal("50000")
#: Number of effective demands (有效催收) required.
MALICIOUS_OVERDRAFT_DEMANDS = 2
#: The demands must be at least 30 days apart.
MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS = 30
#: Still unpaid more than 3 months after the second demand.
MALICIOUS_OVERDRAFT_MONTHS_AFTER_DEMAND = 3

# --------------------------------------------------------------------------
# Overdue stages and credit reporting
# --------------------------------------------------------------------------

#: Each credit-report overdue code covers 30 days (code 1 = 1-30 days ...).
CREDIT_REPORT_DAYS_PER_CODE = 30
#: Highest numeric code; 7 = more than 180 days.
CREDIT_REPORT_MAX_CODE = 7

#: Credit-report payment-status codes (二代征信). Numeric codes map to day ranges.
CREDIT_REPORT_CODES: dict[str, tuple[int, int] | None] = {
    "N": (0, 0),
    "1": (1, 30),
    "2": (31, 60),
    "3": (61, 90),
    "4": (91, 120),
    "5": (121, 150),
    "6": (151, 180),
    "7": (181, None),  # type: ignore[dict-item]
    "B": None,
    "C": None,
    "D": None,
    "G": None,
    "*": None,
    "#": None,
}

#: Phases the guide uses: (name, first day, last day or None).
OVERDUE_PHASES: tuple[tuple[str, int, int | None], ...] = (
    ("none", 0, 0),
    ("early", 1, 7),
    ("middle", 8, 30),
    ("late", 31, 90),
    ("severe", 91, None),
)

#: Loans more than 90 days overdue are at least 次级 (non-performing).
NON_PERFORMING_DAYS = 90

#: Negative credit information is kept 5 years after the conduct ends.
CREDIT_RECORD_RETENTION_YEARS = 5

#: The limitation period (诉讼时效) for a debt claim: 3 years (民法典 Art. 188). It
#: restarts when the debtor agrees to pay (Art. 195); once it has run out, a debtor
#: who agrees to pay can no longer plead it (Art. 192).
LIMITATION_PERIOD_YEARS = 3

#: 征信异议: the credit bureau or the reporting institution checks and replies in
#: writing within 20 days (《征信业管理条例》 Art. 25).
CREDIT_OBJECTION_REPLY_DAYS = 20
#: 征信投诉: the local PBoC branch replies in writing within 30 days of accepting
#: the complaint (same regulation, Art. 26).
CREDIT_COMPLAINT_REPLY_DAYS = 30

#: 答辩期: in ordinary procedure the defendant may answer within 15 days of receiving
#: the complaint (民事诉讼法, Art. 128 of the 2021 text); simplified and small-claims
#: cases may set shorter periods, so the papers' own dates win.
COURT_ANSWER_DAYS = 15

# The personal action plan (calc/plan.py). Project choices, not law; each says why.
#: A credit card counts as "near" the 恶意透支 amount from this share of it (80%:
#: 40,000 of 50,000). The reader types a balance from memory or an old bill, and
#: the test counts principal, which the reader rarely knows exactly; within 20% of
#: the line the plan treats the card as at it, so nobody close is told they are safe.
PLAN_CARD_NEAR_RATIO = Decimal("0.8")
#: ... and "long overdue" from this many days: by then the two effective demands,
#: at least 30 days apart, can both have been made, so the 3-month clock can run.
PLAN_CARD_LONG_OVERDUE_DAYS = MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS
#: An offer below this share of the debt's minimum is a token payment (象征性还款).
PLAN_TOKEN_RATIO = Decimal("0.1")
#: The plan's first look back and its regular review, in days from today.
PLAN_FIRST_REVIEW_DAYS = 30
PLAN_REVIEW_DAYS = 90
#: "This week": the plan's steps to take within this many days.
PLAN_WEEK_DAYS = 7

# --------------------------------------------------------------------------
# Collection conduct (GB/T 45251-2025)
# --------------------------------------------------------------------------

COLLECTION_QUIET_START = time(22, 0)
COLLECTION_QUIET_END = time(8, 0)
COLLECTION_MAX_CALLS_PER_DAY = 3

# --------------------------------------------------------------------------
# Hotlines
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Hotline:
    """A phone line; its name and use in both scripts live in the catalogue
    under ``hotline.<number>``."""

    number: str
    source: str
    as_of: str


#: Each line by what it is for, so a page or template names the line it means
#: (``rules.HOTLINE["mental_health"].number``, ``[[rule:HOTLINE["police"].number]]``)
#: instead of its place in a list.
HOTLINE: dict[str, Hotline] = {
    "complaints": Hotline(
        "12378", "NFRA banking and insurance consumer complaints (domain brief §1.12)", "2026-03"
    ),
    "police": Hotline("110", "Police (domain brief §1.12)", "2026-03"),
    "anti_fraud": Hotline("96110", "Anti-fraud warning line (domain brief §1.12, weak source)", "2026-03"),
    "mental_health": Hotline(
        "12356", "National mental-health line, NHC 2024-12-25 (domain brief §1.12)", "2026-03"
    ),
    "legal_aid": Hotline("12348", "Public legal services hotline, MoJ (addendum §3)", "2026-03"),
    "consumer": Hotline("12315", "SAMR consumer complaints (domain brief §1.12)", "2026-03"),
    "credit_center": Hotline(
        "400-810-8866", "PBoC Credit Reference Center (addendum §4, pbccrc.org.cn Nov 2024)", "2026-03"
    ),
    "court": Hotline(
        "12368",
        "People's courts' litigation service line, to check a case or a court paper "
        "(guide help page; not in the domain brief)",
        "2026-12",
    ),
}

#: Every line, in the order the help page lists them.
HOTLINES: tuple[Hotline, ...] = tuple(HOTLINE.values())

# --------------------------------------------------------------------------
# Input limits. Not law: sanity bounds so a typo is caught, not computed.
# --------------------------------------------------------------------------

MAX_AMOUNT = Decimal("1e11")
MAX_ANNUAL_RATE = Decimal("10")  # 1000% a year
MAX_SCHEDULE_MONTHS = 360
MAX_PAYOFF_MONTHS = 600
MAX_DAYS = 36500
#: Default share of the monthly surplus kept back (DESIGN: buffer_ratio=0.1).
DEFAULT_BUFFER_RATIO = Decimal("0.1")
MAX_DEBTS = 50
MAX_BUDGET_ROWS = 100
MAX_TEXT_LENGTH = 500
MAX_MONTHLY_FEE_RATE = Decimal("0.1")  # 10% a month
MAX_BUFFER_RATIO = Decimal("0.99")
MAX_FIELD_LENGTH = 100


def lpr_on(day: date) -> Decimal:
    """The one-year LPR in force on ``day`` (a fraction).

    A fixing is valid from its effective date until the next one. Dates before
    the first reformed fixing (2019-08-20) have no LPR and raise ``InputError``.

    >>> lpr_on(date(2025, 5, 20))
    Decimal('0.0300')
    >>> lpr_on(date(2025, 5, 19))
    Decimal('0.0310')
    """
    from .errors import InputError

    if not isinstance(day, date):
        raise InputError("contract_date", "date_invalid")
    if day < LPR_FIRST_DATE:
        raise InputError("contract_date", "lpr_before_table")
    rate = LPR_TABLE[0][1]
    for effective, value in LPR_TABLE:
        if effective <= day:
            rate = value
        else:
            break
    return rate


def four_times_lpr(contract_date: date) -> Decimal:
    """The private-lending protection line: 4 x the one-year LPR in force on
    the contract date (worked example H).

    >>> four_times_lpr(date(2023, 1, 1))
    Decimal('0.1460')
    """
    return lpr_on(contract_date) * PRIVATE_LENDING_LPR_MULTIPLE


def lpr_is_checked(day: date) -> bool:
    """Whether ``day`` falls within the period the LPR table was checked for.

    >>> lpr_is_checked(date(2026, 1, 1)), lpr_is_checked(date(2027, 1, 1))
    (True, False)
    """
    return day <= LPR_AS_OF
