"""While previewing (`mkdocs serve`), broken data is shown in the browser, not only in the terminal.

A build that raised would leave the browser waiting until the data is mended; instead the preview
keeps serving the last good facts (or none) with a panel on every page naming file, line and
field of each problem. Saving the fixed file rebuilds, and the live reload drops the panel.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable, Sequence

from generator.facts.model import FactBase

PANEL_WORDS = {
    "title": "数据有问题，预览暂停更新",
    "help": "页面仍显示上一次能正确读取的数据（刚启动预览时为空）。按上面的提示改正并保存文件，预览会自动刷新。",
}
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
# Inline styles: the panel must show whatever the theme's CSS does, and the preview sends no CSP.
_PANEL_STYLE = (
    "position:sticky;top:0;z-index:1000;margin:0;padding:.8rem 1.2rem;"
    "background:#fff3f3;color:#5c0000;border-bottom:3px solid #c62828;"
    "font:15px/1.5 system-ui,sans-serif;max-height:50vh;overflow:auto"
)


def empty_fact_base() -> FactBase:
    """A fact base with no records: what the preview shows when no good data was ever loaded."""
    return FactBase(**{name: [] for name in FactBase.model_fields})


def problems_panel(problems: Sequence[str], convert: Callable[[str], str]) -> str:
    """The panel's HTML; problem lines are data and are escaped, never interpreted."""
    items = "".join(
        f'<li><code style="white-space:pre-wrap">{html.escape(line)}</code></li>'
        for line in problems
    )
    title = html.escape(convert(PANEL_WORDS["title"]))
    help_text = html.escape(convert(PANEL_WORDS["help"]))
    return (
        f'<div role="alert" class="report-problems" style="{_PANEL_STYLE}">'
        f"<strong>{title}</strong><ol>{items}</ol><p>{help_text}</p></div>"
    )


def with_panel(page_html: str, panel: str) -> str:
    """`page_html` with `panel` as the first thing in its body."""
    match = _BODY_OPEN.search(page_html)
    if match is None:
        return panel + page_html
    return page_html[: match.end()] + panel + page_html[match.end() :]


def tell_terminal(problems: Sequence[str]) -> None:
    """Print the problems where the editor started the preview.

    Not through MkDocs' logger: with `strict: true` an error logged there would fail the build,
    which is exactly the hang this module avoids.
    """
    lines = "\n".join(problems)
    print(f"\n{lines}\n{len(problems)} 处数据问题：预览页面顶部也列出了它们。\n", file=sys.stderr)
