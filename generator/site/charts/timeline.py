"""The timeline chart: every event over the days its date may cover, opened on the busiest month."""

from __future__ import annotations

from datetime import date, timedelta

import plotly.graph_objects as go

from generator.facts.categories import Category
from generator.facts.dates import Precision, parse_date
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
from generator.site.charts.spans import Span, axis_start, events_in_order, span_of
from generator.site.context import PageContext
from generator.site.labels import PRECISION_WORDS
from generator.site.render import date_words, md_text

TITLE = "事件时间线"
TIMELINE_NOTES = (
    "颜色（图例）表示类别；形状只表示日期精确程度：",
    "▬ 条：日期可能覆盖的全部日子；◆ 菱形：确切日期",
    "◀：只知道“不晚于”该日，更早的时间不详",
)
TIMELINE_ZOOM_NOTES = ("上图先显示事件最密集的一个月；下图是全部年份",)
# On screen only (hidden in print): how to move the opened month.
TIMELINE_HINT = "可左右拖动上图，查看其他时段"

DENSE_WINDOW = timedelta(days=31)
DENSE_SHARE = 0.4  # zoom in only when the busiest month holds at least this share of the events
TIMELINE_ROW = 44
OVERVIEW_PX = 80
NOTE_LINE = 16
LEGEND_ROWS_PX = 60  # two legend rows: a phone wraps the six categories once
TOP_AXIS_PX = 24
CHROME_PX = 250  # title, notes, legend, the two date axes


def dense_window(spans: list[Span]) -> tuple[date, date] | None:
    """First and last day of the busiest 31 days (by the day each event may last cover), or None
    when no month holds DENSE_SHARE of the events or everything already fits in one view."""
    ends = sorted(span.last for span in spans)
    if not ends or ends[-1] - ends[0] <= DENSE_WINDOW * 3:
        return None
    best: list[date] = []
    for end in ends:
        inside = [day for day in ends if end - DENSE_WINDOW < day <= end]
        if len(inside) > len(best):
            best = inside
    if len(best) < DENSE_SHARE * len(spans):
        return None
    return best[0], best[-1]


def _add_overview(
    figure: go.Figure,
    groups: dict[tuple[str, str], dict[str, list[object]]],
    kinds: dict[str, Category],
) -> None:
    """The same marks, small, on the overview axes (no record ids: each is drawn once above)."""
    for (kind, style), marks in groups.items():
        color = kinds[kind].color
        common = {
            "y": marks["y"],
            "xaxis": "x2",
            "yaxis": "y2",
            "showlegend": False,
            "legendgroup": kind,
            "hoverinfo": "skip",
            "meta": {"style": style, "kind": kind, "overview": True},
        }
        if style == "span":
            figure.add_trace(
                go.Bar(
                    x=marks["x"],
                    base=marks["base"],
                    orientation="h",
                    width=0.9,
                    marker={"color": color, "line": {"width": 0}},
                    **common,
                )
            )
        else:
            figure.add_trace(
                go.Scatter(
                    x=marks["x"],
                    mode="markers",
                    marker={"color": color, "size": 5, "symbol": "diamond"},
                    **common,
                )
            )


def _add_legend(figure: go.Figure, kinds: dict[str, Category]) -> None:
    """The legend: one colour square per category and nothing else, so no shape in it can be
    read as a category (shapes are the date's precision, said in the notes). The squares are
    legend entries only (no data); clicking one still shows or hides its category."""
    for kind, category in kinds.items():
        figure.add_trace(
            go.Scatter(
                name=plot_text(category.word),
                legendgroup=kind,
                x=[None],
                y=[None],
                mode="markers",
                marker={"color": category.color, "symbol": "square", "size": 12},
                hoverinfo="skip",
                meta={"kind": kind, "legend": True},
            )
        )


def _edge_note(
    ctx: PageContext, span: Span, shown: tuple[date, date], row: int
) -> dict[str, object]:
    """ "← 2023年" at the opened view's left edge (or "2024年3月 →" at its right) on the row of an
    event outside it, so no row is blank."""
    before = span.last < shown[0]
    day = span.last if before else (span.first or span.last)
    when = f"{day.year}年" if day.year != shown[0].year else f"{day.month}月"
    return {
        "text": plot_text(ctx.ui(f"← {when}" if before else f"{when} →")),
        "name": "edge",
        "xref": "x",
        "x": iso_day(shown[0] if before else shown[1]),
        "xanchor": "left" if before else "right",
        "yref": "y",
        "y": row,
        "yanchor": "middle",
        "showarrow": False,
        "font": {"size": 12},
    }


