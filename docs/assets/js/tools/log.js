// The call log (沟通记录): rows of date, time, channel, person, summary, proposal, response
// and follow_up, kept in this browser only (localStorage "yqxs:log", see docs/about.md),
// with CSV/JSON export and a validating, merging import.
//
// Safety: typed and imported text is only ever set with textContent or .value. An import is
// all-or-nothing: a file over 1 MB or 5000 rows, malformed, or with a bad row changes
// nothing, and the status line says why. CSV cells starting with = + - @ (or a tab or CR)
// are prefixed with ' so a spreadsheet shows them as text (lib/common.js, the site's one CSV
// writer); the import strips that prefix again, so a round trip gives back the same rows.

import { csvText, download, el, fill, newId, store, strings, todayISO } from "../lib/common.js";
import { clearErrors, showErrors } from "../lib/fields.js";
import { onWidget } from "../lib/mount.js";

export const KEY = "yqxs:log";
export const FIELDS = ["date", "time", "channel", "person", "summary", "proposal", "response", "follow_up"];
export const MAX_BYTES = 1024 * 1024;
export const MAX_ROWS = 5000;
const MAX_TEXT = 2000;
/** The limits as the template's texts print them ({mb}, {max}, {chars}). */
const LIMITS = { mb: MAX_BYTES / (1024 * 1024), max: MAX_ROWS, chars: MAX_TEXT };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

function validDate(text) {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Problems of one row as {field, code} (empty list when the row is good). */
export function rowProblems(row) {
  const problems = [];
  for (const f of FIELDS) {
    if (typeof row[f] !== "string") problems.push({ field: f, code: "bad_value" });
    else if (row[f].length > MAX_TEXT) problems.push({ field: f, code: "too_long" });
  }
  if (problems.length) return problems;
  if (!row.date) problems.push({ field: "date", code: "date_required" });
  else if (!validDate(row.date)) problems.push({ field: "date", code: "date_invalid" });
  if (row.time && !TIME.test(row.time)) problems.push({ field: "time", code: "time_invalid" });
  if (row.follow_up && !validDate(row.follow_up)) problems.push({ field: "follow_up", code: "follow_up_invalid" });
  if (!row.summary.trim()) problems.push({ field: "summary", code: "summary_required" });
  return problems;
}

/** The row's identity for de-duplication: its eight fields (not its id). */
export function rowKey(row) {
  return JSON.stringify(FIELDS.map((f) => row[f]));
}

function clean(row) {
  const out = { id: typeof row.id === "string" && /^[0-9a-f]{1,32}$/.test(row.id) ? row.id : newId() };
  for (const f of FIELDS) out[f] = row[f];
  return out;
}

export function load() {
  const raw = store.get(KEY);
  if (!raw) return [];
  try {
    const data = JSON.parse(raw);
    const rows = Array.isArray(data) ? data : data && Array.isArray(data.rows) ? data.rows : [];
    return rows.filter((r) => r && typeof r === "object" && rowProblems(r).length === 0).map(clean);
  } catch {
    return [];
  }
}

export function save(rows) {
  return store.set(KEY, JSON.stringify({ version: 1, rows }));
}

// ------------------------------------------------------------------ CSV

function unneutralise(text) {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function toCSV(rows, headers) {
  return csvText([FIELDS.map((f) => headers[f] || f), ...rows.map((row) => FIELDS.map((f) => row[f]))]);
}

/** RFC 4180 records; throws "csv" on an unclosed quote or stray text after one. */
export function parseCSV(text) {
  const records = [];
  let record = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false; afterQuote = true; i += 1; continue;
      }
      cell += ch; i += 1; continue;
    }
    if (ch === '"') {
      if (cell !== "" || afterQuote) throw new Error("csv");
      quoted = true; i += 1; continue;
    }
    if (ch === ",") { record.push(cell); cell = ""; afterQuote = false; i += 1; continue; }
    if (ch === "\r" || ch === "\n") {
      record.push(cell); records.push(record); record = []; cell = ""; afterQuote = false;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    if (afterQuote) throw new Error("csv");
    cell += ch; i += 1;
  }
  if (quoted) throw new Error("csv");
  if (cell !== "" || record.length) { record.push(cell); records.push(record); }
  return records.filter((r) => !(r.length === 1 && r[0] === ""));
}

// ------------------------------------------------------------------ import

class ImportError extends Error {
  constructor(code, values) { super(code); this.code = code; this.values = values || {}; }
}

