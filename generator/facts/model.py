"""The facts as types: every record a data file may hold, with its fields, limits and references.

The pydantic models here are the schema. `Text` marks prose and names (converted between scripts,
escaped when rendered); the `*Ref` types mark a reference to another record's id, checked after load.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    Strict,
    StringConstraints,
)
from pydantic_core import CoreSchema

from generator.facts.categories import DEFAULTS, GROUPS
from generator.facts.dates import DateError, parse_date
from generator.facts.formula import check as formula_reads
from generator.facts.messages import say


@dataclass(frozen=True)
class TextMarker:
    """Marks a string field as reader-facing text: converted per script and escaped on output."""


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as a reference to the id of a record of one of `kinds`."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class InFile:
    """Marks a list of the fact base with the data file (under data/) that holds it.

    An `optional` file may be left out (its lists are then empty); once written, it holds them.
    """

    name: str
    optional: bool = False


@dataclass(frozen=True)
class KindOf:
    """Marks a list as holding one kind of record with an id, wherever the list sits.

    `name` is how references, messages and the fact diff name the kind; `zh` and `en` are its
    name for contributors (messages, CONTRIBUTING), `label` its name for readers (the
    corrections page). `generator.facts.kinds` derives every registry of kinds from these marks.
    """

    name: str
    zh: str
    en: str
    label: str


@dataclass(frozen=True)
class CategoryOf:
    """Marks a string field as a category of `group` (generator.facts.categories): a default
    code or one the report declares; the checker refuses any other."""

    group: str


@dataclass(frozen=True)
class SourceWordsMarker:
    """Marks text quoted from a source: converted glyph by glyph, never reworded per region."""


@dataclass(frozen=True)
class TraditionalMarker:
    """Marks reader-facing text that is written in Traditional characters on purpose."""


@dataclass(frozen=True)
class DateMarker:
    """Marks a string field as an EDTF date: downloads add its earliest and latest day."""


TEXT = TextMarker()
SOURCE_WORDS = SourceWordsMarker()
TRADITIONAL = TraditionalMarker()
EDTF = DateMarker()

Text = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True), TEXT]
# Glossary terms and explicit Traditional names are also applied to hand-written Markdown, so they
# may hold no character that means something in Markdown or HTML.
# Written for both Python and ECMA-262 in unicode mode (JSON Schema), which refuses needless
# escapes such as \".
_NO_MARKUP = r"""^[^<>&"'`\[\](){}*_#|\\!~=:]+$"""
Term = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100, pattern=_NO_MARKUP),
    Field(description="纯文字：不能有 Markdown 或 HTML 符号。"),
]
PlainName = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=_NO_MARKUP), TEXT
]
HantName = Annotated[PlainName, TRADITIONAL]
PlainSummary = Annotated[
    str, StringConstraints(min_length=1, max_length=300, pattern=_NO_MARKUP), TEXT
]

NameForms = Annotated[
    dict[str, Term],
    Field(
        description=(
            "某个版本的媒体写法，按版本的语言标签，例如 zh-Hant: 臉書；该版本以它为准，不再用 name_hant。"
        )
    ),
]
UnitForms = Annotated[
    dict[str, Term],
    Field(
        description=(
            "单位在某个版本的写法，按版本的语言标签，例如 zh-Hant: 顆（台湾以“顆”计 GPU）；"
            "没列出的版本照常转换 unit。"
        )
    ),
]
# A reviewer's reason for a conversion decision (about Simplified words, so never converted).
Reason = Annotated[str, StringConstraints(min_length=1, max_length=500)]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64),
    Field(
        description="记录的 id：小写英文字母、数字和连字符（如 wang-xiaoming），在所有数据文件里唯一。"
    ),
]


_ID_PATTERN = StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)


def _refers_to(*kinds: str) -> tuple[object, ...]:
    """Annotated metadata of a reference to a record of one of the given kinds."""
    return (
        _ID_PATTERN,
        RefTo(kinds),
        Field(description="引用的记录的 id，记录类型：" + "、".join(kinds) + "。"),
    )


SourceRef = Annotated[str, *_refers_to("source")]
OrgRef = Annotated[str, *_refers_to("organization")]
RoleRef = Annotated[str, *_refers_to("role")]


def _category(group: str) -> tuple[object, ...]:
    """Annotated metadata of a category of `group`: any code, checked after load against the
    defaults and the report's own (JSON Schema offers the defaults)."""
    return (
        StringConstraints(min_length=1, max_length=64),
        CategoryOf(group),
        Field(examples=list(DEFAULTS[group])),
    )


