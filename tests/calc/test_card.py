"""The credit-card overdue cost (calc/card.py, calculator ``card``): one test per rule, each
with the figure it pins and where that figure comes from; hypothesis properties; hostile
input through api.run.

Hand checks: interest = balance x daily rate x days (brief §1.3: 0.05% a day); 违约金 =
5% x unpaid minimum (brief §1.3, §2.6); the minimum = 10% x spending + 100% x interest and
fees + 100% x earlier unpaid minimum (brief §1.3, CMB/BOC); vector F (brief §3)."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc import rules
from calc.api import EXAMPLES, example, run
from calc.card import CardCost, card_cost, default_min_payment, parse_interest_on
from calc.errors import InputError
from calc.parse import parse_daily_rate, parse_rate

CARD_FIELDS = (
    "balance",
    "min_payment",
    "paid",
    "daily_rate",
    "late_fee_rate",
    "interest_on",
    "grace_days",
    "cycle_days",
    "months",
)


def cost(**kw) -> CardCost:
    kw.setdefault("balance", D("10000"))
    return card_cost(**kw)


class TestCardCostRules:
    """Each rule of the module docstring, in its order, with the vector that pins it."""

    def test_vector_f_interest_150_and_late_fee_50(self):
        # Brief §3 F: 10,000 unpaid 30 days at 0.05%/day -> 150.00; unpaid minimum 1,000 at 5% -> 50.00.
        c = cost(
            min_payment=D("1000"), daily_rate=D("0.0005"), late_fee_rate=D("0.05"), cycle_days=30, cycles=1
        )
        assert (c.rows[0].interest, c.rows[0].late_fee) == (D("150.00"), D("50.00"))
        assert (c.interest, c.late_fees, c.total_owed) == (D("150.00"), D("50.00"), D("10200.00"))

    def test_vector_f_is_the_first_row_of_the_worked_example(self):
        r = run("card", EXAMPLES["card"])["result"]
        assert (r["rows"][0]["interest"], r["rows"][0]["late_fee"]) == ("150.00", "50.00")

    def test_rule1_paying_in_full_costs_nothing(self):
        c = cost(paid=D("10000"), cycles=12)
        assert c.paid_in_full and (c.interest, c.late_fees, c.total_owed, c.annual_cost) == (0, 0, 0, 0)
        assert len(c.rows) == 12 and all(r.owed == 0 and r.minimum == 0 for r in c.rows)

    def test_rule2_unpaid_part_only_for_the_unpaid_part(self):
        # 1,000 unpaid x 0.05% x 30 days = 15.00; the 9,000 paid bears nothing.
        assert cost(paid=D("9000"), interest_on="unpaid", cycles=1).interest == D("15.00")

    def test_rule2_whole_balance_counts_the_paid_part_until_the_due_date(self):
        # 10,000 x 0.05% x 20 days (posting to due date) + 1,000 x 0.05% x 10 days = 100 + 5.
        assert cost(paid=D("9000"), interest_on="full", grace_days=20, cycles=1).interest == D("105.00")

    def test_rule2_nothing_paid_both_bases_agree(self):
        assert cost(interest_on="full").rows == cost(interest_on="unpaid").rows

    def test_rule3_no_late_fee_when_the_minimum_was_paid(self):
        c = cost(min_payment=D("1000"), paid=D("1000"), cycles=2, interest_on="unpaid")
        # Cycle 1: 9,000 x 0.05% x 30 = 135.00, no 违约金. Bill 1's minimum: 10% x 9,000 + 135 = 1,035.00.
        assert (c.rows[0].interest, c.rows[0].late_fee, c.rows[0].minimum) == (D("135.00"), 0, D("1035.00"))
        # Cycle 2: that minimum is missed: 5% x 1,035.00 = 51.75.
        assert c.rows[1].late_fee == D("51.75")

    def test_rule3_late_fee_on_the_unpaid_part_of_the_minimum(self):
        assert cost(min_payment=D("1000"), paid=D("400"), cycles=1).late_fees == D("30.00")  # 5% x 600

    def test_rule4_interest_compounds_and_late_fee_bears_none(self):
        c = cost(cycles=2)
        # Cycle 2 bears interest on 10,000 + 150 interest = 10,150 (not on the 50 违约金):
        # 10,150 x 0.05% x 30 = 152.25; with the 违约金 it would be 153.00.
        assert c.rows[1].interest == D("152.25")
        assert rules.CARD_LATE_FEE_BEARS_INTEREST is False

    def test_rule5_minimum_ratchets_up_when_nothing_more_is_paid(self):
        c = cost(min_payment=D("1000"), cycles=3)
        # Bill 1: 1,000 (10%) + 150 + 50 + 1,000 unpaid = 2,200; bill 2: 1,000 + 152.25 + 110 + 2,200.
        assert [r.minimum for r in c.rows] == [D("2200.00"), D("3462.25"), D("4789.89")]
        assert [r.late_fee for r in c.rows] == [D("50.00"), D("110.00"), D("173.11")]  # 5% of the previous

    def test_rule5_minimum_never_above_what_is_owed(self):
        c = cost(cycles=rules.MAX_CARD_CYCLES)
        assert all(r.minimum <= r.owed for r in c.rows)
        assert c.rows[-1].minimum == c.rows[-1].owed

    def test_rule5_minimum_defaults_to_ten_percent(self):
        assert default_min_payment(D("12345.67")) == D("1234.57")
        assert cost(balance=D("12345.67")).min_payment == D("1234.57")

    def test_rule6_each_row_adds_up_and_carries_over(self):
        c = cost(paid=D("300"), cycles=8)
        for before, row in zip((None,) + c.rows[:-1], c.rows, strict=True):
            assert row.balance + row.interest + row.late_fee == row.owed
            if before is not None:
                assert row.balance == before.owed
        assert c.total_owed == c.balance - c.paid + c.interest + c.late_fees
        assert [r.day for r in c.rows] == [30 * k for k in range(1, 9)]

    def test_six_cycles_of_the_example(self):
        c = cost(min_payment=D("1000"))
        assert (c.interest, c.late_fees, c.total_owed) == (D("934.42"), D("1264.65"), D("12199.07"))


class TestAnnualCost:
    def test_interest_alone_over_one_cycle_is_daily_times_365(self):
        # 0.05% x 365 = 18.25% (the 2021 reporting, brief §1.3).
        c = cost(late_fee_rate=D("0"), interest_on="unpaid", cycles=1)
        assert c.annual_cost == D("0.1825") and c.annual_rate == D("0.1825")

    def test_vector_f_with_its_late_fee(self):
        # (150 + 50) x 365 / (10,000 x 30) = 0.24333...
        assert cost(min_payment=D("1000"), cycles=1).annual_cost.quantize(D("0.0001")) == D("0.2433")

    def test_whole_balance_counts_the_paid_part_as_money_in_use(self):
        # (105 + 0) x 365 / (1,000 x 30 + 9,000 x 20) = 38,325 / 210,000.
        c = cost(paid=D("9000"), min_payment=D("1000"), cycles=1, grace_days=20)
        assert c.annual_cost == D("105") * 365 / D("210000")

    def test_over_24_in_the_result(self):
        assert run("card", EXAMPLES["card"])["result"]["over_24"] is True
        params = dict(EXAMPLES["card"], late_fee_rate="0", months="1", interest_on="unpaid")
        low = run("card", params)["result"]
        assert low["over_24"] is False and low["annual_cost"] == "0.1825"


class TestRefusals:
    @pytest.mark.parametrize(
        ("kw", "field", "code"),
        [
            ({"min_payment": D("10001")}, "min_payment", "card_min_over_balance"),
            ({"paid": D("10000.01")}, "paid", "card_paid_over_balance"),
            ({"grace_days": 31, "cycle_days": 30}, "grace_days", "card_grace_over_cycle"),
            ({"balance": D("0")}, "balance", "amount_zero"),
            ({"balance": "10000"}, "balance", "amount_invalid"),  # typed: text goes through calc.parse
            ({"cycles": 0}, "months", "count_range"),
            ({"cycles": rules.MAX_CARD_CYCLES + 1}, "months", "count_range"),
            ({"cycle_days": rules.MAX_CARD_CYCLE_DAYS + 1}, "cycle_days", "count_range"),
            ({"interest_on": "both"}, "interest_on", "card_interest_on_invalid"),
            ({"late_fee_rate": D("1.5")}, "late_fee_rate", "percent_range"),
            ({"daily_rate": D("-0.0001")}, "daily_rate", "rate_negative"),
        ],
    )
    def test_refused_with_the_field_named(self, kw, field, code):
        with pytest.raises(InputError) as err:
            cost(**kw)
        assert (err.value.field, err.value.code) == (field, code)

    def test_arguments_are_keyword_only(self):
        with pytest.raises(TypeError):
            card_cost(D("10000"))  # type: ignore[misc]

    def test_a_projection_past_the_amount_limit_is_refused_not_overflowing(self):
        with pytest.raises(InputError) as err:
            cost(
                balance=rules.MAX_AMOUNT, daily_rate=D("0.02"), late_fee_rate=D("1"), cycles=60, cycle_days=31
            )
        assert (err.value.field, err.value.code) == ("daily_rate", "card_too_large")
        assert "100,000,000,000" in err.value.message("zh-Hant")


class TestParseDailyRate:
    @pytest.mark.parametrize(
        "text",
        [
            "0.05",
            "0.05%",
            "日息0.05%",
            "日利率0.05%",
            "万分之五",
            "萬分之五",
            "日息万分之5",
            "０．０５",
            "年化18.25%",
            "18.25%/年",
            "0.05%/天",
        ],
    )
    def test_the_ways_a_reader_writes_five_ten_thousandths_a_day(self, text):
        assert parse_daily_rate(text) == D("0.0005")

    def test_a_daily_rate_is_used_as_typed_not_through_360_days(self):
        # 30 days on 10,000 at 日息0.05% is 150.00 whatever day count an annual rate would use.
        c = cost(daily_rate=parse_daily_rate("日息0.05%"), late_fee_rate=D("0"), cycles=1)
        assert c.interest == D("150.00")

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("月息1.5%", "daily_rate_monthly"),
            ("abc", "daily_rate_invalid"),
            ("", "daily_rate_invalid"),
            ("3", "rate_too_large"),
            ("-0.05", "rate_negative"),
            ("千分之五", "daily_rate_invalid"),
        ],
    )
    def test_refusals_say_what_to_type(self, text, code):
        with pytest.raises(InputError) as err:
            parse_daily_rate(text)
        assert err.value.code == code and err.value.field == "daily_rate"

    def test_parse_rate_still_reads_annual_rates(self):
        assert parse_rate("18") == D("0.18") and parse_rate("月息1.5%") == D("0.180")

    @pytest.mark.parametrize(
        ("text", "code"),
        [("全额", "full"), ("全額計息", "full"), ("未还部分", "unpaid"), ("unpaid", "unpaid"), ("", "full")],
    )
    def test_interest_bases_in_either_script(self, text, code):
        assert parse_interest_on(text) == code


class TestThroughApiRun:
    @pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
    def test_example_in_both_scripts_same_numbers(self, lang):
        out = run("card", example("card", lang), lang)
        assert out["ok"], out
        r = out["result"]
        assert (r["interest"], r["late_fees"], r["total_owed"], r["annual_cost"]) == (
            "934.42",
            "1264.65",
            "12199.07",
            "0.4459",
        )
        assert r["display"]["total_owed"] == "¥12,199.07" and r["display"]["daily_rate"] == "0.05%"
        assert [c["key"] for c in r["columns"]] == [
            "number",
            "day",
            "balance",
            "interest",
            "late_fee",
            "owed",
            "minimum",
        ]
        assert ("违约金" if lang == "zh" else "違約金") in [c["label"] for c in r["columns"]]
        json.dumps(out)

    def test_blank_fields_take_their_defaults(self):
        r = run("card", {"balance": "1万"})["result"]
        assert (r["min_payment"], r["paid"], r["daily_rate"], r["late_fee_rate"], r["interest_on"]) == (
            "1000.00",
            "0.00",
            "0.000500",
            "0.0500",
            "full",
        )
        assert (r["grace_days"], r["cycle_days"], r["months"]) == ("20", "30", "6")
        assert r["total_owed"] == run("card", EXAMPLES["card"])["result"]["total_owed"]

    def test_traditional_amounts_take_wan_as_simplified_take_wan(self):
        simplified = run("card", dict(EXAMPLES["card"], balance="1万", min_payment="0.1万"))["result"]
        hant = dict(EXAMPLES["card"], balance="1萬", min_payment="0.1萬")
        traditional = run("card", hant, "zh-Hant")["result"]
        assert simplified["rows"] == traditional["rows"] == run("card", EXAMPLES["card"])["result"]["rows"]

    def test_the_daily_rate_field_reads_percent_per_day(self):
        base = run("card", EXAMPLES["card"])["result"]
        for text in ("0.05%", "日息0.05%", "万分之五", "年化18.25%"):
            got = run("card", dict(EXAMPLES["card"], daily_rate=text))["result"]
            assert got["rows"] == base["rows"], text

    @pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
    def test_every_field_error_at_once_in_the_pages_script(self, lang):
        params = {
            "balance": "abc",
            "paid": "-1",
            "daily_rate": "月息1%",
            "late_fee_rate": "500",
            "interest_on": "x",
            "grace_days": "2.5",
            "cycle_days": "0",
            "months": "999",
        }
        out = run("card", params, lang)
        assert not out["ok"]
        fields = {e["field"]: e["message"] for e in out["errors"]}
        assert set(fields) == set(params)
        assert "日利率" in fields["daily_rate"]
        if lang == "zh-Hant":
            assert "請" in fields["balance"]

    def test_contradictions_name_the_field(self):
        errs = run("card", dict(EXAMPLES["card"], grace_days="50"), "zh-Hant")["errors"]
        assert errs[0]["field"] == "grace_days" and "30 天" in errs[0]["message"]
        errs = run("card", dict(EXAMPLES["card"], paid="20000"))["errors"]
        assert errs[0]["code"] == "card_paid_over_balance"

    def test_notes_say_what_was_assumed(self):
        r = run("card", dict(EXAMPLES["card"], paid="500"))["result"]
        assert "500.00" in r["note"] and "不再还款" in r["note"]
        assert "不再還款" in run("card", EXAMPLES["card"], "zh-Hant")["result"]["note"]
        assert "全额" in r["basis_note"] and "365" in r["annual_note"]
        assert "免息期" in run("card", dict(EXAMPLES["card"], paid="10000"))["result"]["note"]


# ---------------------------------------------------------------- properties

amounts = st.decimals(min_value=D("1"), max_value=D("2000000"), places=2)
daily = st.decimals(min_value=D("0"), max_value=D("0.002"), places=6)
fee_rates = st.decimals(min_value=D("0"), max_value=D("0.2"), places=3)
cycle_days = st.integers(min_value=28, max_value=31)


@st.composite
def bills(draw):
    balance = draw(amounts)
    minimum = draw(st.decimals(min_value=D("0"), max_value=balance, places=2))
    paid = draw(st.decimals(min_value=D("0"), max_value=balance, places=2))
    days = draw(cycle_days)
    return dict(
        balance=balance,
        min_payment=minimum,
        paid=paid,
        daily_rate=draw(daily),
        late_fee_rate=draw(fee_rates),
        grace_days=draw(st.integers(0, days)),
        cycle_days=days,
    )


@settings(max_examples=150, deadline=None)
@given(bills(), st.integers(1, 24), st.sampled_from(["full", "unpaid"]))
def test_paying_in_full_costs_nothing(bill, cycles, basis):
    bill["paid"] = bill["balance"]
    c = card_cost(**bill, cycles=cycles, interest_on=basis)
    assert c.interest == c.late_fees == c.total_owed == 0


@settings(max_examples=150, deadline=None)
@given(bills(), st.integers(2, 24))
def test_cost_grows_faster_than_linearly_over_cycles(bill, cycles):
    # Each cycle costs at least as much as the one before (unpaid part: from the first
    # cycle; whole balance: from the second, since its first cycle also charges the paid
    # part for the days before it was paid), so n cycles cost at least n x the first.
    for basis, first in (("unpaid", 0), ("full", 1)):
        c = card_cost(**bill, cycles=cycles, interest_on=basis)
        steps = [r.interest + r.late_fee for r in c.rows]
        assert all(a <= b for a, b in zip(steps[first:-1], steps[first + 1 :], strict=True)), (basis, steps)
    c = card_cost(**bill, cycles=cycles, interest_on="unpaid")
    assert c.cost >= cycles * (c.rows[0].interest + c.rows[0].late_fee)


def test_cost_grows_strictly_faster_than_linearly_on_the_example():
    one = cost(min_payment=D("1000"), cycles=1).cost
    assert cost(min_payment=D("1000"), cycles=6).cost > 6 * one
    assert cost(min_payment=D("1000"), cycles=12).cost > 2 * cost(min_payment=D("1000"), cycles=6).cost


@settings(max_examples=150, deadline=None)
@given(bills(), st.integers(1, 24))
def test_whole_balance_costs_at_least_the_unpaid_part(bill, cycles):
    full = card_cost(**bill, cycles=cycles, interest_on="full")
    unpaid = card_cost(**bill, cycles=cycles, interest_on="unpaid")
    assert full.interest >= unpaid.interest and full.late_fees >= unpaid.late_fees
    assert full.total_owed >= unpaid.total_owed
    assert all(f.owed >= u.owed for f, u in zip(full.rows, unpaid.rows, strict=True))


@settings(max_examples=150, deadline=None)
@given(bills(), st.integers(1, 24))
def test_rows_add_up_and_money_has_cents(bill, cycles):
    c = card_cost(**bill, cycles=cycles)
    for row in c.rows:
        assert row.balance + row.interest + row.late_fee == row.owed
        for value in (row.interest, row.late_fee, row.owed, row.minimum):
            assert value == value.quantize(D("0.01"))


# ---------------------------------------------------------------- hostile input

typed = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-0",
        "-1",
        "1万",
        "1萬",
        "3.5万元",
        "¥5,000.50",
        "５０００",
        "1e400",
        "NaN",
        "inf",
        "1,2,3",
        "0.05",
        "0.05%",
        "日息0.05%",
        "日息万分之五",
        "萬分之五",
        "年化18.25%",
        "月息1.5%",
        "千分之五",
        "5‰",
        "full",
        "unpaid",
        "全额",
        "未還部分",
        "30",
        "31",
        "32",
        "60",
        "61",
        "999999999999",
        "9" * 400,
        "\x00",
        "\u202e5",
        "\ud800",
        "一千",
        "10000.001",
        "0x10",
        "1_000",
        "２０",
        "二十",
        "20天",
        "6期",
        "3年",
    ]
)
values = st.one_of(
    typed,
    st.text(max_size=30),
    st.integers(-(10**20), 10**20),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
    st.lists(typed, max_size=3),
    st.dictionaries(st.text(max_size=3), typed, max_size=2),
)


@settings(max_examples=600, deadline=None)
@given(
    st.dictionaries(st.sampled_from(CARD_FIELDS + ("x", "")), values, max_size=10),
    st.sampled_from(["zh", "zh-Hant", "en", None]),
)
def test_nothing_a_person_could_type_ends_in_internal_error(params, lang):
    out = run("card", params, lang)
    assert isinstance(out, dict) and isinstance(out["ok"], bool)
    json.dumps(out)
    if not out["ok"]:
        assert all(e["code"] != "internal_error" for e in out["errors"]), out
        assert all(e["field"] in CARD_FIELDS for e in out["errors"]), out


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({f: typed for f in CARD_FIELDS}))
def test_every_field_typed_at_once_never_internal_error(params):
    for lang in ("zh", "zh-Hant"):
        out = run("card", params, lang)
        assert out["ok"] or all(e["code"] != "internal_error" for e in out["errors"]), out
