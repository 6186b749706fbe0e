"""One module per calculator: its contract (the module docstring), its worked examples
(``EXAMPLE`` in 简体, ``EXAMPLE_HANT`` for the 繁體 text fields), its place in the
list (``ORDER``) and its adapter ``compute(form, out)``. :mod:`calc.api.registry`
finds them; nothing else lists them.
"""