def _codes(group: str) -> str:
    """The defaults of a group for contributors: `code（word）`, and where to declare more."""
    codes = "、".join(f"{code}（{entry.word}）" for code, entry in DEFAULTS[group].items())
    return f"{GROUPS[group]}：{codes}；别的类型先在 report.yml 的 categories.{group} 里声明。"


OrgKind = Annotated[str, *_category("organization_kind")]
ProductKind = Annotated[str, *_category("product_kind")]
ProductStatus = Annotated[str, *_category("product_status")]
EventKind = Annotated[str, *_category("event_kind")]
FigureKind = Annotated[str, *_category("figure_kind")]


def _check_date(text: str) -> str:
    try:
        parse_date(text)
    except DateError as error:
        raise ValueError(str(error)) from None
    return text


EdtfDate = Annotated[
    str,
    AfterValidator(_check_date),
    EDTF,
    Field(
        description=(
            "EDTF 日期，只写出处能确定的精度：2024-02-09（日）、2023-11（月）、2023-34（第二季度）、"
            "2023-41（下半年）、'2023'（年，要加引号）、2018/2021（区间）、../2023-33（不晚于）、"
            "2024-04/2024-05（一段时间）；末尾加 ? 表示不确定。"
        ),
        examples=["2024-02-09", "2023-11", "2018/2021", "../2023-33"],
    ),
]


def _check_web_url(text: str) -> str:
    if not text.startswith(("https://", "http://")) or any(c in text for c in " \"'<>\\`"):
        raise ValueError(say("web-url"))
    return text


WebUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_check_web_url)]

EntityRef = Annotated[str, *_refers_to("organization", "person", "product")]
AnyRef = Annotated[
    str,
    *_refers_to("organization", "person", "product", "event", "figure", "market-move", "claim"),
]

NoteTarget = Annotated[
    str,
    *_refers_to(
        "organization",
        "person",
        "role",
        "move",
        "product",
        "event",
        "figure",
        "market-move",
        "market-count",
        "claim",
        "forecast",
    ),
]


