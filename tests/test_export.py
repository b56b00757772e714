"""The downloads as a journalist opens them: CSVs in pandas and the csv module, facts.json, both
editions, and everything loads back to the same facts as the YAML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from generator.facts.export import facts_csv, facts_json, without_selectors
from generator.facts.fields import records
from generator.facts.load import cached_fact_base
from generator.facts.model import Citation, FactBase

ROOT = Path(__file__).parent.parent
EDITIONS = {"zh-Hans": "downloads", "zh-Hant": "zh-Hant/downloads"}


@pytest.fixture(scope="module")
def base() -> FactBase:
    return cached_fact_base(ROOT / "data", "data")


@pytest.fixture(scope="module")
def tables(base) -> dict[str, list[dict[str, str]]]:
    """Every CSV read back with the csv module, as Excel-style UTF-8 with a byte-order mark."""
    return {
        name.removesuffix(".csv"): list(
            csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
        )
        for name, text in facts_csv(base).items()
    }


def downloads(site: Path, edition: str) -> list[Path]:
    return sorted((site / EDITIONS[edition]).glob("*.csv"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_csv_starts_with_a_byte_order_mark_for_excel(built_site, edition):
    files = downloads(built_site, edition)
    assert {"events.csv", "people.csv", "roles.csv", "paragraphs.csv"} <= {f.name for f in files}
    for path in files:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path


@pytest.mark.parametrize("edition", EDITIONS)
def test_pandas_reads_every_csv_with_readable_cells(built_site, edition):
    for path in downloads(built_site, edition):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert len(frame) > 0, path
        assert "path" not in frame.columns, path
        assert not any(column.startswith("\ufeff") for column in frame.columns), path
        for column in frame.columns:
            cells = frame[column]
            assert not cells.str.startswith(("[", "{")).any(), (path.name, column)


def test_traditional_csvs_are_in_traditional_script(built_site):
    people = pd.read_csv(built_site / EDITIONS["zh-Hant"] / "people.csv", dtype=str)
    names = set(people["name"])
    assert "張楠" in names and "张楠" not in names


def test_lists_are_ids_joined_by_semicolons(tables):
    involves = {row["id"]: row["involves"] for row in tables["events"]}
    assert involves["bytedance-tech-team-discusses-gpt"] == "bytedance; gpt; liang-rubo"
    cites = {row["id"]: row["cite"] for row in tables["people"]}
    assert cites["liang-rubo"] == "zhinengpro-2024-02-25#7; zhinengpro-2024-02-25#15"


def test_nested_records_name_the_record_they_belong_to(base, tables):
    roles = {row["id"]: row for row in tables["roles"]}
    assert roles["zhang-nan-douyin-group-ceo"]["belongs_to"] == "zhang-nan"
    paragraphs = tables["paragraphs"]
    assert {row["belongs_to"] for row in paragraphs} == {s.id for s in base.sources}


def test_dates_sort_as_days_beside_the_edtf_value(built_site):
    events = pd.read_csv(
        built_site / "downloads" / "events.csv",
        dtype=str,
        keep_default_na=False,
    )
    columns = list(events.columns)
    at = columns.index("date")
    assert columns[at + 1 : at + 3] == ["date_earliest", "date_latest"]
    row = events.set_index("id").loc["leading-llm-makers-start"]
    assert (row["date"], row["date_earliest"], row["date_latest"]) == (
        "2018/2021",
        "2018-01-01",
        "2021-12-31",
    )
    days = events[["date_earliest", "date_latest"]]
    earliest, latest = (
        pd.to_datetime(days[column].mask(days[column] == ""), format="%Y-%m-%d")
        for column in days.columns
    )
    both = earliest.notna() & latest.notna()
    assert (earliest[both] <= latest[both]).all()
    assert latest.notna().all()
    assert (earliest.isna() == events["date"].str.startswith("../")).all()  # "not after" only
    ordered = events.assign(day=latest).sort_values("day")["id"].tolist()
    assert ordered.index("leading-llm-makers-start") < ordered.index(
        "bytedance-tech-team-discusses-gpt"
    )


def test_open_ended_dates_leave_the_open_side_empty(tables):
    open_ended = [
        (name, column, row)
        for name, table in tables.items()
        for row in table
        for column, value in row.items()
        if value.startswith("../")
    ]
    assert open_ended, "the data holds dates open at the start (../2024-02)"
    for name, column, row in open_ended:
        earliest, latest = row.get(column + "_earliest"), row.get(column + "_latest")
        assert earliest == "" and latest, (name, column, row)


def test_csvs_hold_every_record_id_and_every_cited_paragraph(base, tables):
    ids_in_csv = {row["id"] for table in tables.values() for row in table if row.get("id")}
    ids_in_data = {getattr(r, "id", None) for _, r in records(base)} - {None}
    assert ids_in_csv == ids_in_data
    cited_in_data = {
        f"{r.source}#{r.paragraph}" for _, r in records(base) if isinstance(r, Citation)
    }
    cited_in_csv = {
        cite
        for table in tables.values()
        for row in table
        for cite in row.get("cite", "").split("; ")
        if cite
    }
    assert cited_in_csv == cited_in_data
    paragraphs = {f"{row['belongs_to']}#{row['n']}" for row in tables["paragraphs"]}
    assert cited_in_data <= paragraphs
    assert len(tables["glossary"]) == len(base.glossary)


def test_csv_rows_match_the_records_field_by_field(base, tables):
    people = {row["id"]: row for row in tables["people"]}
    for person in base.people:
        row = people[person.id]
        assert row["name"] == person.name
        assert row["about"] == person.about
        assert row["attribution"] == person.attribution.value
        assert row["name_en"] == (person.name_en or "")


def test_facts_json_loads_back_to_the_same_fact_base(base, built_site):
    text = facts_json(base)
    # The selectors beside the quotes are the export's: without them, the fact model as it is.
    data = without_selectors(json.loads(text))
    assert data == base.model_dump(mode="json")
    assert FactBase.model_validate(data) == base
    published = (built_site / "downloads" / "facts.json").read_text(encoding="utf-8")
    assert json.loads(published) == json.loads(text)


def _quoted_citations(data):
    """Every citation with a quote in facts.json's data, depth first."""
    if isinstance(data, dict):
        for c in data.get("cite") or []:
            if c.get("quote"):
                yield c
        for value in data.values():
            yield from _quoted_citations(value)
    elif isinstance(data, list):
        for value in data:
            yield from _quoted_citations(value)


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_each_quote_is_a_text_quote_selector_in_the_editions_characters(base, built_site, edition):
    """An annotation tool reads each quote as a W3C TextQuoteSelector: `exact` is the quote as
    the edition prints it (the source's own words in the Simplified edition; its glyphs in the
    Traditional one, whose downloads hold no Simplified text)."""
    published = json.loads((built_site / EDITIONS[edition] / "facts.json").read_bytes())
    quoted = list(_quoted_citations(published))
    source_quotes = {c.quote for _, r in records(base) for c in getattr(r, "cite", None) or []}
    assert len(quoted) > 100
    for c in quoted:
        assert c["selector"]["type"] == "TextQuoteSelector", c
        assert c["selector"]["exact"] == c["quote"], c
    exact = {c["selector"]["exact"] for c in quoted}
    if edition == "zh-Hant":
        assert exact - source_quotes, "the Traditional edition's selectors are in its glyphs"
    else:
        assert exact <= source_quotes


def test_each_citation_keeps_its_quote_in_the_same_order(base, tables):
    events = {row["id"]: row for row in tables["events"]}
    for event in base.events:
        row = events[event.id]
        quotes = row["cite_quotes"].split("; ")
        assert len(quotes) == len(row["cite"].split("; ")) == len(event.cite)
        assert quotes == [c.quote or "" for c in event.cite]


def test_each_csv_has_the_id_first_and_the_citations_last(base):
    """Opened in a spreadsheet, a table reads from what the record is to who says so."""
    for name, text in facts_csv(base).items():
        header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        if "id" in header:
            assert header[0] == "id", name
        if "cite" in header:
            assert header[-2:] == ["cite", "cite_quotes"], (name, header)
