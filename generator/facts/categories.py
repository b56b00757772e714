"""The categories records are sorted into, with their words for readers and their colours.

A kind of organization, product, event or figure, and a product's status, is a code (`chip`,
`results`). The generator's defaults below fit common news stories; a report declares more, or
other words for these, in report.yml (`report.categories`). Words are written once, in Simplified
Chinese: the Traditional editions convert them like all text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """One code's word for readers, its chart colour (#RRGGBB) and, for a kind of product, how
    the status `released` reads for it (an app goes online, a chip goes on sale)."""

    word: str
    color: str | None = None
    released: str | None = None


# Group (as report.yml's `categories` names it, and the model's fields mark theirs) -> its name
# for contributors.
GROUPS: dict[str, str] = {
    "organization_kind": "机构类型",
    "product_kind": "产品类型",
    "product_status": "产品状态",
    "event_kind": "事件类型",
    "figure_kind": "数字类型",
}

# The code every group ends with, for what fits no other.
OTHER = "other"
# How `released` reads for a kind of product that does not say (neutral: apps, chips, data sets).
RELEASED = "released"

# How an app or an online service is released: it goes online (上线).
ONLINE = "已上线"
# How a product of a kind that does not say is launched, and products of several kinds together.
BROUGHT_OUT = "推出"

DEFAULTS: dict[str, dict[str, Category]] = {
    "organization_kind": {
        "tech-company": Category("科技公司"),
        "business-unit": Category("业务部门"),
        "team": Category("团队"),
        "streaming-platform": Category("流媒体平台"),
        "ai-lab": Category("人工智能公司"),
        "chip-maker": Category("芯片公司"),
        "broker": Category("券商"),
        "media-outlet": Category("媒体"),
        "video-platform": Category("视频平台"),
        "stock-market": Category("证券市场"),
        "government": Category("政府机构"),
        "company": Category("公司"),
        "regulator": Category("监管机构"),
        "court": Category("法院"),
        "investor": Category("投资机构"),
        "research-institute": Category("研究机构"),
        "industry-group": Category("行业组织"),
        OTHER: Category("其他机构"),
    },
    "product_kind": {
        "foundation-model": Category("基础大模型", released=ONLINE),
        "chat-app": Category("AI对话应用", released=ONLINE),
        "creation-tool": Category("辅助创作工具", released=ONLINE),
        "image-tool": Category("图像生成工具", released=ONLINE),
        "video-model": Category("视频生成模型", released=ONLINE),
        "video-editor": Category("视频剪辑工具", released=ONLINE),
        "dataset": Category("数据集", released="已公开"),
        "content-app": Category("内容平台", released=ONLINE),
        "office-suite": Category("办公协作", released=ONLINE),
        "chip": Category("芯片", released="已上市"),
        "software": Category("软件", released=ONLINE),
        "service": Category("服务", released=ONLINE),
        "device": Category("硬件", released="已上市"),
        OTHER: Category("其他产品"),
    },
    "product_status": {
        RELEASED: Category("已推出", "#26a69a"),
        "internal-test": Category("内测", "#5c6bc0"),
        "in-development": Category("研发中", "#ef6c00"),
        "research": Category("研究阶段", "#8e24aa"),
        "announced": Category("已公布", "#7cb342"),
        "discontinued": Category("已停止", "#8d6e63"),
        "unknown": Category("状态不详", "#78909c"),
    },
    "event_kind": {
        "personnel": Category("人事", "#5c6bc0"),
        "product": Category("产品", "#26a69a"),
        "statement": Category("表态", "#ef6c00"),
        "market": Category("市场", "#d81b60"),
        "strategy": Category("战略", "#8e24aa"),
        "research": Category("研究", "#7cb342"),
        "results": Category("业绩", "#00838f"),
        "policy": Category("政策", "#6d4c41"),
        "regulation": Category("监管", "#c62828"),
        "lawsuit": Category("诉讼", "#455a64"),
        "funding": Category("融资", "#f9a825"),
        "deal": Category("并购", "#ad1457"),
        "launch": Category("推出", "#2e7d32"),
    },
    "figure_kind": {
        "compute": Category("算力"),
        "money": Category("资金"),
        "data": Category("数据量"),
        "time": Category("时间"),
        "count": Category("数量"),
        "energy": Category("能量"),
        "share": Category("比例"),
        "price": Category("价格"),
        OTHER: Category("其他"),
    },
}

# Colours for declared codes that name none, in order of declaration (none is a default's).
PALETTE = ("#3949ab", "#00897b", "#f4511e", "#5e35b1", "#c0ca33", "#039be5", "#e53935")


def merged(group: str, declared: Mapping[str, Category]) -> dict[str, Category]:
    """A group's codes in reading order: the defaults, then the report's own, `other` last. A
    declared code takes the place of a default of that code; a declared code without a colour
    gets one of `PALETTE`, a declared kind of product without its `released` word the default's."""
    defaults = DEFAULTS[group]
    codes = {code: entry for code, entry in defaults.items() if code != OTHER}
    fresh = 0
    for code, entry in declared.items():
        known = defaults.get(code)
        color = entry.color or (known.color if known else None)
        if color is None and group in ("event_kind", "product_status"):
            color = PALETTE[fresh % len(PALETTE)]
            fresh += 1
        released = entry.released or (known.released if known else None)
        codes[code] = Category(entry.word, color, released)
    other = codes.pop(OTHER, None) or defaults.get(OTHER)
    if other is not None:
        codes[OTHER] = other
    return codes


def launch_verb(released: str | None) -> str:
    """The verb of a kind's launch, from how its `released` status reads: 已上线 -> 上线 (an
    app), 已上市 -> 上市 (a chip), 已公开 -> 公开 (a data set); 推出 when the kind does not say.
    Labels are built on it (上市时间, 公开时间不详), so a declared kind needs no second word."""
    if released and released.startswith("已") and len(released) > 1:
        return released[1:]
    return BROUGHT_OUT


def allowed(group: str, declared: Mapping[str, object]) -> list[str]:
    """Every code a record of the group may use: the defaults and the report's own."""
    return list(dict.fromkeys([*DEFAULTS[group], *declared]))
