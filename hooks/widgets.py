"""Widgets: `<!-- widget:NAME -->` in a page becomes the widget's markup, with its worked
example computed now by the same `calc` the browser runs.

- The markup of widget NAME is the Jinja template `overrides/widgets/NAME.html`. It is
  rendered with:
    lang      "zh" or "zh-Hant", the page's script
    L(zh, hant)  picks the text of the page's script: {{ L("收入", "收入") }}
    rules     the module calc.rules: {{ rules.HOTLINES... }} prints a figure from its one place
    example   calc.api.example(NAME, lang): the worked example's params (strings), {} for tools
    result    calc.api.run(NAME, example, lang) for calculators, else None
    uid       an id prefix unique on the page ("w1-", "w2-", ...)
    name      NAME
- A page with a widget gets `page.meta["widgets"]` (the names, in order). When one of them
  is a calculator (calc.api.registry.is_calculator) it also gets `page.meta["calc_widgets"]`,
  and the template (overrides/main.html) then loads `assets/js/widgets.js` (the runtime,
  one module for every calculator page) and sets `data-*` attributes the runtime reads (the
  Pyodide path, the wheel name). Pages without a calculator (the call log, the checklist,
  the scam check, guide pages) load none of it, and no Pyodide byte.
- A widget NAME with its own module `docs/assets/js/tools/NAME.js` puts that path in
  `page.meta["tool_scripts"]`; the template loads each as a module script, on that page only.
"""

from __future__ import annotations

import re

import jinja2
from _common import ROOT, build_state, page_lang

from calc import api, rules
from calc.api.registry import WIDGETS, is_calculator

MARKER = re.compile(r"^[ \t]*<!--\s*widget:([a-z][a-z0-9-]*)\s*-->[ \t]*$", re.M)
TEMPLATES = ROOT / "overrides" / "widgets"
TOOL_SCRIPTS = ROOT / "docs" / "assets" / "js" / "tools"


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_widget(name: str, lang: str, uid: str, env: jinja2.Environment | None = None) -> str:
    if name not in WIDGETS:
        raise ValueError(f"unknown widget {name!r}; known: {', '.join(WIDGETS)}")
    example = api.example(name, lang)  # 繁體 pages get 繁體 labels and names
    result = api.run(name, example, lang) if is_calculator(name) else None
    if result is not None and not result.get("ok"):
        raise ValueError(f"the worked example of {name!r} does not compute: {result}")
    template = (env or environment()).get_template(f"{name}.html")
    html = template.render(
        name=name, lang=lang, uid=uid, example=example, rules=rules,
        result=result["result"] if result else None,
        L=lambda zh, hant: hant if lang == "zh-Hant" else zh,
    )
    # Blank lines would end the raw HTML block in Markdown; keep the markup in one block.
    return "\n".join(line for line in html.splitlines() if line.strip())


def on_page_markdown(markdown, page, config, files):
    env = build_state(config, "widgets_jinja", environment)  # one per build: no stale templates
    names: list[str] = []

    def replace(match: re.Match) -> str:
        names.append(match.group(1))
        uid = f"w{len(names)}-"
        return "\n" + render_widget(match.group(1), page_lang(page), uid, env) + "\n"

    markdown = MARKER.sub(replace, markdown)
    if names:
        page.meta["widgets"] = names
        calculators = [n for n in names if is_calculator(n)]
        if calculators:
            page.meta["calc_widgets"] = calculators
            # A tool page is its calculator: Python starts at once. On a guide page the
            # calculator sits below the prose: Python starts when it comes near the screen
            # or the reader touches it (runtime/client.js), not for a reader who only reads.
            page.meta["calc_start"] = "now" if page.file.src_uri.startswith("tools/") else "near"
        scripts = [f"assets/js/tools/{n}.js" for n in dict.fromkeys(names)
                   if (TOOL_SCRIPTS / f"{n}.js").is_file()]
        if scripts:
            page.meta["tool_scripts"] = scripts
    return markdown
