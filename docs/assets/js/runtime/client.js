// The client of the calculators' worker (docs/assets/js/worker.js): the one place in the
// page that talks to it. Pyodide's webworker.md has three parties (the worker, a small API
// that tags each request with an id and resolves it when the reply with the same id comes
// back, and the consumers); this is the middle one. It knows no calculator name: callers
// pass the name the page gave them (form[data-calc]).
//
//   run(name, params, lang) -> Promise<{ok, result} | {ok: false, errors}>
//   state() -> "loading" | "ready" | "failed";  onState(fn(state, detail)) -> unsubscribe
//   ready: a Promise resolved once Python is ready (never rejects; see state())
//   startedFrom() -> "cold" | "snapshot" once ready;  retry() after a failure
//
// On a tool page the worker starts when this module is first evaluated: widgets.js is an
// async module in the <head>, so Pyodide's downloads begin before Material's bundle takes
// the CPU. On a guide page it starts when a calculator comes near the screen (see below).

const SCRIPT = document.getElementById("widget-runtime");
// data-pyodide is written relative to the page (MkDocs' url filter); without it the
// runtime sits at /pyodide/ beside /assets/.
const RUNTIME_DIR = SCRIPT?.dataset.pyodide
  ? new URL(SCRIPT.dataset.pyodide, document.baseURI).href
  : new URL("../../../pyodide/", import.meta.url).href;
const WHEEL_URL = new URL(SCRIPT?.dataset.wheel || "calc.whl", RUNTIME_DIR).href;
// The trimmed stdlib (hooks/runtime.py); without data-stdlib Pyodide loads its own zip.
const STDLIB_URL = SCRIPT?.dataset.stdlib ? new URL(SCRIPT.dataset.stdlib, RUNTIME_DIR).href : undefined;

/** The page's script, as the hook wrote it: "zh" or "zh-Hant". */
export const PAGE_LANG = SCRIPT?.dataset.lang || document.documentElement.lang || "zh";

const HOLD_MAX_MS = 3000; // Python starts by then even if the page's load event has not come
let worker = null;
let nextId = 1;
const pending = new Map(); // id -> {resolve, reject}
let currentState = "loading";
let from = null;
let detail = { step: "download", loaded: 0, total: 0 };
const listeners = new Set();
let resolveReady;

export const ready = new Promise((resolve) => (resolveReady = resolve));

function setState(state, info) {
  currentState = state;
  detail = info || {};
  for (const fn of listeners) {
    try {
      fn(currentState, detail);
    } catch (err) {
      console.warn(err);
    }
  }
  if (state === "ready") resolveReady();
}

function fail(message) {
  console.warn("calculator runtime failed:", message);
  if (worker) worker.terminate();
  worker = null;
  for (const waiting of pending.values()) waiting.reject(new Error(message));
  pending.clear();
  setState("failed", { message });
}

function onMessage(event) {
  const msg = event.data || {};
  if (msg.type === "progress") {
    if (msg.from) from = msg.from;
    if (currentState === "ready") return; // late byte counts change nothing
    setState(msg.step === "ready" ? "ready" : "loading", msg);
  } else if (msg.type === "notice") {
    console.info("calculator runtime:", msg.message);
  } else if (msg.type === "snapshot-wanted") {
    freshSnapshot();
  } else if (msg.type === "failed") {
    fail(msg.message);
  } else if (msg.type === "result" || msg.type === "error") {
    const waiting = pending.get(msg.id);
    if (!waiting) return;
    pending.delete(msg.id);
    if (msg.type === "result") waiting.resolve(msg.result);
    else waiting.reject(new Error(msg.message));
  }
}

