"""Generated pages: each module renders one page of the report from the (converted) fact model.

A module here that declares `PAGE` (a `Page`) is a page of every edition: nothing else lists it.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from generator.site.pages.page import Page


@cache
def generated_pages() -> tuple[Page, ...]:
    """Every generated page, found in this package, in the order of their module names."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda module: module.name):
        page = getattr(importlib.import_module(f"{__name__}.{info.name}"), "PAGE", None)
        if isinstance(page, Page):
            found.append(page)
    return tuple(found)


def generated_page_of_kind() -> dict[str, str]:
    """Kind of record -> the generated page that shows it."""
    return {kind: page.uri for page in generated_pages() for kind in page.shows}
