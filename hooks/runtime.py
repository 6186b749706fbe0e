"""The Pyodide runtime and the calc wheel, copied into the site under a versioned path.

- The runtime's files (from the pinned npm package) go to /pyodide/<version>/, so the path
  changes with the version and can be cached forever.
- The calc wheel, built into dist/ (or DIST_DIR) by scripts/build, goes beside them as
  calc-<sha256[:12]>.whl (a new wheel is a new URL), repacked with STORED entries (the same
  files, bytes, dates and order): deflated inside, the host's brotli could not shrink it
  (126 KB on the wire); stored, hooks/precompress.py's brotli copy is about 80 KB.
- The trimmed standard library (scripts/trim_stdlib.py: only the modules calc and Pyodide's
  boot import, found by running them, as bytecode compiled by Pyodide's own Python, so a cold
  start compiles no stdlib source; STORED entries, so the host's brotli compresses it,
  2.49 MB -> about 0.57 MB on the wire) goes beside them as python_stdlib-<sha256[:12]>.zip:
  its content can change within one Pyodide version (calc imports something new), so its
  name does. The worker passes it to loadPyodide as stdLibURL. Pyodide's full zip and lock
  stay beside it for anything that starts stock Pyodide from this directory.
- on_config tells the templates all three (config.extra.pyodide_path, .calc_wheel and
  .calc_stdlib, read by overrides/main.html).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

from _common import ROOT, build_state, site_root
from mkdocs.plugins import event_priority

from scripts import trim_stdlib

PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")


def pyodide_version() -> str:
    return json.loads((PYODIDE / "package.json").read_text())["version"]


def runtime_dir() -> str:
    """The runtime's path inside the site, versioned so it can be cached forever."""
    return f"pyodide/{pyodide_version()}/"


def calc_wheel() -> Path:
    """The calc wheel built by `python -m build` into dist/ (scripts/build does that)."""
    dist = Path(os.environ.get("DIST_DIR") or ROOT / "dist")
    wheels = sorted(dist.glob("calc-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise FileNotFoundError("Expected exactly one calc wheel in dist/; run ./scripts/build.")
    return wheels[0]


def stored(wheel: bytes) -> bytes:
    """The same zip with every entry STORED (uncompressed), each entry's name, date,
    attributes and order kept, so the same wheel always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wheel)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.external_attr, copy.create_system = info.external_attr, info.create_system
            copy.compress_type = zipfile.ZIP_STORED
            target.writestr(copy, source.read(info))
    return out.getvalue()


def site_wheel(config) -> tuple[str, bytes]:
    """The wheel's file name in the site (its content hash: a new wheel is a new URL) and
    its bytes (stored), made once a build."""
    def make():
        data = stored(calc_wheel().read_bytes())
        return f"calc-{hashlib.sha256(data).hexdigest()[:12]}.whl", data
    return build_state(config, "site_wheel", make)


def stdlib_zip(config) -> tuple[str, bytes]:
    """The trimmed stdlib's file name (with its content hash) and bytes, made once a build."""
    def make():
        data = trim_stdlib.cached_trimmed_zip(calc_wheel())
        return f"python_stdlib-{hashlib.sha256(data).hexdigest()[:12]}.zip", data
    return build_state(config, "stdlib_zip", make)


def copy_runtime(site: Path, wheel: tuple[str, bytes], stdlib: tuple[str, bytes]) -> None:
    target = site / runtime_dir()
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        (target / name).write_bytes((PYODIDE / name).read_bytes())
    for name, data in (wheel, stdlib):
        (target / name).write_bytes(data)


def on_config(config):
    config.extra["pyodide_path"] = runtime_dir()
    config.extra["calc_wheel"] = site_wheel(config)[0]
    config.extra["calc_stdlib"] = stdlib_zip(config)[0]
    return config


@event_priority(-200)
def on_post_build(config):
    copy_runtime(site_root(config), site_wheel(config), stdlib_zip(config))
