"""Every legal or market figure the calculators use, in one place.

Each constant is a plain value. ``SOURCES`` maps the constant's name to a
:class:`Source` giving where the figure comes from and the date it was last
checked ("as of"). A rule change is a one-line edit here plus the test that
pins it; no other module writes a rule figure inline.

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


@dataclass(frozen=True)
class Source:
    """Where a figure comes from and when it was last checked."""

    cite: str
    as_of: str
    note: str = ""


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

_BRIEF = "shared/domain-brief.md"
_ADD = "shared/domain-brief-addendum.md"
_LIMIT = Source("Project input limit, not law", "2026-03", "catches typos; change freely")

SOURCES: dict[str, Source] = {
    "PERSONALIZED_INSTALLMENT_MAX_PERIODS": Source(
        "《商业银行信用卡业务监督管理办法》(银监会令2011年第2号) 第七十条: 个性化分期最长5年",
        "2026-03",
        f"{_BRIEF} §1.1; {_ADD} §2",
    ),
    "CARD_INSTALLMENT_MAX_PERIODS": Source(
        "《关于进一步促进信用卡业务规范健康发展的通知》(银保监规〔2022〕13号, 2022-07-07): 分期期限不超过5年",
        "2026-03",
        f"{_BRIEF} §1.2; {_ADD} §2",
    ),
    "TYPICAL_CARD_INSTALLMENT_FEE_RATE": Source(
        "Illustrative card-instalment fee 0.6%/month (worked examples D1, D2)", "2026-03", f"{_BRIEF} §3"
    ),
    "DAYS_PER_YEAR": Source(
        "中国人民银行《关于人民币存贷款计结息问题的通知》(银发〔2005〕129号): 日利率=年利率÷360",
        "2026-03",
        f"{_ADD} §6; the notice also allows actual days",
    ),
    "MONTHS_PER_YEAR": Source("银发〔2005〕129号: 月利率=年利率÷12", "2026-03", f"{_ADD} §6"),
    "CARD_DAYS_PER_YEAR_REPORTED": Source(
        "Xinhua reporting of 银发〔2020〕327号 (2021-01-11): 0.05%/day x 365 = 18.25%",
        "2026-03",
        f"{_BRIEF} §1.3",
    ),
    "PENALTY_MARKUP_MIN": Source(
        "中国人民银行《关于人民币贷款利率有关问题的通知》(银发〔2003〕251号): "
        "逾期罚息在合同利率上加收30%-50%",
        "2026-03",
        f"{_ADD} §5",
    ),
    "PENALTY_MARKUP_MAX": Source("银发〔2003〕251号: 逾期加收上限50%", "2026-03", f"{_ADD} §5"),
    "MISUSE_MARKUP_MIN": Source("银发〔2003〕251号: 挪用加收50%-100%", "2026-03", f"{_ADD} §5"),
    "MISUSE_MARKUP_MAX": Source("银发〔2003〕251号: 挪用加收50%-100%", "2026-03", f"{_ADD} §5"),
    "CARD_LATE_FEE_RATIO_TYPICAL": Source(
        "Bank fee pages (CMB, BOC): 违约金 = 最低还款额未还部分的5%; "
        "银发〔2016〕111号 leaves it to the contract",
        "2026-03",
        f"{_BRIEF} §1.3",
    ),
    "CARD_DAILY_RATE_TYPICAL": Source(
        "中国人民银行《关于信用卡业务有关事项的通知》(银发〔2016〕111号, 2017-01-01施行): "
        "透支利率上限日0.05%; "
        "上下限自2021-01-01起取消(银发〔2020〕327号), 由协议约定, 但不少发卡机构仍按日0.05%计息",
        "2026-03",
        f"{_BRIEF} §1.3; {_ADD} §2",
    ),
    "CARD_LATE_FEE_BEARS_INTEREST": Source(
        "银发〔2016〕111号: 发卡机构不得对违约金、年费、取现手续费、货币兑换费等服务费用计收利息",
        "2026-03",
        f"{_ADD} §2 (REPORTED: HKTDC and full-text translations)",
    ),
    "CARD_MIN_PAYMENT_RATIO_TYPICAL": Source(
        "CMB/BOC customer service: 最低还款额 = 消费款×10% + 分期、费用和利息×100% "
        "+ 前期最低还款额未还部分×100% (bank-defined; some use 5%)",
        "2026-03",
        f"{_BRIEF} §1.3",
    ),
    "CARD_STATEMENT_TO_DUE_DAYS_DEFAULT": Source(
        "Project default, not law: a common gap from 账单日 to 到期还款日; "
        "the reader's own bill shows both dates",
        "2026-03",
    ),
    "CARD_CYCLE_DAYS_DEFAULT": Source(
        "Project default, not law: a billing cycle of about a month", "2026-03"
    ),
    "CARD_CYCLES_DEFAULT": Source("Project default, not law: six months ahead", "2026-03"),
    "MAX_CARD_CYCLES": _LIMIT,
    "MAX_CARD_CYCLE_DAYS": _LIMIT,
    "MAX_CARD_LATE_FEE_RATIO": _LIMIT,
    "PRIVATE_LENDING_LPR_MULTIPLE": Source(
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》(2020) 第二十五条: "
        "合同成立时一年期LPR的4倍",
        "2026-03",
        f"{_BRIEF} §1.6; reference line only for licensed lenders",
    ),
    "LPR_FIRST_DATE": Source(
        "全国银行间同业拆借中心 LPR 改革后首次报价 2019-08-20", "2026-03", f"{_BRIEF} §1.7"
    ),
    "LPR_AS_OF": Source(
        "1Y LPR 3.00% since 2025-05-20, unchanged through the March 2026 fixing", "2026-03", f"{_ADD} §7"
    ),
    "LPR_TABLE": Source("全国银行间同业拆借中心 LPR announcements", "2026-03", f"{_BRIEF} §1.7; {_ADD} §7"),
    "PRIVATE_LENDING_LINE_LATEST": Source(
        "4 x LPR_TABLE's latest one-year LPR (民间借贷规定第二十五条)", "2026-03", f"{_BRIEF} §1.7; {_ADD} §7"
    ),
    "FINANCIAL_LOAN_COURT_LINE": Source(
        "《最高人民法院关于进一步加强金融审判工作的若干意见》(法发〔2017〕22号) 第2条: "
        "总计超过年利率24%的部分可请求调减",
        "2026-03",
        f"{_ADD} §1",
    ),
    "CASH_LOAN_COST_LINE_2017": Source(
        '《关于规范整顿"现金贷"业务的通知》(2017-12-01): 综合资金成本不超过民间借贷上限(当时36%)',
        "2026-03",
        f"{_ADD} §5",
    ),
    "APR_DISCLOSURE_METHOD": Source(
        "中国人民银行公告〔2021〕第3号: 年化利率=借款成本÷实际占用本金, 复利口径即内部收益率(IRR)法",
        "2026-03",
        f"{_BRIEF} §1.4",
    ),
    "APR_PERIODS_PER_YEAR": Source(
        "中国人民银行公告〔2021〕第3号 worked example (monthly IRR x 12)", "2026-03", f"{_BRIEF} §1.4"
    ),
    "CARD_GRACE_DAYS": Source(
        "中国银行业协会《中国银行卡行业自律公约》(2013) 第十四条 容时: 至少3天 "
        "(industry convention, not law)",
        "2026-03",
        f"{_ADD} §9",
    ),
    "CARD_GRACE_AMOUNT": Source(
        "《中国银行卡行业自律公约》(2013) 第十四条 容差: 不低于10元", "2026-03", f"{_ADD} §9"
    ),
    "MALICIOUS_OVERDRAFT_MIN_PRINCIPAL": Source(
        "两高《关于修改〈关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释〉的决定》"
        "(2018-11-28公布, 2018-12-01施行): 数额较大为5万元以上",
        "2026-03",
        f"{_BRIEF} §1.10",
    ),
    "MALICIOUS_OVERDRAFT_DEMANDS": Source("同上: 经发卡银行两次有效催收", "2026-03", f"{_BRIEF} §1.10"),
    "MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS": Source("同上: 两次催收至少间隔30日", "2026-03", f"{_BRIEF} §1.10"),
    "MALICIOUS_OVERDRAFT_MONTHS_AFTER_DEMAND": Source(
        "同上: 超过3个月仍不归还", "2026-03", f"{_BRIEF} §1.10"
    ),
    "CREDIT_REPORT_DAYS_PER_CODE": Source("二代征信还款状态码 1-7 (每档30天)", "2026-03", f"{_BRIEF} §1.5"),
    "CREDIT_REPORT_MAX_CODE": Source("二代征信还款状态码 7 = 逾期180天以上", "2026-03", f"{_BRIEF} §1.5"),
    "CREDIT_REPORT_CODES": Source(
        "二代征信还款状态码表 (D and G meanings unverified)", "2026-03", f"{_BRIEF} §1.5"
    ),
    "OVERDUE_PHASES": Source(
        "The guide's own phases (early 1-7, middle 8-30, late 31-90, severe >90)", "2026-03", "DESIGN.md"
    ),
    "NON_PERFORMING_DAYS": Source(
        "《商业银行金融资产风险分类办法》(2023-07-01施行): 逾期超过90天至少归为次级",
        "2026-03",
        f"{_BRIEF} §4",
    ),
    "CREDIT_RECORD_RETENTION_YEARS": Source(
        "《征信业管理条例》(国务院令第631号) 第十六条: 不良信息自不良行为终止之日起保存5年",
        "2026-03",
        f"{_BRIEF} §1.5",
    ),
    "COLLECTION_QUIET_START": Source(
        "GB/T 45251-2025《互联网金融 个人网络消费信贷 贷后催收风控指引》(2025-02-28): 22:00-08:00 不得催收",
        "2026-03",
        f"{_BRIEF} §1.11",
    ),
    "COLLECTION_QUIET_END": Source("GB/T 45251-2025: 22:00-08:00 不得催收", "2026-03", f"{_BRIEF} §1.11"),
    "COLLECTION_MAX_CALLS_PER_DAY": Source(
        "GB/T 45251-2025: 每个债务人每日有效语音呼叫不超过3次", "2026-03", f"{_BRIEF} §1.11"
    ),
    "HOTLINE": Source("Hotline table, by use", "2026-03", f"{_BRIEF} §1.12; {_ADD} §3, §4"),
    "HOTLINES": Source("Hotline table", "2026-03", f"{_BRIEF} §1.12; {_ADD} §3, §4"),
    "MAX_AMOUNT": _LIMIT,
    "MAX_ANNUAL_RATE": _LIMIT,
    "MAX_SCHEDULE_MONTHS": _LIMIT,
    "MAX_PAYOFF_MONTHS": _LIMIT,
    "MAX_DAYS": _LIMIT,
    "MAX_DEBTS": _LIMIT,
    "MAX_BUDGET_ROWS": _LIMIT,
    "MAX_TEXT_LENGTH": _LIMIT,
    "MAX_FIELD_LENGTH": _LIMIT,
    "MAX_MONTHLY_FEE_RATE": _LIMIT,
    "MAX_BUFFER_RATIO": _LIMIT,
    "DEFAULT_BUFFER_RATIO": Source(
        "Project default, not law: keep 10% of the surplus for surprises", "2026-03"
    ),
}


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
