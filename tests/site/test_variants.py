"""One variant set per script, everywhere a reader sees text (issue 10, "繁體: one variant set").

- 繁體: Taiwan-standard character forms, as OpenCC `s2tw` writes them (為 裡 核 才 吃 床 啟 群 眾
  偽 洩 著), with mainland vocabulary (信息, 設備, 打印, 導出 stay). So no character that `s2tw`
  would still convert (a simplified one left) or that `t2tw` would change (爲 裏 覈 纔 喫 牀 啓 羣
  衆 僞 泄 着 …). Both converters change characters only, never words, so the vocabulary is
  untouched by this rule (test_content.py holds the mainland terms).
- 简体: no traditional-only character (the text is what OpenCC `t2s` makes of it). A 简体 page
  that names the other script writes 繁体, in simplified characters, so no allow-list is
  needed; if one ever is, it belongs here with its reason.

Pages and abbr.zh-Hant.md: test_content.py. Here: the letter/phone templates, the calc
messages, every L("简体", "繁體") pair in the widget templates and scripts, the 繁體 text of the
other templates, scripts and mkdocs.yml, the 简体 pages, and the search word lists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
S2TW, T2TW, T2S = (opencc.OpenCC(c) for c in ("s2tw", "t2tw", "t2s"))

L_PAIR = re.compile(r'L\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)'
                    r"|L\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'((?:[^'\\]|\\.)*)'\s*\)")
# A run of Chinese text in a file that mixes scripts and code: Han characters and CJK
# punctuation, up to a quote, tag or ASCII character.
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e“”‘’…—·]+")


def _diffs(text: str, cc, name: str) -> list[str]:
    """Where `cc` changes `text`. A character counts only when `cc` changes it on its own as
    well as in its phrase: OpenCC's phrase tables sometimes pick a rarer form for a correct
    character (s2tw writes 折合 as 摺合, though 折合 is the Taiwan standard), and a character
    it changes only out of context (公里, whose 里 it keeps) is right where it is."""
    converted = cc.convert(text)
    if converted == text:
        return []
    if len(converted) != len(text):
        return [f"{name} changes the text (length {len(text)} -> {len(converted)})"]
    return [f"{name}: {a}→{b} in {text[max(0, i - 8):i + 8]!r}"
            for i, (a, b) in enumerate(zip(text, converted, strict=True))
            if a != b and cc.convert(a) != a]


def hant_problems(text: str) -> list[str]:
    return (_diffs(text, S2TW, "s2tw") + _diffs(text, T2TW, "t2tw"))[:12]


def hans_problems(text: str) -> list[str]:
    return _diffs(text, T2S, "t2s")[:12]


def is_traditional(run: str) -> bool:
    """A run with at least one character that exists only in traditional writing."""
    return T2S.convert(run) != run


def l_pairs(text: str) -> list[tuple[str, str]]:
    pairs = []
    for m in L_PAIR.finditer(text):
        pairs.append((m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4)))
    return pairs


def rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def strings_of(node, lang: str):
    """Every string under a `lang` key of the messages file, however deep."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == lang and isinstance(value, str):
                yield value
            else:
                yield from strings_of(value, lang)
    elif isinstance(node, list):
        for value in node:
            yield from strings_of(value, lang)


# ---------------------------------------------------------------- the rule itself


@pytest.mark.parametrize("text, ok", [
    ("協商成功後，徵信裡會顯示為結清，才算落地。", True),
    ("設備信息可以打印、導出文件。", True),        # mainland vocabulary is fine
    ("協商成功後，徵信裏會顯示爲結清，纔算落地。", False),  # OpenCC s2t forms
    ("收費後失聯、泄露個人信息", False),             # 泄: t2tw writes 洩
    ("打電話時可以照着說", False),                   # 着: t2tw writes 著
    ("协商成功后", False),                           # simplified left in 繁體
    ("日利率折合年化", True),                         # s2tw's phrase table says 摺合
    ("每公里", True),                                 # 里 on its own would be 裡
])
def test_the_traditional_rule_tells_forms_apart(text, ok):
    assert (hant_problems(text) == []) is ok


