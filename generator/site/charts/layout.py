"""What every chart shares: colours, fonts, escaping, the base layout and the axes.

Data text is untrusted: `plot_text` is the one place it is HTML-escaped for plotly.js (which
decodes entities and draws the characters as text, so no tag or link can be opened).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, timedelta

import plotly.graph_objects as go

from generator.editions.edition import script_of
from generator.site import chart_embed
from generator.site.context import PageContext
from generator.site.line_breaks import lines_of

MS_PER_DAY = 24 * 3600 * 1000
# Open starts ("not after X") are drawn from this far left of the earliest known day, off the
# visible range, so they read as "started at some unknown time before".
OPEN_START_LEAD = timedelta(days=45)
ROW_HEIGHT = 26
# Subtitle, legend and note text: small print is still at least this size (phones included).
SMALL_TEXT = 12
# A chart's most tick labels across: fits a 390 px phone at 12 px per character.
MAX_TICKS = 6

COMPARATOR_SIGNS = {">": ">", ">=": "≥", "=": "", "<": "<", "<=": "≤", "~": "≈"}
# Date tick labels in Chinese at every zoom level: plotly.js's Chinese locales name the months
# (一月) but format no date as 2024年3月, so the formats are the charts' own.
DATE_TICK_FORMATS = (
    (None, MS_PER_DAY * 27, "%-m月%-d日"),
    (MS_PER_DAY * 27, MS_PER_DAY * 360, "%Y年%-m月"),
    (MS_PER_DAY * 360, None, "%Y年"),
)


def plot_text(text: str) -> str:
    """Untrusted text for plotly.js: escaped, so its pseudo-HTML can open no tag or link."""
    return html.escape(text, quote=True)


def wrapped(text: str, width: int = 12) -> str:
    """Escaped text broken between words into lines of about `width` characters, for a
    category label."""
    return "<br>".join(plot_text(line) for line in lines_of(text, width))


def iso_day(day: date) -> str:
    return day.isoformat()


def midday(day: date) -> str:
    return f"{day.isoformat()} 12:00"


def span_ms(first: date, last: date) -> int:
    """Length in milliseconds of the days `first` to `last`, both included."""
    return ((last - first).days + 1) * MS_PER_DAY


def base_layout(ctx: PageContext, title: str, height: int, notes: Iterable[str] = ()) -> go.Layout:
    """Shared layout: edition font and separators, phone-sized margins, no fixed width.

    `title` is already in the edition's script (`ctx.chart_title`).

    `notes` (already escaped) become the subtitle, one short line each so they fit a phone.
    """
    subtitle = "<br>".join(notes)
    return go.Layout(
        template="none",
        title={
            "text": plot_text(title),
            "subtitle": {"text": subtitle, "font": {"size": SMALL_TEXT}},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 8, "l": 8},
            "automargin": True,
        },
        font={"family": script_of(ctx.lang).fonts, "size": 12},
        separators=".,",
        autosize=True,
        height=height,
        margin={"l": 8, "r": 12, "t": 40, "b": 8, "pad": 2},
        legend={
            "orientation": "h",
            "font": {"size": SMALL_TEXT},
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
        **date_ticks(ctx, first, last),
    }


# Steps between date ticks, with the format their labels take: weekly ticks fall on Sundays.
_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20)


def _months_from(first: date, last: date, every: int, of_year: int = 1) -> list[date]:
    """First days of months between `first` and `last` whose month number (from 0) divides by
    `every` (`of_year` > 1: Januaries of years dividing by `of_year`)."""
    found = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        day = date(year, month, 1)
        if day >= first and (month - 1) % every == 0 and year % of_year == 0:
            found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def date_ticks(ctx: PageContext, first: date, last: date) -> dict[str, object]:
    """Explicit date ticks for `first`..`last` (at most MAX_TICKS), in the edition's words.

    The light preview and plotly.js draw the same ticks from these, so nothing moves when
    plotly.js takes a chart over."""
    days: list[date] = []
    fmt = "%Y年"
    for step in _DAY_STEPS:
        start = first + timedelta(days=(6 - first.weekday()) % 7 if step % 7 == 0 else 0)
        days = [start + timedelta(days=i) for i in range(0, (last - start).days + 1, step)]
        fmt = "%-m月%-d日"
        if len(days) <= MAX_TICKS:
            break
    else:
        for months in _MONTH_STEPS:
            days, fmt = _months_from(first, last, months), "%Y年%-m月"
            if len(days) <= MAX_TICKS:
                break
        else:
            for years in _YEAR_STEPS:
                days, fmt = _months_from(first, last, 12, years), "%Y年"
                if len(days) <= MAX_TICKS:
                    break
    words = ctx.ui(fmt)
    return {
        "tickmode": "array",
        "tickvals": [iso_day(day) for day in days],
        "ticktext": [
            words.replace("%Y", str(d.year)).replace("%-m", str(d.month)).replace("%-d", str(d.day))
            for d in days
        ],
    }


def nothing_to_draw(ctx: PageContext) -> str:
    """What a chart block says instead of an empty chart when the data holds nothing for it."""
    return chart_embed.nothing_to_draw(ctx.ui)


def hover(lines: Iterable[str]) -> str:
    """Hover text from already-escaped lines."""
    return "<br>".join(line for line in lines if line)


HOVER_TEMPLATE = "%{hovertext}<extra></extra>"


def row_title(text: str, row: int, shift: int = 7) -> dict[str, object]:
    """A row's title above its marks, at the left of the plot (`text` already made plot-safe),
    its baseline `shift` pixels above the row's middle."""
    return {
        "text": text,
        "xref": "paper",
        "x": 0,
        "xanchor": "left",
        "yref": "y",
        "y": row,
        "yanchor": "bottom",
        "yshift": shift,
        "showarrow": False,
        "align": "left",
        "font": {"size": 12},
    }


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
