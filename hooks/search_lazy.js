/* The search index only when the reader opens search (issue 13), appended to Material's
   bundle by hooks/search.py, which also points the bundle's index$ at this gate (a promise
   that calls __searchIndex a microtask after the bundle has run).

   Material requests search/search_index.json (580 KB, 143 KB gzipped) and parses it on the
   main thread on every page load, where on a tool page it competes with the Pyodide runtime
   for the network and the CPU. Here the index is a promise that starts Material's own
   request (fetchIndex, unchanged: the file:// fallback included) the first time the reader
   opens search: the search toggle turns on (the header's search button, a label), the query
   box gets focus (a tap, Tab, or Material's keyboard shortcuts f, s and /, which focus it),
   or the address asks for search at once (?q= deep link, ?h= highlighting). Until the index
   is there Material's own "initialising" state shows; the reader's query is answered as soon
   as it is ready (Material keeps the latest query). The search worker itself is still
   created at load (a small script on its own thread, idle without an index). */
(function () {
  "use strict";
  self.__searchIndex = function (fetchIndex) {
    return new Promise(function (resolve, reject) {
      var toggle = document.querySelector("[data-md-toggle=search]");
      var query = document.querySelector("[data-md-component=search-query]");
      var started = false;
      function open() {
        if (started) return;
        started = true;
        if (toggle) toggle.removeEventListener("change", onToggle);
        if (query) query.removeEventListener("focus", open);
        fetchIndex().subscribe({ next: resolve, error: reject });
      }
      function onToggle() {
        if (toggle.checked) open();
      }
      var params = new URL(location.href).searchParams;
      if (params.has("q") || params.has("h") || (toggle && toggle.checked)
          || (query && document.activeElement === query)) {
        open();
        return;
      }
      if (toggle) toggle.addEventListener("change", onToggle);
      if (query) query.addEventListener("focus", open);
      if (!toggle && !query) open(); // a template without Material's search parts: as before
    });
  };
})();
