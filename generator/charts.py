"""Plotly figures built from the edition's fact model, one function per chart.

Every figure is built from `ctx.base` (already in the edition's script); our own words go through
`ctx.ui`. Data text is untrusted: in figures it is HTML-escaped (plotly.js decodes entities and
draws the characters as text, so no tag or link can be opened), in the text alternative beneath
each chart it goes through `md_text`. Dates are drawn over every day they may cover.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from generator.chart_embed import chart_html
from generator.dates import Precision, UncertainDate, parse_date
from generator.labels import (
    COMPARATOR_WORDS,
    EVENT_KIND_WORDS,
    PRECISION_WORDS,
    PRODUCT_KIND_WORDS,
    PRODUCT_STATUS_WORDS,
)
from generator.model import Comparator, Person, Product
from generator.pages.context import PageContext
from generator.render import (
    chinese_number,
    date_words,
    md_text,
    plain_number,
)

# The article's date: roles still held are drawn up to it.
ARTICLE_DATE = date(2024, 2, 25)
MS_PER_DAY = 24 * 3600 * 1000
# Open starts ("not after X") are drawn from this far left of the earliest known day, off the
# visible range, so they read as "started at some unknown time before".
OPEN_START_LEAD = timedelta(days=45)
LABEL_CHARS = 10
ROW_HEIGHT = 26

KIND_COLORS = {
    "personnel": "#5c6bc0",
    "product": "#26a69a",
    "statement": "#ef6c00",
    "market": "#d81b60",
    "strategy": "#8e24aa",
    "research": "#7cb342",
}
STATUS_COLORS = {
    "released": "#26a69a",
    "internal-test": "#5c6bc0",
    "in-development": "#ef6c00",
    "research": "#8e24aa",
    "announced": "#7cb342",
    "unknown": "#78909c",
}
COMPARATOR_SIGNS = {">": ">", ">=": "≥", "=": "", "<": "<", "<=": "≤", "~": "≈"}
FONTS = {
    "zh-Hans": '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", sans-serif',
    "zh-Hant": '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", '
    '"Microsoft JhengHei", sans-serif',
}
# Date tick labels in Chinese at every zoom level (plotly.js ships English month names only).
DATE_TICK_FORMATS = (
    (None, MS_PER_DAY * 27, "%-m月%-d日"),
    (MS_PER_DAY * 27, MS_PER_DAY * 360, "%Y年%-m月"),
    (MS_PER_DAY * 360, None, "%Y年"),
)


def plot_text(text: str) -> str:
    """Untrusted text for plotly.js: escaped, so its pseudo-HTML can open no tag or link."""
    return html.escape(text, quote=True)


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """A tick label: the first `limit` characters, escaped."""
    return plot_text(text if len(text) <= limit else text[: limit - 1] + "…")


def wrapped(text: str, width: int = 12) -> str:
    """Escaped text broken into lines of `width` characters for a category label."""
    return "<br>".join(plot_text(text[i : i + width]) for i in range(0, len(text), width))


def iso_day(day: date) -> str:
    return day.isoformat()


def midday(day: date) -> str:
    return f"{day.isoformat()} 12:00"


def span_ms(first: date, last: date) -> int:
    """Length in milliseconds of the days `first` to `last`, both included."""
    return ((last - first).days + 1) * MS_PER_DAY


def base_layout(ctx: PageContext, title: str, height: int, notes: Iterable[str] = ()) -> go.Layout:
    """Shared layout: edition font and separators, phone-sized margins, no fixed width.

    `notes` (already escaped) become the subtitle, one short line each so they fit a phone.
    """
    subtitle = "<br>".join(notes)
    return go.Layout(
        template="none",
        title={
            "text": plot_text(ctx.ui(title)),
            "subtitle": {"text": subtitle, "font": {"size": 11}},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 8, "l": 8},
            "automargin": True,
        },
        font={"family": FONTS.get(ctx.lang, FONTS["zh-Hans"]), "size": 12},
        separators=".,",
        autosize=True,
        height=height,
        margin={"l": 8, "r": 12, "t": 40, "b": 8, "pad": 2},
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 0,
            "yanchor": "bottom",
            "yref": "container",
        },
        hovermode="closest",
        hoverlabel={"namelength": -1, "align": "left"},
        bargap=0.25,
    )


def date_axis(ctx: PageContext, first: date, last: date) -> dict[str, object]:
    """A real date axis from `first` to `last` with Chinese tick labels (no title: it is dates)."""
    return {
        "type": "date",
        "range": [iso_day(first), iso_day(last)],
        "automargin": True,
        "tickformatstops": [
            {"dtickrange": [low, high], "value": ctx.ui(fmt)}
            for low, high, fmt in DATE_TICK_FORMATS
        ],
        "showgrid": True,
    }


def hover(lines: Iterable[str]) -> str:
    """Hover text from already-escaped lines."""
    return "<br>".join(line for line in lines if line)


HOVER_TEMPLATE = "%{hovertext}<extra></extra>"
TIMELINE_NOTES = (
    "条：日期可能覆盖的全部日子；菱形：确切日期",
    "◀：只知道“不晚于”该日，更早的时间不详",
)
TIMELINE_ZOOM_NOTES = ("上图先显示事件最密集的一个月，可左右拖动；下图是全部年份",)
PEOPLE_NOTES = (
    "点状条：任职起点不详；未结束的任职画到报道日",
    "实心菱形：变动日期确切；空心菱形：只知道范围",
)


@dataclass(frozen=True)
class Span:
    """Where a date is drawn: the days it may cover, and whether its start is unknown."""

    first: date | None  # None: open start, drawn from the left edge
    last: date
    precision: Precision

    @property
    def open_start(self) -> bool:
        return self.first is None


def span_of(parsed: UncertainDate, end: date | None = None) -> Span:
    """The days a parsed date may cover; an open end runs to `end` (or the article date)."""
    last = parsed.latest or end or ARTICLE_DATE
    return Span(parsed.earliest, last, parsed.precision)


def axis_start(spans: list[Span]) -> date:
    """First visible day: a little before the earliest known day (open starts start before)."""
    known = [s.first for s in spans if s.first] or [s.last for s in spans] or [ARTICLE_DATE]
    return min(known) - timedelta(days=max(7, (ARTICLE_DATE - min(known)).days // 20))


def left_edge(spans: Iterable[Span]) -> date:
    """Where open starts are drawn from: just off the visible left end of the axis."""
    return axis_start(list(spans)) - OPEN_START_LEAD


# --- timeline -------------------------------------------------------------------------------


def row_axis(labels: list[str]) -> dict[str, object]:
    """A category-like y axis with one labelled row per item, first item on top."""
    return {
        "tickmode": "array",
        "tickvals": list(range(len(labels))),
        "ticktext": labels,
        "autorange": "reversed",
        "automargin": True,
        "showgrid": False,
        "zeroline": False,
    }


# The timeline opens on its busiest month; a range slider under it keeps the whole span in view.
DENSE_WINDOW = timedelta(days=31)
DENSE_SHARE = 0.4  # zoom in only when the busiest month holds at least this share of the events
TIMELINE_ROW = 44
OVERVIEW_PX = 80


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
    figure: go.Figure, groups: dict[tuple[str, str], dict[str, list[object]]]
) -> None:
    """The same marks, small, on the overview axes (no record ids: each is drawn once above)."""
    for (kind, style), marks in groups.items():
        color = KIND_COLORS[kind]
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


def timeline_figure(ctx: PageContext) -> go.Figure:
    """Each event as a span over every day its date may cover; single days as markers.

    Each row carries the event's full title above its mark. The view opens on the busiest month
    with a range slider showing every year; a title whose event lies outside that month says
    its date, so the row is never silently empty.
    """
    ui = ctx.ui
    events = sorted(ctx.base.events, key=lambda e: (parse_date(e.date).sort_key, e.id))
    spans = [span_of(parse_date(e.date)) for e in events]
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
                + plot_text(ui(EVENT_KIND_WORDS[event.kind])),
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
    whole = (axis_start(spans), ARTICLE_DATE + timedelta(days=10))
    window = dense_window(spans)
    shown_range = (
        (window[0] - timedelta(days=3), window[1] + timedelta(days=4)) if window else whole
    )
    figure = go.Figure(
        layout=base_layout(
            ctx,
            "事件时间线",
            190 + TIMELINE_ROW * max(len(events), 4) + (OVERVIEW_PX + 40 if window else 0),
            [
                plot_text(ctx.ui(n))
                for n in (*TIMELINE_NOTES, *(TIMELINE_ZOOM_NOTES if window else ()))
            ],
        )
    )
    shown: set[str] = set()
    for kind in EVENT_KIND_WORDS:
        for style in ("span", "open", "day"):
            marks = groups.get((kind, style))
            if not marks:
                continue
            common = {
                "name": plot_text(ui(EVENT_KIND_WORDS[kind])),
                "legendgroup": kind,
                "showlegend": kind not in shown,
                "y": marks["y"],
                "hovertext": marks["hover"],
                "hovertemplate": HOVER_TEMPLATE,
                "customdata": marks["id"],
                "meta": {"style": style, "kind": kind},
            }
            shown.add(kind)
            color = KIND_COLORS[kind]
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
        _add_overview(figure, groups)
    titles = []
    for row, (event, span) in enumerate(zip(events, spans, strict=True)):
        title = plot_text(event.title)
        outside = window and (
            span.last < shown_range[0] or (span.first or span.last) > shown_range[1]
        )
        if outside:
            title += "（" + plot_text(ui(date_words(event.date))) + "）"
        titles.append(
            {
                "text": title,
                "xref": "paper",
                "x": 0,
                "xanchor": "left",
                "yref": "y",
                "y": row,
                "yanchor": "bottom",
                "yshift": 7,
                "showarrow": False,
                "align": "left",
                "font": {"size": 12},
            }
        )
    layout: dict[str, object] = {
        "barmode": "overlay",
        "annotations": titles,
        "xaxis": date_axis(ctx, *shown_range),
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
    layout["margin"] = {"l": 8, "r": 12, "t": 36 + 15 * notes, "b": 84, "pad": 2}
    layout["title"] = {"automargin": False}
    layout["xaxis"]["automargin"] = False  # type: ignore[index]
    if window:
        # The overview sits under the main panel: every event over the whole span, the opened
        # month shaded, so the reader sees where the busy month lies among the years.
        overview = OVERVIEW_PX / (figure.layout.height - 190 + OVERVIEW_PX)
        layout["yaxis"]["domain"] = [overview + 0.06, 1]  # type: ignore[index]
        layout["xaxis2"] = {
            **date_axis(ctx, *whole),
            "anchor": "y2",
            "fixedrange": True,
            "tickformatstops": [],
            "tickformat": "%Y",
            "dtick": "M12",
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
                "font": {"size": 11},
            }
        )
    figure.update_layout(layout)
    return figure


def timeline_block(ctx: PageContext) -> str:
    ui = ctx.ui
    events = sorted(ctx.base.events, key=lambda e: (parse_date(e.date).sort_key, e.id))
    rows = [
        f"| {ui('事件')} | {ui('日期')} | {ui('精确程度')} | {ui('类别')} |",
        "| --- | --- | --- | --- |",
    ]
    for event in events:
        precision = parse_date(event.date).precision
        rows.append(
            f"| {ctx.link(event.id)} | {md_text(ui(date_words(event.date)))} |"
            f" {md_text(ui(PRECISION_WORDS[precision]))} | {md_text(ui(EVENT_KIND_WORDS[event.kind]))} |"
        )
    return chart_html("timeline", timeline_figure(ctx), ui("事件时间线"), "\n".join(rows))


# --- people ---------------------------------------------------------------------------------


def _movers(ctx: PageContext) -> list[Person]:
    """People with a dated role or a move: the executive reshuffle."""
    return [p for p in ctx.base.people if p.moves or any(r.start or r.end for r in p.roles)]


def _role_span(start: str | None, end: str | None) -> Span:
    first = parse_date(start).earliest if start else None
    last = parse_date(end).latest if end else None
    return Span(first, last or ARTICLE_DATE, Precision.RANGE)


def _move_point(text: str) -> date:
    """Where a move's marker sits: the day, the middle of a range, or the 'not after' day."""
    parsed = parse_date(text)
    if parsed.earliest and parsed.latest:
        return parsed.earliest + (parsed.latest - parsed.earliest) / 2
    return parsed.latest or parsed.earliest or ARTICLE_DATE


