"""The ``letter`` calculator."""

ORDER = 90