// The warm start for the next visit, when this page's runtime has seen the reader's input
// (its heap is not a clean snapshot): a second worker in the snapshot role boots from the
// files already downloaded (never the network), stores the snapshot and is ended. Once per
// page, after the answer (the worker asks only when it is idle).
let snapshotWorker = null; // null: not asked yet; false: done (once per page)
const SNAPSHOT_WORKER_MS = 120_000; // a snapshot worker still busy after this is ended
function freshSnapshot() {
  if (snapshotWorker !== null) return;
  const end = () => {
    snapshotWorker?.terminate?.();
    snapshotWorker = false;
  };
  try {
    snapshotWorker = new Worker(new URL("../worker.js", import.meta.url), { type: "module", name: "yqxs-snapshot" });
  } catch {
    snapshotWorker = false;
    return;
  }
  snapshotWorker.onmessage = (event) => {
    const msg = event.data || {};
    if (msg.type === "notice") console.info("calculator runtime:", msg.message);
    // "failed": a file was not on the device (Pyodide would then wait forever)
    else if (msg.type === "snapshot-done" || msg.type === "failed") end();
  };
  setTimeout(end, SNAPSHOT_WORKER_MS);
  snapshotWorker.onerror = (event) => {
    event.preventDefault?.();
    end();
  };
  snapshotWorker.postMessage({ type: "init", role: "snapshot", indexURL: RUNTIME_DIR, wheelURL: WHEEL_URL, stdLibURL: STDLIB_URL });
}

function start() {
  from = null;
  setState("loading", { step: "download", loaded: 0, total: 0 });
  try {
    worker = new Worker(new URL("../worker.js", import.meta.url), { type: "module", name: "yqxs-calc" });
  } catch (err) {
    fail(String(err));
    return;
  }
  worker.onmessage = onMessage;
  worker.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || "worker error");
  };
  // Held while the page is still loading: Pyodide's files are asked for at once, but a cold
  // Python starts (the wasm compiled, the interpreter booted: seconds of CPU) once the page
  // has loaded, or HOLD_MAX_MS after this; a stored snapshot is restored at once (worker.js).
  // On two cores the cold start slowed the page's own (Lighthouse mobile on tool pages: total
  // blocking time 160-360 ms, performance 91-95; held, mostly 95-98: README "Quality"), and a
  // slow link's downloads outlast the load.
  const hold = document.readyState !== "complete";
  worker.postMessage({ type: "init", indexURL: RUNTIME_DIR, wheelURL: WHEEL_URL, stdLibURL: STDLIB_URL, snapshot: true, hold });
  if (hold) {
    const go = () => worker?.postMessage({ type: "go" });
    window.addEventListener("load", go, { once: true });
    setTimeout(go, HOLD_MAX_MS);
  }
}

/** Ask calc.api.run in the worker; requests made while Python starts wait in the worker. */
export function run(name, params, lang) {
  if (!worker && currentState !== "failed") startNow(); // a guide page's first request
  if (!worker) return Promise.reject(new Error("runtime not running"));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: "run", id, name, params, lang: lang || PAGE_LANG });
  });
}

export const state = () => currentState;
export const startedFrom = () => (currentState === "ready" ? from : null);

export function onState(fn) {
  listeners.add(fn);
  fn(currentState, detail);
  return () => listeners.delete(fn);
}

/** Start again after a failure; resolves true when a new start began. */
export function retry() {
  if (worker && currentState !== "failed") return false;
  start();
  return true;
}

// When Python starts. A tool page (data-start="now"): before anything else on the page, the
// cold start being most of the wait. A guide page (data-start="near", hooks/widgets.py):
// once a calculator comes within a screen of view, or the reader touches one, or a request
// comes (remembered input, a share link): a reader who only reads downloads no runtime, and
// the page's first paint and scroll do not compete with Python's boot.
let waiting = null; // () => void: stops watching, while a guide page waits
function startNow() {
  waiting?.();
  waiting = null;
  if (!worker) start();
}

function startWhenNear() {
  const touched = (event) => {
    if (event.target?.closest?.("[data-widget], form[data-calc]")) startNow();
  };
  const types = ["focusin", "pointerdown", "keydown", "input"];
  let observer = null;
  waiting = () => {
    types.forEach((type) => document.removeEventListener(type, touched, true));
    observer?.disconnect();
  };
  types.forEach((type) => document.addEventListener(type, touched, true));
  const watch = () => {
    const forms = document.querySelectorAll("form[data-calc]");
    if (!forms.length || typeof IntersectionObserver === "undefined") return startNow();
    observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) startNow();
    }, { rootMargin: "100% 0px" });
    forms.forEach((form) => observer.observe(form));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch, { once: true });
  else watch();
}

if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
  setState("failed", { message: "no Worker or WebAssembly" });
} else if (SCRIPT?.dataset.start === "near") {
  startWhenNear();
} else {
  start();
}
