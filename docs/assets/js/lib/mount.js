// The one mount loop of the site (Material's custom.ts pattern): every widget the build
// wrote is an element with data-widget="NAME" (hooks/widgets.py and overrides/widgets/
// NAME.html; the names come from calc/api/registry.py). A module says which widgets it sets
// up with onWidget(); the loop runs each setup once per element, now, when the document is
// parsed, and each time Material's document$ emits (instant navigation), so a module that
// loads late and a page that is swapped in are both covered.
//
//   onWidget(name, setup)     setup(root) for every [data-widget=name]
//   onWidget(match, setup)    match(root) -> boolean chooses the widgets (the runtime mounts
//                             every widget that holds a form[data-calc], whatever its name)
//
// The widget names are not listed here or anywhere in the JavaScript: the page says which
// widgets it has, and each module says what it does for one of them.

const handlers = [];
const mounted = new WeakMap(); // widget element -> Set of handlers already run on it

function mountAll() {
  for (const root of document.querySelectorAll("[data-widget]")) {
    let done = mounted.get(root);
    if (!done) mounted.set(root, (done = new Set()));
    for (const handler of handlers) {
      if (done.has(handler) || !handler.match(root)) continue;
      done.add(handler);
      try {
        handler.setup(root);
      } catch (err) {
        console.error(`widget ${root.dataset.widget}:`, err);
      }
    }
  }
}

let listening = false;
let subscribed = false;

function followNavigation() {
  // Material's bundle (a classic script at the end of the body) defines document$; it has
  // run by the time the document is parsed.
  const doc$ = window.document$;
  if (subscribed || !doc$ || typeof doc$.subscribe !== "function") return;
  subscribed = true;
  doc$.subscribe(() => mountAll());
}

function listen() {
  if (listening) return;
  listening = true;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => {
      mountAll();
      followNavigation();
    }, { once: true });
  } else {
    followNavigation();
  }
}

/** Run setup(root) once for every widget that `what` names (a widget name or a predicate). */
export function onWidget(what, setup) {
  const match = typeof what === "function" ? what : (root) => root.dataset.widget === what;
  handlers.push({ match, setup });
  listen();
  if (document.readyState !== "loading") mountAll();
}
