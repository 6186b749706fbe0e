// The widget runtime: one module for every page that has a widget (loaded by
// overrides/main.html only on those pages). It knows nothing about finance: it reads a
// form's named values as strings, asks calc.api.run (Python, in a Web Worker) and writes
// what comes back into the page. Every number shown was computed and formatted in Python.
//
// ---------------------------------------------------------------- the page contract
// <form data-calc="NAME">         a calculator; inputs are named as api.run's params.
//   Inputs inside an element with [data-row] are repeatable: their values go as lists.
//   Disabled inputs and inputs without a name are not sent.
//   [data-show-when="FIELD=VALUE"]  shown (and its inputs enabled) only while the named
//                                   radio/select has that value.
//   input[data-today]               filled with today's local date (YYYY-MM-DD).
//   <output name="KEY">             gets data-value = result[KEY] ("" for null; "true" /
//                                   "false" for booleans) and text = result.display[KEY],
//                                   else the string itself, else data-true/data-false text.
//   [data-table="KEY"] (a <table>)  rows from result[KEY] (list of dicts), header from
//                                   result.columns ([{key, label}]).
//   [data-items="KEY"]              one clone of its <template> per item of result[KEY]
//                                   (none when absent; a [data-hide-empty] ancestor hides);
//                                   [data-field=F] inside gets item[F] as text, and the
//                                   clone gets data-F="…" for every boolean/short code F.
//   [data-chart="balance"|"shares"] an SVG chart drawn from result.chart (see drawChart).
//   [data-action="add-row"][data-rows=NAME]  adds a row to [data-rows=NAME] from its
//                                   <template>; "__N__" in ids/for/aria-* becomes a number.
//   [data-action="remove-row"]      removes its [data-row] (the last one is cleared).
//   [data-action="copy-csv"|"download-csv"][data-table-ref=KEY]  the table as CSV
//                                   (UTF-8 with BOM, for Excel).
//   [data-action="remember"] (checkbox), [data-action="forget"]  opt-in persistence in
//                                   localStorage under "yqxs:calc:NAME" (same key in both
//                                   scripts, so a switch of script keeps the inputs).
//   [data-status] (role=status)     loading steps, bytes, failure and the retry button.
//   [data-form-errors]              errors that belong to no visible field.
//   <script type="application/json" data-yqxs-strings>  the page script's UI texts.
// Tools that do not run calc by themselves (<form data-tool="NAME">) are not touched here:
// they have their own modules (assets/js/tools/NAME.js). Any module on a calculator page may
// use window.YQXS (or `import YQXS from "…/widgets.js"`: the same module instance).
//
// ---------------------------------------------------------------- the API (window.YQXS)
// The same object is this module's default export.
//   run(name, params, lang?) -> Promise<{ok, result} | {ok: false, errors}>
//   state() -> "loading" | "ready" | "failed";  onState(fn(state, detail))
//   startedFrom() -> "cold" | "snapshot" once ready (a warm start restores a memory snapshot)
//   ready -> Promise resolved once Python is ready (never rejects; see state())
//   readForm(form) -> params;  recompute(form) -> Promise (runs, renders, persists)
//   renderResult(form, result);  showErrors(form, errors);  clearErrors(form)
//   renderers[NAME] = (form, result) => void   extra rendering for one calculator
//   strings(el) -> the UI texts for el's page script;  lang(el) -> "zh" | "zh-Hant"
//   storage: {key(form), save(form), restore(form), forget(form), enabled(form)}
//   csv(columns, rows) -> CSV text with BOM;  drawChart(el, chart, kind, result)
//   mount(root = document) -> mounts every form[data-calc] under root (idempotent)
//   retry() -> restarts the worker after a failure
// ---------------------------------------------------------------------------

const SCRIPT = document.getElementById("widget-runtime");
const RUNTIME_DIR = new URL(SCRIPT?.dataset.pyodide || "../../pyodide/", SCRIPT?.src || import.meta.url).href;
const WHEEL_URL = new URL(SCRIPT?.dataset.wheel || "calc.whl", RUNTIME_DIR).href;
const PAGE_LANG = SCRIPT?.dataset.lang || document.documentElement.lang || "zh";
const STORE_PREFIX = "yqxs:calc:";

// ---------------------------------------------------------------- the worker