def people_figure(ctx: PageContext) -> go.Figure:
    """One row per person: roles as spans (open ends to the article date), moves as markers."""
    ui = ctx.ui
    people = _movers(ctx)
    spans = [_role_span(r.start, r.end) for p in people for r in p.roles]
    edge = left_edge(spans)
    known_bars: dict[str, list[object]] = {"x": [], "base": [], "y": [], "hover": [], "id": []}
    open_bars: dict[str, list[object]] = {"x": [], "base": [], "y": [], "hover": [], "id": []}
    moves: dict[str, list[object]] = {"x": [], "y": [], "hover": [], "id": [], "symbol": []}
    for row, person in enumerate(people):
        roles = person.roles
        lane_width = 0.8 / max(len(roles), 1)
        for lane, role in enumerate(roles):
            span = _role_span(role.start, role.end)
            bars = open_bars if span.open_start else known_bars
            first = span.first or edge
            start_words = ui(date_words(role.start)) if role.start else ui("起始不详")
            end_words = ui(date_words(role.end)) if role.end else ui("至今（截至报道）")
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
            moves["x"].append(midday(_move_point(move.date)))
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
            "高管调动",
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
        xaxis=date_axis(ctx, axis_start(spans), ARTICLE_DATE + timedelta(days=5)),
        yaxis=row_axis([short(p.name) for p in people]),
    )
    return figure


