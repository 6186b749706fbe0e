// Which files of Pyodide's python_stdlib.zip calc and Pyodide's own boot import, found by
// running them: hooks/runtime.py writes the trimmed stdlib from this list.
//
//   node scripts/trim_stdlib.mjs PYODIDE_DIR WHEEL < plan.json > files.json
//
// plan.json: {"imports": ["json", ...], "vectors": [{"name", "params", "lang"}, ...]}
//   imports: the modules the worker's own Python imports (read from worker.js by the hook)
//   vectors: every calculator's worked example and hostile inputs (built by the hook)
// stdout: the sorted list of the zip's entry names that were imported (module files, with
// every package's __init__.py), as JSON.
//
// Pyodide starts as the worker starts it (packages: [], an empty lock, a snapshot armed),
// the wheel is unpacked with unpackArchive as the worker does, every vector runs through
// calc.api.run, a memory snapshot is taken, and then sys.modules is read: every module
// whose file lies in the stdlib zip is kept. No network.
import { readFileSync } from "node:fs";
import path from "node:path";

const [pyodideDir, wheel] = process.argv.slice(2);
if (!pyodideDir || !wheel) {
  console.error("usage: node trim_stdlib.mjs PYODIDE_DIR WHEEL < plan.json");
  process.exit(2);
}
const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
const plan = JSON.parse(readFileSync(0, "utf-8"));
const lock = JSON.parse(readFileSync(path.join(indexURL, "pyodide-lock.json"), "utf-8"));

const pyodide = await loadPyodide({
  indexURL,
  packages: [],
  lockFileContents: { info: lock.info, packages: {} },
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (m) => console.error(m),
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.globals.set("_trim_plan", JSON.stringify(plan));
pyodide.runPython(`
import importlib, json
_plan = json.loads(_trim_plan)
for _name in _plan["imports"]:
    importlib.import_module(_name)
import calc.api
for _v in _plan["vectors"]:
    calc.api.run(_v["name"], _v["params"], _v["lang"])
`);
pyodide.makeMemorySnapshot();
const files = pyodide.runPython(`
import sys, json
_zip = next(p for p in sys.path if p.endswith(".zip")) + "/"
_files = set()
for _m in list(sys.modules.values()):
    _f = getattr(_m, "__file__", None) or ""
    if _f.startswith(_zip):
        _rel = _f[len(_zip):]
        _files.add(_rel)
        # every package above a module: its __init__.py
        _parts = _rel.split("/")[:-1]
        for _i in range(1, len(_parts) + 1):
            _files.add("/".join(_parts[:_i]) + "/__init__.py")
json.dumps(sorted(_files))
`);
process.stdout.write(files);
