"""The negotiation toolkit in Chromium, in both scripts: the call log (add, edit, delete,
reload, CSV/JSON round trips, hostile imports), the checklist, the scam check, options ->
letter, debts, the letter's text against calc, and the .ics files. Every test also fails
on a request off loopback or a console error (conftest.PageWatch)."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from calc import api  # noqa: E402
from tests.support import warm  # noqa: E402
from tests.support.quality import SNAPSHOT_STORED, wait_quiet  # noqa: E402

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

SCRIPTS = [("", "zh"), ("/zh-Hant", "zh-Hant")]
HOSTILE = ['<img src=x onerror="window.__xss=1">', "<script>window.__xss=1</script>",
           '"><svg onload=window.__xss=1>']


def goto(page, base_url, prefix, tool):
    page.goto(f"{base_url}{prefix}/tools/{tool}/")
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))


def wait_ready(page):
    page.locator("[data-status][data-state=ready]").first.wait_for(timeout=90000)


def poll(page, script, arg=None, timeout=30.0):
    """Wait until script (a JS function) returns true. page.wait_for_function would eval a
    string, which the site's CSP (rightly) refuses."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"timed out waiting for {script}")


def settle(page, form):
    """Wait until the runtime has answered the last input of a calculator form: an input
    event starts a calculation at once (form.busy, runtime/calculator.js), input during it
    queues the newest values, and busy is cleared only once the last answer is drawn."""
    poll(page, "f => !document.querySelector(f).busy", form)


def status_has(page, text):
    poll(page, "t => (document.querySelector('[data-status]').textContent || '').includes(t)", text)


def no_injection(page):
    """No dialog opened, no hostile script ran, no element came from typed markup."""
    assert page.dialogs == []
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0


def form_params(page, form):
    """The params a calculator form holds now (as widgets.js sends them), outputs excluded."""
    return page.evaluate("""f => { const p = YQXS.readForm(document.querySelector(f));
        for (const o of document.querySelectorAll(f + ' output[name]')) delete p[o.name];
        return p; }""", form)


def log_rows(page):
    data = page.evaluate("() => localStorage.getItem('yqxs:log')")
    rows = json.loads(data)["rows"] if data else []
    fields = ["date", "time", "channel", "person", "summary", "proposal", "response", "follow_up"]
    return sorted(tuple(r[f] for f in fields) for r in rows)


def add_log(page, **values):
    for name, value in values.items():
        page.fill(f"form[data-tool=log] [name={name}]", value)
    page.click("form[data-tool=log] [data-submit]")


# ---------------------------------------------------------------- which pages load what


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
@pytest.mark.parametrize("tool", ["log", "checklist", "scam-check"])
def test_data_tools_load_their_module_and_no_pyodide(page, base_url, prefix, lang, tool):
    goto(page, base_url, prefix, tool)
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(f'script[src$="assets/js/tools/{tool}.js"]').count() == 1
    assert page.locator('script[src$="widgets.js"]').count() == 0
    assert not [u for u in page.watch.requests if "pyodide" in u or "widgets.js" in u]
    assert page.locator(f"form[data-tool={tool}]").count() == 1


@pytest.mark.parametrize("tool", ["options", "debts", "letter"])
def test_calculator_tools_load_the_runtime_and_their_module(page, base_url, tool):
    goto(page, base_url, "", tool)
    assert page.locator('script#widget-runtime[src$="widgets.js"]').count() == 1
    assert page.locator(f'script[src$="assets/js/tools/{tool}.js"]').count() == 1
    assert page.locator(f"form[data-calc={tool}]").count() == 1


