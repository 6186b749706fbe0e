"""calc.api.run: the browser's contract (keys, formats, errors), never raising."""

import json
import re
from decimal import Decimal as D

import pytest

from calc import api
from calc.api import EXAMPLES, registry, run

CALCULATORS = registry.CALCULATORS

AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
RATE = re.compile(r"^-?\d+\.\d{4}$")
COUNT = re.compile(r"^\d+$")

# The fixed output names of each calculator (DESIGN.md) live in its module.
FIXED_OUTPUTS = {name: set(getattr(registry.module(name), "OUTPUTS", ())) for name in CALCULATORS}


def test_examples_cover_every_calculator():
    assert set(EXAMPLES) == set(CALCULATORS) == set(FIXED_OUTPUTS)


@pytest.mark.parametrize("name", CALCULATORS)
@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_every_example_runs_and_has_the_fixed_output_names(name, lang):
    out = run(name, EXAMPLES[name], lang)
    assert out["ok"], out
    assert FIXED_OUTPUTS[name] <= set(out["result"])
    json.dumps(out)  # JSON-safe: no Decimal, no date


def test_example_params_are_strings_or_lists_of_strings():
    for params in EXAMPLES.values():
        for value in params.values():
            assert isinstance(value, str) or all(isinstance(v, str) for v in value)


def test_schedule_example_is_brief_example_a():
    r = run("schedule", EXAMPLES["schedule"])["result"]
    assert (r["first_payment"], r["last_payment"], r["total_interest"]) == ("1937.41", "1937.28", "8122.17")
    assert r["apr_simple"] == "0.1200"
    assert len(r["rows"]) == 30 and r["rows"][0]["due"] == "2026-02-28"
    assert r["chart"]["balance"][-1] == "0.00"


def test_schedule_formats_amounts_rates_and_counts():
    r = run(
        "schedule", {"principal": "12000", "months": "12", "method": "installment_fee", "fee_rate": "0.6"}
    )["result"]
    for key in ("first_payment", "total_payment", "total_interest", "total_fee"):
        assert AMOUNT.match(r[key]), key
    for key in ("apr_simple", "apr_compound", "annual_rate", "fee_rate", "nominal_rate"):
        assert RATE.match(r[key]), key
    assert COUNT.match(r["months"])
    assert (r["apr_simple"], r["apr_compound"], r["nominal_rate"]) == ("0.1303", "0.1384", "0.0720")
    assert r["display"]["apr_simple"] == "13.03%"
    assert all(AMOUNT.match(v) for row in r["rows"] for k, v in row.items() if k not in ("number", "due"))


def test_schedule_method_labels_in_each_script():
    assert (
        run("schedule", {"principal": "1000", "months": "3", "method": "interest_free"}, "zh")["result"][
            "method_label"
        ]
        == "停息挂账/免息分期"
    )
    assert (
        run("schedule", {"principal": "1000", "months": "3", "method": "等額本金"}, "zh-Hant")["result"][
            "method_label"
        ]
        == "等額本金"
    )


def test_errors_are_collected_for_every_field_at_once():
    out = run(
        "schedule",
        {"principal": "abc", "months": "x", "annual_rate": "-5", "method": "nope", "start": "2025-13-01"},
    )
    assert not out["ok"]
    assert {e["field"] for e in out["errors"]} == {"principal", "months", "annual_rate", "method", "start"}
    for e in out["errors"]:
        assert set(e) >= {"field", "code", "message"} and e["message"]


def test_missing_required_fields_each_reported():
    out = run("payoff", {})
    assert {e["field"] for e in out["errors"]} == {"principal", "monthly_payment"}
    assert out["errors"][0]["message"] == "请输入金额，例如 5000 或 3万"


def test_errors_come_in_the_requested_script():
    out = run("payoff", {}, "zh-Hant")
    assert out["errors"][0]["message"] == "請輸入金額，例如 5000 或 3萬"


def test_payoff_error_names_the_smallest_payment():
    out = run("payoff", {"principal": "30000", "monthly_payment": "500", "annual_rate": "24"})
    assert out["errors"][0]["field"] == "monthly_payment"
    assert "600.01" in out["errors"][0]["message"]


def test_payoff_example_is_e2():
    r = run("payoff", EXAMPLES["payoff"])["result"]
    assert (r["months"], r["last_payment"], r["total_interest"], r["total_payment"]) == (
        "12",
        "810.98",
        "3810.98",
        "33810.98",
    )


def test_penalty_example_is_g():
    r = run("penalty", EXAMPLES["penalty"])["result"]
    assert r["penalty"] == "150.00" and r["penalty_rate"] == "0.1800" and r["markup_typical"] is True
    assert run("penalty", dict(EXAMPLES["penalty"], markup="30"))["result"]["penalty"] == "130.00"


