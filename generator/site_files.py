"""Everything the report adds to the MkDocs file list: generated pages and downloads."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from generator.bundle import bundle_name, data_bundle
from generator.charts import CHART_BLOCKS
from generator.export import facts_csv, facts_json
from generator.pages import changes, data, generated_pages
from generator.pages.context import PageContext

FEED_URI = changes.FEED


def report_names() -> dict[str, set[str]]:
    """The names report.yml may give words to: generated pages (by file stem) and charts."""
    return {
        "pages": {page.uri.removesuffix(".md") for page in generated_pages()},
        "charts": set(CHART_BLOCKS),
    }


def _front_matter(title: str, description: str) -> str:
    return "\n".join(["---", f"title: {title}", f"description: {description}", "---", ""])


def page_sources(ctx: PageContext) -> Iterator[tuple[str, str]]:
    """(src_uri, Markdown) of every generated page of one edition."""
    ui: Callable[[str], str] = ctx.ui
    for page in generated_pages():
        description, _ = ctx.page_texts(page.uri.removesuffix(".md"), page.description)
        yield page.uri, _front_matter(ui(page.title), description) + page.render(ctx)


def generated_files(ctx: PageContext, config: MkDocsConfig) -> Iterator[File]:
    """Files to add to the build: pages and downloads (with the data bundle)."""
    for uri, markdown in page_sources(ctx):
        yield File.generated(config, uri, content=markdown)
    facts = facts_json(ctx.base, ctx.ui, conversion_tables=not ctx.converted)
    yield File.generated(config, f"{data.DOWNLOAD_DIR}/facts.json", content=facts)
    for name, text in facts_csv(ctx.base, ctx.ui, not ctx.converted).items():
        yield File.generated(config, f"{data.DOWNLOAD_DIR}/{name}", content=text)
    if ctx.publication is not None:
        bundle = data_bundle(ctx.base, ctx.publication, ctx.ui, not ctx.converted)
        name = bundle_name(ctx.publication)
        yield File.generated(config, f"{data.DOWNLOAD_DIR}/{name}", content=bundle)
