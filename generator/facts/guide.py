"""Tables of the contributing guide, generated so they cannot drift from the code.

The guide marks each generated region `<!-- 生成:NAME -->` … `<!-- /生成:NAME -->`: NAME is
`errors` (every message of the catalogue) or a record kind (its fields, from the model's
descriptions). `update` rewrites the regions; a test checks they are up to date.
"""

from __future__ import annotations

import re
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from generator.facts.fields import unwrap, without_example_marks
from generator.facts.grounding import REQUIRED_BY_CHECK
from generator.facts.kinds import KINDS
from generator.facts.messages import CATALOGUE, placeholders
from generator.facts.model import (
    Citation,
    Cited,
    GlossaryEntry,
    PageTexts,
    Paragraph,
    Relation,
    Report,
)

# Every record model with a table: the kinds of record, and the parts records are made of.
PARTS: dict[str, type[BaseModel]] = {
    "paragraph": Paragraph,
    "citation": Citation,
    "relation": Relation,
    "glossary": GlossaryEntry,
    "report": Report,
    "page-texts": PageTexts,
}
MODELS: dict[str, type[BaseModel]] = {
    **{name: kind.model for name, kind in KINDS.items()},
    **PARTS,
}
# Messages of the review commands and summaries, not of a problem in the data.
_NOT_PROBLEMS = (
    "diff-",
    "preview-",
    "conversions-",
    "name-",
    "no-suggestion-",
    "data-ok",
    "new-ask-",
    "review-",
)
_NOT_PROBLEM_KEYS = {
    "did-you-mean",
    "duplicate-id-base",
    "report-summary",
    "unknown-revision",
    "schema-written",
    "build-done",
    "new-written",
    "new-samples-left",
    "new-description",
    "fingerprint-written",
}
REGION = re.compile(r"(<!-- 生成:([a-z-]+) -->\n)(.*?)(<!-- /生成:\2 -->)", re.DOTALL)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def error_table() -> str:
    """Every problem message `make check` (or a build) can print, placeholders shown as …."""
    rows = ["| 编号 | 信息（说明错在哪里、怎么改） |", "| --- | --- |"]
    for key, text in CATALOGUE.items():
        if key.startswith(_NOT_PROBLEMS) or key in _NOT_PROBLEM_KEYS:
            continue
        shown = text.zh
        for name in placeholders(text.zh):
            shown = shown.replace("{" + name + "}", "…")
        shown = shown.replace("{{", "{").replace("}}", "}")
        rows.append(f"| `{key}` | {_cell(shown)} |")
    return "\n".join(rows) + "\n"


def _allowed(annotation: Any) -> list[str]:
    bare, _ = unwrap(annotation)
    if get_origin(bare) is list:
        bare, _ = unwrap(get_args(bare)[0])
    if get_origin(bare) is Literal:
        return [repr(value) if value == "" else str(value) for value in get_args(bare)]
    return []


def field_table(model: type[BaseModel]) -> str:
    """The fields of one record kind: name, required or not, what to write."""
    rows = ["| 字段 | 必填 | 写什么 |", "| --- | --- | --- |"]
    fields = model.model_fields
    # The record's own fields first, then the citation fields every fact shares.
    for name in sorted(fields, key=lambda name: name in Cited.model_fields):
        info = fields[name]
        description = without_example_marks(info.description or "")
        allowed = _allowed(info.annotation)
        if allowed and "：" not in description:
            description += " 可选：" + "、".join(f"`{value}`" for value in allowed) + "。"
        checked = name in REQUIRED_BY_CHECK.get(model, ())
        required = "是" if info.is_required() or checked else "否"
        rows.append(f"| `{name}` | {required} | {_cell(description)} |")
    return "\n".join(rows) + "\n"


def region_text(name: str) -> str:
    """The generated content of region NAME."""
    if name == "errors":
        return error_table()
    return field_table(MODELS[name])


def update(text: str) -> str:
    """`text` with every generated region rewritten."""

    def replace(match: re.Match[str]) -> str:
        return match.group(1) + region_text(match.group(2)) + match.group(4)

    return REGION.sub(replace, text)
