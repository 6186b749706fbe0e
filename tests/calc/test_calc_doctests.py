"""Run every calc module's doctest Examples as part of the default test run
(testpaths is tests/, so ``--doctest-modules`` alone would not reach calc/)."""

import doctest
import importlib
import pkgutil

import pytest

import calc
from calc.api import registry

MODULES = sorted(["calc"] + [m.name for m in pkgutil.walk_packages(calc.__path__, "calc.")])


def test_every_module_is_listed():
    assert {"calc.api", "calc.parse", "calc.rates", "calc.schedule", "calc.rules"} <= set(MODULES)
    assert {"calc.api.registry", "calc.api.form", "calc.api.output"} <= set(MODULES)
    assert {f"calc.api.calculators.{name}" for name in registry.CALCULATORS} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_public_modules_have_examples():
    for name in (
        "calc.api",
        "calc.parse",
        "calc.rates",
        "calc.schedule",
        "calc.stage",
        "calc.budget",
        "calc.debts",
        "calc.options",
        "calc.letter",
        "calc.rules",
        "calc.dates",
    ):
        finder = doctest.DocTestFinder()
        tests = finder.find(importlib.import_module(name))
        assert sum(len(t.examples) for t in tests) > 0, name
