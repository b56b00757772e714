"""Timeline page: every event in date order, each date shown with its real precision."""

from __future__ import annotations

from generator.facts.dates import date_order, parse_date
from generator.site.context import PageContext
from generator.site.labels import PRECISION_WORDS
from generator.site.pages.page import Page
from generator.site.render import date_shown, inferred_tag, md_text

TITLE = "时间线"
DESCRIPTION = "按时间排列的全部事件，每个日期都标明它的精确程度。"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    events = sorted(ctx.base.events, key=lambda e: (date_order(e.date), e.id))
    lines = [
        f"# {ui(TITLE)}",
        "",
        ui(
            "日期只写到资料给出的精度：只知道月份的事件标为一个月，只知道“不晚于”的事件标为截止点。"
        ),
        "",
    ]
    lines.append("{{ @chart:timeline }}")
    lines.append("")
    for event in events:
        parsed = parse_date(event.date)
        when = date_shown(event, "date", ui)
        precision = ui(PRECISION_WORDS[parsed.precision])
        lines += [
            f"## {md_text(event.title)} {{ #{event.id} }}",
            "",
            f'<span class="fact-date">{when}</span> <span class="fact-tag">{precision}</span> '
            f'<span class="fact-tag">{ctx.category("event_kind", event.kind)}</span>',
            "",
            f"{md_text(event.summary)} {ctx.cite(event)}",
            "",
            *ctx.note_lines(event.id),
        ]
        if event.involves:
            involved = "、".join(ctx.link(i) for i in event.involves)
            lines += [ui("涉及：") + involved + inferred_tag(event, "involves", ui), ""]
    return "\n".join(lines)


PAGE = Page("timeline.md", TITLE, DESCRIPTION, render, shows=("event",))