def test_penalty_unusual_markup_is_flagged_not_refused():
    r = run("penalty", dict(EXAMPLES["penalty"], markup="80"))["result"]
    assert r["markup_typical"] is False


def test_apr_with_upfront_fee_is_e0():
    r = run("apr", {"received": "100000", "fee_upfront": "1000", "payment": "8833.30", "periods": "12"})[
        "result"
    ]
    assert (r["apr_simple"], r["apr_compound"], r["net_received"]) == ("0.1280", "0.1358", "99000.00")


def test_apr_from_flows_is_e4_and_above_the_lines():
    r = run("apr", {"flows": ["30000"] + ["3000"] * 12, "contract_date": "2025-06-01"})["result"]
    assert (r["apr_simple"], r["apr_compound"]) == ("0.3507", "0.4130")
    lines = {line["code"]: line for line in r["lines"]}
    assert lines["lpr4"]["rate"] == "0.1200" and lines["lpr4"]["above"]
    assert lines["court24"]["above"]


def test_apr_fees_larger_than_loan_refused():
    out = run("apr", {"received": "1000", "fee_upfront": "1000", "payment": "100", "periods": "12"})
    assert out["errors"][0]["code"] == "received_after_fees"


def test_apr_flow_row_errors_carry_index():
    out = run("apr", {"flows": ["30000", "3000", "abc"]})
    assert out["errors"][0]["field"] == "flows" and out["errors"][0]["index"] == 2


def test_budget_shares_and_capacity():
    r = run(
        "budget",
        {
            "income": ["8000"],
            "expense": ["3000", "1000"],
            "expense_label": ["房租", ""],
            "buffer_ratio": "10",
        },
    )["result"]
    assert (r["surplus"], r["capacity"]) == ("4000.00", "3600.00")
    assert [e["share"] for e in r["chart"]["expenses"]] == ["0.7500", "0.2500"]
    assert r["chart"]["expenses"][1]["label"] == "支出 2"


def test_budget_negative_surplus_kept_and_explained():
    r = run("budget", {"income": ["3000"], "expense": ["3500"]})["result"]
    assert (r["surplus"], r["capacity"]) == ("-500.00", "0.00")
    assert "500.00" in r["note"]


def test_budget_blank_rows_skipped_bad_rows_indexed():
    out = run("budget", {"income": ["5000", "", "x"], "expense": []})
    assert out["errors"] == [
        {"field": "income", "code": "amount_invalid", "index": 2, "message": out["errors"][0]["message"]}
    ]


def test_budget_without_income_asks_for_one():
    out = run("budget", {"expense": ["100"]})
    assert out["errors"][0]["code"] == "income_required"


def test_stage_by_days_is_m2_late():
    r = run("stage", {"days": "45"})["result"]
    assert (r["m_level"], r["phase"], r["days_to_next"], r["report_code"]) == ("M2", "late", "16", "2")


def test_stage_by_dates_has_a_timeline():
    # issue 11: the 恶意透支 date is shown only for a credit card whose principal reaches 50,000
    params = {"due_date": "2025-01-31", "today": "2025-03-17", "kind": "credit_card", "principal": "50000"}
    r = run("stage", params, "zh-Hant")["result"]
    assert r["days"] == "45" and r["m_level"] == "M2"
    codes = [e["code"] for e in r["timeline"]]
    assert "malicious_earliest" in codes and "m7" in codes
    malicious = next(e for e in r["timeline"] if e["code"] == "malicious_earliest")
    assert malicious["date"] == "2025-06-04" and not malicious["reached"]
    assert "50,000" in malicious["label"] and "僅對信用卡" in malicious["label"]
    assert next(e for e in r["timeline"] if e["code"] == "m2")["reached"]


def test_stage_not_yet_due():
    r = run("stage", {"due_date": "2025-03-20", "today": "2025-03-17"})["result"]
    assert (r["m_level"], r["days"], r["days_until_due"]) == ("M0", "0", "3")


def test_stage_dates_need_today():
    out = run("stage", {"due_date": "2025-03-20"})
    assert out["errors"][0]["field"] == "today"


def test_options_example_has_one_bar_per_option_and_reasons():
    r = run("options", EXAMPLES["options"], "zh-Hant")["result"]
    assert len(r["chart"]["bars"]) == len(r["options"]) == 6
    assert all(o["reason"] and o["label"] for o in r["options"])
    assert r["best"] in {o["key"] for o in r["options"] if o["fits"]}


