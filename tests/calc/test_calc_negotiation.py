"""options, debts and letter: edge cases."""

from decimal import Decimal as D

import pytest

from calc import InputError, compare_options, make_debt, make_letter, plan_debts, pro_rata
from calc.debts import parse_kind


def options_by_key(result):
    return {o.key: o for o in result.options}


class TestCompareOptions:
    """compare_options: the six choices for one debt."""

    def test_options_cover_all_six_choices_in_order(self):
        r = compare_options(30000, 2000, "18%")
        assert [o.key for o in r.options] == [
            "stay_overdue",
            "extension",
            "installment",
            "personalized",
            "waive_penalty",
            "principal_only",
        ]

    def test_options_staying_overdue_costs_penalty_for_the_horizon(self):
        r = compare_options(5000, 1000, D("0.12"), horizon_days=60)
        stay = options_by_key(r)["stay_overdue"]
        assert stay.total_paid == D("5150.00")  # example G: 150.00 over 60 days at +50%
        assert not stay.fits

    def test_options_saving_is_against_staying_overdue(self):
        # issue 11: each saving is against staying overdue for as long as that plan runs
        r = compare_options(30000, 5000, D("0.18"), interest_owed=1000, penalty_owed=500)
        o = options_by_key(r)
        for option in r.options:
            assert option.saving == option.stay_cost - option.total_paid
        assert o["principal_only"].total_paid == D("30000.00")
        assert o["waive_penalty"].total_paid == D("31000.00")

    def test_options_personalized_over_60_periods_does_not_fit_and_says_why(self):
        r = compare_options(30000, 5000, D("0.18"), personalized_months=72)
        p = options_by_key(r)["personalized"]
        assert not p.fits
        assert p.reason == "reason.over_cap"
        assert p.reason_params["maximum"] == 60

    def test_options_over_capacity_names_the_excess(self):
        r = compare_options(30000, 1000, D("0.18"), extension_months=12)
        ext = options_by_key(r)["extension"]
        assert not ext.fits and ext.reason == "reason.over_capacity"
        peak = ext.reason_params["payment"]
        assert ext.reason_params["over"] == peak - D("1000")

    def test_options_smallest_fitting_term_is_minimal(self):
        # issue 11: 0% is asked for, no longer the default, so the test asks for it
        r = compare_options(30000, 1000, D("0.18"), personalized_rate=0)
        p = options_by_key(r)["personalized"]
        assert p.smallest_fitting_months == 30  # 30000 / 30 = 1000 exactly, interest stopped
        inst = options_by_key(r)["installment"]
        # 30000/37 + 0.6% x 30000 = 810.81 + 180 fits; 833.33 + 180 at 36 does not
        assert inst.smallest_fitting_months == 37

    def test_options_no_term_fits_when_fee_alone_exceeds_capacity(self):
        r = compare_options(30000, 150, D("0.18"))
        assert options_by_key(r)["installment"].smallest_fitting_months is None

    def test_options_lump_sum_fits_with_savings_plus_capacity(self):
        r = compare_options(30000, 2000, D("0.18"), savings=28000)
        o = options_by_key(r)
        assert o["principal_only"].fits
        assert not compare_options(30000, 2000, D("0.18"), savings=27999).options[5].fits

    def test_options_zero_capacity_nothing_monthly_fits(self):
        r = compare_options(30000, 0, D("0.18"))
        assert not any(o.fits for o in r.options if not o.lump_sum)

    def test_options_tiny_debt_over_long_term_names_the_term_field(self):
        with pytest.raises(InputError) as info:
            compare_options(10, 100, D("0.18"), personalized_months=60)
        assert (info.value.field, info.value.code) == ("personalized_months", "term_too_long_for_principal")

    def test_options_tiny_debt_short_terms_work(self):
        r = compare_options(
            10, 100, D("0.18"), personalized_months=5, extension_months=5, installment_months=5
        )
        assert options_by_key(r)["personalized"].smallest_fitting_months == 1


