// Helpers shared by the tools' modules (imported, never loaded on its own).
// Nothing here knows about money: it reads strings the template wrote, saves files the
// reader asked for, and copies text. Text the reader typed is only ever set with
// textContent or as an input's value, never as markup.

/** The JSON block of strings a template wrote for its module (both scripts live in the
 *  templates; the module only picks them up). */
export function strings(root) {
  const block = root.querySelector('script[type="application/json"][data-strings]');
  if (!block) return {};
  try { return JSON.parse(block.textContent); } catch { return {}; }
}

/** "第 {n} 行" + {n: 3} -> "第 3 行". Values are inserted as plain text. */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}

/** Create an element with text (never markup). */
export function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

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

/** Today's date on the reader's device as YYYY-MM-DD. */
export function todayISO(now) {
  const d = now || new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
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

/** Run setup(root) once for every element matching selector, now and after Material's
 *  instant navigation (document$), should it ever be turned on. */
export function mountAll(selector, setup) {
  const run = () => {
    for (const root of document.querySelectorAll(selector)) {
      if (root.dataset.mounted === "1") continue;
      root.dataset.mounted = "1";
      setup(root);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run);
}

/** Show a field error beside the field (aria-invalid + aria-describedby); "" clears it. */
export function fieldError(input, message) {
  const id = input.id + "-error";
  let box = document.getElementById(id);
  const described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (!message) {
    input.removeAttribute("aria-invalid");
    if (box) box.remove();
    input.setAttribute("aria-describedby", described.filter((x) => x !== id).join(" "));
    if (!input.getAttribute("aria-describedby")) input.removeAttribute("aria-describedby");
    return;
  }
  if (!box) {
    box = el("p", "", { id, class: "tool-error" });
    input.insertAdjacentElement("afterend", box);
  }
  box.textContent = message;
  input.setAttribute("aria-invalid", "true");
  if (!described.includes(id)) described.push(id);
  input.setAttribute("aria-describedby", described.join(" "));
}

// ------------------------------------------------------------------ CSV (RFC 4180, for Excel)

/** A cell that a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a
 *  leading ' so it shows as text (OWASP "CSV injection"). */
export function neutralise(text) {
  const s = String(text ?? "");
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

/** Copy each column's heading onto its body cells (data-label), for the phone card layout. */
export function labelCells(table) {
  const heads = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent.trim());
  for (const tr of table.querySelectorAll("tbody tr")) {
    Array.from(tr.children).forEach((cell, i) => {
      if (cell.tagName === "TD" && heads[i]) cell.dataset.label = heads[i];
    });
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and optional text (charts of options and debts). */
export function svg(name, attrs, text) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}
