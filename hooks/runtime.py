"""The Pyodide runtime and the calc wheel, copied into the site under a versioned path.

- The runtime's files (from the pinned npm package) go to /pyodide/<version>/, so the path
  changes with the version and can be cached forever.
- The calc wheel, built into dist/ (or DIST_DIR) by scripts/build, goes beside them as
  calc-<sha256[:12]>.whl: a new wheel is a new URL.
- on_config tells the templates both (config.extra.pyodide_path and .calc_wheel, read by
  overrides/main.html).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from _common import ROOT, site_root
from mkdocs.plugins import event_priority

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


def wheel_url_name() -> str:
    """The wheel's file name in the site, with its content hash, so a new wheel is a new URL."""
    digest = hashlib.sha256(calc_wheel().read_bytes()).hexdigest()[:12]
    return f"calc-{digest}.whl"


def copy_runtime(site: Path) -> None:
    target = site / runtime_dir()
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        (target / name).write_bytes((PYODIDE / name).read_bytes())
    (target / wheel_url_name()).write_bytes(calc_wheel().read_bytes())


def on_config(config):
    config.extra["pyodide_path"] = runtime_dir()
    config.extra["calc_wheel"] = wheel_url_name()
    return config


@event_priority(-200)
def on_post_build(config):
    copy_runtime(site_root(config))
