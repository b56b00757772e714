"""Safe chart embedding: figure JSON in an HTML-escaped attribute, drawn by one script of ours.

An attribute cannot be closed by `</script>` or a quote once escaped, and under Material's instant
navigation it is not re-run as a script. Until plotly.js draws it, the box already has the figure's
height and shows its title, so the page does not move when the chart appears. The text alternative
sits right under the chart.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable

import plotly.graph_objects as go

from generator.site.html_parts import parts_with_class

# plotly.js's interface words that its own locales (zh-CN, zh-TW, vendored beside the bundle:
# plotly_bundle.PLOTLY_LOCALES) lack, keyed by its English text; each edition hands them,
# converted, to plotly.js, which looks them up before its locale. Everything else plotly.js shows
# (tool-bar titles, notices, the legend and zoom hints) is in its locale.
PLOTLY_WORDS = {
    "Download plot as JSON": "下载图表（JSON）",
    "Sorry, there was a problem downloading your JSON file!": "抱歉，JSON 下载失败。",
}


def plotly_words(convert: Callable[[str], str]) -> str:
    """plotly.js's interface words in an edition's script, as JSON for the page."""
    words = {english: convert(chinese) for english, chinese in PLOTLY_WORDS.items()}
    return json.dumps(words, ensure_ascii=False, sort_keys=True)


def figure_json(figure: go.Figure) -> str:
    """The figure as compact, key-sorted JSON (stable across builds)."""
    data = json.loads(figure.to_json(engine="json"))
    data.pop("config", None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# What every chart container carries; text from the data is escaped and cannot spell it.
CHART_CLASS = "report-chart"


def nothing_to_draw(ui: Callable[[str], str]) -> str:
    """What a chart block says instead of an empty chart when the data holds nothing for it:
    one sentence in the edition's script, and no figure, so its page loads no plotly.js."""
    return (
        f'<p class="report-chart-empty">{ui("这份报道的数据里还没有可以画进这张图的记录。")}</p>\n'
    )


def holds_chart(page_html: str) -> bool:
    """Whether a rendered page has a chart to draw (and so needs plotly.js)."""
    return any(
        part.tag == "div" and "data-figure" in part.attrs
        for part in parts_with_class(page_html, CHART_CLASS)
    )


def chart_html(
    chart_id: str, figure: go.Figure, label: str, alternative_markdown: str, hint: str = ""
) -> str:
    """A chart block: the figure container, then its text alternative as Markdown.

    `hint` (our own words, how to move the chart) is shown under the chart on screen only."""
    payload = html.escape(figure_json(figure), quote=True)
    height = int(figure.layout.height or 450)
    shown_label = html.escape(label, quote=True)
    return "\n".join(
        [
            f'<figure class="report-chart-wrap" id="chart-{chart_id}">',
            f'<div class="report-chart" role="group" aria-label="{shown_label}" style="height:{height}px" data-figure="{payload}">'
            f'<p class="report-chart__waiting">{shown_label}</p></div>',
            *([f'<p class="report-chart__hint">{html.escape(hint)}</p>'] if hint else []),
            "</figure>",
            "",
            alternative_markdown,
            "",
        ]
    )
