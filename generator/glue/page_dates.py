"""When each page last changed, for the sitemap and the page's foot, and the dates its facts keep.

Set in `on_nav`: the sitemap is written before any page, and its `<lastmod>` should be the day
the page last changed, else the build's day; when neither is known (outside git) the page is
listed in `undated_pages` and has no `<lastmod>`, instead of the day MkDocs would take from the
clock. Once a page is HTML, the fact dates most of its facts share leave it (known only once the
page is whole: prose places facts of any page).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.glue.edition_run import EditionRun
from generator.site.freshness import quiet_usual_days


def date_pages(files: Files, config: MkDocsConfig, run: EditionRun) -> None:
    """Give every page its update day, or list it as undated."""
    build_day = run.built.date().isoformat() if run.built is not None else None
    undated = []
    for file in files.documentation_pages():
        if file.page is None:
            continue
        updated = run.page_revision(file)
        day = updated.day if updated is not None else build_day
        if day is None:
            undated.append(file.src_uri)
        else:
            file.page.update_date = day
    config.extra["undated_pages"] = undated


def without_usual_fact_days(html: str, page: Page, run: EditionRun) -> str:
    """The page's HTML without the fact dates most of its facts share (kept in its meta)."""
    updated = run.page_revision(page.file)
    page_day = updated.day if updated is not None else None
    html, page.meta["usual_fact_day"] = quiet_usual_days(html, page_day)
    return html