function rowsFromCSV(text, S) {
  let records;
  try { records = parseCSV(text); } catch { throw new ImportError("err_csv"); }
  if (!records.length) throw new ImportError("err_empty");
  const header = records[0].map((h) => h.trim());
  const index = {};
  for (const f of FIELDS) {
    const names = [f, ...((S.aliases && S.aliases[f]) || []), (S.fields && S.fields[f]) || f];
    const at = header.findIndex((h) => names.includes(h));
    if (at === -1) throw new ImportError("err_header");
    index[f] = at;
  }
  const body = records.slice(1);
  if (body.length > MAX_ROWS) throw new ImportError("err_too_many", { n: body.length });
  return body.map((record) => {
    if (record.length !== header.length) throw new ImportError("err_csv");
    const row = {};
    for (const f of FIELDS) row[f] = unneutralise(record[index[f]]);
    return row;
  });
}

function rowsFromJSON(text) {
  let data;
  try { data = JSON.parse(text); } catch { throw new ImportError("err_json"); }
  const rows = Array.isArray(data) ? data : data && typeof data === "object" && Array.isArray(data.rows) ? data.rows : null;
  if (!rows) throw new ImportError("err_shape");
  if (rows.length > MAX_ROWS) throw new ImportError("err_too_many", { n: rows.length });
  return rows.map((r) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) return r;
    const row = {};
    for (const f of FIELDS) row[f] = r[f] === undefined || r[f] === null ? "" : r[f];
    return row;
  });
}

/** Parse a file's text into validated rows, or throw ImportError. */
export function parseImport(text, kind, S) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = kind === "csv" ? rowsFromCSV(text, S) : rowsFromJSON(text);
  if (!rows.length) throw new ImportError("err_empty");
  rows.forEach((row, i) => {
    if (!row || typeof row !== "object" || Array.isArray(row)) {
      throw new ImportError("err_row", { n: i + 1, problem: S.err_not_object });
    }
    const problems = rowProblems(row);
    if (problems.length) {
      const p = problems[0];
      const field = (S.fields && S.fields[p.field]) || p.field;
      const problem = p.code === "bad_value" ? fill(S.err_bad_value, { field })
        : p.code === "too_long" ? fill(S.err_too_long, { ...LIMITS, field })
        : S[p.code];
      throw new ImportError("err_row", { n: i + 1, problem });
    }
  });
  return rows;
}

/** Existing rows plus the new ones not already there (by rowKey). */
export function merge(existing, incoming) {
  const seen = new Set(existing.map(rowKey));
  const added = [];
  for (const row of incoming) {
    const key = rowKey(row);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(clean(row));
  }
  return { rows: existing.concat(added), added: added.length, skipped: incoming.length - added.length };
}

// ------------------------------------------------------------------ the page

function sortRows(rows) {
  return rows.slice().sort((a, b) => (b.date + " " + b.time).localeCompare(a.date + " " + a.time));
}

