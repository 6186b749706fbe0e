"""Hostile input through ``api.run`` on every calculator in the registry: nothing a
person could type ends in ``internal_error`` (issue 11).

Each example starts from the calculator's own worked example (so most fields are
valid and the domain code is reached) and replaces a few fields, or adds the
optional ones, with what people really type: the issue's vectors, near-limit
numbers, dates at the calendar's edges, control characters, 繁體 multipliers,
random text and random numbers.

The in-suite run is quick (``FUZZ_EXAMPLES``, default 60 per calculator); for a
long run: ``FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/calc/test_fuzz_api.py``.
"""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calc.api import EXAMPLES, registry, run

EXAMPLES_PER_CALCULATOR = int(os.environ.get("FUZZ_EXAMPLES", "60"))

#: Fields any calculator may take beyond its example (optional ones, the other mode's).
EXTRA_FIELDS = (
    "kind", "principal", "upfront_fee", "day_count", "contract_date", "today", "due_date", "days",
    "flows", "personalized_rate", "extension_rate", "fee_upfront", "deducted_interest", "markup",
    "min_payment", "paid", "daily_rate", "interest_on", "grace_days", "cycle_days", "months",
    "late_fee_rate", "balance", "capacity", "income_label", "expense_label", "lender",
)  # fmt: skip

HOSTILE = (
    # the issue's vectors
    "日息0.05%", "日利率0.05%", "日息万分之五", "日息萬分之五", "月息1分", "月息8厘", "月息1.5分", "年息1分",
    "3萬", "4.8萬元", "3仟", "5佰", "1.2千", "200", "31000", "2000.01", "9999-12-31", "9999-12-01",
    "zh-Hant-TW", "\x00", "\u202e", "\ud800", "工\x00资\u202e\ud800",
    # numbers near the limits
    "0", "0.00", "0.01", "-0.01", "1", "-1", "1e11", "99999999999", "100000000000", "100000000000.01",
    "1e400", "NaN", "inf", "-0", "１２３４５", "5,000.50", "5,0000", "¥", "元", "万", "萬萬",
    "0.0000001", "1000", "1000%", "99999%", "360", "361", "600", "601", "36500", "36501", "366",
    # rates
    "日息1%", "日息10%", "万分之十", "千分之五", "月息千分之五", "月息100分", "年化1000%", "0.05%/天",
    "1.5%每月", "百分之十八", "-18%", "18‰", "月息-1分", "日息",
    # dates
    "0001-01-01", "2019-08-19", "2019-08-20", "2026-03-20", "2099-12-31", "2025-02-30", "9999-12-30",
    # codes and words
    "credit_card", "信用卡", "网贷", "網貸", "other", "x", "full", "unpaid", "equal_installment",
    "interest_free", "installment_fee", "等额本金", "365", "",
    # text
    "  ", "\n", "<script>alert(1)</script>", "a" * 150, "１", "〇",
)  # fmt: skip

numbers = st.one_of(
    st.integers(min_value=-10, max_value=10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-1, max_value=10**11).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=0, max_value=100).map(str),
)
value = st.one_of(st.sampled_from(HOSTILE), numbers, st.text(max_size=20))
field_value = st.one_of(value, st.lists(value, min_size=0, max_size=4))

CALLS = {"n": 0}


def _check(name, params, lang):
    CALLS["n"] += 1
    out = run(name, params, lang)
    json.dumps(out)
    assert out["ok"] in (True, False)
    if not out["ok"]:
        assert all(e["code"] != "internal_error" for e in out["errors"]), (name, params, out)


@st.composite
def hostile_params(draw, name):
    example = EXAMPLES[name]
    params = {k: list(v) if isinstance(v, list) else v for k, v in example.items()}
    fields = sorted(set(example) | set(EXTRA_FIELDS))
    for field in draw(st.lists(st.sampled_from(fields), min_size=1, max_size=4, unique=True)):
        if isinstance(example.get(field), list):
            params[field] = draw(st.lists(value, min_size=0, max_size=len(example[field]) + 1))
        else:
            params[field] = draw(field_value)
    return params


def _test_for(name):
    @settings(
        max_examples=EXAMPLES_PER_CALCULATOR,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(params=hostile_params(name), lang=st.sampled_from(["zh", "zh-Hant", "zh-Hant-TW", "x"]))
    def test(params, lang):
        _check(name, params, lang)

    test.__name__ = f"test_hostile_{name}_never_internal_error"
    return test


for _name in registry.CALCULATORS:
    globals()[f"test_hostile_{_name}_never_internal_error"] = _test_for(_name)


def test_the_issue_vectors_never_end_in_internal_error():
    vectors = [
        ("apr", {"received": "1000", "payment": "31000", "periods": "12"}),
        ("debts", {"lender": ["a"], "balance": ["10000"], "annual_rate": ["200"], "capacity": "1700"}),
        ("schedule", {"principal": "10000", "months": "12", "start": "9999-12-31"}),
        ("stage", {"due_date": "9999-12-31", "today": "9999-12-31"}),
        ("plan", dict(EXAMPLES["plan"], today="9999-12-01")),
        ("payoff", {"principal": "100000", "monthly_payment": "2000.01", "annual_rate": "24"}),
    ]
    for name, params in vectors:
        _check(name, params, "zh")


def teardown_module(module):
    print(f"\nfuzz: {CALLS['n']} api.run calls")
