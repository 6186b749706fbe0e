// "用“还款能力”工具里保存的结果" ([data-action=use-budget] in a [data-budget-capacity] box of
// the form, data-from-calc="budget"), shared by the options and debts tools: the capacity
// the budget calculator computes from the input the reader kept on this device (opt-in,
// runtime/storage.js). The box stays hidden when nothing is kept.

import { announce } from "../lib/common.js";
import { setFieldError } from "../lib/fields.js";
import { lang, recompute } from "../runtime/calculator.js";
import { run } from "../runtime/client.js";
import { load } from "../runtime/storage.js";

/** "用“还款能力”工具里保存的结果": the capacity the budget calculator computes from the input
 *  the reader kept on this device (the box stays hidden when there is none). */
export function offerSavedBudget(form, S) {
  const box = form.querySelector("[data-budget-capacity]");
  if (!box) return;
  const source = box.dataset.fromCalc;
  const saved = load(source);
  if (!saved) return;
  box.hidden = false;
  const say = (text) => announce(form.querySelector("[data-live]"), text);
  box.addEventListener("click", async (event) => {
    if (!event.target.closest("[data-action=use-budget]")) return;
    const capacity = form.elements.namedItem("capacity");
    try {
      const answer = await run(source, load(source) || saved, lang(form));
      if (!answer.ok) throw new Error(source);
      capacity.value = answer.result.capacity;
      setFieldError(capacity, "");
      say(S.budget_used);
      recompute(form);
    } catch {
      say(S.budget_failed);
    }
  });
}
