"""Tables of the guide as named, keyboard-reachable regions (issue 10).

On a phone most Markdown tables are wider than the screen and scroll sideways. A box
that scrolls must be reachable by keyboard, or a keyboard or switch user cannot see the
columns off screen (axe `scrollable-region-focusable`, WCAG 2.1.1), and a screen reader
should announce it with a name. So each Markdown table (a bare `<table>`, the only kind
Python-Markdown writes; widget tables carry a class and their own wraps) is wrapped at
build time in

    <div class="table-wrap" role="region" tabindex="0" aria-label="表格：…">

whose name is the table's <caption> if it has one, else the text of the nearest heading
above it (the heading is in the page's own script, so the name is too). Two tables under
one heading are told apart by their number: "表格：…（2）" (the same characters in 简体
and 繁體).

Material's JavaScript then wraps the table itself in `.md-typeset__scrollwrap >
.md-typeset__table` (it does so for every `table:not([class])`), inside our box.
assets/css/site.css makes our box the one that scrolls (Material's two stay visible) and
keeps each table's first column on screen while the rest scrolls under it.
"""

from __future__ import annotations

import html
import re

HEADING = re.compile(r"<h([1-6])\b[^>]*>(?P<text>.*?)</h\1>", re.S)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAGS = re.compile(r"<[^>]+>")
TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
CAPTION = re.compile(r"<caption\b[^>]*>(?P<text>.*?)</caption>", re.S)
PREFIX = "表格："


def plain(fragment: str) -> str:
    """The text of an HTML fragment, without tags, permalinks and extra spaces."""
    text = html.unescape(TAGS.sub("", PERMALINK.sub("", fragment)))
    return " ".join(text.split())


def wrap_tables(content: str, page_title: str = "") -> str:
    """Wrap every bare <table> of a page's HTML in a named, focusable region."""
    headings = [(m.start(), plain(m["text"])) for m in HEADING.finditer(content)]
    used: dict[str, int] = {}
    out: list[str] = []
    pos = 0
    for m in TABLE.finditer(content):
        caption = CAPTION.search(m["body"])
        name = plain(caption["text"]) if caption else ""
        if not name:
            above = [text for start, text in headings if start < m.start() and text]
            name = above[-1] if above else page_title
        used[name] = used.get(name, 0) + 1
        label = PREFIX + name + (f"（{used[name]}）" if used[name] > 1 else "")
        out.append(content[pos:m.start()])
        out.append(f'<div class="table-wrap" role="region" tabindex="0" '
                   f'aria-label="{html.escape(label, quote=True)}">{m.group(0)}</div>')
        pos = m.end()
    out.append(content[pos:])
    return "".join(out)


def on_page_content(html_text, page, config, files):
    return wrap_tables(html_text, page.title or "")
