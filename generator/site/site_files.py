"""Everything the report adds to a build's files: generated pages and downloads, by site path."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from generator.site.bundle import bundle_name, data_bundle
from generator.site.charts import CHART_BLOCKS
from generator.site.context import PageContext
from generator.site.pages import changes, chosen_pages, data, generated_pages
from generator.site.render import md_text

FEED_URI = changes.FEED


def report_names() -> dict[str, set[str]]:
    """The names report.yml may give words to: generated pages (by file stem) and charts."""
    return {
        "pages": {page.uri.removesuffix(".md") for page in generated_pages()},
        "charts": set(CHART_BLOCKS),
    }


def _front_matter(title: str, description: str) -> str:
    # Quoted: report.yml's words may hold a colon or a hash, which plain YAML would misread.
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    return "\n".join([*lines, "---", ""])


def page_sources(ctx: PageContext) -> Iterator[tuple[str, str]]:
    """(src_uri, Markdown) of every generated page the report has, in one edition."""
    ui: Callable[[str], str] = ctx.ui
    for page in chosen_pages(ctx.report):
        name = page.uri.removesuffix(".md")
        description, intro = ctx.page_texts(name, page.description)
        title = ctx.page_title(name, page.title)
        body = page.render(ctx)
        heading = f"# {ui(page.title)}\n"
        if intro and md_text(intro) not in body:
            body = body.replace(heading, f"{heading}\n{md_text(intro)}\n", 1)
        if title != ui(page.title):
            body = body.replace(heading, f"# {md_text(title)}\n", 1)
        yield page.uri, _front_matter(title, description) + body


def generated_files(ctx: PageContext) -> Iterator[tuple[str, str | bytes]]:
    """(source path, content) of each file to add to the build: pages and downloads."""
    yield from page_sources(ctx)
    export = ctx.export
    yield f"{data.DOWNLOAD_DIR}/facts.json", export.json
    for name, text in export.csv.items():
        yield f"{data.DOWNLOAD_DIR}/{name}", text
    if ctx.publication is not None:
        bundle = data_bundle(ctx.base, ctx.publication, ctx.ui, not ctx.converted, export)
        yield f"{data.DOWNLOAD_DIR}/{bundle_name(ctx.publication)}", bundle
