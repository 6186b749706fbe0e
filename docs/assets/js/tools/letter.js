// letter (协商还款申请书): copy, print and download (.txt, .md) of the letter and phone
// script that calc wrote (the runtime renders them into <output name=letter|phone_script>
// as text), and the plan carried over from the options page or from a row of the plan
// (sessionStorage PLAN_KEY, read once and removed). A row of the plan names its lender,
// which fills the lender field (the reader can still change it); an options plan names a
// plan, not a lender, and leaves the field as it is.
// The call log (log.js, localStorage "yqxs:log", there only if the reader keeps a log on
// this device): a complaint can be filled from one of its rows (the list is made, as text,
// only when the reader asks), and a letter shown for the reader's own input can be logged.
// The 书面确认 (kind confirm) shown for the reader's input offers "用这些条款核对对方发来的协议":
// its `agreed` terms and lender go to the checklist (sessionStorage TO_CHECKLIST_KEY, this tab
// only, never the URL; checklist.js reads it once and removes it). Nothing about the reader
// (name, account tail) goes with them. The runtime disables the button while the answer is
// pending or after an input error (runtime/render.js markPending); the click refuses then too.

import { PLAN_KEY, TO_CHECKLIST_KEY, copyText, download, el, fill, newId, store, strings, todayISO, toolUrl } from "../lib/common.js";
import { onWidget } from "../lib/mount.js";
import { lang, recompute } from "../runtime/calculator.js";
import { ready } from "../runtime/client.js";
import { KEY as LOG_KEY, load as loadLog, save as saveLog } from "./log.js";

