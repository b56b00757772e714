"""Generated pages: each module renders one page of the report from the (converted) fact model.

`GENERATED_PAGES` lists them, in the order their files sort; `page_context` makes the context
every renderer gets, knowing which page shows which kind of record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.facts.model import FactBase
from generator.site.context import PageContext
from generator.site.pages import (
    analysis,
    changes,
    compute,
    data,
    forecasts,
    market,
    organizations,
    people,
    products,
    sources,
    timeline,
)
from generator.site.pages.page import Page

GENERATED_PAGES: tuple[Page, ...] = tuple(
    module.PAGE
    for module in (
        analysis,
        changes,
        compute,
        data,
        forecasts,
        market,
        organizations,
        people,
        products,
        sources,
        timeline,
    )
)


def generated_pages() -> tuple[Page, ...]:
    """Every generated page, in the order of their module names."""
    return GENERATED_PAGES


def generated_page_of_kind() -> dict[str, str]:
    """Kind of record -> the generated page that shows it."""
    return {kind: page.uri for page in GENERATED_PAGES for kind in page.shows}


def page_context(
    base: FactBase, ui: Callable[[str], str], lang: str, **options: Any
) -> PageContext:
    """The context of an edition's pages, with links to the generated page of every kind."""
    return PageContext(base, ui, lang, generated=generated_page_of_kind(), **options)
