#!/usr/bin/env python3
"""Time the whole test suite (issue 14: at most 4 minutes on this 2-core machine) and print
where its time goes.

Run: .venv/bin/python scripts/bench_suite.py [pytest arguments…]

It runs ./scripts/test exactly as CI does (setup, ruff, pytest with two xdist workers), with
this module loaded as a pytest plugin (`-p scripts.bench_suite`) that records when each test
ran and in which worker. It prints the wall time of the whole command and of pytest, each
worker's busy time, the worker-seconds of each layer (tests/<layer>/) and the slowest test
files, and whether the goal holds. A benchmark, not a test: run it on a quiet machine and
say the load it ran under (it prints the load average before and after).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS = 240  # the whole suite, on this 2-core machine, quiet (issue 14)
TIMES_DIR = "YQXS_SUITE_TIMES"  # where the plugin writes its records (one file per process)


# ---------------------------------------------------------------- the pytest plugin

def _worker(config) -> str:
    """This process's xdist worker id ("gw0", …), or "main" (the controller, or no xdist)."""
    return getattr(config, "workerinput", {}).get("workerid", "main")


def _out(config) -> Path | None:
    folder = os.environ.get(TIMES_DIR)
    return Path(folder) / f"{_worker(config)}.jsonl" if folder else None


def _write(config, record: dict) -> None:
    path = _out(config)
    if path is not None:
        with path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controller (or a run without xdist)
        _write(session.config, {"session": "start", "at": time.time()})


def pytest_sessionfinish(session, exitstatus):
    if not hasattr(session.config, "workerinput"):
        _write(session.config, {"session": "finish", "at": time.time(), "exit": int(exitstatus)})


def _layer(item) -> str:
    parts = Path(str(item.path)).resolve().relative_to(ROOT / "tests").parts
    return parts[0] if len(parts) > 1 else "-"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Runs where the test runs (a worker, or the only process): its setup, call and
    teardown, timed together."""
    start = time.time()
    yield
    _write(item.config, {"test": item.nodeid, "file": item.nodeid.split("::")[0],
                         "layer": _layer(item), "start": start, "end": time.time(),
                         "worker": _worker(item.config)})


# ---------------------------------------------------------------- the report

def read_records(folder: Path) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return records


def summarise(records: list[dict], wall: float, whole: bool = True) -> dict:
    """What the report prints, from the plugin's records and the command's wall time (the
    goal is judged only for the whole suite, `whole`: no pytest arguments)."""
    tests = [r for r in records if "test" in r]
    marks = {r["session"]: r for r in records if "session" in r}
    pytest_s = marks["finish"]["at"] - marks["start"]["at"] if {"start", "finish"} <= marks.keys() else None
    workers, layers, files = defaultdict(float), defaultdict(float), defaultdict(float)
    spans: dict[str, list[float]] = {}
    for r in tests:
        took = r["end"] - r["start"]
        workers[r["worker"]] += took
        layers[r["layer"]] += took
        files[r["file"]] += took
        span = spans.setdefault(r["worker"], [r["start"], r["end"]])
        span[0], span[1] = min(span[0], r["start"]), max(span[1], r["end"])
    return {
        "tests": len(tests),
        "wall": wall,
        "pytest": pytest_s,
        "exit": marks.get("finish", {}).get("exit"),
        "workers": {w: {"busy": workers[w], "span": spans[w][1] - spans[w][0]} for w in sorted(workers)},
        "layers": dict(sorted(layers.items(), key=lambda kv: -kv[1])),
        "files": dict(sorted(files.items(), key=lambda kv: -kv[1])),
        "goal_met": (wall <= GOAL_SECONDS) if whole else None,
    }


def minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {seconds % 60:.0f} s"


def report(summary: dict, top: int = 15) -> str:
    pytest_s = summary["pytest"]
    lines = [
        f"suite: {summary['tests']} tests, pytest exit status {summary['exit']}",
        f"wall: {minutes(summary['wall'])} for ./scripts/test"
        + (f", of which pytest {pytest_s:.0f} s (setup and ruff {summary['wall'] - pytest_s:.0f} s)"
           if pytest_s is not None else ""),
        f"goal: the whole suite in at most {GOAL_SECONDS} s: " + (
            "not judged (a part of the suite ran)" if summary["goal_met"] is None
            else "met" if summary["goal_met"]
            else f"not met ({summary['wall'] / GOAL_SECONDS:.2f} × the goal)"),
        "workers (busy / from first test to last, s): " + ", ".join(
            f"{w} {v['busy']:.0f} / {v['span']:.0f}" for w, v in summary["workers"].items()),
        "worker-seconds by layer: " + ", ".join(f"{k} {v:.0f}" for k, v in summary["layers"].items()),
        f"slowest {top} files (worker-seconds):",
    ]
    lines += [f"  {v:7.1f}  {k}" for k, v in list(summary["files"].items())[:top]]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="yqxs-suite-") as folder:
        env = {**os.environ, TIMES_DIR: folder,
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        load = os.getloadavg()
        start = time.monotonic()
        status = subprocess.run([str(ROOT / "scripts" / "test"), "-p", "scripts.bench_suite", *argv],
                                cwd=ROOT, env=env, stdin=subprocess.DEVNULL).returncode
        wall = time.monotonic() - start
        summary = summarise(read_records(Path(folder)), wall, whole=not argv)
    print()
    print(report(summary))
    after = os.getloadavg()
    print(f"load average (1, 5, 15 min): before {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
          f"after {after[0]:.1f} {after[1]:.1f} {after[2]:.1f}; {os.cpu_count()} cores")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
