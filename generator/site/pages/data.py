"""Data page: the fact base for download (bundle, JSON, CSVs), its licence and how to cite it."""

from __future__ import annotations

from collections.abc import Callable

from generator.site.bundle import bundle_name
from generator.site.cite_box import cite_box
from generator.site.context import PageContext
from generator.site.pages.page import Page
from generator.site.publication import Publication
from generator.site.render import md_text

TITLE = "数据下载"
DESCRIPTION = "整个事实库的JSON与CSV文件、打包下载、使用许可与引用格式，构建网站时从YAML生成。"
DOWNLOAD_DIR = "downloads"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    # Two real ids make the example one a reader can find in the files.
    example_ids = [org.id for org in ctx.base.organizations[:2]]
    lines = [
        f"# {ui(TITLE)}",
        "",
        ui("以下文件与本页同时生成，内容与本版网站显示的事实完全一致，文字也使用本版的字形。"),
        "",
    ]
    if ctx.publication:
        name = bundle_name(ctx.publication)
        lines.append(
            f"- **[{name}]({DOWNLOAD_DIR}/{name})**："
            + ui("全部数据打包下载：JSON、CSV、JSON Schema、字段说明、许可与引用信息")
        )
    lines += [
        f"- [facts.json]({DOWNLOAD_DIR}/facts.json)：{ui('全部事实，一个文件')}",
    ]
    for name in sorted(ctx.export.csv):
        lines.append(f"- [{name}]({DOWNLOAD_DIR}/{name})")
    lines += [
        "",
        ui("## 表格的格式"),
        "",
        ui(
            "- CSV 文件为带字节顺序标记（BOM）的 UTF-8，Excel、LibreOffice 和 pandas 都能直接打开。"
        ),
        ui("- 每行一条记录；`id` 列与网站上各条事实的锚点相同。"),
        ui("- 一个单元格中的多个值以分号加空格（`; `）隔开")
        + (
            ui("，例如 `{ids}` 是两条记录的 id。").replace("{ids}", "; ".join(example_ids))
            if len(example_ids) == 2
            else ui("。")
        ),
        ui(
            "- 附属于其他记录的条目（人物的职务、来源的段落等）各有一个文件，"
            "`belongs_to` 列给出所属记录的 id。"
        ),
        ui(
            "- 日期按 EDTF 标准写出来源给出的精度（如 `2018/2021`、`../2023-33`）；"
            "其后的 `_earliest` 与 `_latest` 两列是最早和最晚可能的日期（年-月-日），"
            "可以排序和筛选，无从确定的一端留空。"
        ),
        ui(
            "- `cite` 列写出处：来源 id 加 `#` 和段落号，多处出处用分号隔开；"
            "`cite_quotes` 列按同样的顺序列出每处出处中承载这条事实的原文字句。"
        ),
        ui(
            "- facts.json 中每处出处的原文字句另有一个 W3C Web Annotation 的"
            " `TextQuoteSelector`（`selector.exact`，与本版引文的写法相同），"
            "标注工具凭它在来源中找到这句话；要按原文的字形定位，用简体版的 facts.json。"
        ),
        "",
        ui("数据以 YAML 形式维护在代码仓库的 data/ 目录中，每个文件都附有 JSON Schema。"),
    ]
    if ctx.publication:
        lines += _reuse(ctx.publication, ui)
    return "\n".join(lines)


def _reuse(publication: Publication, ui: Callable[[str], str]) -> list[str]:
    """Licence and a how-to-cite box: a formatted reference, BibTeX and CSL-JSON."""
    licence = publication.data_licence
    return [
        "",
        ui("## 许可与引用"),
        "",
        ui("本站的数据与文字采用")
        + f" [{md_text(licence.name)}]({licence.url}) "
        + ui("许可：可以复制、发行和改编，包括商业用途，但须注明出处并说明是否作了修改。"),
        "",
        *cite_box(publication, ui),
    ]


PAGE = Page("data.md", TITLE, DESCRIPTION, render)
