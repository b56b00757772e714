"""Generated blocks that pages and hand-written prose place with `{{ @name }}`.

Charts (`@chart:timeline`), the overview's key-figure cards and its confirmed-versus-reported
summary are computed from the edition's model like every other page content.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from generator.facts.model import Attribution
from generator.site import charts
from generator.site.chain_block import compute_block
from generator.site.cite_box import cite_box
from generator.site.context import PageContext
from generator.site.labels import ATTRIBUTION_WORDS, COMPARATOR_WORDS
from generator.site.render import figure_value, md_text

KEY_FIGURE_COUNT = 6


def key_figures(ctx: PageContext) -> str:
    """Cards for the headline numbers: market counts and the first figures of each kind."""
    cards = []
    for move in ctx.base.market_moves:
        for count in move.counts:
            amount = ctx.ui(f"{COMPARATOR_WORDS[count.comparator]}{count.value}") + count.unit
            cards.append(
                (md_text(amount), ctx.link(move.id), md_text(count.measure), ctx.cite(count))
            )
    seen: set[str] = set()
    for figure in ctx.base.figures:
        if figure.kind in seen and len(cards) >= KEY_FIGURE_COUNT:
            continue
        seen.add(figure.kind)
        cards.append(
            (
                md_text(ctx.ui(figure_value(figure))),
                ctx.link(figure.id),
                md_text(figure.measures),
                ctx.cite(figure),
            )
        )
    lines = ['<div class="fact-cards" markdown>', ""]
    for value, link, measure, cite in cards[:KEY_FIGURE_COUNT]:
        lines += [
            '<div class="fact-card" markdown>',
            "",
            f'<span class="fact-figure">{value}</span>',
            "",
            f"{link}：{measure} {cite}",
            "",
            "</div>",
            "",
        ]
    lines.append("</div>")
    return "\n".join(lines)


def confirmed_vs_reported(ctx: PageContext) -> str:
    """How many facts rest on each attribution level, as a small table."""
    counts: Counter[Attribution] = Counter()
    for group in (ctx.base.events, ctx.base.figures, ctx.base.claims, ctx.base.forecasts):
        counts.update(item.attribution for item in group)
    for person in ctx.base.people:
        counts.update(role.attribution for role in person.roles)
        counts.update(move.attribution for move in person.moves)
    ui = ctx.ui
    lines = [f"| {ui('归属')} | {ui('条数')} |", "| --- | ---: |"]
    for level in Attribution:
        lines.append(
            f'| <span class="cite cite--{level.value}">{ui(ATTRIBUTION_WORDS[level])}</span> | {counts[level]} |'
        )
    return "\n".join(lines)


def editor_notes(ctx: PageContext) -> str:
    """Every editor's note, each under its own heading with links to the facts it concerns."""
    ui = ctx.ui
    if not ctx.base.notes:
        return ui("目前没有编者注。")
    lines: list[str] = []
    for note in ctx.base.notes:
        about = "、".join(ctx.link(record_id) for record_id in note.about)
        lines += [
            f"### {ctx.note_title(note)} {{ #{note.id} }}",
            "",
            *ctx.note_body(note, link=False),
            f"{ui('涉及：')}{about}",
            "",
        ]
    return "\n".join(lines)


def how_to_cite(ctx: PageContext) -> str:
    """The edition's citation formats (the same box as on the data page)."""
    if ctx.publication is None:
        return ""
    return "\n".join(cite_box(ctx.publication, ctx.ui))


# Blocks that list every record of a kind: a hand-written page that places one is that kind's page.
KIND_OF_BLOCK = {"editor-notes": "note"}

BLOCKS: dict[str, Callable[[PageContext], str]] = {
    "key-figures": key_figures,
    "editor-notes": editor_notes,
    "attribution-summary": confirmed_vs_reported,
    "how-to-cite": how_to_cite,
    **{f"chart:{name}": render for name, render in charts.CHART_BLOCKS.items()},
    "chart:compute": compute_block,
}
