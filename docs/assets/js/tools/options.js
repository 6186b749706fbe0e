// options (协商方案比较): extra rendering on top of the widget runtime (widgets.js renders the
// outputs and the table rows from calc's result): the bar chart of total paid, the .ics
// export of a chosen plan's payment dates, "use the capacity saved by the budget tool", and
// the button per plan that carries that plan to the letter page.
//
// Carrying a plan: sessionStorage "yqxs:plan" (this tab only; the letter page removes it as
// soon as it has read it). Nothing goes into the URL, so nothing reaches any server or log.
// The plan holds calc's own strings: {key, label, monthly_payment, months, amount, lump_sum}.

import YQXS from "../widgets.js";
import { buildCalendar, monthlyDates } from "./ics.js";
import { download, fieldError, fill, mountAll, svg } from "./common.js";

export const PLAN_KEY = "yqxs:plan";
const BUDGET_KEY = "yqxs:calc:budget";

/** The same drawing as the bars() macro in overrides/widgets/options.html. */
export function drawBars(svgEl, chart, options) {
  const bars = (chart && chart.bars) || [];
  const fits = Object.fromEntries((options || []).map((o) => [o.key, o.fits]));
  const top = Math.max(1, ...bars.map((b) => Number(b.value) || 0));
  svgEl.setAttribute("viewBox", `0 0 320 ${bars.length * 36}`);
  const parts = [];
  bars.forEach((bar, i) => {
    const y = i * 36;
    const w = (230 * (Number(bar.value) || 0)) / top;
    parts.push(
      svg("text", { x: 0, y: y + 11 }, bar.label),
      svg("rect", { class: fits[bar.key] ? "bar fits" : "bar", x: 0, y: y + 15, width: w.toFixed(1), height: 14 }),
      svg("text", { x: (w + 4).toFixed(1), y: y + 26 }, bar.value),
    );
  });
  svgEl.replaceChildren(...parts);
}

function toolStrings(root) {
  const block = root.querySelector('script[type="application/json"][data-tool-strings]');
  try { return block ? JSON.parse(block.textContent) : {}; } catch { return {}; }
}

/** A plan from a table row (the runtime writes calc's strings into its data-* attributes). */
function planFromRow(row, owed) {
  return {
    key: row.dataset.key || "",
    label: row.dataset.label || row.querySelector("[data-field=label]")?.textContent || "",
    monthly_payment: row.dataset.monthlyPayment || "",
    months: row.dataset.months || "",
    total_paid: row.dataset.totalPaid || "",
    lump_sum: row.dataset.lumpSum === "true",
    amount: owed,
  };
}

function setup(root) {
  const form = root.querySelector('form[data-calc="options"]');
  const S = toolStrings(root);
  const chart = root.querySelector("[data-plan-chart] svg");
  const tbody = root.querySelector('tbody[data-items="options"]');
  const select = root.querySelector("[data-ics-plan]");
  const start = root.querySelector("[data-ics-start]");
  const alarm = root.querySelector("[data-ics-alarm]");
  const icsStatus = root.querySelector("[data-ics-status]");
  const owedOut = form.querySelector('output[name="owed"]');

  YQXS.renderers.options = (f, result) => {
    if (f !== form) return;
    drawBars(chart, result.chart, result.options);
    const chosen = select.value;
    select.replaceChildren();
    for (const o of result.options || []) {
      if (o.months === null) continue;
      const opt = document.createElement("option");
      opt.value = o.key;
      opt.textContent = o.label;
      select.append(opt);
    }
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : result.best || select.options[0]?.value || "";
  };

  // Use the capacity the budget tool saved (only there if the reader opted in on that page).
  const budgetBox = root.querySelector("[data-budget-capacity]");
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(BUDGET_KEY) || "null"); } catch { saved = null; }
  if (saved && saved.v === 1 && saved.fields && typeof saved.fields === "object") budgetBox.hidden = false;
  budgetBox.addEventListener("click", async (event) => {
    if (!event.target.closest("[data-action=use-budget]")) return;
    const capacity = form.elements.namedItem("capacity");
    try {
      const answer = await YQXS.run("budget", saved.fields, YQXS.lang(form));
      if (!answer.ok) throw new Error("budget");
      capacity.value = answer.result.capacity;
      fieldError(capacity, "");
      form.querySelector("[data-live]").textContent = S.budget_used;
      YQXS.recompute(form);
    } catch {
      form.querySelector("[data-live]").textContent = S.budget_failed;
    }
  });

  // One button per plan: carry it to the letter page.
  tbody.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=use-plan]");
    if (!button) return;
    const plan = planFromRow(button.closest("tr"), owedOut?.dataset.value || "");
    if (plan.lump_sum) plan.proposal = fill(S.lump_proposal, { amount: plan.monthly_payment, label: plan.label });
    try { sessionStorage.setItem(PLAN_KEY, JSON.stringify(plan)); } catch { /* the letter then starts empty */ }
    window.location.href = new URL("../letter/", window.location.href).href;
  });

  // The .ics of the chosen plan.
  root.querySelector("[data-action=download-ics]").addEventListener("click", () => {
    const row = tbody.querySelector(`tr[data-item][data-key="${CSS.escape(select.value)}"]`);
    fieldError(start, "");
    if (!row) { icsStatus.textContent = S.ics_no_plan; return; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start.value)) {
      fieldError(start, S.ics_need_date);
      start.focus();
      return;
    }
    const plan = planFromRow(row, "");
    const total = Number(plan.months) || 1;
    const events = monthlyDates(start.value, total).map((date, i) => ({
      date,
      summary: fill(S.ics_summary, { amount: plan.monthly_payment, label: plan.label, n: i + 1, total }),
      description: S.ics_description,
    }));
    const text = buildCalendar({ name: S.ics_name, events, alarm: alarm.checked });
    download(`${S.ics_file}-${plan.key}.ics`, text, "text/calendar;charset=utf-8");
    icsStatus.textContent = fill(S.ics_done, { n: events.length });
  });
}

mountAll('[data-widget="options"]', setup);
