"""逾期协商指南 calculators: pure Python (standard library only), Decimal money.

The public face (names and meanings fixed by DESIGN.md, "The calc library"):

>>> from decimal import Decimal
>>> from calc import parse_amount, amortize
>>> amortize(parse_amount("5万"), 30, "equal_installment", "12%").rows[0].payment
Decimal('1937.41')

The browser's door is :func:`calc.api.run`; it calls these same functions, so a
Python caller gets the browser's answer:

>>> from calc import loan_apr
>>> loan_apr(100000, ["8833.30"] * 12, fee_upfront=1000).rate.simple.quantize(Decimal("0.0001"))
Decimal('0.1280')
"""

from .budget import Capacity, repayment_capacity
from .debts import Debt, make_debt, plan_debts, pro_rata
from .errors import InputError, InputErrors
from .letter import Letter, make_letter
from .options import compare_options
from .parse import parse_amount, parse_count, parse_date, parse_percent, parse_rate
from .rates import AnnualRate, LoanCost, apr, card_late_fee, loan_apr, penalty_interest
from .rules import four_times_lpr, lpr_on
from .schedule import METHODS, Payoff, Row, Schedule, amortize, months_to_repay, payoff
from .stage import DatedStage, Stage, dated_stage, overdue_stage, timeline

__all__ = [
    "AnnualRate",
    "Capacity",
    "DatedStage",
    "Debt",
    "InputError",
    "InputErrors",
    "Letter",
    "LoanCost",
    "METHODS",
    "Payoff",
    "Row",
    "Schedule",
    "Stage",
    "amortize",
    "apr",
    "card_late_fee",
    "compare_options",
    "dated_stage",
    "four_times_lpr",
    "loan_apr",
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
