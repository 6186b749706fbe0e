"""The ``penalty`` calculator."""

ORDER = 50
