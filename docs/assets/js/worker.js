// The calculators' module Web Worker: Pyodide + the calc wheel, behind an id-tagged
// request/reply protocol (Pyodide's own webworker.md pattern). Started once per page by
// runtime/client.js, the only module that talks to it; nothing here knows about finance or
// any calculator's name, it only passes params to calc.api.run.
//
// Protocol (main -> worker):
//   {type: "init", indexURL, wheelURL, stdLibURL, snapshot, hold}   once, first (stdLibURL:
//                  the trimmed stdlib, absent = Pyodide's; hold: a cold start waits for "go")
//   {type: "go"}                              the page has loaded: start Python (after hold)
//   {type: "init", role: "snapshot", indexURL, wheelURL, stdLibURL}   a snapshot-only worker:
//                                             boots, stores a snapshot, says "snapshot-done"
//   {type: "run", id, name, params, lang}                     any time (queued until ready)
// Protocol (worker -> main):
//   {type: "progress", step, loaded, total}   step: "download" | "start" | "calc" | "ready"
//                                             ("ready" also says from: "cold" | "snapshot")
//   {type: "failed", message}                 loading failed (main shows its own text)
//   {type: "result", id, result}              result = calc.api.run(...) as plain JSON
//   {type: "error", id, message}              a request that could not run (not an input error)
//   {type: "notice", message}                 for developers (snapshot stored / not used)
//   {type: "snapshot-wanted"}                 idle, and this runtime cannot give a clean
//                                             snapshot: the client may start a snapshot worker
//   {type: "snapshot-done"}                   (snapshot role) finished, stored or not
//
// Loading: the pinned Pyodide runtime lives beside the site (indexURL, same origin). It is
// started with `packages: []` so it never looks for a package on a CDN, with an empty lock
// (no 119 KB pyodide-lock.json request: we load no package) and the trimmed stdlib the build
// wrote (scripts/trim_stdlib.py: only what calc and the boot import, as bytecode, 0.57 MB
// brotli instead of 2.49 MB); our pure-Python calc wheel is unpacked with `unpackArchive`
// (no micropip, no network).
//
// Warm start: a cold start keeps a Pyodide memory snapshot (the heap with calc imported) in
// Cache Storage, gzipped (CompressionStream: 31 MB of heap, half zero pages, store as a few
// MB), keyed by the Pyodide version and the wheel's and stdlib's hashed file names. The next
// visit restores it through DecompressionStream instead of booting Python again. The
// snapshot API is experimental (`_makeSnapshot`/`_loadSnapshot`/`makeMemorySnapshot`): it
// is used only with the pinned version below, and any failure falls back to a normal start.
//
// Answer first (issue 13): the first answer never waits for the snapshot. It is taken in idle
// time (IDLE_MS after the last request) from this runtime only if every request it answered
// was a worked example (compared in JS with calc.api.example: no reader input reaches Python
// for the check); a heap that parsed what the reader typed could still hold it. Then, once
// idle, it asks the client for a fresh worker in the snapshot role, which boots from files
// already on the device (cache: "only-if-cached", never a network byte; else it gives up),
// stores the snapshot and is ended: a second boot's CPU after the answer, not a cold start on
// every visit. Held (init's hold, until "go"): a cold start's seconds of CPU wait for the page's
// own start (its parse, Material's bundle, the mount) on two cores; the downloads and the
// snapshot's read begin at once all the same, and a warm restore does not wait.

// Imported beside the runtime's downloads (a static import: one more round trip before them).
const snapshotCache = import("./snapshot-cache.js");
snapshotCache.catch(() => {});

const SNAPSHOT_PYODIDE_VERSION = "314.0.7"; // the version the snapshot path was tested with
const IDLE_MS = 400; // quiet time after the last request before the snapshot is taken
// The pinned Pyodide's lock ABI (node_modules/pyodide/pyodide-lock.json info.abi_version;
// tests/parity/test_trimmed_stdlib.py holds them equal). Another version fetches its lock.
const EMPTY_LOCK = {
  version: "314.0.7",
  info: { abi_version: "2026_0", arch: "wasm32", platform: "emscripten_5_0_3", python: "3.14.2" },
  packages: {},
};

let startedFrom = "cold"; // or "snapshot": reported with the "ready" step
let release; // init's hold: Python's start (its CPU) waits for "go"; the downloads do not
const released = new Promise((resolve) => (release = resolve));
let runPy = null; // Python callable: (name, params_json, lang) -> result_json
let ready = null; // Promise resolved when runPy is set
const queue = [];
let step = "download";

