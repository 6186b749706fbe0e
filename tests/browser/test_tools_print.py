"""The printed options and budget tools (issue 12), in both scripts, as the plan's print test
(test_plan_print.py): Chromium's own PDF (page.pdf, A4, print media) of the tool page with
the reader's numbers typed in, read back with pdfinfo and pdftotext (poppler-utils):

- at most two A4 pages;
- the typed numbers and calc.api.run's amounts for them are printed, the results before the
  form;
- no negative amount: the options input is one where calc finds a plan that costs more than
  staying overdue as long (a negative `saving`), which prints as "反而多付", not as a minus;
- no buttons, no how-to prose, no empty box (a visible group, result block, note or figure
  with nothing in it).

The PDFs and a PNG of each page (pdftoppm) go to screenshots/ to look at."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from calc import api
from tests.browser.test_widgets_browser import LANGS, form_of, set_field, url, wait_outputs
from tests.support import warm
from tests.support.quality import ROOT

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

SHOTS = ROOT / "screenshots"
NEGATIVE = re.compile(r"(?<![\w-])[-−]\d[\d,.]*")  # a minus before a number, not a date's dash
LABEL = "测试收入H12"  # typed by the test, never in the site's files

FILL = {
    "options": [("principal", 0, "41234"), ("interest_owed", 0, "1111"), ("penalty_owed", 0, "222"),
                ("annual_rate", 0, "3"), ("capacity", 0, "1800"), ("savings", 0, "2000")],
    "budget": [("income_label", 0, LABEL), ("income", 0, "12345"), ("expense", 0, "2345"),
               ("buffer_ratio", 0, "15")],
}
TYPED = {"options": ["41234", "1111", "222", "1800", "2000"], "budget": [LABEL, "12345", "2345", "15"]}
# Screen-only words: buttons, the how-to prose's headings, the carry and calendar boxes.
SCREEN_ONLY = {
    "options": [("用这个方案写申请书", "用這個方案寫申請書"), ("放进我的计划", "放進我的計劃"),
                ("下载日历文件", "下載日曆文件"), ("忘记我的输入", "忘記我的輸入"),
                ("怎么用", "怎麼用"), ("结果怎么看", "結果怎麼看")],
    "budget": [("放进我的计划", "放進我的計劃"), ("添加一项收入", "添加一項收入"),
               ("忘记我的输入", "忘記我的輸入"), ("怎么用", "怎麼用"), ("结果是什么意思", "結果是什麼意思"),
               ("下面已经填好了一个例子", "下面已經填好了一個例子")],
}
# A results heading and a form legend: the first is printed before the second.
ORDER = {"options": (("各方案比较", "各方案比較"), ("你能拿出多少", "你能拿出多少")),
         "budget": (("每月最多可以拿出来还债", "每月最多可以拿出來還債"), (LABEL, LABEL))}

EMPTY_BOXES = """() => {
    const shown = (el) => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    return [...document.querySelectorAll(
            'article :is(.yqxs-group, .yqxs-results, .yqxs-note, .yqxs-out, figure, .yqxs-table-wrap, '
            + '.yqxs-notice)')]
        .filter((el) => shown(el) && !el.textContent.trim()
                        && !el.querySelector('svg:not([hidden]), input, select'))
        .map((el) => el.className + ' ' + el.tagName);
}"""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pick(pair, lang):
    return pair[0] if lang == "zh" else pair[1]


def amounts(tool, result):
    """calc's amounts for the input, as printed (its display text where it has one)."""
    display = result.get("display", {})
    if tool == "budget":
        return [display.get(k, result[k]) for k in ("capacity", "total_income", "total_expenses", "surplus")]
    best = next(o["label"] for o in result["options"] if o["key"] == result["best"])
    found = [display.get("owed", result["owed"]), display.get("best", best)]
    for o in result["options"]:
        found += [o["total_paid"], o["monthly_payment"]]  # (a label wraps in its narrow cell)
        found.append(o["saving"].lstrip("-"))
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tool", ["options", "budget"])
def test_the_printed_tool_fits_two_a4_pages_with_the_readers_numbers(page, base_url, tool, lang):
    for prog in ("pdftotext", "pdfinfo"):
        assert shutil.which(prog), f"{prog} is missing: ./scripts/test installs poppler-utils"
    page.goto(url(base_url, lang, tool))
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=90_000)
    form = form_of(page, tool)
    for field, index, value in FILL[tool]:
        set_field(form, field, index, value)
    params = page.evaluate(f"() => YQXS.readForm(document.querySelector('form[data-calc=\"{tool}\"]'))")
    answer = api.run(tool, params, lang)
    assert answer["ok"], answer
    result = answer["result"]
    wait_outputs(page, tool, result)
    page.wait_for_function("n => !document.querySelector(`form[data-calc=${n}]`).dataset.pending", arg=tool)
    if tool == "options":
        assert any(o["saving"].startswith("-") for o in result["options"]), "the input has a negative saving"
        page.wait_for_function(  # the table shows calc's plans for this input
            "n => document.querySelectorAll('tbody[data-items=options] > tr[data-item]').length === n",
            arg=len(result["options"]))
    page.emulate_media(media="print")
    assert page.evaluate(EMPTY_BOXES) == []
    SHOTS.mkdir(exist_ok=True)
    pdf = SHOTS / f"{tool}-print-{lang}.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=False))
    page.emulate_media(media="screen")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(SHOTS / f"{tool}-print-{lang}")],
                       check=True)
    assert pages <= 2, f"{tool} {lang}: {pages} pages"
    flat = squash(text)
    for typed in TYPED[tool]:
        assert typed in flat, f"typed {typed} is printed"
    for amount in amounts(tool, result):
        assert squash(str(amount)) in flat, amount
    first, second = (pick(p, lang) for p in ORDER[tool])
    assert flat.index(first) < flat.index(second), "the results come before the form"
    assert NEGATIVE.findall(text.replace("—", "")) == [], NEGATIVE.findall(text)
    if tool == "options":
        assert "反而多付" in flat
    for pair in SCREEN_ONLY[tool]:
        assert pick(pair, lang) not in flat, pick(pair, lang)
