"""The market chart: the counts each market move gives, and any per-stock price series."""

from __future__ import annotations

import plotly.graph_objects as go

from generator.facts.dates import parse_date
from generator.facts.model import Comparator
from generator.site.chart_embed import chart_html
from generator.site.charts.layout import (
    COMPARATOR_SIGNS,
    HOVER_TEMPLATE,
    base_layout,
    date_axis,
    hover,
    midday,
    nothing_to_draw,
    plot_text,
    wrapped,
)
from generator.site.charts.spans import point_of
from generator.site.context import PageContext
from generator.site.labels import COMPARATOR_WORDS
from generator.site.render import chinese_number, date_words, md_text, plain_number

TITLE = "市场行情"
MARKET_COLOR = "#d81b60"
# A count given only as a lower bound ("超过60只") goes on past its bar: a hatched stretch this
# share of the largest count long, so the bar never reads as an exact value.
BEYOND_SHARE = 0.25
BEYOND_NOTE = "斜线段：来源只给下限，实际数量更多，多多少不详"
LOWER_BOUNDS = (">", ">=")


# --- market ---------------------------------------------------------------------------------


def number_ticks(high: float) -> dict[str, object]:
    """At most five round ticks from 0 to `high`, the same in the preview and in plotly.js."""
    steps = (factor * 10**power for power in range(0, 13) for factor in (1, 2, 5))
    step = next(step for step in steps if high / step <= 5)
    values = [step * i for i in range(int(high // step) + 1)]
    return {"tickmode": "array", "tickvals": values, "ticktext": [plain_number(v) for v in values]}


def _compared(ctx: PageContext, comparator: Comparator, amount: str, unit: str) -> str:
    return ctx.ui(COMPARATOR_WORDS[comparator]) + amount + unit


def market_figure(ctx: PageContext) -> go.Figure:
    """The counts each market move gives (comparator in the label); stock series if any."""
    ui = ctx.ui
    moves = ctx.base.market_moves
    with_series = any(m.series for m in moves)
    measures = [c.measure for m in moves for c in m.counts]
    count_height = 120 + 60 * max(len(measures), 1)
    if with_series:
        # Imported here: plotly's subplot helpers load its validators, which `check` need not.
        from plotly.subplots import make_subplots

        figure = make_subplots(rows=2, cols=1, row_heights=[0.45, 0.55], vertical_spacing=0.16)
        figure.update_layout(base_layout(ctx, ctx.chart_title("market", TITLE), count_height + 320))
    else:
        figure = go.Figure(layout=base_layout(ctx, ctx.chart_title("market", TITLE), count_height))
    row = 0
    ticks: list[str] = []
    beyond: dict[str, list[object]] = {"base": [], "y": [], "hover": []}
    reach = BEYOND_SHARE * max((c.value for m in moves for c in m.counts), default=0)
    for move in moves:
        ys, xs, texts, hovers, ids = [], [], [], [], []
        for count in move.counts:
            label = _compared(ctx, count.comparator, plain_number(count.value), count.unit)
            if count.threshold:
                t = count.threshold
                label += f"（{ui('门槛')}：{COMPARATOR_SIGNS[t.comparator]}{plain_number(t.value)}{t.unit}）"
            if count.comparator in LOWER_BOUNDS:
                beyond["base"].append(count.value)
                beyond["y"].append(row)
                beyond["hover"].append(plot_text(label) + "<br>" + plot_text(ui(BEYOND_NOTE)))
            ys.append(row)
            ticks.append(wrapped(count.measure))
            row += 1
            xs.append(count.value)
            texts.append(plot_text(label))
            hovers.append(
                hover(
                    [
                        f"<b>{plot_text(move.theme)}</b> · {plot_text(ui(date_words(move.date)))}",
                        plot_text(count.measure),
                        plot_text(label),
                    ]
                )
            )
            ids.append(count.id)
        if not ids:
            continue
        trace = go.Bar(
            name=plot_text(f"{move.theme}（{ui(date_words(move.date))}）"),
            orientation="h",
            x=xs,
            y=ys,
            text=texts,
            textposition="auto",
            insidetextanchor="start",
            hovertext=hovers,
            hovertemplate=HOVER_TEMPLATE,
            customdata=ids,
            marker={"color": MARKET_COLOR},
            width=0.6,
        )
        if with_series:
            figure.add_trace(trace, row=1, col=1)
        else:
            figure.add_trace(trace)
    if beyond["y"]:
        trace = go.Bar(
            name=plot_text(ui("下限之外")),
            showlegend=False,
            orientation="h",
            base=beyond["base"],
            x=[reach] * len(beyond["y"]),
            y=beyond["y"],
            hovertext=beyond["hover"],
            hovertemplate=HOVER_TEMPLATE,
            marker={
                "color": "rgba(216,27,96,0.12)",
                "pattern": {"shape": "/", "fgcolor": MARKET_COLOR, "solidity": 0.25, "size": 8},
                "line": {"width": 0},
            },
            width=0.6,
            meta={"beyond": True},
        )
        figure.add_trace(trace, **({"row": 1, "col": 1} if with_series else {}))
        figure.layout.title.subtitle.text = plot_text(ui(BEYOND_NOTE))
    yaxis = {
        "tickmode": "array",
        "tickvals": list(range(len(ticks))),
        "ticktext": ticks,
        "autorange": "reversed",
        "automargin": True,
        "showgrid": False,
    }
    top = max((c.value for m in moves for c in m.counts), default=1) + (reach if beyond["y"] else 0)
    xaxis = {
        "title": {"text": plot_text(ui("数量"))},
        "range": [0, top * 1.05],
        "automargin": True,
        **number_ticks(top * 1.05),
    }
    figure.update_layout(
        yaxis=yaxis, xaxis=xaxis, showlegend=len(moves) > 1 or with_series, barmode="overlay"
    )
    if with_series:
        units = sorted({p.unit for m in moves for s in m.series for p in s.points})
        for move in moves:
            for series in move.series:
                points = sorted(series.points, key=lambda p: parse_date(p.date).sort_key)
                figure.add_trace(
                    go.Scatter(
                        name=plot_text(f"{series.name}（{series.code}）"),
                        mode="lines+markers",
                        x=[midday(point_of(p.date, ctx.as_of)) for p in points],
                        y=[p.value for p in points],
                        hovertext=[
                            hover(
                                [
                                    f"<b>{plot_text(series.name)}</b>（{plot_text(series.code)}）",
                                    plot_text(ui(date_words(p.date))),
                                    plot_text(f"{ui(chinese_number(p.value))}{p.unit}"),
                                ]
                            )
                            for p in points
                        ],
                        hovertemplate=HOVER_TEMPLATE,
                        customdata=[series.id] * len(points),
                    ),
                    row=2,
                    col=1,
                )
        figure.update_layout(
            xaxis2={
                "type": "date",
                "automargin": True,
                "title": {"text": plot_text(ui("日期"))},
                "tickformatstops": date_axis(ctx, ctx.as_of, ctx.as_of)["tickformatstops"],
            },
            yaxis2={"title": {"text": plot_text("、".join(units))}, "automargin": True},
        )
    return figure


def market_block(ctx: PageContext) -> str:
    ui = ctx.ui
    if not any(move.counts or move.series for move in ctx.base.market_moves):
        return nothing_to_draw(ctx)
    rows = [f"| {ui('行情')} | {ui('指标')} | {ui('数量')} |", "| --- | --- | --- |"]
    for move in ctx.base.market_moves:
        for count in move.counts:
            amount = _compared(ctx, count.comparator, plain_number(count.value), count.unit)
            if count.threshold:
                t = count.threshold
                amount += f"（{ui('门槛')}：{ui(COMPARATOR_WORDS[t.comparator])}{plain_number(t.value)}{t.unit}）"
            rows.append(
                f"| {ctx.link(move.id)}（{md_text(ui(date_words(move.date)))}） |"
                f" {md_text(count.measure)} | {md_text(amount)} |"
            )
        for series in move.series:
            points = "，".join(
                f"{ui(date_words(p.date))} {plain_number(p.value)}{p.unit}" for p in series.points
            )
            rows.append(
                f"| {ctx.link(move.id)} | {md_text(f'{series.name}（{series.code}）')} | {md_text(points)} |"
            )
    return chart_html(
        "market", market_figure(ctx), ctx.chart_title("market", TITLE) + ui("数量"), "\n".join(rows)
    )
