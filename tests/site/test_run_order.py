"""tests/conftest.py's in_run_order (issue 14: the suite's time): the order ./scripts/test
hands the test files to its two workers in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.conftest import in_run_order


@dataclass
class Item:
    path: Path
    name: str
    fixturenames: tuple = ()


def items(spec: dict[str, tuple[int, bool]]) -> list[Item]:
    """spec: file name -> (how many tests, whether they need the built site)."""
    return [Item(Path(name), f"{name}::{i}", ("base_url", "built_site") if site else ("tmp_path",))
            for name, (count, site) in spec.items() for i in range(count)]


def files(ordered: list[Item]) -> list[str]:
    return list(dict.fromkeys(str(item.path) for item in ordered))


def test_the_largest_site_file_first_then_the_files_without_the_site_then_the_rest():
    given = items({"calc_small": (2, False), "browser_small": (3, True), "pages": (9, True),
                   "calc_big": (5, False), "browser_big": (6, True)})
    ordered = in_run_order(given)
    assert files(ordered) == ["pages", "calc_big", "calc_small", "browser_big", "browser_small"]
    assert sorted(item.name for item in ordered) == sorted(item.name for item in given)


def test_within_a_file_pytest_s_order_is_kept_and_a_run_without_the_site_is_only_sorted():
    given = items({"a": (3, False), "b": (4, False)})
    ordered = in_run_order(given)
    assert files(ordered) == ["b", "a"]
    assert [item.name for item in ordered if str(item.path) == "a"] == ["a::0", "a::1", "a::2"]
    assert in_run_order([]) == []
