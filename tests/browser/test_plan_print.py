"""The printed plan (issue 12), in both scripts: Chromium's own PDF (page.pdf, A4, print
media) of the plan page with the reader's numbers, read back with pdftotext and pdfinfo
(poppler-utils, installed by ./scripts/test): at most two A4 pages; the typed placeholder
lender and calc's amounts for that input are in it; the results come before the form; no
negative amount, no navigation, no share box or buttons. The PDFs and a PNG of each page
(pdftoppm) go to screenshots/ to look at."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from calc import api
from tests.browser.test_plan_share import LENDER, wait_offers
from tests.browser.test_widgets_browser import LANGS, form_of, set_field, url, wait_outputs, with_values
from tests.support import warm
from tests.support.quality import ROOT

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

SHOTS = ROOT / "screenshots"
FILL = [("lender", 0, LENDER), ("balance", 0, "52345"), ("days_overdue", 0, "95")]
NEGATIVE = re.compile(r"(?<![\w-])[-−]\d[\d,.]*")  # a minus before a number, not a date's dash


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_plan_fits_two_a4_pages_with_the_readers_numbers(page, base_url, lang, tmp_path):
    for tool in ("pdftotext", "pdfinfo"):
        assert shutil.which(tool), f"{tool} is missing: ./scripts/test installs poppler-utils"
    page.goto(url(base_url, lang, "plan"))
    form = form_of(page, "plan")
    for field, index, value in FILL:
        set_field(form, field, index, value)
    answer = api.run("plan", with_values("plan", lang, FILL), lang)
    assert answer["ok"], answer
    result = answer["result"]
    wait_outputs(page, "plan", result)
    wait_offers(page, form, result)
    page.emulate_media(media="print")
    SHOTS.mkdir(exist_ok=True)
    pdf = SHOTS / f"plan-print-{lang}.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=False))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count("\f") <= 2 and pages <= 2, f"{lang}: {pages} pages"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(SHOTS / f"plan-print-{lang}")],
                       check=True)
    flat = squash(text)
    assert LENDER in flat, "the typed lender is printed"
    display = result.get("display", {})
    for key in ("capacity", "total_offered"):
        assert squash(str(display.get(key, result[key]))) in flat, key
    for offer in result["offers"]:
        assert squash(offer["lender"]) in flat and offer["monthly"] in flat, offer["lender"]
    first_action = squash(result["actions"][0]["text"])[:12]
    assert first_action in flat
    # The results come first: the offers' heading is printed before the debts' fieldset.
    offers_title = "每月向每家提多少"
    debts_legend = "你的欠款"
    assert flat.index(offers_title) < flat.index(debts_legend)
    # Nothing negative, nothing of the screen's chrome.
    assert NEGATIVE.findall(text.replace("—", "")) == [], NEGATIVE.findall(text)
    for word in ("生成这份计划的链接", "生成這份計劃的鏈接", "忘记我的输入", "忘記我的輸入",
                 "再加一笔欠款", "再加一筆欠款"):
        assert word not in flat, word
