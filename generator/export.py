"""The fact base for download: one JSON file and one CSV per kind of record, built with the site."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from generator.fields import dotted, records
from generator.model import FactBase

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


def facts_json(
    base: FactBase, words: Callable[[str], str] = _same, conversion_tables: bool = True
) -> str:
    """The whole fact model as JSON, keys in schema order, stable byte for byte."""
    data = _edition_words(base.model_dump(mode="json"), words)
    if not conversion_tables:
        for name in CONVERSION_TABLES:
            data.pop(name, None)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _flat(record: Any, words: Callable[[str], str], prefix: str = "") -> dict[str, str]:
    row: dict[str, str] = {}
    for name, value in record.model_dump(mode="json").items():
        if isinstance(value, list) and value and isinstance(value[0], dict) and name != "cite":
            continue  # nested records get their own CSV
        if name == "cite":
            row["cite"] = "; ".join(f"{c['source']}#{c['paragraph']}" for c in value)
        elif isinstance(value, (list, dict)):
            row[prefix + name] = json.dumps(value, ensure_ascii=False)
        elif name in WORD_FIELDS and isinstance(value, str):
            row[prefix + name] = words(value) if value else ""
        else:
            row[prefix + name] = "" if value is None else str(value)
    return row


def facts_csv(base: FactBase, words: Callable[[str], str] = _same) -> dict[str, str]:
    """File name -> CSV text, one file per kind of record that has an id."""
    tables: dict[str, list[dict[str, str]]] = {}
    for path, record in records(base):
        if not getattr(record, "id", None) or not path:
            continue
        list_name = next(part for part in reversed(path) if isinstance(part, str))
        row = {"path": dotted(path), **_flat(record, words)}
        tables.setdefault(list_name, []).append(row)
    files = {}
    for name, rows in tables.items():
        columns = list(dict.fromkeys(key for row in rows for key in row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        files[f"{name}.csv"] = buffer.getvalue()
    return files
