"""letter: the six kinds (issue 12), in both scripts; blanks instead of an example identity."""

import opencc
import pytest

from calc.api import EXAMPLES, run
from calc.letter import BLANK, KINDS

S2TW = opencc.OpenCC("s2tw")  # Taiwan-standard forms (為 裡 核 才), as the project writes them
TITLES = {
    "negotiate": ("协商还款申请书", "協商還款申請書"),
    "credit_dispute": ("征信异议申请", "徵信異議申請"),
    "complaint": ("投诉书", "投訴書"),
    "stop_third_party": ("要求停止联系第三人、规范催收的函", "要求停止聯繫第三人、規範催收的函"),
    "debt_proof": ("关于提供欠款依据的申请", "關於提供欠款依據的申請"),
    "confirm": ("协商结果书面确认函", "協商結果書面確認函"),
}
BASE = {"amount": "30000", "cause_kind": "illness", "monthly_payment": "1000", "months": "30"}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_each_kind_has_its_own_title_and_fits_a_page(kind, lang):
    r = run("letter", dict(BASE, kind=kind), lang)
    assert r["ok"], r
    res = r["result"]
    assert res["title"] == TITLES[kind][lang == "zh-Hant"] and res["kind"] == kind
    assert len(res["letter"].splitlines()) <= 40 and len(res["letter"]) <= 1200  # one printed page
    assert BLANK in res["letter"] and res["missing"] == ["name", "lender", "account_last4"]
    if lang == "zh-Hant":
        assert S2TW.convert(res["letter"]) == res["letter"]
    assert (res["phone_script"] != "") == (kind == "negotiate")
    assert (res["limitation_warning"] is not None) == (kind in ("negotiate", "confirm"))


def test_the_worked_example_signs_as_no_one():
    params = EXAMPLES["letter"]
    assert params["name"] == params["lender"] == params["account_last4"] == ""
    letter = run("letter", params)["result"]["letter"]
    for sample in ("张三", "某某银行", "1234"):
        assert sample not in letter
    assert "申请人：________" in letter and "尾号________" in letter


def test_filled_fields_appear_in_their_letter():
    r = run(
        "letter",
        {
            "kind": "confirm",
            "name": "李四",
            "lender": "甲银行",
            "account_last4": "0042",
            "call_date": "2026年12月1日",
            "agent": "工号A1",
            "agreed": "停息，分36期，每月900元",
        },
    )
    letter = r["result"]["letter"]
    assert "李四" in letter and "甲银行" in letter and "0042" in letter and "工号A1" in letter
    assert "停息，分36期，每月900元。" in letter and BLANK not in letter.replace("____年__月__日", "")


def test_credit_dispute_names_the_20_day_reply_from_rules():
    from calc import rules

    letter = run("letter", {"kind": "credit_dispute"})["result"]["letter"]
    assert f"{rules.CREDIT_OBJECTION_REPLY_DAYS}日内书面答复" in letter and "第二十五条" in letter


def test_complaint_goes_where_the_reader_chooses():
    for to, word in (
        ("nfra", "12378"),
        ("local_regulator", "地方金融管理局"),
        ("nifa", "互联网金融协会"),
        ("pboc", "人民银行"),
    ):
        assert word in run("letter", {"kind": "complaint", "complaint_to": to})["result"]["letter"]


def test_debt_proof_asks_for_the_transfer_or_guarantee_notice():
    sold = run("letter", {"kind": "debt_proof", "debt_source": "transferred", "amount": "3.2万"})["result"]
    paid = run("letter", {"kind": "debt_proof", "debt_source": "guaranteed"}, "zh-Hant")["result"]
    assert "债权转让通知" in sold["letter"] and "32,000.00" in sold["letter"]
    assert "代償證明" in paid["letter"]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "bogus"},
        {"kind": "complaint", "complaint_to": "x"},
        {"kind": "debt_proof", "debt_source": "?", "amount": "abc"},
        {"kind": "stop_third_party", "account_last4": "6222020000001234"},
        {"kind": ["confirm", "negotiate"]},
        {"kind": "confirm", "agreed": "x" * 5000},
        {"kind": "credit_dispute", "date": "2026-02-30"},
    ],
)
def test_hostile_input_is_a_field_error_never_internal(params):
    r = run("letter", params)
    assert not r["ok"] and all(e["code"] != "internal_error" and e["field"] for e in r["errors"])
