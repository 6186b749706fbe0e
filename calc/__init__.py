"""逾期协商指南 calculators: pure Python (standard library only), Decimal money.

The public face (names and meanings fixed by DESIGN.md, "The calc library"):

>>> from calc import parse_amount, amortize
>>> amortize(parse_amount("5万"), 30, "equal_installment", "12%").rows[0].payment
Decimal('1937.41')

The browser's door is :func:`calc.api.run`.
"""

from .budget import Capacity, repayment_capacity
from .debts import Debt, make_debt, plan_debts, pro_rata
from .errors import InputError, InputErrors
from .letter import Letter, make_letter
from .options import compare_options
from .parse import parse_amount, parse_count, parse_date, parse_percent, parse_rate
from .rates import AnnualRate, apr, card_late_fee, penalty_interest
from .rules import four_times_lpr, lpr_on
from .schedule import METHODS, Payoff, Row, Schedule, amortize, months_to_repay, payoff
from .stage import Stage, overdue_stage, timeline

__all__ = [
    "AnnualRate",
    "Capacity",
    "Debt",
    "InputError",
    "InputErrors",
    "Letter",
    "METHODS",
    "Payoff",
    "Row",
    "Schedule",
    "Stage",
    "amortize",
    "apr",
    "card_late_fee",
    "compare_options",
    "four_times_lpr",
    "lpr_on",
    "make_debt",
    "make_letter",
    "months_to_repay",
    "overdue_stage",
    "parse_amount",
    "parse_count",
    "parse_date",
    "parse_percent",
    "parse_rate",
    "payoff",
    "penalty_interest",
    "plan_debts",
    "pro_rata",
    "repayment_capacity",
    "timeline",
]

__version__ = "1.0.0"
