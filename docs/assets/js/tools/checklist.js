// 协议核对 (agreement checklist): the reader ticks what the draft agreement states; every
// unticked item becomes one line of a ready-to-send "please confirm in writing" message.
// Nothing is stored unless the reader ticks "在本设备上记住我的输入" (localStorage
// "yqxs:checklist"); "忘记我的输入" removes it. Typed text goes into the message as text.
// Ticking it also asks the browser to keep the site's storage (navigator.storage.persist()),
// the same call, once per page, as the calculators' "remember" (runtime/storage.js).
//
// The terms agreed on the phone (`agreed`, free text, optional) come from the letter's
// 书面确认 kind ("用这些条款核对对方发来的协议", tools/letter.js) in sessionStorage
// TO_CHECKLIST_KEY ("yqxs:to-checklist": this tab only, never the URL or a server), read once
// and removed here; its lender fills the lender field (nothing about the reader comes with
// it). While `agreed` holds text, one more item ("same_as_agreed": the draft says what was agreed)
// counts, and unticked it asks the lender to confirm those terms, quoted.

import { TO_CHECKLIST_KEY, announce, copyText, fill, store, strings } from "../lib/common.js";
import { setFieldError } from "../lib/fields.js";
import { onWidget } from "../lib/mount.js";
import { keepOnDevice } from "../runtime/storage.js";

export const KEY = "yqxs:checklist";

function setup(root) {
  const S = strings(root);
  const form = root.querySelector('form[data-tool="checklist"]');
  const items = Array.from(form.querySelectorAll('input[name="item"]'));
  const lender = form.elements.namedItem("lender");
  const last4 = form.elements.namedItem("account_last4");
  const remember = form.elements.namedItem("remember");
  const agreed = form.elements.namedItem("agreed");
  const sameAsAgreed = form.elements.namedItem("same_as_agreed");
  const agreedCheck = form.querySelector("[data-agreed-check]");
  const summary = root.querySelector('output[name="summary"]');
  const message = root.querySelector("[data-message]");
  const status = root.querySelector("[data-status]");

  function validLast4() {
    const v = last4.value.trim();
    const ok = v === "" || /^\d{4}$/.test(v);
    setFieldError(last4, ok ? "" : S.last4_invalid);
    return ok ? v : "";
  }

  /** The items that count now: the fixed list, and "same_as_agreed" while terms are written. */
  function counted() {
    const terms = agreed.value.trim();
    agreedCheck.hidden = !terms;
    sameAsAgreed.disabled = !terms;
    return terms ? [sameAsAgreed, ...items] : items;
  }

  const ask = (item) => (item === sameAsAgreed ? fill(item.dataset.ask, { agreed: agreed.value.trim().replace(/[。；;，,\s]+$/, "") }) : item.dataset.ask);

  function compose() {
    const all = counted();
    const missing = all.filter((i) => !i.checked);
    const who = lender.value.trim();
    const tail = validLast4();
    summary.dataset.value = String(missing.length);
    if (!missing.length) {
      summary.textContent = fill(S.complete, { n: all.length });
      message.textContent = S.all_done;
      return;
    }
    summary.textContent = fill(S.missing, { n: missing.length });
    const lines = [who ? fill(S.greeting_to, { lender: who }) : S.greeting];
    lines.push(tail ? fill(S.intro_last4, { last4: tail }) : S.intro);
    missing.forEach((item, index) => {
      lines.push(`${index + 1}. ${ask(item)}${index === missing.length - 1 ? "。" : "；"}`);
    });
    lines.push(S.outro);
    message.textContent = lines.join("\n");
  }

  function persist() {
    if (!remember.checked) return;
    store.set(KEY, JSON.stringify({
      items: items.filter((i) => i.checked).map((i) => i.value),
      lender: lender.value,
      account_last4: last4.value,
      agreed: agreed.value,
      same_as_agreed: sameAsAgreed.checked,
    }));
    keepOnDevice();
  }

  function restore() {
    const raw = store.get(KEY);
    if (!raw) return;
    try {
      const data = JSON.parse(raw);
      const ticked = new Set(Array.isArray(data.items) ? data.items : []);
      for (const i of items) i.checked = ticked.has(i.value);
      if (typeof data.lender === "string") lender.value = data.lender.slice(0, 100);
      if (typeof data.account_last4 === "string") last4.value = data.account_last4.slice(0, 4);
      if (typeof data.agreed === "string") agreed.value = data.agreed.slice(0, 2000);
      sameAsAgreed.checked = data.same_as_agreed === true;
      remember.checked = true;
    } catch {
      store.remove(KEY);
    }
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    if (event.target === remember) return;
    compose();
    persist();
  });
  form.addEventListener("change", (event) => {
    if (event.target === remember) {
      if (remember.checked) { persist(); status.textContent = S.remembered; }
      else { store.remove(KEY); status.textContent = S.forgotten; }
      return;
    }
    compose();
    persist();
  });

  root.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    if (button.dataset.action === "copy") {
      const ok = await copyText(message.textContent);
      status.textContent = ok ? S.copied : S.copy_failed;
    } else if (button.dataset.action === "print") {
      window.print();
    } else if (button.dataset.action === "forget") {
      store.remove(KEY);
      remember.checked = false;
      for (const i of items) i.checked = false;
      lender.value = "";
      last4.value = "";
      agreed.value = "";
      sameAsAgreed.checked = false;
      compose();
      status.textContent = S.forgotten;
    }
  });

  restore();
  const carried = takeCarried();
  if (carried) {
    agreed.value = carried.agreed;
    sameAsAgreed.checked = false; // the draft is new: not yet compared
    if (carried.lender) lender.value = carried.lender;
    const line = root.querySelector("[data-carry-status]");
    setTimeout(() => announce(line, fill(S.carried, { lender: carried.lender ? S.carried_lender : "" })), 0);
  }
  compose();
  if (carried) persist();
}

/** The terms the letter's 书面确认 sent (read once and removed), or null. */
function takeCarried() {
  let data = null;
  try { data = JSON.parse(sessionStorage.getItem(TO_CHECKLIST_KEY) || "null"); } catch { data = null; }
  try { sessionStorage.removeItem(TO_CHECKLIST_KEY); } catch { /* read once all the same */ }
  if (!data || data.v !== 1 || !data.fields || typeof data.fields.agreed !== "string") return null;
  const agreed = data.fields.agreed.slice(0, 2000);
  if (!agreed.trim()) return null;
  const lender = typeof data.fields.lender === "string" ? data.fields.lender.trim().slice(0, 100) : "";
  return { agreed, lender };
}

onWidget("checklist", setup);
