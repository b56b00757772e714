"""Passing a chart on: image export details, an embed page per chart and its `<iframe>` snippet.

The charts are found in a page's finished HTML by an HTML parser (`html_parts`), by the classes
`chart_embed.chart_html` gives them; their tools are spliced in, the rest of the page untouched.
Each chart's `<figure>` gets what the export in the browser draws into the image (file name,
source line, site address) and a box with the `<iframe>` snippet and a copy button; each chart
also gets a page of its own under `embed/` holding only the chart, its title, the source line
and a link back.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.facts.model import FactBase
from generator.site.chart_embed import CHART_CLASS
from generator.site.html_parts import Part, inside, parts_with_class, spliced

EMBED_DIR = "embed"
# Height of the embed page around the chart: title, source line and link back.
EMBED_CHROME_PX = 120
# Characters a file name may not hold on Windows, macOS or Linux.
_UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
# The chart's figure and drawing area, as chart_embed.chart_html writes them.
WRAP_CLASS = "report-chart-wrap"
_HEIGHT = re.compile(r"height:(\d+)px")
# Interface words of the export and embed tools, in Simplified; each edition converts them.
TOOL_WORDS = {
    "png": "下载图表（PNG）",
    "svg": "下载图表（SVG）",
    "embed": "嵌入这张图表",
    "embed_help": "把下面的代码贴进网页，就能显示这张图表：",
    "snippet": "嵌入代码",
    "copy": "复制嵌入代码",
    "copied": "已复制到剪贴板",
    "copy_failed": "无法自动复制：代码已全部选取，请按 Ctrl+C（Mac 按 ⌘C）复制",
}


@dataclass(frozen=True)
class ChartOnPage:
    """A chart as a page holds it: id, label (its title), drawn height and escaped figure."""

    chart_id: str
    label: str
    height: int
    figure_attribute: str  # the data-figure value, still HTML-escaped


def _charts(page_html: str) -> list[tuple[Part, ChartOnPage]]:
    """Each chart of a finished page with its <figure>, in page order."""
    parts = parts_with_class(page_html, WRAP_CLASS, CHART_CLASS)
    found = []
    for wrap in parts:
        chart_id = wrap.attrs.get("id", "").removeprefix("chart-")
        if wrap.tag != "figure" or WRAP_CLASS not in wrap.classes or wrap.end < 0:
            continue
        drawn = next(
            (
                part
                for part in parts
                if part.tag == "div" and CHART_CLASS in part.classes and inside(part, wrap)
            ),
            None,
        )
        height = _HEIGHT.fullmatch(drawn.attrs.get("style", "")) if drawn else None
        if drawn is None or height is None or "data-figure" not in drawn.attrs:
            continue
        label = drawn.attrs.get("aria-label", "")
        figure = html.escape(drawn.attrs["data-figure"], quote=True)
        found.append((wrap, ChartOnPage(chart_id, label, int(height[1]), figure)))
    return found


def charts_in(page_html: str) -> list[ChartOnPage]:
    """The charts of a finished page, in page order."""
    return [chart for _, chart in _charts(page_html)]


def file_name(label: str) -> str:
    """A download's file name (without extension) from a chart's title."""
    name = _UNSAFE_IN_FILE_NAME.sub("-", label).strip(" .-")
    return name or "chart"


def source_line(base: FactBase, ui: Callable[[str], str], site_name: str) -> str:
    """'资料来源：<媒体>《…》等；整理：《site》' — the report's first source stands for all. The
    site is a work, so it takes title marks (and its own colon never follows 整理：)."""
    credit = f"{ui('整理')}：《{site_name}》"
    if not base.sources:
        return credit
    first = base.sources[0]
    outlet = next((o.name for o in base.organizations if o.id == first.outlet), "")
    more = ui("等") if len(base.sources) > 1 else ""
    return f"{ui('资料来源')}：{outlet}《{first.title}》{more}；{credit}"


def site_address(site_url: str | None) -> str:
    """The site address as an image prints it: host and path, no scheme."""
    return (site_url or "").split("://", 1)[-1].rstrip("/")


def embed_uri(chart_id: str) -> str:
    """Edition-relative address of a chart's embed page."""
    return f"{EMBED_DIR}/{chart_id}.html"


def snippet(src: str, label: str, height: int) -> str:
    """The `<iframe>` a reader pastes into another page."""
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(label, quote=True)}"'
        f' width="100%" height="{height + EMBED_CHROME_PX}" style="border:0" loading="lazy">'
        "</iframe>"
    )


def tool_words(ui: Callable[[str], str]) -> dict[str, str]:
    """The tools' words in an edition's script."""
    return {key: ui(text) for key, text in TOOL_WORDS.items()}


