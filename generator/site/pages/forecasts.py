"""Forecasts page: claims about the future with their status, last check and how to update them."""

from __future__ import annotations

from generator.site.context import PageContext
from generator.site.labels import FORECAST_STATUS_WORDS
from generator.site.pages.page import Page
from generator.site.render import date_shown, date_words, md_text

TITLE = "预测追踪"
DESCRIPTION = "报道中关于未来的说法：预计时间、当前状态、最近核对日期。"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [
        f"# {ui(TITLE)}",
        "",
        ui(
            "状态只依据本站收录的来源判断：没有来源说明结果的预测一律列为“待验证”，并注明最近一次核对的日期。知道结果并有可靠来源？欢迎按“方法”页的说明提交更正。"
        ),
        "",
    ]
    for status, word in FORECAST_STATUS_WORDS.items():
        group = [f for f in ctx.base.forecasts if f.status == status]
        if not group:
            continue
        lines += [f"## {ui(word)}", ""]
        for forecast in group:
            expected = (
                date_shown(forecast, "expected", ui) if forecast.expected else ui("未给出时间")
            )
            about = "、".join(ctx.link(i) for i in forecast.about)
            lines += [
                f'<div class="fact-card" id="{forecast.id}" markdown>',
                "",
                f"{md_text(forecast.claim)} {ctx.cite(forecast)}",
                "",
                f'<span class="fact-tag fact-tag--{status}">{ui(word)}</span> '
                f"{ui('提出')}：{date_shown(forecast, 'made_on', ui)} · {ui('预计')}：{expected} · "
                f"{ui('最近核对')}：{md_text(ui(date_words(forecast.checked_on)))}",
                "",
            ]
            if forecast.outcome:
                lines += [f"{ui('结果')}：{md_text(forecast.outcome)}", ""]
            if about:
                lines += [ui("涉及：") + about, ""]
            lines += [*ctx.note_lines(forecast.id), "</div>", ""]
    lines += [
        f"## {ui('如何更新')}",
        "",
        ui(
            "预测应验或落空后，任何人都可以提交更正：在 data/sources.yml 中登记能证明结果的新来源，把 data/forecasts.yml 中对应条目的 status 改为 happened 或 did-not-happen，写上 outcome 和新的 checked_on 日期，并把新来源的段落加入该条目的 cite。审阅通过后，本页和两种字形的网站会一起更新。"
        ),
        "",
    ]
    return "\n".join(lines)


PAGE = Page("forecasts.md", TITLE, DESCRIPTION, render, shows=("forecast",))