class Attribution(StrEnum):
    """Who stands behind a fact, from strongest to weakest."""

    OFFICIAL = "official"  # the company or person concerned said so on the record
    ANALYST = "analyst"  # a named research report
    REPORTED = "reported"  # the article states it as fact without naming a source
    INSIDER = "insider"  # unnamed people familiar ("据悉", "有消息指出")
    AUTHOR = "author"  # the author's own analysis or inference
    DENIED = "denied"  # a rumour that the party concerned denied

    @classmethod
    def __get_pydantic_json_schema__(cls, core: CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        # Editors show this to contributors, who read Chinese.
        schema = handler.resolve_ref_schema(handler(core))
        schema["description"] = "归属等级，从强到弱：谁在为这条事实作保。"
        return schema


class Record(BaseModel):
    """Base of every record: unknown keys, wrong types and mutation are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Identified(Record):
    """A record with its own id, unique across the data: references and links point at it."""

    id: Id


class Citation(Record):
    """Where a fact comes from: a source, a paragraph of it, and the words that carry the fact."""

    model_config = ConfigDict(json_schema_extra={"description": "出处：一个来源和它的一个段落。"})

    source: SourceRef = Field(description="来源的 id（data/sources.yml 里的记录）。")
    paragraph: int = Field(
        ge=1, description="段落号，从 1 开始数，要和来源 paragraphs 里的 n 一致。"
    )
    quote: Annotated[Text | None, SOURCE_WORDS] = Field(
        None,
        description="原文里承载这条事实的最短原话（少于 16 个汉字），一字不改地摘录；检查（check）会用来源的指纹核对。",
    )


class Cited(Record):
    """A fact: it cites at least one source paragraph and says who asserts it."""

    model_config = ConfigDict(
        json_schema_extra={"description": "一条事实：至少引用一个来源段落，并说明是谁在这么说。"}
    )

    cite: list[Citation] = Field(
        min_length=1, description="出处列表，至少一条：[{source: 来源id, paragraph: 段落号}]。"
    )
    attribution: Annotated[Attribution, Strict(False)] = Field(
        description="归属等级：official（当事方具名说法）、analyst（研究报告）、reported（文章直接陈述）、insider（不具名知情人士）、author（作者本人判断）、denied（已被否认的传闻）。"
    )
    asserted_by: EntityRef | None = Field(
        None, description="说这话的人物、机构或产品的 id；official 和 analyst 通常要填。"
    )
    inferred: dict[str, Text] = Field(
        default_factory=dict,
        description=(
            "本站推断而不是原文写明的字段，以及推断的理由：比原文更精确的日期（包括原文没写的年份），"
            "或没有引语写明的国别、研发方、上级机构、事件涉及的对象（country、maker、parent、involves；"
            "关系里写 target），例如 {date: 文中只写“20日”，月份取自上一段}。"
        ),
    )


class Fact(Identified, Cited):
    """A cited record with its own id."""


class Paragraph(Record):
    """One numbered paragraph of a source, described in the project's own words."""

    model_config = ConfigDict(json_schema_extra={"description": "来源的一个段落，用自己的话概括。"})

    n: int = Field(ge=1, description="段落号，从 1 开始依次编号。")
    gist: Text = Field(description="这一段的大意，用自己的话写，不要照抄原文。")


class Source(Identified):
    """A published text the facts cite."""

    model_config = ConfigDict(json_schema_extra={"description": "事实引用的一篇已发表文章。"})

    title: Text = Field(description="文章标题。")
    short: Text | None = Field(None, description="引用它时显示在 ¶ 前面的简称，可省略。")
    outlet: OrgRef = Field(description="发表它的媒体机构的 id。")
    published: EdtfDate | None = Field(
        None,
        description=(
            "原文的发表日期，只写能确定的：知道哪天就写 '2024-03-10'；只知道不晚于所读副本的日期，"
            "写 ../2024-03-10；完全不知道就省略。转载、镜像网站的日期不是原文的发表日期，写在 copy_published。"
        ),
    )
    copy_published: EdtfDate | None = Field(
        None,
        description=(
            "所读副本（转载帖、镜像网站）自己的发布日期，例如论坛帖子的发帖日期；所读的就是原文时省略。"
        ),
    )
    url: WebUrl | None = Field(
        None,
        description="原文网址（http:// 或 https://）。url、archive_url、archive_note 至少要有一个。",
    )
    archive_url: WebUrl | None = Field(
        None,
        description="存档副本的网址，例如 web.archive.org 或 archive.today 上的快照；原文链接失效时读者靠它核对。",
    )
    archived: EdtfDate | None = Field(
        None, description="存档副本的存档日期（快照上写的日期），只写能确定的精度，可省略。"
    )
    retrieved: EdtfDate | None = Field(
        None,
        description="取得所读副本的日期（下载或打开页面的那天），只写能确定的精度，可省略。",
    )
    archive_note: Text | None = Field(
        None,
        description=(
            "没有网址时必填：所读副本保存在哪里、怎样找到、哪些信息（原网址、日期）不明。"
            "不要编造网址或日期，不知道的写在这里。"
        ),
    )
    copy_read: Text = Field(description="实际读到的那份文本在哪里（例如转载网站）。")
    language: Literal["zh-Hans", "zh-Hant", "en"] = Field(
        description="文章的文字：zh-Hans（简体）、zh-Hant（繁体）或 en（英文）。"
    )
    numbering: Text | None = Field(
        None,
        description="这篇来源的段落是怎么编号的，可省略。",
    )
    paragraphs: list[Paragraph] = Field(min_length=1, description="逐段的大意，按 1、2、3……编号。")

    def exists_by(self) -> datetime.date | None:
        """The first day by which the text surely existed: the earliest of the latest days its
        publication, the copy read, its snapshot and its retrieval may fall on."""
        dates = (self.published, self.copy_published, self.archived, self.retrieved)
        days = [parse_date(text).latest for text in dates if text]
        known = [day for day in days if day is not None]
        return min(known) if known else None

    def published_day(self) -> datetime.date | None:
        """The day the text was published, when that is known to the day."""
        if self.published is None:
            return None
        parsed = parse_date(self.published)
        return parsed.earliest if parsed.earliest == parsed.latest else None


class Organization(Fact):
    """A company, business unit, team, platform, outlet, broker or market."""

    model_config = ConfigDict(
        json_schema_extra={"description": "公司、业务部门、团队、平台、媒体、券商或市场。"}
    )

    name: Text = Field(description="简体名称。")
    name_hant: HantName | None = Field(
        None, description="繁体版要用的名称（台湾媒体的写法），自动转换不对时才填。"
    )
    name_forms: NameForms = Field(default_factory=dict)
    name_en: Text | None = Field(None, description="英文名，可省略。")
    short: Text | None = Field(None, description="简称，可省略。")
    aliases: list[Text] = Field(default_factory=list, description="来源里用到的其他名称。")
    kind: OrgKind = Field(description=_codes("organization_kind"))
    country: Literal["CN", "HK", "US", "GB", "global", "unknown"] = Field(
        description=(
            "所在国家或地区：CN、HK（香港）、US、GB、global 或 unknown。只填出处说到的：cite 里要有"
            "同一段的引语，既写出机构的名字，又写出它在哪里（例如原文的“-{国内}-”“-{中国}-”“-{硅谷}-”“-{美国}-”“-{香港}-”）；"
            "只能从上下文推断的，写 inferred: {country: 理由}；只凭常识知道的写 unknown。"
        )
    )
    parent: OrgRef | None = Field(
        None,
        description="上级机构的 id，可省略；cite 里要有同一段写出两者名字的引语，或写 inferred: {parent: 理由}。",
    )
    about: Text = Field(description="一两句话的介绍，只写出处段落里说到的。")


class Role(Fact):
    """A position a person held at an organization over a (possibly uncertain) span."""

    model_config = ConfigDict(
        json_schema_extra={"description": "人物在某机构担任的职位，可以带起止日期。"}
    )

    org: OrgRef = Field(description="任职机构的 id。")
    title: Text = Field(description="职位名称，例如 首席执行官。")
    start: EdtfDate | None = Field(None, description="开始日期，不知道就省略。")
    end: EdtfDate | None = Field(None, description="结束日期，仍在任或不知道就省略。")


class Move(Fact):
    """A change of role: from one of the person's roles to another, on a date."""

    model_config = ConfigDict(
        json_schema_extra={"description": "人事变动：从本人的一个职位换到另一个职位。"}
    )

    date: EdtfDate = Field(description="变动生效的日期，精确到能确定的程度。")
    announced: EdtfDate | None = Field(
        None,
        description="宣布的日期（来源只给出宣布日期时填），可省略。",
    )
    from_role: RoleRef | None = Field(None, description="原职位的 id（本人 roles 里的）。")
    to_role: RoleRef | None = Field(None, description="新职位的 id（本人 roles 里的）。")
    summary: Text = Field(description="一句话说明这次变动。")


class Person(Fact):
    """A named person, their roles and their moves between roles."""

    model_config = ConfigDict(
        json_schema_extra={"description": "一位具名人物，以及他的职位和人事变动。"}
    )

    name: Text = Field(description="简体姓名。")
    name_hant: HantName | None = Field(None, description="繁体版要用的姓名，自动转换不对时才填。")
    name_forms: NameForms = Field(default_factory=dict)
    name_en: Text | None = Field(None, description="英文名，可省略。")
    aliases: list[Text] = Field(default_factory=list, description="来源里用到的其他名称。")
    about: Text = Field(description="一两句话的介绍。")
    roles: Annotated[list[Role], KindOf("role", zh="职位", en="role", label="职务")] = Field(
        default_factory=list, description="担任过的职位列表。"
    )
    moves: Annotated[list[Move], KindOf("move", zh="人事变动", en="move", label="岗位变动")] = (
        Field(default_factory=list, description="人事变动列表。")
    )


class Relation(Cited):
    """A typed link from a product to another record (trained on, built by, ...)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "产品和另一条记录之间的关系（用什么训练、由谁开发、和谁比较……）。"
        }
    )

    kind: Literal["trained-on", "trained-in", "built-by", "compared-with", "part-of", "runs-on"] = (
        Field(
            description="关系类型：trained-on（用……数据训练）、trained-in（在……模型中训练）、built-by（由……开发）、compared-with（与……比较）、part-of（属于……）、runs-on（运行在……上）。"
        )
    )
    target: AnyRef = Field(
        description="关系另一端记录的 id；这条关系的引语要写出它的名字，或写 inferred: {target: 理由}。"
    )


class Product(Fact):
    """A product, model, chip or data set."""

    model_config = ConfigDict(json_schema_extra={"description": "产品、模型、芯片或数据集。"})

    name: Text = Field(description="简体名称。")
    name_hant: HantName | None = Field(None, description="繁体版要用的名称，自动转换不对时才填。")
    name_forms: NameForms = Field(default_factory=dict)
    name_en: Text | None = Field(None, description="英文名，可省略。")
    aliases: list[Text] = Field(default_factory=list, description="来源里用到的其他名称。")
    kind: ProductKind = Field(description=_codes("product_kind"))
    maker: OrgRef | None = Field(
        None,
        description=(
            "开发它的机构的 id；cite 里要有同一段写出产品和研发方名字的引语，或写 inferred: {maker: 理由}；"
            "出处没说是谁做的就省略。"
        ),
    )
    focus_line: bool | None = Field(
        description="是否属于报道聚焦机构（report.yml 的 focus）的产品线：true 或 false；来源没说就写 null。",
    )
    launched: EdtfDate | None = Field(None, description="推出日期，可省略。")
    status: ProductStatus = Field(
        description=_codes("product_status")
        + "released 对每类产品的说法不同（应用“已上线”，芯片“已上市”，数据集“已公开”）。"
    )
    about: Text = Field(description="一两句话的介绍。")
    relations: list[Relation] = Field(default_factory=list, description="和其他记录的关系列表。")


class Event(Fact):
    """Something that happened, on a date of some precision."""

    model_config = ConfigDict(
        json_schema_extra={"description": "发生过的一件事，日期精确到出处说得出的程度。"}
    )

    date: EdtfDate = Field(description="日期；只写到出处能确定的精度。")
    kind: EventKind = Field(description=_codes("event_kind"))
    title: Text = Field(description="简短标题。")
    summary: Text = Field(description="一两句话的经过，用自己的话写。")
    involves: list[AnyRef] = Field(
        default_factory=list,
        description=(
            "涉及的人物、机构、产品等的 id 列表；每一个都要有引语写出它的名字"
            "（数字、事件等没有名字的，要引它引过的段落），或写 inferred: {involves: 理由}。"
        ),
    )


Comparator = Literal[">", ">=", "=", "<", "<=", "~"]


class Threshold(Record):
    """A condition a count is about, such as "rose more than 40%"."""

    model_config = ConfigDict(
        json_schema_extra={"description": "计数所针对的条件，例如“涨幅超过 40%”。"}
    )

    comparator: Comparator = Field(description="比较符号：> >= = < <= ~。")
    value: float = Field(description="数值。")
    unit: Text = Field(description="单位，例如 %。")


class MarketCount(Fact):
    """A count the article gives for a market move, possibly with a threshold."""

    model_config = ConfigDict(
        json_schema_extra={"description": "文章给出的一个市场计数（可以带条件）。"}
    )

    measure: Text = Field(description="数的是什么。")
    comparator: Comparator = Field(description="比较符号：> >= = < <= ~（~ 表示约）。")
    value: int = Field(ge=0, description="数量（整数）。")
    unit: Text = Field(description="单位，例如 只个股。")
    threshold: Threshold | None = Field(None, description="计数的条件，可省略。")


class PricePoint(Record):
    """One observation of a stock series."""

    model_config = ConfigDict(json_schema_extra={"description": "股价序列里的一个观测值。"})

    date: EdtfDate = Field(description="日期。")
    value: float = Field(description="数值。")
    unit: Text = Field(description="单位。")


class StockSeries(Fact):
    """A per-stock series; none are in the article, contributors may add them."""

    model_config = ConfigDict(
        json_schema_extra={"description": "一只股票的价格序列（文章里没有，贡献者可以补充）。"}
    )

    code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z.]{1,16}$")] = Field(
        description="股票代码（大写字母、数字和点）。"
    )
    name: Text = Field(description="股票名称。")
    market: OrgRef = Field(description="交易市场的 id。")
    points: list[PricePoint] = Field(min_length=1, description="观测值列表。")


class MarketMove(Fact):
    """A move of a group of stocks on a day, with the counts the article gives."""

    model_config = ConfigDict(
        json_schema_extra={"description": "一组股票在某天的异动，以及文章给出的计数。"}
    )

    date: EdtfDate = Field(description="日期。")
    theme: Text = Field(description="板块或主题，例如 机器人概念股。")
    markets: list[OrgRef] = Field(min_length=1, description="涉及的市场的 id 列表。")
    summary: Text = Field(description="一两句话的经过。")
    counts: Annotated[
        list[MarketCount],
        KindOf("market-count", zh="市场计数", en="market-count", label="行情统计"),
    ] = Field(default_factory=list, description="计数列表。")
    series: Annotated[
        list[StockSeries],
        KindOf("stock-series", zh="股价序列", en="stock-series", label="股价序列"),
    ] = Field(default_factory=list, description="股价序列列表。")


Scale = Literal["", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "万亿"]


class Figure(Fact):
    """A number from the article: value and scale word as written, unit, what it measures."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "文章里的一个数字：数值和量级照原文写，再写单位和它衡量的是什么。"
        }
    )

    kind: FigureKind = Field(description=_codes("figure_kind"))
    label: Text = Field(description="简短标签。")
    value: float = Field(
        gt=0, description="数值（大于 0），量级另写在 scale 里：8万亿 写成 value: 8, scale: 万亿。"
    )
    value_max: float | None = Field(
        None, gt=0, description="原文是范围时的上限，例如 2-3个月 写 value: 2, value_max: 3。"
    )
    scale: Scale = Field(
        description=(
            "原文的量级词（十、百、千、万、十万、百万、千万、亿、万亿），没有就写 ''；"
            "繁体版的网页和下载按该版本的写法（台湾版把-{万亿}-写作兆）。"
        )
    )
    unit: Text = Field(
        description="单位，例如 美元、秒、张、%。量级词（万、亿）不写在这里，写在 scale 里：亿美元 写成 scale: 亿、unit: 美元。"
    )
    unit_forms: UnitForms = Field(default_factory=dict)
    comparator: Comparator = Field("=", description="比较符号：> >= = < <= ~（~ 表示约），默认 =。")
    measures: Text = Field(description="这个数字衡量的是什么、出自谁的估算。")
    about: list[AnyRef] = Field(default_factory=list, description="相关记录的 id 列表。")


