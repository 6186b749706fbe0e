"""amortize, payoff and months_to_repay: edge cases, one per test."""

from datetime import date
from decimal import Decimal as D

import pytest

from calc import METHODS, InputError, amortize, months_to_repay, payoff
from calc.dates import add_months


def test_due_dates_clamp_to_last_day_of_february_in_leap_year():
    s = amortize(3000, 3, "equal_principal", 0, start=date(2024, 1, 31))
    assert [r.due for r in s.rows] == [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]


def test_due_dates_clamp_to_28_february_in_common_year():
    s = amortize(3000, 2, "equal_principal", 0, start="2023-01-31")
    assert [r.due for r in s.rows] == [date(2023, 2, 28), date(2023, 3, 31)]


def test_due_dates_are_not_chained_after_a_short_month():
    assert add_months(date(2024, 1, 31), 2) == date(2024, 3, 31)
    assert add_months(add_months(date(2024, 1, 31), 1), 1) == date(2024, 3, 29)


def test_due_dates_cross_year_end():
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


def test_no_start_means_no_due_dates():
    assert all(r.due is None for r in amortize(1000, 3, "equal_installment", D("0.1")).rows)


def test_zero_rate_equal_installment_is_principal_over_n():
    s = amortize(1000, 3, "equal_installment", 0)
    assert [r.payment for r in s.rows] == [D("333.33"), D("333.33"), D("333.34")]


def test_single_month_pays_everything_at_once():
    s = amortize(1000, 1, "equal_installment", D("0.12"))
    assert s.rows[0].payment == D("1010.00")
    assert s.rows[0].balance == 0


@pytest.mark.parametrize("method", METHODS)
def test_last_row_absorbs_rounding_so_principal_sums_exactly(method):
    rate = 0 if method == "interest_free" else D("0.137")
    s = amortize(D("12345.67"), 7, method, rate, D("0.003"))
    assert sum(r.principal for r in s.rows) == D("12345.67")
    assert s.rows[-1].balance == 0


def test_tiny_principal_over_many_months_is_refused_not_padded_with_empty_rows():
    with pytest.raises(InputError) as info:
        amortize(D("2.00"), 300, "equal_principal", 0)
    assert (info.value.field, info.value.code) == ("months", "term_too_long_for_principal")


def test_small_principal_that_still_splits_is_accepted():
    s = amortize(D("100.00"), 100, "equal_principal", 0)
    assert all(r.principal == D("1.00") for r in s.rows)


def test_interest_free_refuses_a_nonzero_rate():
    with pytest.raises(InputError) as info:
        amortize(1000, 12, "interest_free", D("0.1"))
    assert info.value.code == "rate_not_zero_interest_free"


def test_card_installment_capped_at_60_periods():
    with pytest.raises(InputError) as info:
        amortize(1000, 61, "installment_fee", 0, D("0.006"))
    assert info.value.code == "months_over_cap"


def test_equal_installment_allows_360_months():
    assert len(amortize(1000000, 360, "equal_installment", D("0.04")).rows) == 360


def test_unknown_method_refused():
    with pytest.raises(InputError) as info:
        amortize(1000, 12, "balloon")
    assert info.value.code == "method_invalid"


def test_zero_principal_refused():
    with pytest.raises(InputError) as info:
        amortize(0, 12)
    assert (info.value.field, info.value.code) == ("principal", "amount_zero")


def test_fee_applies_on_original_principal_every_month():
    s = amortize(10000, 10, "equal_installment", D("0.12"), D("0.005"))
    assert all(r.fee == D("50.00") for r in s.rows)
    assert s.total_fee == D("500.00")


def test_strings_go_through_the_parsers():
    a = amortize("5万", "30期", "equal_installment", "年化12%")
    b = amortize(50000, 30, "equal_installment", D("0.12"))
    assert a.rows == b.rows


def test_apr_of_interest_free_plan_is_zero():
    assert amortize(6000, 12, "interest_free").apr.simple == 0


def test_payment_below_interest_names_the_smallest_payment_that_covers_it():
    with pytest.raises(InputError) as info:
        months_to_repay(30000, 600, D("0.24"))
    err = info.value
    assert (err.field, err.code) == ("monthly_payment", "payment_below_interest")
    assert err.params["min_payment"] == "600.01"
    assert "600.01" in err.message("zh") and "600.01" in err.message("zh-Hant")


def test_payment_just_above_interest_finishes_or_says_too_long():
    with pytest.raises(InputError) as info:
        payoff(30000, "300.01", D("0.12"))
    assert info.value.code == "payoff_too_long"


def test_payment_larger_than_debt_is_one_month():
    r = payoff(1000, 5000, D("0.12"))
    assert (r.months, r.last_payment) == (1, D("1010.00"))


def test_payoff_zero_payment_refused():
    with pytest.raises(InputError) as info:
        payoff(1000, 0)
    assert info.value.code == "amount_zero"


def test_payment_that_only_covers_interest_is_refused_as_too_long_a_term():
    # 112.50 at 3%/month over 198 months: the rounded payment equals the first interest
    with pytest.raises(InputError) as info:
        amortize(D("112.50"), 198, "equal_installment", D("0.36"))
    assert info.value.code == "term_too_long_for_principal"