let worker = null;
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject}
let currentState = "loading";
let startedFrom = null;
let stateDetail = { step: "download", loaded: 0, total: 0 };
const stateListeners = new Set();
let resolveReady;
const ready = new Promise((resolve) => (resolveReady = resolve));

function setState(state, detail) {
  currentState = state;
  stateDetail = detail || {};
  for (const fn of stateListeners) {
    try {
      fn(currentState, stateDetail);
    } catch (err) {
      console.warn(err);
    }
  }
  if (state === "ready") resolveReady();
}

function startWorker() {
  startedFrom = null;
  setState("loading", { step: "download", loaded: 0, total: 0 });
  try {
    worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "yqxs-calc" });
  } catch (err) {
    fail(String(err));
    return;
  }
  worker.onmessage = (event) => {
    const msg = event.data || {};
    if (msg.type === "progress") {
      if (msg.from) startedFrom = msg.from;
      if (currentState === "ready") return; // late byte counts change nothing
      setState(msg.step === "ready" ? "ready" : "loading", msg);
    } else if (msg.type === "notice") {
      console.info("calculator runtime:", msg.message);
    } else if (msg.type === "failed") {
      fail(msg.message);
    } else if (msg.type === "result" || msg.type === "error") {
      const waiting = pending.get(msg.id);
      if (!waiting) return;
      pending.delete(msg.id);
      if (msg.type === "result") waiting.resolve(msg.result);
      else waiting.reject(new Error(msg.message));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || "worker error");
  };
  worker.postMessage({ type: "init", indexURL: RUNTIME_DIR, wheelURL: WHEEL_URL, snapshot: true });
}

function fail(message) {
  console.warn("calculator runtime failed:", message);
  if (worker) worker.terminate();
  worker = null;
  for (const waiting of pending.values()) waiting.reject(new Error(message));
  pending.clear();
  setState("failed", { message });
}

function retry() {
  if (worker && currentState !== "failed") return;
  startWorker();
  for (const form of mounted) if (form.dataset.calc) recompute(form);
}

function run(name, params, lang) {
  if (!worker) return Promise.reject(new Error("runtime not running"));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: "run", id, name, params, lang: lang || PAGE_LANG });
  });
}

// Start Python before anything else on the page: the cold start is most of the wait.
if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
  setState("failed", { message: "no Worker or WebAssembly" });
} else {
  startWorker();
}

// ---------------------------------------------------------------- strings

const stringCache = new WeakMap();

function lang(el) {
  const holder = el.closest?.("[lang]") || document.documentElement;
  return holder.getAttribute("lang") === "zh-Hant" ? "zh-Hant" : PAGE_LANG;
}

function strings(el) {
  const form = el.closest?.("form") || el;
  if (stringCache.has(form)) return stringCache.get(form);
  let texts = {};
  const block = form.querySelector("script[data-yqxs-strings]") || document.querySelector("script[data-yqxs-strings]");
  if (block) {
    try {
      texts = JSON.parse(block.textContent);
    } catch {
      texts = {};
    }
  }
  stringCache.set(form, texts);
  return texts;
}

function fill(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}

// ---------------------------------------------------------------- reading a form

function isSent(el) {
  if (!el.name || el.disabled) return false;
  if (el.tagName === "OUTPUT" || el.tagName === "FIELDSET" || el.tagName === "OBJECT") return false;
  if (el.type === "button" || el.type === "submit" || el.type === "reset" || el.type === "file") return false;
  if (el.closest("fieldset[disabled]")) return false;
  return true;
}

function readForm(form) {
  const params = {};
  for (const el of form.elements) {
    if (!isSent(el)) continue;
    if ((el.type === "radio" || el.type === "checkbox") && !el.checked) {
      if (el.type === "checkbox" && !el.closest("[data-row]") && !(el.name in params)) params[el.name] = "";
      continue;
    }
    const value = el.value;
    if (el.closest("[data-row]")) {
      (params[el.name] ||= []).push(value);
    } else {
      params[el.name] = value;
    }
  }
  return params;
}

// ---------------------------------------------------------------- rendering results