FigureRef = Annotated[str, *_refers_to("figure")]


class DerivedFigure(Identified):
    """A cross-check this site computes from sourced figures: never passed off as sourced."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "本站由来源数字推算的核对值：写明所用数字、公式和单位，页面上标为推算值。"
        }
    )

    id: Id
    label: Text = Field(description="简短标签，说明算的是什么。")
    inputs: list[FigureRef] = Field(
        min_length=1, description="公式用到的数字的 id（data/figures.yml 的 figures）。"
    )
    formula: Annotated[str, AfterValidator(formula_reads), TEXT] = Field(
        min_length=1,
        max_length=300,
        description=(
            "公式：数字的 id、数字（可带单位）、括号和 + − × ÷，"
            "例如 some-figure ÷ (365 × 24 × 3600)秒；id 代入它的统一数值。"
            "% 是百分之一：revenue × 30% 即乘 0.3；单位是 % 的数字也按百分之几代入。"
        ),
    )
    unit: Text = Field(
        description=(
            "结果的单位，例如 秒/秒、GPU时。可以照文章写量级词（亿美元、万台），结果只显示一次量级（530亿美元）；"
            "写 % 时结果按比例显示成百分数（0.25 显示为 25%）。"
        )
    )
    reading: Text = Field(description="怎么读这个结果，一句话。")


ClaimTopic = Literal[
    "strategy", "technology", "industry", "competition", "compute", "data", "market", "people"
]


class Claim(Fact):
    """A qualitative assertion: an assessment, explanation or comparison."""

    model_config = ConfigDict(json_schema_extra={"description": "定性的论断：评价、解释或比较。"})

    topic: ClaimTopic = Field(
        description="主题：strategy、technology、industry、competition、compute、data、market、people。"
    )
    text: Text = Field(description="论断本身，用自己的话写，不超过出处段落说的。")
    about: list[AnyRef] = Field(default_factory=list, description="相关记录的 id 列表。")


class Forecast(Fact):
    """A claim about the future, with its status at the last check."""

    model_config = ConfigDict(
        json_schema_extra={"description": "关于未来的论断，以及最近一次核对时的状态。"}
    )

    claim: Text = Field(description="预测的内容。")
    made_on: EdtfDate = Field(description="作出预测的日期（通常是文章发表日）。")
    expected: EdtfDate | None = Field(None, description="预测会发生的时间，可省略。")
    about: list[AnyRef] = Field(default_factory=list, description="相关记录的 id 列表。")
    status: Literal["open", "happened", "did-not-happen"] = Field(
        description="状态：open（未见分晓）、happened（已发生）、did-not-happen（没有发生）。"
    )
    checked_on: EdtfDate = Field(description="最近一次核对的日期。")
    outcome: Text | None = Field(None, description="核对结果的说明，可省略。")


NoteKind = Literal["inconsistency", "caveat", "context"]


class Note(Identified):
    """An editor's note on facts: an inconsistency, a caveat or context, with its arithmetic."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "编者注：对事实的说明，指出矛盾、提醒注意或补充背景，可附上逐步的计算。"
        }
    )

    kind: NoteKind = Field(
        description="类型：inconsistency（前后矛盾）、caveat（提醒）、context（背景）。"
    )
    about: list[NoteTarget] = Field(
        min_length=1,
        description="这条编者注显示在哪些记录旁边（id 列表）。",
    )
    title: Text = Field(description="标题。")
    text: Text = Field(description="正文，用自己的话写。")
    arithmetic: list[Text] = Field(default_factory=list, description="每一步计算，逐条写出。")
    cite: list[Citation] = Field(default_factory=list, description="出处列表，可省略。")
    relies_on: Text | None = Field(
        None,
        description="用到但数据里没有来源的常识，可省略。",
    )


