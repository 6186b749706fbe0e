"""Hypothesis properties of the calc library."""

import json
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc import InputError, amortize, apr, months_to_repay, payoff, pro_rata
from calc.api import EXAMPLES, registry, run
from calc.schedule import METHODS, max_months

CALCULATORS = registry.CALCULATORS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

principals = st.decimals(min_value=D("1.00"), max_value=D("5000000"), places=2)
rates = st.decimals(min_value=D("0"), max_value=D("0.60"), places=4)
fee_rates = st.decimals(min_value=D("0"), max_value=D("0.02"), places=4)


@st.composite
def schedules(draw):
    method = draw(st.sampled_from(METHODS))
    months = draw(st.integers(min_value=1, max_value=max_months(method)))
    rate = D(0) if method == "interest_free" else draw(rates)
    principal = draw(principals)
    try:
        return amortize(principal, months, method, rate, draw(fee_rates))
    except InputError as err:
        # Only a principal too small to split into that many cent-rounded parts is refused:
        # up to a cent of rounding a period, added up (and compounded, for 等额本息) over
        # the term, reaches the size of the first period's principal part.
        assert err.code == "term_too_long_for_principal"
        r = rate / 12 if method == "equal_installment" else D(0)
        if r:
            first_part = principal * r / ((1 + r) ** months - 1)
        else:
            first_part = principal / months
        assert D("0.01") * months * (1 + r) ** months >= first_part
        return amortize(principal, 1, method, rate)


@SETTINGS
@given(schedules())
def test_principal_parts_sum_to_principal(s):
    assert sum(r.principal for r in s.rows) == s.principal


@SETTINGS
@given(schedules())
def test_balance_never_negative_and_ends_at_zero(s):
    assert all(r.balance >= 0 for r in s.rows)
    assert s.rows[-1].balance == 0
    assert len(s.rows) == s.months


@SETTINGS
@given(schedules())
def test_totals_are_sums_of_rows(s):
    assert s.total_payment == sum(r.payment for r in s.rows)
    assert s.total_payment == s.principal + s.total_interest + s.total_fee


@SETTINGS
@given(
    st.decimals(min_value=D("10000"), max_value=D("5000000"), places=2),
    st.integers(min_value=2, max_value=120),
    st.decimals(min_value=D("0.01"), max_value=D("0.36"), places=4),
)
def test_apr_of_plain_amortizing_loan_equals_nominal_rate(principal, months, rate):
    s = amortize(principal, months, "equal_installment", rate)
    # Payments are rounded to the cent, so the IRR may move in the 5th decimal at most.
    assert abs(s.apr.simple - rate) < D("0.00005")


@SETTINGS
@given(
    st.decimals(min_value=D("100"), max_value=D("1000000"), places=2),
    st.integers(min_value=1, max_value=240),
    st.decimals(min_value=D("0"), max_value=D("0.36"), places=4),
)
def test_months_to_repay_agrees_with_amortize(principal, months, rate):
    try:
        s = amortize(principal, months, "equal_installment", rate)
    except InputError as err:
        assert err.code == "term_too_long_for_principal"
        return
    level = s.rows[0].payment
    p = payoff(principal, level, rate)
    # Same per-row rounding: identical rows until the last, which absorbs the remainder.
    same = [(r.payment, r.principal, r.interest, r.balance) for r in s.rows[: months - 1]]
    assert [(r.payment, r.principal, r.interest, r.balance) for r in p.rows[: months - 1]] == same
    if s.rows[-1].payment <= level:
        assert months_to_repay(principal, level, rate) == months
        assert p.last_payment == s.rows[-1].payment
    else:
        assert months_to_repay(principal, level, rate) > months


@SETTINGS
@given(
    st.decimals(min_value=D("100"), max_value=D("1000000"), places=2),
    st.decimals(min_value=D("10"), max_value=D("100000"), places=2),
    st.decimals(min_value=D("0"), max_value=D("0.36"), places=4),
)
def test_payoff_pays_exactly_principal_plus_interest(principal, payment, rate):
    try:
        p = payoff(principal, payment, rate)
    except InputError as err:
        assert err.code in ("payment_below_interest", "payoff_too_long")
        return
    assert p.total_payment == principal + p.total_interest
    assert all(r.payment == payment for r in p.rows[:-1])
    assert 0 < p.last_payment <= payment


@SETTINGS
@given(
    st.decimals(min_value=D("0"), max_value=D("1000000"), places=2),
    st.lists(st.decimals(min_value=D("0.01"), max_value=D("10000000"), places=2), min_size=1, max_size=30),
)
def test_pro_rata_shares_sum_to_capacity(total, weights):
    shares = pro_rata(total, weights)
    assert sum(shares) == total
    assert all(s >= 0 for s in shares)
    for share, weight in zip(shares, weights, strict=True):
        assert abs(share - total * weight / sum(weights)) < D("0.01")


@SETTINGS
@given(
    st.decimals(min_value=D("100"), max_value=D("1000000"), places=2),
    st.integers(min_value=1, max_value=60),
    st.decimals(min_value=D("0"), max_value=D("2"), places=4),
)
def test_apr_solution_zeroes_present_value(received, periods, markup):
    payment = (received * (1 + markup) / periods).quantize(D("0.01")) + D("0.01")
    r = apr([received] + [-payment] * periods)
    v = 1 / (1 + r.period_rate)
    pv = received - sum(payment * v**k for k in range(1, periods + 1))
    assert abs(pv) < D("0.0001")


form_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "5000",
            "3万",
            "12%",
            "日息万分之五",
            "2025-01-31",
            "abc",
            "NaN",
            "1e9",
            "60",
            "61",
            "equal_installment",
            "interest_free",
            "１２３４",
        ]
    ),
)
params_strategy = st.dictionaries(
    st.sampled_from(
        sorted({k for p in EXAMPLES.values() for k in p} | {"days", "due_date", "today", "flows", "x"})
    ),
    st.one_of(form_values, st.lists(form_values, max_size=6)),
    max_size=16,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CALCULATORS), params_strategy, st.sampled_from(["zh", "zh-Hant", "en", ""]))
def test_run_never_raises_on_arbitrary_dicts_of_strings(name, params, lang):
    out = run(name, params, lang)
    json.dumps(out)
    assert out["ok"] in (True, False)
    if not out["ok"]:
        assert all(e["code"] != "internal_error" for e in out["errors"]), out


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(CALCULATORS),
    st.dictionaries(
        st.text(max_size=12),
        st.one_of(
            st.none(),
            st.integers(),
            st.floats(),
            st.booleans(),
            st.text(),
            st.lists(st.one_of(st.text(), st.integers(), st.none())),
        ),
    ),
)
def test_run_never_raises_on_junk_types(name, params):
    out = run(name, params, "zh")
    json.dumps(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CALCULATORS), params_strategy)
def test_every_refusal_has_a_message_in_both_scripts(name, params):
    zh = run(name, params, "zh")
    hant = run(name, params, "zh-Hant")
    assert zh["ok"] == hant["ok"]
    if not zh["ok"]:
        assert [(e["field"], e["code"]) for e in zh["errors"]] == [
            (e["field"], e["code"]) for e in hant["errors"]
        ]
        for a, b in zip(zh["errors"], hant["errors"], strict=True):
            assert a["message"] and b["message"]
            assert a["message"] != a["code"]
            from calc import messages

            assert a["code"] in messages.catalogue()
