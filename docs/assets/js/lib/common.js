// The small shared library of the widget runtime and the tools' modules (imported, never
// loaded on its own). Nothing here knows about money: it reads strings a template wrote,
// makes elements, saves files the reader asked for, copies text and keeps ids and dates.
// Text the reader typed is only ever set with textContent or as an input's value, never
// as markup.

/** Keys in the browser's storage (docs/about.md#storage names each one). */
export const PLAN_KEY = "yqxs:plan"; // sessionStorage: a plan carried from options to the letter
export const TO_PLAN_KEY = "yqxs:to-plan"; // sessionStorage: a tool's inputs carried to the plan ("put this into my plan")
export const FROM_PLAN_KEY = "yqxs:from-plan"; // sessionStorage: the plan's numbers carried to options, debts or budget
export const TO_CHECKLIST_KEY = "yqxs:to-checklist"; // sessionStorage: the terms of a 书面确认 letter carried to the checklist

/** The address of tool page `name` in the script `lang` ("zh" or "zh-Hant"), wherever the
 *  widget sits (a tool page or a guide page): this module lives at assets/js/lib/ under the
 *  site's root, and the 繁體 pages are under zh-Hant/. */
export function toolUrl(name, lang) {
  const root = new URL("../../../", import.meta.url);
  return new URL(`${lang === "zh-Hant" ? "zh-Hant/" : ""}tools/${name}/`, root).href;
}

const stringCache = new WeakMap();

/** The JSON block of UI texts a template wrote (both scripts live in the templates; the
 *  modules only pick them up). `root` is a widget or a form; `selector` names the block:
 *  the tools' own blocks are script[data-strings], the runtime's script[data-yqxs-strings]. */
export function strings(root, selector = "script[data-strings]") {
  let cache = stringCache.get(root);
  if (!cache) stringCache.set(root, (cache = new Map()));
  if (cache.has(selector)) return cache.get(selector);
  const block = root.querySelector(`${selector}[type="application/json"]`) || document.querySelector(`${selector}[type="application/json"]`);
  let texts = {};
  try {
    texts = block ? JSON.parse(block.textContent) : {};
  } catch {
    texts = {};
  }
  cache.set(selector, texts);
  return texts;
}

/** The JSON a template wrote into script[selector] inside root, or null. */
export function json(root, selector) {
  const block = root.querySelector(selector);
  try {
    return block ? JSON.parse(block.textContent) : null;
  } catch {
    return null;
  }
}

/** "第 {n} 行" + {n: 3} -> "第 3 行". Values are inserted as plain text. */
export function fill(template, values) {
  return String(template ?? "").replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}

/** Create an element with text (never markup). */
export function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and optional text (the charts). */
export function svg(name, attrs, text) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Today's date on the reader's device as YYYY-MM-DD. */
export function todayISO(now) {
  const d = now || new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** 16 random hex digits: ids of log rows and of calendar batches. */
export function newId() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** localStorage that never throws (private mode, storage disabled, quota). */
export const store = {
  get(key) {
    try { return window.localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch { return false; }
  },
  remove(key) {
    try { window.localStorage.removeItem(key); } catch { /* nothing to do */ }
  },
};

/** Save text as a file on the reader's device (a Blob and a[download]; nothing is sent). */
export function download(filename, text, type) {
  const blob = new Blob([text], { type: type || "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Copy text; falls back to selecting a hidden textarea where the Clipboard API is missing
 *  (plain http on some hosts). Resolves true when it worked. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall through */ }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch { ok = false; }
  area.remove();
  return ok;
}

/** Copy each column's heading onto its body cells (data-label), for the phone card layout
 *  of table.yqxs-cards. */
export function labelCells(table) {
  const heads = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent.trim());
  for (const tr of table.querySelectorAll("tbody tr")) {
    Array.from(tr.children).forEach((cell, i) => {
      if (cell.tagName === "TD" && heads[i]) cell.dataset.label = heads[i];
    });
  }
}

/** Put text into a live region (role=status / aria-live): a screen reader reads it. */
export function announce(region, text) {
  if (region) region.textContent = text;
}

// ------------------------------------------------------------------ CSV (RFC 4180, for Excel)
// The one CSV writer of the site: the calculators' tables, the debts plan and the call log.

/** A cell that a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a
 *  leading ' so it shows as text (OWASP "CSV injection"). */
export function neutralise(text) {
  const s = text === null || text === undefined ? "" : typeof text === "boolean" ? String(text) : String(text);
  return /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
}

export function csvCell(text) {
  const safe = neutralise(text);
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}

/** Rows of cells -> CSV text with a UTF-8 BOM and CRLF line ends. */
export function csvText(rows) {
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A table given as columns [{key, label}] and rows of objects -> CSV text (with BOM). */
export function csvTable(columns, rows) {
  return csvText([columns.map((c) => c.label), ...rows.map((row) => columns.map((c) => row[c.key]))]);
}
