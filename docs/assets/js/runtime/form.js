// Reading a calculator form, and the parts of a form that change its shape (repeatable rows,
// conditional groups, today's date). Values go to calc as the strings the reader typed:
// calc/parse.py is the only place that reads them.
//
//   <form data-calc="NAME">      inputs are named as api.run's params; inputs inside an
//                                element with [data-row] are repeatable and go as lists;
//                                disabled inputs and inputs without a name are not sent.
//   [data-show-when="FIELD=VALUE"]  shown (and its inputs enabled) only while the named
//                                radio/select has that value.
//   input[data-today]            filled with today's local date (YYYY-MM-DD).
//   [data-action=add-row][data-rows=NAME]  adds a row to [data-rows=NAME] from its
//                                <template>; "__N__" in ids/for/aria-*/name becomes a number.
//   [data-action=remove-row]     removes its [data-row] (the last one is only cleared).

import { todayISO } from "../lib/common.js";

/** True when el's value is sent to calc. */
export function isSent(el) {
  if (!el.name || el.disabled) return false;
  if (el.tagName === "OUTPUT" || el.tagName === "FIELDSET" || el.tagName === "OBJECT") return false;
  if (el.type === "button" || el.type === "submit" || el.type === "reset" || el.type === "file") return false;
  if (el.closest("fieldset[disabled]")) return false;
  return true;
}

/** The form's params: {name: string} and {name: [strings]} for repeatable rows. An
 *  unticked checkbox outside rows is sent as "". */
export function readForm(form) {
  const params = {};
  for (const el of form.elements) {
    if (!isSent(el)) continue;
    if ((el.type === "radio" || el.type === "checkbox") && !el.checked) {
      if (el.type === "checkbox" && !el.closest("[data-row]") && !(el.name in params)) params[el.name] = "";
      continue;
    }
    if (el.closest("[data-row]")) (params[el.name] ||= []).push(el.value);
    else params[el.name] = el.value;
  }
  return params;
}

/** True when the reader changed a sent value before the runtime mounted the form. */
export function typedBeforeMount(form) {
  for (const el of form.elements) {
    if (!isSent(el) || el.type === "hidden") continue;
    if (el.type === "radio" || el.type === "checkbox") {
      if (el.checked !== el.defaultChecked) return true;
    } else if (el.tagName === "SELECT") {
      if ([...el.options].some((o) => o.selected !== o.defaultSelected)) return true;
    } else if (el.value !== el.defaultValue) {
      return true;
    }
  }
  return false;
}

export function fillToday(form) {
  for (const el of form.querySelectorAll("input[data-today]")) el.value = todayISO();
}

export function applyConditions(form) {
  for (const box of form.querySelectorAll("[data-show-when]")) {
    const [field, value] = box.dataset.showWhen.split("=");
    const control = form.elements[field];
    const show = (control ? (control.value ?? "") : "") === value;
    box.hidden = !show;
    for (const el of box.querySelectorAll("input, select, textarea")) el.disabled = !show;
  }
}

function renumber(node, n) {
  for (const el of [node, ...node.querySelectorAll("*")]) {
    for (const attr of ["id", "for", "aria-describedby", "aria-labelledby", "name"]) {
      const value = el.getAttribute?.(attr);
      if (value && value.includes("__N__")) el.setAttribute(attr, value.replaceAll("__N__", String(n)));
    }
  }
}

/** Add a row to the [data-rows=name] box from its <template>; returns the row. */
export function addRow(form, name, focus) {
  const box = form.querySelector(`[data-rows="${name}"]:not([data-action])`);
  const template = box?.querySelector(":scope > template");
  if (!template) return null;
  box.rowCounter = (box.rowCounter || box.querySelectorAll("[data-row]").length) + 1;
  const row = template.content.firstElementChild.cloneNode(true);
  renumber(row, box.rowCounter + 100);
  box.insertBefore(row, template);
  if (focus) row.querySelector("input, select, textarea")?.focus();
  return row;
}

/** Remove a row (the last one left is cleared instead), keeping the focus in the group. */
export function removeRow(row) {
  const box = row.closest("[data-rows]:not([data-action])");
  const rows = box ? box.querySelectorAll("[data-row]") : [];
  if (rows.length <= 1) {
    for (const el of row.querySelectorAll("input, textarea")) el.value = "";
    row.querySelector("input")?.focus();
    return;
  }
  const next = row.nextElementSibling?.matches("[data-row]") ? row.nextElementSibling : row.previousElementSibling;
  row.remove();
  (next?.querySelector("input") || box.closest("fieldset, .yqxs-group")?.querySelector("[data-action=add-row]"))?.focus();
}

/** Make the [data-rows] boxes hold `count(box)` rows each (restoring saved lists). */
export function resizeRows(form, count) {
  for (const box of form.querySelectorAll("[data-rows]:not([data-action])")) {
    const want = count(box);
    let rows = box.querySelectorAll("[data-row]");
    while (rows.length < want && addRow(form, box.dataset.rows, false)) rows = box.querySelectorAll("[data-row]");
    while (rows.length > want) {
      rows[rows.length - 1].remove();
      rows = box.querySelectorAll("[data-row]");
    }
  }
}
