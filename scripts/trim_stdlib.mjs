// Which files of Pyodide's python_stdlib.zip calc and Pyodide's own boot import, found by
// running them: hooks/runtime.py writes the trimmed stdlib from this list.
//
//   node scripts/trim_stdlib.mjs PYODIDE_DIR WHEEL < plan.json > files.json
//
// plan.json: {"imports": ["json", ...], "vectors": [{"name", "params", "lang"}, ...]}
//   imports: the modules the worker's own Python imports (read from worker.js by the hook)
//   vectors: every calculator's worked example and hostile inputs (built by the hook)
// stdout: JSON {"files": [...], "compiled": {name: base64}}: the sorted list of the zip's
// entry names that were imported (module files, with every package's __init__.py), and each
// of them compiled to bytecode by this same Python (see COMPILE below).
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
  env: { PYTHONHASHSEED: "0" }, // the same bytes on every run (set constants' order)
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
// COMPILE: each traced file as the .pyc the site ships in its place (issue 13: compiling
// 3 MB of stdlib source was about 2 s of every cold start). Compiled by this Pyodide's own
// Python (its magic number and bytecode are the worker's), with optimize=2 (docstrings and
// asserts dropped, as `python -OO` does) and a line table that gives every instruction its
// function's first line (tracebacks through the stdlib name the function, not the line):
// brotli then makes it slightly smaller than the source, where full line tables made it 1.5x.
// An unchecked, timestamp-0 pyc: with no .py beside it in the zip, zipimport never looks
// for a source to compare.
pyodide.globals.set("_trim_files", files);
const compiled = pyodide.runPython(`
import base64, json, sys, zipfile
import importlib._bootstrap_external as _be
_zip = next(p for p in sys.path if p.endswith(".zip"))

def _coarse(code):
    units = len(code.co_code) // 2
    table = bytearray()
    while units > 0:  # entries of up to 8 code units: "no columns", line delta 0
        n = min(units, 8)
        table += bytes([0x80 | (13 << 3) | (n - 1), 0])
        units -= n
    consts = tuple(_coarse(c) if hasattr(c, "co_code") else c for c in code.co_consts)
    return code.replace(co_linetable=bytes(table), co_consts=consts)

_out = {}
with zipfile.ZipFile(_zip) as _src:
    for _name in json.loads(_trim_files):
        _code = compile(_src.read(_name), f"{_zip}/{_name}", "exec", dont_inherit=True, optimize=2)
        _out[_name] = base64.b64encode(_be._code_to_timestamp_pyc(_coarse(_code), 0, 0)).decode()
json.dumps(_out)
`);
process.stdout.write(`{"files": ${files}, "compiled": ${compiled}}`);
