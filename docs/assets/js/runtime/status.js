// The loading status of a calculator (_runtime.html: [data-status], role=status): the steps
// Pyodide goes through, the bytes received (Pyodide has no progress event, pyodide#1587, so
// worker.js counts them), and on failure a message and the retry button. The texts are the
// page script's, from script[data-yqxs-strings].

import { fill, strings } from "../lib/common.js";
import { onState, retry } from "./client.js";

const mb = (n) => (n / 1048576).toFixed(1);

function bytesText(s, loaded, total) {
  if (!loaded) return "";
  return total ? fill(s.bytes_of, { loaded: mb(loaded), total: mb(total) }) : fill(s.bytes, { loaded: mb(loaded) });
}

/** Keep form's status line in step with the runtime; onRetry() runs after a retry starts. */
export function bindStatus(form, onRetry) {
  const status = form.querySelector("[data-status]");
  if (!status) return;
  const text = status.querySelector("[data-status-text]") || status;
  const bar = status.querySelector("progress");
  const retryButton = status.querySelector("[data-action=retry]");
  const s = strings(form, "script[data-yqxs-strings]");
  let lastBytesUpdate = 0;

  onState((state, detail) => {
    status.dataset.state = state;
    if (retryButton) retryButton.hidden = state !== "failed";
    if (state === "failed" || state === "ready") {
      text.textContent = (state === "failed" ? s.failed : s.step_ready) || "";
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
  });
  retryButton?.addEventListener("click", () => {
    if (retry()) onRetry?.();
  });
}
