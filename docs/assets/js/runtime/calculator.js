// One calculator form (form[data-calc=NAME] inside its [data-widget]): it reads the form,
// asks the worker client, and writes the answer (render.js, charts.js), the errors
// (lib/fields.js) and the remembered inputs (storage.js). After every answer it dispatches
// the one extension point of the runtime:
//
//   form.dispatchEvent(new CustomEvent("yqxs:result", {detail: answer, bubbles: true}))
//   answer = {ok: true, result} | {ok: false, errors: [{field, index?, code, message}]}
//
// A tool's module that draws more from the same result (assets/js/tools/NAME.js) listens
// with onResult(form, fn), which also hands it the answer already on the page (the worked
// example the build embedded as script[data-example-result], or the last answer).
//
// Actions inside the form: [data-action=add-row|remove-row] (form.js), remember/forget
// (storage.js), copy-csv/download-csv with data-table-ref=KEY (the table as CSV, UTF-8
// with a BOM for Excel, formula cells neutralised: lib/common.js).

import { announce, copyText, csvTable, download, fill, json, strings } from "../lib/common.js";
import { clearErrors, showErrors } from "../lib/fields.js";
import { drawCharts } from "./charts.js";
import { PAGE_LANG, run, state as runtimeState } from "./client.js";
import { addRow, applyConditions, fillToday, readForm, removeRow, typedBeforeMount } from "./form.js";
import { blankOutputs, markPending, renderResult } from "./render.js";
import { bindStatus } from "./status.js";
import * as storage from "./storage.js";

export const RESULT_EVENT = "yqxs:result";

const forms = new Set();

/** The page script of el: "zh" or "zh-Hant". */
export function lang(el) {
  const holder = el.closest?.("[lang]") || document.documentElement;
  return holder.getAttribute("lang") === "zh-Hant" ? "zh-Hant" : PAGE_LANG;
}

const texts = (form) => strings(form, "script[data-yqxs-strings]");
const live = (form) => form.querySelector("[data-live]");
const widgetOf = (form) => form.closest("[data-widget]") || form;

/** The answer now shown by form: the last one, else the embedded worked example. */
export function lastAnswer(form) {
  if (form.yqxsAnswer) return form.yqxsAnswer;
  const example = json(form, "script[data-example-result]");
  return example ? { ok: true, result: example } : null;
}

/** fn(answer) now for the answer on the page, and after every new one. */
export function onResult(form, fn) {
  form.addEventListener(RESULT_EVENT, (event) => fn(event.detail));
  const answer = lastAnswer(form);
  if (answer) fn(answer);
}

/** Nothing stale can be acted on (render.js markPending): the results on screen are not
 *  for the current input while `state` holds; the line says why, in the page's script. */
function pending(form, state) {
  if (state === "coming" && !form.yqxsAnswer) state = runtimeState() === "ready" ? "coming" : "example";
  if (state && runtimeState() === "failed") state = "failed";
  markPending(form, state, state ? texts(form)[`pending_${state}`] : "");
}

function show(form, answer) {
  form.yqxsAnswer = answer;
  if (answer.ok) {
    clearErrors(form);
    renderResult(form, answer.result);
    drawCharts(widgetOf(form), answer.result);
    if (form.dataset.hadErrors) {
      delete form.dataset.hadErrors;
      announce(live(form), "");
    }
  } else {
    blankOutputs(form);
    drawCharts(widgetOf(form), null);
    showErrors(form, answer.errors);
    form.dataset.hadErrors = "1";
    const s = texts(form);
    const n = (answer.errors || []).length;
    announce(live(form), fill(n === 1 ? s.errors_one : s.errors_many, { n }) + " " + answer.errors.map((e) => e.message).join(" "));
  }
  // After the results are drawn (new rows' buttons too); newer input already waiting means
  // what is shown now is not for it either.
  pending(form, form.dirty ? "coming" : answer.ok ? "" : "error");
  form.dispatchEvent(new CustomEvent(RESULT_EVENT, { detail: answer, bubbles: true }));
}

// At most one request per form is in flight; input while it runs marks the form dirty and
// the newest values are sent as soon as the answer arrives. So a burst of typing costs one
// calculation at a time and the last values always win, with no fixed delay to wait out.
/** Compute the form's answer for its current values; resolves when it is shown. */
export function recompute(form) {
  if (!form.dataset.calc) return Promise.resolve();
  if (form.dataset.pending !== "error") pending(form, "coming");
  if (form.busy) {
    form.dirty = true;
    return form.busy;
  }
  const params = readForm(form);
  storage.save(form, params);
  form.busy = run(form.dataset.calc, params, lang(form))
    .then((answer) => show(form, answer))
    .catch(() => {
      /* the status line already says the runtime failed; the example stays, marked as such */
      pending(form, "failed");
    })
    .finally(() => {
      form.busy = null;
      if (form.dirty) {
        form.dirty = false;
        recompute(form);
      }
    });
  return form.busy;
}

function tableCsv(form, key) {
  const result = lastAnswer(form)?.result;
  return result && Array.isArray(result[key]) && Array.isArray(result.columns) ? csvTable(result.columns, result[key]) : null;
}

async function act(form, button) {
  const s = texts(form);
  const action = button.dataset.action;
  if (action === "add-row") {
    addRow(form, button.dataset.rows, true);
  } else if (action === "remove-row") {
    removeRow(button.closest("[data-row]"));
    recompute(form);
  } else if (action === "forget") {
    storage.forget(form);
    const box = form.querySelector("[data-action=remember]");
    if (box) box.checked = false;
    announce(live(form), s.forgotten || "");
  } else if (action === "copy-csv" || action === "download-csv") {
    const text = tableCsv(form, button.dataset.tableRef);
    if (!text) return;
    if (action === "download-csv") {
      download(button.dataset.filename || `${form.dataset.calc}.csv`, text, "text/csv;charset=utf-8");
    } else {
      const ok = await copyText(text.slice(1)); // no BOM on the clipboard
      announce(live(form), (ok ? s.copied : s.copy_failed) || "");
    }
  }
}

/** Set up one calculator form (once; the mount loop calls it). */
export function mountCalculator(form) {
  if (forms.has(form)) return;
  forms.add(form);
  form.noValidate = true;
  fillToday(form);
  const restored = storage.restore(form);
  applyConditions(form);
  bindStatus(form, () => forms.forEach((f) => recompute(f)));

  const changed = (event) => {
    const target = event.target;
    if (target.matches?.("[data-action=remember]")) {
      if (target.checked) storage.save(form);
      else storage.forget(form);
      announce(live(form), (target.checked ? texts(form).remembered : texts(form).forgotten) || "");
      return;
    }
    if (target.closest?.("[data-show-when]") === null && form.querySelector("[data-show-when]")) applyConditions(form);
    recompute(form);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", (event) => {
    const t = event.target;
    if (t.type === "radio" || t.tagName === "SELECT" || t.type === "date" || t.type === "checkbox") changed(event);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    recompute(form);
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest?.("button[data-action]");
    if (button && form.contains(button) && button.dataset.action !== "retry") act(form, button);
  });

  // The example's charts, from the result the build embedded.
  const answer = lastAnswer(form);
  if (answer) drawCharts(widgetOf(form), answer.result);
  // The pre-rendered example is already on the page; recompute only for restored input,
  // input typed before this module ran, or a date-dependent form, so the reader's own
  // numbers show as soon as Python is up.
  if (restored || typedBeforeMount(form) || form.querySelector("input[data-today]:not([disabled])")) recompute(form);
}
