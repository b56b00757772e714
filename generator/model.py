"""The facts as types: every record a data file may hold, with its fields, limits and references.

The pydantic models here are the schema. `Text` marks prose and names (converted between scripts,
escaped when rendered); the `*Ref` types mark a reference to another record's id, checked after load.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints

from generator.dates import DateError, parse_date


@dataclass(frozen=True)
class TextMarker:
    """Marks a string field as reader-facing text: converted per script and escaped on output."""


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as a reference to the id of a record of one of `kinds`."""

    kinds: tuple[str, ...]


TEXT = TextMarker()

Text = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True), TEXT]
# Glossary terms and explicit Traditional names are also applied to hand-written Markdown, so they
# may hold no character that means something in Markdown or HTML.
# Written for both Python and ECMA-262 in unicode mode (JSON Schema), which refuses needless
# escapes such as \".
_NO_MARKUP = r"""^[^<>&"'`\[\](){}*_#|\\!~=:]+$"""
Term = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100, pattern=_NO_MARKUP),
    Field(description="Plain words: no Markdown or HTML characters."),
]
PlainName = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=_NO_MARKUP), TEXT
]

NameForms = Annotated[
    dict[str, Term],
    Field(
        description=(
            "The name as one edition's media write it, by language code (e.g. zh-Hant: Google);"
            " wins over name_hant in that edition."
        )
    ),
]
# A reviewer's reason for a conversion decision (about Simplified words, so never converted).
Note = Annotated[str, StringConstraints(min_length=1, max_length=500)]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64),
    Field(description="Lower-case ASCII words joined by hyphens, unique across all data files."),
]


_ID_PATTERN = StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)


def _refers_to(*kinds: str) -> tuple[object, ...]:
    """Annotated metadata of a reference to a record of one of the given kinds."""
    return (
        _ID_PATTERN,
        RefTo(kinds),
        Field(description=f"Id of a record of kind: {', '.join(kinds)}."),
    )


SourceRef = Annotated[str, *_refers_to("source")]
OrgRef = Annotated[str, *_refers_to("organization")]
RoleRef = Annotated[str, *_refers_to("role")]


def _check_date(text: str) -> str:
    try:
        parse_date(text)
    except DateError as error:
        raise ValueError(str(error)) from None
    return text


EdtfDate = Annotated[
    str,
    AfterValidator(_check_date),
    Field(
        description=(
            "EDTF date: 2024-02-09 (day), 2023-11 (month), 2023-34 (Q2), 2023-41 (second half),"
            " 2023 (year), 2018/2021 (range), ../2023-33 (not after), 2024-04/2024-05 (window)."
        ),
        examples=["2024-02-09", "2023-11", "2018/2021", "../2023-33"],
    ),
]


def _check_web_url(text: str) -> str:
    if not text.startswith(("https://", "http://")) or any(c in text for c in " \"'<>\\`"):
        raise ValueError("only http:// or https:// addresses without spaces or quotes are allowed")
    return text


WebUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_check_web_url)]

EntityRef = Annotated[str, *_refers_to("organization", "person", "product")]
AnyRef = Annotated[
    str,
    *_refers_to("organization", "person", "product", "event", "figure", "market-move", "claim"),
]


class Attribution(StrEnum):
    """Who stands behind a fact, from strongest to weakest."""

    OFFICIAL = "official"  # the company or person concerned said so on the record
    ANALYST = "analyst"  # a named research report
    REPORTED = "reported"  # the article states it as fact without naming a source
    INSIDER = "insider"  # unnamed people familiar ("据悉", "有消息指出")
    AUTHOR = "author"  # the author's own analysis or inference
    DENIED = "denied"  # a rumour that the party concerned denied


class Record(BaseModel):
    """Base of every record: unknown keys, wrong types and mutation are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Citation(Record):
    """Where a fact comes from: a source and a paragraph of it."""

    source: SourceRef
    paragraph: int = Field(ge=1, description="1-based paragraph number in the source.")


class Cited(Record):
    """A fact: it cites at least one source paragraph and says who asserts it."""

    cite: list[Citation] = Field(min_length=1)
    attribution: Annotated[Attribution, Strict(False)]
    asserted_by: EntityRef | None = None


class Paragraph(Record):
    """One numbered paragraph of a source, described in the project's own words."""

    n: int = Field(ge=1)
    gist: Text


