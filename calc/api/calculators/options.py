"""The ``options`` calculator."""

ORDER = 40
