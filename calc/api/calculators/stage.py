"""The ``stage`` calculator."""

ORDER = 80