class Source(Record):
    """A published text the facts cite."""

    id: Id
    title: Text
    outlet: OrgRef
    published: EdtfDate
    url: WebUrl | None = None
    copy_read: Text = Field(description="Where the copy the facts were taken from was read.")
    language: Literal["zh-Hans", "zh-Hant", "en"]
    paragraphs: list[Paragraph] = Field(min_length=1)


OrgKind = Literal[
    "tech-company",
    "business-unit",
    "team",
    "streaming-platform",
    "ai-lab",
    "chip-maker",
    "broker",
    "media-outlet",
    "video-platform",
    "stock-market",
]


class Organization(Cited):
    """A company, business unit, team, platform, outlet, broker or market."""

    id: Id
    name: Text
    name_hant: PlainName | None = Field(None, description="Explicit Traditional form of the name.")
    name_forms: NameForms = Field(default_factory=dict)
    name_en: Text | None = None
    short: Text | None = None
    kind: OrgKind
    country: Literal["CN", "US", "GB", "global", "unknown"]
    parent: OrgRef | None = None
    about: Text


class Role(Cited):
    """A position a person held at an organization over a (possibly uncertain) span."""

    id: Id
    org: OrgRef
    title: Text
    start: EdtfDate | None = None
    end: EdtfDate | None = None


class Move(Cited):
    """A change of role: from one of the person's roles to another, on a date."""

    id: Id
    date: EdtfDate
    from_role: RoleRef | None = None
    to_role: RoleRef | None = None
    summary: Text


class Person(Cited):
    """A named person, their roles and their moves between roles."""

    id: Id
    name: Text
    name_hant: PlainName | None = None
    name_forms: NameForms = Field(default_factory=dict)
    name_en: Text | None = None
    about: Text
    roles: list[Role] = Field(default_factory=list)
    moves: list[Move] = Field(default_factory=list)


ProductKind = Literal[
    "foundation-model",
    "chat-app",
    "creation-tool",
    "image-tool",
    "video-model",
    "video-editor",
    "dataset",
    "content-app",
    "office-suite",
    "chip",
]
ProductStatus = Literal[
    "released", "internal-test", "in-development", "research", "announced", "unknown"
]


class Relation(Cited):
    """A typed link from a product to another record (trained on, built by, ...)."""

    kind: Literal["trained-on", "trained-in", "built-by", "compared-with", "part-of", "runs-on"]
    target: AnyRef


class Product(Cited):
    """A product, model, chip or data set."""

    id: Id
    name: Text
    name_hant: PlainName | None = None
    name_forms: NameForms = Field(default_factory=dict)
    name_en: Text | None = None
    kind: ProductKind
    maker: OrgRef | None = Field(None, description="Left out when the source names no maker.")
    bytedance_ai: bool = Field(description="Part of ByteDance's AI line-up.")
    launched: EdtfDate | None = None
    status: ProductStatus
    about: Text
    relations: list[Relation] = Field(default_factory=list)


EventKind = Literal["personnel", "product", "statement", "market", "strategy", "research"]


class Event(Cited):
    """Something that happened, on a date of some precision."""

    id: Id
    date: EdtfDate
    kind: EventKind
    title: Text
    summary: Text
    involves: list[AnyRef] = Field(default_factory=list)


Comparator = Literal[">", ">=", "=", "<", "<=", "~"]


class Threshold(Record):
    """A condition a count is about, such as "rose more than 40%"."""

    comparator: Comparator
    value: float
    unit: Text


class MarketCount(Cited):
    """A count the article gives for a market move, possibly with a threshold."""

    id: Id
    measure: Text
    comparator: Comparator
    value: int = Field(ge=0)
    unit: Text
    threshold: Threshold | None = None


class PricePoint(Record):
    """One observation of a stock series."""

    date: EdtfDate
    value: float
    unit: Text


class StockSeries(Cited):
    """A per-stock series; none are in the article, contributors may add them."""

    id: Id
    code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z.]{1,16}$")]
    name: Text
    market: OrgRef
    points: list[PricePoint] = Field(min_length=1)


