"""The domain gives the browser's answer: rules that used to sit in the browser's
adapters (calc/api) live in the domain modules, each check lives once with one
error code, and the registry finds every calculator. One class per function."""

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from calc import (
    InputError,
    amortize,
    compare_options,
    make_debt,
    make_letter,
    penalty_interest,
    plan_debts,
    repayment_capacity,
    rules,
)
from calc.api import EXAMPLES, registry, run
from calc.rates import check_markup, loan_apr, rate_lines
from calc.schedule import check_fee_rate
from calc.stage import dated_stage


def code_of(call):
    with pytest.raises(InputError) as info:
        call()
    return info.value.field, info.value.code


def browser_error(name, params):
    out = run(name, params)
    assert not out["ok"], out
    return out["errors"][0]["field"], out["errors"][0]["code"]


class TestLoanApr:
    # Example E0 of the domain brief (PBoC 公告〔2021〕第3号): 100,000 lent, 1,000 taken
    # up front, so 99,000 received; 12 x 8,833.30 repaid: 12.80% simple, 13.58% IRR.
    def test_fee_upfront_is_taken_off_the_money_received(self):
        cost = loan_apr(100000, [D("8833.30")] * 12, fee_upfront=1000)
        assert cost.net_received == D("99000")
        assert (cost.rate.simple.quantize(D("0.0001")), cost.rate.compound.quantize(D("0.0001"))) == (
            D("0.1280"),
            D("0.1358"),
        )
        assert cost.total_repaid == D("105999.60") and cost.total_cost == D("6999.60") and cost.periods == 12

    def test_deducted_interest_counts_like_a_fee(self):
        # 民法典 Art. 670: interest deducted in advance (砍头息) is not part of the principal.
        assert loan_apr(100000, [D("8833.30")] * 12, deducted_interest=1000) == loan_apr(
            100000, [D("8833.30")] * 12, fee_upfront=1000
        )

    def test_nothing_left_after_fees_names_the_fee(self):
        assert code_of(lambda: loan_apr(1000, [100] * 12, fee_upfront=1000)) == (
            "fee_upfront",
            "received_after_fees",
        )
        assert code_of(lambda: loan_apr(1000, [100] * 12, deducted_interest=1000)) == (
            "received",
            "received_after_fees",
        )

    def test_lines_use_four_times_the_lpr_on_the_contract_date(self):
        # Example H: the one-year LPR on 2023-01-01 was 3.65%, so the line is 14.60%.
        cost = loan_apr(30000, [3000] * 12, contract_date="2023-01-01")
        assert cost.lpr_date == date(2023, 1, 1)
        assert {line.code: line.rate for line in cost.lines} == {
            "court24": D("0.24"),
            "cash36": D("0.36"),
            "lpr4": D("0.1460"),
        }
        assert [line.above for line in cost.lines] == [True, False, True]  # 35.07% simple (example E4)

    def test_lines_default_to_the_latest_lpr(self):
        day, lines = rate_lines(D("0.1"))
        assert day == rules.LPR_TABLE[-1][0]
        assert lines[2].rate == rules.LPR_TABLE[-1][1] * rules.PRIVATE_LENDING_LPR_MULTIPLE

    def test_contract_before_the_lpr_is_refused(self):
        assert code_of(lambda: loan_apr(30000, [3000] * 12, contract_date="2019-08-19")) == (
            "contract_date",
            "lpr_before_table",
        )

    def test_python_caller_gets_the_browsers_answer(self):
        params = {
            "received": "10000",
            "payment": "1000",
            "periods": "12",
            "fee_upfront": "1000",
            "deducted_interest": "500",
        }
        browser = run("apr", params)["result"]
        cost = loan_apr(10000, [1000] * 12, fee_upfront=1000, deducted_interest=500)
        assert browser["net_received"] == "8500.00" == f"{cost.net_received:.2f}"
        assert browser["apr_simple"] == f"{cost.rate.simple.quantize(D('0.0001'))}"
        assert [line["above"] for line in browser["lines"]] == [line.above for line in cost.lines]


class TestCheckMarkup:
    """One check of the 罚息 markup, one code (``markup_range``), from every door."""

    @pytest.mark.parametrize("value", ["150", "-5", "20000", D("1.5"), D("-0.1")])
    def test_every_door_says_markup_range(self, value):
        assert code_of(lambda: check_markup(value)) == ("markup", "markup_range")
        assert code_of(lambda: penalty_interest(5000, 60, D("0.12"), markup=value)) == (
            "markup",
            "markup_range",
        )
        assert code_of(lambda: compare_options(30000, 2000, D("0.18"), markup=value)) == (
            "markup",
            "markup_range",
        )
        if isinstance(value, str):
            assert browser_error("penalty", dict(EXAMPLES["penalty"], markup=value)) == (
                "markup",
                "markup_range",
            )
            assert browser_error("options", dict(EXAMPLES["options"], markup=value)) == (
                "markup",
                "markup_range",
            )

    def test_text_is_percent_number_is_fraction(self):
        assert check_markup("50") == check_markup(D("0.5")) == D("0.5")
        assert check_markup("100") == rules.MISUSE_MARKUP_MAX


