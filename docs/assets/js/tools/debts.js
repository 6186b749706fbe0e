// debts (整理债务): more on top of the widget runtime, which fills the outputs and the
// per-debt rows and draws the balance chart ([data-chart=lines]; this module picks its
// data-series, the order the reader chose). Here: the payoff month of each debt, the two
// orders, the month-by-month table of the chosen order, debt-free dates (from a first
// payment date the reader picks), CSV export (the site's one CSV writer, formula cells
// neutralised), an .ics of monthly reminders, and "put this into my plan" (tools/to-plan.js:
// the debt rows go to the plan page through this tab's sessionStorage), and the other way
// the plan's debt rows and capacity (tools/from-plan.js). All amounts are calc's strings.
//
// Carrying data (issue 12): "用“还款能力”工具里保存的结果" ([data-action=use-budget], shown
// only when the reader kept the budget's input on this device: storage.js "yqxs:calc:budget")
// fills the capacity with what the budget calculator computes from it, as the options tool
// does; and "比较这笔的协商方案" in each debt's line of the results ([data-action=debt-to-options], a
// button the runtime disables while the answer is pending or after an input error) takes
// that debt's balance, rate and kind as typed, and calc's pro-rata share of the capacity as
// what the reader can pay it, to the options tool (tools/from-plan.js: this tab's
// sessionStorage, never the URL).

import { announce, csvText, download, el, fill, labelCells, strings, todayISO, toolUrl } from "../lib/common.js";
import { setFieldError } from "../lib/fields.js";
import { onWidget } from "../lib/mount.js";
import { drawChart } from "../runtime/charts.js";
import { lang, lastAnswer, onResult } from "../runtime/calculator.js";
import { readForm } from "../runtime/form.js";
import { addMonths, buildCalendar } from "./ics.js";
import { clean, receiveFromPlan, sendFromPlan } from "./from-plan.js";
import { offerSavedBudget } from "./kept-budget.js";
import { offerToPlan } from "./to-plan.js";

/** "比较这笔的协商方案": the debt of `item` (its line in the results), to the options tool.
 *  Only from the answer for the form's current input (the runtime has disabled the button
 *  otherwise). */
function debtToOptions(root, form, item, S) {
  const answer = lastAnswer(form);
  if (!answer?.ok || form.hasAttribute("data-pending")) return;
  const rows = [...root.querySelectorAll('ul[data-items="debts"] > li[data-item]')];
  const debt = answer.result.debts?.[rows.indexOf(item)];
  const at = Number(debt?.row); // the debt's row in the form (0-based; blank rows are skipped)
  if (!debt || !Number.isInteger(at)) return;
  const fields = readForm(form);
  const row = (name) => clean((Array.isArray(fields[name]) ? fields[name] : [])[at] ?? "");
  const sent = sendFromPlan("options",
    { principal: row("balance"), annual_rate: row("annual_rate"), kind: row("kind"), capacity: clean(debt.share) },
    { lender: clean(debt.lender), amount: clean(debt.balance), minimum: clean(debt.min_payment) }, "debts");
  if (!sent) {
    announce(root.querySelector("[data-to-plan-status]") || form.querySelector("[data-live]"), S.carry_failed);
    return;
  }
  window.location.href = toolUrl("options", lang(form)); // also from a guide page that embeds this tool
}