def people_block(ctx: PageContext) -> str:
    ui = ctx.ui
    rows = [f"| {ui('人物')} | {ui('日期')} | {ui('变动')} |", "| --- | --- | --- |"]
    for person in _movers(ctx):
        titles = {role.id: role.title for role in person.roles}
        for move in person.moves:
            before = md_text(titles[move.from_role]) if move.from_role in titles else ui("—")
            after = md_text(titles[move.to_role]) if move.to_role in titles else ui("—")
            rows.append(
                f"| {ctx.link(person.id)} | {md_text(ui(date_words(move.date)))} | {before} → {after} |"
            )
    return chart_html("people", people_figure(ctx), ui("高管调动时间线"), "\n".join(rows))


# --- products -------------------------------------------------------------------------------


def _lineup(ctx: PageContext) -> list[Product]:
    return sorted(
        (p for p in ctx.base.products if p.bytedance_ai),
        key=lambda p: (
            list(PRODUCT_KIND_WORDS).index(p.kind),
            parse_date(p.launched).sort_key if p.launched else (date.max, date.max),
            p.id,
        ),
    )


def products_figure(ctx: PageContext) -> go.Figure:
    """ByteDance's AI products by kind and launch date; undated ones listed in a note."""
    ui = ctx.ui
    lineup = _lineup(ctx)
    dated = [p for p in lineup if p.launched]
    undated = [p for p in lineup if not p.launched]
    kinds = [k for k in PRODUCT_KIND_WORDS if any(p.kind == k for p in dated)]
    spans = {p.id: span_of(parse_date(p.launched)) for p in dated if p.launched}
    edge = left_edge(spans.values())
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
                        plot_text(ui(PRODUCT_KIND_WORDS[product.kind])),
                        plot_text(ui("上线")) + "：" + plot_text(ui(date_words(product.launched))),
                        plot_text(ui("状态"))
                        + "："
                        + plot_text(ui(PRODUCT_STATUS_WORDS[product.status])),
                    ]
                )
            )
            bars["id"].append(product.id)
    notes = [plot_text(ui(n)) for n in ("纵轴：类型；横轴：上线时间", "条：日期可能覆盖的全部日子")]
    if undated:
        notes.append(plot_text(ui("上线时间不详")) + "：")
        notes += [
            f"· {plot_text(p.name)}（{plot_text(ui(PRODUCT_KIND_WORDS[p.kind]))}，"
            f"{plot_text(ui(PRODUCT_STATUS_WORDS[p.status]))}）"
            for p in undated
        ]
    height = 150 + 52 * max(len(kinds), 2) + 16 * len(notes)
    figure = go.Figure(layout=base_layout(ctx, "字节跳动的AI产品线", height, notes))
    for status in PRODUCT_STATUS_WORDS:
        if status not in by_status:
            continue
        bars = by_status[status]
        figure.add_trace(
            go.Bar(
                name=plot_text(ui(PRODUCT_STATUS_WORDS[status])),
                orientation="h",
                base=bars["base"],
                x=bars["x"],
                y=bars["y"],
                width=bars["width"],
                text=bars["text"],
                textposition="inside",
                insidetextanchor="start",
                marker={"color": STATUS_COLORS[status]},
                hovertext=bars["hover"],
                hovertemplate=HOVER_TEMPLATE,
                customdata=bars["id"],
            )
        )
    all_spans = list(spans.values())
    figure.update_layout(
        barmode="overlay",
        showlegend=True,
        xaxis=date_axis(ctx, axis_start(all_spans), ARTICLE_DATE + timedelta(days=10)),
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(kinds))),
            "ticktext": [plot_text(ui(PRODUCT_KIND_WORDS[k])) for k in kinds],
            "autorange": "reversed",
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
        },
    )
    return figure


