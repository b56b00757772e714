"""Content-Security-Policy for every page: only the site's own scripts may run.

The theme has a few inline scripts of its own; each is allowed by its SHA-256 hash, computed from
the finished page, so an inline script that anyone manages to inject is refused by the browser.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._collecting: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        found = dict(attrs)
        executable = (found.get("type") or "").lower() in _EXECUTABLE_TYPES
        self._collecting = [] if executable and "src" not in found else None

    def handle_data(self, data: str) -> None:
        if self._collecting is not None:
            self._collecting.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._collecting is not None:
            self.bodies.append("".join(self._collecting))
            self._collecting = None


def policy_for(page_html: str) -> str:
    """The CSP that lets exactly this page's own inline scripts and same-origin scripts run."""
    parser = _InlineScripts()
    parser.feed(page_html)
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
            for body in parser.bodies
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


def add_content_security_policy(page_html: str) -> str:
    """The page with its CSP as the first element of <head>."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(page_html)}">'
    return page_html.replace("<head>", "<head>\n    " + meta, 1)
