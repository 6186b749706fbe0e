// From the plan to a tool (issue 12: "the plan offers each tool with its numbers filled in"):
// the plan page (tools/plan.js) offers, from its answer on screen, "比较这笔的协商方案" per
// offers row (-> options: that debt's balance, rate and kind, and the plan's monthly offer
// for it as what the reader can pay), "在“多笔债务还款计划”里看还款顺序" (-> debts: every debt row
// and the plan's capacity) and "在“还款能力”里细算" (-> budget: the income and expense rows
// and the buffer). Those are buttons the runtime disables while the answer is pending or
// after an input error (runtime/render.js markPending); the click refuses then too.
//
// The numbers travel in sessionStorage FROM_PLAN_KEY ("yqxs:from-plan"): this tab only,
// never the URL (so no request, log or Referer carries them) and never localStorage. The
// receiving tool reads it once and removes it (takeFromPlan, when it is addressed to that
// tool), fills its form, computes, and says in a line above its form what came from the
// plan. Stored: {v: 1, to, from, fields, info} where `fields` are the strings as the plan's
// form holds them (calc parses them on the receiving page) and `info` the figures the line
// names (calc's strings from the plan's answer).
//
// The debts tool sends the same way (from: "debts"): "比较这笔的协商方案" in each debt's line
// of its results (tools/debts.js) takes that debt's balance, rate and kind, and calc's pro-rata
// share of the capacity as what the reader can pay, to the options tool, whose line then
// names the debts tool instead of the plan. `from` is "plan" when absent.
//
// fillForm is also the plan page's own (share links, carried rows).

import { FROM_PLAN_KEY, announce, fill, strings } from "../lib/common.js";
import { mountCalculator, recompute } from "../runtime/calculator.js";
import { resizeRows } from "../runtime/form.js";

export const MAX_ROWS = 50;
export const clean = (v) => (typeof v === "string" ? v.slice(0, 200) : "");
const cleanAll = (v) => (Array.isArray(v) ? v.slice(0, MAX_ROWS).map(clean) : clean(v));

/** Put `fields` (name -> string or list of strings) into the form: as many rows as the
 *  lists have items, then each control's value. Only names the form has are touched; with
 *  `only`, only those names (and only the row boxes that hold one of them). */
export function fillForm(form, fields, only) {
  const names = (box) => new Set([...box.querySelectorAll("[data-row] [name]")].map((e) => e.name));
  resizeRows(form, (box) => {
    const mine = [...names(box)];
    if (only && !mine.some((n) => only.includes(n))) return box.querySelectorAll("[data-row]").length;
    return Math.max(1, ...mine.map((n) => (Array.isArray(fields[n]) ? fields[n].length : 0)));
  });
  const seen = {};
  for (const el of form.elements) {
    if (!el.name || !(el.name in fields) || (only && !only.includes(el.name))) continue;
    if (el.type === "file" || el.type === "button" || el.type === "checkbox" || el.type === "radio") continue;
    let value = fields[el.name];
    if (Array.isArray(value)) {
      const i = (seen[el.name] = (seen[el.name] ?? -1) + 1);
      value = value[i] ?? "";
    }
    value = clean(value);
    if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === value)) continue;
    el.value = value;
  }
  // Rows whose lists were shorter (a debts row has no "sued" or "due_day"): the blanks.
  for (const name of only || []) {
    if (Array.isArray(fields[name])) continue;
    for (const el of form.querySelectorAll(`[data-row] [name="${name}"]`)) if (el.tagName !== "SELECT") el.value = "";
  }
}

const SENDERS = ["plan", "debts"];

/** Store what goes to tool `to` (from the plan, or from `from`: "debts"); false when this
 *  browser's storage refuses it. */
export function sendFromPlan(to, fields, info, from = "plan") {
  try {
    sessionStorage.setItem(FROM_PLAN_KEY, JSON.stringify({ v: 1, to, from, fields, info: info || {} }));
    return true;
  } catch {
    return false;
  }
}

/** What the plan (or the debts tool) sent to tool `name`, read once and removed; null when
 *  there is none. */