function post(message) {
  if (message.type === "progress" && message.step) step = message.step;
  self.postMessage(message);
}
snapshotCache.then(({ onNotice }) => onNotice((message) => post({ type: "notice", message })), () => {});

// ---------------------------------------------------------------- counting bytes
// Pyodide has no download-progress event (pyodide#1587): the bytes of a clone of each big
// response are counted as they stream in; Pyodide gets the original (streaming compile).
const counted = { loaded: 0, total: 0, last: 0, runtimeFiles: 0 };
const BIG_FILES = /(pyodide\.asm\.wasm|python_stdlib[-\w]*\.zip|\.whl)$/;
const nativeFetch = self.fetch.bind(self);
let cachedOnly = false; // the snapshot role: never touch the network
// The wasm and the stdlib, asked for on "init" beside pyodide.mjs, not one hop after it, and
// counted from then (a hold delays Pyodide's own fetch, which takes this response, once).
const early = new Map();
function fetchEarly(url) {
  const path = new URL(url).pathname;
  const response = nativeFetch(url).then((r) => (countResponse(r, path), r));
  response.catch(() => {}); // Pyodide's own fetch reports a failure
  early.set(url, response);
}

function reportBytes(force) {
  if (step === "ready") return;
  const now = performance.now();
  if (!force && now - counted.last < 120) return;
  counted.last = now;
  const total = counted.total >= counted.loaded ? counted.total : 0;
  post({ type: "progress", step, loaded: counted.loaded, total });
}

async function countBody(response, runtimeFile) {
  if (!response.body) return;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    counted.loaded += value.byteLength;
    reportBytes(false);
  }
  reportBytes(true);
  // Both runtime files are in: what remains before calc is Python starting up.
  if (runtimeFile && ++counted.runtimeFiles === 2) post({ type: "progress", step: "start" });
}

self.fetch = async function countingFetch(input, init) {
  const url = input instanceof Request ? input.url : String(input); // Pyodide passes a URL object
  const { href, pathname: path } = new URL(url, self.location.href);
  const big = BIG_FILES.test(path);
  let response;
  const started = early.get(href);
  early.delete(href);
  try {
    response = await (started || nativeFetch(input, cachedOnly ? { ...init, cache: "only-if-cached", mode: "same-origin" } : init));
  } catch (err) {
    // Pyodide only logs a failed wasm fetch and then waits forever: report it ourselves.
    if (big && cachedOnly) post({ type: "notice", message: `snapshot worker: no snapshot: ${path} is not on the device` });
    if (big) post({ type: "failed", message: `${path}: ${err}` });
    throw err;
  }
  if (big && !response.ok) post({ type: "failed", message: `${path}: HTTP ${response.status}` });
  if (big && !started) countResponse(response, path);
  return response;
};

function countResponse(response, path) {
  if (!response.ok) return;
  const length = Number(response.headers.get("Content-Length"));
  // A compressed transfer reports the compressed length but yields more bytes: then
  // we show bytes without a total (reportBytes drops a total smaller than loaded).
  if (length > 0 && !response.headers.get("Content-Encoding")) counted.total += length;
  countBody(response.clone(), !path.endsWith(".whl")).catch(() => {});
}

// ---------------------------------------------------------------- starting Python

const PY_SETUP = `
import json
import calc.api

def _yqxs_run(name, params_json, lang):
    return json.dumps(calc.api.run(name, json.loads(params_json), lang), ensure_ascii=False)

def _yqxs_check():
    # The first calculator of calc's own registry, its 繁體 worked example: a right answer
    # proves the restored heap and calc's data files (messages, templates) both work.
    name = calc.api.registry.CALCULATORS[0]
    return bool(calc.api.run(name, calc.api.example(name, "zh-Hant"), "zh-Hant").get("ok"))

def _yqxs_example(name, lang):
    return json.dumps(calc.api.example(name, lang), ensure_ascii=False)
`;

// The wheel's bytes (a rejected promise is handled where it is awaited).
function fetchWheel(wheelURL) {
  const bytes = fetch(wheelURL).then((wheel) => {
    if (!wheel.ok) throw new Error(`wheel: HTTP ${wheel.status}`);
    return wheel.arrayBuffer();
  });
  bytes.catch(() => {});
  return bytes;
}

const unpack = (pyodide, bytes) => pyodide.unpackArchive(new Uint8Array(bytes), "wheel");

function pyodideOptions(indexURL, stdLibURL, version) {
  const options = { indexURL, packages: [] };
  if (stdLibURL) options.stdLibURL = stdLibURL;
  if (version === EMPTY_LOCK.version) options.lockFileContents = EMPTY_LOCK;
  return options;
}

