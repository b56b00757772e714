"""The compute page's chain of reasoning as HTML, drawn at build time.

Each step is text (label, value, who stands behind it, paragraph or formula, editor's notes), so
it is written as a list rather than a plot: it reflows on a phone, can be selected, searched and
printed, and needs no script. Below it, every figure of the data in a table.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.facts.model import Figure
from generator.site.chart_embed import nothing_to_draw
from generator.site.compute_chain import DERIVED, Step, chain_steps, editor_notes
from generator.site.context import PageContext
from generator.site.derive import derive
from generator.site.labels import NOTE_KIND_WORDS
from generator.site.render import SCALES, chinese_number, in_unit, md_text, normalized

CHAIN_TITLE = "推算链：从来源数字到推算值"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def circled(number: int) -> str:
    return CIRCLED[number - 1] if number <= len(CIRCLED) else f"({number})"


def _span(css: str, text: str) -> str:
    return f'<span class="{css}">{md_text(text)}</span>'


def _source_line(html: str) -> str:
    """Who stands behind a step and where: shown, but kept out of search snippets (Material
    skips `data-search-exclude`; a <small>, as beside every fact, since its indexer matches the
    closing tag by name and a <span> inside would end the exclusion early)."""
    return f'<small class="fact-source" data-search-exclude="true">{html}</small>'


def _step_html(ui: Callable[[str], str], step: Step, noted_inputs: list[int]) -> str:
    derived = step.role == DERIVED
    parts = [
        _span("report-chain__label", f"{circled(step.number)} {step.label}"),
        _span("report-chain__value", step.value),
    ]
    if derived:
        based = "".join(circled(n) for n in step.inputs)
        parts.append(
            _source_line(
                _span("cite cite--derived", step.who)
                + " "
                + _span("report-chain__basis", f"{ui('依据')}{based}")
            )
        )
        parts.append(_span("report-chain__formula", f"{ui('公式')}：{step.basis}"))
        if step.reading:
            parts.append(_span("report-chain__reading", step.reading))
    else:
        parts.append(
            _source_line(
                _span(f"cite cite--{step.role}", step.who)
                + " "
                + _span("report-chain__basis", step.basis)
            )
        )
    for note in step.notes:
        heading = f"{ui('编者注')}·{ui(NOTE_KIND_WORDS[note.kind])}："
        lines = [f"<strong>{md_text(heading)}{md_text(note.title)}</strong>"]
        lines += [md_text(line) for line in note.arithmetic]
        parts.append('<span class="report-chain__note">' + "<br>".join(lines) + "</span>")
    if noted_inputs:
        pointer = ui("所依据的数字有编者注，见上方") + "".join(map(circled, noted_inputs))
        parts.append(_span("report-chain__note", pointer))
    kind = "derived" if derived else f"sourced report-chain__step--{step.role}"
    return (
        f'<li class="report-chain__step report-chain__step--{kind}" id="chain-{step.record_id}">'
        + "".join(parts)
        + "</li>"
    )


def chain_html(ctx: PageContext) -> str:
    """The chain as an ordered list in a figure; empty when nothing is derived."""
    ui = ctx.ui
    steps = chain_steps(ctx.base, (ui, lambda i: ctx.names.get(i, i)), editor_notes(ctx.base))
    if not steps:
        return ""
    noted = {step.number for step in steps if step.notes}
    items = [_step_html(ui, step, [n for n in step.inputs if n in noted]) for step in steps]
    legend = ui("圆点：来源中的数字，标签说明由谁提出；菱形：本站据此推算，写明公式和依据")
    return "\n".join(
        [
            '<figure class="report-chain" id="chart-compute">',
            f"<figcaption>{md_text(ui(CHAIN_TITLE))}<br><small>{md_text(legend)}</small></figcaption>",
            '<ol class="report-chain__steps">',
            *items,
            "</ol>",
            "</figure>",
        ]
    )


def _normalized_words(ui: Callable[[str], str], fig: Figure) -> str:
    """The figure's normalised value (or range) in Chinese units, in the edition's script."""
    words = ui(chinese_number(normalized(fig)))
    if fig.value_max is not None:
        words += "–" + ui(chinese_number(fig.value_max * SCALES[fig.scale]))
    return words


def compute_block(ctx: PageContext) -> str:
    """The chain, then every figure and derived value in one table."""
    ui = ctx.ui
    if not ctx.base.figures:
        return nothing_to_draw(ui)
    rows = [
        f"| {ui('数字')} | {ui('原文')} | {ui('统一换算')} | {ui('单位')} |",
        "| --- | --- | ---: | --- |",
    ]
    for fig in ctx.base.figures:
        rows.append(
            f"| {ctx.link(fig.id)} | {md_text(ctx.as_written(fig))} |"
            f" {md_text(_normalized_words(ui, fig))} | {md_text(fig.unit)} |"
        )
    for item in derive(ctx.base):
        number, unit = in_unit(item.value, item.unit)
        rows.append(
            f"| {md_text(ui(item.label))}（{ui('推算值')}） | {md_text(ui(item.formula))} |"
            f" {md_text(ui(number))} | {md_text(ui(unit))} |"
        )
    return "\n".join([chain_html(ctx), "", *rows, ""])
