"""A heading's permalink (¶) stays on the line of the heading's last character.

Python-Markdown's toc puts the ¶ right after the heading text. A title that just fills its line
leaves the browser free to break before the ¶, which then sits alone, hidden until hovered, on
a blank line that looks like a gap in the page. Holding the last character and the ¶ together
in a no-wrap span moves that character down with it instead.
"""

from __future__ import annotations

import re

HEADING_END = "heading-end"
# The heading's last character, or the short inline element it ends with (a name linked to its
# record, `code`), held with the ¶ that follows it. A longer element is left free to wrap: held
# whole, it could be wider than a phone.
_LAST_AND_LINK = re.compile(
    r"(?P<last>&#?\w+;|[^\s<>&]|<(?P<tag>a|code|em|strong|span)\b[^>]*>[^<]{1,8}</(?P=tag)>)"
    r"(?P<link><a class=\"headerlink\" [^>]*>[^<]*</a>)(?=</h[1-6]>)"
)


def keep_permalink_with_heading(page_html: str) -> str:
    """`page_html` with each heading's last character (or last inline element) and its ¶ in one
    no-wrap span."""
    return _LAST_AND_LINK.sub(
        lambda m: f'<span class="{HEADING_END}">{m.group("last")}{m.group("link")}</span>',
        page_html,
    )