def products_block(ctx: PageContext) -> str:
    ui = ctx.ui
    rows = [
        f"| {ui('产品')} | {ui('类型')} | {ui('上线时间')} | {ui('状态')} |",
        "| --- | --- | --- | --- |",
    ]
    for product in _lineup(ctx):
        when = md_text(ui(date_words(product.launched))) if product.launched else ui("上线时间不详")
        rows.append(
            f"| {ctx.link(product.id)} | {ui(PRODUCT_KIND_WORDS[product.kind])} | {when} |"
            f" {ui(PRODUCT_STATUS_WORDS[product.status])} |"
        )
    return chart_html("products", products_figure(ctx), ui("字节跳动的AI产品线"), "\n".join(rows))


# --- market ---------------------------------------------------------------------------------


def _compared(ctx: PageContext, comparator: Comparator, amount: str, unit: str) -> str:
    return ctx.ui(COMPARATOR_WORDS[comparator]) + amount + unit


def market_figure(ctx: PageContext) -> go.Figure:
    """The counts each market move gives (comparator in the label); stock series if any."""
    ui = ctx.ui
    moves = ctx.base.market_moves
    with_series = any(m.series for m in moves)
    measures = [c.measure for m in moves for c in m.counts]
    count_height = 100 + 60 * max(len(measures), 1)
    if with_series:
        figure = make_subplots(rows=2, cols=1, row_heights=[0.45, 0.55], vertical_spacing=0.16)
        figure.update_layout(base_layout(ctx, "Sora概念股行情", count_height + 320))
    else:
        figure = go.Figure(layout=base_layout(ctx, "Sora概念股行情", count_height))
    row = 0
    ticks: list[str] = []
    for move in moves:
        ys, xs, texts, hovers, ids = [], [], [], [], []
        for count in move.counts:
            label = _compared(ctx, count.comparator, plain_number(count.value), count.unit)
            if count.threshold:
                t = count.threshold
                label += f"（{ui('门槛')}：{COMPARATOR_SIGNS[t.comparator]}{plain_number(t.value)}{t.unit}）"
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
            hovertext=hovers,
            hovertemplate=HOVER_TEMPLATE,
            customdata=ids,
            marker={"color": "#d81b60"},
            width=0.6,
        )
        if with_series:
            figure.add_trace(trace, row=1, col=1)
        else:
            figure.add_trace(trace)
    yaxis = {
        "tickmode": "array",
        "tickvals": list(range(len(ticks))),
        "ticktext": ticks,
        "autorange": "reversed",
        "automargin": True,
        "showgrid": False,
    }
    xaxis = {"title": {"text": plot_text(ui("数量"))}, "rangemode": "tozero", "automargin": True}
    figure.update_layout(yaxis=yaxis, xaxis=xaxis, showlegend=len(moves) > 1 or with_series)
    if with_series:
        units = sorted({p.unit for m in moves for s in m.series for p in s.points})
        for move in moves:
            for series in move.series:
                points = sorted(series.points, key=lambda p: parse_date(p.date).sort_key)
                figure.add_trace(
                    go.Scatter(
                        name=plot_text(f"{series.name}（{series.code}）"),
                        mode="lines+markers",
                        x=[midday(_move_point(p.date)) for p in points],
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
                "tickformatstops": date_axis(ctx, ARTICLE_DATE, ARTICLE_DATE)["tickformatstops"],
            },
            yaxis2={"title": {"text": plot_text("、".join(units))}, "automargin": True},
        )
    return figure


def market_block(ctx: PageContext) -> str:
    ui = ctx.ui
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
    return chart_html("market", market_figure(ctx), ui("Sora概念股行情数量"), "\n".join(rows))


# --- compute --------------------------------------------------------------------------------


CHART_BLOCKS: dict[str, Callable[[PageContext], str]] = {
    "timeline": timeline_block,
    "people": people_block,
    "products": products_block,
    "market": market_block,
}
