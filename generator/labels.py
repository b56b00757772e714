"""The report's own words for the model's codes (kinds, statuses, attribution levels, ...).

Written once in Simplified Chinese; pages and charts pass them through the edition's converter.
"""

from __future__ import annotations

from generator.dates import Precision
from generator.model import Attribution

ATTRIBUTION_WORDS = {
    Attribution.OFFICIAL: "官方表态",
    Attribution.ANALYST: "分析师研报",
    Attribution.REPORTED: "文章陈述",
    Attribution.INSIDER: "匿名消息",
    Attribution.AUTHOR: "作者分析",
    Attribution.DENIED: "已被否认",
}

ATTRIBUTION_MEANING = {
    Attribution.OFFICIAL: "当事公司或本人公开表态，或经文章转述的内部讲话。",
    Attribution.ANALYST: "具名机构的研究报告及其引用的数据。",
    Attribution.REPORTED: "文章作为事实陈述，但没有注明出处。",
    Attribution.INSIDER: "文章援引未具名的知情人士（“据悉”“有消息指出”）。",
    Attribution.AUTHOR: "作者本人的分析、推断或预测。",
    Attribution.DENIED: "曾经流传、随后被当事方否认的说法。",
}

PRECISION_WORDS = {
    Precision.DAY: "确切日期",
    Precision.MONTH: "精确到月",
    Precision.QUARTER: "精确到季度",
    Precision.HALF: "精确到半年",
    Precision.YEAR: "精确到年",
    Precision.RANGE: "时间段",
    Precision.NOT_AFTER: "不晚于",
    Precision.NOT_BEFORE: "不早于",
}

COMPARATOR_WORDS = {">": "超过", ">=": "至少", "=": "", "<": "不到", "<=": "至多", "~": "约"}

EVENT_KIND_WORDS = {
    "personnel": "人事",
    "product": "产品",
    "statement": "表态",
    "market": "市场",
    "strategy": "战略",
    "research": "研究",
}

PRODUCT_KIND_WORDS = {
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

PRODUCT_STATUS_WORDS = {
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

FIGURE_KIND_WORDS = {
    "compute": "算力",
    "money": "资金",
    "data": "数据量",
    "time": "时间",
    "count": "数量",
}

ORG_KIND_WORDS = {
    "tech-company": "科技公司",
    "business-unit": "业务部门",
    "team": "团队",
    "streaming-platform": "流媒体平台",
    "ai-lab": "人工智能公司",
    "chip-maker": "芯片公司",
    "broker": "券商",
    "media-outlet": "媒体",
    "video-platform": "视频平台",
    "stock-market": "证券市场",
}

COUNTRY_WORDS = {"CN": "中国", "US": "美国", "GB": "英国", "global": "全球", "unknown": "国别不详"}

TOPIC_WORDS = {
    "strategy": "战略",
    "people": "人事",
    "technology": "技术",
    "data": "数据",
    "compute": "算力",
    "competition": "竞争",
    "industry": "行业影响",
    "market": "市场",
}

NOTE_KIND_WORDS = {"inconsistency": "数字不一致", "caveat": "注意", "context": "背景"}

FORECAST_STATUS_WORDS = {"open": "待验证", "happened": "已应验", "did-not-happen": "未应验"}
