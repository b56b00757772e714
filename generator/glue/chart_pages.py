"""Charts on a page: their export details and embed box, and one embed page per chart.

A chart block expanded in a page's Markdown is whole only once the page is HTML; then each
chart gets what its tool bar needs to save it (a file name, the source line, the site address)
and a closed box with the `<iframe>` snippet, and is remembered for its embed page, written after
the build under `embed/`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from generator.editions.edition import script_of
from generator.glue.edition_run import EditionRun
from generator.site.chart_embed import plotly_words
from generator.site.chart_share import (
    EmbedPage,
    charts_in,
    embed_page,
    embed_uri,
    export_words_json,
    site_address,
    source_line,
    tool_words,
    with_chart_tools,
)
from generator.site.plotly_bundle import locale_file_name, plotly_locale
from generator.site.web_safety import add_content_security_policy


def with_tools(html: str, page: Page, config: MkDocsConfig, run: EditionRun) -> str:
    """The page's HTML with each chart's export details and embed box; the charts remembered."""
    charts = charts_in(html)
    if not charts:
        return html
    for chart in charts:
        run.embeds.setdefault(chart.chart_id, (chart, page.url))
    depth = page.url.count("/")
    site_url = config.site_url

    def embed_src(chart_id: str) -> str:
        return (site_url or "../" * depth) + embed_uri(chart_id)

    return with_chart_tools(
        html,
        embed_src=embed_src,
        source=source_line(run.base, run.convert, config.site_name),
        site=site_address(site_url),
        words=tool_words(run.convert),
    )


def write_embeds(config: MkDocsConfig, run: EditionRun) -> None:
    """One page per chart under embed/: the chart, its title, source line and a link back."""
    up = "../" * (1 + len([part for part in run.edition.path.split("/") if part]))
    ui = run.convert
    locale = plotly_locale(script_of(run.edition.lang).og_locale)
    for chart_id, (chart, page_url) in sorted(run.embeds.items()):
        back = f"{config.site_url or '../'}{page_url}#chart-{chart_id}"
        document = embed_page(
            chart,
            EmbedPage(
                lang=run.edition.lang,
                site_name=config.site_name,
                source=source_line(run.base, ui, config.site_name),
                site=site_address(config.site_url),
                back_href=back,
                back_words=f"{ui('查看完整图表、数据与出处')}：{config.site_name}",
                assets=up + "assets/",
                icon=up + str(config.theme.get("favicon") or "assets/images/favicon.png"),
                plotly_words=plotly_words(ui),
                plotly_locale=locale,
                plotly_locale_file=locale_file_name(locale),
                export_words=export_words_json(tool_words(ui)),
            ),
        )
        if run.command != "serve":
            document = add_content_security_policy(document)
        target = Path(config.site_dir) / embed_uri(chart_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")
