"""Parsers for what people really type, in either script: the one place in calc
that reads strings. The domain modules take typed values (``Decimal``, ``int``,
``date``) and hand any string they are given to these parsers.

* :mod:`calc.parse.numbers`: amounts, percentages and shares, counts;
* :mod:`calc.parse.rate`: interest rates (年化, 月息, 日息);
* :mod:`calc.parse.text`: dates, free text, the last 4 digits, codes.

Every parser returns a ``Decimal`` (or ``int`` / ``date``) or raises
``InputError(field, code)`` whose message says what to type.

Amounts:

>>> parse_amount("5,000.50")
Decimal('5000.50')
>>> parse_amount("３.５万元")
Decimal('35000.0')
>>> parse_amount("￥1.2千")
Decimal('1200.0')
>>> parse_amount("4.8萬元"), parse_amount("3仟"), parse_amount("5佰")
(Decimal('48000.0'), Decimal('3000'), Decimal('500'))

Rates (annual, as fractions):

>>> parse_rate("年化18%")
Decimal('0.18')
>>> parse_rate("月息1.5%")
Decimal('0.180')
>>> parse_rate("日息万分之五")  # a daily rate a year: daily x 365
Decimal('0.1825')
>>> parse_rate("0.18", bare="fraction")
Decimal('0.18')
"""

from .numbers import (
    CENT,
    money,
    parse_amount,
    parse_count,
    parse_fraction,
    parse_percent,
    parse_signed_amount,
    percent_text,
    to_decimal,
)
from .rate import QuotedRate, daily_rate, parse_daily_rate, parse_rate
from .text import parse_choice, parse_date, parse_label, parse_last4, parse_text

__all__ = [
    "CENT",
    "QuotedRate",
    "daily_rate",
    "money",
    "parse_amount",
    "parse_choice",
    "parse_count",
    "parse_daily_rate",
    "parse_date",
    "parse_fraction",
    "parse_label",
    "parse_last4",
    "parse_percent",
    "parse_rate",
    "parse_signed_amount",
    "parse_text",
    "percent_text",
    "to_decimal",
]
