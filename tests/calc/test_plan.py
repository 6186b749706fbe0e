"""plan: the personal action plan (issue 12): the ladder, the offers, the dates."""

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calc import rules
from calc.api import EXAMPLES, run
from calc.budget import repayment_capacity
from calc.debts import make_debt
from calc.plan import PlanDebt, make_plan, priority_ladder, share_capacity

TODAY = "2026-12-01"


def plan(rows, income=("9000",), expense=("4700",), lang="zh", **extra):
    params = {
        f: [r.get(f, "") for r in rows]
        for f in (
            "lender",
            "kind",
            "balance",
            "annual_rate",
            "min_payment",
            "days_overdue",
            "sued",
            "due_day",
        )
    }
    params.update(income=list(income), expense=list(expense), today=TODAY, **extra)
    answer = run("plan", params, lang)
    assert answer["ok"], answer
    return answer["result"]


def debt(
    lender, kind="online_loan", balance="10000", rate="24", minimum="1000", days="20", sued="no", due=""
):
    return {
        "lender": lender,
        "kind": kind,
        "balance": balance,
        "annual_rate": rate,
        "min_payment": minimum,
        "days_overdue": days,
        "sued": sued,
        "due_day": due,
    }


class TestSituations:
    def test_issue_reader_short_capacity_shares_it_all_pro_rata(self):
        r = run("plan", dict(EXAMPLES["plan"], today=TODAY))["result"]
        # budget's own answer for the same rows: 9,000 - 4,700 = 4,300, less 10% = 3,870
        assert (
            r["capacity"]
            == run(
                "budget",
                {
                    k: EXAMPLES["plan"][k]
                    for k in ("income", "income_label", "expense", "expense_label", "buffer_ratio")
                },
            )["result"]["capacity"]
            == "3870.00"
        )
        assert r["short"] is True and r["total_min_payment"] == "6250.00" and r["shortfall"] == "2380.00"
        assert r["total_offered"] == "3870.00"
        by_row = {o["row"]: o["monthly"] for o in r["offers"]}
        # 48,000 / 63,000 x 3,870 = 2,948.571..., 9,000/63,000 -> 552.857, 6,000/63,000 -> 368.571
        assert by_row == {"0": "2948.57", "1": "552.86", "2": "368.57"}
        assert {o["ask"] for o in r["offers"]} == {"reduced"} and "停息" in r["message"]

    def test_card_over_50000_long_overdue_comes_first_and_gets_its_minimum(self):
        r = plan(
            [
                debt("网贷A", rate="36", minimum="2000"),
                debt("卡B", "credit_card", "52000", "18", "2600", days="95"),
            ]
        )
        first = r["priority"][0]
        assert (first["lender"], first["reason"], first["rank"], first["priority"]) == (
            "卡B",
            "card_malicious",
            "1",
            True,
        )
        assert "50,000" in first["text"] and first["link"] == "guide/legal/#malicious-overdraft"
        offers = {o["lender"]: o for o in r["offers"]}
        assert offers["卡B"]["monthly"] == "2600.00" and offers["卡B"]["priority"] is True
        # capacity 4,300 x 0.9 = 3,870; 3,870 - 2,600 = 1,270 for the loan, short of its 2,000
        assert offers["网贷A"]["monthly"] == "1270.00" and r["short"] is True
        assert any(a["code"] == "card_today" and a["when"] == TODAY for a in r["actions"])

    def test_near_means_from_80_percent_and_long_means_over_30_days(self):
        near = rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL * rules.PLAN_CARD_NEAR_RATIO
        assert near == D("40000")
        reasons = [
            plan([debt("卡", "credit_card", str(b), "18", "100", days=str(d))])["priority"][0]["reason"]
            for b, d in ((40000, 31), (39999.99, 200), (45000, 30))
        ]
        assert reasons == ["card_malicious", "cost", "cost"]

    def test_sued_debt_ranks_first_with_the_answer_deadline(self):
        r = plan([debt("甲", rate="36"), debt("乙", rate="12", sued="yes")])
        assert [(p["lender"], p["reason"]) for p in r["priority"]] == [("乙", "sued"), ("甲", "cost")]
        answer = [a for a in r["actions"] if a["code"] == "court_answer"]
        assert len(answer) == 1 and answer[0]["when"] == "2026-12-16"  # 15 days
        assert "15 日内" in answer[0]["text"] and "为准" in answer[0]["text"]
        assert any(a["code"] == "court_today" and "12348" in a["text"] for a in r["actions"])

    def test_secured_then_guaranteed_then_cost(self):
        r = plan(
            [
                debt("网贷", rate="30"),
                debt("担保", "guaranteed_loan", rate="20"),
                debt("房贷", "mortgage", "500000", "4", "2000"),
            ]
        )
        assert [p["reason"] for p in r["priority"]] == ["secured", "guaranteed", "cost"]

    def test_one_debt_only_gets_the_whole_capacity_at_most_its_balance(self):
        r = plan([debt("唯一", balance="2000", minimum="500")])
        assert [o["monthly"] for o in r["offers"]] == ["2000.00"] and r["short"] is False
        r = plan([debt("唯一", balance="200000", minimum="500", sued="yes")])
        assert r["offers"][0]["monthly"] == "3870.00" and r["total_offered"] == r["capacity"]

    def test_fits_pays_every_minimum_and_the_extra_to_the_costliest(self):
        r = plan([debt("低", rate="10", minimum="500"), debt("高", rate="30", minimum="500")])
        offers = {o["lender"]: o["monthly"] for o in r["offers"]}
        # 3,870: each its 500 minimum, the extra 2,870 to the 30% debt (room: its 10,000 balance)
        assert offers == {"高": "3370.00", "低": "500.00"}
        assert r["short"] is False and "够付" in r["message"]

    def test_no_capacity_asks_for_time(self):
        r = plan([debt("甲")], income=("3000",), expense=("3500",))
        assert r["capacity"] == "0.00" and r["offers"][0]["ask"] == "hold"
        assert "暂缓" in r["message"]

    def test_due_day_dates_the_payment(self):
        r = plan([debt("甲", due="5")])
        assert [a["when"] for a in r["actions"] if a["code"] == "pay"] == ["2027-01-05"]  # after this week

    def test_deadlines_come_from_rules_and_in_date_order(self):
        r = plan([debt("甲")])
        whens = [a["when"] for a in r["actions"]]
        assert whens == sorted(whens)
        codes = {a["code"]: a["when"] for a in r["actions"]}
        assert codes["objection_reply"] == "2026-12-28"  # this week (7) + 20 days
        assert codes["complaint_reply"] == "2027-01-27"  # + 30 days
        assert codes["review"] == "2027-03-01"

    def test_both_scripts_give_the_same_numbers(self):
        zh = run("plan", dict(EXAMPLES["plan"], today=TODAY))["result"]
        from calc.api import example

        hant = run("plan", dict(example("plan", "zh-Hant"), today=TODAY), "zh-Hant")["result"]
        assert [o["monthly"] for o in zh["offers"]] == [o["monthly"] for o in hant["offers"]]
        assert "還" in hant["message"] and hant["offers"][0]["lender"] == "網貸（第2筆）"


