// Writing calc's answer into a calculator form. Every number shown was computed and
// formatted in Python; this module only places strings.
//
//   <output name="KEY">          data-value = result[KEY] ("" for null, "true"/"false" for
//                                booleans); text = result.display[KEY], else the string
//                                itself, else the data-true/data-false/data-none text
//                                (data-none="" shows nothing; without it null shows "—").
//   table[data-table="KEY"]      rows from result[KEY] (a list of dicts), the header from
//                                result.columns ([{key, label}]).
//   [data-items="KEY"]           one clone of its <template> per item of result[KEY]
//                                (a [data-hide-empty] ancestor hides when there is none);
//                                [data-field=F] inside gets item[F] as text, and the clone
//                                gets data-F="…" for every boolean or short string F.

/** A result value as the text of a data-* attribute. */
export function textOf(value) {
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
    let text;
    if (key in display) text = display[key];
    else if (typeof value === "boolean") text = value ? out.dataset.true || "" : out.dataset.false || "";
    else if (value === null || value === undefined) text = "none" in out.dataset ? out.dataset.none : "—";
    else if (typeof value === "object") continue;
    else text = String(value);
    out.dataset.value = textOf(value);
    out.textContent = text;
  }
}

export function renderTable(table, columns, rows) {
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

/** One clone of holder's <template> per item (see the header). */
export function renderItems(holder, items) {
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

/** Outputs, tables and lists of the form from one result. */
export function renderResult(form, result) {
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
}

/** After an input calc could not use: no stale answer stays on screen. */
export function blankOutputs(form) {
  for (const out of form.querySelectorAll("output[name]")) {
    out.dataset.value = "";
    out.textContent = "—";
  }
}

// ------------------------------------------------------------------ pending (nothing stale)
// A form whose shown results are not (yet, or any longer) for its current input carries
// data-pending (DESIGN "pending"): "example" (the build's worked example while the runtime
// starts), "coming" (the answer for the new input is being computed), "error" (the input
// has an error), "failed" (the runtime could not start). Then:
//   - every results block of the widget (.yqxs-results, and the widget's .yqxs-section
//     blocks outside the form) gets data-stale (dimmed by widgets.css), and the first one
//     starts with a line saying why: [data-pending-note] > [data-pending-text] and an empty
//     [data-pending-detail], the hook for more (e.g. how much is left to download);
//   - every button that acts on the results (any button[data-action] of the widget except
//     those that edit the input, below) gets disabled + aria-disabled="true" until the
//     answer for the current input is shown. Only the buttons disabled here are enabled again.

const INPUT_ACTIONS = new Set(["add-row", "remove-row", "remember", "forget", "retry", "use-budget"]);

function resultBlocks(root, form) {
  return [...root.querySelectorAll(".yqxs-results, .yqxs-section")].filter((el) => !el.contains(form));
}

function resultButtons(root) {
  return [...root.querySelectorAll("button[data-action]")].filter((b) => !INPUT_ACTIONS.has(b.dataset.action) && !b.hasAttribute("data-acts-on-input"));
}

/** Mark form's results as not for its current input (state "example" | "coming" | "error" |
 *  "failed", with text the note's line), or ("" ) as its answer again. */
export function markPending(form, state, text) {
  const root = form.closest("[data-widget]") || form;
  const blocks = resultBlocks(root, form);
  if (!state) {
    form.removeAttribute("data-pending");
    for (const block of blocks) block.removeAttribute("data-stale");
    root.querySelectorAll("[data-pending-note]").forEach((note) => { note.hidden = true; });
    for (const button of root.querySelectorAll("button[data-pending-disabled]")) {
      button.disabled = false;
      button.removeAttribute("aria-disabled");
      button.removeAttribute("data-pending-disabled");
    }
    return;
  }
  form.dataset.pending = state;
  for (const block of blocks) block.dataset.stale = state;
  const first = blocks[0];
  if (first) {
    let note = first.querySelector(":scope > [data-pending-note]");
    if (!note) {
      note = document.createElement("p");
      note.className = "yqxs-pending-note";
      note.setAttribute("data-pending-note", "");
      const line = document.createElement("span");
      line.setAttribute("data-pending-text", "");
      const detail = document.createElement("span");
      detail.setAttribute("data-pending-detail", "");
      note.append(line, " ", detail);
      first.prepend(note);
    }
    note.dataset.state = state;
    note.querySelector("[data-pending-text]").textContent = text || "";
    note.hidden = false;
  }
  for (const button of resultButtons(root)) {
    if (button.disabled && !button.hasAttribute("data-pending-disabled")) continue; // disabled for its own reason
    button.disabled = true;
    button.setAttribute("aria-disabled", "true");
    button.setAttribute("data-pending-disabled", "");
  }
}