function textOf(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

function renderOutputs(form, result) {
  const display = result.display || {};
  for (const out of form.querySelectorAll("output[name]")) {
    const key = out.getAttribute("name");
    if (!(key in result)) continue;
    const value = result[key];
    out.dataset.value = textOf(value);
    let text;
    if (key in display) text = display[key];
    else if (typeof value === "boolean") text = value ? out.dataset.true || "" : out.dataset.false || "";
    else if (value === null || value === undefined) text = out.dataset.none || "—";
    else if (typeof value === "object") continue;
    else text = String(value);
    out.textContent = text;
  }
}

function renderTable(table, columns, rows) {
  const head = table.tHead || table.createTHead();
  const body = table.tBodies[0] || table.createTBody();
  const headRow = document.createElement("tr");
  for (const col of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.dataset.key = col.key;
    th.textContent = col.label;
    headRow.append(th);
  }
  head.replaceChildren(headRow);
  const fragment = document.createDocumentFragment();
  for (const row of rows) {
    const tr = document.createElement("tr");
    columns.forEach((col, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) cell.scope = "row";
      cell.dataset.key = col.key;
      cell.textContent = textOf(row[col.key]);
      tr.append(cell);
    });
    fragment.append(tr);
  }
  body.replaceChildren(fragment);
}

function renderItems(holder, items) {
  const template = holder.querySelector(":scope > template");
  if (!template) return;
  for (const old of holder.querySelectorAll(":scope > [data-item]")) old.remove();
  for (const item of items || []) {
    const clone = template.content.firstElementChild.cloneNode(true);
    clone.setAttribute("data-item", "");
    for (const [key, value] of Object.entries(item)) {
      if (typeof value === "boolean" || (typeof value === "string" && value.length <= 32)) {
        clone.setAttribute(`data-${key.replace(/_/g, "-")}`, textOf(value));
      }
    }
    for (const slot of clone.querySelectorAll("[data-field]")) {
      const value = item[slot.dataset.field];
      slot.textContent = typeof value === "boolean" ? (value ? slot.dataset.true || "" : slot.dataset.false || "") : textOf(value);
    }
    holder.append(clone);
  }
}

function renderResult(form, result) {
  if (!result) return;
  renderOutputs(form, result);
  for (const table of form.querySelectorAll("table[data-table]")) {
    const rows = result[table.dataset.table];
    if (Array.isArray(rows) && Array.isArray(result.columns)) renderTable(table, result.columns, rows);
  }
  for (const holder of form.querySelectorAll("[data-items]")) {
    const items = Array.isArray(result[holder.dataset.items]) ? result[holder.dataset.items] : [];
    renderItems(holder, items);
    const box = holder.closest("[data-hide-empty]");
    if (box) box.hidden = items.length === 0;
  }
  for (const chart of form.querySelectorAll("[data-chart]")) {
    if (result.chart) drawChart(chart, result.chart, chart.dataset.chart, result);
  }
  form.lastResult = result;
  const extra = api.renderers[form.dataset.calc];
  if (extra) extra(form, result);
}

// ---------------------------------------------------------------- charts (no library)

const SVG_NS = "http://www.w3.org/2000/svg";

function svgEl(name, attrs) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

// The geometry here matches the build-time drawing in overrides/widgets/_charts.html.
function drawChart(holder, chart, kind, result) {
  const svg = holder.querySelector("svg");
  if (!svg) return;
  if (kind === "balance") {
    const values = (chart.balance || []).map(Number);
    const W = 320, H = 120, P = 4;
    const start = Number(result?.principal) || Math.max(...values, 0);
    const top = Math.max(start, 1, ...values);
    const n = values.length;
    const pts = [`${P},${(P + (H - 2 * P) * (1 - start / top)).toFixed(1)}`];
    values.forEach((v, i) => {
      const x = P + ((W - 2 * P) * (i + 1)) / Math.max(n, 1);
      const y = P + (H - 2 * P) * (1 - v / top);
      pts.push(`${x.toFixed(1)},${y.toFixed(1)}`);
    });
    const area = `${P},${H - P} ${pts.join(" ")} ${W - P},${H - P}`;
    svg.replaceChildren(
      svgEl("polygon", { points: area, class: "yqxs-chart__area" }),
      svgEl("polyline", { points: pts.join(" "), class: "yqxs-chart__line" }),
      svgEl("line", { x1: P, y1: H - P, x2: W - P, y2: H - P, class: "yqxs-chart__axis" }),
    );
  } else if (kind === "shares") {
    const items = chart.expenses || [];
    const W = 320, H = 28;
    let x = 0;
    const parts = [];
    items.forEach((item, i) => {
      const w = W * Number(item.share || 0);
      if (w > 0) parts.push(svgEl("rect", { x: x.toFixed(1), y: 0, width: w.toFixed(1), height: H, class: `yqxs-chart__part yqxs-chart__part--${i % 6}` }));
      x += w;
    });
    svg.replaceChildren(...parts);
    const legend = holder.querySelector("[data-legend]");
    if (legend) {
      renderItems(legend, items.map((item, i) => ({ ...item, color: String(i % 6) })));
    }
  }
}

