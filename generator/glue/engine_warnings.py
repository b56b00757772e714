"""MkDocs' warnings about a hand-written page's links, followed by a line in the contributor's
language that names the file, the line and the fix.

MkDocs words these warnings in English and names no line. Under --strict each one stops the
build, so the contributor needs to know where the link is and what to write instead. The English
line stays as it is (it is what a search for the problem finds); the hint comes after it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from generator.facts.messages import say

# Where MkDocs logs a page's link problems (mkdocs/structure/pages.py).
PAGES_LOGGER = "mkdocs.structure.pages"
_PAGES_SHOWN = 8

# Each warning's pattern, and the hint that follows it.
_PATTERNS: tuple[tuple[Callable[..., str], re.Pattern[str]], ...] = (
    (
        lambda **values: say("link-target-missing", **values),
        re.compile(
            r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but the target"
            r"(?: '[^']+')? is not found among documentation files\."
            r"(?: Did you mean '(?P<guess>[^']+)'\?)?"
        ),
    ),
    (
        lambda **values: say("link-anchor-missing", **values),
        re.compile(
            r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but (?:there is no "
            r"such anchor on this page|the doc '[^']+' does not contain an anchor '#[^']+')"
        ),
    ),
    (
        lambda **values: say("link-unrecognized", **values),
        re.compile(
            r"Doc file '(?P<file>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)'"
        ),
    ),
)


class LinkWarningHints(logging.Filter):
    """Adds the hint to each link warning MkDocs logs about a page under `docs_dir`; `pages`
    are the site's pages a link may name, written and generated."""

    def __init__(self, docs_dir: Path, pages: list[str]) -> None:
        super().__init__()
        self.docs_dir = docs_dir
        self.pages = pages

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for hint_of, pattern in _PATTERNS:
            found = pattern.match(message)
            if found is None:
                continue
            source = self.docs_dir / found["file"]
            where = f"{self.docs_dir.name}/{found['file']}{_line_of(source, found['link'])}"
            pages = found.groupdict().get("guess") or self.some_pages()
            hint = hint_of(where=where, link=found["link"], pages=pages)
            record.msg, record.args = f"{message}\n  {hint}", ()
            break
        return True

    def some_pages(self) -> str:
        """The first few pages a link may name."""
        shown = "、".join(self.pages[:_PAGES_SHOWN])
        return shown + ("……" if len(self.pages) > _PAGES_SHOWN else "")


def hint_link_warnings(docs_dir: Path, pages: list[str]) -> None:
    """Attach the hints to MkDocs' page warnings for this build (one filter at a time)."""
    logger = logging.getLogger(PAGES_LOGGER)
    for old in [f for f in logger.filters if isinstance(f, LinkWarningHints)]:
        logger.removeFilter(old)
    logger.addFilter(LinkWarningHints(docs_dir, pages))


def _line_of(source: Path, link: str) -> str:
    """':N', the first line of the page that holds the link, or '' when it cannot be found."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    written = (f"]({link}", f"]: {link}", link)
    for wanted in written:
        for number, line in enumerate(lines, 1):
            if wanted in line:
                return f":{number}"
    return ""