def with_chart_tools(
    page_html: str,
    *,
    embed_src: Callable[[str], str],
    source: str,
    site: str,
    words: dict[str, str],
) -> str:
    """The page with each chart's export details and embed box added inside its figure."""

    edits: list[tuple[int, int, str]] = []
    for wrap, chart in _charts(page_html):
        attributes = _attributes(
            {
                "data-export-name": file_name(chart.label),
                "data-export-source": source,
                "data-export-site": site,
            }
        )
        # The export details follow the figure's class, as chart_html writes the tag.
        after_class = page_html.find(f'class="{WRAP_CLASS}"', wrap.start, wrap.opened)
        if after_class >= 0:
            at = after_class + len(f'class="{WRAP_CLASS}"')
            edits.append((at, at, attributes))
        code = snippet(embed_src(chart.chart_id), chart.label, chart.height)
        box = _share_box(chart.chart_id, code, words)
        edits.append((wrap.closing, wrap.closing, box))
    return spliced(page_html, edits)


def _attributes(values: dict[str, str]) -> str:
    return "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in values.items())


def _share_box(chart_id: str, code: str, words: dict[str, str]) -> str:
    """A closed box with the snippet, a copy button and a live status line."""
    field = f"embed-code-{chart_id}"
    e = html.escape
    return (
        f'<details class="report-chart-share" data-search-exclude>'
        f"<summary>{e(words['embed'])}</summary>"
        f"<p>{e(words['embed_help'])}</p>"
        f'<label class="report-chart-share__label" for="{field}">{e(words["snippet"])}</label>'
        f'<textarea id="{field}" class="report-chart-share__code" rows="3" readonly'
        f' spellcheck="false">{e(code)}</textarea>'
        f'<button type="button" class="md-button report-chart-share__copy"'
        f' data-copy="{field}" data-copied="{e(words["copied"], quote=True)}"'
        f' data-copy-failed="{e(words["copy_failed"], quote=True)}">{e(words["copy"])}</button>'
        f'<span class="report-chart-share__status" role="status" aria-live="polite"></span>'
        "</details>"
    )


def export_words_json(words: dict[str, str]) -> str:
    """The modebar buttons' titles for the page, as JSON."""
    return json.dumps({"png": words["png"], "svg": words["svg"]}, ensure_ascii=False)


@dataclass(frozen=True)
class EmbedPage:
    """What an embed page shows besides the chart."""

    lang: str
    site_name: str
    source: str
    site: str
    back_href: str  # the chart on its page, absolute when the site address is known
    back_words: str
    assets: str  # relative path from the embed page to the root edition's assets/
    icon: str  # relative path from the embed page to the site's icon
    plotly_words: str
    plotly_locale: str  # the plotly.js locale the chart speaks (zh-TW)
    plotly_locale_file: str  # its vendored file, beside plotly.js
    export_words: str


def canonical_link(back_href: str) -> list[str]:
    """A search engine that finds an embed page is sent to the chart's own page (the embed page
    is meant to be framed, and the chart's page holds its citations and data). Only an absolute
    address makes a valid canonical link: a build without a site address gets none."""
    if not back_href.startswith(("https://", "http://")):
        return []
    page = html.escape(back_href.split("#", 1)[0], quote=True)
    return [f'<link rel="canonical" href="{page}">']


def embed_page(chart: ChartOnPage, page: EmbedPage) -> str:
    """A complete HTML document holding one chart, with no navigation chrome."""
    e = html.escape
    label = e(chart.label)
    figure_attributes = _attributes(
        {
            "data-export-name": file_name(chart.label),
            "data-export-source": page.source,
            "data-export-site": page.site,
        }
    )
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{e(page.lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width,initial-scale=1">',
            f'<meta name="description" content="{label}。{e(page.source, quote=True)}">',
            *canonical_link(page.back_href),
            f"<title>{label} - {e(page.site_name)}</title>",
            f'<link rel="icon" href="{e(page.icon, quote=True)}">',
            f'<link rel="stylesheet" href="{page.assets}stylesheets/report-embed.css">',
            "</head>",
            '<body class="report-embed">',
            "<main>",
            f'<h1 class="report-embed__title">{label}</h1>',
            f'<figure class="report-chart-wrap" id="chart-{chart.chart_id}"{figure_attributes}>',
            f'<div class="report-chart" role="group" aria-label="{label}"'
            f' style="height:{chart.height}px" data-figure="{chart.figure_attribute}">'
            f'<p class="report-chart__waiting">{label}</p></div>',
            "</figure>",
            f'<p class="report-embed__source">{e(page.source)}</p>',
            f'<p class="report-embed__back"><a href="{e(page.back_href, quote=True)}"'
            f' target="_blank" rel="noopener">{e(page.back_words)}</a></p>',
            "</main>",
            f'<div hidden id="report-plotly-words" data-locale="{e(page.plotly_locale, quote=True)}"'
            f' data-words="{e(page.plotly_words, quote=True)}"></div>',
            f'<div hidden id="report-chart-export" data-words="{e(page.export_words, quote=True)}"></div>',
            f'<script defer src="{page.assets}javascripts/report-chart-tools.js"></script>',
            # The light preview first, plotly.js when the reader reaches for the chart: framed
            # on another site's page, the chart costs that page no seconds of script.
            f'<script defer src="{page.assets}javascripts/report-chart-preview.js"></script>',
            f'<script defer src="{page.assets}javascripts/report-charts.js"'
            ' data-plotly="plotly-report.min.js"'
            f' data-plotly-locale="{e(page.plotly_locale_file, quote=True)}"></script>',
            "</body>",
            "</html>",
            "",
        ]
    )
