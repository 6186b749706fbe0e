// Registers the site's service worker (sw.js at the site's root: offline after one visit,
// issue 13) on every page, once the page has loaded, so it never competes with the page.
// On a tool page (its runtime starts at once: data-start="now") not before the runtime is
// there: after the first answer, a second after Python is ready, or when it failed, so the
// worker's install (its script, the sitemaps, the offline pages) and its first requests take
// neither the link nor a core from the runtime's downloads and boot.
// Where there are no service workers (iOS WeChat's WKWebView, some private modes) it does
// nothing and the site works as before, online.
//
// It tells the worker two things, never anything the reader typed:
// - on a page loaded before the worker controlled it (the first visit), the addresses of
//   that page and of the files it loaded, without query or #fragment, so that this very
//   page opens offline next time;
// - after a calculator's first answer ("yqxs:result"), that the runtime was used, so the
//   worker keeps the runtime files that page downloaded.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  var root = new URL("../../", document.currentScript.src); // assets/js/ -> the site's root
  var controlled = Boolean(navigator.serviceWorker.controller);

  function plain(href) {
    var url = new URL(href, location.href);
    if (url.origin !== location.origin || url.search) return null;
    return url.origin + url.pathname;
  }

  function seen() {
    var urls = [plain(location.href)];
    (performance.getEntriesByType ? performance.getEntriesByType("resource") : []).forEach(function (e) {
      urls.push(plain(e.name));
    });
    return urls.filter(Boolean);
  }

  function tell(message) {
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage(message);
    });
  }

  document.addEventListener("yqxs:result", function () {
    tell({ type: "runtime" });
  }, { once: true });

  function register() {
    navigator.serviceWorker.register(new URL("sw.js", root).href).then(function () {
      if (!controlled) tell({ type: "seen", urls: seen() });
    }, function () {
      /* refused (an insecure origin, a blocked worker): the site works without it */
    });
  }

  var registered = false;
  function once() {
    if (!registered) register();
    registered = true;
  }

  function afterLoad() {
    var runtime = document.getElementById("widget-runtime");
    var api = window.YQXS;
    if (!runtime || runtime.dataset.start !== "now" || !api || !api.onState) return once();
    document.addEventListener("yqxs:result", once, { once: true });
    api.onState(function (state) {
      if (state === "failed") once();
      else if (state === "ready") setTimeout(once, 1000);
    });
  }

  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad, { once: true });
})();
