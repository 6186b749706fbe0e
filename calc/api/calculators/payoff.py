"""The ``payoff`` calculator."""

ORDER = 30
