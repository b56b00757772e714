"""Uncertain dates: each precision, its bounds, its words, and the dates that cannot exist."""

from __future__ import annotations

from datetime import date

import pytest

from generator.facts.dates import DateError, Precision, parse_date
from generator.site.render import date_words

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
def test_impossible_or_malformed_dates(monkeypatch, text):
    monkeypatch.setenv("REPORT_LANG", "en")
    with pytest.raises(DateError, match=INVALID[text]):
        parse_date(text)


BOUNDS = [
    ("2023-33", date(2023, 1, 1), date(2023, 3, 31)),
    ("2023-35", date(2023, 7, 1), date(2023, 9, 30)),
    ("2023-36", date(2023, 10, 1), date(2023, 12, 31)),
    ("2023-40", date(2023, 1, 1), date(2023, 6, 30)),
    ("2024-02-29", date(2024, 2, 29), date(2024, 2, 29)),
    ("2024-12", date(2024, 12, 1), date(2024, 12, 31)),
    ("0001", date(1, 1, 1), date(1, 12, 31)),
    ("9999-12-31", date(9999, 12, 31), date(9999, 12, 31)),
    ("2024-33/2024-34", date(2024, 1, 1), date(2024, 6, 30)),
    ("2024-02-09/2024-02-09", date(2024, 2, 9), date(2024, 2, 9)),
]


@pytest.mark.parametrize(("text", "earliest", "latest"), BOUNDS, ids=[b[0] for b in BOUNDS])
def test_first_and_last_possible_day(text, earliest, latest):
    parsed = parse_date(text)
    assert (parsed.earliest, parsed.latest, parsed.text) == (earliest, latest, text)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("2024-02-09?", Precision.DAY),
        ("2024-02~", Precision.MONTH),
        ("2023-34%", Precision.QUARTER),
        ("2023-41?", Precision.HALF),
        ("2024~", Precision.YEAR),
        ("2023?/2024", Precision.RANGE),
        ("2023/2024%", Precision.RANGE),
        ("../2023-33?", Precision.NOT_AFTER),
        ("2024-02-09~/..", Precision.NOT_BEFORE),
    ],
)
def test_uncertain_markers_on_every_precision(text, precision):
    parsed = parse_date(text)
    assert (parsed.precision, parsed.uncertain) == (precision, True)


def test_an_uncertain_date_covers_the_same_days_as_a_certain_one():
    certain, uncertain = parse_date("2023-34"), parse_date("2023-34?")
    assert (certain.earliest, certain.latest) == (uncertain.earliest, uncertain.latest)


MORE_INVALID = {
    "0000": "'0000' has no year 0 (the calendar starts at 0001)",
    "2024-00": "'2024-00' has no month or period 0 (months 01-12, quarters 33-36, halves 40-41)",
    "2024-00-01": "'2024-00-01' has no month 0",
    "2024-33-01": "'2024-33-01' has no month 33",
    "2024-02-00": "'2024-02-00' is not a day of the calendar",
    "2024-04-31": "'2024-04-31' is not a day of the calendar",
    "": "'' is not an EDTF date (use 2024-02-09, 2023-11, 2023-34, 2023)",
    "?": "'?' is not an EDTF date (use 2024-02-09, 2023-11, 2023-34, 2023)",
    "2024-02-09 ": "'2024-02-09 ' is not an EDTF date (use 2024-02-09, 2023-11, 2023-34, 2023)",
    "2024?~": "'2024?~' is not an EDTF date (use 2024-02-09, 2023-11, 2023-34, 2023)",
    "2024-34/2024-33": "'2024-34/2024-33' ends before it starts",
    "../2024-13": "'2024-13' has no month or period 13 (months 01-12, quarters 33-36, halves 40-41)",
}


@pytest.mark.parametrize("text", sorted(MORE_INVALID))
def test_exact_error_messages(monkeypatch, text):
    monkeypatch.setenv("REPORT_LANG", "en")
    with pytest.raises(DateError) as raised:
        parse_date(text)
    assert str(raised.value) == MORE_INVALID[text]
    assert isinstance(raised.value, ValueError)  # pydantic turns it into a field message


def test_a_missing_date_sorts_after_every_date():
    from generator.facts.dates import date_order

    assert date_order(None) > date_order("2999-12-31") > date_order("2024")
