"""The message catalogue: every reader-facing string, in 简体 and 繁體.

The text lives in ``calc/locale/messages.json`` as ``{key: {"zh": ..., "zh-Hant": ...}}``
so an editor can improve wording without touching code. Placeholders use
``str.format`` names, e.g. ``{min_payment}``.

>>> text("method.equal_installment", "zh-Hant")
'等額本息'
>>> normalize_lang("zh-TW")
'zh-Hant'
>>> normalize_lang(None)
'zh'
"""

from __future__ import annotations

import json
from importlib import resources

__all__ = ["LANGS", "DEFAULT_LANG", "catalogue", "text", "normalize_lang"]

LANGS = ("zh", "zh-Hant")
DEFAULT_LANG = "zh"

_TRADITIONAL = {"zh-hant", "zh_hant", "zh-tw", "zh_tw", "zh-hk", "zh_hk", "zh-mo", "zh_mo", "hant", "tw", "hk"}

_CATALOGUE: dict[str, dict[str, str]] | None = None


def catalogue() -> dict[str, dict[str, str]]:
    """All entries, loaded once from the package data."""
    global _CATALOGUE
    if _CATALOGUE is None:
        raw = resources.files("calc").joinpath("locale/messages.json").read_text(encoding="utf-8")
        _CATALOGUE = json.loads(raw)
    return _CATALOGUE


def normalize_lang(lang: object) -> str:
    """``zh`` or ``zh-Hant``; anything unknown falls back to ``zh``."""
    if isinstance(lang, str) and lang.strip().lower() in _TRADITIONAL:
        return "zh-Hant"
    return DEFAULT_LANG


def text(key: str, lang: object = DEFAULT_LANG, **params: object) -> str:
    """The entry ``key`` in ``lang`` with ``params`` filled in.

    An unknown key falls back to the generic ``input_invalid`` message, so a
    reader always gets words, never a code.
    """
    cat = catalogue()
    entry = cat.get(key) or cat["input_invalid"]
    template = entry[normalize_lang(lang)]
    if params:
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template
    return template
