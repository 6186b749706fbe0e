"""One module per calculator, named after it (the name is the page slug and the
``data-calc`` value). Each holds:

* its contract, as the module docstring, starting with ````NAME````;
* ``ORDER``: an int that places it in ``registry.CALCULATORS`` (unique; gaps of 10);
* ``OUTPUTS``: the result keys pages and outside checks build on;
* ``EXAMPLE``: its worked example (params as the form sends them, text in 简体) and
  ``EXAMPLE_HANT``: the free-text fields of that example in 繁體;
* ``compute(form, out)``: the adapter. It reads the params with ``form``
  (:mod:`calc.api.form`) into typed values, calls the domain, and writes the result
  with ``out`` (:mod:`calc.api.output`). Rules belong in the domain, not here.

:mod:`calc.api.registry` finds them; nothing else lists them.
"""
