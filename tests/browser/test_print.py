"""Printing (issue 6): guide pages and tool results print cleanly.

- With print media emulated, on every page that has a widget and on sample guide pages in
  both scripts: the header, tabs, both sidebars, search, footer and back-to-top button are
  not rendered; the article, its title, every field of a widget form (with its value), every
  result (<output>) and every date ("更新于 …", "截至 …", date fields) still are. (Checked
  in tests/support/page_tests.py, on the desktop visit each of those pages gets.)
- Chromium's own PDF output (page.pdf, headless) of a guide page and a tool page in both
  scripts, read back with pdftotext (poppler-utils, installed by ./scripts/test): the title,
  the worked example's inputs and results are in the PDF, the navigation's words are not.
  The PDFs and a PNG of their first page (pdftoppm) go to screenshots/ to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.support.quality import HANT, ROOT, page_id

SHOTS = ROOT / "screenshots"


def pdf_text(pdf: bytes) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: ./scripts/test installs poppler-utils"
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


NAV_WORDS = {"zh": ["搜索", "目录", "下一页", "上一页"], HANT: ["搜尋", "目錄", "下一頁", "上一頁"]}


@pytest.mark.parametrize("url", ["/guide/what-happens/", "/tools/schedule/",
                                 f"/{HANT}/guide/what-happens/", f"/{HANT}/tools/schedule/"],
                         ids=page_id)
def test_pdf_has_the_article_and_results_and_no_navigation(tab, base_url, url):
    tab.goto(base_url + url)
    title = tab.evaluate("""() => [...document.querySelector('article h1').childNodes]
        .filter(n => !(n.classList && n.classList.contains('headerlink')))
        .map(n => n.textContent).join('').trim()""")
    values = tab.evaluate("""() => [
        ...[...document.querySelectorAll('form[data-calc] input[type=text]')].map(i => i.value),
        ...[...document.querySelectorAll('output')].map(o => o.textContent.trim()),
    ].filter(Boolean).slice(0, 8)""")
    tab.emulate_media(media="print")
    pdf = tab.pdf(format="A4", print_background=True)
    SHOTS.mkdir(exist_ok=True)
    name = "print-" + page_id(url).replace("/", "_")
    (SHOTS / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2",
                    str(SHOTS / f"{name}.pdf"), str(SHOTS / name)], check=True)
    text = pdf_text(pdf)
    compact = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", title) in compact
    for value in values:
        assert re.sub(r"\s+", "", value) in compact, f"{value!r} is not in the printed PDF"
    lang = HANT if url.startswith(f"/{HANT}/") else "zh"
    printed_nav = [w for w in NAV_WORDS[lang] if w in text]
    assert printed_nav == [], f"navigation printed: {printed_nav}"
    if "/tools/" in url:
        assert values, "the tool page has no worked example to print"
