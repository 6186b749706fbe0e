"""The trimmed Python standard library the site ships instead of Pyodide's python_stdlib.zip.

Pyodide's zip holds the whole stdlib (614 files), deflated inside, so HTTP compression gains
nothing on it (2.49 MB on the wire). The site needs only what calc and Pyodide's own boot
import. Which files those are is found by running them, not written down by hand:
scripts/trim_stdlib.mjs starts Pyodide under node with the full zip the way the worker does
(no packages, an empty lock, the wheel unpacked with unpackArchive, a memory snapshot taken),
imports what the worker's own Python imports (read from docs/assets/js), runs every
calculator's worked example in both scripts and hostile inputs for every field (so error paths
import what they need), and lists the stdlib files in sys.modules.

Each listed module ships as bytecode, not source (`x.pyc` in place of `x.py`): compiling 3 MB of
stdlib source was about two seconds of every cold start (1.0 s instead of 3.1 s to a started
Pyodide under node on this machine). The same node run compiles them with Pyodide's own
Python, so the bytecode is the worker's; optimize=2 (docstrings and asserts dropped, as
`python -OO`) and a line table that gives each instruction its function's first line keep it
small: 0.56 MB brotli against 0.57 MB for the sources (full line tables: 0.88 MB).

The zip written from that list has STORED (uncompressed) entries, so the host's brotli or gzip
does the compressing, sorted names and one fixed timestamp, and the compiling run has a fixed
hash seed, so the same inputs give the same bytes: its name carries its content hash
(hooks/runtime.py) and can be cached forever.

    .venv/bin/python -m scripts.trim_stdlib WHEEL OUT.zip   # writes it, prints size and files
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
TRACER = ROOT / "scripts" / "trim_stdlib.mjs"
JS = ROOT / "docs" / "assets" / "js"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: no build time in the bytes

# A line of Python inside the worker's JS template strings that imports something. A JS
# import (`import { x } from "y";`) has braces or quotes and never matches.
PY_IMPORT = re.compile(r"^\s*(?:import ([\w.]+(?:\s*,\s*[\w.]+)*)|from ([\w.]+) import [\w, ]+)\s*$", re.M)

# Values that every field is given once, in place of its example's value: what a reader can
# type (blank, words, negative, huge, full-width, a list where one value is expected) and
# what a broken page could send (numbers, None, nested lists).
HOSTILE = ["", "abc", "-1", "0", "1e400", "NaN", "９９９９亿", "2026-02-30", "3.5万元", None, 7,
           ["1", "x"], [["1"]]]


def worker_imports(js_dir: Path = JS) -> list[str]:
    """The modules the worker's Python imports (`import json`, `from x import y` lines)."""
    found = set()
    for path in sorted(js_dir.rglob("*.js")):
        for match in PY_IMPORT.finditer(path.read_text(encoding="utf-8")):
            if match.group(1):
                found.update(n.strip() for n in match.group(1).split(","))
            else:
                found.add(match.group(2))
    return sorted(found)


def vectors() -> list[dict]:
    """Every calculator's worked example in both scripts, then each field of it set to each
    hostile value, then calls that are wrong as a whole (unknown name, params not a dict)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from calc import api
    from calc.api import registry

    out = []
    for lang in ("zh", "zh-Hant"):
        for name in registry.CALCULATORS:
            example = api.example(name, lang)
            out.append({"name": name, "params": example, "lang": lang})
            out.append({"name": name, "params": {}, "lang": lang})
            for field in example:
                for bad in HOSTILE:
                    out.append({"name": name, "params": {**example, field: bad}, "lang": lang})
    out += [{"name": "nope", "params": {}, "lang": "zh"},
            {"name": registry.CALCULATORS[0], "params": ["x"], "lang": "xx"},
            {"name": 5, "params": None, "lang": None}]
    return out


def plan() -> dict:
    return {"imports": worker_imports(), "vectors": vectors()}


def trace(wheel: Path, pyodide_dir: Path = PYODIDE) -> dict:
    """What the worker's start and every vector imported from the stdlib zip, compiled:
    {"files": [entry names], "compiled": {entry name: base64 of its .pyc}}."""
    run = subprocess.run(["node", str(TRACER), str(pyodide_dir), str(wheel)],
                         input=json.dumps(plan(), ensure_ascii=False), capture_output=True,
                         text=True, timeout=600, cwd=ROOT)
    if run.returncode != 0:
        raise RuntimeError(f"trim_stdlib.mjs failed:\n{run.stderr[-4000:]}")
    return json.loads(run.stdout)


def shipped_name(entry: str) -> str:
    """The name a traced stdlib file has in the trimmed zip: its bytecode, x.py -> x.pyc."""
    return entry + "c" if entry.endswith(".py") else entry


def trimmed_zip(traced: dict, full: Path = PYODIDE / "python_stdlib.zip") -> bytes:
    """A zip of the traced entries of the full stdlib, each .py as its compiled .pyc, STORED,
    sorted, with one fixed time."""
    files, compiled = traced["files"], traced["compiled"]
    out = io.BytesIO()
    with zipfile.ZipFile(full) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        have = set(src.namelist())
        missing = [f for f in files if f not in have or (f.endswith(".py") and f not in compiled)]
        if missing:
            raise RuntimeError(f"traced files not in {full.name} or not compiled: {missing[:5]}")
        content = {shipped_name(f): (base64.b64decode(compiled[f]) if f.endswith(".py") else src.read(f))
                   for f in files}
        dirs = {f[: i + 1] for f in content for i, c in enumerate(f) if c == "/"}
        for name in sorted(set(content) | dirs):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.external_attr = (0o40755 << 16) | 0x10 if name.endswith("/") else 0o100644 << 16
            info.create_system = 3  # unix, so the attributes above mean the same everywhere
            dst.writestr(info, b"" if name.endswith("/") else content[name])
    return out.getvalue()


def inputs_key(wheel: Path, pyodide_dir: Path = PYODIDE) -> str:
    """A hash of everything the trimmed zip depends on: a cache key for builds."""
    h = hashlib.sha256()
    for part in (wheel.read_bytes(), (pyodide_dir / "python_stdlib.zip").read_bytes(),
                 (pyodide_dir / "package.json").read_bytes(), TRACER.read_bytes(),
                 Path(__file__).read_bytes(), json.dumps(plan(), sort_keys=True).encode()):
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def cached_trimmed_zip(wheel: Path) -> bytes:
    """trimmed_zip(trace(wheel)), through $YQXS_CACHE or ~/.cache/yqxs/stdlib (a
    cache only: a missing or broken one costs one node run, about 10 s)."""
    root = Path(os.environ.get("YQXS_CACHE") or Path.home() / ".cache" / "yqxs") / "stdlib"
    path = root / f"{inputs_key(wheel)}.zip"
    try:
        data = path.read_bytes()
        if zipfile.ZipFile(io.BytesIO(data)).testzip() is None:
            return data
    except (OSError, zipfile.BadZipFile):
        pass
    data = trimmed_zip(trace(wheel))
    try:
        root.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass
    return data


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    wheel, out = Path(argv[0]), Path(argv[1])
    data = trimmed_zip(trace(wheel))
    out.write_bytes(data)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    print(f"{out}: {len(data)} bytes, {len(names)} entries, sha256 {hashlib.sha256(data).hexdigest()[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
