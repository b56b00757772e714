"""Generated pages: each module renders one page of the report from the (converted) fact model.

`GENERATED_PAGES` lists them, in the order their files sort; `chosen_pages` those a report has
(report.yml's `nav`); `page_context` makes the context every renderer gets, knowing which page
shows which kind of record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.facts.model import FactBase, Report
from generator.site.context import PageContext
from generator.site.pages.analysis import PAGE as ANALYSIS
from generator.site.pages.changes import PAGE as CHANGES
from generator.site.pages.compute import PAGE as COMPUTE
from generator.site.pages.data import PAGE as DATA
from generator.site.pages.forecasts import PAGE as FORECASTS
from generator.site.pages.market import PAGE as MARKET
from generator.site.pages.organizations import PAGE as ORGANIZATIONS
from generator.site.pages.page import Page
from generator.site.pages.people import PAGE as PEOPLE
from generator.site.pages.products import PAGE as PRODUCTS
from generator.site.pages.sources import PAGE as SOURCES
from generator.site.pages.timeline import PAGE as TIMELINE

GENERATED_PAGES: tuple[Page, ...] = (
    ANALYSIS, CHANGES, COMPUTE, DATA, FORECASTS, MARKET, ORGANIZATIONS, PEOPLE, PRODUCTS, SOURCES,
    TIMELINE,
)  # fmt: skip


def generated_pages() -> tuple[Page, ...]:
    """Every generated page, in the order of their module names."""
    return GENERATED_PAGES


def nav_names(report: Report) -> list[str]:
    """Every page report.yml's nav lists, in its order, sections flattened."""
    names: list[str] = []
    for item in report.nav or ():
        if isinstance(item, str):
            names.append(item)
        else:
            names += [name for group in item.values() for name in group]
    return names


def chosen_pages(report: Report | None = None) -> tuple[Page, ...]:
    """The generated pages this report has: those its nav lists, in that order; every one when
    report.yml has no nav."""
    if report is None or report.nav is None:
        return GENERATED_PAGES
    by_name = {page.uri.removesuffix(".md"): page for page in GENERATED_PAGES}
    return tuple(by_name[name] for name in nav_names(report) if name in by_name)


def generated_page_of_kind(report: Report | None = None) -> dict[str, str]:
    """Kind of record -> the generated page that shows it (of the pages this report has)."""
    return {kind: page.uri for page in chosen_pages(report) for kind in page.shows}


def page_context(
    base: FactBase, ui: Callable[[str], str], lang: str, **options: Any
) -> PageContext:
    """The context of an edition's pages, with links to the generated page of every kind the
    report has a page for (`report=` in the options)."""
    report: Report | None = options.get("report")
    return PageContext(base, ui, lang, generated=generated_page_of_kind(report), **options)
