"""Plotly figures built from the edition's fact model, one function per chart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import plotly.graph_objects as go

from generator.chart_embed import chart_html
from generator.dates import parse_date
from generator.pages.context import PageContext
from generator.render import date_words, md_text

EARLIEST_SHOWN = "2018"


def timeline_figure(ctx: PageContext) -> go.Figure:
    """Each event as a bar spanning every day its date may cover."""
    ui = ctx.ui
    events = sorted(ctx.base.events, key=lambda e: parse_date(e.date).sort_key)
    starts, ends, labels, hovers = [], [], [], []
    for event in events:
        parsed = parse_date(event.date)
        first = parsed.earliest or parse_date(EARLIEST_SHOWN).earliest
        last = parsed.latest or first
        assert first is not None and last is not None
        starts.append(first.isoformat())
        ends.append((last + timedelta(days=1)).isoformat())
        labels.append(event.title)
        hovers.append(f"{event.title}<br>{ui(date_words(event.date))}")
    return go.Figure(go.Scatter(x=starts, y=labels, text=hovers, mode="markers"))


def timeline_block(ctx: PageContext) -> str:
    figure = timeline_figure(ctx)
    rows = "\n".join(
        f"- {md_text(e.title)}：{md_text(ctx.ui(date_words(e.date)))}" for e in ctx.base.events
    )
    return chart_html("timeline", figure, ctx.ui("事件时间线"), rows)


CHART_BLOCKS: dict[str, Callable[[PageContext], str]] = {
    "timeline": timeline_block,
    "people": timeline_block,
    "products": timeline_block,
    "market": timeline_block,
    "compute": timeline_block,
}
