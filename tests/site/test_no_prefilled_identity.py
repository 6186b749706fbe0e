"""Examples never pre-fill who the reader is (issue 12): a letter signed 张三 for 某某银行信用卡中心,
尾号1234 is one tap from being sent. On every built page of both scripts, an input or textarea
that says who someone is (named ``name``, ``lender``, ``account_last4`` or ``person``) has an
empty value: the worked examples show such things as placeholder attributes only.

Markup inside <template> (new rows) counts too: a new row must not arrive pre-filled either."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

IDENTITY = frozenset({"name", "lender", "account_last4", "person"})

# Known gaps: none. (The debts and plan examples used to fill 甲银行信用卡 / 乙… into their
# lender inputs; calc now allows a blank lender and calls the debt 信用卡（第1笔）.) A page
# added here must leave again once fixed: the check below is strict both ways.
KNOWN: frozenset[str] = frozenset()


class Prefilled(HTMLParser):
    """Collects (name, value) of identity inputs and textareas that carry a value."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if name not in IDENTITY:
            return
        if tag == "input" and (a.get("value") or "").strip():
            self.found.append((name, a["value"]))
        elif tag == "textarea":
            self.textarea = name

    def handle_data(self, data):
        if self.textarea and data.strip():
            self.found.append((self.textarea, data.strip()))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None


def prefilled(html: str) -> list[tuple[str, str]]:
    parser = Prefilled()
    parser.feed(html)
    return parser.found


def test_the_check_catches_a_name_a_lender_and_four_digits():
    html = ('<input name="name" value="张三"><input name="lender" value="某某银行信用卡中心">'
            '<input name="account_last4" value="1234"><textarea name="person">王经理</textarea>'
            '<input name="amount" value="30000"><input name="lender" placeholder="例如 某某银行">')
    assert prefilled(html) == [("name", "张三"), ("lender", "某某银行信用卡中心"),
                               ("account_last4", "1234"), ("person", "王经理")]


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_built_page_prefills_who_the_reader_is(built_site):
    site = Path(built_site)
    found = {}
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        hits = prefilled(page.read_text(encoding="utf-8"))
        if hits:
            found[rel.removeprefix("zh-Hant/")] = found.get(rel.removeprefix("zh-Hant/"), []) + hits
    unexpected = {page: hits for page, hits in found.items() if page not in KNOWN}
    assert unexpected == {}, unexpected
    # strict: a known page that is fixed must leave KNOWN
    assert set(found) == KNOWN, f"fixed, drop from KNOWN: {KNOWN - set(found)}"
