"""The ``debts`` calculator."""

ORDER = 70