// ---------------------------------------------------------------- errors

function fieldFor(form, error) {
  if (!error.field) return null;
  const all = [...form.elements].filter((el) => el.name === error.field && isSent(el));
  if (!all.length) return null;
  if (Number.isInteger(error.index)) return all[error.index] || null;
  const visible = all.find((el) => el.type !== "hidden");
  return visible || null;
}

function clearErrors(form) {
  for (const el of form.querySelectorAll("[aria-invalid=true]")) {
    el.removeAttribute("aria-invalid");
    const base = el.dataset.describedbyBase;
    if (base) el.setAttribute("aria-describedby", base);
    else el.removeAttribute("aria-describedby");
  }
  for (const msg of form.querySelectorAll(".yqxs-error")) msg.remove();
  const general = form.querySelector("[data-form-errors]");
  if (general) {
    general.replaceChildren();
    general.hidden = true;
  }
  form.removeAttribute("data-state");
}

function showErrors(form, errors) {
  clearErrors(form);
  const general = form.querySelector("[data-form-errors]");
  let n = 0;
  for (const error of errors || []) {
    const el = fieldFor(form, error);
    const msg = document.createElement("p");
    msg.className = "yqxs-error";
    msg.textContent = error.message; // calc's text, in the page's script
    if (el) {
      if (!el.id) el.id = `${form.id || "f"}-${error.field}-${error.index ?? 0}`;
      msg.id = `${el.id}-error`;
      if (!("describedbyBase" in el.dataset)) el.dataset.describedbyBase = el.getAttribute("aria-describedby") || "";
      el.setAttribute("aria-invalid", "true");
      el.setAttribute("aria-describedby", `${el.dataset.describedbyBase} ${msg.id}`.trim());
      const box = el.closest(".yqxs-field") || el.parentElement;
      box.append(msg);
    } else if (general) {
      msg.id = `${form.id || "f"}-error-${n}`;
      general.append(msg);
      general.hidden = false;
    }
    n++;
  }
  form.dataset.state = "error";
  form.dataset.hadErrors = "1";
  const s = strings(form);
  announce(form, fill(n === 1 ? s.errors_one : s.errors_many, { n }) + " " + (errors || []).map((e) => e.message).join(" "));
}

function announce(form, text) {
  const live = form.querySelector("[data-live]");
  if (live) live.textContent = text;
}

function blankOutputs(form) {
  for (const out of form.querySelectorAll("output[name]")) {
    out.dataset.value = "";
    out.textContent = "—";
  }
  form.lastResult = null;
}

// ---------------------------------------------------------------- recompute

