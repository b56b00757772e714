"""The data bundle of an edition: one zip with the JSON, the CSVs, the JSON Schemas, a README
(files, columns, licence, how to cite) and the citation files, identical byte for byte on every
build of the same commit (fixed order, timestamps and permissions)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import date
from typing import Any

from generator.facts.export import (
    BELONGS_TO,
    EARLIEST,
    LATEST,
    Export,
    export_of,
    table_columns,
)
from generator.facts.model import FactBase
from generator.facts.schema import FACTS_SCHEMA, facts_json_schema, schema_files
from generator.site.labels import ATTRIBUTION_WORDS
from generator.site.publication import Publication, bibtex, csl_json, formatted

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def bundle_name(publication: Publication) -> str:
    """File name of the bundle, with the edition's language so both can sit in one folder."""
    return f"{publication.key}-data-{publication.lang}.zip"


def _readme(
    tables: dict[str, list[dict[str, str]]], publication: Publication, ui: Callable[[str], str]
) -> str:
    # The same tables as the bundle holds: a Traditional edition leaves out the conversion tables.
    lines = [
        f"# {publication.title}",
        "",
        ui("本压缩包是本报告事实库的完整导出，与网站同时生成，文字使用本版的字形。"),
        "",
        ui("## 文件"),
        "",
        ui(
            "- `facts.json`：全部事实，一个文件；顶层每个列表对应仓库 data/ 目录中的一个 YAML 文件。"
        ),
        ui("- `schema/*.schema.json`：每个 YAML 文件的 JSON Schema，说明每个字段的类型和取值。"),
        ui("- `schema/facts.schema.json`：`facts.json` 的 JSON Schema。"),
        ui("- `*.csv`：每类记录一个表格，可直接用 Excel、LibreOffice 或 pandas 打开。"),
        ui("- `CITATION.bib`、`CITATION.json`：BibTeX 与 CSL-JSON 格式的引用信息。"),
        "",
        ui("## 列的约定"),
        "",
        ui("- `id`：记录的标识，与网站上事实的锚点相同。"),
        ui(f"- `{BELONGS_TO}`：附属记录（职务、段落等）所属记录的 id。"),
        ui(f"- 日期列为 EDTF 写法；`*{EARLIEST}`、`*{LATEST}` 为最早和最晚可能的日期。"),
        ui(
            "- 多个值以 `; ` 隔开；`cite` 列写出处：来源 id、`#` 和段落号；`cite_quotes` 列按同样顺序给出原文字句。"
        ),
        ui(
            "- `facts.json` 中每处出处的原文字句另附 W3C Web Annotation 的 `TextQuoteSelector`"
            "（`selector.exact`，与本版引文的写法相同；要在原文中定位，用简体版的 facts.json）。"
        ),
        ui("- `attribution` 列说明谁为这条事实负责："),
    ]
    lines += [f"  - `{code.value}`：{ui(words)}" for code, words in ATTRIBUTION_WORDS.items()]
    lines += ["", ui("## 各文件的列"), ""]
    for name, rows in tables.items():
        lines.append(f"- `{name}.csv`（{len(rows)}）：{', '.join(table_columns(rows))}")
    lines += [
        "",
        ui("## 许可"),
        "",
        ui(
            f"数据与文字采用 {publication.data_licence.name} 许可"
            f"（{publication.data_licence.url}）：可以复制、发行和改编，"
            "包括商业用途，但须注明出处并说明是否作了修改。"
        ),
        "",
        ui("## 引用"),
        "",
        formatted(publication),
        "",
    ]
    if publication.issued is None:
        lines += [
            ui(
                "这份导出的日期未知（网站不是在 git 仓库里构建的），引用里没有写日期。"
                "压缩包里每个文件标的 1980-01-01 是 zip 格式能记录的最早时间，不是数据的日期。"
            ),
            "",
        ]
    return "\n".join(lines)


def _entry(name: str, when: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever system builds it
    return info


def _described(node: Any, ui: Callable[[str], str]) -> Any:
    """`node` with descriptions, titles and word values (a scale such as 万亿) in the edition's
    script and number words, as its facts.json writes them; keys and ASCII codes are kept."""
    if isinstance(node, dict):
        return {
            key: ui(value)
            if key in ("description", "title") and isinstance(value, str)
            else [ui(item) if isinstance(item, str) else item for item in value]
            if key == "enum" and isinstance(value, list)
            else _described(value, ui)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_described(item, ui) for item in node]
    return node


def _schemas_in_script(ui: Callable[[str], str]) -> dict[str, str]:
    """The JSON Schemas (of each data file and of facts.json), their descriptions read in the
    edition's script."""
    schemas = {
        **schema_files(example_marks=True),
        FACTS_SCHEMA: facts_json_schema(example_marks=True),
    }
    return {
        name: json.dumps(_described(json.loads(text), ui), ensure_ascii=False, indent=2) + "\n"
        for name, text in schemas.items()
    }


def data_bundle(
    base: FactBase,
    publication: Publication,
    ui: Callable[[str], str],
    conversion_tables: bool = True,
    export: Export | None = None,
) -> bytes:
    """The zip of one edition's data, as bytes (the same files the edition offers one by one,
    from `export` when the edition has made it already)."""
    export = export or export_of(base, ui, conversion_tables)
    # Unknown: the earliest time a zip can hold, which the README says is no date.
    issued = publication.issued or date(1980, 1, 1)
    when = max(ZIP_EPOCH, (issued.year, issued.month, issued.day, 0, 0, 0))
    folder = bundle_name(publication).removesuffix(".zip")
    members = {
        "README.md": _readme(export.tables, publication, ui),
        "facts.json": export.json,
        **export.csv,
        **_schemas_in_script(ui),
        "CITATION.bib": bibtex(publication) + "\n",
        "CITATION.json": csl_json(publication) + "\n",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(_entry(f"{folder}/{name}", when), text.encode("utf-8"))
    return buffer.getvalue()
