"""Organizations page: companies, units, platforms, brokers, outlets and markets, grouped by kind."""

from __future__ import annotations

from generator.site.context import PageContext
from generator.site.labels import COUNTRY_WORDS
from generator.site.pages.page import Page
from generator.site.render import inferred_tag, md_text

TITLE = "机构"
DESCRIPTION = "报道提到的公司、业务部门、平台、券商、媒体与市场。"


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [
        f"# {ui(TITLE)}",
        "",
        md_text(ctx.page_texts("organizations", DESCRIPTION)[1]) or ui("按类型分组。"),
        "",
    ]
    for kind in ctx.categories("organization_kind"):
        members = [o for o in ctx.base.organizations if o.kind == kind]
        if not members:
            continue
        lines += [f"## {ctx.category('organization_kind', kind)}", ""]
        for org in members:
            # An edition may write the name as the English one (a brand written in Latin letters): no need to repeat it.
            names = [md_text(n) for n in (org.name_en, org.short) if n and n != org.name]
            aka = f"（{'，'.join(names)}）" if names else ""
            parent = (
                f" · {ui('隶属')}{ctx.link(org.parent)}{inferred_tag(org, 'parent', ui)}"
                if org.parent
                else ""
            )
            country = f"{ui(COUNTRY_WORDS[org.country])}</span>{inferred_tag(org, 'country', ui)}"
            lines += [
                f"### {md_text(org.name)} {{ #{org.id} }}",
                "",
                f'<span class="fact-tag">{country}{aka}{parent}',
                "",
                f"{md_text(org.about)} {ctx.cite(org)}",
                "",
                *ctx.note_lines(org.id),
            ]
            people = [p for p in ctx.base.people if any(r.org == org.id for r in p.roles)]
            products = [p for p in ctx.base.products if p.maker == org.id]
            if people:
                lines += [ui("人物：") + "、".join(ctx.link(p.id) for p in people), ""]
            if products:
                lines += [ui("产品：") + "、".join(ctx.link(p.id) for p in products), ""]
    return "\n".join(lines)


PAGE = Page("organizations.md", TITLE, DESCRIPTION, render, shows=("organization",))
