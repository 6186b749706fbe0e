// "Put this into my plan" ([data-action=to-plan], 放进我的计划) on the budget, debts and
// options tools (issue 12): the click takes that tool's current input to the plan page
// (/tools/plan/ of the same script, from a tool page or a guide page), which fills its form with it and computes.
//
// The input travels in sessionStorage TO_PLAN_KEY ("yqxs:to-plan"): this tab only, never
// the URL (so no request, log or Referer carries it) and never localStorage; the plan page
// reads it once and removes it (tools/plan.js). Stored: {v: 1, from, fields} where `fields`
// holds the strings as the reader typed them (calc parses them on the plan page):
//   budget   income, income_label, expense, expense_label (lists), buffer_ratio
//   debts    lender, kind, balance, annual_rate, min_payment, days_overdue (lists, one per debt)
//   options  kind, annual_rate, and balance = calc's `owed` for this input (principal +
//            interest + penalty owed: what the plan calls the balance); the plan adds it as a row
//
// The button acts on the answer on screen, so it is one of the buttons the runtime disables
// while the form is pending (runtime/render.js markPending: the runtime is starting with the
// reader's input typed, an answer is being computed, or the input has an error); a click
// then does nothing here either.

import { TO_PLAN_KEY, announce, toolUrl } from "../lib/common.js";
import { lang } from "../runtime/calculator.js";
import { readForm } from "../runtime/form.js";

const MAX_ROWS = 50;
const text = (v) => (typeof v === "string" ? v.slice(0, 200) : "");
const list = (v) => (Array.isArray(v) ? v.slice(0, MAX_ROWS).map(text) : []);

/** What each tool carries: its own field names, as the plan's form names them. */
const PICK = {
  budget: (params) => ({
    income: list(params.income), income_label: list(params.income_label),
    expense: list(params.expense), expense_label: list(params.expense_label),
    buffer_ratio: text(params.buffer_ratio),
  }),
  debts: (params) => Object.fromEntries(
    ["lender", "kind", "balance", "annual_rate", "min_payment", "days_overdue"].map((k) => [k, list(params[k])])),
  options: (params, form) => ({
    kind: text(params.kind), annual_rate: text(params.annual_rate),
    balance: text(form.querySelector('output[name="owed"]')?.dataset.value || ""),
  }),
};

/** The payload for form's current input, or null when there is nothing to carry. */
export function carried(form) {
  const pick = PICK[form.dataset.calc];
  if (!pick) return null;
  const fields = pick(readForm(form), form);
  if (form.dataset.calc === "options" && !fields.balance) return null;
  return { v: 1, from: form.dataset.calc, fields };
}

/** Wire the [data-action=to-plan] button(s) of a widget root whose calculator form is `form`. */
export function offerToPlan(root, form) {
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=to-plan]");
    if (!button || !root.contains(button)) return;
    // Never numbers the results on screen are not for (the runtime has disabled it too).
    if (button.disabled || form.hasAttribute("data-pending") || (form.yqxsAnswer && !form.yqxsAnswer.ok)) return;
    const payload = carried(form);
    let stored = false;
    try {
      if (payload) {
        sessionStorage.setItem(TO_PLAN_KEY, JSON.stringify(payload));
        stored = true;
      }
    } catch { /* storage off: say so below, stay here */ }
    if (!stored) {
      announce(root.querySelector("[data-to-plan-status]") || form.querySelector("[data-live]"), button.dataset.failed || "");
      return;
    }
    window.location.href = toolUrl("plan", lang(form));
  });
}
