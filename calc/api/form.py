"""The form reader: ``params`` as the browser sends them (a string per field, or a
list of strings for a repeatable field) read into typed values, collecting every
field error instead of stopping at the first.

The reading itself is the domain's (``calc.parse`` and the ``check_*`` functions);
this module only finds the field, applies its default and keeps the errors.

>>> form = Form({"principal": "5万", "months": "x"}, "zh")
>>> form.get("principal", amount, positive=True), form.get("months", count, 1, 360)
(Decimal('50000'), None)
>>> [(e.field, e.code) for e in form.errors]
[('months', 'count_invalid')]
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .. import rules
from ..errors import InputError, InputErrors
from ..parse import parse_amount, parse_count, parse_date, parse_rate

__all__ = ["MAX_LIST", "MAX_STR", "Form", "amount", "annual_rate", "count", "day"]

#: At most this many items in a repeatable field, and characters in one value.
MAX_LIST = rules.MAX_SCHEDULE_MONTHS + 40
MAX_STR = 2000

_MISSING = object()


def amount(text: object, field: str, *, positive: bool = False) -> Decimal:
    """An amount field (``positive``: more than 0)."""
    return parse_amount(text, field, positive=positive)


def annual_rate(text: object, field: str) -> Decimal:
    """An annual-rate field; a bare number is a percent, as the labels say."""
    return parse_rate(text, "percent", field)


def count(text: object, field: str, minimum: int, maximum: int, years: bool = False) -> int:
    """A whole-number field (months also as ``3年`` with ``years``)."""
    return parse_count(text, field, minimum, maximum, years)


def day(text: object, field: str):
    """A date field."""
    return parse_date(text, field)


class Form:
    """Reads params, collecting every field error instead of stopping at the first."""

    def __init__(self, params: dict, lang: str) -> None:
        self.params = params
        self.lang = lang
        self.errors: list[InputError] = []

    def fail(self, err: InputError, index: int | None = None) -> None:
        """Keep ``err`` (each of several), at most one per field and row;
        ``index`` places it on a row of a repeatable field."""
        if isinstance(err, InputErrors):
            for one in err.errors:
                self.fail(one, index)
            return
        if index is not None:
            err = InputError(err.field, err.code, index=index, **err.params)
        key = (err.field, err.index)
        if all((e.field, e.index) != key for e in self.errors):
            self.errors.append(err)

    @staticmethod
    def _as_text(value: object, field: str, index: int | None = None) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            if len(value) > MAX_STR:
                raise InputError(field, "text_too_long", index=index, maximum=MAX_STR)
            return value
        if isinstance(value, bool):
            raise InputError(field, "input_invalid", index=index)
        if isinstance(value, (int, float, Decimal)):
            if isinstance(value, int) and abs(value) > 10**15:
                raise InputError(field, "amount_too_large", index=index)
            return str(value)
        raise InputError(field, "input_invalid", index=index)

    def given(self, field: str) -> bool:
        """Whether the field was filled in at all."""
        return self.params.get(field) not in (None, "", [])

    def text(self, field: str) -> str | None:
        """One raw value (None when missing or blank)."""
        value = self.params.get(field)
        if isinstance(value, (list, tuple)):
            if len(value) == 0:
                return None
            if len(value) > 1:
                raise InputError(field, "field_multiple")
            value = value[0]
        text = self._as_text(value, field)
        if text is None or not text.strip():
            return None
        return text

    def raw(self, field: str) -> str | None:
        """One raw value as :meth:`text`, an error kept instead of raised."""
        try:
            return self.text(field)
        except InputError as err:
            self.fail(err)
            return None

    def get(
        self, field: str, parse: Callable[..., Any], *args: Any, default: Any = _MISSING, **kwargs: Any
    ) -> Any:
        """``parse(text, field, *args, **kwargs)`` on one field; a missing or blank
        field takes ``default``, or is required (the parser says what to type)."""
        try:
            text = self.text(field)
            if text is None and default is not _MISSING:
                return default
            return parse(text, field, *args, **kwargs)
        except InputError as err:
            self.fail(err)
            return None

    def items(self, field: str) -> list[str | None]:
        """A repeatable field as a list of raw strings (None for blanks)."""
        value = self.params.get(field)
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            value = [value]
        if len(value) > MAX_LIST:
            self.fail(InputError(field, "too_many_rows", maximum=MAX_LIST))
            return []
        out: list[str | None] = []
        for index, item in enumerate(value):
            try:
                text = self._as_text(item, field, index)
            except InputError as err:
                self.fail(err)
                text = None
            out.append(text if text is not None and text.strip() else None)
        return out

    def check(self) -> None:
        """Raise every error found so far, if any."""
        if self.errors:
            raise InputErrors(self.errors)
