// The site's service worker (issue 13): a page once visited opens offline, and so does its
// calculator. Served from the site's root (sw.js beside index.html), so one worker's scope
// covers both scripts (/ and /zh-Hant/). Registered by assets/js/sw-register.js where the
// browser has service workers (iOS WeChat has none: the site works the same without it).
//
// Caches (docs/about.md#storage lists them for the reader):
//   yqxs-pages-v1              pages, sitemaps, search index: network first, cached copy offline;
//                              also the offline page of each script (offline/), kept at install
//   yqxs-assets-v1             /assets/ (CSS, JS, images): network first, cached copy offline
//   yqxs-runtime-<version>     /pyodide/<version>/ (Pyodide and the hashed calc wheel): these
//                              never change under their names, so cache first. Filled lazily:
//                              only once a calculator is used. Other versions' caches, and
//                              entries this build no longer ships, are deleted on activate.
// The worker's own Pyodide snapshot cache (yqxs-pyodide-snapshot-*) is not ours: left alone.
//
// Never cached: anything that could carry what the reader typed. Only GET requests of our
// own origin without a query string are handled at all (a POST or a URL with ?... goes to
// the network untouched), and the cache key is the path alone: the URL's #fragment, where a
// share link keeps a plan, is cut off before anything is stored.
//
// A page never visited, opened offline: the worker answers with the offline page of the
// address's script (docs/offline.md, /offline/ or /zh-Hant/offline/), status 503, at the
// address asked for, with a <base> at the offline page's own address so its relative links
// and files resolve as on that page; refreshing once online loads the page asked for.

// hooks/pwa.py writes this line in the built site: the Pyodide version and the runtime's
// files (paths below the site's root).
const BUILD = { pyodide: "", runtime: [] };

const PAGES = "yqxs-pages-v1";
const ASSETS = "yqxs-assets-v1";
const RUNTIME_PREFIX = "yqxs-runtime-";
const RUNTIME = RUNTIME_PREFIX + BUILD.pyodide;
const OURS = [PAGES, ASSETS, RUNTIME];

const ROOT = new URL("./", self.location.href); // the site's root (the scope)
const RUNTIME_URLS = new Set(BUILD.runtime.map((path) => new URL(path, ROOT).href));
// Material's language switcher reads a sitemap beside each script's root.
const SITEMAPS = ["sitemap.xml", "zh-Hant/sitemap.xml"].map((path) => new URL(path, ROOT).href);
// What a navigation gets offline when neither the network nor the cache has the page.
const OFFLINE = { zh: new URL("offline/", ROOT).href, "zh-Hant": new URL("zh-Hant/offline/", ROOT).href };

/** The cache key of a URL we may keep, or null: our origin, under the root, no query. */
function keyOf(href) {
  let url;
  try {
    url = new URL(href, ROOT);
  } catch {
    return null;
  }
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return null;
  if (url.search || url.username || url.password) return null;
  return url.origin + url.pathname; // no #fragment, ever
}

function cacheFor(key) {
  const path = key.slice(ROOT.href.length);
  if (path.startsWith("pyodide/")) return RUNTIME_URLS.has(key) ? RUNTIME : null;
  if (path.startsWith("assets/")) return ASSETS;
  return PAGES;
}

/** Only a whole, plain answer of our own is kept (no redirect, error, opaque or no-store). */
function keepable(response) {
  return Boolean(response && response.ok && response.status === 200 && response.type === "basic"
    && !response.redirected && !/no-store/i.test(response.headers.get("Cache-Control") || ""));
}

async function put(cacheName, key, response) {
  try {
    const cache = await caches.open(cacheName);
    await cache.put(key, response);
  } catch {
    // Quota or a refused Cache Storage: the page still works online.
  }
}

