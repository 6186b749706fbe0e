// debts (整理债务): extra rendering on top of the widget runtime. widgets.js fills the
// outputs and the per-debt rows; this module adds the payoff month of each debt, the two
// orders, the month-by-month table and balance chart of the chosen order, debt-free dates
// (from a first payment date the reader picks), CSV export (UTF-8 BOM, formula cells
// neutralised) and an .ics of monthly reminders. All amounts are calc's strings.

import YQXS from "../widgets.js";
import { buildCalendar, addMonths } from "./ics.js";
import { csvText, download, el, fieldError, fill, labelCells, mountAll, svg, todayISO } from "./common.js";


function json(root, selector) {
  const block = root.querySelector(selector);
  try { return block ? JSON.parse(block.textContent) : null; } catch { return null; }
}

/** Balance lines, one per debt: x = month / last month, y = balance / the largest balance. */
export function drawLines(svgEl, months, lines) {
  const W = 320, H = 150, P = 6;
  const n = Math.max(months.length - 1, 1);
  const top = Math.max(1, ...lines.flatMap((l) => l.balances.map(Number)));
  const parts = [svg("line", { x1: P, y1: H - P, x2: W - P, y2: H - P, class: "tool-axis" })];
  lines.forEach((line, i) => {
    const pts = line.balances.map((b, m) => `${(P + ((W - 2 * P) * m) / n).toFixed(1)},${(P + (H - 2 * P) * (1 - Number(b) / top)).toFixed(1)}`);
    parts.push(svg("polyline", { points: pts.join(" "), class: `tool-line tool-line-${i % 6}` }));
  });
  svgEl.replaceChildren(...parts);
}

function setup(root) {
  const form = root.querySelector('form[data-calc="debts"]');
  const S = json(root, "script[data-tool-strings]") || {};
  let result = json(root, "script[data-example-result]");
  const orderChoice = root.querySelector("[data-order-choice]");
  const start = root.querySelector("[data-plan-start]");
  const alarm = root.querySelector("[data-ics-alarm]");
  const status = root.querySelector("[data-plan-status]");
  const monthly = root.querySelector("[data-monthly]");
  const chart = root.querySelector("[data-balance-chart] svg");
  const legend = root.querySelector("[data-balance-chart] [data-legend]");
  const debtFree = root.querySelector("[data-debt-free]");

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
        el("td", o.months ?? "—", { class: "tool-num" }), el("td", o.total_interest, { class: "tool-num" }),
        el("td", o.total_paid, { class: "tool-num" }));
      orders.append(tr);
    }
    // Month by month.
    const head = el("tr");
    head.append(el("th", S.month_col, { scope: "col" }), ...lines.map((l) => el("th", l.label, { scope: "col" })));
    monthly.tHead.replaceChildren(lines.length ? head : "");
    const body = document.createDocumentFragment();
    months.forEach((m, i) => {
      const tr = el("tr");
      tr.append(el("th", m, { scope: "row" }), ...lines.map((l) => el("td", l.balances[i], { class: "tool-num" })));
      body.append(tr);
    });
    monthly.tBodies[0].replaceChildren(body);
    drawLines(chart, months, lines);
    legend.replaceChildren(...lines.map((l, i) => {
      const item = el("span", undefined, { class: "tool-legend" });
      item.append(el("span", "", { class: `tool-swatch tool-line-${i % 6}`, "aria-hidden": "true" }), el("span", l.label));
      return item;
    }));
    root.querySelectorAll("table.tool-cards").forEach(labelCells);
    if (!plan) debtFree.textContent = S.no_plan;
    else if (!plan.finished || !plan.months) debtFree.textContent = S.never;
    else debtFree.textContent = fill(S.debt_free, { when: when(plan.months) });
  }

  YQXS.renderers.debts = (f, r) => {
    if (f !== form) return;
    result = r;
    draw();
  };
  // A failed run blanks the outputs: clear the plan too, so nothing stale stays on screen.
  form.addEventListener("yqxs:result", (event) => {
    if (event.detail && event.detail.ok === false) {
      result = null;
      monthly.tHead.replaceChildren();
      monthly.tBodies[0].replaceChildren();
      chart.replaceChildren();
      legend.replaceChildren();
      debtFree.textContent = "";
    }
  });
  orderChoice.addEventListener("change", draw);
  start.addEventListener("change", draw);

  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=debts-csv], [data-action=debts-ics]");
    if (!button || !result) return;
    const key = orderChoice.value;
    const lines = (result.chart && result.chart[key]) || [];
    if (button.dataset.action === "debts-csv") {
      const rows = [[S.month_col, ...lines.map((l) => l.label)]];
      (result.chart.months || []).forEach((m, i) => rows.push([m, ...lines.map((l) => l.balances[i])]));
      download(`${S.file}-${todayISO()}.csv`, csvText(rows), "text/csv;charset=utf-8");
      status.textContent = S.done_csv;
      return;
    }
    fieldError(start, "");
    const plan = result[key];
    if (!plan || !plan.months) { status.textContent = plan ? S.never : S.no_plan; return; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start.value)) { fieldError(start, S.ics_need_date); start.focus(); return; }
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

  draw();
}

mountAll('[data-widget="debts"]', setup);
