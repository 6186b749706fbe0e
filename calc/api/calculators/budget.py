"""The ``budget`` calculator."""

ORDER = 10