// At most one request per form is in flight; input while it runs marks the form dirty and
// the newest values are sent as soon as the answer arrives. So a burst of typing costs one
// calculation at a time and the last values always win, with no fixed delay to wait out.
function recompute(form) {
  if (!form.dataset.calc) return Promise.resolve();
  if (form.busy) {
    form.dirty = true;
    return form.busy;
  }
  const params = readForm(form);
  api.storage.save(form, params);
  form.busy = run(form.dataset.calc, params, lang(form))
    .then((answer) => {
      if (answer.ok) {
        clearErrors(form);
        renderResult(form, answer.result);
        if (form.dataset.hadErrors) {
          delete form.dataset.hadErrors;
          announce(form, "");
        }
      } else {
        blankOutputs(form);
        showErrors(form, answer.errors);
      }
      form.dispatchEvent(new CustomEvent("yqxs:result", { detail: answer, bubbles: true }));
    })
    .catch(() => {
      /* the status line already says the runtime failed; the example stays visible */
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

// ---------------------------------------------------------------- status line

function bytesText(s, loaded, total) {
  const mb = (n) => (n / 1048576).toFixed(1);
  if (!loaded) return "";
  return total ? fill(s.bytes_of, { loaded: mb(loaded), total: mb(total) }) : fill(s.bytes, { loaded: mb(loaded) });
}

function bindStatus(form) {
  const status = form.querySelector("[data-status]");
  if (!status) return;
  const text = status.querySelector("[data-status-text]") || status;
  const bar = status.querySelector("progress");
  const retryButton = status.querySelector("[data-action=retry]");
  const s = strings(form);
  let lastBytesUpdate = 0;
  const update = (state, detail) => {
    status.dataset.state = state;
    if (retryButton) retryButton.hidden = state !== "failed";
    if (state === "failed") {
      text.textContent = s.failed || "";
      if (bar) bar.hidden = true;
      return;
    }
    if (state === "ready") {
      text.textContent = s.step_ready || "";
      if (bar) bar.hidden = true;
      return;
    }
    const step = detail.step || "download";
    const now = performance.now();
    if (step === "download" && detail.loaded && now - lastBytesUpdate < 600) {
      if (bar && detail.total) {
        bar.max = detail.total;
        bar.value = detail.loaded;
      }
      return; // keep the live region calm: bytes at most every 0.6 s
    }
    lastBytesUpdate = now;
    let line = s[`step_${step}`] || "";
    if (step === "download") {
      const bytes = bytesText(s, detail.loaded, detail.total);
      if (bytes) line += ` ${bytes}`;
    }
    text.textContent = fill(s.loading, { step: line });
    if (bar) {
      bar.hidden = false;
      if (step === "download" && detail.total) {
        bar.max = detail.total;
        bar.value = detail.loaded || 0;
      } else {
        bar.removeAttribute("value"); // indeterminate while Python starts
      }
    }
  };
  stateListeners.add(update);
  update(currentState, stateDetail);
  retryButton?.addEventListener("click", () => retry());
}

// ---------------------------------------------------------------- rows, conditions, today

function renumber(node, n) {
  for (const el of [node, ...node.querySelectorAll("*")]) {
    for (const attr of ["id", "for", "aria-describedby", "aria-labelledby", "name"]) {
      const value = el.getAttribute?.(attr);
      if (value && value.includes("__N__")) el.setAttribute(attr, value.replaceAll("__N__", String(n)));
    }
  }
}

function addRow(form, name, focus) {
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

function removeRow(form, row) {
  const box = row.closest("[data-rows]:not([data-action])");
  const rows = box ? box.querySelectorAll("[data-row]") : [];
  if (rows.length <= 1) {
    for (const el of row.querySelectorAll("input, textarea")) el.value = "";
    row.querySelector("input")?.focus();
  } else {
    const next = row.nextElementSibling?.matches("[data-row]") ? row.nextElementSibling : row.previousElementSibling;
    row.remove();
    (next?.querySelector("input") || box.closest("fieldset")?.querySelector("[data-action=add-row]"))?.focus();
  }
}

function applyConditions(form) {
  for (const box of form.querySelectorAll("[data-show-when]")) {
    const [field, value] = box.dataset.showWhen.split("=");
    const control = form.elements[field];
    const current = control ? (control.value ?? "") : "";
    const show = current === value;
    box.hidden = !show;
    for (const el of box.querySelectorAll("input, select, textarea")) el.disabled = !show;
  }
}

function todayText() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---------------------------------------------------------------- CSV

function csvCell(value) {
  const text = textOf(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(columns, rows) {
  const lines = [columns.map((c) => csvCell(c.label)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

function tableAsCsv(form, key) {
  const result = form.lastResult;
  if (result && Array.isArray(result[key]) && Array.isArray(result.columns)) return csv(result.columns, result[key]);
  // Before the runtime answered: the pre-rendered table holds the example's values.
  const table = form.querySelector(`table[data-table="${key}"]`);
  if (!table) return null;
  const columns = [...table.tHead.rows[0].cells].map((c) => ({ key: c.dataset.key, label: c.textContent.trim() }));
  const rows = [...table.tBodies[0].rows].map((tr) => Object.fromEntries([...tr.cells].map((c) => [c.dataset.key, c.textContent.trim()])));
  return csv(columns, rows);
}

async function copyCsv(form, button) {
  const text = tableAsCsv(form, button.dataset.tableRef);
  if (!text) return;
  const s = strings(form);
  try {
    await navigator.clipboard.writeText(text.slice(1)); // no BOM on the clipboard
    announce(form, s.copied || "");
  } catch {
    announce(form, s.copy_failed || "");
  }
}

function downloadCsv(form, button) {
  const text = tableAsCsv(form, button.dataset.tableRef);
  if (!text) return;
  const blob = new Blob([text], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = button.dataset.filename || `${form.dataset.calc || "table"}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// ---------------------------------------------------------------- opt-in persistence

const storage = {
  key(form) {
    return STORE_PREFIX + (form.dataset.calc || form.dataset.tool || form.id || "form");
  },
  enabled(form) {
    return Boolean(form.querySelector("[data-action=remember]")?.checked);
  },
  save(form, params) {
    if (!storage.enabled(form)) return;
    try {
      const fields = params || readForm(form);
      localStorage.setItem(storage.key(form), JSON.stringify({ v: 1, fields }));
    } catch {
      /* storage full or refused: the page works without it */
    }
  },
  load(form) {
    try {
      const raw = localStorage.getItem(storage.key(form));
      const data = raw ? JSON.parse(raw) : null;
      return data && data.v === 1 && data.fields && typeof data.fields === "object" ? data.fields : null;
    } catch {
      return null;
    }
  },
  restore(form) {
    const fields = storage.load(form);
    if (!fields) return false;
    // Rows first: as many rows as the saved lists have items.
    for (const box of form.querySelectorAll("[data-rows]:not([data-action])")) {
      const names = new Set([...box.querySelectorAll("[data-row] [name]")].map((el) => el.name));
      const count = Math.max(1, ...[...names].map((n) => (Array.isArray(fields[n]) ? fields[n].length : 0)));
      let rows = box.querySelectorAll("[data-row]");
      while (rows.length < count && addRow(form, box.dataset.rows, false)) rows = box.querySelectorAll("[data-row]");
      while (rows.length > count) {
        rows[rows.length - 1].remove();
        rows = box.querySelectorAll("[data-row]");
      }
    }
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
  },
  forget(form) {
    try {
      localStorage.removeItem(storage.key(form));
    } catch {
      /* nothing stored */
    }
  },
};

// ---------------------------------------------------------------- mounting

const mounted = new Set();

function typedBeforeMount(form) {
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

function mountForm(form) {
  if (mounted.has(form)) return;
  mounted.add(form);
  form.noValidate = true;
  for (const el of form.querySelectorAll("input[data-today]")) el.value = todayText();
  const restored = storage.restore(form);
  applyConditions(form);
  bindStatus(form);

  const changed = (event) => {
    const target = event.target;
    if (target.matches?.("[data-action=remember]")) {
      if (target.checked) storage.save(form);
      else storage.forget(form);
      announce(form, target.checked ? strings(form).remembered || "" : strings(form).forgotten || "");
      return;
    }
    if (target.closest?.("[data-show-when]") === null && form.querySelector("[data-show-when]")) applyConditions(form);
    recompute(form);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", (event) => {
    if (event.target.type === "radio" || event.target.tagName === "SELECT" || event.target.type === "date" || event.target.type === "checkbox") changed(event);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    recompute(form);
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest?.("[data-action]");
    if (!button || !form.contains(button)) return;
    const action = button.dataset.action;
    if (action === "add-row") {
      addRow(form, button.dataset.rows, true);
    } else if (action === "remove-row") {
      removeRow(form, button.closest("[data-row]"));
      recompute(form);
    } else if (action === "forget") {
      storage.forget(form);
      const box = form.querySelector("[data-action=remember]");
      if (box) box.checked = false;
      announce(form, strings(form).forgotten || "");
    } else if (action === "copy-csv") {
      copyCsv(form, button);
    } else if (action === "download-csv") {
      downloadCsv(form, button);
    }
  });

  // The pre-rendered example is already on the page; recompute only for restored input,
  // input typed before this module ran, or a date-dependent form, so the reader's own
  // numbers show as soon as Python is up.
  if (restored || typedBeforeMount(form) || form.querySelector("input[data-today]:not([disabled])")) recompute(form);
}

function mount(root = document) {
  for (const form of root.querySelectorAll("form[data-calc]")) mountForm(form);
}

const api = {
  run,
  ready,
  state: () => currentState,
  startedFrom: () => (currentState === "ready" ? startedFrom : null),
  onState(fn) {
    stateListeners.add(fn);
    fn(currentState, stateDetail);
    return () => stateListeners.delete(fn);
  },
  readForm,
  recompute,
  renderResult,
  showErrors,
  clearErrors,
  renderers: {},
  strings,
  lang,
  storage,
  csv,
  drawChart,
  mount,
  retry,
};

window.YQXS = api;
export default api;

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mount());
else mount();