async function start({ indexURL, wheelURL, stdLibURL, snapshot }) {
  post({ type: "progress", step: "download", loaded: 0, total: 0 });
  const t0 = performance.now();
  // Every file is asked for at once: the wheel (the warm path needs it at once, the cold one
  // after Python starts), the wasm and the stdlib (both paths), and pyodide.asm.mjs, which
  // pyodide.mjs imports from the same URL (the module map shares the one download).
  const wheel = fetchWheel(wheelURL);
  fetchEarly(new URL("pyodide.asm.wasm", indexURL).href);
  fetchEarly(stdLibURL || new URL("python_stdlib.zip", indexURL).href);
  import(new URL("pyodide.asm.mjs", indexURL).href).catch(() => {});
  const pyodideModule = import(new URL("pyodide.mjs", indexURL).href);
  // The stored snapshot (read, gunzipped) meanwhile: its cache is named after the version.
  const { forgetSnapshot, openSnapshotCache, readSnapshot, snapshotKey } = await snapshotCache;
  const key = snapshotKey(indexURL, wheelURL, stdLibURL);
  const cache = snapshot !== false ? await openSnapshotCache(SNAPSHOT_PYODIDE_VERSION) : null;
  const reading = readSnapshot(cache, key);
  const { loadPyodide, version } = await pyodideModule;
  const useSnapshot = Boolean(cache) && version === SNAPSHOT_PYODIDE_VERSION;
  const options = pyodideOptions(indexURL, stdLibURL, version);
  // Warm path: restore the heap saved by an earlier visit, held or not (a tenth of the CPU).
  const saved = useSnapshot ? await reading : null;
  if (saved) {
    try {
      post({ type: "progress", step: "start" });
      const t1 = performance.now();
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: saved });
      const t2 = performance.now();
      // The snapshot holds the wasm heap, not the file system: put calc's files back, for
      // the data it reads lazily (the message catalogue, the letter templates).
      unpack(pyodide, await wheel);
      const fn = pyodide.globals.get("_yqxs_run");
      const check = pyodide.globals.get("_yqxs_check");
      if (typeof fn !== "function" || typeof check !== "function") throw new Error("snapshot without calc");
      // Prove the restored heap and files work (an answer, not internal_error).
      if (check() !== true) throw new Error("snapshot answers wrongly");
      // Every restore would otherwise replay the same random state (pyodide#4652).
      pyodide.runPython("import random as _r; _r.seed(); del _r");
      startedFrom = "snapshot";
      const ms = (a, b) => Math.round(b - a);
      post({
        type: "notice",
        message: `warm start: snapshot read ${ms(t0, t1)} ms, restore ${ms(t1, t2)} ms, calc ${ms(t2, performance.now())} ms`,
      });
      return fn;
    } catch (err) {
      post({ type: "notice", message: `snapshot restore failed, starting normally: ${err}` });
      await forgetSnapshot(cache, key);
    }
  }

  // Cold path (also after a failed restore): once the page has loaded, or init did not hold.
  await released;
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: useSnapshot });
  post({ type: "progress", step: "calc" });
  unpack(pyodide, await wheel);
  pyodide.runPython(PY_SETUP);
  const fn = pyodide.globals.get("_yqxs_run");
  if (useSnapshot) later = { pyodide, cache, key, version };
  return fn;
}

// The snapshot role: a fresh runtime that sees no request at all. Only files already on the
// device are used: every fetch is only-if-cached (the HTTP cache, or the service worker's).
// Is every big runtime file on the device? Asked before Pyodide starts, so a missing one
// ends the snapshot role quietly (Pyodide's own failed fetch would reject where no one
// can catch it, as in a private window or a browser that keeps large files in memory only).
async function allOnDevice(urls) {
  for (const url of urls) {
    try {
      const response = await nativeFetch(url, { cache: "only-if-cached", mode: "same-origin" });
      response.body?.cancel().catch(() => {});
      if (!response.ok) return false;
    } catch {
      return false;
    }
  }
  return true;
}

