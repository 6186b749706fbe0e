"""apr (bracketing solver) and penalty_interest: edge cases."""

from decimal import Decimal as D

import pytest

from calc import InputError, apr, penalty_interest


class TestApr:
    """apr: the bracketing solver (PBoC 2021 method)."""

    def test_apr_zero_rate_when_repaid_exactly_what_was_received(self):
        assert apr([1200] + [-100] * 12).simple == 0

    def test_apr_negative_rate_when_repaying_less_than_received(self):
        assert apr([1200] + [-90] * 12).simple < 0

    def test_apr_accepts_lender_view_signs(self):
        assert apr([-30000] + [3000] * 12) == apr([30000] + [-3000] * 12)

    def test_apr_handles_a_zero_payment_period_grace_month(self):
        r = apr([10000, 0] + [-900] * 12)
        assert 0 < r.simple < apr([10000] + [-900] * 12).simple

    def test_apr_very_high_rate_still_bracketed(self):
        r = apr([100, -1000])
        assert r.period_rate == D(9)

    def test_apr_where_newton_from_zero_struggles(self):
        # A huge balloon after a long gap: Newton from a guess of 0 overshoots here.
        r = apr([1000] + [0] * 59 + [-1000000])
        assert (1 + r.period_rate) ** 60 * 1000 == pytest.approx(1000000, rel=D("1e-9"))

    @pytest.mark.parametrize(
        "flows, code",
        [
            ([1000], "apr_no_payments"),
            ([1000, 0, 0], "apr_no_payments"),
            ([0, -100], "apr_nothing_received"),
            ([1000, -500, 200, -600], "apr_flow_signs"),
            ([D("1e-2"), D("-1e11")], "apr_out_of_range"),
            ("1000,-100", "flows_invalid"),
        ],
    )
    def test_apr_says_when_no_rate_exists(self, flows, code):
        with pytest.raises(InputError) as info:
            apr(flows)
        assert info.value.code == code

    def test_apr_periods_per_year_must_be_a_count(self):
        with pytest.raises(InputError):
            apr([1000, -1100], periods_per_year=0)

    def test_apr_yearly_periods(self):
        r = apr([1000, -1100], periods_per_year=1)
        assert r.simple == D("0.1") and r.compound == D("0.1")

    def test_apr_string_flows_are_parsed(self):
        assert apr(["30000"] + ["-3000"] * 12) == apr([30000] + [-3000] * 12)


class TestPenaltyInterest:
    """penalty_interest: 罚息 = principal x rate x (1 + markup) / day_count x days."""

    def test_penalty_zero_days_is_zero(self):
        assert penalty_interest(5000, 0, D("0.12")) == D("0.00")

    def test_penalty_markup_string_is_percent(self):
        assert penalty_interest(5000, 60, "12", "30") == D("130.00")

    def test_penalty_365_day_count(self):
        assert penalty_interest(36500, 1, D("0.1"), 0, day_count=365) == D("10.00")

    def test_penalty_rejects_odd_day_count(self):
        with pytest.raises(InputError) as info:
            penalty_interest(5000, 60, D("0.12"), day_count=300)
        assert info.value.code == "day_count_invalid"

    def test_penalty_markup_above_100_percent_refused(self):
        with pytest.raises(InputError) as info:
            penalty_interest(5000, 60, D("0.12"), D("1.5"))
        assert info.value.code == "markup_range"

    def test_penalty_rounds_half_up(self):
        # 1000 x 0.09 / 360 x 1 = 0.25 exactly; x (1 + 0.1) = 0.275 -> 0.28
        assert penalty_interest(1000, 1, D("0.09"), D("0.1")) == D("0.28")