def test_debts_example_plan_and_exact_pro_rata():
    r = run("debts", EXAMPLES["debts"])["result"]
    assert sum(D(d["share"]) for d in r["debts"]) == D(r["capacity"])
    # avalanche: the costliest debt first, called by the same name as in the per-debt rows
    costliest = max(r["debts"], key=lambda d: D(d["annual_rate"]))
    assert r["avalanche"]["order_lenders"][0] == costliest["lender"] and costliest["kind"] == "online_loan"
    assert len(r["chart"]["avalanche"]) == 3
    assert len(r["chart"]["months"]) == len(r["chart"]["avalanche"][0]["balances"])


def test_debts_shortfall_message():
    params = dict(EXAMPLES["debts"], capacity="2000")
    r = run("debts", params)["result"]
    assert r["shortfall"] == "1200.00" and r["fits"] is False and r["avalanche"] is None
    assert "1,200.00" in r["message"]


def test_debts_row_errors_carry_field_and_index():
    params = dict(EXAMPLES["debts"], balance=["30000", "abc", ""], annual_rate=["18", "24", "x"])
    out = run("debts", params)
    got = {(e["field"], e.get("index")) for e in out["errors"]}
    assert got == {("balance", 1), ("balance", 2), ("annual_rate", 2)}


def test_letter_refuses_full_account_number():
    out = run("letter", dict(EXAMPLES["letter"], account_last4="6222020000001234"), "zh-Hant")
    assert out["errors"][0]["code"] == "last4_full_number"
    assert "最後4位" in out["errors"][0]["message"]


def test_letter_collects_all_missing():
    # who the reader is may be blank (the letter prints ________, issue 12); the substance may not
    out = run("letter", {})
    assert {e["field"] for e in out["errors"]} >= {"amount", "proposal"}


@pytest.mark.parametrize(
    "name, params, lang",
    [
        (None, None, None),
        (123, {}, "zh"),
        ("nope", {}, "zh"),
        ("schedule", None, "xx"),
        ("schedule", [], "zh"),
        ("schedule", "principal=5", "zh"),
        ("schedule", {"principal": None, "months": 5, "annual_rate": 1.5}, "zh"),
        ("schedule", {"principal": ["1", "2"]}, "zh"),
        ("schedule", {"principal": {"a": 1}}, "zh"),
        ("schedule", {"principal": "9" * 100000}, "zh"),
        ("schedule", {"principal": "1e999999"}, "zh"),
        ("schedule", {1: 2, None: 3}, "zh"),
        ("budget", {"income": "5000"}, "zh"),
        ("budget", {"income": ["1"] * 1000}, "zh"),
        ("debts", {"balance": [None, 5, object()]}, "zh"),
        ("apr", {"flows": "30000"}, "zh"),
        ("stage", {"days": True}, "zh"),
        ("stage", {"due_date": "0001-01-01", "today": "9999-12-31"}, "zh"),
        ("letter", {"name": "x" * 5000}, "zh"),
        ("penalty", {"principal": float("nan"), "days": float("inf"), "annual_rate": 10**400}, "zh"),
    ],
)
def test_run_never_raises_on_junk(name, params, lang):
    out = run(name, params, lang)
    assert out["ok"] in (True, False)
    if not out["ok"]:
        assert out["errors"] and all(e["message"] for e in out["errors"])
    json.dumps(out)


def test_unknown_calculator_is_an_error_in_words():
    out = run("nope", {})
    assert out == {
        "ok": False,
        "errors": [{"field": "name", "code": "calculator_unknown", "message": out["errors"][0]["message"]}],
    }


def test_unknown_language_defaults_to_simplified():
    assert run("stage", {"days": "45"}, "fr")["result"]["phase_label"] == "逾期较长（31–90天）"


def test_internal_errors_are_caught(monkeypatch):
    def boom(form, out):
        raise RuntimeError("bug")

    monkeypatch.setattr(registry.module("stage"), "compute", boom)
    out = run("stage", {"days": "1"})
    assert out["ok"] is False and out["errors"][0]["code"] == "internal_error"


def test_api_docstring_documents_every_calculator():
    # The contract of each calculator is its own module's docstring.
    for name in CALCULATORS:
        assert f"``{name}``\n" in registry.module(name).__doc__


@pytest.mark.parametrize("name", CALCULATORS)
def test_traditional_examples_have_only_traditional_text(name):
    import opencc

    s2t = opencc.OpenCC("s2t")
    params = api.example(name, "zh-Hant")
    assert set(params) == set(EXAMPLES[name])
    texts = [v for value in params.values() for v in (value if isinstance(value, list) else [value])]
    assert all(s2t.convert(t) == t for t in texts)
    assert run(name, params, "zh-Hant")["ok"]


def test_example_returns_a_copy():
    params = api.example("budget")
    params["income"].append("1")
    assert EXAMPLES["budget"]["income"] == ["6500", "1500"]
