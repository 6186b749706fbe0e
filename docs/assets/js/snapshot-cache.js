// The Pyodide memory snapshot in Cache Storage, for worker.js (issue 13): one entry per
// version cache "yqxs-pyodide-snapshot-<version>", keyed by the wheel and stdlib names,
// stored gzipped (CompressionStream) with its raw and heap lengths, size-checked before a
// restore (pyodide#6254) and deleted when unusable. Nothing the reader typed is in it:
// worker.js only snapshots a runtime that has seen no reader input.

export const SNAPSHOT_CACHE_PREFIX = "yqxs-pyodide-snapshot-";
// A restore sets the new heap to the snapshot's size (pyodide#6254: a snapshot larger than
// the heap it can start with throws): a stored entry is size-checked before any restore.
const SNAPSHOT_MAX_BYTES = 256 * 1024 * 1024;

let notice = () => {}; // worker.js's developer notices ({type: "notice"} to the page)
export function onNotice(fn) {
  notice = fn;
}

export function snapshotKey(indexURL, wheelURL, stdLibURL) {
  const wheel = new URL(wheelURL).pathname.split("/").pop();
  const stdlib = stdLibURL ? `+${new URL(stdLibURL).pathname.split("/").pop()}` : "";
  return new URL(`yqxs-snapshot/${wheel}${stdlib}`, indexURL).href; // a cache key only, never fetched
}

export async function openSnapshotCache(version) {
  if (typeof caches === "undefined") return null;
  try {
    return await caches.open(SNAPSHOT_CACHE_PREFIX + version);
  } catch {
    return null; // Cache Storage refused (private mode, quota, insecure context)
  }
}

export async function readSnapshot(cache, key) {
  if (!cache) return null;
  let hit;
  try {
    hit = await cache.match(key);
  } catch (err) {
    notice(`snapshot not readable: ${err}`);
    return null;
  }
  if (!hit) {
    notice("no snapshot stored yet: cold start");
    return null;
  }
  try {
    const raw = Number(hit.headers.get("X-Raw-Length"));
    const heap = Number(hit.headers.get("X-Heap-Length"));
    // Check the size before restoring (pyodide#6254): the raw heap must fit the heap it was
    // taken from and our bound, or the restore throws; such an entry is deleted.
    // (The snapshot is the heap plus Pyodide's own serialized state, so a little larger than
    // the heap: the bound is SNAPSHOT_MAX_BYTES, and the recorded lengths must be sane.)
    if (hit.headers.get("X-Encoding") !== "gzip" || !(raw > 0) || !(heap > 0) || raw > SNAPSHOT_MAX_BYTES) {
      throw new Error(`snapshot entry unusable (raw ${raw}, heap ${heap})`);
    }
    const bytes = new Uint8Array(await new Response(hit.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    if (bytes.length !== raw) throw new Error(`snapshot is ${bytes.length} bytes, expected ${raw}`);
    return bytes;
  } catch (err) {
    notice(`snapshot not usable, starting normally: ${err}`);
    await forgetSnapshot(cache, key);
    return null;
  }
}

export async function storeSnapshot(cache, key, bytes, heapLength, version) {
  if (!cache) return;
  try {
    if (bytes.length > SNAPSHOT_MAX_BYTES) throw new Error(`too large: ${bytes.length}`);
    const gz = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
    const headers = {
      "Content-Type": "application/octet-stream",
      "X-Encoding": "gzip", // the body is gzip bytes (not a transfer encoding)
      "X-Raw-Length": String(bytes.length),
      "X-Heap-Length": String(heapLength),
    };
    await cache.put(key, new Response(gz, { headers }));
    // Keep one snapshot only: drop older wheels' and older versions' entries.
    for (const request of await cache.keys()) {
      if (request.url !== key) await cache.delete(request);
    }
    for (const name of await caches.keys()) {
      if (name.startsWith(SNAPSHOT_CACHE_PREFIX) && name !== SNAPSHOT_CACHE_PREFIX + version) {
        await caches.delete(name);
      }
    }
    notice(`snapshot stored: ${gz.byteLength} bytes gzip, ${bytes.length} raw, heap ${heapLength}`);
  } catch (err) {
    // Quota or storage errors only cost the next visit its warm start.
    notice(`snapshot not stored: ${err}`);
  }
}

export async function forgetSnapshot(cache, key) {
  try {
    if (cache) await cache.delete(key);
  } catch {
    /* nothing to do */
  }
}