@pytest.mark.parametrize("text, ok", [
    ("繁体版与简体版内容相同。", True),
    ("繁體版與简体版內容相同。", False),  # what the 简体 about page said
])
def test_the_simplified_rule_tells_scripts_apart(text, ok):
    assert (hans_problems(text) == []) is ok


# ---------------------------------------------------------------- 繁體


@pytest.mark.parametrize("path", sorted((ROOT / "calc/templates").glob("*.zh-Hant.*")), ids=rel)
def test_traditional_templates_use_taiwan_standard_forms(path):
    assert hant_problems(path.read_text(encoding="utf-8")) == []


def test_traditional_templates_exist():
    assert sorted((ROOT / "calc/templates").glob("*.zh-Hant.*"))


def test_traditional_messages_use_taiwan_standard_forms():
    messages = json.loads((ROOT / "calc/locale/messages.json").read_text(encoding="utf-8"))
    texts = list(strings_of(messages, "zh-Hant"))
    assert len(texts) > 20
    assert [p for t in texts for p in hant_problems(t)] == []


WIDGET_TEMPLATES = sorted((ROOT / "overrides").rglob("*.html")) + sorted(
    (ROOT / "calc/templates").glob("*.html"))
SCRIPTS = sorted((DOCS / "assets/js").rglob("*.js"))


@pytest.mark.parametrize("path", WIDGET_TEMPLATES + SCRIPTS, ids=rel)
def test_every_l_pair_has_taiwan_forms_and_a_simplified_twin(path):
    """Both sides of every L("简体", "繁體") pair of a widget template or script."""
    problems = []
    for zh, hant in l_pairs(path.read_text(encoding="utf-8")):
        problems += hant_problems(hant) + hans_problems(zh)
    assert problems == []


@pytest.mark.parametrize("path", WIDGET_TEMPLATES + SCRIPTS + [ROOT / "mkdocs.yml"], ids=rel)
def test_other_traditional_text_in_templates_and_scripts_uses_taiwan_forms(path):
    """Text outside L() pairs: any run with a traditional-only character is 繁體 text (the
    disclaimer in main.html, mkdocs.yml's 繁體 site name and navigation, a script's 繁體
    strings) and follows the same rule."""
    runs = [r for r in CJK_RUN.findall(path.read_text(encoding="utf-8")) if is_traditional(r)]
    assert [p for r in runs for p in hant_problems(r)] == []


def test_the_widget_templates_have_l_pairs():
    """The pair test above is not vacuous."""
    assert sum(len(l_pairs(p.read_text(encoding="utf-8"))) for p in WIDGET_TEMPLATES) > 50


# ---------------------------------------------------------------- 简体


SIMPLIFIED = sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".zh-Hant.md")) + [
    ROOT / "includes/abbr.zh.md"] + sorted((ROOT / "calc/templates").glob("*.zh.*"))


@pytest.mark.parametrize("path", SIMPLIFIED, ids=rel)
def test_simplified_text_has_no_traditional_only_characters(path):
    assert hans_problems(path.read_text(encoding="utf-8")) == []


def test_simplified_messages_have_no_traditional_only_characters():
    messages = json.loads((ROOT / "calc/locale/messages.json").read_text(encoding="utf-8"))
    texts = list(strings_of(messages, "zh"))
    assert len(texts) > 20
    assert [p for t in texts for p in hans_problems(t)] == []


# ---------------------------------------------------------------- the search word lists


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (ROOT / "hooks" / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(line.split())
    return rows


def test_search_words_come_in_both_scripts():
    """hooks/search_words.txt: each line a 简体 word and its 繁體 form as s2tw writes it."""
    rows = _rows("search_words.txt")
    assert len(rows) >= 20
    for row in rows:
        assert len(row) == 2, row
        zh, hant = row
        assert hans_problems(zh) == [], row
        assert hant == S2TW.convert(zh), row


def test_search_synonyms_come_in_both_scripts():
    """hooks/search_synonyms.txt: a 繁體 line right after each 简体 line, word for word."""
    rows = _rows("search_synonyms.txt")
    assert rows and len(rows) % 2 == 0
    for zh, hant in zip(rows[::2], rows[1::2], strict=True):
        assert [hans_problems(w) for w in zh] == [[] for _ in zh], zh
        assert hant == [S2TW.convert(w) for w in zh], (zh, hant)