class GlossaryEntry(Record):
    """A reviewed conversion: protects a name or fixes a phrase OpenCC gets wrong."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "经过审核的繁体转换：保护专有名词，或纠正 OpenCC 转错的词。"
        }
    )

    simplified: Term = Field(description="简体写法。")
    traditional: Term = Field(description="繁体版应写成的样子（台湾用语）。")
    locales: dict[str, Term] = Field(
        default_factory=dict,
        description="某个版本的特别写法，按版本的语言标签，例如 zh-HK。",
    )
    why: Reason = Field(
        description="为什么需要这一条，例如“品牌名；s2twp 会把‘-{视频}-’改成‘影片’”。"
    )


class VocabularyEntry(Record):
    """Newsroom wording for one edition: replaces a word as OpenCC writes it (applied after OpenCC)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "某个版本的报刊用语：OpenCC 转换之后，把它写出的词换成该版本的说法。"
        }
    )

    opencc: Term = Field(description="OpenCC 转换后写出的词。")
    editions: dict[str, Term] = Field(
        min_length=1,
        description=(
            "按版本的语言标签给出各版本的写法；没列出的版本保留 OpenCC 的写法。"
            "写成与 opencc 相同的词，表示核对过、决定保留。"
        ),
    )
    glyph: bool = Field(
        False,
        description=(
            "只是同一个字的不同字形（-{宣佈→宣布、平臺→平台}-）时写 true："
            "原文引语只换字形，这类条目也用于引语。"
        ),
    )
    why: Reason = Field(description="为什么这样写，例如“台湾报刊的习惯说法”。")


