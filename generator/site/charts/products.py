"""The products chart: the focus organization's line-up (products marked `focus_line`)."""

from __future__ import annotations

from datetime import timedelta

import plotly.graph_objects as go

from generator.facts.dates import date_order, parse_date
from generator.facts.model import Product
from generator.site.chart_embed import chart_html
from generator.site.charts.layout import (
    HOVER_TEMPLATE,
    base_layout,
    date_axis,
    hover,
    iso_day,
    nothing_to_draw,
    plot_text,
    span_ms,
)
from generator.site.charts.spans import axis_start, left_edge, span_of
from generator.site.context import PageContext
from generator.site.render import date_words, md_text

TITLE = "产品线"


def _title(ctx: PageContext) -> str:
    """report.yml's chart title, else its name for the focus line, else a generic one."""
    return ctx.report.charts.get("products") or ctx.report.focus_line or ctx.ui(TITLE)


def _lineup(ctx: PageContext) -> list[Product]:
    return sorted(
        (p for p in ctx.base.products if p.focus_line),
        key=lambda p: (
            list(ctx.categories("product_kind")).index(p.kind),
            date_order(p.launched),
            p.id,
        ),
    )


def products_figure(ctx: PageContext) -> go.Figure:
    """The focus organization's products by kind and launch date; undated ones in a note."""
    ui = ctx.ui
    lineup = _lineup(ctx)
    dated = [p for p in lineup if p.launched]
    undated = [p for p in lineup if not p.launched]
    kinds = [k for k in ctx.categories("product_kind") if any(p.kind == k for p in dated)]
    spans = {p.id: span_of(parse_date(p.launched), ctx.as_of) for p in dated if p.launched}
    edge = left_edge(spans.values(), ctx.as_of)
    per_kind = {k: [p for p in dated if p.kind == k] for k in kinds}
    by_status: dict[str, dict[str, list[object]]] = {}
    for row, kind in enumerate(kinds):
        group = per_kind[kind]
        lane_width = 0.8 / len(group)
        for lane, product in enumerate(group):
            assert product.launched is not None
            span = spans[product.id]
            first = span.first or edge
            bars = by_status.setdefault(
                product.status,
                {"x": [], "base": [], "y": [], "hover": [], "id": [], "text": [], "width": []},
            )
            bars["base"].append(iso_day(first))
            bars["x"].append(span_ms(first, span.last))
            bars["y"].append(row - 0.4 + lane_width * (lane + 0.5))
            bars["text"].append(plot_text(product.name))
            bars["width"].append(lane_width * 0.9)
            bars["hover"].append(
                hover(
                    [
                        f"<b>{plot_text(product.name)}</b>",
                        plot_text(ctx.category("product_kind", product.kind)),
                        plot_text(ctx.launch_words([product], "{verb}："))
                        + plot_text(ui(date_words(product.launched))),
                        plot_text(ui("状态")) + "：" + plot_text(ctx.status_word(product)),
                    ]
                )
            )
            bars["id"].append(product.id)
    notes = [
        plot_text(ctx.launch_words(dated, "纵轴：类型；横轴：{verb}时间")),
        plot_text(ui("条：日期可能覆盖的全部日子")),
    ]
    if undated:
        notes.append(plot_text(ctx.launch_words(undated, "{verb}时间不详")) + "：")
        notes += [
            f"· {plot_text(p.name)}（{plot_text(ctx.category('product_kind', p.kind))}，"
            f"{plot_text(ctx.status_word(p))}）"
            for p in undated
        ]
    height = 150 + 52 * max(len(kinds), 2) + 16 * len(notes)
    figure = go.Figure(layout=base_layout(ctx, _title(ctx), height, notes))
    for status, category in ctx.categories("product_status").items():
        if status not in by_status:
            continue
        bars = by_status[status]
        # The legend says how the products drawn read the status, when they all read it alike.
        words = {ctx.status_word(p) for p in dated if p.status == status}
        figure.add_trace(
            go.Bar(
                name=plot_text(
                    words.pop() if len(words) == 1 else ctx.category("product_status", status)
                ),
                orientation="h",
                base=bars["base"],
                x=bars["x"],
                y=bars["y"],
                width=bars["width"],
                text=bars["text"],
                textposition="inside",
                insidetextanchor="start",
                marker={"color": category.color},
                hovertext=bars["hover"],
                hovertemplate=HOVER_TEMPLATE,
                customdata=bars["id"],
            )
        )
    all_spans = list(spans.values())
    figure.update_layout(
        barmode="overlay",
        showlegend=True,
        xaxis=date_axis(ctx, axis_start(all_spans, ctx.as_of), ctx.as_of + timedelta(days=10)),
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(kinds))),
            "ticktext": [plot_text(ctx.category("product_kind", k)) for k in kinds],
            "autorange": "reversed",
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
    )
    return figure


def products_block(ctx: PageContext) -> str:
    ui = ctx.ui
    # Undated products have no place on a time axis: a line-up of only those draws nothing.
    if not any(product.launched for product in _lineup(ctx)):
        return nothing_to_draw(ctx)
    lineup = _lineup(ctx)
    launched = ctx.launch_words(lineup, "{verb}时间")
    rows = [
        f"| {ui('产品')} | {ui('类型')} | {launched} | {ui('状态')} |",
        "| --- | --- | --- | --- |",
    ]
    for product in lineup:
        when = (
            md_text(ui(date_words(product.launched)))
            if product.launched
            else ctx.launch_unknown(product)
        )
        rows.append(
            f"| {ctx.link(product.id)} | {ctx.category('product_kind', product.kind)} | {when} |"
            f" {ctx.status_word(product)} |"
        )
    return chart_html("products", products_figure(ctx), _title(ctx), "\n".join(rows))
