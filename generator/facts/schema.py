"""JSON Schema for each data file, generated from the models, for editors and reviewers."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from generator.facts.export import CONVERSION_TABLES, SELECTOR
from generator.facts.fields import without_example_marks
from generator.facts.kinds import DATA_FILES
from generator.facts.model import REPORT_FILE, FactBase, Record, ReportFile

SCHEMA_DIR = "schema"
# Every file under data/ an editor fills in: the fact files and the report's settings.
SCHEMA_MODELS: dict[str, type[Record]] = {**DATA_FILES, REPORT_FILE: ReportFile}


def schema_for(file_name: str) -> str:
    """The JSON Schema text of one data file, stable byte for byte."""
    model = SCHEMA_MODELS[file_name]
    schema = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{Path(file_name).stem}.schema.json",
        **schema,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_files(*, example_marks: bool = False) -> dict[str, str]:
    """Relative path (under data/) -> schema text, for every data file. The descriptions'
    examples of conversion (-{视频}-) keep their marks only when asked, for an edition that
    converts them; the files under data/ read as the source edition shows them."""
    if example_marks:
        return dict(_schema_texts())
    return {relative: without_example_marks(text) for relative, text in _schema_texts()}


@cache  # the models do not change while the process runs; generating their schemas takes long
def _schema_texts() -> tuple[tuple[str, str], ...]:
    return tuple(
        (f"{SCHEMA_DIR}/{Path(name).stem}.schema.json", schema_for(name)) for name in SCHEMA_MODELS
    )


FACTS_SCHEMA = f"{SCHEMA_DIR}/facts.schema.json"
# The W3C Web Annotation TextQuoteSelector facts.json puts beside each quote.
_SELECTOR_SCHEMA = {
    "type": "object",
    "description": (
        "W3C Web Annotation 的 TextQuoteSelector：exact 是来源本身字形的原文字句，"
        "标注工具凭它在来源中找到这句话。由构建生成，YAML 中没有这个字段。"
    ),
    "properties": {
        "type": {"const": "TextQuoteSelector"},
        "exact": {"type": "string", "minLength": 1},
    },
    "required": ["type", "exact"],
    "additionalProperties": False,
}


def facts_json_schema(*, example_marks: bool = False) -> str:
    """The JSON Schema of facts.json: the whole fact base, each quoted citation with its
    selector, the conversion tables optional (converted editions leave them out)."""
    schema = FactBase.model_json_schema()
    schema["$defs"]["Citation"]["properties"][SELECTOR] = _SELECTOR_SCHEMA
    schema["required"] = [name for name in schema["required"] if name not in CONVERSION_TABLES]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": Path(FACTS_SCHEMA).name,
        **schema,
    }
    text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return text if example_marks else without_example_marks(text)


def stale_schemas(data_dir: Path) -> list[str]:
    """Schema files under `data_dir` that are missing or differ from the models."""
    stale = []
    for relative, text in schema_files().items():
        path = data_dir / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(relative)
    return stale


def write_schemas(data_dir: Path) -> list[str]:
    """Write every schema file; return the ones that changed."""
    changed = stale_schemas(data_dir)
    for relative, text in schema_files().items():
        path = data_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return changed
