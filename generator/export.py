"""The fact base for download: one JSON file and one CSV per kind of record, built with the site."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.fields import dotted, records
from generator.model import FactBase


def facts_json(base: FactBase) -> str:
    """The whole fact model as JSON, keys in schema order, stable byte for byte."""
    return json.dumps(base.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def _flat(record: Any, prefix: str = "") -> dict[str, str]:
    row: dict[str, str] = {}
    for name, value in record.model_dump(mode="json").items():
        if isinstance(value, list) and value and isinstance(value[0], dict) and name != "cite":
            continue  # nested records get their own CSV
        if name == "cite":
            row["cite"] = "; ".join(f"{c['source']}#{c['paragraph']}" for c in value)
        elif isinstance(value, (list, dict)):
            row[prefix + name] = json.dumps(value, ensure_ascii=False)
        else:
            row[prefix + name] = "" if value is None else str(value)
    return row


def facts_csv(base: FactBase) -> dict[str, str]:
    """File name -> CSV text, one file per kind of record that has an id."""
    tables: dict[str, list[dict[str, str]]] = {}
    for path, record in records(base):
        if not getattr(record, "id", None) or not path:
            continue
        list_name = next(part for part in reversed(path) if isinstance(part, str))
        row = {"path": dotted(path), **_flat(record)}
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
