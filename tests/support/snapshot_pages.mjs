// Drives docs/assets/js/snapshot-cache.js under node with an in-memory Cache Storage
// (tests/site/test_snapshot_pages.py): store a heap, read it back, and what was stored.
//   node snapshot_pages.mjs MODULE_URL  (cases as JSON on stdin, results as JSON on stdout)
import { readFileSync } from "node:fs";

class MemoryCache {
  constructor() { this.entries = new Map(); }
  async match(key) { const hit = this.entries.get(String(key)); return hit ? hit.clone() : undefined; }
  async put(key, response) {
    const body = new Uint8Array(await response.arrayBuffer());
    this.entries.set(String(key), new Response(body, { headers: response.headers }));
  }
  async keys() { return [...this.entries.keys()].map((url) => ({ url })); }
  async delete(key) { return this.entries.delete(String(key?.url ?? key)); }
}
const store = new Map();
globalThis.caches = {
  async open(name) { if (!store.has(name)) store.set(name, new MemoryCache()); return store.get(name); },
  async keys() { return [...store.keys()]; },
  async delete(name) { return store.delete(name); },
};

const sc = await import(process.argv[2]);
const notices = [];
sc.onNotice((m) => notices.push(m));

// A heap from a case: `pages` of 4096 bytes plus `tail` bytes, zero except the listed
// pages (filled with a pattern), `offset` bytes into its buffer (an unaligned view).
function heapOf({ pages, tail, filled, offset }) {
  const length = pages * 4096 + tail;
  const buffer = new Uint8Array(length + offset);
  const bytes = buffer.subarray(offset);
  for (const page of filled) {
    const end = Math.min((page + 1) * 4096, length);
    for (let i = page * 4096; i < end; i++) bytes[i] = (i * 7 + page) % 251 + 1;
  }
  return bytes;
}

const out = [];
for (const c of JSON.parse(readFileSync(0, "utf8"))) {
  const cache = await caches.open("yqxs-pyodide-snapshot-test");
  const key = `https://example.invalid/yqxs-snapshot/${out.length}`;
  const heap = heapOf(c);
  notices.length = 0;
  if (c.legacy) { // an entry stored before page packing: the whole heap gzipped
    const gz = await new Response(new Blob([heap]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
    await cache.put(key, new Response(gz, { headers: { "X-Encoding": "gzip", "X-Raw-Length": String(heap.length), "X-Heap-Length": String(heap.length) } }));
  } else {
    await sc.storeSnapshot(cache, key, heap, heap.length, "test");
  }
  const stored = await cache.match(key);
  const gz = new Uint8Array(await stored.clone().arrayBuffer());
  const body = new Uint8Array(await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  if (c.cut) { // spoil the stored body: one byte short
    const short = await new Response(new Blob([body.subarray(0, body.length - 1)]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
    await cache.put(key, new Response(short, { headers: stored.headers }));
  }
  const back = await sc.readSnapshot(cache, key);
  out.push({
    encoding: stored.headers.get("X-Encoding"),
    raw: Number(stored.headers.get("X-Raw-Length")),
    gzip: [gz[0], gz[1]],
    body: body.length,
    same: back !== null && back.length === heap.length && back.every((v, i) => v === heap[i]),
    back: back === null ? null : back.length,
    left: (await cache.match(key)) !== undefined,
    notices: [...notices],
  });
}
process.stdout.write(JSON.stringify(out));
