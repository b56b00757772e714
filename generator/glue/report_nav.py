"""The site's navigation when report.yml's `nav` lists the report's pages.

Why report.yml fills MkDocs' nav rather than checking it against one written in mkdocs.yml: the
pages a report has, their order and their titles are then written once, beside the words they
go with, and a page left out is simply not generated (no MkDocs `not_in_nav` setting, no second
list to keep in step). A mkdocs.yml that still writes a nav is refused in one line naming it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.facts.messages import say
from generator.facts.model import Report
from generator.site.pages import GENERATED_PAGES

_TITLES = {page.uri.removesuffix(".md"): page.title for page in GENERATED_PAGES}


def _entry(name: str, report: Report) -> str | dict[str, str]:
    """One page of the nav: a hand-written file as it is (its own heading titles it), a
    generated page under report.yml's title or the generic one (converted in on_nav)."""
    if name.endswith(".md"):
        return name
    texts = report.pages.get(name)
    return {texts.title if texts and texts.title else _TITLES[name]: f"{name}.md"}


def nav_of(report: Report) -> list[Any]:
    """MkDocs' nav (its `nav:` format) made from report.yml's nav."""
    items: list[Any] = []
    for item in report.nav or ():
        if isinstance(item, str):
            items.append(_entry(item, report))
        else:
            items += [
                {title: [_entry(name, report) for name in group]} for title, group in item.items()
            ]
    return items


def fill_nav(config: MkDocsConfig, report: Report, report_file: str) -> None:
    """Set MkDocs' nav from report.yml (the report as written, Simplified) when it has one."""
    if report.nav is None:
        return
    if config.nav is not None:
        text = Path(config.config_file_path).read_text(encoding="utf-8")
        found = re.search(r"^nav\s*:", text, re.MULTILINE)
        line = text.count("\n", 0, found.start()) + 1 if found else 1
        raise PluginError(say("nav-twice", report=report_file, line=line))
    config.nav = nav_of(report)


def _pages(items: list[Any]) -> list[Page]:
    found: list[Page] = []
    for item in items:
        if isinstance(item, Section):
            found += _pages(item.children)
        elif isinstance(item, Page):
            found.append(item)
    return found


def titled_from_report(nav: Navigation, report: Report) -> None:
    """Generated pages in a mkdocs.yml nav take report.yml's title (in the edition's script),
    so that a title given there is shown in the nav as on the page."""
    for page in _pages(nav.items):
        texts = report.pages.get(page.file.src_uri.removesuffix(".md"))
        if page.file.generated_by and texts and texts.title:
            page.title = texts.title
