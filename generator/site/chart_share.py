"""Passing a chart on: image export details, an embed page per chart and its `<iframe>` snippet.

The charts are found in a page's finished HTML by the markup `chart_embed.chart_html` writes.
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

EMBED_DIR = "embed"
# Height of the embed page around the chart: title, source line and link back.
EMBED_CHROME_PX = 120
# Characters a file name may not hold on Windows, macOS or Linux.
_UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_CHART = re.compile(
    r'<figure class="report-chart-wrap" id="chart-(?P<id>[a-z0-9-]+)">\s*'
    r'<div class="report-chart" role="group" aria-label="(?P<label>[^"]*)" '
    r'style="height:(?P<height>\d+)px" data-figure="(?P<figure>[^"]*)">'
)
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


def charts_in(page_html: str) -> list[ChartOnPage]:
    """The charts of a finished page, in page order."""
    return [
        ChartOnPage(m["id"], html.unescape(m["label"]), int(m["height"]), m["figure"])
        for m in _CHART.finditer(page_html)
    ]


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

    pieces: list[str] = []
    last = 0
    for match in _CHART.finditer(page_html):
        close = page_html.find("</figure>", match.end())
        if close < 0:
            continue
        label = html.unescape(match["label"])
        attributes = _attributes(
            {
                "data-export-name": file_name(label),
                "data-export-source": source,
                "data-export-site": site,
            }
        )
        opened = match.group(0).replace(
            '<figure class="report-chart-wrap"', f'<figure class="report-chart-wrap"{attributes}', 1
        )
        code = snippet(embed_src(match["id"]), label, int(match["height"]))
        box = _share_box(match["id"], code, words)
        pieces += [page_html[last : match.start()], opened, page_html[match.end() : close], box]
        last = close
    pieces.append(page_html[last:])
    return "".join(pieces)


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
    export_words: str


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
            '<meta name="robots" content="noindex">',
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
            f'<div hidden id="report-plotly-words" data-words="{e(page.plotly_words, quote=True)}"></div>',
            f'<div hidden id="report-chart-export" data-words="{e(page.export_words, quote=True)}"></div>',
            f'<script defer src="{page.assets}javascripts/report-chart-tools.js"></script>',
            f'<script defer src="{page.assets}javascripts/report-charts.js"'
            ' data-plotly="plotly-report.min.js"></script>',
            "</body>",
            "</html>",
            "",
        ]
    )
