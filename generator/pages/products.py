"""Products page: ByteDance's AI line-up by kind and date, then the platforms, rivals and data sets."""

from __future__ import annotations

from generator.dates import parse_date
from generator.model import Product
from generator.pages.context import PageContext
from generator.render import date_words, md_text

TITLE = "产品与模型"
DESCRIPTION = "字节跳动的AI产品线（按类型和时间），以及报道提到的平台、对手模型、芯片与数据集。"
KIND_WORDS = {
    "foundation-model": "基础大模型",
    "chat-app": "AI对话应用",
    "creation-tool": "辅助创作工具",
    "image-tool": "图像生成工具",
    "video-model": "视频生成模型",
    "video-editor": "视频剪辑工具",
    "dataset": "数据集",
    "content-app": "内容平台",
    "office-suite": "办公协作",
    "chip": "芯片",
}
STATUS_WORDS = {
    "released": "已上线",
    "internal-test": "内测",
    "in-development": "研发中",
    "research": "研究阶段",
    "announced": "已公布",
    "unknown": "状态不详",
}
RELATION_WORDS = {
    "trained-on": "训练数据",
    "trained-in": "训练所用模型",
    "built-by": "研发方",
    "compared-with": "比较对象",
    "part-of": "所属",
    "runs-on": "运行于",
}


def _when(product: Product) -> tuple[object, str]:
    return (
        parse_date(product.launched).sort_key if product.launched else parse_date("9999").sort_key,
        product.id,
    )


def _product(ctx: PageContext, product: Product) -> list[str]:
    ui = ctx.ui
    when = md_text(ui(date_words(product.launched))) if product.launched else ui("上线时间不详")
    tags = [ui(KIND_WORDS[product.kind]), ui(STATUS_WORDS[product.status])]
    lines = [
        f"### {md_text(product.name)} {{ #{product.id} }}",
        "",
        " ".join(f'<span class="fact-tag">{t}</span>' for t in tags)
        + f" {when}"
        + (f" · {ctx.link(product.maker)}" if product.maker else f" · {ui('研发方未说明')}"),
        "",
        f"{md_text(product.about)} {ctx.cite(product)}",
        "",
    ]
    for relation in product.relations:
        lines.append(
            f"- {ui(RELATION_WORDS[relation.kind])}：{ctx.link(relation.target)} {ctx.cite(relation)}"
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
        f"## {ui('字节跳动的AI产品线')}",
        "",
    ]
    lineup = sorted((p for p in ctx.base.products if p.bytedance_ai), key=_when)
    for kind, word in KIND_WORDS.items():
        group = [p for p in lineup if p.kind == kind]
        if group:
            lines += [f"**{ui(word)}**：" + "、".join(ctx.link(p.id) for p in group), ""]
    for product in lineup:
        lines += _product(ctx, product)
    lines += [f"## {ui('平台、对手与相关技术')}", ""]
    for product in sorted((p for p in ctx.base.products if not p.bytedance_ai), key=_when):
        lines += _product(ctx, product)
    return "\n".join(lines)
