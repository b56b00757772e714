"""The people chart: one row per person, roles as spans and moves as markers."""

from __future__ import annotations

from datetime import timedelta

import plotly.graph_objects as go

from generator.facts.dates import Precision, parse_date
from generator.facts.model import Person
from generator.site.chart_embed import chart_html
from generator.site.charts.layout import (
    HOVER_TEMPLATE,
    base_layout,
    date_axis,
    hover,
    iso_day,
    midday,
    nothing_to_draw,
    plot_text,
    row_axis,
    short,
    span_ms,
)
from generator.site.charts.spans import axis_start, left_edge, point_of, role_span, role_words
from generator.site.pages.context import PageContext
from generator.site.render import date_words, md_text

TITLE = "高管调动"
PEOPLE_NOTES = (
    "点状条：任职起点不详；未结束的任职画到报道日",
    "实心菱形：变动日期确切；空心菱形：只知道范围",
)


def _movers(ctx: PageContext) -> list[Person]:
    """People with a dated role or a move: the executive reshuffle."""
    return [p for p in ctx.base.people if p.moves or any(r.start or r.end for r in p.roles)]


def people_figure(ctx: PageContext) -> go.Figure:
    """One row per person: roles as spans (open ends to the article date), moves as markers."""
    ui = ctx.ui
    people = _movers(ctx)
    spans = [role_span(r.start, r.end, ctx.as_of) for p in people for r in p.roles]
    edge = left_edge(spans, ctx.as_of)
    known_bars: dict[str, list[object]] = {"x": [], "base": [], "y": [], "hover": [], "id": []}
    open_bars: dict[str, list[object]] = {"x": [], "base": [], "y": [], "hover": [], "id": []}
    moves: dict[str, list[object]] = {"x": [], "y": [], "hover": [], "id": [], "symbol": []}
    for row, person in enumerate(people):
        roles = person.roles
        lane_width = 0.8 / max(len(roles), 1)
        for lane, role in enumerate(roles):
            span = role_span(role.start, role.end, ctx.as_of)
            bars = open_bars if span.open_start else known_bars
            first = span.first or edge
            start_words, end_words = role_words(role.start, role.end, ui)
            bars["base"].append(iso_day(first))
            bars["x"].append(span_ms(first, span.last))
            bars["y"].append(row - 0.4 + lane_width * (lane + 0.5))
            bars["hover"].append(
                hover(
                    [
                        f"<b>{plot_text(person.name)}</b>",
                        f"{plot_text(role.title)} · {plot_text(ctx.names.get(role.org, role.org))}",
                        plot_text(f"{start_words} — {end_words}"),
                    ]
                )
            )
            bars["id"].append(role.id)
        titles = {role.id: role.title for role in roles}
        for move in person.moves:
            before = titles.get(move.from_role or "", ui("—"))
            after = titles.get(move.to_role or "", ui("—"))
            moves["x"].append(midday(point_of(move.date, ctx.as_of)))
            moves["y"].append(row)
            moves["symbol"].append(
                "diamond" if parse_date(move.date).precision is Precision.DAY else "diamond-open"
            )
            moves["hover"].append(
                hover(
                    [
                        f"<b>{plot_text(person.name)}</b>",
                        plot_text(ui(date_words(move.date))),
                        f"{plot_text(before)} → {plot_text(after)}",
                    ]
                )
            )
            moves["id"].append(move.id)
    figure = go.Figure(
        layout=base_layout(
            ctx,
            ctx.chart_title("people", TITLE),
            150 + 44 * max(len(people), 3),
            [plot_text(ctx.ui(n)) for n in PEOPLE_NOTES],
        )
    )
    for bars, name, opacity, pattern in (
        (known_bars, "任职（已知起点）", 0.85, None),
        (
            open_bars,
            "任职（起始不详）",
            0.45,
            {"shape": ".", "fgcolor": "#5c6bc0", "solidity": 0.5, "size": 6},
        ),
    ):
        if not bars["id"]:
            continue
        marker: dict[str, object] = {
            "color": "#5c6bc0",
            "opacity": opacity,
            "line": {"width": 1, "color": "#5c6bc0"},
        }
        if pattern:
            marker.update(pattern=pattern, color="rgba(0,0,0,0)")
        figure.add_trace(
            go.Bar(
                name=plot_text(ui(name)),
                orientation="h",
                base=bars["base"],
                x=bars["x"],
                y=bars["y"],
                width=0.8 / 2.4,
                marker=marker,
                hovertext=bars["hover"],
                hovertemplate=HOVER_TEMPLATE,
                customdata=bars["id"],
            )
        )
    if moves["id"]:
        figure.add_trace(
            go.Scatter(
                name=plot_text(ui("岗位变动")),
                mode="markers",
                x=moves["x"],
                y=moves["y"],
                marker={
                    "color": "#ef6c00",
                    "size": 13,
                    "symbol": moves["symbol"],
                    "line": {"width": 2, "color": "#ef6c00"},
                },
                hovertext=moves["hover"],
                hovertemplate=HOVER_TEMPLATE,
                customdata=moves["id"],
            )
        )
    figure.update_layout(
        barmode="overlay",
        xaxis=date_axis(ctx, axis_start(spans, ctx.as_of), ctx.as_of + timedelta(days=5)),
        yaxis=row_axis([short(p.name) for p in people]),
    )
    return figure


def people_block(ctx: PageContext) -> str:
    ui = ctx.ui
    if not _movers(ctx):
        return nothing_to_draw(ctx)
    rows = [f"| {ui('人物')} | {ui('日期')} | {ui('变动')} |", "| --- | --- | --- |"]
    for person in _movers(ctx):
        titles = {role.id: role.title for role in person.roles}
        for move in person.moves:
            before = md_text(titles[move.from_role]) if move.from_role in titles else ui("—")
            after = md_text(titles[move.to_role]) if move.to_role in titles else ui("—")
            rows.append(
                f"| {ctx.link(person.id)} | {md_text(ui(date_words(move.date)))} | {before} → {after} |"
            )
    return chart_html(
        "people", people_figure(ctx), ctx.chart_title("people", TITLE + "时间线"), "\n".join(rows)
    )