class FactBase(Record):
    """Every fact, loaded and cross-checked.

    Each list names the data file that holds it and, for records with ids, their kind (with the
    kinds nested in them, such as a person's roles): `generator.facts.kinds` reads every registry of
    files and kinds from these declarations.
    """

    sources: Annotated[
        list[Source], InFile("sources.yml"), KindOf("source", zh="来源", en="source", label="来源")
    ] = Field(description="来源列表。")
    organizations: Annotated[
        list[Organization],
        InFile("organizations.yml"),
        KindOf("organization", zh="机构", en="organization", label="机构"),
    ] = Field(description="机构列表。")
    people: Annotated[
        list[Person], InFile("people.yml"), KindOf("person", zh="人物", en="person", label="人物")
    ] = Field(description="人物列表。")
    products: Annotated[
        list[Product],
        InFile("products.yml"),
        KindOf("product", zh="产品", en="product", label="产品"),
    ] = Field(description="产品列表。")
    events: Annotated[
        list[Event], InFile("events.yml"), KindOf("event", zh="事件", en="event", label="事件")
    ] = Field(description="事件列表。")
    market_moves: Annotated[
        list[MarketMove],
        InFile("market.yml"),
        KindOf("market-move", zh="市场异动", en="market-move", label="市场行情"),
    ] = Field(description="市场异动列表。")
    figures: Annotated[
        list[Figure], InFile("figures.yml"), KindOf("figure", zh="数字", en="figure", label="数字")
    ] = Field(description="数字列表。")
    derived: Annotated[
        list[DerivedFigure],
        InFile("figures.yml"),
        KindOf("derived", zh="推算值", en="derived value", label="推算值"),
    ] = Field(default_factory=list, description="本站由数字推算的核对值列表，可省略。")
    claims: Annotated[
        list[Claim], InFile("claims.yml"), KindOf("claim", zh="论断", en="claim", label="观点")
    ] = Field(description="论断列表。")
    forecasts: Annotated[
        list[Forecast],
        InFile("forecasts.yml"),
        KindOf("forecast", zh="预测", en="forecast", label="预测"),
    ] = Field(description="预测列表。")
    # A report may leave notes.yml out: the list is then empty.
    notes: Annotated[
        list[Note],
        InFile("notes.yml", optional=True),
        KindOf("note", zh="编者注", en="note", label="编者注"),
    ] = Field(default_factory=list, description="编者注列表。")
    glossary: Annotated[list[GlossaryEntry], InFile("glossary.yml")] = Field(
        description="繁体转换词表（OpenCC 之前生效）。"
    )
    vocabulary: Annotated[list[VocabularyEntry], InFile("glossary.yml")] = Field(
        default_factory=list, description="各版本的报刊用语表（OpenCC 之后生效）。"
    )