# ---------------------------------------------------------------- call log


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
def test_log_add_edit_delete_and_survive_reload(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "log")
    form = "form[data-tool=log]"
    for name in ["date", "time", "channel", "person", "summary", "proposal", "response", "follow_up"]:
        assert page.locator(f"{form} [name={name}]").count() == 1
        fid = page.get_attribute(f"{form} [name={name}]", "id")
        assert page.locator(f"label[for='{fid}']").count() == 1
    # A missing summary is an error beside the field, in the page's script; nothing is lost.
    page.fill(f"{form} [name=person]", "工号 1234")
    page.click(f"{form} [data-submit]")
    summary = page.locator(f"{form} [name=summary]")
    assert summary.get_attribute("aria-invalid") == "true"
    error = page.locator("#" + summary.get_attribute("aria-describedby").split()[-1])
    assert ("谈了什么" if lang == "zh" else "談了什麼") in error.inner_text()
    assert page.input_value(f"{form} [name=person]") == "工号 1234"
    add_log(page, date="2026-03-05", time="14:30", channel="电话", summary="同意考虑分期",
            follow_up="2020-01-01")
    add_log(page, date="2026-03-06", summary="第二次", follow_up="2999-01-01")
    assert page.locator("[data-log-table] tbody tr").count() == 2
    # The follow-up that is due is marked; the future one is not.
    assert page.locator("[data-log-table] tbody tr.yqxs-due").count() == 1
    page.reload()
    assert page.locator("[data-log-table] tbody tr").count() == 2
    # Edit the older row.
    row = page.locator("[data-log-table] tbody tr", has_text="同意考虑分期")
    row.locator("[data-row-action=edit]").click()
    assert page.input_value(f"{form} [name=summary]") == "同意考虑分期"
    page.fill(f"{form} [name=summary]", "同意分24期")
    page.click(f"{form} [data-submit]")
    assert page.locator("[data-log-table] tbody tr", has_text="同意分24期").count() == 1
    assert page.locator("[data-log-table] tbody tr").count() == 2
    page.locator("[data-log-table] tbody tr", has_text="第二次").locator("[data-row-action=delete]").click()
    page.reload()
    assert [r[4] for r in log_rows(page)] == ["同意分24期"]
    # Clear all asks first: "不清除" keeps the rows, the confirm button removes them.
    page.click("[data-action=clear-all]")
    page.click("dialog[data-confirm-clear] button[value=cancel]")
    status_has(page, "没有清除" if lang == "zh" else "沒有清除")
    assert len(log_rows(page)) == 1
    page.click("[data-action=clear-all]")
    page.click("dialog[data-confirm-clear] [data-confirm]")
    poll(page, "() => localStorage.getItem('yqxs:log') === null")
    assert page.locator("[data-log-table] tbody tr").count() == 0
    assert page.dialogs == []


def _export(page, action):
    with page.expect_download() as info:
        page.click(f"[data-action={action}]")
    return Path(info.value.path()).read_bytes()


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_log_round_trips_through_export_and_import(page, base_url, prefix, lang, kind, tmp_path):
    goto(page, base_url, prefix, "log")
    add_log(page, date="2026-03-05", time="09:15", channel="电话", person='=HYPERLINK("http://evil.example","x")',
            summary='他说, "可以" 分期\n第二行', proposal="-500 元/月", response="@SUM(A1)",
            follow_up="2026-03-12")
    add_log(page, date="2026-03-07", channel="+86 短信", summary=HOSTILE[0], response=HOSTILE[1])
    add_log(page, date="2026-02-01", summary="普通的一条")
    before = log_rows(page)
    assert len(before) == 3
    data = _export(page, f"export-{kind}")
    if kind == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8-sig")
        assert "\r\n" in text
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        # Every formula-looking cell is neutralised with a leading apostrophe.
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
        assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells
        assert "'-500 元/月" in cells and "'@SUM(A1)" in cells and "'+86 短信" in cells
    else:
        assert json.loads(data)["rows"][0]["date"] == "2026-02-01"
    page.click("[data-action=clear-all]")
    page.click("dialog[data-confirm-clear] [data-confirm]")
    poll(page, "() => localStorage.getItem('yqxs:log') === null")
    file = tmp_path / f"backup.{kind}"
    file.write_bytes(data)
    page.set_input_files("input[type=file][name=import]", str(file))
    status_has(page, "3")
    assert log_rows(page) == before
    # Importing the same file again adds nothing (merge with de-duplication).
    first_import = page.inner_text("[data-status]")
    page.set_input_files("input[type=file][name=import]", str(file))
    poll(page, "t => document.querySelector('[data-status]').textContent !== t", first_import)
    assert log_rows(page) == before
    # The hostile text is shown as text, never run.
    assert page.locator("[data-log-table] td", has_text=HOSTILE[0]).count() == 1
    no_injection(page)


def _big_json(n):
    return json.dumps({"rows": [{"date": "2026-01-01", "summary": f"r{i}"} for i in range(n)]})


