"""Uncertain dates: each precision, its bounds, its words, and the dates that cannot exist."""

from __future__ import annotations

from datetime import date

import pytest

from generator.dates import DateError, Precision, parse_date
from generator.render import date_words

VALID = [
    ("2024-02-09", Precision.DAY, date(2024, 2, 9), date(2024, 2, 9), "2024年2月9日"),
    ("2024-02", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29), "2024年2月"),
    ("2023-02", Precision.MONTH, date(2023, 2, 1), date(2023, 2, 28), "2023年2月"),
    ("2023-34", Precision.QUARTER, date(2023, 4, 1), date(2023, 6, 30), "2023年第二季度"),
    ("2023-41", Precision.HALF, date(2023, 7, 1), date(2023, 12, 31), "2023年下半年"),
    ("2023", Precision.YEAR, date(2023, 1, 1), date(2023, 12, 31), "2023年"),
    ("2018/2021", Precision.RANGE, date(2018, 1, 1), date(2021, 12, 31), "2018年至2021年"),
    ("../2023-33", Precision.NOT_AFTER, None, date(2023, 3, 31), "不晚于2023年第一季度"),
    ("2024-02-09/..", Precision.NOT_BEFORE, date(2024, 2, 9), None, "不早于2024年2月9日"),
    (
        "2024-04/2024-05",
        Precision.RANGE,
        date(2024, 4, 1),
        date(2024, 5, 31),
        "2024年4月至2024年5月",
    ),
    ("2024-04?", Precision.MONTH, date(2024, 4, 1), date(2024, 4, 30), "2024年4月（存疑）"),
]


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest", "words"), VALID, ids=[v[0] for v in VALID]
)
def test_valid_dates(text, precision, earliest, latest, words):
    parsed = parse_date(text)
    assert (parsed.precision, parsed.earliest, parsed.latest) == (precision, earliest, latest)
    assert date_words(text) == words


def test_uncertain_marker_is_kept():
    assert parse_date("2024-04?/2024-05").uncertain
    assert not parse_date("2024-04/2024-05").uncertain


def test_sorting_puts_open_starts_by_their_end():
    texts = ["2024-02-09", "../2023-33", "2023-41", "2018/2021"]
    assert sorted(texts, key=lambda t: parse_date(t).sort_key) == [
        "2018/2021",
        "../2023-33",
        "2023-41",
        "2024-02-09",
    ]


INVALID = {
    "2023-02-29": "is not a day of the calendar",
    "2024-02-30": "is not a day of the calendar",
    "2024-13": "has no month or period 13",
    "2024-13-01": "has no month 13",
    "2023-37": "has no month or period 37",
    "2024-4": "is not an EDTF date",
    "24-02-09": "is not an EDTF date",
    "2024/02/09": "is not an EDTF date",
    "2月9日": "is not an EDTF date",
    "2024-05/2024-04": "ends before it starts",
    "../..": "is open at both ends",
}


@pytest.mark.parametrize("text", sorted(INVALID))
def test_impossible_or_malformed_dates(text):
    with pytest.raises(DateError, match=INVALID[text]):
        parse_date(text)
