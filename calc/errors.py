"""The one exception every calculator raises for bad input.

``InputError(field, code, **params)``: ``field`` is the input's name (the
``api.run`` parameter name), ``code`` a key of the message catalogue
(``calc/locale/messages.json``), ``params`` the values the message names.

>>> err = InputError("principal", "amount_required")
>>> err.message("zh")
'请输入金额，例如 5000 或 3万'
>>> err.message("zh-Hant")
'請輸入金額，例如 5000 或 3萬'
"""

from __future__ import annotations

from . import messages

__all__ = ["InputError", "InputErrors"]


class InputError(ValueError):
    """Bad input, with a message in both scripts telling the reader what to type."""

    def __init__(self, field: str, code: str, index: int | None = None, **params: object) -> None:
        super().__init__(field, code)
        self.field = field
        self.code = code
        self.index = index
        self.params = params

    def message(self, lang: str = "zh") -> str:
        """The reader-facing message in ``lang`` (``zh`` or ``zh-Hant``)."""
        return messages.text(self.code, lang, **self.params)

    def to_dict(self, lang: str = "zh") -> dict:
        out = {"field": self.field, "code": self.code, "message": self.message(lang)}
        if self.index is not None:
            out["index"] = self.index
        return out

    def __str__(self) -> str:
        where = self.field if self.index is None else f"{self.field}[{self.index}]"
        return f"{where}: {self.code}: {self.message('zh')}"

    def __repr__(self) -> str:
        return f"InputError({self.field!r}, {self.code!r})"


class InputErrors(InputError):
    """Several field errors found at once (``errors``); it behaves as the first
    one, so code that handles a single ``InputError`` still works."""

    def __init__(self, errors: list[InputError]) -> None:
        first = errors[0]
        super().__init__(first.field, first.code, first.index, **first.params)
        self.errors = list(errors)
