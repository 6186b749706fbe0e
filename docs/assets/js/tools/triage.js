// 从你的处境开始 (triage, the home page): the reader ticks what is happening, which kinds of
// debt and how long overdue; [data-triage-actions] lists what to do today, crisis first. The
// template (overrides/widgets/triage.html) writes every action once, in the page's script,
// inside <template data-triage-all>, each with data-when (the answers that call for it) and
// data-rank (its place). This module only chooses and orders them: no Python, no storage,
// nothing sent. The list is a live region, so a screen reader hears the new actions.

import { onWidget } from "../lib/mount.js";

/** The reader's answers as a set of tokens: "crisis", "kind:card", "overdue:over_90"… */
function answers(form) {
  const tokens = new Set(["always"]);
  for (const input of form.querySelectorAll("input:checked")) {
    tokens.add(input.name === "situation" ? input.value : `${input.name}:${input.value}`);
  }
  return tokens;
}

function setup(root) {
  const form = root.querySelector('form[data-tool="triage"]');
  const list = root.querySelector("[data-triage-actions]");
  const all = root.querySelector("template[data-triage-all]");
  if (!form || !list || !all) return;
  const actions = [...all.content.querySelectorAll("li[data-when]")];
  let shown = "";

  function update() {
    const tokens = answers(form);
    const chosen = actions
      .filter((li) => li.dataset.when.split(/\s+/).some((t) => tokens.has(t)))
      .sort((a, b) => Number(a.dataset.rank) - Number(b.dataset.rank));
    const key = chosen.map((li) => li.dataset.rank).join(",");
    if (key === shown) return; // the same list: leave the live region quiet
    shown = key;
    list.replaceChildren(...chosen.map((li) => li.cloneNode(true)));
    list.dataset.count = String(chosen.length);
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", update);
  update(); // boxes the browser restored (back button) count too
}

onWidget("triage", setup);
