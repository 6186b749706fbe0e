"""Task lists a reader can tick: the item's text goes inside the checkbox's label.

pymdownx.tasklist writes `<label class="task-list-control"><input type="checkbox"
disabled/><span class="task-list-indicator"></span></label> text`: a checkbox with no name
(axe: "label", critical) that cannot be ticked. We put the item's text inside the label
(the name, and a tap target as wide as the line) and drop `disabled`, so a reader can tick
the list on screen. Nothing is stored: a reload clears the ticks.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

TASK_ITEM = re.compile(
    r'<label class="task-list-control"><input type="checkbox"(?P<state>(?: disabled| checked)*)/>'
    r'<span class="task-list-indicator"></span></label>'
    r'(?P<text>[^<]*(?:<(?!/?(?:li|ul|ol|p|div|label)\b)[^>]*>[^<]*)*)')


def label_task_items(content: str) -> str:
    def repl(m: re.Match) -> str:
        checked = " checked" if "checked" in m["state"] else ""
        text = m["text"].rstrip()
        tail = m["text"][len(text):]
        return ('<label class="task-list-control"><input type="checkbox"' + checked + '/>'
                '<span class="task-list-indicator"></span>' + text + '</label>' + tail)
    return TASK_ITEM.sub(repl, content)


@event_priority(-10)  # after hooks/glossary.py, which leaves text inside <label> alone
def on_page_content(html_text, page, config, files):
    return label_task_items(html_text)