HOSTILE_FILES = [
    ("bad.json", b'{"rows": [ {"date": "2026-01-01", ', "JSON"),
    ("shape.json", b'{"hello": 1}', ""),
    ("notobj.json", b'{"rows": [1, 2]}', "1"),
    ("baddate.json", b'{"rows": [{"date": "yesterday", "summary": "x"}]}', "1"),
    ("nested.json", b'{"rows": [{"date": "2026-01-01", "summary": {"__proto__": {"x": 1}}}]}', "1"),
    ("many.json", _big_json(5001).encode(), "5000"),
    ("huge.json", b'{"rows": [{"date": "2026-01-01", "summary": "' + b"a" * (1024 * 1024 + 10) + b'"}]}',
     "1 MB"),
    ("quote.csv", "\ufeff日期,时间,方式,对方姓名或工号,谈了什么,我方提出的方案,对方的答复,下次跟进日期\r\n"
                  '2026-01-01,,,,"unclosed\r\n'.encode(), "CSV"),
    ("header.csv", b"a,b,c\r\n1,2,3\r\n", ""),
    ("evil.exe", b"MZ", ""),
]


@pytest.mark.parametrize("name, payload, reason", HOSTILE_FILES, ids=[f[0] for f in HOSTILE_FILES])
def test_log_hostile_import_changes_nothing_and_says_why(page, base_url, name, payload, reason, tmp_path):
    goto(page, base_url, "", "log")
    add_log(page, date="2026-03-05", summary="原有的记录")
    before = log_rows(page)
    file = tmp_path / name
    file.write_bytes(payload)
    page.set_input_files("input[type=file][name=import]", str(file))
    status_has(page, "没有导入")
    status = page.inner_text("[data-status]")
    assert "记录没有任何改动" in status and reason in status
    assert log_rows(page) == before
    assert page.locator("[data-log-table] tbody tr").count() == 1
    no_injection(page)


# ---------------------------------------------------------------- checklist and scam check


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
def test_checklist_turns_missing_items_into_a_message_and_remembers_on_opt_in(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "checklist")
    items = page.locator("form[data-tool=checklist] input[name=item]")
    total = items.count()
    assert total >= 12
    assert page.get_attribute("output[name=summary]", "data-value") == str(total)
    page.check("input[name=item][value=amount]")
    page.check("input[name=item][value=term]")
    page.fill("[name=lender]", "甲银行" if lang == "zh" else "甲銀行")
    page.fill("[name=account_last4]", "1234")
    assert page.get_attribute("output[name=summary]", "data-value") == str(total - 2)
    message = page.inner_text("[data-message]")
    lines = message.splitlines()
    assert lines[0].startswith("甲银行" if lang == "zh" else "甲銀行")
    assert "1234" in lines[1] and ("请以书面形式" in message or "請以書面形式" in message)
    assert sum(1 for line in lines if re.match(r"^\d+\. ", line)) == total - 2
    assert ("征信" if lang == "zh" else "徵信") in message
    assert ("欠款总额" if lang == "zh" else "欠款總額") not in message  # ticked, so not asked
    # Not stored unless asked to.
    assert page.evaluate("() => localStorage.getItem('yqxs:checklist')") is None
    page.reload()
    assert page.get_attribute("output[name=summary]", "data-value") == str(total)
    page.check("input[name=item][value=credit]")
    page.check("form[data-tool=checklist] [name=remember]")
    page.reload()
    assert page.is_checked("input[name=item][value=credit]")
    page.click("form[data-tool=checklist] [data-action=forget]")
    assert page.evaluate("() => localStorage.getItem('yqxs:checklist')") is None
    page.reload()
    assert not page.is_checked("input[name=item][value=credit]")
    # A full card number is refused beside the field.
    page.fill("[name=account_last4]", "62a")
    assert page.get_attribute("[name=account_last4]", "aria-invalid") == "true"


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
def test_scam_check_flags_why_and_where_to_report(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "scam-check")
    assert page.locator("[data-flag]:visible").count() == 0
    page.check("input[name=sign][value=agent_fee]")
    page.check("input[name=sign][value=third_party]")
    assert page.get_attribute("output[name=flags]", "data-value") == "2"
    flags = page.locator("[data-flag]:visible")
    assert flags.count() == 2
    text = flags.first.inner_text() + flags.nth(1).inner_text()
    assert "110" in text and "12378" in text
    assert ("地方金融管理局" in text)
    hrefs = [flags.nth(i).locator("a").get_attribute("href") for i in range(2)]
    assert "../../guide/scams/#agents" in hrefs and "../../guide/collection/#illegal" in hrefs
    # The links lead to real pages of the same script.
    with page.expect_navigation():
        flags.first.locator("a").click()
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("#agents").count() == 1


