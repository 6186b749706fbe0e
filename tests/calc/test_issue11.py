"""Issue 11, outside the card calculator: each rule with the vector it was found by.

Figures: the domain brief's vectors (E3, F, G) and the issue's own examples.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from calc import rules
from calc.api import EXAMPLES, run
from calc.options import compare_options
from calc.parse import QuotedRate, daily_rate, parse_amount, parse_rate
from calc.rates import penalty_interest
from calc.schedule import amortize, payoff, smallest_payment


def ok(name, params, lang="zh"):
    r = run(name, params, lang)
    assert r["ok"], r
    return r["result"]


def error(name, params, lang="zh"):
    r = run(name, params, lang)
    assert not r["ok"], r
    assert all(e["code"] != "internal_error" for e in r["errors"]), r
    return r["errors"][0]


class TestExactDailyRates:
    @pytest.mark.parametrize("text", ["日息0.05%", "日利率0.05%", "日息万分之五", "日息萬分之五", "0.05%/天"])
    def test_a_daily_rate_is_daily(self, text):
        rate = parse_rate(text)
        assert isinstance(rate, QuotedRate) and isinstance(rate, D)
        assert (rate.period, rate.per_period) == ("day", D("0.0005"))

    def test_annual_form_is_daily_times_365(self):
        # issue 11 (and brief §2.6): 0.05 % a day -> 18.25 % a year; DESIGN's x 360 is overridden
        assert parse_rate("日息0.05%") == D("0.1825")

    @pytest.mark.parametrize("day_count", ["360", "365"])
    def test_thirty_days_on_10000_is_150_whatever_day_count(self, day_count):
        # brief vector F's interest, through the penalty calculator with no markup
        params = {"principal": "10000", "days": "30", "annual_rate": "日息0.05%", "markup": "0"}
        result = ok("penalty", dict(params, day_count=day_count))
        assert result["penalty"] == "150.00" and result["daily_typed"] is True

    def test_day_count_applies_to_annual_rates_only(self):
        assert penalty_interest(10000, 30, "18.25%", markup=0, day_count=365) == D("150.00")
        assert penalty_interest(10000, 30, "18.25%", markup=0, day_count=360) == D("152.08")
        assert daily_rate(D("0.18"), 360) == D("0.0005")

    def test_brief_vector_e3_from_the_daily_rate(self):
        # E3: 30,000 at 3,000 a month at 0.05 %/day x 365 -> 11 payments, the last 2,790.92
        result = ok("payoff", {"principal": "30000", "monthly_payment": "3000", "annual_rate": "日息0.05%"})
        assert (result["months"], result["last_payment"]) == ("11", "2790.92")
        p = payoff(30000, 3000, parse_rate("日息万分之五"))
        assert (p.months, p.last_payment, p.total_interest) == (11, D("2790.92"), D("2790.92"))

    @pytest.mark.parametrize(
        "text, monthly",
        [
            ("月息1分", "0.01"),
            ("月息8厘", "0.008"),
            ("月息1.5分", "0.015"),
            ("月息一分", "0.01"),
            ("月息8釐", "0.008"),
        ],
    )
    def test_colloquial_monthly_rates(self, text, monthly):
        rate = parse_rate(text)
        assert rate.period == "month" and rate.per_period == D(monthly)
        assert rate == D(monthly) * 12


class TestAmounts:
    @pytest.mark.parametrize(
        "text, value",
        [("3萬", "30000"), ("4.8萬元", "48000"), ("3仟", "3000"), ("5佰元", "500"), ("1.2千", "1200")],
    )
    def test_traditional_multipliers(self, text, value):
        assert parse_amount(text) == D(value)

    @pytest.mark.parametrize(
        "name, field, key",
        [
            ("penalty", "principal", "total"),
            ("options", "principal", "owed"),
            ("budget", "income", "total_income"),
            ("payoff", "principal", "principal"),
            ("apr", "received", "net_received"),
        ],
    )
    def test_hant_amount_fields_take_wan(self, name, field, key):
        params = dict(
            EXAMPLES[name], **{field: ["3萬"] if isinstance(EXAMPLES[name][field], list) else "3萬"}
        )
        with_wan = ok(name, params, "zh-Hant")[key]
        params[field] = ["30000"] if isinstance(params[field], list) else "30000"
        assert with_wan == ok(name, params, "zh-Hant")[key]


class TestLanguage:
    @pytest.mark.parametrize("lang", ["zh-Hant-TW", "zh-Hant-HK", "zh-TW", "ZH-TW", "zh_hant_tw", "zh-hk"])
    def test_regional_tags_are_traditional(self, lang):
        assert error("penalty", {"principal": "x"}, lang)["message"].startswith("請輸入")

    @pytest.mark.parametrize("lang", ["zh", "zh-CN", "zh-Hans-TW", "en", None, 5])
    def test_others_are_simplified(self, lang):
        assert error("penalty", {"principal": "x"}, lang)["message"].startswith("请输入")


class TestOptions:
    def test_shipped_example_has_no_negative_saving(self):
        # issue 11: extension showed -4,316.73 and instalments -2,583.00 against 90 days
        result = ok("options", EXAMPLES["options"])
        for o in result["options"]:
            assert D(o["saving"]) >= 0, o
            assert D(o["saving"]) == D(o["stay_cost"]) - D(o["total_paid"])
        extension = next(o for o in result["options"] if o["key"] == "extension")
        assert extension["compared_months"] == EXAMPLES["options"]["extension_months"]

    def test_saving_is_over_the_plans_own_term(self):
        r = compare_options(30000, 2000, D("0.18"), interest_owed=1200, penalty_owed=800, extension_months=12)
        extension = r.options[1]
        # 32,000 owed + 罚息 on 30,000 at 18% x 1.5 for 12 x 30 days = 8,100
        assert extension.stay_cost == D("40100.00") and extension.compared_months == 12
        lump = r.options[4]
        assert lump.compared_months == 1 and lump.stay_cost == D("32675.00")

    def test_the_page_says_what_money_cannot_show(self):
        note = ok("options", EXAMPLES["options"])["stay_note"]
        assert "征信" in note and "催收" in note and "起诉" in note

    def test_personalized_rate_is_asked_for_not_given(self):
        r = compare_options(30000, 2000, D("0.18"))
        assert r.personalized_rate == D("0.18") and not r.personalized_rate_given
        assert r.personalized_alternative.reason_params["rate"] == 0
        result = ok("options", EXAMPLES["options"])
        assert result["personalized_rate"] == "0.1800" and "0%" in result["personalized_note"]
        zero = ok("options", dict(EXAMPLES["options"], personalized_rate="0"))
        assert "要机构同意" in zero["personalized_note"]

    def test_interest_free_is_not_always_best(self):
        # with 0% no longer a given, a cheaper plan that fits wins
        r = compare_options(30000, 2000, D("0.18"), interest_owed=1200, penalty_owed=800)
        assert r.best.key == "installment"

    def test_a_card_stays_overdue_by_the_card_model(self):
        from calc.card import card_cost

        params = dict(EXAMPLES["options"], kind="credit_card", annual_rate="日息0.05%")
        result = ok("options", params)
        stay = result["options"][0]
        expected = card_cost(balance=D("32000"), daily_rate=D("0.0005"), cycles=3).total_owed
        assert stay["total_paid"] == f"{expected}" and result["kind"] == "credit_card"
        assert "违约金" in stay["reason"]
        plain = ok("options", dict(params, kind="bank_loan"))
        assert plain["options"][0]["total_paid"] != stay["total_paid"]

    @pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
    def test_a_card_also_shows_the_court_line_over_the_longest_plan(self, lang):
        # Found by the issue-11 audit: left 60 cycles, the card model grows 32,000 to
        # 703,361.82 (违约金 on the whole balance each cycle), so 个性化分期 showed a saving of
        # 654,606.38. The result also prices that term at the courts' 24% line:
        # 32,000 + 30,000 x 24% x 1,800 / 365 = 67,506.85, a saving of 67,506.85 - 48,755.44.
        from calc.options import court_line_cost

        result = ok("options", dict(EXAMPLES["options"], kind="credit_card"), lang)
        plan = next(o for o in result["options"] if o["key"] == "personalized")
        assert court_line_cost(D("32000"), D("30000"), 60) == D("67506.85")
        assert result["court_line"] == {
            "key": "personalized", "months": "60", "card": plan["stay_cost"],
            "line": "67506.85", "saving": f"{D('67506.85') - D(plan['total_paid'])}"}
        assert plan["stay_cost"] == "703361.82" and plan["saving"] == "654606.38"  # the table: card model
        note = result["stay_note"]
        assert "703,361.82" in note and "67,506.85" in note and "18,751.41" in note
        assert ("法发〔2017〕22号" if lang == "zh" else "法發〔2017〕22號") in note
        # a plan dearer than the line says so, never as a negative saving
        dear = ok("options", dict(EXAMPLES["options"], kind="credit_card", personalized_rate="36"), lang)
        assert D(dear["court_line"]["saving"]) < 0
        assert ("反而比不处理多付" if lang == "zh" else "反而比不處理多付") in dear["stay_note"]
        assert "-" not in dear["stay_note"].split("24.00%")[1]
        # other debts: no card model, no court-line note
        assert ok("options", EXAMPLES["options"], lang)["court_line"] is None


class TestAlsoWrongToday:
    def test_penalty_over_24(self):
        # brief vector G at +50%: 12% x 1.5 = 18% (below); 18% x 1.5 = 27% (above)
        below = ok("penalty", EXAMPLES["penalty"])
        assert below["penalty"] == "150.00" and below["over_24"] is False
        above = ok("penalty", dict(EXAMPLES["penalty"], annual_rate="18"))
        assert above["over_24"] is True and "24%" in above["over_24_note"]
        assert (
            ok("penalty", dict(EXAMPLES["penalty"], annual_rate="16"))["over_24"] is False
        )  # 24% is not above

    def test_36_is_the_historical_2017_line(self):
        lines = ok("apr", EXAMPLES["apr"])["lines"]
        cash = next(line for line in lines if line["code"] == "cash36")
        assert "2017" in cash["label"] and "历史" in cash["label"]

    def test_apr_one_zero_too_many_is_a_clear_answer(self):
        e = error("apr", {"received": "1000", "payment": "31000", "periods": "12"})
        assert (e["field"], e["code"]) == ("payment", "apr_too_high") and "372" in e["message"]

    def test_debts_714_loan_left_to_grow(self):
        params = {
            "lender": ["高炮", "银行"],
            "kind": ["online_loan", "bank_loan"],
            "balance": ["10000", "5000"],
            "annual_rate": ["200", "10"],
            "min_payment": ["10", "10"],
            "capacity": "2000",
        }
        result = ok("debts", params)
        assert result["snowball"]["finished"] is False
        loan = result["debts"][0]
        assert loan["above_line"] is True and loan["line_rate"] == "0.2400" and loan["line_times"] == "8.3"
        assert "176.00 个百分点" in loan["line_text"]

    @pytest.mark.parametrize(
        "name, params, field",
        [
            ("schedule", {"principal": "10000", "months": "12", "start": "9999-12-01"}, "start"),
            ("stage", {"due_date": "9999-12-31", "today": "9999-12-31"}, "due_date"),
            ("stage", {"due_date": "9999-06-01", "today": "2026-01-01"}, "due_date"),
            # the plan dates its steps up to PLAN_REVIEW_DAYS after today: found by the long fuzz
            ("plan", dict(EXAMPLES["plan"], today="9999-12-01"), "today"),
            ("plan", dict(EXAMPLES["plan"], today="9999-12-31"), "today"),
        ],
    )
    def test_dates_near_the_end_of_the_calendar(self, name, params, field):
        e = error(name, params)
        assert (e["field"], e["code"]) == (field, "date_too_late")

    @pytest.mark.parametrize("lang, text", [("zh", "这个日期太早了"), ("zh-Hant", "這個日期太早了")])
    def test_a_due_date_a_century_back_says_check_the_year(self, lang, text):
        # 1926 typed for 2026: the message was "请输入 0 到 36500 之间的整数", on a date field.
        e = error("stage", {"due_date": "1926-01-01", "today": "2026-06-01"}, lang)
        assert (e["field"], e["code"]) == ("due_date", "date_too_early")
        assert text in e["message"] and "2026-03-01" in e["message"] and "36,500" in e["message"]
        edge = (date(2026, 6, 1) - date.resolution * rules.MAX_DAYS).isoformat()
        assert ok("stage", {"due_date": edge, "today": "2026-06-01"}, lang)["days"] == str(rules.MAX_DAYS)
        assert (
            error("stage", {"due_date": "1926-06-01", "today": "2026-06-01"}, lang)["code"]
            == "date_too_early"
        )

    def test_budget_labels_are_cleaned(self):
        params = {"income": ["5000"], "income_label": ["工\x00资\u202e\ud800"], "expense": ["100"]}
        assert ok("budget", params)["incomes"][0]["label"] == "工资"

    @pytest.mark.parametrize(
        "kind, principal, shown",
        [
            ("credit_card", "50000", True),
            ("credit_card", "49999", False),
            ("online_loan", "3000", False),
            ("online_loan", "80000", False),
            ("", "", False),
            ("信用卡", "6万", True),
        ],
    )
    def test_stage_dates_the_malicious_overdraft_test_only_for_a_large_card(self, kind, principal, shown):
        params = {"due_date": "2025-01-31", "today": "2025-03-17", "kind": kind, "principal": principal}
        codes = [e["code"] for e in ok("stage", params)["timeline"]]
        assert ("malicious_earliest" in codes) is shown

    def test_lpr_after_as_of_says_check_it(self):
        late = rules.LPR_AS_OF.replace(year=rules.LPR_AS_OF.year + 1).isoformat()
        result = ok("apr", dict(EXAMPLES["apr"], contract_date=late))
        assert result["lpr_checked"] is False and rules.LPR_AS_OF.isoformat() in result["lpr_note"]
        assert ok("apr", dict(EXAMPLES["apr"], contract_date="2025-06-01"))["lpr_note"] is None

    def test_letter_warns_about_the_limitation_period(self):
        warning = ok("letter", EXAMPLES["letter"])["limitation_warning"]
        assert (
            "诉讼时效" in warning and "第188条" in warning and "第192条" in warning and "第195条" in warning
        )

    def test_schedule_upfront_fee_counts_in_the_apr(self):
        # brief D2: 12,000 in 12 at 0.6% a month is 13.03%; 500 taken up front lifts it
        params = {"principal": "12000", "months": "12", "method": "installment_fee", "fee_rate": "0.6"}
        assert ok("schedule", params)["apr_simple"] == "0.1303"
        with_fee = ok("schedule", dict(params, upfront_fee="500"))
        assert with_fee["apr_simple"] == "0.2122" and with_fee["net_received"] == "11500.00"
        assert amortize(12000, 12, "installment_fee", fee_rate="0.6", upfront_fee=500).total_cost == D(
            "1364.00"
        )

    @pytest.mark.parametrize("typed", ["100", "2000.01"])
    def test_suggested_smallest_payment_typed_back_is_accepted(self, typed):
        # issue 11: "pay 2000.01" for 100,000 at 24% was itself refused by the 600-month cap
        params = {"principal": "100000", "monthly_payment": typed, "annual_rate": "24"}
        e = error("payoff", params)
        suggested = smallest_payment(D(100000), D("0.24"))
        assert suggested == D("2000.02") and f"{suggested}" in e["message"]
        result = ok("payoff", dict(params, monthly_payment=f"{suggested}"))
        assert int(result["months"]) <= rules.MAX_PAYOFF_MONTHS and result["min_payment"] == f"{suggested}"

    def test_stage_timeline_without_kind_has_no_malicious_date(self):
        from calc.stage import timeline

        assert "malicious_earliest" not in {e.code for e in timeline(date(2025, 1, 31))}