async function snapshotOnly({ indexURL, wheelURL, stdLibURL }) {
  cachedOnly = true;
  const needed = [new URL("pyodide.asm.wasm", indexURL).href,
    stdLibURL || new URL("python_stdlib.zip", indexURL).href, wheelURL];
  if (!(await allOnDevice(needed))) {
    post({ type: "notice", message: "snapshot worker: no snapshot: the runtime is not all on the device" });
    return;
  }
  const { loadPyodide, version } = await import(new URL("pyodide.mjs", indexURL).href);
  if (version !== SNAPSHOT_PYODIDE_VERSION) return;
  const { openSnapshotCache, snapshotKey, storeSnapshot } = await snapshotCache;
  const cache = await openSnapshotCache(version);
  const key = snapshotKey(indexURL, wheelURL, stdLibURL);
  if (!cache || (await cache.match(key))) return; // nowhere to keep it, or already kept
  const pyodide = await loadPyodide({ ...pyodideOptions(indexURL, stdLibURL, version), _makeSnapshot: true });
  unpack(pyodide, await fetchWheel(wheelURL));
  pyodide.runPython(PY_SETUP);
  const heapLength = pyodide._module?.HEAPU8?.byteLength ?? Infinity;
  await storeSnapshot(cache, key, pyodide.makeMemorySnapshot(), heapLength, version);
}

// ---------------------------------------------------------------- snapshot in idle time

let later = null; // {pyodide, cache, key, version} while a snapshot may still be taken
let wantFresh = false; // this cold runtime saw reader input: ask for a snapshot worker when idle
let idleTimer = 0;
const examples = new Map(); // "name\u0000lang" -> the worked example's params as JSON

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

// Is this request a worked example? Asked before the request runs; calc.api.example is
// called with the name and script only (no reader input reaches Python for the check).
function isExample({ name, params, lang }) {
  if (!later) return false;
  const k = `${name}\u0000${lang}`;
  if (!examples.has(k)) {
    try {
      const ex = later.pyodide.globals.get("_yqxs_example");
      examples.set(k, canonical(JSON.parse(ex(String(name), String(lang || "zh")))));
      ex.destroy();
    } catch {
      examples.set(k, null);
    }
  }
  return examples.get(k) !== null && examples.get(k) === canonical(params ?? {});
}

function seen(msg) {
  if (!later) return;
  if (!isExample(msg)) {
    later = null; // this heap has parsed the reader's input: no snapshot from it
    wantFresh = true;
    post({ type: "notice", message: "snapshot skipped: this runtime has seen the reader's input" });
  }
  scheduleSnapshot();
}

function scheduleSnapshot() {
  if (!later && !wantFresh) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(takeSnapshot, IDLE_MS);
}

function takeSnapshot() {
  if (queue.length) return scheduleSnapshot();
  if (!later) {
    if (wantFresh) post({ type: "snapshot-wanted" });
    wantFresh = false;
    return;
  }
  const { pyodide, cache, key, version } = later;
  later = null;
  try {
    const heapLength = pyodide._module?.HEAPU8?.byteLength ?? Infinity;
    const bytes = pyodide.makeMemorySnapshot();
    snapshotCache.then(({ storeSnapshot }) => storeSnapshot(cache, key, bytes, heapLength, version));
  } catch (err) {
    post({ type: "notice", message: `snapshot not made: ${err}` });
  }
}

function answer({ id, name, params, lang }) {
  try {
    const result = JSON.parse(runPy(String(name), JSON.stringify(params ?? {}), String(lang || "zh")));
    post({ type: "result", id, result });
  } catch (err) {
    post({ type: "error", id, message: String(err && err.message ? err.message : err) });
  }
}

// In the snapshot role a rejection inside Pyodide (a file gone from the cache meanwhile)
// ends the role; it is not the reader's error and must not reach the page.
self.addEventListener("unhandledrejection", (event) => {
  if (!cachedOnly) return;
  event.preventDefault();
  post({ type: "failed", message: `snapshot worker: ${event.reason && event.reason.message ? event.reason.message : event.reason}` });
});

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === "init" && msg.role === "snapshot") {
    if (ready) return;
    ready = snapshotOnly(msg).catch((err) => {
      post({ type: "notice", message: `snapshot worker: no snapshot: ${err && err.message ? err.message : err}` });
    }).then(() => post({ type: "snapshot-done" }));
  } else if (msg.type === "go") {
    release();
  } else if (msg.type === "init") {
    if (ready) return;
    if (!msg.hold) release();
    ready = start(msg).then(
      (fn) => {
        runPy = fn;
        post({ type: "progress", step: "ready", from: startedFrom });
        while (queue.length) {
          const msg = queue.shift();
          seen(msg);
          answer(msg);
        }
        scheduleSnapshot(); // idle now: nothing more is queued
      },
      (err) => {
        post({ type: "failed", message: String(err && err.message ? err.message : err) });
      },
    );
  } else if (msg.type === "run") {
    if (runPy) {
      seen(msg);
      answer(msg);
    } else queue.push(msg);
  }
};
