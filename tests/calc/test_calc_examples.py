"""Every worked example of domain-brief.md §3 (A-J) as a test vector."""

from datetime import date
from decimal import Decimal as D

import pytest

from calc import (
    InputError,
    amortize,
    apr,
    card_late_fee,
    four_times_lpr,
    months_to_repay,
    payoff,
    penalty_interest,
)

Q4 = D("0.0001")


def pct(x):
    """A rate as the brief prints it: percent with two decimals."""
    return (x * 100).quantize(D("0.01"))


def test_example_a_equal_installment():
    s = amortize(50000, 30, "equal_installment", D("0.12"))
    first, second, last = s.rows[0], s.rows[1], s.rows[-1]
    assert first.payment == D("1937.41")
    assert (first.interest, first.principal, first.balance) == (D("500.00"), D("1437.41"), D("48562.59"))
    assert (second.interest, second.principal, second.balance) == (D("485.63"), D("1451.78"), D("47110.81"))
    assert (last.payment, last.interest, last.principal) == (D("1937.28"), D("19.18"), D("1918.10"))
    assert s.total_interest == D("8122.17")
    assert s.total_payment == D("58122.17")


def test_example_b_equal_principal():
    s = amortize(50000, 30, "equal_principal", D("0.12"))
    assert all(r.principal == D("1666.67") for r in s.rows[:-1])
    assert s.rows[-1].principal == D("1666.57")
    assert (s.rows[0].payment, s.rows[0].interest) == (D("2166.67"), D("500.00"))
    assert (s.rows[1].payment, s.rows[1].interest) == (D("2150.00"), D("483.33"))
    assert (s.rows[-1].payment, s.rows[-1].interest) == (D("1683.24"), D("16.67"))
    assert s.total_interest == D("7750.00")


def test_example_c_interest_first():
    s = amortize(50000, 30, "interest_first", D("0.12"))
    assert all(r.payment == D("500.00") for r in s.rows[:-1])
    assert s.rows[-1].payment == D("50500.00")
    assert s.total_interest == D("15000.00")


def test_example_d1_card_installment_30_periods():
    s = amortize(50000, 30, "installment_fee", 0, D("0.006"))
    assert all(r.principal == D("1666.67") for r in s.rows[:-1])
    assert s.rows[-1].principal == D("1666.57")
    assert all(r.fee == D("300.00") for r in s.rows)
    assert s.rows[0].payment == D("1966.67")
    assert s.rows[-1].payment == D("1966.57")
    assert s.total_fee == D("9000.00")
    assert s.total_payment == D("59000.00")
    assert (s.apr.period_rate * 100).quantize(D("0.0001")) == D("1.1029")
    assert pct(s.apr.simple) == D("13.24")
    assert pct(s.apr.compound) == D("14.07")
    assert (s.apr.simple / D("0.072")).quantize(D("0.01")) == D("1.84")


@pytest.mark.parametrize("principal", [12000, 3000, 120000])
def test_example_d2_card_installment_12_periods_any_principal(principal):
    s = amortize(principal, 12, "installment_fee", 0, D("0.006"))
    assert pct(s.apr.simple) == D("13.03")
    assert pct(s.apr.compound) == D("13.84")


def test_example_d2_payment_and_fee():
    s = amortize(12000, 12, "installment_fee", 0, D("0.006"))
    assert s.rows[0].payment == D("1072.00")
    assert s.total_fee == D("864.00")
    assert (s.apr.simple / D("0.072")).quantize(D("0.01")) == D("1.81")


def test_example_d3_card_installment_24_periods():
    s = amortize(50000, 24, "installment_fee", 0, D("0.0075"))
    assert s.rows[0].payment == D("2458.33")
    assert s.total_fee == D("9000.00")
    assert pct(s.apr.simple) == D("16.43")
    assert pct(s.apr.compound) == D("17.72")


def test_example_e0_pboc_disclosure_example():
    r = apr([D("99000")] + [D("-8833.30")] * 12)
    assert (r.period_rate * 100).quantize(D("0.0001")) == D("1.0670")
    assert pct(r.simple) == D("12.80")
    assert pct(r.compound) == D("13.58")


def test_example_e0_upfront_fee_reduces_money_received():
    with_fee = apr([D("100000") - D("1000")] + [D("-8833.30")] * 12)
    without = apr([D("100000")] + [D("-8833.30")] * 12)
    assert with_fee.simple > without.simple


def test_example_e1_interest_stopped():
    r = payoff(30000, 3000, 0)
    assert r.months == 10
    assert r.total_payment == D("30000.00")


def test_example_e2_at_24_percent():
    r = payoff(30000, 3000, D("0.24"))
    assert r.months == 12
    assert all(row.payment == D("3000.00") for row in r.rows[:-1])
    assert r.last_payment == D("810.98")
    assert r.total_interest == D("3810.98")
    assert r.total_payment == D("33810.98")
    assert months_to_repay(30000, 3000, D("0.24")) == 12


def test_example_e3_at_18_25_percent():
    r = payoff(30000, 3000, D("0.1825"))
    assert r.months == 11
    assert r.last_payment == D("2790.92")
    assert r.total_interest == D("2790.92")


def test_example_e4_flat_rate_advert():
    r = apr([30000] + [-3000] * 12)
    assert (r.period_rate * 100).quantize(D("0.0001")) == D("2.9229")
    assert pct(r.simple) == D("35.07")
    assert pct(r.compound) == D("41.30")
    assert r.simple > D("0.24")
    assert r.simple > four_times_lpr(date(2025, 6, 1))


def test_example_f_card_overdue_interest_and_late_fee():
    assert penalty_interest(10000, 30, "日息0.05%", markup=0) == D("150.00")
    assert card_late_fee(1000) == D("50.00")


def test_example_g_bank_loan_penalty():
    assert penalty_interest(5000, 60, D("0.12"), D("0.5")) == D("150.00")
    assert penalty_interest(5000, 60, D("0.12"), D("0.3")) == D("130.00")


@pytest.mark.parametrize(
    "contract, line", [(date(2025, 6, 1), "0.12"), (date(2024, 9, 1), "0.134"), (date(2023, 1, 1), "0.146")]
)
def test_example_h_four_times_lpr(contract, line):
    assert four_times_lpr(contract) == D(line)


def test_example_h_one_year_interest_at_the_line():
    assert (D(30000) * four_times_lpr(date(2025, 6, 1))).quantize(D("0.01")) == D("3600.00")


def test_example_i_personalized_plan_60_periods():
    s = amortize(50000, 60, "interest_free")
    assert all(r.payment == D("833.33") for r in s.rows[:-1])
    assert s.rows[-1].payment == D("833.53")
    assert s.total_interest == 0


def test_example_i_61_periods_rejected():
    with pytest.raises(InputError) as info:
        amortize(50000, 61, "interest_free")
    assert (info.value.field, info.value.code) == ("months", "months_over_cap")


def test_example_j_apr_equals_nominal_for_amortizing_loan():
    s = amortize(30000, 24, "equal_installment", D("0.24"))
    assert s.rows[0].payment == D("1586.13")
    assert s.total_interest == D("8067.19")
    assert pct(s.apr.simple) == D("24.00")
