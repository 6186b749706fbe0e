// The calculators' module Web Worker: Pyodide + the calc wheel, behind an id-tagged
// request/reply protocol (Pyodide's own webworker.md pattern). Started once per page by
// runtime/client.js, the only module that talks to it; nothing here knows about finance or
// any calculator's name, it only passes params to calc.api.run.
//
// Protocol (main -> worker):
//   {type: "init", indexURL, wheelURL, stdLibURL, snapshot: true|false}   once, first message
//                                             (stdLibURL: the trimmed stdlib; absent = Pyodide's)
//   {type: "run", id, name, params, lang}                     any time (queued until ready)
// Protocol (worker -> main):
//   {type: "progress", step, loaded, total}   step: "download" | "start" | "calc" | "ready"
//                                             ("ready" also says from: "cold" | "snapshot")
//   {type: "failed", message}                 loading failed (main shows its own text)
//   {type: "result", id, result}              result = calc.api.run(...) as plain JSON
//   {type: "error", id, message}              a request that could not run (not an input error)
//   {type: "notice", message}                 for developers (snapshot stored / not used)
//
// Loading: the pinned Pyodide runtime lives beside the site (indexURL, same origin). It is
// started with `packages: []` so it never looks for a package on a CDN, with an empty lock
// (no 119 KB pyodide-lock.json request: we load no package) and the trimmed stdlib the build
// wrote (scripts/trim_stdlib.py: only what calc and the boot import, 0.57 MB brotli instead
// of 2.49 MB); our own pure-Python calc wheel is fetched and unpacked with `unpackArchive`
// (no micropip, no network).
//
// Warm start: after the first cold start we keep a Pyodide memory snapshot (the heap right
// after `import calc.api`, before any reader's input has been seen, so it holds none) in
// Cache Storage, keyed by the Pyodide version and the wheel's hashed file name. The next
// visit restores it instead of booting Python again (~0.2 s instead of ~2.5 s). The
// snapshot API is experimental (`_makeSnapshot`/`_loadSnapshot`/`makeMemorySnapshot`): it
// is used only with the pinned version below, and any failure falls back to a normal start.

const SNAPSHOT_PYODIDE_VERSION = "314.0.7"; // the version the snapshot path was tested with
const SNAPSHOT_CACHE_PREFIX = "yqxs-pyodide-snapshot-";
// The pinned Pyodide's lock ABI (node_modules/pyodide/pyodide-lock.json info.abi_version;
// tests/parity/test_trimmed_stdlib.py holds them equal). Another version fetches its lock.
const EMPTY_LOCK = {
  version: "314.0.7",
  info: { abi_version: "2026_0", arch: "wasm32", platform: "emscripten_5_0_3", python: "3.14.2" },
  packages: {},
};

let startedFrom = "cold"; // or "snapshot": reported with the "ready" step
let runPy = null; // Python callable: (name, params_json, lang) -> result_json
let ready = null; // Promise resolved when runPy is set
const queue = [];

let step = "download";

function post(message) {
  if (message.type === "progress" && message.step) step = message.step;
  self.postMessage(message);
}

// ---------------------------------------------------------------- counting bytes
// Pyodide has no download-progress event (pyodide#1587). We wrap fetch for the files we
// know are big and count the bytes of a clone of each response as it streams in. Pyodide
// still gets the original Response, so streaming compilation and the wasm code cache work
// as before.
const counted = { loaded: 0, total: 0, last: 0, runtimeFiles: 0 };
const BIG_FILES = /(pyodide\.asm\.wasm|python_stdlib[-\w]*\.zip|\.whl)$/;
const nativeFetch = self.fetch.bind(self);

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
  const path = new URL(url, self.location.href).pathname;
  const big = BIG_FILES.test(path);
  let response;
  try {
    response = await nativeFetch(input, init);
  } catch (err) {
    // Pyodide only logs a failed wasm fetch and then waits forever: report it ourselves.
    if (big) post({ type: "failed", message: `${path}: ${err}` });
    throw err;
  }
  if (big && !response.ok) post({ type: "failed", message: `${path}: HTTP ${response.status}` });
  if (response.ok && big) {
    const length = Number(response.headers.get("Content-Length"));
    // A compressed transfer reports the compressed length but yields more bytes: then
    // we show bytes without a total (reportBytes drops a total smaller than loaded).
    if (length > 0 && !response.headers.get("Content-Encoding")) counted.total += length;
    countBody(response.clone(), !path.endsWith(".whl")).catch(() => {});
  }
  return response;
};

// ---------------------------------------------------------------- snapshot cache

function snapshotKey(indexURL, wheelURL, stdLibURL) {
  const wheel = new URL(wheelURL).pathname.split("/").pop();
  const stdlib = stdLibURL ? `+${new URL(stdLibURL).pathname.split("/").pop()}` : "";
  return new URL(`yqxs-snapshot/${wheel}${stdlib}`, indexURL).href; // a cache key only, never fetched
}