# ---------------------------------------------------------------- options -> letter


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
def test_options_compares_and_carries_the_plan_into_the_letter(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "options")
    rows = page.locator("tbody[data-items=options] tr[data-item]")
    assert rows.count() == 6  # the pre-rendered example
    assert page.locator("[data-plan-chart] svg rect").count() == 6
    wait_ready(page)
    page.fill("form[data-calc=options] [name=capacity]", "2000")
    settle(page, "form[data-calc=options]")
    params = dict(api.example("options", lang), capacity="2000")
    expected = api.run("options", params, lang)["result"]
    assert page.get_attribute("output[name=best]", "data-value") == expected["best"]
    for i, option in enumerate(expected["options"]):
        row = rows.nth(i)
        assert row.get_attribute("data-key") == option["key"]
        assert row.get_attribute("data-fits") == ("true" if option["fits"] else "false")
        assert row.locator("[data-field=reason]").inner_text() == option["reason"]
    bars = page.locator("[data-plan-chart] svg rect")
    assert bars.count() == 6
    fitting = sum(o["fits"] for o in expected["options"])
    assert page.locator("[data-plan-chart] svg rect.fits").count() == fitting
    plan = next(o for o in expected["options"] if o["key"] == "installment")
    page.locator("tr[data-key=installment] [data-action=use-plan]").click()
    page.wait_for_url(re.compile(r"/tools/letter/$"))
    assert "?" not in page.url and "#" not in page.url  # nothing in the address
    wait_ready(page)
    settle(page, "form[data-calc=letter]")
    assert page.input_value("[name=monthly_payment]") == plan["monthly_payment"]
    assert page.input_value("[name=months]") == plan["months"]
    assert page.input_value("[name=amount]") == expected["owed"]
    assert page.evaluate("() => sessionStorage.getItem('yqxs:plan')") is None  # read once


# A warm start (the memory snapshot the options page left) must serve the letter too: the
# snapshot holds the heap, not the wheel's data files (calc/templates), which worker.js
# unpacks again after a restore.
@pytest.mark.parametrize("prefix, lang", SCRIPTS[:1])
def test_letter_from_a_carried_plan_matches_calc_after_a_warm_start(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "options")
    wait_ready(page)
    poll(page, SNAPSHOT_STORED)  # the snapshot is stored
    expected = api.run("options", api.example("options", lang), lang)["result"]
    plan = next(o for o in expected["options"] if o["key"] == "installment")
    page.locator("tr[data-key=installment] [data-action=use-plan]").click()
    page.wait_for_url(re.compile(r"/tools/letter/$"))
    wait_ready(page)
    assert page.evaluate("YQXS.startedFrom()") == "snapshot"
    settle(page, "form[data-calc=letter]")
    letter_params = form_params(page, "form[data-calc=letter]")
    assert (letter_params["monthly_payment"], letter_params["months"], letter_params["amount"]) == (
        plan["monthly_payment"], plan["months"], expected["owed"])
    want = api.run("letter", letter_params, lang)["result"]
    assert page.locator("output[name=letter]").text_content() == want["letter"]
    assert page.locator("output[name=phone_script]").text_content() == want["phone_script"]


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
def test_letter_text_matches_calc_and_downloads(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "letter")
    wait_ready(page)
    example = form_params(page, "form[data-calc=letter]")
    # The pre-rendered letter is calc's own for the example in the form.
    own = api.run("letter", example, lang)["result"]["letter"]
    assert page.locator("output[name=letter]").text_content() == own
    values = {"name": "李四", "lender": "乙消费金融" if lang == "zh" else "乙消費金融",
              "account_last4": "9876",
              "amount": "4.5万", "monthly_payment": "1200", "months": "36", "cause": "生病住院两个月"}
    for name, value in values.items():
        page.fill(f"form[data-calc=letter] [name={name}]", value)
    page.select_option("form[data-calc=letter] [name=cause_kind]", "illness")
    settle(page, "form[data-calc=letter]")
    want = api.run("letter", dict(example, **values, cause_kind="illness"), lang)["result"]
    assert page.locator("output[name=letter]").text_content() == want["letter"]
    assert page.locator("output[name=phone_script]").text_content() == want["phone_script"]
    assert "45,000.00" in want["letter"] and "9876" in want["letter"]
    txt = _export(page, "download-txt").decode("utf-8-sig")
    assert txt.replace("\r\n", "\n").startswith(want["letter"])
    assert want["phone_script"].splitlines()[0] in txt
    md = _export(page, "download-md").decode("utf-8")
    assert md.startswith("# " + want["title"])
    # A full card number is refused, beside the field, with the reason.
    page.fill("form[data-calc=letter] [name=account_last4]", "6222020000001234")
    settle(page, "form[data-calc=letter]")
    field = page.locator("form[data-calc=letter] [name=account_last4]")
    assert field.get_attribute("aria-invalid") == "true"
    assert page.input_value("form[data-calc=letter] [name=account_last4]") == "6222020000001234"