class TestCheckFeeRate:
    """One check of a monthly fee rate, one code (``percent_range``): schedules, card
    instalments compared in ``options``, and both browser forms."""

    @pytest.mark.parametrize("value", ["11", D("0.2"), "-1"])
    def test_every_door_says_percent_range(self, value):
        assert code_of(lambda: check_fee_rate(value)) == ("fee_rate", "percent_range")
        assert code_of(lambda: amortize(12000, 12, "installment_fee", fee_rate=value)) == (
            "fee_rate",
            "percent_range",
        )
        assert code_of(lambda: compare_options(30000, 2000, D("0.18"), installment_fee_rate=value)) == (
            "installment_fee_rate",
            "percent_range",
        )
        if isinstance(value, str):
            params = {"principal": "12000", "months": "12", "method": "installment_fee", "fee_rate": value}
            assert browser_error("schedule", params) == ("fee_rate", "percent_range")
            params = dict(EXAMPLES["options"], installment_fee_rate=value)
            assert browser_error("options", params) == ("installment_fee_rate", "percent_range")

    def test_the_maximum_is_the_rule(self):
        assert check_fee_rate(rules.MAX_MONTHLY_FEE_RATE) == rules.MAX_MONTHLY_FEE_RATE
        assert check_fee_rate("0.6") == rules.TYPICAL_CARD_INSTALLMENT_FEE_RATE


class TestBufferRatio:
    @pytest.mark.parametrize("value", ["100", D("1"), "-1"])
    def test_python_and_browser_say_percent_range(self, value):
        assert code_of(lambda: repayment_capacity([1000], [], value)) == ("buffer_ratio", "percent_range")
        if isinstance(value, str):
            assert browser_error("budget", dict(EXAMPLES["budget"], buffer_ratio=value)) == (
                "buffer_ratio",
                "percent_range",
            )


class TestBestOption:
    def test_best_is_the_fitting_option_that_costs_least(self):
        # issue 11: savings are now over each plan's own term, so best is the cheapest
        # fitting plan (what the largest saving against one shared baseline meant before)
        r = compare_options(
            30000, 1500, D("0.18"), interest_owed=1200, penalty_owed=800, savings=5000, extension_months=24
        )
        fitting = [o for o in r.options if o.fits]
        assert r.best is not None and r.best.fits
        assert r.best.total_paid == min(o.total_paid for o in fitting)

    def test_no_option_fits_no_best(self):
        r = compare_options(30000, 0, D("0.18"))
        assert r.best is None
        assert run("options", dict(EXAMPLES["options"], capacity="0", savings="0"))["result"]["best"] is None

    def test_python_caller_gets_the_browsers_best(self):
        p = EXAMPLES["options"]
        r = compare_options(
            p["principal"],
            p["capacity"],
            p["annual_rate"],
            interest_owed=p["interest_owed"],
            penalty_owed=p["penalty_owed"],
            savings=p["savings"],
            markup=p["markup"],
            horizon_days=p["horizon_days"],
            extension_months=p["extension_months"],
            installment_months=p["installment_months"],
            installment_fee_rate=p["installment_fee_rate"],
            personalized_months=p["personalized_months"],
            personalized_rate=p["personalized_rate"],
        )
        assert run("options", p)["result"]["best"] == r.best.key


class TestDatedStage:
    # DESIGN.md: M2 = 31-60 days overdue; the phase "late" = 31-90 days.
    def test_days_from_the_due_date(self):
        d = dated_stage("2025-01-31", "2025-03-17")
        assert (d.days_late, d.stage.m_level, d.stage.phase, d.days_until_due) == (45, "M2", "late", 0)

    def test_not_yet_due_is_m0_with_days_until_due(self):
        d = dated_stage("2026-05-01", "2026-04-01")
        assert (d.days_late, d.days_until_due, d.stage.m_level) == (-30, 30, "M0")
        assert not any(reached for _, reached in d.events)

    def test_events_reached_by_today(self):
        d = dated_stage("2025-01-31", "2025-03-17")
        reached = {event.code for event, done in d.events if done}
        assert {"overdue_starts", "report", "grace_ends", "m2"} <= reached and "m3" not in reached

    def test_today_is_needed_and_the_span_is_bounded(self):
        assert code_of(lambda: dated_stage("2025-01-31", None)) == ("today", "today_required")
        assert code_of(lambda: dated_stage("0001-01-01", "9999-12-31")) == ("due_date", "date_too_early")

    def test_python_caller_gets_the_browsers_answer(self):
        browser = run("stage", {"due_date": "2024-02-29", "today": "2024-12-31"})["result"]
        d = dated_stage("2024-02-29", "2024-12-31")
        assert browser["days"] == str(d.stage.days) and browser["m_level"] == d.stage.m_level
        assert [e["reached"] for e in browser["timeline"]] == [reached for _, reached in d.events]


