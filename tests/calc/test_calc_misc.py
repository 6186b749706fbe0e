"""overdue_stage, repayment_capacity, rules: edge cases."""

from datetime import date
from decimal import Decimal as D

import pytest

from calc import InputError, lpr_on, overdue_stage, repayment_capacity, rules, timeline


class TestOverdueStage:
    """overdue_stage: M-levels and phases."""

    @pytest.mark.parametrize(
        "days, level, phase",
        [
            (0, "M0", "none"),
            (1, "M1", "early"),
            (7, "M1", "early"),
            (8, "M1", "middle"),
            (30, "M1", "middle"),
            (31, "M2", "late"),
            (60, "M2", "late"),
            (61, "M3", "late"),
            (90, "M3", "late"),
            (91, "M4", "severe"),
            (150, "M5", "severe"),
            (151, "M6", "severe"),
            (180, "M6", "severe"),
            (181, "M7", "severe"),
            (5000, "M7", "severe"),
        ],
    )
    def test_stage_boundaries(self, days, level, phase):
        s = overdue_stage(days)
        assert (s.m_level, s.phase) == (level, phase)

    def test_stage_days_to_next_threshold(self):
        assert overdue_stage(0).days_to_next == 1
        assert overdue_stage(30).days_to_next == 1
        assert overdue_stage(31).days_to_next == 30
        assert overdue_stage(180).next_m_level == "M7"

    def test_stage_m7_has_no_next_level(self):
        s = overdue_stage(181)
        assert s.days_to_next is None and s.next_m_level is None
        assert s.next_phase is None

    def test_stage_report_code_matches_credit_report_table(self):
        for code, span in rules.CREDIT_REPORT_CODES.items():
            if span and code != "N":
                first, last = span
                assert overdue_stage(first).report_code == code
                if last:
                    assert overdue_stage(last).report_code == code

    def test_stage_negative_days_refused(self):
        with pytest.raises(InputError):
            overdue_stage(-1)


class TestTimeline:
    """timeline: dated events after a missed due date."""

    def test_timeline_malicious_overdraft_earliest_needs_two_demands_and_three_months(self):
        # issue 11: dated only for a credit card whose principal reaches 50,000
        events = {e.code: e for e in timeline("2025-01-31", kind="credit_card", principal=D(50000))}
        earliest = events["malicious_earliest"]
        # day 1 first demand, +30 days second demand (2025-03-03), +3 months (2025-06-03), then "more than"
        assert earliest.date == date(2025, 6, 4)
        assert earliest.day > 90 + rules.MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS

    def test_timeline_is_in_day_order_and_has_every_m_level(self):
        events = timeline("2025-06-01")
        assert [e.day for e in events] == sorted(e.day for e in events)
        assert {f"m{k}" for k in range(2, 8)} <= {e.code for e in events}
        assert next(e for e in events if e.code == "m2").date == date(2025, 7, 2)


class TestRepaymentCapacity:
    """repayment_capacity: what is left each month."""

    def test_capacity_buffer_applies_to_surplus(self):
        c = repayment_capacity(["10000"], ["6000"], D("0.25"))
        assert (c.surplus, c.capacity, c.buffer) == (D("4000.00"), D("3000.00"), D("1000.00"))

    def test_capacity_negative_surplus_gives_zero_capacity(self):
        c = repayment_capacity([3000], [3500, 200])
        assert c.surplus == D("-700.00") and c.capacity == D("0.00")

    def test_capacity_string_buffer_is_percent(self):
        assert repayment_capacity([1000], [], "10").capacity == D("900.00")

    def test_capacity_buffer_of_100_percent_refused(self):
        with pytest.raises(InputError):
            repayment_capacity([1000], [], D("1"))

    def test_capacity_bad_row_reports_its_index(self):
        with pytest.raises(InputError) as info:
            repayment_capacity(["1000", "x"], [])
        assert (info.value.field, info.value.index) == ("income", 1)


class TestLpr:
    """lpr_on and the LPR table."""

    def test_lpr_on_fixing_day_uses_new_rate(self):
        assert lpr_on(date(2024, 10, 21)) == D("0.0310")
        assert lpr_on(date(2024, 10, 20)) == D("0.0335")

    def test_lpr_before_reform_refused(self):
        with pytest.raises(InputError) as info:
            lpr_on(date(2019, 8, 19))
        assert info.value.code == "lpr_before_table"

    def test_latest_lpr_is_3_percent_from_2025_05_20(self):
        assert rules.LPR_TABLE[-1] == (date(2025, 5, 20), D("0.0300"))
        assert rules.LPR_AS_OF >= date(2026, 3, 1)

    def test_lpr_table_in_date_order(self):
        dates = [d for d, _ in rules.LPR_TABLE]
        assert dates == sorted(dates)


class TestRules:
    """rules: every figure with its source."""

    def test_every_rule_constant_has_a_source_and_as_of_date(self):
        names = [n for n in vars(rules) if n.isupper() and not n.startswith("_") and n != "SOURCES"]
        missing = [n for n in names if n not in rules.SOURCES]
        assert not missing
        for name, source in rules.SOURCES.items():
            assert hasattr(rules, name), name
            assert source.cite and len(source.as_of) >= 7

    def test_rule_figures_match_the_brief(self):
        assert rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS == 60
        assert rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL == 50000
        assert rules.MALICIOUS_OVERDRAFT_DEMAND_GAP_DAYS == 30
        assert rules.MALICIOUS_OVERDRAFT_MONTHS_AFTER_DEMAND == 3
        assert (rules.PENALTY_MARKUP_MIN, rules.PENALTY_MARKUP_MAX) == (D("0.3"), D("0.5"))
        assert rules.COLLECTION_MAX_CALLS_PER_DAY == 3
        assert (rules.COLLECTION_QUIET_START.hour, rules.COLLECTION_QUIET_END.hour) == (22, 8)
        assert "129号" in rules.SOURCES["DAYS_PER_YEAR"].cite
        assert {h.number for h in rules.HOTLINES} >= {
            "12378",
            "110",
            "96110",
            "12356",
            "12348",
            "12315",
            "400-810-8866",
        }

    def test_each_hotline_is_named_by_its_use(self):
        # Pages and templates name the line they mean (HOTLINE["police"]), never its position.
        assert rules.HOTLINES == tuple(rules.HOTLINE.values())
        assert rules.HOTLINE["police"].source.startswith("Police")
        assert "mental-health" in rules.HOTLINE["mental_health"].source
        assert "NFRA" in rules.HOTLINE["complaints"].source
        assert "Anti-fraud" in rules.HOTLINE["anti_fraud"].source


class TestShares:
    """shares: each amount's part of the total."""

    def test_expense_shares_round_half_up_not_half_even(self):
        from calc.budget import shares

        assert shares([D(1), D(799)])[0] == D("0.0013")  # 0.00125 exactly
