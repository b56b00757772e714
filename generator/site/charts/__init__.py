"""Plotly figures built from the edition's fact model: one module per chart, shared layout in
`layout`, uncertain dates in `spans`.

Every figure is built from `ctx.base` (already in the edition's script); our own words go through
`ctx.ui`, the report's titles come from report.yml (`ctx.report`). Data text is untrusted: in
figures it is escaped by `layout.plot_text`, in the text alternative beneath each chart it goes
through `md_text`. Dates are drawn over every day they may cover.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.site.charts.market import market_block, market_figure
from generator.site.charts.people import people_block, people_figure
from generator.site.charts.products import products_block, products_figure
from generator.site.charts.timeline import timeline_block, timeline_figure
from generator.site.context import PageContext

# Chart blocks by the name a page uses in `{{ @chart:NAME }}`.
CHART_BLOCKS: dict[str, Callable[[PageContext], str]] = {
    "timeline": timeline_block,
    "people": people_block,
    "products": products_block,
    "market": market_block,
}

__all__ = [
    "CHART_BLOCKS",
    "market_figure",
    "people_figure",
    "products_figure",
    "timeline_figure",
]
