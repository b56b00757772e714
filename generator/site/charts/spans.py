"""Uncertain dates as drawn: the days a date may cover, open starts, and the report's as-of day.

A date known only as "not after X" has an open start, drawn from just off the left edge of the
axis; a role or date with no end runs to the day the report speaks for (`PageContext.as_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.facts.dates import Precision, UncertainDate, date_order, parse_date
from generator.facts.model import Event
from generator.site.context import PageContext
from generator.site.render import date_words

# Open starts ("not after X") are drawn from this far left of the earliest known day, off the
# visible range, so they read as "started at some unknown time before".
OPEN_START_LEAD = timedelta(days=45)


@dataclass(frozen=True)
class Span:
    """Where a date is drawn: the days it may cover, and whether its start is unknown."""

    first: date | None  # None: open start, drawn from the left edge
    last: date
    precision: Precision

    @property
    def open_start(self) -> bool:
        return self.first is None


def span_of(parsed: UncertainDate, as_of: date) -> Span:
    """The days a parsed date may cover; an open end runs to the report's as-of day."""
    return Span(parsed.earliest, parsed.latest or as_of, parsed.precision)


def role_span(start: str | None, end: str | None, as_of: date) -> Span:
    """A role from its start (open when unknown) to its end, or to the as-of day if still held."""
    first = parse_date(start).earliest if start else None
    last = parse_date(end).latest if end else None
    return Span(first, last or as_of, Precision.RANGE)


@dataclass(frozen=True)
class RolePart:
    """One stretch of a role as drawn: days it is surely held, or days it may or may not be."""

    first: date
    last: date
    held: bool


def role_parts(start: str | None, end: str | None, as_of: date, edge: date) -> list[RolePart]:
    """A role cut into what the dates say: surely held only between the latest day it may have
    started and the earliest day it may have ended; the rest (a start or end known only as a
    range, or not at all) is uncertain. An unknown start is drawn from `edge`."""
    began = parse_date(start) if start else None
    ended = parse_date(end) if end else None
    first = began.earliest if began and began.earliest else edge
    last = ended.latest if ended and ended.latest else as_of
    held_from = began.latest if began else None
    held_to = (ended.earliest if ended else as_of) if not ended or ended.earliest else None
    if held_from is None or held_to is None or held_from > held_to:
        return [RolePart(first, last, held=False)]
    one_day = timedelta(days=1)
    parts = [
        RolePart(first, held_from - one_day, held=False),
        RolePart(held_from, held_to, held=True),
        RolePart(held_to + one_day, last, held=False),
    ]
    return [part for part in parts if part.first <= part.last]


def axis_start(spans: list[Span], as_of: date) -> date:
    """First visible day: a little before the earliest known day (open starts start before)."""
    known = [s.first for s in spans if s.first] or [s.last for s in spans] or [as_of]
    return min(known) - timedelta(days=max(7, (as_of - min(known)).days // 20))


def left_edge(spans: Iterable[Span], as_of: date) -> date:
    """Where open starts are drawn from: just off the visible left end of the axis."""
    return axis_start(list(spans), as_of) - OPEN_START_LEAD


def point_of(text: str, as_of: date) -> date:
    """Where one marker for a date sits: the day, the middle of a range, or the 'not after' day."""
    parsed = parse_date(text)
    if parsed.earliest and parsed.latest:
        return parsed.earliest + (parsed.latest - parsed.earliest) / 2
    return parsed.latest or parsed.earliest or as_of


def events_in_order(ctx: PageContext) -> list[Event]:
    """The edition's events, earliest first (by the date's sort key, then id)."""
    return sorted(ctx.base.events, key=lambda e: (date_order(e.date), e.id))


def role_words(start: str | None, end: str | None, ui: Callable[[str], str]) -> tuple[str, str]:
    """A role's start and end in words: "起始不详" for an unknown start, "至今" for no end."""
    return (
        ui(date_words(start)) if start else ui("起始不详"),
        ui(date_words(end)) if end else ui("至今（截至报道）"),
    )