function setup(root) {
  const form = root.querySelector('form[data-calc="debts"]');
  const S = strings(root);
  let result = null;
  const orderChoice = root.querySelector("[data-order-choice]");
  const start = root.querySelector("[data-plan-start]");
  const alarm = root.querySelector("[data-ics-alarm]");
  const status = root.querySelector("[data-plan-status]");
  const monthly = root.querySelector("[data-monthly]");
  const chart = root.querySelector("[data-chart=lines]");
  const debtFree = root.querySelector("[data-debt-free]");
  offerToPlan(root, form);
  receiveFromPlan(root, form); // the plan's "在“多笔债务还款计划”里看还款顺序": its debt rows and capacity
  offerSavedBudget(form, S);

  const when = (month) => {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(start.value) ? addMonths(start.value, Number(month) - 1) : null;
    return date ? fill(S.month_date, { n: month, date }) : fill(S.month, { n: month });
  };

  function draw() {
    if (!result) return;
    const key = orderChoice.value;
    const plan = result[key];
    const lines = (result.chart && result.chart[key]) || [];
    const months = (result.chart && result.chart.months) || [];
    // Payoff month of each debt (always by avalanche, as the column heading says).
    const payoff = result.avalanche ? result.avalanche.payoff_month : [];
    root.querySelectorAll('tbody[data-items="debts"] > tr[data-item]').forEach((tr, i) => {
      const cell = tr.querySelector("[data-payoff]");
      if (cell) cell.textContent = payoff[i] ? when(payoff[i]) : "—";
    });
    // The two orders.
    const orders = root.querySelector("tbody[data-orders]");
    orders.replaceChildren();
    for (const k of ["avalanche", "snowball"]) {
      const o = result[k];
      if (!o) continue;
      const tr = el("tr", undefined, { "data-order": k });
      tr.append(el("th", o.label, { scope: "row" }), el("td", o.order_lenders.join(" → ")),
        el("td", o.months ?? "—", { class: "yqxs-num" }), el("td", o.total_interest, { class: "yqxs-num" }),
        el("td", o.total_paid, { class: "yqxs-num" }));
      orders.append(tr);
    }
    // Month by month.
    const head = el("tr");
    head.append(el("th", S.month_col, { scope: "col" }), ...lines.map((l) => el("th", l.label, { scope: "col" })));
    monthly.tHead.replaceChildren(lines.length ? head : "");
    const body = document.createDocumentFragment();
    months.forEach((m, i) => {
      const tr = el("tr");
      tr.append(el("th", m, { scope: "row" }), ...lines.map((l) => el("td", l.balances[i], { class: "yqxs-num" })));
      body.append(tr);
    });
    monthly.tBodies[0].replaceChildren(body);
    chart.dataset.series = key;
    drawChart(chart, result);
    root.querySelectorAll("table.yqxs-cards").forEach(labelCells);
    if (!plan) debtFree.textContent = S.no_plan;
    else if (!plan.finished || !plan.months) debtFree.textContent = S.never;
    else debtFree.textContent = fill(S.debt_free, { when: when(plan.months) });
  }

  // A failed run blanks the outputs: clear the plan too, so nothing stale stays on screen.
  onResult(form, (answer) => {
    result = answer.ok ? answer.result : null;
    if (result) {
      draw();
      return;
    }
    monthly.tHead.replaceChildren();
    monthly.tBodies[0].replaceChildren();
    debtFree.textContent = "";
  });
  orderChoice.addEventListener("change", draw);
  start.addEventListener("change", draw);

  root.addEventListener("click", (event) => {
    const carry = event.target.closest("[data-action=debt-to-options]");
    if (carry) {
      if (!carry.disabled) debtToOptions(root, form, carry.closest("li"), S);
      return;
    }
    const button = event.target.closest("[data-action=debts-csv], [data-action=debts-ics]");
    if (!button || !result || form.hasAttribute("data-pending")) return; // nothing stale is exported
    const key = orderChoice.value;
    const lines = (result.chart && result.chart[key]) || [];
    if (button.dataset.action === "debts-csv") {
      const rows = [[S.month_col, ...lines.map((l) => l.label)]];
      (result.chart.months || []).forEach((m, i) => rows.push([m, ...lines.map((l) => l.balances[i])]));
      download(`${S.file}-${todayISO()}.csv`, csvText(rows), "text/csv;charset=utf-8");
      status.textContent = S.done_csv;
      return;
    }
    setFieldError(start, "");
    const plan = result[key];
    if (!plan || !plan.months) { status.textContent = plan ? S.never : S.no_plan; return; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start.value)) { setFieldError(start, S.ics_need_date); start.focus(); return; }
    const total = Number(plan.months);
    const amount = (result.display && result.display.capacity) || result.capacity;
    const events = [];
    for (let k = 0; k < total; k += 1) {
      events.push({
        date: addMonths(start.value, k),
        summary: fill(S.ics_summary, { amount, order: S.order_short[key], n: k + 1, total }),
        description: fill(S.ics_description, { lenders: plan.order_lenders.join(" → ") }),
      });
    }
    download(`${S.ics_name}-${todayISO()}.ics`, buildCalendar({ name: S.ics_name, events, alarm: alarm.checked }), "text/calendar;charset=utf-8");
    status.textContent = fill(S.done_ics, { n: events.length });
  });
}

onWidget("debts", setup);