class TestDebtPlanOutcome:
    FIELDS = ("lender", "kind", "balance", "annual_rate", "min_payment", "days_overdue")
    def debts(self):
        return [
            make_debt("A", "credit_card", 30000, "18", 1500),
            make_debt("B", "online_loan", 8000, "36", 800),
        ]

    @pytest.mark.parametrize(
        "capacity, outcome, fits",
        [(0, "no_capacity", False), (2000, "shortfall", False), (4000, "fits", True)],
    )
    def test_outcomes(self, capacity, outcome, fits):
        plan = plan_debts(self.debts(), capacity)
        assert (plan.outcome, plan.fits) == (outcome, fits)

    def test_a_plan_that_never_finishes(self):
        plan = plan_debts([make_debt("A", "", 100000, "36", 100)], 1000)
        assert (plan.outcome, plan.fits, plan.interest_saved) == ("never", True, None)

    def test_python_caller_gets_the_browsers_fits(self):
        for capacity in ("0", "2000", "4000"):
            browser = run("debts", dict(EXAMPLES["debts"], capacity=capacity))["result"]
            rows = zip(*(EXAMPLES["debts"][f] for f in self.FIELDS), strict=True)
            debts = [
                make_debt(lender, kind, balance, rate, minimum, days_overdue=days)
                for lender, kind, balance, rate, minimum, days in rows
            ]
            plan = plan_debts(debts, capacity)
            assert browser["fits"] is plan.fits
            assert [d["m_level"] for d in browser["debts"]] == [d.stage.m_level for d in debts]

    def test_make_debt_names_every_bad_field(self):
        with pytest.raises(InputError) as info:
            make_debt("甲" * 101, "高利贷", "x", "abc")  # a lender over 100 characters
        assert {e.field for e in info.value.errors} == {"lender", "kind", "balance", "annual_rate"}
        assert {e.code for e in info.value.errors if e.field == "lender"} == {"text_too_long"}

    def test_a_blank_lender_is_allowed(self):
        # issue 12: who the lender is stays the reader's to say; results label the debt
        blank, spaces = make_debt("", "网贷", "5000", "24"), make_debt("  ", "网贷", "5000", "24")
        assert blank.lender == spaces.lender == ""


class TestKeywordOnlyCalls:
    def test_options_terms_are_keywords(self):
        with pytest.raises(TypeError):
            compare_options(30000, 2000, D("0.18"), 1200)

    def test_letter_options_are_keywords(self):
        with pytest.raises(TypeError):
            make_letter("张三", "某银行", "1234", "30000", "失业", "分24期", "zh")

    def test_days_overdue_is_a_keyword(self):
        with pytest.raises(TypeError):
            make_debt("A", "", 1000, "18", 100, 5)


class TestRegistry:
    FOLDER = Path(__file__).resolve().parents[2] / "calc" / "api" / "calculators"

    def test_every_module_in_the_folder_is_a_calculator(self):
        names = sorted(p.stem for p in self.FOLDER.glob("*.py") if not p.stem.startswith("_"))
        assert sorted(registry.CALCULATORS) == names

    def test_order_is_stable_and_documented(self):
        first = ("budget", "schedule", "payoff", "options", "penalty", "apr", "debts", "stage", "letter")
        assert tuple(n for n in registry.CALCULATORS if n in first) == first
        orders = [registry.module(n).ORDER for n in registry.CALCULATORS]
        assert orders == sorted(orders) and len(set(orders)) == len(orders)

    def test_widgets_are_the_calculators_then_the_tools(self):
        assert registry.TOOLS == ("log", "checklist", "scam-check", "triage")
        assert registry.WIDGETS == registry.CALCULATORS + registry.TOOLS

    @pytest.mark.parametrize("name", registry.CALCULATORS)
    def test_each_module_has_contract_examples_and_adapter(self, name):
        module = registry.module(name)
        assert module.__doc__.startswith(f"``{name}``\n")
        assert isinstance(module.EXAMPLE, dict) and set(module.EXAMPLE_HANT) <= set(module.EXAMPLE)
        assert callable(module.compute)
        assert EXAMPLES[name] is module.EXAMPLE
        assert hasattr(module, "OUTPUTS"), (
            f"calc/api/calculators/{name}.py: declare OUTPUTS, the result keys pages build on "
            "(see calc/api/calculators/__init__.py)"
        )
        assert module.OUTPUTS and all(isinstance(key, str) for key in module.OUTPUTS)

    @pytest.mark.parametrize("name", [None, 3, "log", "scam-check", "nope", "__init__", "_x"])
    def test_is_calculator_refuses_everything_else(self, name):
        assert not registry.is_calculator(name)
