// Opt-in persistence of a calculator's inputs ("在本设备上记住我的输入", _remember.html):
// nothing is stored unless [data-action=remember] is ticked; [data-action=forget] removes it.
// localStorage key "yqxs:calc:NAME" (docs/about.md#storage), the same in both scripts, so a
// switch of script keeps the inputs. Stored: {v: 1, fields: readForm(form)}.

import { store } from "../lib/common.js";
import { readForm, resizeRows } from "./form.js";

export const CALC_PREFIX = "yqxs:calc:";

/** The key a calculator named `name` keeps its inputs under. */
export const keyFor = (name) => CALC_PREFIX + name;

export function key(form) {
  return keyFor(form.dataset.calc || form.id || "form");
}

export function enabled(form) {
  return Boolean(form.querySelector("[data-action=remember]")?.checked);
}

let persistAsked = false; // navigator.storage.persist(): asked once, only after the reader opts in

/** The reader chose to keep something on this device: ask the browser, once per page, not
 *  to evict it (navigator.storage.persist()). Call it only after an opt-in; the tools that
 *  keep data of their own (tools/checklist.js) call it too. */
export function keepOnDevice() {
  if (!persistAsked && navigator.storage?.persist) {
    persistAsked = true;
    navigator.storage.persist().catch(() => {});
  }
}

export function save(form, params) {
  if (!enabled(form)) return;
  store.set(key(form), JSON.stringify({ v: 1, fields: params || readForm(form) }));
  keepOnDevice();
}

/** The fields saved for calculator `name` (by this or another page), or null. */
export function load(name) {
  try {
    const data = JSON.parse(store.get(keyFor(name)) || "null");
    return data && data.v === 1 && data.fields && typeof data.fields === "object" ? data.fields : null;
  } catch {
    return null;
  }
}

export function forget(form) {
  store.remove(key(form));
}

/** Put the saved inputs back into the form; true when there were any. */
export function restore(form) {
  const fields = load(form.dataset.calc || form.id || "form");
  if (!fields) return false;
  // Rows first: as many rows as the saved lists have items.
  resizeRows(form, (box) => {
    const names = new Set([...box.querySelectorAll("[data-row] [name]")].map((el) => el.name));
    return Math.max(1, ...[...names].map((n) => (Array.isArray(fields[n]) ? fields[n].length : 0)));
  });
  const seen = {};
  for (const el of form.elements) {
    if (!el.name || !(el.name in fields) || el.type === "file" || el.type === "button") continue;
    const saved = fields[el.name];
    let value = saved;
    if (Array.isArray(saved)) {
      const i = (seen[el.name] = (seen[el.name] ?? -1) + 1);
      value = saved[i] ?? "";
    }
    if (el.type === "radio" || el.type === "checkbox") el.checked = el.value === value;
    else el.value = String(value ?? "");
  }
  const box = form.querySelector("[data-action=remember]");
  if (box) box.checked = true;
  return true;
}
