"""The guide's content: every page in both scripts with the same structure, 繁體 text in one
variant set (Taiwan-standard character forms, as OpenCC s2tw writes them, with mainland
vocabulary), enough substance per page, and the pages and anchors the rest of the site links
to. (Templates, messages, widget and script strings, and the 简体 side: test_variants.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDE_PAGES = [
    "what-happens", "stages", "capacity", "debts", "prepare", "options", "negotiate",
    "agreement", "collection", "scams", "legal", "credit-report", "true-rate", "self-care",
    "help", "faq", "glossary", "sources",
]
SHORT_OK = {"index", "guide/glossary", "guide/sources", "about"}  # exempt from the 800 rule
MIN_CHARS = 800


def simplified_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".zh-Hant.md"))


def twin(path: Path) -> Path:
    return path.with_name(path.name[:-3] + ".zh-Hant.md")


def slug(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()[:-3]


def body(text: str) -> str:
    """The page without front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


def structure(text: str) -> dict:
    """What must match between the two scripts: headings (level and id), admonitions,
    tabs, tables, link targets, widgets, footnotes, task items, images."""
    lines = body(text).splitlines()
    return {
        "headings": [(len(m[1]), m[2]) for m in
                     (re.match(r"^(#{1,6})\s.*?(?:\{#([\w-]+)\})?\s*$", line) for line in lines) if m],
        "admonitions": [re.sub(r'\s*".*"$', "", line.strip()) for line in lines
                        if re.match(r"^\s*(!!!|\?\?\?\+?)\s", line)],
        "tabs": sum(1 for line in lines if re.match(r'^\s*===\+?\s+"', line)),
        "table_rows": sum(1 for line in lines if line.lstrip().startswith("|")),
        "links": re.findall(r"\]\(([^)\s]+)\)", text),
        "widgets": re.findall(r"<!--\s*widget:([\w-]+)\s*-->", text),
        "footnotes": sorted(set(re.findall(r"\[\^([\w-]+)\]", text))),
        "tasks": sum(1 for line in lines if re.match(r"^\s*[-*] \[[ xX]\]", line)),
        "grid": text.count('class="grid'),
    }


def chinese_chars(text: str) -> int:
    text = body(text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^\[\^[\w-]+\]:.*$", "", text, flags=re.M)  # footnote definitions
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[\u4e00-\u9fff]", text))


@pytest.mark.parametrize("name", GUIDE_PAGES)
def test_every_guide_page_exists_in_both_scripts(name):
    assert (DOCS / "guide" / f"{name}.md").exists()
    assert (DOCS / "guide" / f"{name}.zh-Hant.md").exists()


@pytest.mark.parametrize("path", simplified_pages(), ids=slug)
def test_twins_have_the_same_structure(path):
    hant = twin(path)
    assert hant.exists(), f"{hant} is missing"
    assert structure(path.read_text(encoding="utf-8")) == structure(hant.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def s2tw():
    return opencc.OpenCC("s2tw")


@pytest.fixture(scope="module")
def t2tw():
    return opencc.OpenCC("t2tw")


def variant_problems(text: str, s2tw, t2tw) -> list[str]:
    """Where 繁體 text breaks the rule: a simplified character left (s2tw would convert it) or
    a non-Taiwan variant (t2tw would change it: 爲 裏 覈 纔 喫 牀 啓 羣 衆 僞 泄 着 …).
    Character forms only: s2tw and t2tw change no words, so 信息, 設備, 打印 stay.
    Only characters the converter changes on their own as well as in their phrase count
    (test_variants.py explains why)."""
    problems = []
    for name, cc in (("s2tw", s2tw), ("t2tw", t2tw)):
        converted = cc.convert(text)
        if converted == text:
            continue
        if len(converted) != len(text):
            problems.append(f"{name} changes the text (length {len(text)} -> {len(converted)})")
            continue
        problems += [f"{name}: {a}→{b} in {text[max(0, i - 8):i + 8]!r}"
                     for i, (a, b) in enumerate(zip(text, converted, strict=True))
                     if a != b and cc.convert(a) != a]
    return problems[:12]


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.zh-Hant.md")) + [ROOT / "includes/abbr.zh-Hant.md"],
                         ids=lambda p: p.name)
def test_traditional_text_uses_taiwan_standard_forms(path, s2tw, t2tw):
    assert variant_problems(path.read_text(encoding="utf-8"), s2tw, t2tw) == []


@pytest.mark.parametrize("path", [p for p in simplified_pages() if slug(p) not in SHORT_OK
                                  and slug(p).startswith("guide/")], ids=slug)
def test_each_guide_page_has_at_least_800_chinese_characters(path):
    assert chinese_chars(path.read_text(encoding="utf-8")) >= MIN_CHARS
    assert chinese_chars(twin(path).read_text(encoding="utf-8")) >= MIN_CHARS


@pytest.mark.parametrize("path", simplified_pages(), ids=slug)
def test_front_matter_has_title_and_description(path):
    for p in (path, twin(path)):
        text = p.read_text(encoding="utf-8")
        assert text.startswith("---\n"), p
        head = text[4:text.find("\n---\n", 4)]
        assert re.search(r"^title: \S", head, re.M), p
        assert re.search(r"^description: \S", head, re.M), p


@pytest.mark.parametrize("page, anchor", [
    ("guide/legal", "jail"), ("guide/legal", "after-suit"), ("guide/negotiate", "refused"),
    ("guide/credit-report", "report-shows"), ("guide/collection", "illegal"), ("guide/faq", "myths"),
])
def test_the_most_needed_answers_have_their_anchors_in_both_scripts(page, anchor):
    for suffix in (".md", ".zh-Hant.md"):
        text = (DOCS / f"{page}{suffix}").read_text(encoding="utf-8")
        assert re.search(r"^#{2,3} .*\{#" + anchor + r"\}\s*$", text, re.M), (page, suffix)


def test_faq_answers_at_least_30_questions():
    text = (DOCS / "guide/faq.md").read_text(encoding="utf-8")
    questions = re.findall(r'^\s*\?\?\?\+? question "', text, re.M) + re.findall(r"^###\s", text, re.M)
    assert len(questions) >= 30


def test_glossary_abbreviations_exist_for_both_scripts_with_the_same_count():
    counts = []
    for lang in ("zh", "zh-Hant"):
        lines = (ROOT / f"includes/abbr.{lang}.md").read_text(encoding="utf-8").splitlines()
        terms = [line for line in lines if re.match(r"^\*\[[^\]]+\]: \S", line)]
        assert len(terms) >= 30
        counts.append(len(terms))
    assert counts[0] == counts[1]


def test_the_one_time_credit_repair_is_told_as_history():
    text = (DOCS / "guide/credit-report.md").read_text(encoding="utf-8")
    assert "2025" in text and "12" in text and "2026" in text
    assert re.search(r"2026\s*年\s*3\s*月\s*31\s*日|2026-03-31", text)
    assert re.search(r"已经?结束|已截止|已经?截止|已关闭|已到期|已过", text)


# Words where a Taiwan-style rendering would replace the mainland term that OpenCC s2tw keeps
# (導出 → 匯出, 設備 → 裝置 ...). The site's 繁體 is mainland usage in traditional characters.
TAIWAN_TERMS = ("匯出", "檔案", "裝置", "列印", "資訊", "軟體", "貼上", "網路", "影片", "程式")
L_PAIR = re.compile(r'L\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)'
                    r"|L\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'((?:[^'\\]|\\.)*)'\s*\)")


def taiwan_terms_added(simplified: str, traditional: str, s2tw) -> list[str]:
    converted = s2tw.convert(simplified)
    return [t for t in TAIWAN_TERMS if traditional.count(t) > converted.count(t)]


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.zh-Hant.md")), ids=lambda p: p.name)
def test_traditional_pages_keep_mainland_terms(path, s2tw):
    simplified = path.with_name(path.name.replace(".zh-Hant.md", ".md")).read_text(encoding="utf-8")
    assert taiwan_terms_added(simplified, path.read_text(encoding="utf-8"), s2tw) == []


@pytest.mark.parametrize("path", sorted((ROOT / "overrides/widgets").glob("*.html")), ids=lambda p: p.name)
def test_widget_texts_exist_in_both_scripts_with_mainland_terms(path, s2tw, t2tw):
    """Every L("简体", "繁體") pair: the 繁體 text is in Taiwan-standard forms and uses the
    mainland terms of its 简体 twin."""
    problems = []
    for m in L_PAIR.finditer(path.read_text(encoding="utf-8")):
        zh, hant = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))
        if variant_problems(hant, s2tw, t2tw) or taiwan_terms_added(zh, hant, s2tw):
            problems.append(hant)
    assert problems == []


