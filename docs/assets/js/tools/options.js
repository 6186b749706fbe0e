// options (协商方案比较): more on top of the widget runtime (which renders the outputs, the
// table rows and the bar chart of total paid from calc's result): the .ics export of a
// chosen plan's payment dates, "use the capacity saved by the budget tool" (the calculator
// named by the box's data-from-calc), the button per plan that carries that plan to the
// letter page, "put this into my plan" (tools/to-plan.js), and the plan's "比较这笔的协商方案"
// (tools/from-plan.js: that debt's balance, rate and kind, and the plan's monthly offer for it).
//
// Carrying a plan: sessionStorage PLAN_KEY (this tab only; the letter page removes it as
// soon as it has read it). Nothing goes into the URL, so nothing reaches any server or log.
// The plan holds calc's own strings: {key, label, monthly_payment, months, amount, lump_sum}.

import { PLAN_KEY, download, fill, strings, toolUrl } from "../lib/common.js";
import { setFieldError } from "../lib/fields.js";
import { onWidget } from "../lib/mount.js";
import { lang, onResult } from "../runtime/calculator.js";
import { buildCalendar, monthlyDates } from "./ics.js";
import { receiveFromPlan } from "./from-plan.js";
import { offerSavedBudget } from "./kept-budget.js";
import { offerToPlan } from "./to-plan.js";

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
  const S = strings(root);
  const tbody = root.querySelector('tbody[data-items="options"]');
  const select = root.querySelector("[data-ics-plan]");
  const start = root.querySelector("[data-ics-start]");
  const alarm = root.querySelector("[data-ics-alarm]");
  const icsStatus = root.querySelector("[data-ics-status]");
  const owedOut = form.querySelector('output[name="owed"]');
  offerToPlan(root, form); // "put this into my plan": this debt goes to the plan as a row
  receiveFromPlan(root, form); // "比较这笔的协商方案" on the plan page: that debt comes here

  // The plans with a term can go into the calendar. A plan that costs more than staying
  // overdue as long (calc's saving below zero) says "反而多付 X", never a negative "saving".
  onResult(form, (answer) => {
    if (!answer.ok) return;
    const result = answer.result;
    for (const cell of tbody.querySelectorAll("tr[data-item] [data-field=saving]")) {
      const text = cell.textContent.trim();
      if (/^[-−]\d/.test(text)) cell.textContent = fill(S.saving_more, { amount: text.slice(1) });
    }
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
  });

  // Use the capacity the budget tool saved (only there if the reader opted in on that page).
  offerSavedBudget(form, S);

  // One button per plan: carry it to the letter page.
  tbody.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=use-plan]");
    if (!button || form.hasAttribute("data-pending")) return; // never a plan for other numbers
    const plan = planFromRow(button.closest("tr"), owedOut?.dataset.value || "");
    if (plan.lump_sum) plan.proposal = fill(S.lump_proposal, { amount: plan.monthly_payment, label: plan.label });
    try { sessionStorage.setItem(PLAN_KEY, JSON.stringify(plan)); } catch { /* the letter then starts empty */ }
    window.location.href = toolUrl("letter", lang(form)); // also from the guide page that embeds this tool
  });

  // The .ics of the chosen plan.
  root.querySelector("[data-action=download-ics]").addEventListener("click", () => {
    if (form.hasAttribute("data-pending")) return; // the plans shown are not for the input
    const row = tbody.querySelector(`tr[data-item][data-key="${CSS.escape(select.value)}"]`);
    setFieldError(start, "");
    if (!row) { icsStatus.textContent = S.ics_no_plan; return; }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start.value)) {
      setFieldError(start, S.ics_need_date);
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

onWidget("options", setup);
