// Runs calc.api.run inside Pyodide (the npm runtime in node_modules, the same one the site
// ships) for a list of vectors, so tests/test_parity.py can compare it with CPython.
//
//   node tests/support/pyodide_runner.mjs WHEEL < vectors.json > results.json
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

const wheel = process.argv[2];
if (!wheel) {
  console.error("usage: node pyodide_runner.mjs WHEEL < vectors.json");
  process.exit(2);
}
const vectors = JSON.parse(readFileSync(0, "utf-8"));
const pyodide = await loadPyodide({ indexURL, packages: [], stdout: () => {}, stderr: (m) => console.error(m) });
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