async function openSnapshotCache(version) {
  if (typeof caches === "undefined") return null;
  try {
    return await caches.open(SNAPSHOT_CACHE_PREFIX + version);
  } catch {
    return null; // Cache Storage refused (private mode, quota, insecure context)
  }
}

async function readSnapshot(cache, key) {
  if (!cache) return null;
  try {
    const hit = await cache.match(key);
    if (!hit) post({ type: "notice", message: "no snapshot stored yet: cold start" });
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch (err) {
    post({ type: "notice", message: `snapshot not readable: ${err}` });
    return null;
  }
}

async function storeSnapshot(cache, key, bytes, version) {
  if (!cache) return;
  try {
    await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    // Keep one snapshot only: drop older wheels' and older versions' entries.
    for (const request of await cache.keys()) {
      if (request.url !== key) await cache.delete(request);
    }
    for (const name of await caches.keys()) {
      if (name.startsWith(SNAPSHOT_CACHE_PREFIX) && name !== SNAPSHOT_CACHE_PREFIX + version) {
        await caches.delete(name);
      }
    }
    post({ type: "notice", message: "snapshot stored" });
  } catch (err) {
    // Quota or storage errors only cost the next visit its warm start.
    post({ type: "notice", message: `snapshot not stored: ${err}` });
  }
}

async function forgetSnapshot(cache, key) {
  try {
    if (cache) await cache.delete(key);
  } catch {
    /* nothing to do */
  }
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
`;

async function unpackWheel(pyodide, wheelURL) {
  const wheel = await fetch(wheelURL);
  if (!wheel.ok) throw new Error(`wheel: HTTP ${wheel.status}`);
  pyodide.unpackArchive(new Uint8Array(await wheel.arrayBuffer()), "wheel");
}

async function start({ indexURL, wheelURL, stdLibURL, snapshot }) {
  post({ type: "progress", step: "download", loaded: 0, total: 0 });
  const { loadPyodide, version } = await import(new URL("pyodide.mjs", indexURL).href);
  const useSnapshot = snapshot !== false && version === SNAPSHOT_PYODIDE_VERSION;
  const cache = useSnapshot ? await openSnapshotCache(version) : null;
  const key = snapshotKey(indexURL, wheelURL, stdLibURL);
  const options = { indexURL, packages: [] };
  if (stdLibURL) options.stdLibURL = stdLibURL;
  if (version === EMPTY_LOCK.version) options.lockFileContents = EMPTY_LOCK;

  // Warm path: restore the heap saved by an earlier visit.
  const saved = await readSnapshot(cache, key);
  if (saved) {
    try {
      post({ type: "progress", step: "start" });
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: saved });
      // The snapshot holds the wasm heap, not the file system: put calc's files back, for
      // the data it reads lazily (the message catalogue, the letter templates).
      await unpackWheel(pyodide, wheelURL);
      const fn = pyodide.globals.get("_yqxs_run");
      const check = pyodide.globals.get("_yqxs_check");
      if (typeof fn !== "function" || typeof check !== "function") throw new Error("snapshot without calc");
      // Prove the restored heap and files work (an answer, not internal_error).
      if (check() !== true) throw new Error("snapshot answers wrongly");
      startedFrom = "snapshot";
      return fn;
    } catch (err) {
      post({ type: "notice", message: `snapshot restore failed, starting normally: ${err}` });
      await forgetSnapshot(cache, key);
    }
  }

  // Cold path.
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: Boolean(cache) });
  post({ type: "progress", step: "calc" });
  await unpackWheel(pyodide, wheelURL);
  pyodide.runPython(PY_SETUP);
  const fn = pyodide.globals.get("_yqxs_run");
  if (cache) {
    // Taken now, before any request is answered: the snapshot holds no reader input.
    try {
      const bytes = pyodide.makeMemorySnapshot();
      setTimeout(() => storeSnapshot(cache, key, bytes, version), 0);
    } catch (err) {
      post({ type: "notice", message: `snapshot not made: ${err}` });
    }
  }
  return fn;
}

function answer({ id, name, params, lang }) {
  try {
    const result = JSON.parse(runPy(String(name), JSON.stringify(params ?? {}), String(lang || "zh")));
    post({ type: "result", id, result });
  } catch (err) {
    post({ type: "error", id, message: String(err && err.message ? err.message : err) });
  }
}

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    if (ready) return;
    ready = start(msg).then(
      (fn) => {
        runPy = fn;
        post({ type: "progress", step: "ready", from: startedFrom });
        while (queue.length) answer(queue.shift());
      },
      (err) => {
        post({ type: "failed", message: String(err && err.message ? err.message : err) });
      },
    );
  } else if (msg.type === "run") {
    if (runPy) answer(msg);
    else queue.push(msg);
  }
};
