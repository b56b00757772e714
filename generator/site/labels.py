"""The report's own words for the model's codes (kinds, statuses, attribution levels, ...).

Written once in Simplified Chinese; pages and charts pass them through the edition's converter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from generator.editions.edition import SCRIPTS
from generator.facts.categories import DEFAULTS
from generator.facts.dates import Precision
from generator.facts.kinds import KINDS
from generator.facts.model import Attribution

ATTRIBUTION_WORDS = {
    Attribution.OFFICIAL: "官方表态",
    Attribution.ANALYST: "分析师研报",
    Attribution.REPORTED: "文章陈述",
    Attribution.INSIDER: "匿名消息",
    Attribution.AUTHOR: "作者分析",
    Attribution.DENIED: "已被否认",
}

ATTRIBUTION_MEANING = {
    Attribution.OFFICIAL: "当事公司或本人公开、具名的表态，本站收录了说法本身；只经文章转述的讲话不在此列。",
    Attribution.ANALYST: "具名机构的研究报告及其引用的数据。",
    Attribution.REPORTED: "文章作为事实陈述，但没有注明出处。",
    Attribution.INSIDER: "文章援引未具名的知情人士（“据悉”“有消息指出”）。",
    Attribution.AUTHOR: "作者本人的分析、推断或预测。",
    Attribution.DENIED: "曾经流传、随后被当事方否认的说法。",
}

# A figure's "who says" label, by who stands behind it: a company reporting its own result
# publishes a number, an analyst or the author estimates one, anyone else says it.
FIGURE_SOURCE_WORDS = {
    Attribution.OFFICIAL: "公布方",
    Attribution.ANALYST: "估算方",
    Attribution.REPORTED: "说法出自",
    Attribution.INSIDER: "说法出自",
    Attribution.AUTHOR: "估算方",
    Attribution.DENIED: "说法出自",
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

# The default categories' words (generator.facts.categories); a report may declare more.
EVENT_KIND_WORDS = {code: entry.word for code, entry in DEFAULTS["event_kind"].items()}

PRODUCT_KIND_WORDS = {code: entry.word for code, entry in DEFAULTS["product_kind"].items()}

PRODUCT_STATUS_WORDS = {code: entry.word for code, entry in DEFAULTS["product_status"].items()}

RELATION_WORDS = {
    "trained-on": "训练数据",
    "trained-in": "训练所用模型",
    "built-by": "研发方",
    "compared-with": "比较对象",
    "part-of": "所属",
    "runs-on": "运行于",
}

FIGURE_KIND_WORDS = {code: entry.word for code, entry in DEFAULTS["figure_kind"].items()}

ORG_KIND_WORDS = {code: entry.word for code, entry in DEFAULTS["organization_kind"].items()}

COUNTRY_WORDS = {
    "CN": "中国",
    "HK": "香港",
    "US": "美国",
    "GB": "英国",
    "global": "全球",
    "unknown": "国别不详",
}

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

# The kinds of record as the corrections page names them (declared on the model).
RECORD_KIND_WORDS = {name: kind.label for name, kind in KINDS.items()}

CHANGE_STATUS_WORDS = {"added": "新增", "removed": "删除", "renamed": "改名", "changed": "修改"}

# The fields of records, as the corrections page names them.
FIELD_WORDS = {
    "title": "标题",
    "summary": "摘要",
    "date": "日期",
    "kind": "类型",
    "involves": "涉及",
    "cite": "出处",
    "source": "来源",
    "paragraph": "段落",
    "attribution": "归属",
    "asserted_by": "说法出自",
    "name": "名称",
    "name_hant": "繁体名称",
    "name_en": "英文名称",
    "short": "简称",
    "about": "关于",
    "country": "国别",
    "parent": "上级机构",
    "org": "机构",
    "start": "开始",
    "end": "结束",
    "from_role": "原职务",
    "to_role": "新职务",
    "maker": "研发方",
    "focus_line": "属于聚焦机构的产品线",
    "launched": "推出时间",
    "status": "状态",
    "relations": "关系",
    "target": "对象",
    "theme": "主题",
    "markets": "市场",
    "measure": "统计项",
    "comparator": "比较",
    "value": "数值",
    "value_max": "数值上限",
    "unit": "单位",
    "threshold": "条件",
    "scale": "量级",
    "measures": "衡量的是",
    "label": "标签",
    "text": "内容",
    "topic": "主题",
    "claim": "预测内容",
    "made_on": "提出时间",
    "expected": "预期时间",
    "checked_on": "核对时间",
    "outcome": "结果",
    "outlet": "媒体",
    "published": "发表时间",
    "copy_published": "所读副本发布时间",
    "url": "链接",
    "archive_url": "存档链接",
    "archived": "存档日期",
    "retrieved": "取得日期",
    "archive_note": "存档说明",
    "copy_read": "所读副本",
    "language": "语言",
    "paragraphs": "段落提要",
    "gist": "提要",
    "code": "代码",
    "points": "数据点",
    "aliases": "别名",
    "announced": "宣布时间",
    "arithmetic": "算式",
    "as_of": "截至日期",
    "charts": "图表",
    "description": "页面说明",
    "editions": "各版本写法",
    "focus": "聚焦机构",
    "formula": "公式",
    "glyph": "只换字形",
    "id": "编号",
    "inferred": "推断依据",
    "inputs": "所用数字",
    "intro": "导语",
    "locales": "各地写法",
    "n": "段号",
    "nav": "导航",
    "name_forms": "各版本名称",
    "numbering": "段落编号",
    "opencc": "OpenCC 的写法",
    "pages": "页面",
    "quote": "引语",
    "reading": "读法",
    "relies_on": "所依据的数字",
    "simplified": "简体写法",
    "traditional": "繁体写法",
    "unit_forms": "各版本单位写法",
    "vocabulary": "用语表",
    "why": "理由",
    "market": "市场",
    "categories": "类型",
    "organization_kind": "机构类型",
    "product_kind": "产品类型",
    "product_status": "产品状态",
    "event_kind": "事件类型",
    "figure_kind": "数字类型",
    "word": "用词",
    "color": "颜色",
    "released": "推出后的说法",
}
# A list of records held by another (a person's roles) is named as its kind is.
_LIST_WORDS = {kind.list_key: kind.label for kind in KINDS.values()}
# Keys of per-edition maps (name_forms, unit_forms, a glossary entry's editions).
EDITION_WORDS = {lang: script.word for lang, script in SCRIPTS.items()}

_SEGMENT = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<index>\d+)\])?$")


def field_words(path: str) -> str:
    """A field path of the fact diff in words: relations[0].kind -> 关系1·类型,
    unit_forms.zh-Hant -> 各版本单位写法·繁体版. A name with no word stays as written (a map's
    own key, such as a chart's name)."""
    words = []
    for segment in path.split("."):
        match = _SEGMENT.match(segment)
        if match is None:
            words.append(segment)
            continue
        name = match.group("name")
        word = FIELD_WORDS.get(name) or _LIST_WORDS.get(name) or EDITION_WORDS.get(name) or name
        index = match.group("index")
        if index is not None and name == "paragraphs":
            word = f"第{int(index) + 1}段"  # a source's paragraph, as its citations count it
        elif index is not None:
            word = f"{word}{int(index) + 1}"
        words.append(word)
    return "·".join(words)


# Coded values in words, by the field that holds them. A kind's code means one thing whatever
# the record ("other" is the one code several kinds share).
_CODE_WORDS = {
    "kind": {
        **EVENT_KIND_WORDS,
        **PRODUCT_KIND_WORDS,
        **FIGURE_KIND_WORDS,
        **ORG_KIND_WORDS,
        **NOTE_KIND_WORDS,
        "other": "其他",
    },
    "status": {**PRODUCT_STATUS_WORDS, **FORECAST_STATUS_WORDS},
    "country": COUNTRY_WORDS,
    "topic": TOPIC_WORDS,
    "comparator": {**COMPARATOR_WORDS, "=": "等于"},
}


def _code_words(path: str, value: str) -> str | None:
    """A coded value (a kind, country, status…) in words, or None when it is not one."""
    field = path.rpartition(".")[2].partition("[")[0]
    if field == "kind" and "relations[" in path:
        return RELATION_WORDS.get(value)
    return _CODE_WORDS.get(field, {}).get(value)


def changed_value_words(
    path: str,
    value: str,
    ui: Callable[[str], str],
    codes: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """A changed field's value as the edition's readers read it (corrections page and feed): an
    attribution level or a code (a kind, a country) in words; a citation holds the source's own
    words, whose glyphs change and wording never (国内 stays 國內). `codes` holds the words of
    the report's own kinds and statuses by field (`kind`, `status`), already in the edition's
    script."""
    if path.endswith("attribution") and value in Attribution.__members__.values():
        return ui(ATTRIBUTION_WORDS[Attribution(value)])
    field = path.rpartition(".")[2].partition("[")[0]
    own = (codes or {}).get(field, {}).get(value)
    if own is not None and "relations[" not in path:
        return own
    coded = _code_words(path, value)
    if coded is not None:
        return ui(coded)
    if path.endswith("cite"):
        glyphs: Callable[[str], str] = getattr(ui, "glyphs", ui)
        return glyphs(value)
    return ui(value)
