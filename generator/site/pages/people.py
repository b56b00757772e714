"""People page: each person with their roles before and after, their moves, and the facts about them."""

from __future__ import annotations

from generator.facts.dates import parse_date
from generator.facts.model import Person, Role
from generator.site.context import PageContext
from generator.site.pages.page import Page
from generator.site.render import date_shown, md_text

TITLE = "人物"
DESCRIPTION = "报道涉及的每一位人物：任职经历、岗位变动，以及关于他们的每一条事实。"


def _span(ctx: PageContext, role: Role) -> str:
    ui = ctx.ui
    first = date_shown(role, "start", ui) if role.start else ui("起始不详")
    last = date_shown(role, "end", ui) if role.end else ui("至今（截至报道）")
    return f"{first} — {last}"


def _person(ctx: PageContext, person: Person) -> list[str]:
    ui = ctx.ui
    lines = [f"## {md_text(person.name)} {{ #{person.id} }}", ""]
    if person.name_en:
        lines += [f'<span class="fact-tag">{md_text(person.name_en)}</span>', ""]
    lines += [f"{md_text(person.about)} {ctx.cite(person)}", "", *ctx.note_lines(person.id)]
    if person.roles:
        lines += [f"**{ui('任职')}**", ""]
        for role in sorted(
            person.roles,
            key=lambda r: parse_date(r.start).sort_key if r.start else parse_date("0001").sort_key,
        ):
            lines.append(
                f'- <span id="{role.id}">{md_text(role.title)}</span> ·'
                f" {ctx.link(role.org)} · {_span(ctx, role)} {ctx.cite(role)}"
            )
        lines.append("")
    if person.moves:
        titles = {role.id: role.title for role in person.roles}
        lines += [f"**{ui('变动')}**", ""]
        for move in person.moves:
            before = md_text(titles[move.from_role]) if move.from_role else ui("—")
            after = md_text(titles[move.to_role]) if move.to_role else ui("—")
            announced = (
                f"（{ui('宣布')}：{date_shown(move, 'announced', ui)}）" if move.announced else ""
            )
            lines.append(
                f'- <span id="{move.id}">{date_shown(move, "date", ui)}</span>{announced}：'
                f"{before} → {after}。{md_text(move.summary)} {ctx.cite(move)}"
            )
        lines.append("")
    related = _related(ctx, person.id)
    if related:
        lines += [f"**{ui('相关事实')}**", "", *related, ""]
    return lines


def _related(ctx: PageContext, person_id: str) -> list[str]:
    base = ctx.base
    items = [
        f"- {ctx.link(e.id)}（{date_shown(e, 'date', ctx.ui, reason=False)}）"
        for e in base.events
        if person_id in e.involves
    ]
    items += [f"- {ctx.link(c.id)}" for c in base.claims if person_id in c.about]
    items += [f"- {ctx.link(f.id)}" for f in base.figures if person_id in f.about]
    items += [f"- {ctx.link(f.id)}" for f in base.forecasts if person_id in f.about]
    return items


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [
        f"# {ui(TITLE)}",
        "",
        ui("每人列出报道前后的职务与变动；点击日期或职务可得到可分享的链接。"),
        "",
        "{{ @chart:people }}",
        "",
    ]
    for person in ctx.base.people:
        lines += _person(ctx, person)
    return "\n".join(lines)


PAGE = Page("people.md", TITLE, DESCRIPTION, render, shows=("person", "role", "move"))