export function takeFromPlan(name) {
  let data = null;
  try {
    data = JSON.parse(sessionStorage.getItem(FROM_PLAN_KEY) || "null");
  } catch {
    data = null;
  }
  if (!data || data.v !== 1 || data.to !== name || !data.fields || typeof data.fields !== "object") return null;
  try { sessionStorage.removeItem(FROM_PLAN_KEY); } catch { /* read once all the same */ }
  const fields = Object.fromEntries(Object.entries(data.fields).map(([k, v]) => [k, cleanAll(v)]));
  const info = Object.fromEntries(Object.entries(data.info || {}).map(([k, v]) => [k, clean(String(v ?? ""))]));
  const from = SENDERS.includes(data.from) ? data.from : "plan";
  return { fields, info, from };
}

/** A kind the receiving form's select has, else "other" (the plan knows more kinds:
 *  房贷, 车贷, 有担保的贷款); `changed` is set when one had to give way. */
function kindsFor(form, kinds, note) {
  const select = form.querySelector('select[name="kind"]');
  const have = new Set(select ? [...select.options].map((o) => o.value) : []);
  return kinds.map((k) => {
    if (have.has(k) || !k) return k;
    note.changed = true;
    return "other";
  });
}

/** The receiving side, for the budget, debts and options tools: fill the form with what the
 *  plan (or, for options, the debts tool) sent, compute, and say so in a line above the form
 *  (strings in _to_plan.html). */
export function receiveFromPlan(root, form) {
  const name = form.dataset.calc;
  const carried = takeFromPlan(name);
  if (!carried) return;
  // Mounted first (once: a remembered input is restored before the plan's goes on top).
  mountCalculator(form);
  const S = strings(root, "script[data-from-plan-strings]");
  const { fields, info, from } = carried;
  const note = { changed: false };
  let said = "";
  if (name === "budget") {
    const f = {};
    for (const k of ["income", "income_label", "expense", "expense_label"]) f[k] = Array.isArray(fields[k]) ? fields[k] : [];
    f.buffer_ratio = clean(fields.buffer_ratio);
    fillForm(form, f, Object.keys(f));
    said = S.budget;
  } else if (name === "debts") {
    const f = {};
    for (const k of ["lender", "balance", "annual_rate", "min_payment", "days_overdue"]) f[k] = Array.isArray(fields[k]) ? fields[k] : [];
    f.kind = kindsFor(form, Array.isArray(fields.kind) ? fields.kind : [], note);
    f.capacity = clean(fields.capacity);
    fillForm(form, f, Object.keys(f));
    said = fill(S.debts, { n: f.lender.length, capacity: info.capacity || f.capacity });
  } else if (name === "options") {
    const savings = form.elements.namedItem("savings");
    // The plan knows nothing of savings: the worked example's figure is not the reader's.
    const exampleSavings = savings && savings.value === savings.defaultValue;
    const f = {
      principal: clean(fields.principal), interest_owed: "0", penalty_owed: "0",
      annual_rate: clean(fields.annual_rate), kind: kindsFor(form, [clean(fields.kind)], note)[0],
      capacity: clean(fields.capacity),
    };
    if (exampleSavings) f.savings = "0";
    fillForm(form, f);
    const template = (from === "debts" && S.options_debts) || S.options;
    said = fill(template, { lender: info.lender || "", amount: info.amount || f.principal, monthly: f.capacity, minimum: info.minimum || "0.00" })
      + (exampleSavings ? S.options_savings || "" : "");
  }
  if (note.changed) said += S.kind_other || "";
  // A line of its own above the form's fields (a live region: said once it is in the page).
  let line = root.querySelector("[data-from-plan-status]");
  if (!line) {
    line = document.createElement("p");
    line.className = "yqxs-notice yqxs-from-plan";
    line.setAttribute("role", "status");
    line.setAttribute("aria-live", "polite");
    line.setAttribute("data-from-plan-status", "");
    const anchor = form.querySelector("[data-form-errors]");
    if (anchor) anchor.after(line);
    else form.prepend(line);
  }
  recompute(form);
  setTimeout(() => announce(line, said), 0);
}
