"""scripts/bench_suite.py, the suite's benchmark (issue 14): its report adds up what its
pytest plugin recorded, per worker, layer and file, and judges the 4-minute goal only for a
run of the whole suite."""

from __future__ import annotations

import json

import pytest

from scripts import bench_suite


def record(worker, path, start, end):
    return {"test": f"{path}::t{start}", "file": path, "layer": path.split("/")[1],
            "worker": worker, "start": start, "end": end}


RECORDS = [
    {"session": "start", "at": 100.0},
    record("gw0", "tests/calc/test_a.py", 101.0, 103.0),
    record("gw1", "tests/browser/test_b.py", 101.0, 111.0),
    record("gw0", "tests/browser/test_c.py", 103.0, 108.0),
    record("gw1", "tests/browser/test_b.py", 111.0, 112.5),
    {"session": "finish", "at": 113.0, "exit": 0},
]


def test_the_summary_adds_up_workers_layers_and_files():
    summary = bench_suite.summarise(RECORDS, wall=130.0)
    assert summary["tests"] == 4 and summary["exit"] == 0
    assert summary["pytest"] == pytest.approx(13.0)
    assert summary["workers"] == {"gw0": {"busy": 7.0, "span": 7.0}, "gw1": {"busy": 11.5, "span": 11.5}}
    assert summary["layers"] == {"browser": 16.5, "calc": 2.0}
    assert list(summary["files"]) == ["tests/browser/test_b.py", "tests/browser/test_c.py",
                                      "tests/calc/test_a.py"]
    assert summary["goal_met"] is True
    text = bench_suite.report(summary)
    assert "of which pytest 13 s (setup and ruff 117 s)" in text
    assert "at most 240 s: met" in text and "browser 16" in text


def test_the_goal_is_judged_on_the_whole_command_and_only_for_the_whole_suite():
    late = bench_suite.summarise(RECORDS, wall=300.0)
    assert late["goal_met"] is False
    assert "not met (1.25 × the goal)" in bench_suite.report(late)
    part = bench_suite.summarise(RECORDS, wall=30.0, whole=False)
    assert part["goal_met"] is None
    assert "not judged" in bench_suite.report(part)


def test_records_are_read_from_every_process_s_file(tmp_path):
    for name, rows in (("main", RECORDS[:1] + RECORDS[-1:]), ("gw0", RECORDS[1:3]), ("gw1", RECORDS[3:5])):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert sorted(map(json.dumps, bench_suite.read_records(tmp_path))) == sorted(map(json.dumps, RECORDS))
