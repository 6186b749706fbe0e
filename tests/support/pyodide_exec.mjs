// Runs a piece of Python in Pyodide (node_modules) started on a given standard library zip
// as the site's worker starts it (stdLibURL, an empty lock), and prints the value of its last
// expression (a string). For tests of the stdlib the site ships (tests/parity).
//
//   node tests/support/pyodide_exec.mjs STDLIB_ZIP < code.py
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const indexURL = path.resolve(here, "../../node_modules/pyodide") + path.sep;
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
const [stdlib] = process.argv.slice(2);
const lock = JSON.parse(readFileSync(path.join(indexURL, "pyodide-lock.json"), "utf-8"));
const pyodide = await loadPyodide({
  indexURL, packages: [], stdLibURL: path.resolve(stdlib),
  lockFileContents: { info: lock.info, packages: {} },
  stdout: () => {}, stderr: (m) => console.error(m),
});
try {
  process.stdout.write(String(pyodide.runPython(readFileSync(0, "utf-8"))));
} catch (err) {
  process.stderr.write(`${err && err.message ? err.message : err}\n`);
  process.exitCode = 1;
}