# ---------------------------------------------------------------- debts


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
def test_debts_rows_orders_plan_csv_and_ics(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "debts")
    assert page.locator("[data-monthly] tbody tr").count() > 3  # pre-rendered example
    wait_ready(page)
    form = "form[data-calc=debts]"
    params = form_params(page, form)
    page.click(f"{form} [data-action=add-row]")
    rows = page.locator(f"{form} [data-row]")
    assert rows.count() == 4
    last = rows.nth(3)
    last.locator("[name=lender]").fill("丁网贷")
    last.locator("[name=kind]").select_option("online_loan")
    last.locator("[name=balance]").fill("5000")
    last.locator("[name=annual_rate]").fill("24")
    last.locator("[name=min_payment]").fill("500")
    last.locator("[name=days_overdue]").fill("0")
    page.fill(f"{form} [name=capacity]", "6000")
    settle(page, form)
    for key, value in {"lender": "丁网贷", "kind": "online_loan", "balance": "5000", "annual_rate": "24",
                       "min_payment": "500", "days_overdue": "0"}.items():
        params[key] = params[key] + [value]
    params["capacity"] = "6000"
    want = api.run("debts", params, lang)["result"]
    assert page.get_attribute("output[name=total_balance]", "data-value") == want["total_balance"]
    assert page.locator("tbody[data-items=debts] tr[data-item]").count() == 4
    shares = page.locator("tbody[data-items=debts] [data-field=share]").all_inner_texts()
    assert shares == [d["share"] for d in want["debts"]]
    orders = page.locator("tbody[data-orders] tr")
    assert orders.count() == 2
    assert " → ".join(want["avalanche"]["order_lenders"]) in orders.first.inner_text()
    assert page.locator("[data-monthly] tbody tr").count() == len(want["chart"]["months"])
    assert page.locator("[data-balance-chart] polyline").count() == 4
    page.fill("[data-plan-start]", "2026-01-31")
    months = int(want["avalanche"]["months"])
    assert "2026-01-31" not in page.inner_text("[data-debt-free]")
    csv_bytes = _export(page, "debts-csv")
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert len(table) == len(want["chart"]["months"]) + 1 and table[0][4] == "丁网贷"
    ics = parse_ics(_export(page, "debts-ics"))
    assert len(ics) == months
    assert ics[0]["DTSTART;VALUE=DATE"] == "20260131" and ics[1]["DTSTART;VALUE=DATE"] == "20260228"
    assert want["display"]["capacity"] in ics[0]["SUMMARY"]
    # Remove a row: the plan follows.
    page.locator(f"{form} [data-row]").nth(3).locator("[data-action=remove-row]").click()
    settle(page, form)
    assert page.locator("tbody[data-items=debts] tr[data-item]").count() == 3


# ---------------------------------------------------------------- .ics