/** The offline page of key's script, at key's address (see the head of this file), or null. */
async function offlinePage(key) {
  const page = key.startsWith(ROOT.href + "zh-Hant/") ? OFFLINE["zh-Hant"] : OFFLINE.zh;
  const hit = await caches.match(page, { cacheName: PAGES, ignoreVary: true });
  if (!hit) return null;
  const html = (await hit.text()).replace(/<head>/i, (head) => `${head}<base href="${page}">`);
  return new Response(html, {
    status: 503,
    statusText: "Offline",
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

async function networkFirst(event, key, cacheName) {
  try {
    // A navigation's request went out while this worker started (navigation preload).
    const response = (await event.preloadResponse) || (await fetch(event.request));
    if (keepable(response)) event.waitUntil(put(cacheName, key, response.clone()));
    return response;
  } catch (err) {
    const hit = await caches.match(key, { cacheName, ignoreVary: true });
    if (hit) return hit;
    const fallback = event.request.mode === "navigate" ? await offlinePage(key) : null;
    if (fallback) return fallback;
    throw err;
  }
}

async function cacheFirst(event, key, cacheName) {
  const hit = await caches.match(key, { cacheName, ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(event.request);
  if (keepable(response)) event.waitUntil(put(cacheName, key, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // A navigation left to the network uses its preload, which must settle meanwhile.
  if (request.mode === "navigate" && event.preloadResponse) event.waitUntil(event.preloadResponse.catch(() => {}));
  if (request.method !== "GET" || request.headers.has("range")) return;
  const key = keyOf(request.url);
  if (!key) return; // another origin, outside the scope, or a query string: not ours to keep
  const cacheName = cacheFor(key);
  if (!cacheName) return; // another runtime version (an old page): straight to the network
  event.respondWith(cacheName === RUNTIME ? cacheFirst(event, key, cacheName)
    : networkFirst(event, key, cacheName));
});

// ------------------------------------------------------------------ what a page tells us

/** Keep what a page loaded before this worker controlled it (its first visit); `fresh`:
 * fetch again what is already kept (the offline pages, at each new worker's install). */
async function keepSeen(urls, fresh = false) {
  const keys = [...new Set((Array.isArray(urls) ? urls : []).map(keyOf).filter(Boolean))];
  await Promise.all(keys.map(async (key) => {
    const cacheName = cacheFor(key);
    if (!cacheName || cacheName === RUNTIME) return;
    if (!fresh && await caches.match(key, { cacheName })) return;
    try {
      const response = await fetch(key); // from the HTTP cache where it is fresh
      if (keepable(response)) await put(cacheName, key, response);
    } catch {
      /* offline again: kept next time */
    }
  }));
}

/** A calculator has answered: keep the runtime files. On a first visit the page's worker
 * downloaded them before this worker controlled it, so they are taken from the HTTP cache
 * (force-cache: no request when it holds them). A browser may not have kept a large file
 * there (the 9.6 MB wasm, in a private window): that one is downloaded again, in the
 * background after the answer, unless the reader asked to save data. */
async function keepRuntime() {
  const cache = await caches.open(RUNTIME);
  const saveData = Boolean(self.navigator.connection && self.navigator.connection.saveData);
  await Promise.all([...RUNTIME_URLS].map(async (key) => {
    if (await cache.match(key)) return;
    try {
      const response = await fetch(key, saveData ? { cache: "only-if-cached", mode: "same-origin" }
        : { cache: "force-cache" });
      if (keepable(response)) await cache.put(key, response);
    } catch {
      /* offline, or not kept: cached when a controlled page asks for it */
    }
  }));
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "seen") event.waitUntil(keepSeen(message.urls));
  else if (message.type === "runtime") event.waitUntil(keepRuntime());
});

// ------------------------------------------------------------------ life cycle

// This version's runtime files are served from its cache by the browser itself, without
// starting this worker or running its JS (the static routing API, where there is one): a warm
// visit's 9.6 MB wasm no longer streams through this worker. A file not in the cache yet
// goes to the network, as without a worker; keepRuntime fills the cache.
function addRuntimeRoute(event) {
  if (typeof event.addRoutes !== "function" || typeof URLPattern === "undefined") return null;
  const pathname = `${ROOT.pathname}pyodide/${BUILD.pyodide}/*`;
  return event.addRoutes({ condition: { urlPattern: new URLPattern({ pathname }) }, source: { cacheName: RUNTIME } })
    .catch(() => {}); // refused: the fetch handler below serves them the same
}

self.addEventListener("install", (event) => {
  const routed = addRuntimeRoute(event); // during the event's dispatch
  event.waitUntil((async () => {
    await routed;
    await keepSeen(SITEMAPS);
    await keepSeen(Object.values(OFFLINE), true); // this build's, whatever an older one kept
    await self.skipWaiting(); // pages are network first and the runtime versioned: safe at once
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      const ours = name.startsWith(RUNTIME_PREFIX) || name.startsWith("yqxs-pages-")
        || name.startsWith("yqxs-assets-");
      if (ours && !OURS.includes(name)) await caches.delete(name);
    }
    // Within this version, drop files this build no longer ships (an older calc wheel).
    const runtime = await caches.open(RUNTIME);
    for (const request of await runtime.keys()) {
      if (!RUNTIME_URLS.has(request.url)) await runtime.delete(request);
    }
    await self.registration.navigationPreload?.enable();
    await self.clients.claim();
  })());
});
