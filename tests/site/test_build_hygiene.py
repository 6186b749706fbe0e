"""Build hygiene: the calc wheel is reproducible (two builds, same bytes, same hashed
URL) and ships exactly the source tree's calc package; the hooks are small, one job each,
and keep nothing between builds."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOKS = sorted((ROOT / "hooks").glob("*.py"))


def build_wheel(out: Path) -> Path:
    """The wheel as ./scripts/build makes it (scripts/build-wheel runs lib.sh's build_wheel)."""
    run = subprocess.run([str(ROOT / "scripts" / "build-wheel"), str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    wheels = list(out.glob("calc-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def two_wheels(tmp_path_factory) -> tuple[Path, Path]:
    return (build_wheel(tmp_path_factory.mktemp("wheel-a")),
            build_wheel(tmp_path_factory.mktemp("wheel-b")))


def test_two_builds_of_the_same_sources_give_the_same_wheel(two_wheels):
    a, b = two_wheels
    assert a.name == b.name
    digest = [hashlib.sha256(w.read_bytes()).hexdigest() for w in (a, b)]
    assert digest[0] == digest[1], "the wheel's bytes (and so its cache-forever URL) differ"
    # the zip entries carry the commit's time, not the build's (SOURCE_DATE_EPOCH)
    times = {info.date_time for info in zipfile.ZipFile(a).infolist()}
    assert len(times) == 1, times


def test_the_wheel_ships_the_source_tree_and_nothing_else(two_wheels):
    names = set(zipfile.ZipFile(two_wheels[0]).namelist())
    shipped = {n for n in names if n.startswith("calc/")}
    assert not [n for n in shipped if "__pycache__" in n or n.endswith(".pyc")]
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "calc").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert shipped - source == set(), "files in the wheel that calc/ does not have (a stale build/?)"
    modules = {s for s in source if s.endswith(".py")}
    assert modules - shipped == set(), "modules of calc/ missing from the wheel (packages in pyproject.toml?)"


@pytest.mark.parametrize("hook", HOOKS, ids=lambda p: p.name)
def test_a_hook_file_is_at_most_250_lines(hook):
    assert len(hook.read_text(encoding="utf-8").splitlines()) <= 250


SCRIPTS = sorted((ROOT / "docs").rglob("*.js"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_a_site_script_is_at_most_400_lines(script):
    # The widget runtime, its tools and the workers: small rooms (issue 14).
    assert len(script.read_text(encoding="utf-8").splitlines()) <= 400


def _module_level_mutables(tree: ast.Module) -> list[str]:
    """Names bound at module level to an empty dict, list or set, and `global` statements:
    the shapes of state that would outlive a `mkdocs serve` rebuild."""
    found = []
    for node in tree.body:
        value = getattr(node, "value", None)
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        empty_literal = isinstance(value, (ast.Dict, ast.List, ast.Set)) and not (
            getattr(value, "keys", None) or getattr(value, "elts", None))
        empty_call = (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                      and value.func.id in {"dict", "list", "set", "defaultdict", "Counter"}
                      and not value.args)
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and (empty_literal or empty_call):
            found += [ast.unparse(t) for t in targets if t is not None]
    found += [f"global {', '.join(n.names)}" for n in ast.walk(tree) if isinstance(n, ast.Global)]
    return found


@pytest.mark.parametrize("hook", HOOKS, ids=lambda p: p.name)
def test_a_hook_keeps_no_module_state(hook):
    tree = ast.parse(hook.read_text(encoding="utf-8"))
    assert _module_level_mutables(tree) == [], "keep it in _common.build_state(config, ...)"


def test_the_state_check_would_catch_a_cache():
    tree = ast.parse("CACHE: dict[str, int] = {}\nSEEN = set()\nX = {'a': 1}\n"
                     "def f():\n    global N\n")
    assert _module_level_mutables(tree) == ["CACHE", "SEEN", "global N"]


def test_build_state_lives_on_one_build_s_config():
    spec = importlib.util.spec_from_file_location("yqxs_hooks_common", ROOT / "hooks" / "_common.py")
    common = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(common)
    from mkdocs.config.defaults import MkDocsConfig

    first, rebuild = MkDocsConfig(), MkDocsConfig()
    common.build_state(first, "csp_hashes", set).add("'sha256-a'")
    assert common.build_state(first, "csp_hashes", set) == {"'sha256-a'"}  # both scripts' builds
    assert common.build_state(rebuild, "csp_hashes", set) == set()  # the next serve rebuild


def test_every_hook_is_listed_in_mkdocs_yml():
    listed = {line.strip()[2:].split("#")[0].strip()
              for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
              if line.strip().startswith("- hooks/")}
    files = {f"hooks/{p.name}" for p in HOOKS if not p.name.startswith("_")}
    assert files == listed


def test_scripts_import_nothing_from_tests():
    offenders = []
    for script in (ROOT / "scripts").glob("*.py"):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{script.name}: {n}" for n in names if n == "tests" or n.startswith("tests.")]
    assert offenders == []
    assert "tests" not in (ROOT / "scripts" / "serve").read_text(encoding="utf-8")