/** Backslash-escape Markdown's punctuation so that typed text stays text in any renderer. */
export function mdEscape(text) {
  return String(text).replace(/[\\`*_{}\[\]<>()#+!|~&-]/g, (ch) => "\\" + ch);
}

/** The letter and the phone script as Markdown: a heading, then each line with a hard break. */
export function toMarkdown(letter, phone, phoneHeading) {
  const [title, ...body] = String(letter).split("\n");
  const lines = (text) => text.map((l) => (l.trim() ? mdEscape(l) + "  " : "")).join("\n");
  const [, ...phoneBody] = String(phone).split("\n");
  return `# ${mdEscape(title)}\n\n${lines(body).trim()}\n\n---\n\n## ${mdEscape(phoneHeading)}\n\n${lines(phoneBody).trim()}\n`;
}

function readPlan() {
  let plan = null;
  try {
    plan = JSON.parse(sessionStorage.getItem(PLAN_KEY) || "null");
    sessionStorage.removeItem(PLAN_KEY);
  } catch { plan = null; }
  if (!plan || typeof plan !== "object") return null;
  const text = (v) => (typeof v === "string" ? v.slice(0, 200) : "");
  // The lender: `lender` when the carrier says it (even blank: a debt the reader left
  // unnamed); else plan.js's `label`, which is the offer's lender; options.js's `label` is
  // the plan's name and comes with the plan's `key`, so it names no lender (null).
  const fromOptions = "key" in plan;
  const lender = typeof plan.lender === "string" ? text(plan.lender)
    : fromOptions ? null : text(plan.label) || null;
  return {
    fromOptions, label: text(plan.label), lender,
    monthly_payment: text(plan.monthly_payment), months: text(plan.months),
    amount: text(plan.amount), proposal: text(plan.proposal), lump_sum: plan.lump_sum === true,
  };
}

function setup(root) {
  const form = root.querySelector('form[data-calc="letter"]');
  const S = strings(root);
  const status = root.querySelector("[data-letter-status]");
  const letterOut = form.querySelector('output[name="letter"]');
  const phoneOut = form.querySelector('output[name="phone_script"]');
  const titleOut = form.querySelector('output[name="title"]');

  const plan = readPlan();
  if (plan) {
    const set = (name, value) => { const el = form.elements.namedItem(name); if (el) el.value = value; };
    if (plan.amount) set("amount", plan.amount);
    if (plan.lender !== null) set("lender", plan.lender.slice(0, 100)); // the field's maxlength
    if (plan.lump_sum || plan.proposal) {
      set("proposal", plan.proposal);
      set("monthly_payment", "");
      set("months", "");
    } else {
      set("proposal", "");
      set("monthly_payment", plan.monthly_payment);
      set("months", plan.months);
    }
    const said = plan.fromOptions || !S.plan_row_loaded ? S.plan_loaded : S.plan_row_loaded;
    root.querySelector("[data-plan-status]").textContent = fill(said, { label: plan.label });
    // Ask only once Python is up (a request sent during the start came back as an error).
    ready.then(() => recompute(form));
  }

  // ---- the call log
  const pick = root.querySelector("[data-log-pick]");
  const list = root.querySelector("[data-log-rows]");
  const pickButton = pick.querySelector("button");
  const complaint = form.querySelector('[data-show-when="kind=complaint"]');
  const logHint = root.querySelector("[data-log-hint]");
  pick.hidden = loadLog().length === 0;
  let logRows = [];

  const showRows = () => {
    logRows = loadLog().sort((a, b) => (b.date + " " + b.time).localeCompare(a.date + " " + a.time));
    list.replaceChildren(...logRows.map((row, i) => {
      const excerpt = row.summary.length > 40 ? row.summary.slice(0, 40) + "…" : row.summary;
      const text = fill(S.log_row, { date: row.date, time: row.time, person: row.person, excerpt }).replace(/\s+/g, " ").trim();
      return el("button", text, { type: "button", class: "md-button yqxs-small", "data-log-row": String(i) });
    }));
    list.hidden = false;
    pickButton.setAttribute("aria-expanded", "true");
    list.querySelector("button")?.focus();
  };

  const fillFrom = (row) => {
    const set = (name, value) => {
      const field = complaint.querySelector(`[name="${name}"]`);
      field.value = value.slice(0, 2000);
      field.dispatchEvent(new Event("input", { bubbles: true })); // the runtime recomputes (and remembers, if asked)
      return field;
    };
    const who = [row.channel, row.person].filter(Boolean).join("，");
    set("event_date", row.time ? `${row.date} ${row.time}` : row.date);
    const what = set("what_happened", who ? `${who}：${row.summary}` : row.summary);
    list.hidden = true;
    pickButton.setAttribute("aria-expanded", "false");
    root.querySelector("[data-plan-status]").textContent = fill(S.log_picked, { date: row.date });
    what.focus();
  };

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-log-row]");
    const row = button && logRows[Number(button.dataset.logRow)];
    if (row) fillFrom(row);
  });

  const logLetter = () => {
    logHint.hidden = true;
    if (!form.yqxsAnswer || !form.yqxsAnswer.ok) { status.textContent = S.log_example; return; }
    if (store.get(LOG_KEY) === null) { status.textContent = ""; logHint.hidden = false; return; }
    const value = (name) => String(form.querySelector(`[name="${name}"]:not([disabled])`)?.value || "").trim();
    const select = form.querySelector('[name="complaint_to"]');
    const title = (titleOut.textContent || "").trim();
    const summary = value("kind") === "complaint"
      ? fill(S.log_submitted, { title, to: select.selectedOptions[0]?.textContent.trim() || "" })
      : fill(S.log_sent, { title });
    const date = todayISO();
    const entry = { id: newId(), date, time: "", channel: S.log_channel, person: value("lender").slice(0, 2000),
      summary, proposal: "", response: "", follow_up: "" };
    status.textContent = saveLog(loadLog().concat([entry])) ? fill(S.log_added, { date }) : S.log_failed;
  };

  const toChecklist = (button) => {
    if (button.disabled || form.hasAttribute("data-pending") || !form.yqxsAnswer || !form.yqxsAnswer.ok) return;
    const value = (name) => String(form.querySelector(`[name="${name}"]:not([disabled])`)?.value || "");
    if (value("kind") !== "confirm") return;
    const agreed = value("agreed").slice(0, 2000);
    if (!agreed.trim()) { status.textContent = S.checklist_empty; return; }
    try {
      sessionStorage.setItem(TO_CHECKLIST_KEY, JSON.stringify({ v: 1, from: "letter", fields: { agreed, lender: value("lender").trim().slice(0, 100) } }));
    } catch { status.textContent = S.checklist_failed; return; }
    window.location.href = toolUrl("checklist", lang(form));
  };

  const fileBase = () => `${(titleOut.textContent || "letter").trim()}-${todayISO()}`;

  form.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "pick-log") {
      if (list.hidden) showRows(); else { list.hidden = true; pickButton.setAttribute("aria-expanded", "false"); }
    } else if (action === "log-letter") {
      logLetter();
    } else if (action === "to-checklist") {
      toChecklist(button);
    } else if (action === "copy-letter" || action === "copy-phone") {
      const ok = await copyText((action === "copy-letter" ? letterOut : phoneOut).textContent);
      status.textContent = ok ? S.copied : S.copy_failed;
    } else if (action === "print-letter") {
      document.documentElement.dataset.print = "letter";
      const done = () => { delete document.documentElement.dataset.print; window.removeEventListener("afterprint", done); };
      window.addEventListener("afterprint", done);
      window.print();
      setTimeout(done, 1000);
    } else if (action === "download-txt") {
      const text = `${letterOut.textContent}\n\n\n${phoneOut.textContent}\n`.replace(/\r?\n/g, "\r\n");
      download(`${fileBase()}.txt`, "\uFEFF" + text, "text/plain;charset=utf-8");
      status.textContent = S.downloaded;
    } else if (action === "download-md") {
      download(`${fileBase()}.md`, toMarkdown(letterOut.textContent, phoneOut.textContent, S.phone_heading), "text/markdown;charset=utf-8");
      status.textContent = S.downloaded;
    }
  });
}

onWidget("letter", setup);
