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
    for path in CALC.glob("*.py"):
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
    needed += [f"timeline.{c}" for c in ("overdue_starts", "report", "grace_ends", "non_performing", "malicious_earliest")]
    needed += [f"timeline.m{k}" for k in range(2, 8)]
    assert [k for k in needed if k not in CATALOGUE] == []


def test_amount_required_tells_the_reader_what_to_type():
    assert CATALOGUE["amount_required"] == {"zh": "请输入金额，例如 5000 或 3万", "zh-Hant": "請輸入金額，例如 5000 或 3萬"}


def test_unknown_language_falls_back_to_simplified():
    assert messages.text("amount_required", "en") == CATALOGUE["amount_required"]["zh"]
    assert messages.text("amount_required", "zh-TW") == CATALOGUE["amount_required"]["zh-Hant"]


def test_every_label_key_written_as_a_literal_is_in_the_catalogue():
    pattern = re.compile(r"[\"']((?:reason|budget|debts|order|apr|penalty|stage|unit|column|proposal)\.[a-z0-9_.]+)[\"']")
    found = set()
    for path in CALC.glob("*.py"):
        found |= set(pattern.findall(path.read_text("utf-8")))
    found = {k for k in found if not k.endswith(".")}
    assert found and sorted(found - set(CATALOGUE)) == []
