"""The people chart: one row per person, roles as spans and moves as markers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import plotly.graph_objects as go

from generator.facts.dates import Precision, parse_date
from generator.facts.model import Move, Person
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
    row_title,
    span_ms,
)
from generator.site.charts.spans import axis_start, left_edge, role_parts, role_span, role_words
from generator.site.context import PageContext
from generator.site.labels import PRECISION_WORDS
from generator.site.render import date_words, md_text

TITLE = "高管调动"
PEOPLE_NOTES = (
    "每行一个职务；未结束的任职画到报道日",
    "点状：这段时间是否在任不确定",
    "橙色方框：变动只知道发生在框内某日",
)
ROLE_ROW = 42
LEGEND_ROW = 20
ROLE_COLOR = "#5c6bc0"
# Uncertain stretches: a lighter indigo with an outline, readable on the light and dark palettes.
UNCERTAIN_COLOR = "#7986cb"
UNCERTAIN_PATTERN = {"shape": ".", "fgcolor": UNCERTAIN_COLOR, "solidity": 0.45, "size": 6}
MOVE_COLOR = "#ef6c00"
BAR_WIDTH = 0.34
RANGE_PAD = 0.1  # a range box stands this much (in rows) beyond the bar it frames


def _movers(ctx: PageContext) -> list[Person]:
    """People with a dated role or a move: the executive reshuffle."""
    return [p for p in ctx.base.people if p.moves or any(r.start or r.end for r in p.roles)]


def _empty() -> dict[str, list[object]]:
    return {"x": [], "base": [], "y": [], "hover": [], "id": [], "width": []}


def _move_mark(move: Move, rows: list[int]) -> tuple[str, float]:
    """How a move is drawn: ("day", y) a diamond, ("not-after", y) a ◀ at its cut-off day, both
    between the rows of the roles it connects; ("range", y) a box over every day it may have
    happened, on each of those rows."""
    parsed = parse_date(move.date)
    y = (min(rows) + max(rows)) / 2
    if parsed.precision is Precision.DAY:
        return "day", y
    if parsed.earliest is None:
        return "not-after", y
    return "range", y


def people_figure(ctx: PageContext) -> go.Figure:
    """One row per role, grouped by person, each titled with the person and the role.

    A role is solid only over the days it is surely held; a start or end known as a range (or
    not at all) is dotted. A move known only as a range is a box over the whole range, never a
    point; "no later than" is a ◀ at its cut-off day; an exact day is a diamond.
    """
    ui = ctx.ui
    people = _movers(ctx)
    spans = [role_span(r.start, r.end, ctx.as_of) for p in people for r in p.roles]
    edge = left_edge(spans, ctx.as_of)
    bars = {True: _empty(), False: _empty()}
    moves: dict[str, dict[str, list[object]]] = {
        kind: _empty() for kind in ("range", "day", "not-after")
    }
    titles: list[dict[str, object]] = []
    row = 0
    for person in people:
        row_of: dict[str, int] = {}
        for role in person.roles:
            row_of[role.id] = row
            start_words, end_words = role_words(role.start, role.end, ui)
            text = hover(
                [
                    f"<b>{plot_text(person.name)}</b>",
                    f"{plot_text(role.title)} · {plot_text(ctx.names.get(role.org, role.org))}",
                    plot_text(f"{start_words} — {end_words}"),
                ]
            )
            for part in role_parts(role.start, role.end, ctx.as_of, edge):
                group = bars[part.held]
                group["base"].append(iso_day(part.first))
                group["x"].append(span_ms(part.first, part.last))
                group["y"].append(row)
                group["hover"].append(text)
                group["id"].append(role.id)
            # Raised clear of the range box that may frame the bar below it.
            titles.append(row_title(plot_text(f"{person.name} · {role.title}"), row, shift=10))
            row += 1
        names = {role.id: role.title for role in person.roles}
        for move in person.moves:
            rows = [row_of[r] for r in (move.from_role, move.to_role) if r in row_of]
            rows = rows or [row - 1]
            kind, y = _move_mark(move, rows)
            group = moves[kind]
            parsed = parse_date(move.date)
            before = names.get(move.from_role or "", ui("—"))
            after = names.get(move.to_role or "", ui("—"))
            text = hover(
                [
                    f"<b>{plot_text(person.name)}</b>",
                    plot_text(ui(date_words(move.date))),
                    plot_text(ui(PRECISION_WORDS[parsed.precision])),
                    f"{plot_text(before)} → {plot_text(after)}",
                ]
            )
            if kind == "range":
                # A box on each role's own bar: one spanning both rows would cover the title
                # of the second row, which sits between the bars.
                assert parsed.earliest is not None
                for role_row in sorted(set(rows)):
                    group["base"].append(iso_day(parsed.earliest))
                    group["x"].append(span_ms(parsed.earliest, parsed.latest or ctx.as_of))
                    group["width"].append(BAR_WIDTH + RANGE_PAD)
                    group["y"].append(role_row)
                    group["hover"].append(text)
                    group["id"].append(move.id)
                continue
            group["x"].append(midday(parsed.latest or ctx.as_of))
            group["y"].append(y)
            group["hover"].append(text)
            group["id"].append(move.id)
    # On a phone plotly.js stacks the legend one entry a row (its columns are as wide as the
    # longest entry): that room is kept, or it would come out of the rows and crowd their titles.
    entries = sum(1 for group in (*bars.values(), *moves.values()) if group["id"])
    figure = go.Figure(
        layout=base_layout(
            ctx,
            ctx.chart_title("people", TITLE),
            190 + ROLE_ROW * max(row, 3) + LEGEND_ROW * max(entries - 1, 0),
            [plot_text(ctx.ui(n)) for n in PEOPLE_NOTES],
        )
    )
    for held, name in ((True, "确知在任"), (False, "是否在任不确定")):
        group = bars[held]
        if not group["id"]:
            continue
        marker: dict[str, object] = {
            "color": ROLE_COLOR,
            "line": {"width": 1, "color": ROLE_COLOR},
        }
        if not held:
            marker = {
                "color": "rgba(0,0,0,0)",
                "pattern": UNCERTAIN_PATTERN,
                "line": {"width": 1, "color": UNCERTAIN_COLOR},
            }
        figure.add_trace(
            go.Bar(
                name=plot_text(ui(name)),
                orientation="h",
                base=group["base"],
                x=group["x"],
                y=group["y"],
                width=BAR_WIDTH,
                marker=marker,
                hovertext=group["hover"],
                hovertemplate=HOVER_TEMPLATE,
                customdata=group["id"],
                meta={"part": "held" if held else "uncertain"},
            )
        )
    _add_moves(figure, moves, ui)
    figure.update_layout(
        barmode="overlay",
        annotations=titles,
        xaxis=date_axis(ctx, axis_start(spans, ctx.as_of), ctx.as_of + timedelta(days=5)),
        yaxis={
            "range": [max(row, 1) - 0.5, -0.9],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
    )
    return figure


def _add_moves(
    figure: go.Figure, moves: dict[str, dict[str, list[object]]], ui: Callable[[str], str]
) -> None:
    """Moves over the rows of the roles they connect, drawn as honestly as their dates allow."""
    common = {"hovertemplate": HOVER_TEMPLATE}
    if moves["range"]["id"]:
        group = moves["range"]
        figure.add_trace(
            go.Bar(
                name=plot_text(ui("变动（只知道在框内某日）")),
                orientation="h",
                base=group["base"],
                x=group["x"],
                y=group["y"],
                width=group["width"],
                marker={"color": "rgba(239,108,0,0.14)", "line": {"width": 2, "color": MOVE_COLOR}},
                hovertext=group["hover"],
                customdata=group["id"],
                meta={"move": "range"},
                **common,
            )
        )
    for kind, name, symbol in (
        ("day", "变动（确切日期）", "diamond"),
        ("not-after", "变动（不晚于该日）", "triangle-left"),
    ):
        group = moves[kind]
        if not group["id"]:
            continue
        figure.add_trace(
            go.Scatter(
                name=plot_text(ui(name)),
                mode="markers",
                x=group["x"],
                y=group["y"],
                marker={
                    "color": MOVE_COLOR,
                    "size": 13,
                    "symbol": symbol,
                    "line": {"width": 1, "color": "#fff"},
                },
                hovertext=group["hover"],
                customdata=group["id"],
                meta={"move": kind},
                **common,
            )
        )


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
