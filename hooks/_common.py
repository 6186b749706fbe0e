"""What several hooks share: the paths, the page's script, and per-build storage.

Not a hook itself (mkdocs.yml does not list it); the hooks import it as a sibling module
(MkDocs puts a hook's folder on sys.path while it loads the hook). It holds no state: a
sibling module is imported once per process and would keep it across `mkdocs serve`
rebuilds. What a hook keeps between events lives in :func:`build_state`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANT = "zh-Hant"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the calc package, from the source tree


def page_lang(page) -> str:
    """The script of a page: "zh-Hant" for page.zh-Hant.md files, else "zh"."""
    locale = getattr(page.file, "locale", None)
    if locale:
        return locale
    return HANT if page.file.src_uri.endswith(f".{HANT}.md") else "zh"


def site_root(config) -> Path:
    """The top of the built site: mkdocs-static-i18n builds 繁體 into site/zh-Hant/."""
    site = Path(config["site_dir"])
    return site.parent if site.name == HANT else site


def build_state(config, name: str, factory):
    """Storage for one whole build, both scripts: ``build_state(config, "csp", set)``.

    It lives on the config object. MkDocs makes a new one for every `mkdocs build` and
    every `mkdocs serve` rebuild, and mkdocs-static-i18n builds the second script with the
    same one, so what the 简体 build collected is there for the 繁體 build and nothing is
    carried into the next rebuild. (Module globals would be: MkDocs loads a hook once per
    process, and on_config / on_pre_build run again for each script.)
    """
    store = config.__dict__.setdefault("_yqxs_build_state", {})
    if name not in store:
        store[name] = factory()
    return store[name]
