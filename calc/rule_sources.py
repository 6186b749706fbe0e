"""Where each figure of :mod:`calc.rules` comes from, and when it was last checked.

``SOURCES[NAME]`` cites the law, notice or page behind ``calc.rules.NAME``; a test
holds that every constant there has an entry here, and every entry a constant.

>>> SOURCES["PERSONALIZED_INSTALLMENT_MAX_PERIODS"].as_of
'2026-03'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SOURCES", "Source"]


@dataclass(frozen=True)
class Source:
    """Where a figure comes from and when it was last checked."""

    cite: str
    as_of: str
    note: str = ""


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
    "DAYS_PER_MONTH": Source("银发〔2005〕129号: 月利率=日利率×30", "2026-03", f"{_ADD} §6"),
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
    "LIMITATION_PERIOD_YEARS": Source(
        "《民法典》第一百八十八条（诉讼时效3年）、第一百九十二条（届满后同意履行不得抗辩）、"
        "第一百九十五条（义务人同意履行的，诉讼时效中断）",
        "2026-03",
        f"{_BRIEF} §1.6 (Art. 188; bank collection also interrupts it); Arts. 192, 195 from the Code's text",
    ),
    "CREDIT_RECORD_RETENTION_YEARS": Source(
        "《征信业管理条例》(国务院令第631号) 第十六条: 不良信息自不良行为终止之日起保存5年",
        "2026-03",
        f"{_BRIEF} §1.5",
    ),
    "CREDIT_OBJECTION_REPLY_DAYS": Source(
        "《征信业管理条例》(国务院令第631号) 第二十五条: 异议应当在收到之日起20日内核查并书面答复",
        "2026-12",
        f"{_BRIEF} §1.5 (V1, LawRefBook/Laws)",
    ),
    "CREDIT_COMPLAINT_REPLY_DAYS": Source(
        "《征信业管理条例》第二十六条: 人民银行派出机构应当自受理投诉之日起30日内书面答复",
        "2026-12",
        f"{_BRIEF} §1.5 (V1); {_ADD} §4 (complaints go to the branch where the institution is)",
    ),
    "COURT_ANSWER_DAYS": Source(
        "《中华人民共和国民事诉讼法》(2021年修正) 第一百二十八条: "
        "被告应当在收到起诉状副本之日起十五日内提出答辩状",
        "2026-12",
        "not in the domain brief; docs/guide/legal.md footnote 13 (2023 article number not checked); "
        "simplified and small-claims procedure may be shorter: the court's papers win",
    ),
    "PLAN_CARD_NEAR_RATIO": Source(
        "Project choice, not law: 80% of MALICIOUS_OVERDRAFT_MIN_PRINCIPAL counts as near it",
        "2026-12",
        "the balance a reader types is approximate and the test counts principal (brief §1.10)",
    ),
    "PLAN_CARD_LONG_OVERDUE_DAYS": Source(
        "= MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS: two effective demands 30 days apart can have been made",
        "2026-12",
        f"{_BRIEF} §1.10",
    ),
    "PLAN_TOKEN_RATIO": Source(
        "Project choice, not law: under 10% of the minimum is a token payment", "2026-12"
    ),
    "PLAN_FIRST_REVIEW_DAYS": Source("Project default, not law: look back after a month", "2026-12"),
    "PLAN_REVIEW_DAYS": Source("Project default, not law: review the plan every three months", "2026-12"),
    "PLAN_WEEK_DAYS": Source("Project default, not law: this week = the next 7 days", "2026-12"),
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
