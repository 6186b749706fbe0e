"""The trimmed standard library the site ships (scripts/trim_stdlib.py, written by
hooks/runtime.py as pyodide/<version>/python_stdlib-<hash>.zip) is enough: every calculator's
worked example, the parity vectors and the trimmer's hostile inputs give in Pyodide, started
on that zip with an empty lock as the worker starts it, the same JSON as on Pyodide's full
stdlib (which test_parity.py holds equal to CPython). It is
deterministic (a fresh trace gives the same bytes), STORED, named by its content, and a zip
missing one module calc needs fails the run (so the run really uses the trimmed zip)."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from scripts import trim_stdlib

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "support" / "pyodide_runner.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide"

_PARITY = Path(__file__).with_name("test_parity.py")
_spec = importlib.util.spec_from_file_location("yqxs_parity_vectors", _PARITY)
parity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(parity)


def the_wheel() -> Path:
    wheels = sorted(Path(os.environ.get("DIST_DIR") or ROOT / "dist").glob("calc-*-py3-none-any.whl"))
    assert len(wheels) == 1, f"expected one calc wheel in dist/, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def shipped_stdlib(built_site) -> Path:
    version = json.loads((PYODIDE / "package.json").read_text())["version"]
    found = sorted((built_site / "pyodide" / version).glob("python_stdlib-*.zip"))
    assert len(found) == 1, found
    return found[0]


def run_in_pyodide(vectors: list[dict], stdlib: Path | None) -> subprocess.CompletedProcess:
    """The parity runner on the built wheel: on ``stdlib`` with an empty lock as the worker
    starts it, or (None) on Pyodide's full stdlib and lock."""
    args = ["node", str(RUNNER), str(the_wheel())] + ([str(stdlib)] if stdlib else [])
    return subprocess.run(args, input=json.dumps(vectors, ensure_ascii=False), capture_output=True,
                          text=True, timeout=600, cwd=ROOT)


def all_vectors() -> list[dict]:
    """The parity vectors (examples and edge cases, both scripts) and the trimmer's own."""
    return parity.vectors() + trim_stdlib.vectors()


def test_every_calculator_and_parity_vector_runs_on_the_trimmed_stdlib(shipped_stdlib):
    # Against Pyodide on its full stdlib, same wheel: only the stdlib differs, so any
    # difference is the trimming's (test_parity.py compares that run with CPython). A module
    # missing from the zip would end in calc's catch-all error on the trimmed side only.
    vectors = all_vectors()
    assert {v["name"] for v in vectors} >= set(parity.registry.CALCULATORS)
    trimmed, full = run_in_pyodide(vectors, shipped_stdlib), run_in_pyodide(vectors, None)
    assert trimmed.returncode == 0, trimmed.stderr[-3000:]
    assert full.returncode == 0, full.stderr[-3000:]
    got, want = json.loads(trimmed.stdout), json.loads(full.stdout)
    assert len(got) == len(want) == len(vectors)
    mismatches = [(v["name"], v["lang"], v["params"]) for v, g, w in zip(vectors, got, want, strict=True)
                  if g != w]
    assert mismatches == [], f"{len(mismatches)} vectors differ, first: {mismatches[:3]}"
    assert sum('"ok": true' in g for g in got) >= 2 * len(parity.registry.CALCULATORS)


def test_a_stdlib_missing_a_module_calc_needs_fails_the_run(shipped_stdlib, tmp_path):
    broken = tmp_path / "no-decimal.zip"
    with zipfile.ZipFile(shipped_stdlib) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if info.filename != "decimal.pyc":
                dst.writestr(info, src.read(info.filename))
    proc = run_in_pyodide(parity.vectors()[:1], broken)
    assert proc.returncode != 0
    assert "No module named 'decimal'" in proc.stderr, proc.stderr[-1500:]


def test_the_trimmed_stdlib_is_stored_sorted_timeless_and_named_by_content(shipped_stdlib):
    data = shipped_stdlib.read_bytes()
    assert shipped_stdlib.name == f"python_stdlib-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
    assert {i.date_time for i in infos} == {trim_stdlib.FIXED_TIME}
    full = zipfile.ZipFile(PYODIDE / "python_stdlib.zip").namelist()
    assert len(names) < len(full) / 2, "the trimmed zip holds most of the stdlib"
    for needed in ("decimal.pyc", "json/__init__.pyc", "_pyodide/__init__.pyc",
                   "pyodide/_package_loader.pyc"):
        assert needed in names
    # Bytecode only: no source beside it (zipimport would then check the pyc against it).
    assert not [n for n in names if n.endswith(".py")]


def test_a_fresh_trace_gives_the_same_bytes(shipped_stdlib):
    # The build may have come from the cache; this traces again, bypassing it.
    assert trim_stdlib.trimmed_zip(trim_stdlib.trace(the_wheel())) == shipped_stdlib.read_bytes()


def test_the_worker_s_empty_lock_matches_the_pinned_pyodide():
    worker = (ROOT / "docs" / "assets" / "js" / "worker.js").read_text(encoding="utf-8")
    block = re.search(r"const EMPTY_LOCK = (\{.*?\n\});", worker, re.S).group(1)
    as_json = re.sub(r"(\w+):", r'"\1":', block.replace("\n", " ")).replace(", }", "}")
    lock = json.loads(re.sub(r",\s*}", "}", as_json))
    pinned = json.loads((PYODIDE / "pyodide-lock.json").read_text())
    assert lock["version"] == json.loads((PYODIDE / "package.json").read_text())["version"]
    assert lock["info"] == pinned["info"]
    assert lock["packages"] == {}


def test_the_worker_s_python_imports_are_traced():
    # The worker's own Python (PY_SETUP) is read by the trimmer, so its imports are in the zip.
    assert {"json", "calc.api"} <= set(trim_stdlib.worker_imports())


# What the bytecode's coarse line table (every instruction at its function's first line, see
# scripts/trim_stdlib.mjs) must still allow: formatting a traceback through stdlib frames
# (an empty table broke it: StopIteration in traceback._get_code_position), warnings and
# logging, which read the caller's line, and the docstring-free (-OO) stdlib's introspection.
INTROSPECTION = '''
import dataclasses, inspect, json, logging, traceback, warnings
out = {}
try:
    json.loads("x")
except ValueError:
    out["traceback"] = traceback.format_exc()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("w", stacklevel=2)
out["warning_line"] = caught[0].lineno
logging.getLogger("yqxs").warning("logged")
@dataclasses.dataclass
class Point:
    x: int
out["dataclass_doc"] = Point.__doc__
out["signature"] = str(inspect.signature(json.dumps)).startswith("(obj, *, skipkeys=False")
json.dumps(out)
'''


def test_tracebacks_warnings_and_introspection_work_on_the_compiled_stdlib(shipped_stdlib):
    proc = subprocess.run(["node", str(ROOT / "tests" / "support" / "pyodide_exec.mjs"), str(shipped_stdlib)],
                          input=INTROSPECTION, capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    # The stdlib frames name their file and function, at the function's first line.
    assert 'json/__init__.py", line ' in out["traceback"] and ", in loads" in out["traceback"]
    assert "JSONDecodeError: Expecting value" in out["traceback"]
    assert isinstance(out["warning_line"], int) and out["warning_line"] > 0
    assert out["dataclass_doc"] == "Point(x: int)"
    assert out["signature"] is True