class MarketMove(Cited):
    """A move of a group of stocks on a day, with the counts the article gives."""

    id: Id
    date: EdtfDate
    theme: Text
    markets: list[OrgRef] = Field(min_length=1)
    summary: Text
    counts: list[MarketCount] = Field(default_factory=list)
    series: list[StockSeries] = Field(default_factory=list)


Scale = Literal["", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "万亿"]
FigureKind = Literal["compute", "money", "data", "time", "count"]


class Figure(Cited):
    """A number from the article: value and scale word as written, unit, what it measures."""

    id: Id
    kind: FigureKind
    label: Text
    value: float = Field(gt=0)
    value_max: float | None = Field(None, gt=0, description="Upper end when given as a range.")
    scale: Scale = Field(description="Chinese scale word as written (万, 亿, 万亿), or empty.")
    unit: Text
    comparator: Comparator = "="
    measures: Text
    about: list[AnyRef] = Field(default_factory=list)


ClaimTopic = Literal[
    "strategy", "technology", "industry", "competition", "compute", "data", "market", "people"
]


class Claim(Cited):
    """A qualitative assertion: an assessment, explanation or comparison."""

    id: Id
    topic: ClaimTopic
    text: Text
    about: list[AnyRef] = Field(default_factory=list)


class Forecast(Cited):
    """A claim about the future, with its status at the last check."""

    id: Id
    claim: Text
    made_on: EdtfDate
    expected: EdtfDate | None = None
    about: list[AnyRef] = Field(default_factory=list)
    status: Literal["open", "happened", "did-not-happen"]
    checked_on: EdtfDate
    outcome: Text | None = None


class GlossaryEntry(Record):
    """A reviewed conversion: protects a name or fixes a phrase OpenCC gets wrong."""

    simplified: Term
    traditional: Term
    locales: dict[str, Term] = Field(
        default_factory=dict,
        description="Overrides for one edition, by language code (e.g. zh-HK).",
    )
    why: Note


class VocabularyEntry(Record):
    """Newsroom wording for one edition: replaces a word as OpenCC writes it (applied after OpenCC)."""

    opencc: Term = Field(description="The word as the edition's OpenCC config writes it.")
    editions: dict[str, Term] = Field(
        min_length=1,
        description=(
            "The word as each edition writes it, by language code; editions not listed keep"
            " OpenCC's word. The same word again records a checked decision to keep it."
        ),
    )
    why: Note


class SourcesFile(Record):
    sources: list[Source]


class OrganizationsFile(Record):
    organizations: list[Organization]


class PeopleFile(Record):
    people: list[Person]


class ProductsFile(Record):
    products: list[Product]


class EventsFile(Record):
    events: list[Event]


class MarketFile(Record):
    market_moves: list[MarketMove]


class FiguresFile(Record):
    figures: list[Figure]


class ClaimsFile(Record):
    claims: list[Claim]


class ForecastsFile(Record):
    forecasts: list[Forecast]


class GlossaryFile(Record):
    glossary: list[GlossaryEntry]
    vocabulary: list[VocabularyEntry] = Field(default_factory=list)


# File name (in data/) -> the model of its whole content; the order is the load order.
DATA_FILES: dict[str, type[Record]] = {
    "sources.yml": SourcesFile,
    "organizations.yml": OrganizationsFile,
    "people.yml": PeopleFile,
    "products.yml": ProductsFile,
    "events.yml": EventsFile,
    "market.yml": MarketFile,
    "figures.yml": FiguresFile,
    "claims.yml": ClaimsFile,
    "forecasts.yml": ForecastsFile,
    "glossary.yml": GlossaryFile,
}


class FactBase(Record):
    """Every fact, loaded and cross-checked."""

    sources: list[Source]
    organizations: list[Organization]
    people: list[Person]
    products: list[Product]
    events: list[Event]
    market_moves: list[MarketMove]
    figures: list[Figure]
    claims: list[Claim]
    forecasts: list[Forecast]
    glossary: list[GlossaryEntry]
    vocabulary: list[VocabularyEntry] = Field(default_factory=list)