def timeline_figure(ctx: PageContext) -> go.Figure:
    """Each event as a span over every day its date may cover; single days as markers.

    Each row carries the event's full title above its mark. The view opens on the busiest month
    with a range slider showing every year; a title whose event lies outside that month says
    its date, so the row is never silently empty.
    """
    ui = ctx.ui
    kinds = ctx.categories("event_kind")
    events = events_in_order(ctx)
    spans = [span_of(parse_date(e.date), ctx.as_of) for e in events]
    groups: dict[tuple[str, str], dict[str, list[object]]] = {}
    for row, (event, span) in enumerate(zip(events, spans, strict=True)):
        style = "day" if span.precision is Precision.DAY else "open" if span.open_start else "span"
        group = groups.setdefault(
            (event.kind, style), {"x": [], "base": [], "y": [], "hover": [], "id": []}
        )
        text = hover(
            [
                f"<b>{plot_text(event.title)}</b>",
                plot_text(ui(date_words(event.date))),
                plot_text(ui(PRECISION_WORDS[span.precision]))
                + " · "
                + plot_text(ctx.category("event_kind", event.kind)),
            ]
        )
        if style in ("day", "open"):
            group["x"].append(midday(span.last))
        else:
            assert span.first is not None
            group["base"].append(iso_day(span.first))
            group["x"].append(span_ms(span.first, span.last))
        group["y"].append(row)
        group["hover"].append(text)
        group["id"].append(event.id)
    whole = (axis_start(spans, ctx.as_of), ctx.as_of + timedelta(days=10))
    window = dense_window(spans)
    shown_range = (
        (window[0] - timedelta(days=3), window[1] + timedelta(days=4)) if window else whole
    )
    figure = go.Figure(
        layout=base_layout(
            ctx,
            ctx.chart_title("timeline", TITLE),
            CHROME_PX + TIMELINE_ROW * max(len(events), 4) + (OVERVIEW_PX + 40 if window else 0),
            [
                plot_text(ctx.ui(n))
                for n in (*TIMELINE_NOTES, *(TIMELINE_ZOOM_NOTES if window else ()))
            ],
        )
    )
    used = [code for code in kinds if any(k == code for k, _ in groups)]
    _add_legend(
        figure,
        {code: Category(ctx.category("event_kind", code), kinds[code].color) for code in used},
    )
    for kind in kinds:
        for style in ("span", "open", "day"):
            marks = groups.get((kind, style))
            if not marks:
                continue
            common = {
                "name": plot_text(ctx.category("event_kind", kind)),
                "legendgroup": kind,
                "showlegend": False,
                "y": marks["y"],
                "hovertext": marks["hover"],
                "hovertemplate": HOVER_TEMPLATE,
                "customdata": marks["id"],
                "meta": {"style": style, "kind": kind},
            }
            color = kinds[kind].color
            if style in ("day", "open"):
                # A day is a diamond; "not after" is a triangle pointing back to an unknown start.
                figure.add_trace(
                    go.Scatter(
                        x=marks["x"],
                        mode="markers",
                        marker={
                            "color": color,
                            "size": 11 if style == "day" else 13,
                            "symbol": "diamond" if style == "day" else "triangle-left",
                            "line": {"width": 1, "color": "#fff"},
                        },
                        **common,
                    )
                )
            else:
                marker: dict[str, object] = {"color": color, "line": {"width": 1, "color": color}}
                figure.add_trace(
                    go.Bar(
                        x=marks["x"],
                        base=marks["base"],
                        orientation="h",
                        width=0.3,
                        marker=marker,
                        **common,
                    )
                )
    if window:
        _add_overview(figure, groups, kinds)
    titles = []
    for row, (event, span) in enumerate(zip(events, spans, strict=True)):
        title = plot_text(event.title)
        outside = window and (
            span.last < shown_range[0] or (span.first or span.last) > shown_range[1]
        )
        if outside:
            title += "（" + plot_text(ui(date_words(event.date))) + "）"
        if outside:
            titles.append(_edge_note(ctx, span, shown_range, row))
        titles.append(row_title(title, row))
    main_axis = date_axis(ctx, *shown_range)
    layout: dict[str, object] = {
        "barmode": "overlay",
        "annotations": titles,
        "xaxis": main_axis,
        "yaxis": {
            "range": [len(events) - 0.5, -0.9],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "fixedrange": True,
        },
        "dragmode": "pan",
    }
    # Fixed margins instead of automargin: each automargin pass redraws the whole figure, and this
    # is the largest chart (no row labels on the axis, so nothing else needs the room).
    notes = len(figure.layout.title.subtitle.text.split("<br>"))
    legend_top = 46 + NOTE_LINE * notes
    height = figure.layout.height
    layout["margin"] = {
        "l": 8,
        "r": 12,
        "t": legend_top + LEGEND_ROWS_PX + TOP_AXIS_PX,
        "b": 40,
        "pad": 2,
    }
    layout["title"] = {"automargin": False}
    layout["xaxis"]["automargin"] = False  # type: ignore[index]
    # The colour legend sits under the notes, above the rows (the chart is long); the dates are
    # repeated above the rows for the same reason.
    layout["legend"] = {
        "y": 1 - legend_top / height,
        "yanchor": "top",
    }
    # plotly.js draws an axis only for a trace on it: an empty one (no mark) holds the top axis.
    figure.add_trace(
        go.Scatter(
            x=[None], y=[None], xaxis="x3", showlegend=False, hoverinfo="skip", meta={"axis": "top"}
        )
    )
    layout["xaxis3"] = {
        **{key: value for key, value in main_axis.items() if key.startswith("tick")},
        "type": "date",
        "overlaying": "x",
        "matches": "x",
        "side": "top",
        "anchor": "y",
        "showgrid": False,
        "automargin": False,
    }
    if window:
        # The overview sits under the main panel: every event over the whole span, the opened
        # month shaded, so the reader sees where the busy month lies among the years.
        overview = OVERVIEW_PX / (figure.layout.height - CHROME_PX + OVERVIEW_PX)
        layout["yaxis"]["domain"] = [overview + 0.06, 1]  # type: ignore[index]
        layout["xaxis2"] = {
            **date_axis(ctx, *whole),
            "anchor": "y2",
            "fixedrange": True,
            "automargin": False,
        }
        layout["yaxis2"] = {
            "domain": [0, overview],
            "range": [len(events) - 0.5, -0.5],
            "visible": False,
            "fixedrange": True,
        }
        layout["shapes"] = [
            {
                "type": "rect",
                "xref": "x2",
                "yref": "y2 domain",
                "x0": iso_day(shown_range[0]),
                "x1": iso_day(shown_range[1]),
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(92,107,192,0.18)",
                "line": {"width": 1, "color": "rgba(92,107,192,0.8)"},
            }
        ]
        titles.append(
            {
                "text": plot_text(ui("全部年份（阴影：上图显示的时段）")),
                "xref": "paper",
                "x": 0,
                "xanchor": "left",
                "yref": "y2 domain",
                "y": 1,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            }
        )
    figure.update_layout(layout)
    return figure


def timeline_block(ctx: PageContext) -> str:
    ui = ctx.ui
    events = events_in_order(ctx)
    if not events:
        return nothing_to_draw(ctx)
    rows = [
        f"| {ui('事件')} | {ui('日期')} | {ui('精确程度')} | {ui('类别')} |",
        "| --- | --- | --- | --- |",
    ]
    for event in events:
        precision = parse_date(event.date).precision
        rows.append(
            f"| {ctx.link(event.id)} | {md_text(ui(date_words(event.date)))} |"
            f" {md_text(ui(PRECISION_WORDS[precision]))} | {md_text(ctx.category('event_kind', event.kind))} |"
        )
    figure = timeline_figure(ctx)
    zoomed = "xaxis2" in figure.layout and figure.layout.xaxis2.range is not None
    return chart_html(
        "timeline",
        figure,
        ctx.chart_title("timeline", TITLE),
        "\n".join(rows),
        ui(TIMELINE_HINT) if zoomed else "",
    )