class TestPlanDebts:
    """plan_debts and make_debt: several debts, avalanche and snowball."""

    def test_debts_avalanche_and_snowball_orders(self):
        debts = [
            make_debt("A", "credit_card", 20000, "18", 600),
            make_debt("B", "online_loan", 3000, "36", 200),
            make_debt("C", "bank_loan", 8000, "12", 300),
        ]
        plan = plan_debts(debts, 3000)
        assert plan.avalanche.order == [1, 0, 2]
        assert plan.snowball.order == [1, 2, 0]
        assert plan.avalanche.total_interest <= plan.snowball.total_interest
        assert plan.avalanche.finished and plan.avalanche.months == max(plan.avalanche.payoff_month)

    def test_debts_totals_and_weighted_rate(self):
        debts = [make_debt("A", "", 10000, "10", 0), make_debt("B", "", 30000, "20", 0)]
        plan = plan_debts(debts, 1000)
        assert plan.total_balance == D("40000")
        assert plan.weighted_rate == D("0.175")

    def test_debts_shortfall_when_minimums_exceed_capacity(self):
        debts = [make_debt("A", "", 10000, "18", 800), make_debt("B", "", 5000, "24", 500)]
        plan = plan_debts(debts, 1000)
        assert plan.shortfall == D("300.00")
        assert plan.avalanche is None and plan.snowball is None
        assert sum(plan.pro_rata) == D("1000.00")

    def test_debts_freed_minimums_roll_over(self):
        debts = [make_debt("small", "", 500, "0", 500), make_debt("big", "", 5000, "0", 500)]
        plan = plan_debts(debts, 1000)
        # month 1 clears "small" (500) and pays 500 on "big"; from month 2 all 1000 goes to "big"
        assert plan.snowball.balances[1][1:4] == [D("4500"), D("3500"), D("2500")]
        assert plan.snowball.months == 6

    def test_debts_that_never_finish_say_so(self):
        debts = [make_debt("A", "", 100000, "36", 100)]
        plan = plan_debts(debts, 1000)
        assert not plan.avalanche.finished and plan.avalanche.months is None


class TestProRata:
    """pro_rata: a split to the cent."""

    def test_pro_rata_sums_exactly_with_awkward_weights(self):
        shares = pro_rata(D("100.00"), [D(1)] * 7)
        assert sum(shares) == D("100.00")
        assert max(shares) - min(shares) == D("0.01")

    def test_pro_rata_zero_total(self):
        assert pro_rata(D(0), [D(1), D(2)]) == [D("0.00"), D("0.00")]


class TestParseKind:
    """parse_kind: debt kinds in either script."""

    @pytest.mark.parametrize(
        "word, code",
        [
            ("信用卡", "credit_card"),
            ("銀行貸款", "bank_loan"),
            ("消费金融", "consumer_finance"),
            ("网贷", "online_loan"),
            ("民間借貸", "private_loan"),
        ],
    )
    def test_debt_kind_accepts_chinese_names_in_both_scripts(self, word, code):
        assert parse_kind(word) == code

    def test_debt_kind_unknown_refused(self):
        with pytest.raises(InputError) as info:
            parse_kind("高利贷")
        assert info.value.code == "kind_invalid"


class TestMakeLetter:
    """make_letter: the letter and the phone script."""

    def test_letter_in_traditional_script(self):
        out = make_letter("王小明", "某銀行", "9876", "2万", "失業", "分20期，每月1000元", lang="zh-Hant")
        assert out.title == "協商還款申請書"
        assert "20,000.00" in out.letter and "9876" in out.phone_script

    def test_letter_refuses_full_card_number_with_reason(self):
        with pytest.raises(InputError) as info:
            make_letter("张三", "某银行", "6222 0200 0000 1234", "30000", "失业", "分24期")
        assert info.value.code == "last4_full_number"
        assert "最后4位" in info.value.message("zh") and "最後4位" in info.value.message("zh-Hant")

    @pytest.mark.parametrize("value", ["123", "12a4", "abcd"])  # "" prints ________ (issue 12)
    def test_letter_refuses_anything_but_four_digits(self, value):
        with pytest.raises(InputError) as info:
            make_letter("张三", "某银行", value, "30000", "失业", "分24期")
        assert info.value.field == "account_last4"

    def test_letter_builds_proposal_from_payment_and_months(self):
        out = make_letter("张三", "某银行", "1234", "30000", "失业", "", monthly_payment="1250", months="24")
        assert "分24期还款，每月还款1,250.00元" in out.letter

    def test_letter_collects_every_missing_field(self):
        with pytest.raises(InputError) as info:
            make_letter("", "", "", "", "", "")
        fields = {e.field for e in info.value.errors}
        assert fields == {"amount", "cause", "proposal"}  # name, lender, last4 print ________ (issue 12)

    def test_letter_keeps_placeholder_like_text_literal(self):
        out = make_letter("$name", "某银行", "1234", "30000", "因为${cause}", "分24期")
        assert "$name" in out.letter and "${cause}" in out.letter

    def test_letter_templates_use_only_known_placeholders(self):
        from importlib import resources
        from string import Template

        known = {"name", "lender", "last4", "amount", "cause", "proposal", "date"}
        for name in ("letter", "phone"):
            for lang in ("zh", "zh-Hant"):
                text = resources.files("calc").joinpath("templates", f"{name}.{lang}.txt").read_text("utf-8")
                ids = set(Template(text).get_identifiers())
                assert ids <= known and {"name", "lender", "last4", "amount"} <= ids
