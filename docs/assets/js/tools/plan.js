// plan (我的还款行动计划): more on top of the widget runtime, which computes the plan and fills
// its outputs and lists. Here:
//  - the share link ([data-action=share-link], DESIGN "share"): the whole form's input goes
//    into the page URL's #fragment, compressed (CompressionStream "deflate-raw", then
//    base64url; plain base64url JSON where the browser has no CompressionStream). A browser
//    never sends a #fragment to a server, so no request carries what the reader typed; anyone
//    who has the link sees the plan (the page says both beside the button). Opening such a
//    link restores the form and computes it.
//  - carrying data in: the debts rows and the budget's income/expense rows, only from what
//    the reader chose to keep on this device (runtime/storage.js "yqxs:calc:debts" and
//    "yqxs:calc:budget", written only when "remember" was ticked on that page).
//  - "put this into my plan" from the budget, debts and options tools (tools/to-plan.js): their
//    input arrives in sessionStorage TO_PLAN_KEY (this tab only, never the URL), is read
//    once and removed, and goes into the form: the debts' rows replace the plan's debt rows,
//    the budget's rows replace the income and expense rows (and the buffer), the options'
//    debt is added as a row (the worked example's rows and blank rows give way to it); then
//    the plan computes, and the line above the form says what came in.
//  - the other way (tools/from-plan.js): from the answer on screen, "比较这笔的协商方案" in
//    each offers row (that debt to the options tool) and, once, the debt rows to "整理债务"
//    and the income/expense rows to "还款能力", through sessionStorage FROM_PLAN_KEY.
//  - each lender's letter: a link in its offers row; the click (the reader's choice) puts the
//    lender, amount, monthly and months into sessionStorage PLAN_KEY, as the options tool
//    does, for this tab only (the letter page reads it once and removes it); never the URL.

import { PLAN_KEY, TO_PLAN_KEY, announce, copyText, download, el, fill, labelCells, strings, toolUrl, todayISO } from "../lib/common.js";
import { onWidget } from "../lib/mount.js";
import { lang, lastAnswer, mountCalculator, onResult, recompute } from "../runtime/calculator.js";
import { readForm } from "../runtime/form.js";
import * as storage from "../runtime/storage.js";
import { MAX_ROWS, clean, fillForm, sendFromPlan } from "./from-plan.js";
import { buildCalendar } from "./ics.js";

const PREFIX = "plan=";
const MAX_FRAGMENT = 60000; // a hostile link cannot make us inflate without bound

const toB64url = (bytes) => {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};
const fromB64url = (text) => {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};
const canDeflate = () => typeof CompressionStream === "function" && typeof DecompressionStream === "function";

