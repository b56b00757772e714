"""Heading anchors that are the same in every script, so a link to a section works in each edition.

The plugin registers the edition's converter; a heading it converted is slugged from its
Simplified source (資料量 → 数据量), anything else is folded back to Simplified character by
character. Either way `## 資料量` in the Traditional edition gets the anchor `#数据量`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import opencc
from pymdownx.slugs import slugify as unicode_slugify

_SLUG = unicode_slugify(case="lower")
_source_of: Callable[[str], str | None] = lambda text: None  # noqa: E731


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def use_sources(lookup: Callable[[str], str | None]) -> None:
    """Register how to find the Simplified source of converted text (for the current build)."""
    global _source_of  # one build at a time; the plugin sets it per edition
    _source_of = lookup


def slugify(text: str, separator: str) -> str:
    """Python-Markdown's toc slugify hook."""
    source = _source_of(text.strip()) or _to_simplified().convert(text)
    return str(_SLUG(source, separator))
