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
