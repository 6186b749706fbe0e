// Runs calc.api.run inside Pyodide (the npm runtime in node_modules, the same one the site
// ships) for a list of vectors, so tests/test_parity.py can compare it with CPython.
//
//   node tests/support/pyodide_runner.mjs WHEEL [STDLIB_ZIP] < vectors.json > results.json
//
// With STDLIB_ZIP, Pyodide starts as the site's worker starts it: that zip as its standard
// library (stdLibURL, the trimmed one the build writes) and an empty lock (lockFileContents).
//
// stdin: [{"name", "params", "lang"}, ...]; stdout: a JSON list of strings, each
// json.dumps(calc.api.run(name, params, lang), ensure_ascii=False, sort_keys=True).
// One Pyodide start for all vectors (the start is the slow part). No network: the runtime
// is loaded from node_modules with `packages: []`, and the wheel from the path given.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const indexURL = path.resolve(here, "../../node_modules/pyodide") + path.sep;
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));

const [wheel, stdlib] = process.argv.slice(2);
if (!wheel) {
  console.error("usage: node pyodide_runner.mjs WHEEL < vectors.json");
  process.exit(2);
}
const vectors = JSON.parse(readFileSync(0, "utf-8"));
const options = { indexURL, packages: [], stdout: () => {}, stderr: (m) => console.error(m) };
if (stdlib) {
  const lock = JSON.parse(readFileSync(path.join(indexURL, "pyodide-lock.json"), "utf-8"));
  Object.assign(options, { stdLibURL: path.resolve(stdlib), lockFileContents: { info: lock.info, packages: {} } });
}
const pyodide = await loadPyodide(options);
// A Python error is reported by its message alone (node's own report of an uncaught error
// prints the minified runtime's whole first line, and the pipe may be cut before the end).
process.on("uncaughtException", (err) => {
  process.stderr.write(`${err && err.message ? err.message : err}\n`);
  process.exitCode = 1;
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.runPython(`
import json
import calc.api

def _parity_run(vectors_json):
    out = []
    for v in json.loads(vectors_json):
        out.append(json.dumps(calc.api.run(v["name"], v["params"], v["lang"]), ensure_ascii=False, sort_keys=True))
    return json.dumps(out, ensure_ascii=False)
`);
const run = pyodide.globals.get("_parity_run");
process.stdout.write(run(JSON.stringify(vectors)));
