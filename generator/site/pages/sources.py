"""Sources page: each source with its numbered paragraphs, and what each attribution level means."""

from __future__ import annotations

from collections.abc import Callable

from generator.facts.model import Attribution, Source
from generator.site.context import PageContext
from generator.site.labels import ATTRIBUTION_MEANING, ATTRIBUTION_WORDS
from generator.site.pages.page import Page
from generator.site.render import date_words, md_text, source_anchor

TITLE = "来源"
DESCRIPTION = "本站引用的来源、段落编号规则，以及每种归属标签的含义。"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [f"# {ui(TITLE)}", "", f"## {ui('归属标签')}", ""]
    lines += [ui("每条事实都标明谁在说：")]
    lines.append("")
    for level in Attribution:
        lines.append(
            f'- <span class="cite cite--{level.value}">{ui(ATTRIBUTION_WORDS[level])}</span>：{ui(ATTRIBUTION_MEANING[level])}'
        )
    lines.append("")
    for source in ctx.base.sources:
        lines += [
            f"## {md_text(source.title)} {{ #{source.id} }}",
            "",
            f"{ctx.link(source.outlet)} · {_published_words(source, ui)} · "
            + " · ".join(_addresses(source, ui)),
            "",
            f"{ui('所读副本')}：{md_text(source.copy_read)}",
            "",
            f"{ui('所读副本发布日期')}：{md_text(ui(date_words(source.copy_published)))}"
            if source.copy_published
            else "",
            "",
            f"{ui('取得日期')}：{md_text(ui(date_words(source.retrieved)))}"
            if source.retrieved
            else "",
            "",
            f"{ui('存档说明')}：{md_text(source.archive_note)}" if source.archive_note else "",
            "",
            f"{ui('段落编号')}：{md_text(source.numbering)}" if source.numbering else "",
            "",
            ui("下列为各段内容提要（本站自拟，非原文）。"),
            "",
        ]
        for paragraph in source.paragraphs:
            anchor = source_anchor(source.id, paragraph.n)
            lines.append(f'{paragraph.n}. <span id="{anchor}">{md_text(paragraph.gist)}</span>')
        lines.append("")
    return "\n".join(lines)


def _addresses(source: Source, ui: Callable[[str], str]) -> list[str]:
    """The original's link and, beside it, the archived copy's ("存档"), or why there is none."""
    found = []
    if source.url:
        found.append(f"[{ui('原文链接')}](<{source.url}>)")
    if source.archive_url:
        when = f"（{md_text(ui(date_words(source.archived)))}）" if source.archived else ""
        found.append(f"[{ui('存档')}](<{source.archive_url}>){{ .source-archive }}{when}")
    return found or [ui("无公开链接")]


def _published_words(source: Source, ui: Callable[[str], str]) -> str:
    """When the text was published, as far as it is known: a copy's date is not the original's."""
    if source.published is None:
        return ui("发表日期不详")
    return md_text(ui(f"发表日期：{date_words(source.published)}"))


PAGE = Page("sources.md", TITLE, DESCRIPTION, render, shows=("source",))
