// The Pyodide memory snapshot in Cache Storage, for worker.js (issue 13): one entry per
// version cache "yqxs-pyodide-snapshot-<version>", keyed by the wheel and stdlib names,
// stored gzipped (CompressionStream) with its raw and heap lengths, size-checked before a
// restore (pyodide#6254) and deleted when unusable. Nothing the reader typed is in it:
// worker.js only snapshots a runtime that has seen no reader input.
//
// Six in ten of the heap's 4 KB pages are zero. The body ("X-Encoding: gzip-pages") is
// gzip(map + every non-zero page in order), the map one bit per page (1: stored), so a
// warm start inflates 12 MB instead of 31 (about half the time of the plain "gzip" body,
// which is still read); a zero page is the new buffer's own zeros.

export const SNAPSHOT_CACHE_PREFIX = "yqxs-pyodide-snapshot-";
// A restore sets the new heap to the snapshot's size (pyodide#6254: a snapshot larger than
// the heap it can start with throws): a stored entry is size-checked before any restore.
const SNAPSHOT_MAX_BYTES = 256 * 1024 * 1024;
const PAGE = 4096;
const PACKED = "gzip-pages"; // X-Encoding of a page-packed body (above); "gzip": the whole heap

/** Is bytes[start, end) all zero? Four bytes at a time through `words` (a Uint32Array view
 * of bytes, or null when bytes is not 4-aligned); `start` is a page's first byte. */
function zeroPage(bytes, words, start, end) {
  let i = start;
  if (words) {
    const last = Math.min(end >> 2, words.length);
    for (let w = start >> 2; w < last; w++) if (words[w] !== 0) return false;
    i = last << 2;
  }
  for (; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** The parts of a page-packed body (not yet gzipped): the map, then each run of non-zero
 * pages as one view of `bytes`. */
export function packPages(bytes) {
  const pages = Math.ceil(bytes.length / PAGE);
  const map = new Uint8Array(Math.ceil(pages / 8));
  const parts = [map];
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : null;
  let runStart = -1;
  for (let page = 0; page <= pages; page++) {
    const start = page * PAGE;
    const stored = page < pages && !zeroPage(bytes, words, start, Math.min(start + PAGE, bytes.length));
    if (stored) {
      map[page >> 3] |= 1 << (page & 7);
      if (runStart < 0) runStart = start;
    } else if (runStart >= 0) {
      parts.push(bytes.subarray(runStart, Math.min(start, bytes.length)));
      runStart = -1;
    }
  }
  return parts;
}

/** The heap of `rawLength` bytes from a page-packed body (gunzipped); throws if it does not fit. */
export function unpackPages(packed, rawLength) {
  const pages = Math.ceil(rawLength / PAGE);
  const mapLength = Math.ceil(pages / 8);
  const bytes = new Uint8Array(rawLength);
  let from = mapLength;
  for (let page = 0; page < pages; page++) {
    if (!(packed[page >> 3] & (1 << (page & 7)))) continue;
    const start = page * PAGE;
    const length = Math.min(PAGE, rawLength - start);
    if (from + length > packed.length) throw new Error("snapshot pages cut short");
    bytes.set(packed.subarray(from, from + length), start);
    from += length;
  }
  if (from !== packed.length) throw new Error(`snapshot pages: ${packed.length - from} bytes left over`);
  return bytes;
}

const gunzip = async (body) => new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());

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
    const encoding = hit.headers.get("X-Encoding");
    if (![PACKED, "gzip"].includes(encoding) || !(raw > 0) || !(heap > 0) || raw > SNAPSHOT_MAX_BYTES) {
      throw new Error(`snapshot entry unusable (raw ${raw}, heap ${heap})`);
    }
    const body = await gunzip(hit.body);
    const bytes = encoding === PACKED ? unpackPages(body, raw) : body;
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
    const gz = await new Response(new Blob(packPages(bytes)).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
    const headers = {
      "Content-Type": "application/octet-stream",
      "X-Encoding": PACKED, // the body is gzip bytes (not a transfer encoding), pages packed
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
