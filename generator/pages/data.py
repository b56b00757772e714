"""Data page: the whole fact base for download, as JSON and as one CSV per kind of record."""

from __future__ import annotations

from generator.export import facts_csv
from generator.pages.context import PageContext

TITLE = "数据下载"
DESCRIPTION = "整个事实库的JSON与CSV文件，构建网站时从YAML生成。"
DOWNLOAD_DIR = "downloads"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [
        f"# {ui(TITLE)}",
        "",
        ui("以下文件与本页同时生成，内容与本版网站显示的事实完全一致，文字也使用本版的字形。"),
        "",
        f"- [facts.json]({DOWNLOAD_DIR}/facts.json)：{ui('全部事实，一个文件')}",
    ]
    for name in sorted(facts_csv(ctx.base)):
        lines.append(f"- [{name}]({DOWNLOAD_DIR}/{name})")
    lines += ["", ui("数据以 YAML 形式维护在代码仓库的 data/ 目录中，每个文件都附有 JSON Schema。")]
    return "\n".join(lines)
