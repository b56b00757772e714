"""Products page: the focus organization's line-up by kind and date, then every other product."""

from __future__ import annotations

from generator.facts.dates import date_order
from generator.facts.model import Product
from generator.site.context import PageContext
from generator.site.labels import RELATION_WORDS
from generator.site.pages.page import Page
from generator.site.render import date_shown, inferred_tag, md_text

TITLE = "产品与模型"
DESCRIPTION = "报道提到的产品、模型、平台、芯片与数据集，按类型和时间排列。"


def _when(product: Product) -> tuple[object, str]:
    return (
        date_order(product.launched),
        product.id,
    )


def _product(ctx: PageContext, product: Product) -> list[str]:
    ui = ctx.ui
    when = date_shown(product, "launched", ui) if product.launched else ctx.launch_unknown(product)
    tags = [ctx.category("product_kind", product.kind), ctx.status_word(product)]
    lines = [
        f"### {md_text(product.name)} {{ #{product.id} }}",
        "",
        " ".join(f'<span class="fact-tag">{t}</span>' for t in tags)
        + f" {when}"
        + (
            f" · {ctx.link(product.maker)}{inferred_tag(product, 'maker', ui)}"
            if product.maker
            else f" · {ui('研发方未说明')}"
        ),
        "",
        f"{md_text(product.about)} {ctx.cite(product)}",
        "",
        *ctx.note_lines(product.id),
    ]
    for relation in product.relations:
        lines.append(
            f"- {ui(RELATION_WORDS[relation.kind])}：{ctx.link(relation.target)}"
            f"{inferred_tag(relation, 'target', ui)} {ctx.cite(relation)}"
        )
    if product.relations:
        lines.append("")
    return lines


def render(ctx: PageContext) -> str:
    ui = ctx.ui
    lines = [
        f"# {ui(TITLE)}",
        "",
        "{{ @chart:products }}",
        "",
    ]
    lineup = sorted((p for p in ctx.base.products if p.focus_line), key=_when)
    if lineup:
        lines += [f"## {md_text(ctx.report.focus_line or ui('聚焦机构的产品线'))}", ""]
    for kind in ctx.categories("product_kind"):
        group = [p for p in lineup if p.kind == kind]
        if group:
            lines += [
                f"**{ctx.category('product_kind', kind)}**："
                + "、".join(ctx.link(p.id) for p in group),
                "",
            ]
    for product in lineup:
        lines += _product(ctx, product)
    if lineup:
        lines += [f"## {ui('平台、对手与相关技术')}", ""]
    for product in sorted((p for p in ctx.base.products if not p.focus_line), key=_when):
        lines += _product(ctx, product)
    return "\n".join(lines)


PAGE = Page("products.md", TITLE, DESCRIPTION, render, shows=("product",))
