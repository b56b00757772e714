"""Heading anchors in each edition's own script, and the map between editions' anchors.

A heading's anchor is made from the heading as the edition shows it, so a Traditional address
bar shows `#資料量`, never the Simplified source. The language selector carries the reader's
section across: `anchor_map` gives, for each heading anchor of a page, the anchor the same
heading has in another edition (from the heading's Simplified source, converted for that edition).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from pymdownx.slugs import slugify as unicode_slugify

_SLUG = unicode_slugify(case="lower")
SEPARATOR = "-"


def slugify(text: str, separator: str) -> str:
    """Python-Markdown's toc slugify hook."""
    return str(_SLUG(text, separator))


def _walk(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _walk(item.children)


def anchor_map(
    toc: Iterable[Any],
    source_of: Callable[[str], str | None],
    convert_for_other: Callable[[str], str],
) -> dict[str, str]:
    """This page's heading anchor -> the same heading's anchor in the other edition, encoded.

    Only anchors made from the heading text are mapped; an explicit `{ #id }` is the same in
    every edition. `source_of` finds the Simplified source of a converted heading (None when the
    heading was not converted, as in the source edition).
    """
    anchors: dict[str, str] = {}
    for item in _walk(toc):
        title = html.unescape(item.title).strip()
        if item.id != slugify(title, SEPARATOR):
            continue
        source = source_of(title) or title
        other = slugify(convert_for_other(source), SEPARATOR)
        if other != item.id:
            # Written as in an address (percent-encoded): no other script's text in the page.
            anchors[quote(item.id, safe="")] = quote(other, safe="")
    return anchors