def unescape_text(value: str) -> str:
    """TEXT values (RFC 5545 3.3.11): \\n, \\, \\; and \\\\ back to what they stand for."""
    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def parse_ics(data: bytes) -> list[dict]:
    """A small RFC 5545 reader: CRLF only, lines of at most 75 octets, unfolding, one dict
    per VEVENT (with its VALARM's TRIGGER as ALARM)."""
    text = data.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")
    assert physical[-1] == ""
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, line
    lines: list[str] = []
    for line in physical[:-1]:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events, current, uids = [], None, set()
    for line in lines:
        key, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            for needed in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"):
                assert needed in current, needed
            assert re.fullmatch(r"\d{8}T\d{6}Z", current["DTSTAMP"])
            assert current["UID"] not in uids
            uids.add(current["UID"])
            events.append(current)
            current = None
        elif current is not None:
            if key == "TRIGGER":
                current["ALARM"] = value
            elif key not in current:
                current[key] = unescape_text(value)
    return events


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
def test_options_ics_has_the_right_dates_and_amounts(page, base_url, prefix, lang):
    goto(page, base_url, prefix, "options")
    result = api.run("options", api.example("options", lang), lang)["result"]
    plan = next(o for o in result["options"] if o["key"] == "personalized")
    page.select_option("[data-ics-plan]", "personalized")
    # Without a date: an error beside the date field, no file.
    page.click("[data-action=download-ics]")
    assert page.get_attribute("[data-ics-start]", "aria-invalid") == "true"
    page.fill("[data-ics-start]", "2026-01-31")
    events = parse_ics(_export(page, "download-ics"))
    assert len(events) == int(plan["months"]) == 60
    days = [e["DTSTART;VALUE=DATE"] for e in events]
    assert days[:4] == ["20260131", "20260228", "20260331", "20260430"]
    assert days[-1] == "20301231"
    for n, event in enumerate(events, 1):
        assert plan["monthly_payment"] in event["SUMMARY"]
        assert f"{n}/60" in event["SUMMARY"]
        assert event["ALARM"] == "-PT15H"
    page.uncheck("[data-ics-alarm]")
    assert "ALARM" not in parse_ics(_export(page, "download-ics"))[0]


# ---------------------------------------------------------------- XSS in every field


TOOL_FIELDS = {
    "log": "form[data-tool=log] input[type=text]",
    "checklist": "form[data-tool=checklist] input[type=text]",
    "options": "form[data-calc=options] input[type=text]",
    "debts": "form[data-calc=debts] input[type=text]",
    "letter": "form[data-calc=letter] input[type=text], form[data-calc=letter] textarea",
}


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
@pytest.mark.parametrize("tool", list(TOOL_FIELDS))
def test_markup_typed_into_any_field_is_text_and_never_runs(page, base_url, prefix, lang, tool):
    goto(page, base_url, prefix, tool)
    if tool in ("options", "debts", "letter"):
        wait_ready(page)
    fields = page.locator(TOOL_FIELDS[tool])
    count = fields.count()
    assert count >= 2
    for i in range(count):
        field = fields.nth(i)
        if field.is_visible():
            field.fill(HOSTILE[i % len(HOSTILE)])
    if tool == "log":
        page.fill("form[data-tool=log] [name=date]", "2026-03-05")
        page.click("form[data-tool=log] [data-submit]")
        assert page.locator("[data-log-table] tbody tr").count() == 1
        page.reload()
    elif tool == "letter":
        page.fill("form[data-calc=letter] [name=account_last4]", "1234")
        page.fill("form[data-calc=letter] [name=amount]", "3万")
        page.fill("form[data-calc=letter] [name=monthly_payment]", "1000")
        page.fill("form[data-calc=letter] [name=months]", "30")
        settle(page, "form[data-calc=letter]")
        assert HOSTILE[0] in page.locator("output[name=letter]").text_content()
    elif tool == "checklist":
        assert HOSTILE[0] in page.locator("[data-message]").text_content()
    else:
        settle(page, f"form[data-calc={tool}]")
    wait_quiet(page)  # an image a hostile value asked for has loaded or failed
    no_injection(page)


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize("prefix, lang", SCRIPTS)
@pytest.mark.parametrize("tool", ["log", "checklist", "scam-check", "options", "debts", "letter"])
def test_tools_fit_a_375px_phone(phone, base_url, prefix, lang, tool, tmp_path):
    phone.goto(f"{base_url}{prefix}/tools/{tool}/")
    phone.wait_for_load_state("load")
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375
    small = phone.evaluate("""() => [...document.querySelectorAll(
            '.yqxs-widget button, .yqxs-widget input[type=checkbox]')]
        .filter(b => b.offsetParent && !b.closest('template, .yqxs-remember, .yqxs-status'))
        .map(b => b.closest('label') || b)
        .filter(b => b.getBoundingClientRect().height < 44)
        .map(b => b.outerHTML.slice(0, 80))""")
    assert small == []
