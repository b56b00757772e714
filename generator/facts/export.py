"""The fact base for download: one JSON file and one CSV per kind of record, built with the site.

The CSVs are meant to be opened in a spreadsheet: UTF-8 with a byte-order mark (Excel on Windows
reads UTF-8 only with one), one row per record, lists as text joined by `LIST_SEPARATOR`, a record
nested in another (a person's role, a source's paragraph) in its own file with a `belongs_to` column
holding the id of the record it belongs to, and every EDTF date followed by its earliest and latest
possible day as ISO dates, which sort and filter as dates.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, get_args

from pydantic import BaseModel

from generator.facts.dates import parse_date
from generator.facts.fields import field_type
from generator.facts.model import EDTF, Citation, FactBase

BOM = "\ufeff"
LIST_SEPARATOR = "; "
EARLIEST, LATEST = "_earliest", "_latest"
BELONGS_TO = "belongs_to"
LAST_COLUMNS = ("attribution", "asserted_by", "cite", "cite_quotes")
# Beside each quote in facts.json: where it is in its source, as a W3C Web Annotation selector.
SELECTOR = "selector"
# Codes that are Chinese words as written (a figure's scale, 万亿): readers of an edition read
# them in its script and with its number words (兆 in Taiwan), in downloads as on pages.
WORD_FIELDS = {"scale"}
# How the Traditional editions are made, keyed by Simplified words: published with the source
# edition's data only.
CONVERSION_TABLES = ("glossary", "vocabulary")


def _same(text: str) -> str:
    return text


def _edition_words(value: Any, words: Callable[[str], str]) -> Any:
    if isinstance(value, dict):
        return {
            key: words(item)
            if key in WORD_FIELDS and isinstance(item, str) and item
            else _edition_words(item, words)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_edition_words(item, words) for item in value]
    return value


def _with_selectors(value: Any, source_words: Callable[[str], str]) -> Any:
    """`value` with a W3C Web Annotation TextQuoteSelector beside each citation's quote: the
    quote as its source writes it (`source_words`), which an annotation tool finds in the
    source."""
    if isinstance(value, dict):
        found = {key: _with_selectors(item, source_words) for key, item in value.items()}
        if isinstance(found.get("cite"), list):
            found["cite"] = [
                {**c, SELECTOR: {"type": "TextQuoteSelector", "exact": source_words(c["quote"])}}
                if isinstance(c, dict) and c.get("quote")
                else c
                for c in found["cite"]
            ]
        return found
    if isinstance(value, list):
        return [_with_selectors(item, source_words) for item in value]
    return value


def without_selectors(value: Any) -> Any:
    """facts.json's data as the fact model holds it: the selectors the export adds taken out."""
    if isinstance(value, dict):
        return {k: without_selectors(item) for k, item in value.items() if k != SELECTOR}
    if isinstance(value, list):
        return [without_selectors(item) for item in value]
    return value


def facts_json(
    base: FactBase,
    words: Callable[[str], str] = _same,
    conversion_tables: bool = True,
    source_words: Callable[[str], str] = _same,
) -> str:
    """The whole fact model as JSON, keys in schema order, stable byte for byte; each quote
    also as a TextQuoteSelector (`selector`) in the characters `source_words` gives (the
    edition's own by default)."""
    data = _with_selectors(_edition_words(base.model_dump(mode="json"), words), source_words)
    if not conversion_tables:
        for name in CONVERSION_TABLES:
            data.pop(name, None)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def cite_text(cite: list[Citation]) -> str:
    """`source#paragraph` per citation, joined: `sample-source#7; sample-source#15`."""
    return LIST_SEPARATOR.join(f"{c.source}#{c.paragraph}" for c in cite)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _holds_records(bare: Any) -> bool:
    """Whether a field's type is a list of records (which get their own CSV)."""
    items = get_args(bare)
    return bool(items) and isinstance(items[0], type) and issubclass(items[0], BaseModel)


