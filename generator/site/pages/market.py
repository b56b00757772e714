"""Market page: the market moves the report follows, its counts and any per-stock series contributors add."""

from __future__ import annotations

from generator.site.context import PageContext
from generator.site.labels import COMPARATOR_WORDS
from generator.site.pages.page import Page
from generator.site.render import date_shown, date_words, md_text, plain_number

TITLE = "市场"
DESCRIPTION = "市场行情：日期、市场、上涨个股数量与涨幅门槛。"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [f"# {ui(TITLE)}", "", "{{ @chart:market }}", ""]
    for move in ctx.base.market_moves:
        markets = "、".join(ctx.link(m) for m in move.markets)
        lines += [
            f"## {md_text(move.theme)}（{md_text(ui(date_words(move.date)))}） {{ #{move.id} }}",
            "",
            f"{ui('市场')}：{markets} · {ui('日期')}：{date_shown(move, 'date', ui)}",
            "",
            f"{md_text(move.summary)} {ctx.cite(move)}",
            "",
        ]
        for count in move.counts:
            threshold = ""
            if count.threshold:
                t = count.threshold
                threshold = f"（{ui('门槛')}：{md_text(ui(COMPARATOR_WORDS[t.comparator]))}{md_text(plain_number(t.value))}{md_text(t.unit)}）"
            amount = f"{ui(COMPARATOR_WORDS[count.comparator])}{plain_number(count.value)}{md_text(count.unit)}"
            lines += [
                f'- <span id="{count.id}">{md_text(count.measure)}</span>：'
                f'<span class="fact-figure">{md_text(amount)}</span>{threshold} {ctx.cite(count)}'
            ]
        lines.append("")
        lines += ctx.note_lines([move.id, *(count.id for count in move.counts)])
        if move.series:
            lines += [f"### {ui('个股数据')}", ""]
            for series in move.series:
                points = "，".join(
                    f"{md_text(ui(date_words(p.date)))} {md_text(plain_number(p.value))}{md_text(p.unit)}"
                    for p in series.points
                )
                lines.append(
                    f'- <span id="{series.id}">{md_text(series.name)}（{md_text(series.code)}）</span>：{points} {ctx.cite(series)}'
                )
            lines.append("")
        else:
            lines += [
                ui("来源没有给出逐只股票的数据，因此这里只有板块层面的数量。"),
                "",
            ]
    return "\n".join(lines)


PAGE = Page(
    "market.md", TITLE, DESCRIPTION, render, shows=("market-move", "market-count", "stock-series")
)