function setup(root) {
  const S = strings(root);
  const form = root.querySelector('form[data-tool="log"]');
  const tbody = root.querySelector("[data-log-table] tbody");
  const status = root.querySelector("[data-status]");
  const empty = root.querySelector("[data-empty]");
  const count = root.querySelector("[data-count]");
  const legend = form.querySelector("[data-legend-add]");
  const submit = form.querySelector("[data-submit]");
  const cancel = form.querySelector('[data-action="cancel-edit"]');
  const dialog = root.querySelector("dialog[data-confirm-clear]");
  const fileInput = root.querySelector('input[type="file"][name="import"]');
  const heads = Array.from(root.querySelectorAll("[data-log-table] thead th"), (th) => th.textContent.trim());
  let rows = load();
  let editing = null;

  const say = (text) => { status.textContent = text; };
  const input = (f) => form.elements.namedItem(f);

  function resetForm() {
    form.reset();
    editing = null;
    clearErrors(form);
    input("date").value = todayISO();
    legend.textContent = S.legend_add;
    submit.textContent = S.submit_add;
    cancel.hidden = true;
  }

  function render() {
    const today = todayISO();
    tbody.replaceChildren();
    let due = 0;
    for (const row of sortRows(rows)) {
      const tr = document.createElement("tr");
      tr.dataset.id = row.id;
      const isDue = row.follow_up && row.follow_up <= today;
      if (isDue) { tr.classList.add("yqxs-due"); due += 1; }
      tr.append(
        el("td", row.time ? `${row.date} ${row.time}` : row.date),
        el("td", row.channel),
        el("td", row.person),
        el("td", row.summary),
        el("td", row.proposal),
        el("td", row.response),
      );
      const follow = el("td", row.follow_up);
      if (isDue) {
        follow.append(" ", el("strong", S.due, { class: "yqxs-badge" }));
      }
      tr.append(follow);
      const actions = el("td");
      const edit = el("button", S.edit, { type: "button", class: "md-button yqxs-small", "data-row-action": "edit" });
      edit.setAttribute("aria-label", fill(S.edit_label, { date: row.date }));
      const del = el("button", S.delete, { type: "button", class: "md-button yqxs-small", "data-row-action": "delete" });
      del.setAttribute("aria-label", fill(S.delete_label, { date: row.date }));
      actions.append(edit, del);
      tr.append(actions);
      tr.querySelectorAll("td").forEach((td, i) => { if (heads[i] && i < heads.length - 1) td.dataset.label = heads[i]; });
      tbody.append(tr);
    }
    empty.hidden = rows.length > 0;
    count.textContent = rows.length ? fill(S.count, { n: rows.length }) : "";
    return due;
  }

  function read() {
    const row = {};
    for (const f of FIELDS) row[f] = String(input(f).value || "").trim();
    return row;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const row = read();
    const problems = rowProblems(row);
    if (problems.length) {
      showErrors(form, problems.map((p) => ({ field: p.field, message: p.code === "too_long" ? fill(S.too_long, LIMITS) : S[p.code] })))?.focus();
      return;
    }
    clearErrors(form);
    if (editing) {
      rows = rows.map((r) => (r.id === editing ? { id: r.id, ...row } : r));
      say(S.updated);
    } else {
      rows = rows.concat([{ id: newId(), ...row }]);
      say(S.saved);
    }
    save(rows);
    resetForm();
    render();
  });

  cancel.addEventListener("click", () => { resetForm(); });

  tbody.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-row-action]");
    if (!button) return;
    const id = button.closest("tr").dataset.id;
    const row = rows.find((r) => r.id === id);
    if (!row) return;
    if (button.dataset.rowAction === "edit") {
      editing = id;
      for (const f of FIELDS) input(f).value = row[f];
      legend.textContent = S.legend_edit;
      submit.textContent = S.submit_edit;
      cancel.hidden = false;
      form.scrollIntoView({ block: "start" });
      input("date").focus();
    } else {
      rows = rows.filter((r) => r.id !== id);
      if (editing === id) resetForm();
      save(rows);
      render();
      say(S.deleted);
    }
  });

  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button || !root.contains(button)) return;
    const action = button.dataset.action;
    const stamp = todayISO();
    if (action === "export-csv" || action === "export-json") {
      if (!rows.length) { say(S.nothing_to_export); return; }
      const sorted = sortRows(rows).reverse();
      if (action === "export-csv") {
        download(`${S.file_name}-${stamp}.csv`, toCSV(sorted, S.fields || {}), "text/csv;charset=utf-8");
      } else {
        const data = { version: 1, rows: sorted.map((r) => { const o = {}; for (const f of FIELDS) o[f] = r[f]; return o; }) };
        download(`${S.file_name}-${stamp}.json`, JSON.stringify(data, null, 2), "application/json");
      }
      say(fill(S.exported, { n: rows.length }));
    } else if (action === "print") {
      window.print();
    } else if (action === "clear-all") {
      if (typeof dialog.showModal === "function") {
        dialog.returnValue = "";
        dialog.showModal();
      }
    }
  });

  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "confirm") {
      rows = [];
      store.remove(KEY);
      resetForm();
      render();
      say(S.cleared);
    } else {
      say(S.not_cleared);
    }
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    const fail = (code, values) => {
      const reason = fill(S[code] || S.err_read, { ...LIMITS, ...values });
      say(fill(S.import_failed, { reason }));
    };
    try {
      const name = file.name.toLowerCase();
      const kind = name.endsWith(".csv") ? "csv" : name.endsWith(".json") ? "json" : null;
      if (!kind) { fail("err_type"); return; }
      if (file.size > MAX_BYTES) { fail("err_too_big"); return; }
      let text;
      try { text = await file.text(); } catch { fail("err_read"); return; }
      let incoming;
      try {
        incoming = parseImport(text, kind, S);
      } catch (err) {
        if (err instanceof ImportError) { fail(err.code, err.values); return; }
        throw err;
      }
      const merged = merge(rows, incoming);
      if (merged.rows.length > MAX_ROWS) { fail("err_too_many", { n: merged.rows.length }); return; }
      rows = merged.rows;
      save(rows);
      render();
      say(fill(S.imported, { added: merged.added, skipped: merged.skipped }));
    } catch {
      fail("err_read");
    } finally {
      fileInput.value = "";
    }
  });

  resetForm();
  const due = render();
  if (due) say(fill(S.due_summary, { n: due }));
}

onWidget("log", setup);
