"""Content-Security-Policy for every page: only the site's own scripts may run.

The theme has a few inline scripts of its own; each is allowed by its SHA-256 hash, computed from
the finished page. An inline script found in the page's content (its Markdown, and everything
filled in from the data) gets no hash, so a script anyone manages to put there is refused by the
browser; text from the data is escaped as well, so none should ever get that far.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# A script element's body is raw text up to the first "</script" followed by a space, "/" or
# ">" (whatever comes before the closing ">"), so a pattern finds the bodies a browser runs in a
# fraction of an HTML parser's time. It may also find a body a browser would not run (inside a
# comment), which only adds an unused hash; the site's own script tags hold no ">" in values.
_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script(?=[\s/>])[^>]*>", re.S | re.I)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.I)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


def inline_scripts(page_html: str) -> list[str]:
    """The bodies of the page's inline scripts that a browser would run."""
    bodies = []
    for match in _SCRIPT.finditer(page_html):
        attributes = match.group(1) or ""
        kind = _TYPE.search(attributes)
        script_type = (
            next((value for value in kind.groups() if value is not None), "") if kind else ""
        )
        if script_type.strip().lower() in _EXECUTABLE_TYPES and not _SRC.search(attributes):
            bodies.append(match.group(2))
    return bodies


def policy_for(page_html: str, refused: Iterable[str] = ()) -> str:
    """The CSP that lets this page's own inline scripts, but none of `refused`, and same-origin
    scripts run."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in set(inline_scripts(page_html)) - set(refused)
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *hashes]),
            "style-src 'self' 'unsafe-inline'",
            # blob: is where plotly.js renders a chart before saving it as PNG.
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_content_security_policy(page_html: str, refused: Iterable[str] = ()) -> str:
    """The page with its CSP as the first element of <head>; inline scripts whose body is one
    of `refused` (those of the page's content) get no hash."""
    policy = policy_for(page_html, refused)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return page_html.replace("<head>", "<head>\n    " + meta, 1)