def _row(
    record: BaseModel, belongs_to: str | None, words: Callable[[str], str] = _same
) -> dict[str, str]:
    row: dict[str, str] = {} if belongs_to is None else {BELONGS_TO: belongs_to}
    for name in type(record).model_fields:
        value = getattr(record, name)
        bare, markers = field_type(type(record), name)
        if name == "cite":
            row["cite"] = cite_text(value)
            # The source's own words for each citation, in the same order ("" where none).
            row["cite_quotes"] = LIST_SEPARATOR.join(c.quote or "" for c in value)
        elif _holds_records(bare):
            continue
        elif isinstance(bare, type) and issubclass(bare, BaseModel):
            if value is not None:  # a single nested record: its fields as name.field
                nested = _row(value, None, words)
                row.update({f"{name}.{key}": cell for key, cell in nested.items()})
        elif isinstance(value, list):
            row[name] = LIST_SEPARATOR.join(_cell(item) for item in value)
        elif isinstance(value, dict):
            row[name] = LIST_SEPARATOR.join(f"{key}: {_cell(item)}" for key, item in value.items())
        elif name in WORD_FIELDS and isinstance(value, str):
            row[name] = words(value) if value else ""
        else:
            row[name] = _cell(value)
            if EDTF in markers:
                dates = parse_date(value) if value else None
                earliest = dates.earliest if dates else None
                latest = dates.latest if dates else None
                row[name + EARLIEST] = earliest.isoformat() if earliest else ""
                row[name + LATEST] = latest.isoformat() if latest else ""
    return row


def table_columns(rows: list[dict[str, str]]) -> list[str]:
    """Every column of a table: id and owner first, who-says-so and citations last."""
    found = list(dict.fromkeys(key for row in rows for key in row))
    first = [name for name in ("id", BELONGS_TO) if name in found]
    last = [name for name in LAST_COLUMNS if name in found]
    return first + [name for name in found if name not in first + last] + last


def _collect(
    record: BaseModel,
    belongs_to: str | None,
    table: str,
    tables: dict[str, list[dict[str, str]]],
    words: Callable[[str], str],
) -> None:
    tables.setdefault(table, []).append(_row(record, belongs_to, words))
    owner = getattr(record, "id", None) or belongs_to
    for name in type(record).model_fields:
        value = getattr(record, name)
        if name != "cite" and isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _collect(item, owner, name, tables, words)


def fact_tables(
    base: FactBase, words: Callable[[str], str] = _same, conversion_tables: bool = True
) -> dict[str, list[dict[str, str]]]:
    """Table name (the record list's name) -> rows, each row column -> text."""
    tables: dict[str, list[dict[str, str]]] = {}
    for name in type(base).model_fields:
        if name in CONVERSION_TABLES and not conversion_tables:
            continue
        for record in getattr(base, name):
            _collect(record, None, name, tables, words)
    return tables


def facts_csv(
    base: FactBase, words: Callable[[str], str] = _same, conversion_tables: bool = True
) -> dict[str, str]:
    """File name -> CSV text (with its byte-order mark), one file per kind of record."""
    return csv_files(fact_tables(base, words, conversion_tables))


def csv_files(tables: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """File name -> CSV text (with its byte-order mark) of each table of `fact_tables`."""
    files = {}
    for name, rows in tables.items():
        columns = table_columns(rows)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        files[f"{name}.csv"] = BOM + buffer.getvalue()
    return files


@dataclass(frozen=True)
class Export:
    """One edition's downloads, made once per build: the pages, the files and the bundle all
    list and hold these."""

    json: str
    tables: dict[str, list[dict[str, str]]]
    csv: dict[str, str]


def export_of(
    base: FactBase,
    words: Callable[[str], str] = _same,
    conversion_tables: bool = True,
    source_words: Callable[[str], str] = _same,
) -> Export:
    """The JSON, tables and CSV files of `base` in an edition's words (`source_words`: a quote
    as its source writes it, for facts.json's selectors)."""
    tables = fact_tables(base, words, conversion_tables)
    json_text = facts_json(base, words, conversion_tables, source_words)
    return Export(json_text, tables, csv_files(tables))
