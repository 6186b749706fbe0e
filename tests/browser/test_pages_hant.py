"""The per-page checks (axe at desktop and phone width, the 375 px fit, CSP and storage,
table regions, print) on every 繁體 page: one desktop and one phone visit per page. The
checks are written once, in tests/support/page_tests.py (see its docstring)."""

from tests.support.page_tests import *  # noqa: F403  (the checks and their fixture)
from tests.support.quality import HANT

SCRIPT = HANT  # 繁體
