"""Compute and money page: every figure with unit and estimator, and the cross-checks derived from them."""

from __future__ import annotations

from generator.site.context import PageContext
from generator.site.derive import derive
from generator.site.pages.page import Page
from generator.site.render import figure_value, md_text, normalized_words

TITLE = "算力与数字"
DESCRIPTION = "报道中的算力、资金、数据与时间数字：单位、由谁估算，以及由它们推算出的核对值。"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [
        f"# {ui(TITLE)}",
        "",
        # The scale words are the source's: an example, never reworded (万亿 is not 兆 here).
        ui("数字按原文的写法保留数值和量级词（-{万、亿、万亿}-），并换算成统一数值以便比较。"),
        "",
        "{{ @chart:compute }}",
        "",
    ]
    for kind in ctx.categories("figure_kind"):
        figures = [f for f in ctx.base.figures if f.kind == kind]
        if not figures:
            continue
        lines += [f"## {ctx.category('figure_kind', kind)}", ""]
        for figure in figures:
            estimator = (
                f" · {ctx.figure_source(figure)}：{ctx.link(figure.asserted_by)}"
                if figure.asserted_by
                else ""
            )
            about = "、".join(ctx.link(i) for i in figure.about)
            lines += [
                f"### {md_text(figure.label)} {{ #{figure.id} }}",
                "",
                f'<span class="fact-figure">{md_text(ui(figure_value(figure)))}</span>'
                f' <span class="fact-tag">{md_text(normalized_words(figure, ui))}</span>{estimator}',
                "",
                f"{md_text(figure.measures)} {ctx.cite(figure)}",
                "",
                *ctx.note_lines(figure.id),
            ]
            if about:
                lines += [ui("涉及：") + about, ""]
    derived = derive(ctx.base)
    if derived:
        lines += [
            f"## {ui('推算核对')}",
            "",
            f'!!! note "{ui("以下数值由本站推算，并非来源给出")}"',
            "",
        ]
        lines += [f"    {ui('每个推算值都写明公式和所用的来源数字，便于读者复核。')}", ""]
        for item in derived:
            inputs = "、".join(ctx.link(i) for i in item.inputs)
            lines += [
                f"### {md_text(ui(item.label))} {{ #{item.id} }}",
                "",
                f'<span class="fact-figure">{md_text(ui(item.shown))}</span> <span class="cite cite--derived">{ui("推算值")}</span>',
                "",
                f'{ui("公式")}：<span class="fact-formula">{md_text(ui(item.formula))}</span>；'
                f"{md_text(ui(item.reading))}。{ui('依据')}：{inputs}",
                "",
                *ctx.note_lines(item.inputs),
            ]
    return "\n".join(lines)


PAGE = Page("compute.md", TITLE, DESCRIPTION, render, shows=("figure", "derived"))
