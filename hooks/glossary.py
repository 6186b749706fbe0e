"""Glossary tooltips: terms from includes/abbr.<lang>.md (`*[term]: definition`) are wrapped
in <abbr title> on their first use in a page's prose, in the page's own script.

Python-Markdown's abbr extension cannot do this for Chinese: it needs word boundaries, and
there are none between Chinese characters. The terms are read once per build.
"""

from __future__ import annotations

import html
import re

from _common import ROOT, build_state, page_lang

ABBR_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>.+?)\s*$")
# Elements whose text is never annotated: headings, links, code, existing abbrs, forms,
# widgets, scripts.
SKIP_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "abbr", "script",
             "style", "form", "output", "button", "label", "select", "option", "textarea",
             "svg", "summary", "dt", "table")
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "path",
        "rect", "circle", "line", "polyline", "use"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")


def read_glossary(lang: str) -> list[tuple[str, str]]:
    """(term, definition) pairs of a script, longest term first."""
    path = ROOT / "includes" / f"abbr.{lang}.md"
    pairs = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            m = ABBR_LINE.match(line)
            if m:
                pairs.append((m["term"], m["text"]))
    pairs.sort(key=lambda p: -len(p[0]))
    return pairs


def annotate_glossary(content: str, terms: list[tuple[str, str]]) -> str:
    """Wrap the first prose use of each term in <abbr title=...>."""
    if not terms:
        return content
    pattern = re.compile("|".join(re.escape(t) for t, _ in terms))
    definitions = dict(terms)
    seen: set[str] = set()
    out: list[str] = []
    skip_depth = 0
    pos = 0

    def text_part(text: str) -> str:
        def repl(m: re.Match) -> str:
            term = m.group(0)
            if term in seen:
                return term
            seen.add(term)
            title = html.escape(definitions[term], quote=True)
            return f'<abbr tabindex="0" title="{title}">{term}</abbr>'
        return pattern.sub(repl, text)

    for m in TAG.finditer(content):
        text = content[pos:m.start()]
        out.append(text if skip_depth else text_part(text))
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in SKIP_TAGS and name not in VOID and not selfclosing:
            skip_depth += -1 if closing else 1
            skip_depth = max(skip_depth, 0)
        out.append(m.group(0))
        pos = m.end()
    tail = content[pos:]
    out.append(tail if skip_depth else text_part(tail))
    return "".join(out)


def on_page_content(html_text, page, config, files):
    terms = build_state(config, "glossary", dict)
    lang = page_lang(page)
    if lang not in terms:
        terms[lang] = read_glossary(lang)
    return annotate_glossary(html_text, terms[lang])
