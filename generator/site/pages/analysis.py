"""Analysis page: every qualitative claim, grouped by topic, with who makes it."""

from __future__ import annotations

from generator.site.context import PageContext
from generator.site.labels import TOPIC_WORDS
from generator.site.pages.page import Page
from generator.site.render import md_text

TITLE = "观点与分析"
DESCRIPTION = "报道中的判断、解释与比较，按主题分组，并标明出自谁。"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [
        f"# {ui(TITLE)}",
        "",
        ui("这些是判断而非可直接核实的事实；每条都标明是官方表态、研报、匿名消息还是作者分析。"),
        "",
    ]
    for topic, word in TOPIC_WORDS.items():
        claims = [c for c in ctx.base.claims if c.topic == topic]
        if not claims:
            continue
        lines += [f"## {ui(word)}", ""]
        for claim in claims:
            about = "、".join(ctx.link(i) for i in claim.about)
            suffix = f"<br>{ui('涉及：')}{about}" if about else ""
            lines += [
                f'- <span id="{claim.id}">{md_text(claim.text)}</span> {ctx.cite(claim)}{suffix}',
                "",
                *ctx.note_lines(claim.id, indent="    "),
            ]
        lines.append("")
    return "\n".join(lines)


PAGE = Page("analysis.md", TITLE, DESCRIPTION, render, shows=("claim",))
