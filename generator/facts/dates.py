"""Uncertain dates in a strict subset of EDTF (Library of Congress Extended Date/Time Format).

The article dates things to a day, a month, a quarter, a half-year, a year, a range, "no later
than" a point, or a forecast window. Each is one EDTF string; `parse_date` checks it is a real
calendar date and says which precision it has and which days it may cover.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from generator.facts.messages import say


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"
    NOT_AFTER = "not-after"
    NOT_BEFORE = "not-before"


class DateError(ValueError):
    """An EDTF string that is malformed or names a day that does not exist."""


# EDTF level 2 sub-year groupings: 33-36 are quarters, 40-41 are halves (semestrals).
_QUARTERS = {33: 1, 34: 2, 35: 3, 36: 4}
_HALVES = {40: 1, 41: 2}
_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Point:
    """One EDTF point (no interval): its first and last possible day and its precision."""

    text: str
    first: date
    last: date
    precision: Precision
    uncertain: bool = False


@dataclass(frozen=True)
class UncertainDate:
    """A parsed EDTF value: the days it may cover and how precisely it is known."""

    text: str
    precision: Precision
    earliest: date | None
    latest: date | None
    uncertain: bool

    @property
    def sort_key(self) -> tuple[date, date]:
        """Order by the earliest possible day, open starts by their end."""
        start = self.earliest or self.latest or date.min
        return (start, self.latest or date.max)


def parse_point(text: str) -> Point:
    """One EDTF point (a year, month or day, perhaps uncertain), or DateError."""
    uncertain = text.endswith(("?", "~", "%"))
    core = text[:-1] if uncertain else text
    match = _POINT.match(core)
    if not match:
        raise DateError(say("date-not-edtf", text=text))
    year = int(match.group(1))
    if year == 0:
        raise DateError(say("date-year-zero", text=text))
    month_or_group = match.group(2)
    day = match.group(3)
    if month_or_group is None:
        return Point(text, date(year, 1, 1), date(year, 12, 31), Precision.YEAR, uncertain)
    number = int(month_or_group)
    if day is not None:
        if not 1 <= number <= 12:
            raise DateError(say("date-no-month", text=text, number=number))
        try:
            exact = date(year, number, int(day))
        except ValueError:
            raise DateError(say("date-no-day", text=text)) from None
        return Point(text, exact, exact, Precision.DAY, uncertain)
    if 1 <= number <= 12:
        last_day = calendar.monthrange(year, number)[1]
        return Point(
            text, date(year, number, 1), date(year, number, last_day), Precision.MONTH, uncertain
        )
    if number in _QUARTERS:
        quarter = _QUARTERS[number]
        first_month = 3 * quarter - 2
        last_month = first_month + 2
        last_day = calendar.monthrange(year, last_month)[1]
        return Point(
            text,
            date(year, first_month, 1),
            date(year, last_month, last_day),
            Precision.QUARTER,
            uncertain,
        )
    if number in _HALVES:
        half = _HALVES[number]
        first = date(year, 1, 1) if half == 1 else date(year, 7, 1)
        last = date(year, 6, 30) if half == 1 else date(year, 12, 31)
        return Point(text, first, last, Precision.HALF, uncertain)
    raise DateError(say("date-no-period", text=text, number=number))


def parse_date(text: str) -> UncertainDate:
    """Parse an EDTF subset: point, `A/B` range, `../B` (not after B), `A/..` (not before A)."""
    if "/" not in text:
        point = parse_point(text)
        return UncertainDate(text, point.precision, point.first, point.last, point.uncertain)
    start_text, _, end_text = text.partition("/")
    if start_text == ".." and end_text == "..":
        raise DateError(say("date-open-both", text=text))
    if start_text == "..":
        end = parse_point(end_text)
        return UncertainDate(text, Precision.NOT_AFTER, None, end.last, end.uncertain)
    if end_text == "..":
        start = parse_point(start_text)
        return UncertainDate(text, Precision.NOT_BEFORE, start.first, None, start.uncertain)
    start, end = parse_point(start_text), parse_point(end_text)
    if end.last < start.first:
        raise DateError(say("date-reversed", text=text))
    return UncertainDate(
        text, Precision.RANGE, start.first, end.last, start.uncertain or end.uncertain
    )


def date_order(text: str | None) -> tuple[date, date]:
    """Sort key of a date field: by the earliest possible day; a missing date after every other."""
    return parse_date(text).sort_key if text else (date.max, date.max)
