"""The ``schedule`` calculator."""

ORDER = 20
