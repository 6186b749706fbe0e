"""The message catalogue: both scripts for every key, proper 繁體, every code used exists."""

import ast
import json
import re
from importlib import resources
from pathlib import Path

import opencc
import pytest

from calc import messages

CALC = Path(__file__).resolve().parents[2] / "calc"
CATALOGUE = messages.catalogue()
S2T = opencc.OpenCC("s2t")


def test_every_entry_has_both_scripts_and_nothing_else():
    for key, entry in CATALOGUE.items():
        assert set(entry) == {"zh", "zh-Hant"}, key
        assert entry["zh"].strip() and entry["zh-Hant"].strip(), key


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_traditional_text_has_no_character_opencc_would_still_change(key):
    hant = CATALOGUE[key]["zh-Hant"]
    assert S2T.convert(hant) == hant


def test_scripts_differ_where_the_text_has_convertible_characters():
    for key, entry in CATALOGUE.items():
        if S2T.convert(entry["zh"]) != entry["zh"]:
            assert entry["zh-Hant"] != entry["zh"], key


def test_placeholders_match_between_scripts():
    for key, entry in CATALOGUE.items():
        names = [set(re.findall(r"\{(\w+)\}", entry[lang])) for lang in ("zh", "zh-Hant")]
        assert names[0] == names[1], key


@pytest.mark.parametrize("name", ["letter", "phone"])
def test_templates_exist_in_both_scripts_and_traditional_is_proper(name):
    zh = resources.files("calc").joinpath("templates", f"{name}.zh.txt").read_text("utf-8")
    hant = resources.files("calc").joinpath("templates", f"{name}.zh-Hant.txt").read_text("utf-8")
    assert S2T.convert(hant) == hant
    assert hant != zh and len(hant.splitlines()) == len(zh.splitlines())


def _codes_raised_in_source():
    """Every literal code passed to InputError(...) or messages.text/out.t in calc/."""
    codes = set()
    for path in CALC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in ("InputError",) and len(node.args) >= 2:
                    arg = node.args[1]
                elif name in ("text", "t") and node.args:
                    arg = node.args[0]
                else:
                    continue
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    codes.add(arg.value)
    return codes


def test_every_code_used_in_the_source_is_in_the_catalogue():
    codes = _codes_raised_in_source()
    assert len(codes) > 40
    assert sorted(codes - set(CATALOGUE)) == []


def test_catalogue_file_is_valid_json_with_unique_keys():
    raw = resources.files("calc").joinpath("locale/messages.json").read_text("utf-8")
    pairs = json.loads(raw, object_pairs_hook=lambda kv: kv)
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys))


def test_label_families_are_complete():
    from calc.debts import KINDS
    from calc.letter import CAUSE_KINDS
    from calc.options import OPTION_KEYS
    from calc.rules import HOTLINES, OVERDUE_PHASES
    from calc.schedule import METHODS

    needed = [f"method.{m}" for m in METHODS]
    needed += [f"phase.{p[0]}" for p in OVERDUE_PHASES]
    needed += [f"m_level.M{k}" for k in range(8)]
    needed += [f"option.{k}" for k in OPTION_KEYS]
    needed += [f"kind.{k}" for k in KINDS]
    needed += [f"cause.{k}" for k in CAUSE_KINDS]
    needed += [f"hotline.{h.number}" for h in HOTLINES]
    needed += [
        f"timeline.{c}"
        for c in ("overdue_starts", "report", "grace_ends", "non_performing", "malicious_earliest")
    ]
    needed += [f"timeline.m{k}" for k in range(2, 8)]
    assert [k for k in needed if k not in CATALOGUE] == []


def test_amount_required_tells_the_reader_what_to_type():
    assert CATALOGUE["amount_required"] == {
        "zh": "请输入金额，例如 5000 或 3万",
        "zh-Hant": "請輸入金額，例如 5000 或 3萬",
    }