class PageTexts(Record):
    """What one generated page says about this report: its summary and its opening words."""

    model_config = ConfigDict(json_schema_extra={"description": "一个生成页面的说明文字。"})

    # Both go into the page's <head> as written, so they may hold no markup character.
    title: PlainName | None = Field(
        None,
        description="页面标题，不写就用通用标题（如“算力与数字”）。不能有 Markdown 或 HTML 符号。",
    )
    description: PlainSummary | None = Field(
        None,
        description="页面摘要（搜索结果和分享卡片里显示），不写就用通用的说法。不能有 Markdown 或 HTML 符号。",
    )
    intro: Text | None = Field(None, description="标题下的第一段话，可省略。")


Color = Annotated[
    str,
    StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"),
    Field(description="图表里的颜色，写成 '#RRGGBB'（要加引号），例如 '#00897b'。"),
]
CategoryCode = Annotated[
    str,
    _ID_PATTERN,
    Field(description="类型的代码：小写英文字母、数字和连字符，例如 earnings。"),
]


class CategoryWords(Record):
    """A category the report declares: its word for readers, its colour, how `released` reads."""

    model_config = ConfigDict(
        json_schema_extra={"description": "报道自己声明的一个类型：读者看到的用词和图表颜色。"}
    )

    word: PlainName = Field(
        description="读者看到的用词，用简体写一次（繁体版照常转换），例如 财报。"
    )
    color: Color | None = Field(
        None, description="图表里的颜色（事件类型、产品状态），可省略：省略时自动选一个。"
    )
    released: PlainName | None = Field(
        None,
        description="只用于产品类型：这类产品 status 为 released 时的说法，例如 已上市；省略时写“已推出”。",
    )


