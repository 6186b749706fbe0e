"""The ``apr`` calculator."""

ORDER = 60
