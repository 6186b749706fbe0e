"""The one registry of widgets: the build hook, the tests and the runtime read it.

* ``CALCULATORS``: the calculators ``run`` knows, discovered from the modules of
  :mod:`calc.api.calculators` (one module per calculator, named after it; its ``ORDER``
  constant places it, so the order is stable). Adding a calculator is adding a module.
* ``TOOLS``: the widgets that compute nothing in Python and keep their data in the
  reader's browser (their markup and module live with the site).
* ``WIDGETS``: every widget name, the calculators first, then the tools.

>>> CALCULATORS[:3], is_calculator("budget"), is_calculator("log")
(('budget', 'schedule', 'payoff'), True, False)
>>> set(CALCULATORS) & set(TOOLS)
set()
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from . import calculators as _package

__all__ = ["CALCULATORS", "TOOLS", "WIDGETS", "is_calculator", "module"]


def _discover() -> dict[str, ModuleType]:
    """Import every public module of the calculators package, sorted by its ``ORDER``.

    ``pkgutil.iter_modules`` reads the package's folder, which is a plain folder both
    from the source tree and inside Pyodide (the wheel is unpacked into site-packages).
    """
    found = []
    for info in pkgutil.iter_modules(_package.__path__):
        if info.name.startswith("_"):
            continue
        found.append(importlib.import_module(f"{_package.__name__}.{info.name}"))
    found.sort(key=lambda m: (m.ORDER, m.__name__))
    return {m.__name__.rsplit(".", 1)[1]: m for m in found}


_MODULES = _discover()

#: The calculators, in the order the documentation and tests list them.
CALCULATORS: tuple[str, ...] = tuple(_MODULES)
#: Widgets that keep their data in the reader's browser (no calc call).
TOOLS: tuple[str, ...] = ("log", "checklist", "scam-check", "triage")
#: Every widget a page may embed with ``<!-- widget:NAME -->``.
WIDGETS: tuple[str, ...] = CALCULATORS + TOOLS


def is_calculator(name: object) -> bool:
    """True when ``name`` is a calculator that :func:`calc.api.run` computes."""
    return isinstance(name, str) and name in _MODULES


def module(name: str) -> ModuleType:
    """The module of calculator ``name`` (its contract, examples and adapter)."""
    return _MODULES[name]