class TestUnnamedLenders:
    """Issue 12: the examples leave the lender blank (a placeholder shows), and so may the
    reader; calc then calls the debt by its kind and its row (信用卡（第1笔）) everywhere
    a result names a lender, the same in both scripts."""

    def test_the_examples_leave_every_lender_blank(self):
        from calc.api import example

        for name in ("debts", "plan"):
            for lang in ("zh", "zh-Hant"):
                lenders = example(name, lang)["lender"]
                assert lenders and all(v == "" for v in lenders), (name, lang)

    def test_a_blank_lender_is_called_by_its_kind_and_row_in_every_list_and_sentence(self):
        rows = [debt("", "credit_card", "48000", "18", "4800"), debt("招商银行", rate="30"), debt("  ")]
        for lang, card, loan in (
            ("zh", "信用卡（第1笔）", "网贷（第3笔）"),
            ("zh-Hant", "信用卡（第1筆）", "網貸（第3筆）"),
        ):
            r = plan(rows, lang=lang)
            names = {p["row"]: (p["lender"], p["named"]) for p in r["priority"]}
            assert names == {"0": (card, False), "1": ("招商银行", True), "2": (loan, False)}
            assert {o["row"]: (o["lender"], o["named"]) for o in r["offers"]} == names
            assert r["short"] and all(o["lender"] in o["text"] for o in r["offers"])  # each asks its lender
            steps = [a for a in r["actions"] if a["row"] is not None]
            assert steps and all(names[a["row"]][0] in a["text"] for a in steps)
            texts = " ".join(a["text"] for a in r["actions"]) + " ".join(o["text"] for o in r["offers"])
            assert "None" not in texts and "{" not in texts and "（第2" not in texts

    def test_the_number_is_the_rows_place_in_the_form(self):
        # a blank row in between is skipped, but the next debt keeps the number of its row
        r = plan([debt(""), {"kind": "credit_card", "sued": "no"}, debt("", "bank_loan")])
        assert sorted(o["lender"] for o in r["offers"]) == ["网贷（第1笔）", "银行贷款（第3笔）"]

    def test_kind_other_is_called_by_its_row_alone(self):
        r = plan([debt("", "other"), debt("", "other")], lang="zh-Hant")
        assert sorted(p["lender"] for p in r["priority"]) == ["第1筆欠款", "第2筆欠款"]

    def test_the_debts_tool_uses_the_same_labels(self):
        params = {
            "lender": ["", "某消费金融", ""],
            "kind": ["credit_card", "consumer_finance", "online_loan"],
            "balance": ["30000", "15000", "8000"],
            "annual_rate": ["18", "24", "36"],
            "min_payment": ["1500", "900", "800"],
            "capacity": "2000",  # short: every debt gets an ask naming its lender
        }
        r = run("debts", params, "zh-Hant")["result"]
        assert [(d["lender"], d["named"]) for d in r["debts"]] == [
            ("信用卡（第1筆）", False),
            ("某消费金融", True),
            ("網貸（第3筆）", False),
        ]
        assert all(d["ask"] != "keep" and d["lender"] in d["ask_text"] for d in r["debts"])
        r = run("debts", dict(params, capacity="8000"), "zh-Hant")["result"]
        assert set(r["avalanche"]["order_lenders"]) == {d["lender"] for d in r["debts"]}
        assert [line["label"] for line in r["chart"]["avalanche"]] == [d["lender"] for d in r["debts"]]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 10**7), st.integers(0, 10**5), st.integers(0, 60)), min_size=1, max_size=8
    ),
    st.integers(0, 10**6),
)
def test_offers_never_exceed_capacity_and_short_shares_are_pro_rata(rows, capacity_cents):
    debts = [
        PlanDebt(make_debt(f"L{i}", "online_loan", D(b) / 100, "24", D(m) / 100, days_overdue=d))
        for i, (b, m, d) in enumerate(rows)
    ]
    cap = D(capacity_cents) / 100
    ladder = priority_ladder(debts)
    offers, short = share_capacity(debts=debts, priorities=ladder, capacity=cap)
    total = sum(o.monthly for o in offers)
    assert total <= cap
    assert all(o.monthly == o.monthly.quantize(D("0.01")) and o.monthly >= 0 for o in offers)
    needs = sum(o.need for o in offers)
    if short and cap > 0:
        assert total == cap  # the whole capacity is shared out
        balances = {o.index: debts[o.index].debt.balance for o in offers}
        whole = sum(balances.values())
        for o in offers:
            assert abs(o.monthly - cap * balances[o.index] / whole) < D("0.01")
    if not short:
        assert all(o.monthly >= o.need for o in offers) and needs <= cap


def test_make_plan_takes_keywords_only():
    cap = repayment_capacity(["5000"], ["1000"])
    with pytest.raises(TypeError):
        make_plan([PlanDebt(make_debt("a", "", "100", "10"))], cap, date(2026, 1, 1))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"lender": ["a"], "balance": ["x"], "income": ["y"], "sued": ["maybe"], "due_day": ["32"]},
        {"lender": ["a"] * 60, "balance": ["1"] * 60, "income": ["1"]},
        {"lender": ["a"], "balance": ["100"], "income": ["1000"], "today": "2026-13-01"},
        {"lender": ["a"], "balance": ["100"], "income": ["1000"], "buffer_ratio": "100"},
        {"lender": [None], "balance": [5], "income": [True]},
        {"lender": ["a"], "balance": ["1e400"], "annual_rate": ["NaN"], "income": ["1000"]},
        {"lender": ["a"], "balance": ["100"], "income": ["1000"], "today": "9999-12-31"},
    ],
)
def test_hostile_input_never_ends_in_internal_error(params):
    r = run("plan", params)
    if not r["ok"]:
        assert all(e["code"] != "internal_error" for e in r["errors"])
