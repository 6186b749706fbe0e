"""Content helpers: a page prints a rule from calc/rules.py instead of typing the figure.

Syntax, anywhere in a page's Markdown (both scripts alike):

    [[rule:NAME]]                       calc.rules.NAME
    [[rule:NAME.attr]]                  an attribute of it
    [[rule:NAME[i]]]                    an item of a table (i may be negative: [-1] is the last)
    [[rule:NAME["key"]]]                an entry of a dict
    [[rule:NAME|format]]                the value in a chosen format (see below)

Examples (values as of calc/rules.py, 2026-03):

    [[rule:LPR_TABLE[-1][1]]]           3.0%        the latest one-year LPR
    [[rule:LPR_TABLE[-1][0]]]           2025-05-20  the date it took effect
    [[rule:LPR_AS_OF]]                  2026-03-20  the date the LPR table was last checked
    [[rule:PRIVATE_LENDING_LPR_MULTIPLE]]  4
    [[rule:FINANCIAL_LOAN_COURT_LINE]]  24.0%
    [[rule:PERSONALIZED_INSTALLMENT_MAX_PERIODS]]  60
    [[rule:HOTLINES[0].number]]         12378
    [[rule:SOURCES["LPR_AS_OF"].as_of]] 2026-03
    [[rule:MALICIOUS_OVERDRAFT_MIN_PRINCIPAL|yuan]]  50,000
    [[rule:COLLECTION_QUIET_START]]     22:00

Formats. Without ``|format`` the value's type decides:

- ``Decimal`` between -1 and 1 (rules keep rates, markups and lines as fractions):
  ``percent``. Any other Decimal (an amount, or a rate above 100 %) must say its format,
  so a page never prints 5000000.0% for an amount by accident.
- ``int``: digits, as is (60, 4).
- ``date``: ISO, 2026-03-20.  ``time``: 22:00.
- ``str``: as is (HTML-escaped).
- anything else (a table, a dict, a Source, a function) is an error: pick an item.

``|percent``: times 100, trailing zeros dropped but one decimal kept: 3.0%, 3.35%, 24.0%,
0.6%. ``|yuan``: digits with thousands separators, no trailing zeros: 50,000, 10.
``|number``: the plain number: 0.006, 50000.

An unknown NAME, attribute, index or format is a build warning naming the page and the
marker (the strict build stops on it); the marker is then left in the page as typed. The
markers are replaced in the Markdown before it is rendered, code blocks included.
"""

from __future__ import annotations

import ast
import html
import re
from datetime import date, time
from decimal import Decimal

import _common  # noqa: F401  (puts the source tree's calc package on sys.path)
from mkdocs.plugins import get_plugin_logger

from calc import rules

log = get_plugin_logger("content")

MARKER = re.compile(
    r"\[\[rule:(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"(?P<path>(?:\.[A-Za-z_][A-Za-z0-9_]*|\[-?\d+\]|\[\"[^\"\]]*\"\]|\['[^'\]]*'\])*)"
    r"(?:\|(?P<format>[a-z]+))?\]\]"
)
# Whatever starts like a marker, to catch a mistyped one (a space, a stray dot) loudly.
LOOSE = re.compile(r"\[\[rule:.*?\]\](?!\])")
STEP = re.compile(r"\.(?P<attr>[A-Za-z_][A-Za-z0-9_]*)|\[(?P<key>[^\]]+)\]")


class RuleError(ValueError):
    """A marker that names no rule, or a value that cannot be printed as asked."""


def lookup(name: str, path: str = ""):
    """The value a marker names: ``lookup("LPR_TABLE", "[-1][1]")`` -> Decimal('0.0300')."""
    if name.startswith("_") or not hasattr(rules, name):
        raise RuleError(f"calc.rules has no {name!r}")
    value = getattr(rules, name)
    for step in STEP.finditer(path):
        if step["attr"]:
            if step["attr"].startswith("_") or not hasattr(value, step["attr"]):
                raise RuleError(f"{type(value).__name__} has no attribute {step['attr']!r}")
            value = getattr(value, step["attr"])
        else:
            key = ast.literal_eval(step["key"])
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError) as error:
                raise RuleError(f"no item [{step['key']}] ({type(error).__name__})") from None
    return value


def percent(value: Decimal) -> str:
    text = format((value * 100).normalize(), "f")
    if "." not in text:
        text += ".0"
    return text + "%"


def yuan(value: Decimal | int) -> str:
    number = Decimal(value).normalize()
    whole, _, cents = format(number, "f").partition(".")
    text = f"{int(whole):,}"
    return text + ("." + cents if cents else "")


def number(value: Decimal | int) -> str:
    return format(Decimal(value).normalize(), "f")


FORMATS = {"percent": percent, "yuan": yuan, "number": number}


def render(value, fmt: str | None = None) -> str:
    """The reader's text for a rule value (see the module docstring)."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise RuleError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            raise RuleError(f"|{fmt} needs a number, not {type(value).__name__}")
        return FORMATS[fmt](value)
    if isinstance(value, bool):
        raise RuleError("a bool has no reader's text")
    if isinstance(value, Decimal):
        if -1 <= value <= 1:
            return percent(value)
        raise RuleError(f"{value} is not a fraction: say |yuan, |number or |percent")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, str):
        return html.escape(value, quote=False)
    raise RuleError(f"a {type(value).__name__} has no reader's text: pick an item, e.g. [0] or .attr")


def replace_rules(markdown: str, where: str = "") -> str:
    """Replace every ``[[rule:...]]`` marker; a bad one is logged as a warning and left."""

    def replace(loose: re.Match) -> str:
        match = MARKER.fullmatch(loose[0])
        try:
            if match is None:
                raise RuleError("not a marker: [[rule:NAME]], [[rule:NAME.attr]], [[rule:NAME[i]]]"
                                " or [[rule:NAME|format]], without spaces")
            return render(lookup(match["name"], match["path"]), match["format"])
        except RuleError as error:
            log.warning(f"{where}: {loose[0]}: {error}. See hooks/content.py for the syntax.")
            return loose[0]

    return LOOSE.sub(replace, markdown)


def on_page_markdown(markdown, page, config, files):
    return replace_rules(markdown, page.file.src_uri)