LPR_ROW = re.compile(r"^\|\s*(\d{4}-\d{2}-\d{2})\s*\|\s*(\d+\.\d+)%\s*\|\s*(\d+\.\d+)%\s*\|\s*$", re.M)


@pytest.mark.parametrize("suffix", [".md", ".zh-Hant.md"])
def test_the_true_rate_lpr_table_is_the_table_in_calc_rules(suffix):
    """The guide's LPR history (typed, one row per fixing) is calc.rules.LPR_TABLE row for row,
    its 4x column is PRIVATE_LENDING_LPR_MULTIPLE x the rate: a new fixing added to rules and
    not to the page (or a typo in either) fails here."""
    from calc import rules

    rows = LPR_ROW.findall((DOCS / f"guide/true-rate{suffix}").read_text(encoding="utf-8"))
    times = rules.PRIVATE_LENDING_LPR_MULTIPLE
    expected = [(day.isoformat(), f"{rate * 100:.2f}", f"{rate * 100 * times:.2f}")
                for day, rate in rules.LPR_TABLE]
    assert rows == expected


CURRENT_LPR = ("[[rule:LPR_TABLE[-1][1]]]", "[[rule:PRIVATE_LENDING_LINE_LATEST]]")


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.md")), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_current_lpr_figure_stands_beside_its_as_of_date(path):
    """Issue 10: the latest LPR (or its 4x line) is printed from calc.rules, and the paragraph
    that prints it also prints the date the table was last checked and says to check it."""
    for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        if any(m in para for m in CURRENT_LPR):
            assert "[[rule:LPR_AS_OF]]" in para, para[:120]
            assert re.search("核对|核對|变了|變了|会变|會變", para), para[:120]


@pytest.fixture(scope="module")
def tw2s():
    return opencc.OpenCC("tw2s")


@pytest.mark.parametrize("path", simplified_pages(), ids=slug)
def test_twins_say_the_same(path, tw2s):
    """Both scripts say the same, line for line: the 繁體 page converted back to 简体 (OpenCC
    tw2s) is its 简体 twin. Same structure (above) is not enough: a sentence fixed or added in
    one script only shows up here. (tw2s keeps 於 in a few phrases such as 不等於.)"""
    simplified = path.read_text(encoding="utf-8").splitlines()
    traditional = twin(path).read_text(encoding="utf-8").splitlines()
    back = [tw2s.convert(line).replace("於", "于") for line in traditional]
    assert len(back) == len(simplified), "the twins have different numbers of lines"
    assert [(i + 1, a, b) for i, (a, b) in enumerate(zip(simplified, back, strict=True)) if a != b][:5] == []
