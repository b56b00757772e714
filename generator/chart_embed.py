"""Safe chart embedding: figure JSON in an HTML-escaped attribute, drawn by one script of ours.

An attribute cannot be closed by `</script>` or a quote once escaped, and under Material's instant
navigation it is not re-run as a script. Until plotly.js draws it, the box already has the figure's
height and shows its title, so the page does not move when the chart appears. The text alternative
sits right under the chart.
"""

from __future__ import annotations

import html
import json

import plotly.graph_objects as go


def figure_json(figure: go.Figure) -> str:
    """The figure as compact, key-sorted JSON (stable across builds)."""
    data = json.loads(figure.to_json(engine="json"))
    data.pop("config", None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def chart_html(chart_id: str, figure: go.Figure, label: str, alternative_markdown: str) -> str:
    """A chart block: the figure container, then its text alternative as Markdown."""
    payload = html.escape(figure_json(figure), quote=True)
    height = int(figure.layout.height or 450)
    shown_label = html.escape(label, quote=True)
    return "\n".join(
        [
            f'<figure class="report-chart-wrap" id="chart-{chart_id}">',
            f'<div class="report-chart" role="img" aria-label="{shown_label}" style="height:{height}px" data-figure="{payload}">'
            f'<p class="report-chart__waiting">{shown_label}</p></div>',
            "</figure>",
            "",
            alternative_markdown,
            "",
        ]
    )
