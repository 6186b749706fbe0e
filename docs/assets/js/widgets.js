// The widget runtime: one module for every page that has a calculator (overrides/main.html
// loads it, as an async module in the <head>, only on those pages). It knows nothing about
// finance and keeps no list of calculators: the page says which widgets it has
// ([data-widget], form[data-calc=NAME], both written by hooks/widgets.py from
// calc/api/registry.py), calc.api.run (Python, in a Web Worker) computes, and the answer is
// written into the page. Every number shown was computed and formatted in Python.
//
// The parts, as Pyodide's webworker.md separates them (the worker, a small client that tags
// requests with ids, its consumers):
//   worker.js               Pyodide + the calc wheel behind an id-tagged protocol
//   runtime/client.js       the one place that talks to the worker (started first, below)
//   runtime/form.js         reading a form; rows, conditions, today's date
//   runtime/render.js       outputs, tables, lists
//   runtime/charts.js       every chart (the only chart geometry of the site)
//   runtime/status.js       the loading steps and the retry button
//   runtime/storage.js      the opt-in "remember my input"
//   runtime/calculator.js   one calculator form; dispatches "yqxs:result" after every answer
//   lib/mount.js            the one mount loop over every [data-widget] (tools use it too)
//   lib/common.js, lib/fields.js  the small library shared with the tools' modules
//
// The one extension point is the "yqxs:result" event (see runtime/calculator.js). For tests,
// benchmarks and the console the same API is window.YQXS (also this module's default export):
//   run(name, params, lang?)  state()  onState(fn)  ready  startedFrom()  retry()
//   readForm(form)  recompute(form)  lastAnswer(form)  onResult(form, fn)  lang(el)

import * as client from "./runtime/client.js"; // first: starts the worker at once
import { lang, lastAnswer, mountCalculator, onResult, recompute } from "./runtime/calculator.js";
import { readForm } from "./runtime/form.js";
import { onWidget } from "./lib/mount.js";

const api = Object.freeze({
  run: client.run,
  ready: client.ready,
  state: client.state,
  startedFrom: client.startedFrom,
  onState: client.onState,
  retry: client.retry,
  readForm,
  recompute,
  lastAnswer,
  onResult,
  lang,
});

window.YQXS = api;
export default api;

// Every widget that holds a calculator form, whatever its name.
const calculatorsIn = (root) => (root.matches("form[data-calc]") ? [root] : [...root.querySelectorAll("form[data-calc]")]);
onWidget((root) => calculatorsIn(root).length > 0, (root) => calculatorsIn(root).forEach(mountCalculator));