async function through(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The fields as a fragment: "plan=d.<base64url deflate-raw JSON>" or "plan=j.<base64url JSON>". */
export async function encode(fields) {
  const raw = new TextEncoder().encode(JSON.stringify({ v: 1, fields }));
  if (canDeflate()) {
    try { return `${PREFIX}d.${toB64url(await through(raw, new CompressionStream("deflate-raw")))}`; } catch { /* plain */ }
  }
  return `${PREFIX}j.${toB64url(raw)}`;
}

/** The fields of a fragment made by encode(), or null. */
export async function decode(hash) {
  const text = String(hash || "").replace(/^#/, "");
  if (!text.startsWith(PREFIX) || text.length > MAX_FRAGMENT) return null;
  const [mode, body] = [text.slice(PREFIX.length, PREFIX.length + 1), text.slice(PREFIX.length + 2)];
  try {
    let bytes = fromB64url(body);
    if (mode === "d") bytes = await through(bytes, new DecompressionStream("deflate-raw"));
    else if (mode !== "j") return null;
    const data = JSON.parse(new TextDecoder().decode(bytes));
    return data && data.v === 1 && data.fields && typeof data.fields === "object" ? data.fields : null;
  } catch {
    return null;
  }
}

const DEBT_FIELDS = ["lender", "kind", "balance", "annual_rate", "min_payment", "days_overdue"];
const BUDGET_FIELDS = ["income", "income_label", "expense", "expense_label"];
const ROW_FIELDS = [...DEBT_FIELDS, "sued", "due_day"]; // a plan debt row has two more

/** What a tool sent with "put this into my plan" (tools/to-plan.js), read once and removed. */
function takeCarried() {
  let text = null;
  try {
    text = sessionStorage.getItem(TO_PLAN_KEY);
    sessionStorage.removeItem(TO_PLAN_KEY);
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text || "null");
    const ok = data && data.v === 1 && ["budget", "debts", "options"].includes(data.from)
      && data.fields && typeof data.fields === "object";
    return ok ? data : null;
  } catch {
    return null;
  }
}

/** True for a row that is still the worked example's (every control as the page came) or
 *  has no amount: it is not the reader's, so carried rows take its place. */
function notTheReaders(row, amount) {
  const box = row.querySelector(`[name="${amount}"]`);
  if (!box || !box.value.trim()) return true;
  return [...row.querySelectorAll("input[name], select[name]")].every((c) =>
    c.tagName === "SELECT" ? [...c.options].every((o) => o.selected === o.defaultSelected) : c.value === c.defaultValue);
}

const rowsOf = (form, name) => [...form.querySelectorAll(`[data-rows="${name}"] > [data-row]`)];
const lists = (fields, names) => Object.fromEntries(names.map((n) => [n, (Array.isArray(fields[n]) ? fields[n] : []).slice(0, MAX_ROWS)]));

/** Put a carried tool's input into the plan form (see the header); returns the line to say. */
function applyCarried(form, data, S) {
  const f = data.fields;
  const current = readForm(form);
  const examples = (name, amount) => rowsOf(form, name).every((r) => notTheReaders(r, amount));
  if (data.from === "budget") {
    fillForm(form, { ...lists(f, BUDGET_FIELDS), buffer_ratio: clean(f.buffer_ratio) }, [...BUDGET_FIELDS, "buffer_ratio"]);
    return [S.to_plan_budget, examples("debt", "balance") ? S.to_plan_debts_example : ""].join("");
  }
  // The reader's own rows so far (sued, due day), by lender, for the rows that come in.
  const mine = rowsOf(form, "debt").map((r, i) => (notTheReaders(r, "balance") ? -1 : i)).filter((i) => i >= 0);
  const own = (name) => mine.map((i) => (current[name] || [])[i] ?? "");
  const rows = Object.fromEntries(ROW_FIELDS.map((n) => [n, []]));
  const push = (row) => ROW_FIELDS.forEach((n) => rows[n].push(clean(row[n] ?? "")));
  let said;
  if (data.from === "debts") {
    const d = lists(f, DEBT_FIELDS);
    // A debt the plan already had (same lender, named) keeps what only the plan asks: sued, due day.
    const known = new Map(own("lender").map((lender, k) => [lender.trim(), { sued: own("sued")[k], due_day: own("due_day")[k] }]));
    d.lender.forEach((lender, i) => {
      const kept = (lender.trim() && known.get(lender.trim())) || { sued: "no", due_day: "" };
      push({ ...Object.fromEntries(DEBT_FIELDS.map((n) => [n, d[n][i]])), ...kept });
    });
    said = fill(S.to_plan_debts, { n: d.lender.length });
  } else {
    mine.forEach((i) => push(Object.fromEntries(ROW_FIELDS.map((n) => [n, (current[n] || [])[i]]))));
    // No lender: the options tool has none (calc then names the debt by its kind and row).
    push({ lender: "", kind: clean(f.kind), balance: clean(f.balance), annual_rate: clean(f.annual_rate),
      min_payment: "", days_overdue: "", sued: "no", due_day: "" });
    said = fill(S.to_plan_options, { amount: clean(f.balance) });
  }
  if (!rows.lender.length) return "";
  fillForm(form, rows, ROW_FIELDS);
  return [said, examples("income", "income") ? S.to_plan_budget_example : ""].join("");
}

function setup(root) {
  const form = root.querySelector('form[data-calc="plan"]');
  if (!form) return;
  const S = strings(root);
  const status = root.querySelector("[data-share-status]");
  const carryStatus = root.querySelector("[data-carry-status]") || status;

  // The runtime mounts the form first (once: a remembered plan is restored before anything
  // carried in goes on top of it), then a tool's "put this into my plan" input, then compute.
  mountCalculator(form);
  const carriedIn = takeCarried();
  if (carriedIn) {
    const said = applyCarried(form, carriedIn, S);
    if (said) {
      recompute(form);
      announce(carryStatus, said);
    }
  }
  const linkBox = root.querySelector("[data-share-url]");

  // Opening a share link: restore, then compute (the link is the reader's, not stored).
  decode(location.hash).then((fields) => {
    if (!fields) return;
    fillForm(form, fields);
    recompute(form);
    announce(status, S.share_restored || "");
  });

  // Carry in what the reader kept on this device (opted in on the debts / budget page).
  for (const [name, only] of [["debts", DEBT_FIELDS], ["budget", BUDGET_FIELDS]]) {
    const button = root.querySelector(`[data-action=plan-from-${name}]`);
    if (!button) continue;
    const saved = storage.load(name);
    button.hidden = !saved;
    button.addEventListener("click", () => {
      const fields = storage.load(name);
      if (!fields) return;
      fillForm(form, fields, only);
      recompute(form);
      announce(carryStatus, S[`from_${name}`] || "");
    });
  }

  // In each offers row, for the answer on screen: a link to its letter (none while it is
  // stale) and "比较这笔的协商方案" (a button the runtime disables while pending, as the
  // plan-wide "整理债务" and "还款能力" buttons below the table). The cards of a phone name
  // each value by its column (data-label, as the debts tool's).
  const offersTable = root.querySelector("[data-items=offers]")?.closest("table");
  onResult(form, (answer) => {
    if (offersTable) labelCells(offersTable);
    const rows = root.querySelectorAll("[data-items=offers] > [data-item]");
    rows.forEach((tr, i) => {
      tr.querySelector("[data-letter-link]")?.remove();
      const offer = answer.ok ? answer.result.offers?.[i] : null;
      const cell = tr.querySelector("[data-field=text]");
      if (!offer || !cell) return;
      if (S.letter_link) {
        const a = el("a", S.letter_link, { href: toolUrl("letter", lang(form)), "data-letter-link": "", class: "yqxs-letter-link" });
        a.dataset.index = String(i);
        cell.append(" ", a);
      }
      if (S.options_link && !tr.querySelector("[data-action=plan-to-options]")) {
        const b = el("button", S.options_link, { type: "button", class: "md-button yqxs-small yqxs-from-plan-row", "data-action": "plan-to-options" });
        b.dataset.index = String(i);
        if (form.hasAttribute("data-pending")) { // as markPending would have done, had it been there
          b.disabled = true;
          b.setAttribute("aria-disabled", "true");
          b.setAttribute("data-pending-disabled", "");
        }
        cell.append(" ", b);
      }
    });
  });

  /** The plan's answer if it is the one for the form's current input, else null. */
  const current = () => {
    const answer = lastAnswer(form);
    return answer?.ok && !form.hasAttribute("data-pending") ? answer.result : null;
  };
  const debtRows = (fields) => Object.fromEntries(DEBT_FIELDS.map((n) => [n, (fields[n] || []).slice(0, MAX_ROWS).map(clean)]));
  /** Take the plan's numbers to tool `to` (tools/from-plan.js); stays here if storage is off. */
  const go = (to, fields, info) => {
    if (!sendFromPlan(to, fields, info)) { announce(status, S.from_plan_failed || ""); return; }
    window.location.href = toolUrl(to, lang(form)); // also from a guide page that embeds the plan
  };

  root.addEventListener("click", async (event) => {
    const tool = event.target.closest("[data-action=plan-to-options], [data-action=plan-to-debts], [data-action=plan-to-budget]");
    if (tool) {
      const result = current();
      if (!result || tool.disabled) return; // never numbers the answer on screen is not for
      const fields = readForm(form);
      const action = tool.dataset.action;
      if (action === "plan-to-options") {
        const offer = result.offers?.[Number(tool.dataset.index)];
        const at = Number(offer?.row); // the offer's debt row (0-based)
        if (!offer || !Number.isInteger(at)) return;
        const row = (name) => clean((fields[name] || [])[at] ?? "");
        go("options", { principal: row("balance"), annual_rate: row("annual_rate"), kind: row("kind"),
          capacity: clean(String(offer.monthly ?? "")) }, { lender: clean(offer.lender), minimum: clean(String(offer.minimum ?? "")) });
      } else if (action === "plan-to-debts") {
        go("debts", { ...debtRows(fields), capacity: clean(String(result.capacity ?? "")) }, { capacity: clean(String(result.capacity ?? "")) });
      } else {
        const lists = Object.fromEntries(BUDGET_FIELDS.map((n) => [n, (fields[n] || []).slice(0, MAX_ROWS).map(clean)]));
        go("budget", { ...lists, buffer_ratio: clean(fields.buffer_ratio) }, {});
      }
      return;
    }
    const letter = event.target.closest("[data-letter-link]");
    if (letter) {
      const i = Number(letter.dataset.index);
      const offer = current()?.offers?.[i]; // the answer on screen, the worked example's too
      if (!offer) { event.preventDefault(); return; }
      const fields = readForm(form);
      const at = Number(offer.row); // the offer's debt row (0-based)
      const plan = {
        // A debt the reader left unnamed (calc calls it 网贷（第2笔）, named: false) keeps the
        // letter's lender field blank, with its placeholder; the label still names the row.
        label: clean(offer.lender), lender: offer.named === false ? "" : clean(offer.lender),
        monthly_payment: clean(String(offer.monthly ?? "")),
        months: clean(String(offer.months_stopped ?? offer.months ?? "")),
        amount: clean(Number.isInteger(at) ? (fields.balance || [])[at] : ""), proposal: "", lump_sum: false,
      };
      try { sessionStorage.setItem(PLAN_KEY, JSON.stringify(plan)); } catch { /* the letter then starts empty */ }
      return; // the link goes on to the letter page
    }
    if (event.target.closest("[data-action=plan-ics]")) {
      // The plan's dated actions as an .ics (tools/ics.js); nothing stale is exported.
      const answer = form.yqxsAnswer;
      if (!answer?.ok || form.hasAttribute("data-pending")) { announce(status, S.ics_stale || ""); return; }
      const events = (answer.result.actions || []).filter((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.when || ""))
        .map((a) => ({ date: a.when, summary: clean(a.text).slice(0, 120), description: clean(a.text) }));
      download(`${S.ics_name}-${todayISO()}.ics`, buildCalendar({ name: S.ics_name, events }), "text/calendar;charset=utf-8");
      announce(status, String(S.ics_done || "").replace("{n}", String(events.length)));
      return;
    }
    const button = event.target.closest("[data-action=share-link]");
    if (!button) return;
    const fragment = await encode(readForm(form));
    // No navigation and no request: only the address bar changes.
    history.replaceState(history.state, "", `${location.pathname}${location.search}#${fragment}`);
    const link = location.href;
    if (linkBox) {
      linkBox.value = link;
      linkBox.hidden = false;
    }
    const ok = await copyText(link);
    announce(status, (ok ? S.share_copied : S.share_offered) || "");
  });
}

onWidget("plan", setup);