def _declared(group: str) -> Any:
    return Field(
        default_factory=dict,
        description=f"{GROUPS[group]}：按代码写用词，例如 earnings: {{word: 财报}}。",
    )


class Categories(Record):
    """The categories a report declares on top of the generator's defaults, by group."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "报道自己的类型，加在通用类型之上；写了通用类型的代码，就改用这里的用词和颜色。"
            )
        }
    )

    organization_kind: dict[CategoryCode, CategoryWords] = _declared("organization_kind")
    product_kind: dict[CategoryCode, CategoryWords] = _declared("product_kind")
    product_status: dict[CategoryCode, CategoryWords] = _declared("product_status")
    event_kind: dict[CategoryCode, CategoryWords] = _declared("event_kind")
    figure_kind: dict[CategoryCode, CategoryWords] = _declared("figure_kind")


# A line of report.yml's `nav`: a generated page by name (`timeline`) or a hand-written page by
# its file under docs/ (`method.md`).
NavPage = Annotated[
    str,
    StringConstraints(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*|[^\s:]+\.md)$", max_length=200),
]


class Report(Record):
    """What makes a report this report: its as-of date, the organization it follows, its titles."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "这份报道本身的设置：截至日期、聚焦的机构、各页面和图表的标题与说明。"
        }
    )

    as_of: EdtfDate | None = Field(
        None,
        description="报道截至哪一天（图表把未结束的任职画到这天）；不写就取来源能确定的最晚日期（发表日期，只知道转载日期时取转载日期）。",
    )
    focus: OrgRef | None = Field(
        None, description="报道聚焦的机构的 id；产品的 focus_line 指它的产品线。可省略。"
    )
    focus_line: Text | None = Field(
        None, description="聚焦机构产品线的标题（产品页的小标题和图表标题），可省略。"
    )
    charts: dict[Annotated[str, _ID_PATTERN], Text] = Field(
        default_factory=dict,
        description="图表标题，按图表名（timeline、people、products、market），不写就用通用标题。",
    )
    pages: dict[Annotated[str, _ID_PATTERN], PageTexts] = Field(
        default_factory=dict,
        description="生成页面的说明文字，按页面名（如 products、market），可省略。",
    )
    categories: Categories = Field(
        default_factory=Categories,
        description=(
            "这份报道自己的机构、产品、事件、数字类型和产品状态（按 organization_kind、product_kind、"
            "event_kind、figure_kind、product_status 分组），加在通用类型之上，可省略。"
        ),
    )
    nav: list[NavPage | dict[PlainName, list[NavPage]]] | None = Field(
        None,
        description=(
            "网站导航：按顺序列出要生成的页面（页面名，如 timeline）和手写页面（docs/ 里的文件名，如 method.md），"
            "“标题: [页面, …]”是一组。没列出的生成页面不生成；标题写在 pages 里。"
            "写了它，mkdocs.yml 就不要再写 nav；不写就照 mkdocs.yml 的 nav 生成全部页面。"
        ),
    )


class ReportFile(Record):
    report: Report = Field(description="这份报道的设置。")


# Holds the report's own settings; optional: a report without it uses generic titles.
REPORT_FILE = "report.yml"
