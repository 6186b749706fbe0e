"""Parity: calc.api.run gives the same JSON in CPython and in Pyodide (the browser's
runtime, run here by node with the npm package the site ships and the wheel from dist/).

Every worked example in calc.api.EXAMPLES, edge cases and error cases, in both scripts,
go through one Pyodide start (tests/support/pyodide_runner.mjs)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from calc import api
from calc.api import registry

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "support" / "pyodide_runner.mjs"

EDGE_CASES: list[tuple[str, object]] = [
    # amounts and rates as people type them
    ("schedule", {"principal": "５万", "months": "3年", "method": "等额本金", "annual_rate": "月息1.5%"}),
    (
        "schedule",
        {
            "principal": "10000",
            "months": "12",
            "method": "installment_fee",
            "fee_rate": "0.6",
            "start": "2024-01-31",
        },
    ),
    (
        "schedule",
        {"principal": "10000", "months": "6", "method": "interest_first", "annual_rate": "日息万分之五"},
    ),
    ("schedule", {"principal": "10000", "months": "60", "method": "interest_free"}),
    ("schedule", {"principal": "1", "months": "360", "annual_rate": "36"}),
    ("payoff", {"principal": "30000", "monthly_payment": "100", "annual_rate": "24"}),  # never pays off
    ("payoff", {"principal": "0.01", "monthly_payment": "1"}),
    (
        "penalty",
        {"principal": "¥5,000.50", "days": "0", "annual_rate": "18%", "markup": "30", "day_count": "365"},
    ),
    (
        "apr",
        {
            "received": "10000",
            "payment": "1000",
            "periods": "12",
            "fee_upfront": "1000",
            "contract_date": "2020-03-01",
        },
    ),
    ("apr", {"flows": ["10000", "", "5500", "5500"]}),
    ("apr", {"received": "1000", "payment": "1", "periods": "1"}),  # no rate exists
    ("stage", {"days": "0"}),
    ("stage", {"days": "181"}),
    ("stage", {"due_date": "2024-02-29", "today": "2024-12-31"}),
    ("stage", {"due_date": "2026-05-01", "today": "2026-04-01"}),  # not yet due
    ("budget", {"income": ["3万"], "expense": ["40000"], "buffer_ratio": "0"}),  # negative surplus
    ("budget", {"income": ["", ""], "income_label": ["", ""], "expense": []}),
    # errors: every field, wrong types, unknown names
    (
        "schedule",
        {
            "principal": "abc",
            "months": "0",
            "method": "bogus",
            "annual_rate": "-1",
            "fee_rate": "99",
            "start": "2026-02-30",
        },
    ),
    ("budget", {"income": ["5000", "x", "-3"], "expense": ["1e400"], "buffer_ratio": "200"}),
    ("penalty", {"principal": "", "days": "3.5", "annual_rate": "NaN", "markup": "500"}),
    ("apr", {"received": "100", "payment": "10", "periods": "12", "fee_upfront": "100"}),
    ("stage", {"due_date": "yesterday"}),
    ("options", {"principal": "30000"}),
    ("debts", {"lender": ["a"], "balance": ["x"], "capacity": "1000"}),
    # blank lenders are called by kind and row (issue 12), beside a typed one
    (
        "debts",
        {
            "lender": ["", "某银行", " "],
            "kind": ["网贷", "bank_loan", "other"],
            "balance": ["8000", "2万", "3000"],
            "annual_rate": ["36", "12", "24"],
            "min_payment": ["800", "1000", "300"],
            "capacity": "1500",
        },
    ),
    ("letter", {"name": "", "account_last4": "12"}),
    # card: a daily rate as typed, both interest bases, paid in full, the amount limit, field errors
    ("card", {"balance": "1.2万", "paid": "500", "daily_rate": "日息万分之五", "interest_on": "未还部分"}),
    ("card", {"balance": "9萬", "min_payment": "", "daily_rate": "年化18.25%", "months": "60"}),
    ("card", {"balance": "10000", "paid": "10000"}),  # paid in full: nothing
    ("card", {"balance": "1000亿", "daily_rate": "2", "late_fee_rate": "100", "months": "60"}),  # too large
    ("card", {"balance": "abc", "paid": "-1", "daily_rate": "月息1%", "grace_days": "50", "months": "0"}),
    # plan and the six letters (issue 12)
    (
        "plan",
        {
            "lender": ["卡", "网贷", "房贷"],
            "kind": ["信用卡", "online_loan", "mortgage"],
            "balance": ["5.2万", "9000", "30万"],
            "annual_rate": ["日息0.05%", "24", "4"],
            "min_payment": ["2600", "900", "2000"],
            "days_overdue": ["95", "20", "0"],
            "sued": ["no", "yes", "no"],
            "due_day": ["31", "", "5"],
            "income": ["9000"],
            "expense": ["2800"],
            "today": "2026-01-31",
        },
    ),
    ("plan", {"lender": ["a"], "balance": ["x"], "income": ["y"], "sued": ["maybe"], "due_day": ["32"]}),
    ("letter", {"kind": "complaint", "complaint_to": "local_regulator", "what_happened": "晚上打给同事"}),
    (
        "letter",
        {"kind": "debt_proof", "debt_source": "guaranteed", "amount": "3.2万", "account_last4": "0042"},
    ),
    ("letter", {"kind": "credit_dispute", "date": "2026-12-01"}),
    ("letter", {"kind": "stop_third_party"}),
    ("letter", {"kind": "confirm", "agreed": "停息，分36期"}),
    ("letter", {"kind": "bogus"}),
    ("nope", {}),
    ("payoff", {"principal": ["1", "2"]}),
    ("payoff", {"principal": 5, "monthly_payment": True}),
]


def vectors() -> list[dict]:
    out = []
    for lang in ("zh", "zh-Hant"):
        for name in registry.CALCULATORS:
            out.append({"name": name, "params": api.example(name, lang), "lang": lang})
        for name, params in EDGE_CASES:
            out.append({"name": name, "params": params, "lang": lang})
    return out


def cpython(v: dict) -> str:
    return json.dumps(api.run(v["name"], v["params"], v["lang"]), ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def pyodide_results(built_site) -> list[str]:
    wheels = sorted(Path(os.environ.get("DIST_DIR") or ROOT / "dist").glob("calc-*-py3-none-any.whl"))
    assert len(wheels) == 1, f"expected one calc wheel in dist/, found {wheels}"
    proc = subprocess.run(
        ["node", str(RUNNER), str(wheels[0])],
        input=json.dumps(vectors(), ensure_ascii=False),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_vectors_cover_every_calculator_ok_and_failing():
    results = [api.run(v["name"], v["params"], v["lang"]) for v in vectors()]
    assert {v["name"] for v in vectors()} >= set(registry.CALCULATORS)
    assert any(r["ok"] for r in results) and any(not r["ok"] for r in results)


def test_pyodide_gives_the_same_json_as_cpython(pyodide_results):
    vs = vectors()
    assert len(pyodide_results) == len(vs)
    mismatches = [
        (v["name"], v["lang"], v["params"])
        for v, got in zip(vs, pyodide_results, strict=True)
        if got != cpython(v)
    ]
    assert mismatches == [], f"{len(mismatches)} vectors differ, first: {mismatches[:3]}"