def test_unknown_language_falls_back_to_simplified():
    assert messages.text("amount_required", "en") == CATALOGUE["amount_required"]["zh"]
    assert messages.text("amount_required", "zh-TW") == CATALOGUE["amount_required"]["zh-Hant"]


def test_every_label_key_written_as_a_literal_is_in_the_catalogue():
    pattern = re.compile(
        r"[\"']((?:reason|budget|debts|order|apr|penalty|stage|unit|column|proposal)\.[a-z0-9_.]+)[\"']"
    )
    found = set()
    for path in CALC.rglob("*.py"):
        found |= set(pattern.findall(path.read_text("utf-8")))
    found = {k for k in found if not k.endswith(".")}
    assert found and sorted(found - set(CATALOGUE)) == []


def _rule_figures():
    """Figures that live in calc/rules.py, as a message would type them."""
    from calc import rules

    def pct(fraction):
        return f"{(fraction * 100).normalize():f}%"

    cap = rules.PERSONALIZED_INSTALLMENT_MAX_PERIODS
    first = rules.LPR_FIRST_DATE
    figures = {h.number for h in rules.HOTLINES}
    figures |= {f"{cap}期", f"{cap} 期", f"{cap // 12}年", f"{rules.PRIVATE_LENDING_LPR_MULTIPLE}倍"}
    figures |= {
        pct(rules.FINANCIAL_LOAN_COURT_LINE),
        pct(rules.CASH_LOAN_COST_LINE_2017),
        pct(rules.MAX_ANNUAL_RATE),
    }
    figures |= {
        pct(rules.PENALTY_MARKUP_MIN),
        pct(rules.PENALTY_MARKUP_MAX),
        f"{first.year}年{first.month}月{first.day}日",
    }
    figures |= {
        f"{rules.DAYS_PER_YEAR} 或",
        f"{rules.MALICIOUS_OVERDRAFT_MIN_PRINCIPAL:,.0f}",
        f"M{rules.CREDIT_REPORT_MAX_CODE}）",
    }
    for _, low, high in rules.OVERDUE_PHASES:
        figures.add(f"{low}–{high}天" if high else f"{low - 1}天以上")
    for span in rules.CREDIT_REPORT_CODES.values():
        if span and span[0]:
            figures.add(f"{span[0]}–{span[1]}天" if span[1] else f"{span[0] - 1}天以上")
    return figures


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_no_message_types_a_figure_that_lives_in_rules(key):
    # Hotlines, the 60-period cap, the LPR multiple, the 24%/36% lines... are
    # placeholders filled from calc.rules (messages.rule_params), never typed.
    figures = _rule_figures()
    for lang in ("zh", "zh-Hant"):
        typed = re.sub(r"\{\w+\}", "", CATALOGUE[key][lang])
        assert [f for f in figures if f in typed] == [], (key, lang)


def test_rule_placeholders_are_filled_from_rules(monkeypatch):
    from calc import rules

    assert messages.text("hotline.12356").startswith("12356")
    assert "{" not in "".join(
        messages.text(k, lang)
        for k in CATALOGUE
        for lang in ("zh", "zh-Hant")
        if "{" not in re.sub(r"\{(" + "|".join(messages.rule_params(k)) + r")\}", "", CATALOGUE[k][lang])
    )
    assert messages.text("m_level.M3") == "M3：逾期61–90天"
    assert "60期" in messages.text("months_over_cap", maximum=60) and "5年" in messages.text(
        "months_over_cap", maximum=60
    )
    assert "4倍" in messages.text("apr.line.lpr4", "zh-Hant") and "24%" in messages.text("apr.line.court24")
    monkeypatch.setattr(rules, "PRIVATE_LENDING_LPR_MULTIPLE", 5)
    messages._general_params.cache_clear()
    try:
        assert "5倍" in messages.text("apr.line.lpr4")  # a rule change is one edit in rules.py
    finally:
        monkeypatch.undo()
        messages._general_params.cache_clear()
