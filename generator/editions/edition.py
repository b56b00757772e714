"""An edition of the report: one script of the site, with its language, name and folder."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    """One script of the site: language code, selector name, OpenCC config, URL folder."""

    lang: str
    name: str
    opencc: str | None
    path: str  # "" for the root edition, else a folder name such as "zh-Hant"

    def url_of(self, page_url: str) -> str:
        """Site-root-relative URL of a page of this edition (page_url as MkDocs gives it)."""
        return posixpath.join(self.path, page_url) if self.path else page_url
