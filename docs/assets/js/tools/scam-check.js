// 防骗自查 (scam check): a ticked warning sign shows the block the template wrote beside it
// (why, and where to report) and the summary counts them. Nothing is stored or sent.

import { fill, strings } from "../lib/common.js";
import { onWidget } from "../lib/mount.js";

function setup(root) {
  const S = strings(root);
  const form = root.querySelector('form[data-tool="scam-check"]');
  const output = root.querySelector('output[name="flags"]');
  const boxes = Array.from(form.querySelectorAll('input[name="sign"]'));

  function update() {
    const counts = { scam: 0, collection: 0 };
    for (const box of boxes) {
      const flag = root.querySelector(`[data-flag="${CSS.escape(box.value)}"]`);
      if (flag) flag.hidden = !box.checked;
      box.setAttribute("aria-expanded", box.checked ? "true" : "false");
      if (box.checked) counts[box.closest("li").dataset.kind] += 1;
    }
    const n = counts.scam + counts.collection;
    output.dataset.value = String(n);
    output.textContent = n ? fill(S.some, { n, ...counts }) : S.none;
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", update);
  update();
}

onWidget("scam-check", setup);
