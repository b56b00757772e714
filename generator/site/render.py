"""Safe Markdown pieces: escaped data text, formatted numbers and dates, citation labels.

Text from YAML is untrusted. `md_text` turns it into Markdown that can only ever render as the
same characters: HTML-special and Markdown-special ASCII become numeric character references,
so no contributor can open a tag, a link or an attribute list.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote as percent_encoded

from generator.editions.convert import inside_corner_brackets
from generator.facts import formula
from generator.facts.dates import Precision, parse_date
from generator.facts.model import Citation, Cited, Figure
from generator.site.labels import ATTRIBUTION_WORDS, COMPARATOR_WORDS, changed_value_words

_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-.!|~^=:\"'&$%@/")
Ui = Callable[[str], str]


def md_text(text: str) -> str:
    """Untrusted text as inline Markdown that renders as exactly these characters."""
    escaped = []
    for char in text:
        if char in _MARKDOWN_SPECIAL:
            escaped.append(f"&#{ord(char)};")
        elif char in "\r\n\t":
            escaped.append(" ")
        else:
            escaped.append(char)
    return "".join(escaped)


def attr(text: str) -> str:
    """Untrusted text for an HTML attribute value (always double-quoted by the caller)."""
    return html.escape(text, quote=True)


SCALES = {
    "": 1,
    "十": 10,
    "百": 100,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "万亿": 1e12,
}


def plain_number(value: float) -> str:
    """157.68 -> '157.68', 8.0 -> '8', 1569800.0 -> '1,569,800'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def chinese_number(value: float) -> str:
    """A plain number in Chinese units as readers expect: 15768000000 -> '157.68亿'."""
    for word, size in (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)):
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + word
    return plain_number(value)


def in_unit(value: float, unit: str) -> tuple[str, str]:
    """(number, unit) of a computed value, its scale word said once: with unit 亿美元, 5.3e10
    is ('530亿', '美元'), never 530亿亿美元; with unit %, 0.25 is ('25', '%')."""
    if unit in formula.PERCENT_UNITS:
        return plain_number(value * 100), unit
    return chinese_number(value), formula.split_unit(unit)[1]


def amount_words(value: float, unit: str) -> str:
    """A computed value with its unit, as a reader sees it: '530亿美元', '25%'."""
    return "".join(in_unit(value, unit))


def arithmetic_value(figure: Figure) -> float:
    """The figure as a formula uses it: scaled (8 万亿 -> 8e12), a percentage as a fraction."""
    return normalized(figure) / (100 if figure.unit in formula.PERCENT_UNITS else 1)


def figure_value(figure: Figure) -> str:
    """The figure as the article writes it: comparator word, value, scale word, unit."""
    amount = plain_number(figure.value)
    if figure.value_max is not None:
        amount += f"–{plain_number(figure.value_max)}"
    return f"{COMPARATOR_WORDS[figure.comparator]}{amount}{figure.scale}{figure.unit}"


def normalized(figure: Figure) -> float:
    """The figure's value times its scale word (8 万亿 -> 8e12)."""
    return figure.value * SCALES[figure.scale]


# A bound as a sign beside a number in uniform units: ＞50, ≈8万亿.
COMPARATOR_SIGNS = {">": "＞", ">=": "≥", "=": "= ", "<": "＜", "<=": "≤", "~": "≈"}


def normalized_words(figure: Figure, ui: Ui) -> str:
    """The figure in uniform units, keeping its bound and range: '= 2至3个月', '＞50人'."""
    scale = SCALES[figure.scale]
    amount = ui(chinese_number(figure.value * scale))
    if figure.value_max is not None:
        amount += "至" + ui(chinese_number(figure.value_max * scale))
    return f"{COMPARATOR_SIGNS[figure.comparator]}{amount}{figure.unit}"


_QUARTER = {"33": "第一季度", "34": "第二季度", "35": "第三季度", "36": "第四季度"}
_HALF = {"40": "上半年", "41": "下半年"}


def _point_words(text: str) -> str:
    core = text.rstrip("?~%")
    parts = core.split("-")
    year = f"{parts[0]}年"
    if len(parts) == 1:
        words = year
    elif len(parts) == 3:
        words = f"{year}{int(parts[1])}月{int(parts[2])}日"
    elif parts[1] in _QUARTER:
        words = year + _QUARTER[parts[1]]
    elif parts[1] in _HALF:
        words = year + _HALF[parts[1]]
    else:
        words = f"{year}{int(parts[1])}月"
    return words + ("（存疑）" if core != text else "")


def date_words(text: str) -> str:
    """An EDTF date in Simplified Chinese words, saying exactly as much as is known."""
    parsed = parse_date(text)
    start, _, end = text.partition("/")
    if parsed.precision is Precision.NOT_AFTER:
        return f"不晚于{_point_words(end)}"
    if parsed.precision is Precision.NOT_BEFORE:
        return f"不早于{_point_words(start)}"
    if parsed.precision is Precision.RANGE:
        return f"{_point_words(start)}至{_point_words(end)}"
    return _point_words(text)


_DATE_FIELDS = frozenset(
    {
        "date",
        "start",
        "end",
        "launched",
        "made_on",
        "expected",
        "checked_on",
        "published",
        "copy_published",
        "archived",
        "retrieved",
        "announced",
        "as_of",
    }
)


# A quote may hold quotation marks of its own: it ends at the mark before the next citation.
_CITED_PARAGRAPH = re.compile(
    r"(?P<source>[^\s#,，]+)#(?P<n>\d+)(?:[「“](?P<quote>.*?)[」”](?=, |$))?"
)
_LIST_SEPARATOR = ", "  # how the fact diff joins the items of a list


def _citations_in_words(value: str, names: dict[str, str], glyphs: Callable[[str], str]) -> str:
    """`src#29「…」, src#30「…」` as 第29段「…」；第30段「…」, each source named once when
    there is more than one. Each quote is put in the edition's glyphs on its own: a quote cut
    inside the source's inner quotation marks then leaves the next one's marks as they are."""
    cited = list(_CITED_PARAGRAPH.finditer(value))
    sources = list(dict.fromkeys(m.group("source") for m in cited))
    parts = []
    for source in sources:
        paragraphs = [
            f"第{m.group('n')}段" + (glyphs(f"“{m.group('quote')}”") if m.group("quote") else "")
            for m in cited
            if m.group("source") == source
        ]
        named = f"{names.get(source, source)}：" if len(sources) > 1 else ""
        parts.append(named + "；".join(paragraphs))
    return "。".join(parts)


def changed_value(
    path: str,
    value: str,
    ui: Callable[[str], str],
    names: dict[str, str] | None = None,
    codes: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """A changed field's value as the corrections page and the feed show it: a date in words
    (不晚于2020年1月31日, not ../2020-01-31), a code in words (`codes`: the report's own kinds
    and statuses, see `changed_value_words`), records by their names, a citation as paragraphs
    and the source's words (第29段“…”)."""
    names = names or {}
    field = path.rpartition(".")[2]
    if field in _DATE_FIELDS:
        try:
            return ui(date_words(value))
        except ValueError:
            pass
    if path.endswith("cite") and _CITED_PARAGRAPH.match(value):
        return _citations_in_words(value, names, getattr(ui, "glyphs", ui))
    items = value.split(_LIST_SEPARATOR)
    if len(items) > 1 and field == "arithmetic":
        value = "；".join(items)
    elif items and all(item in names for item in items):
        return "、".join(names[item] for item in items)
    return changed_value_words(path, value, ui, codes)


def source_anchor(source_id: str, paragraph: int) -> str:
    """Anchor of one paragraph entry on the sources page."""
    return f"{source_id}-p{paragraph}"


@dataclass(frozen=True)
class SourceAddress:
    """Where a source can be opened: its address, its archived copy and the copy's day (known
    to the day, else None), for the Robust Links attributes of each citation of it."""

    url: str | None
    archive_url: str | None = None
    archived_day: str | None = None


def text_fragment(quote: str) -> str:
    """`#:~:text=` directive that opens a page at `quote` (URL Fragment Text Directives): the
    words percent-encoded, `-`, `&` and `,` (the directive's own syntax) included."""
    return ":~:text=" + percent_encoded(quote, safe="").replace("-", "%2D")


def at_quote(url: str, quote: str) -> str:
    """`url` opened at `quote`: the text directive after the page's own fragment, if any."""
    return url + ("" if "#" in url else "#") + text_fragment(quote)


def _link_to_source(
    label: str, title: str, address: SourceAddress, quote: str, classes: str
) -> str:
    """An HTML link that opens the source (else its archived copy) at the quote, with Robust
    Links attributes: the original address, the archived copy and the day it was archived."""
    target = address.url or address.archive_url
    assert target is not None
    attributes = [
        ("class", classes),
        ("href", at_quote(target, quote)),
        ("title", title),
        ("data-originalurl", address.url),
        ("data-versionurl", address.archive_url),
        ("data-versiondate", address.archived_day if address.archive_url else None),
    ]
    shown = " ".join(f'{name}="{attr(value)}"' for name, value in attributes if value)
    return f"<a {shown}>{label}</a>"


def citation_links(
    cites: list[Citation],
    ui: Ui,
    sources_page: str,
    source_labels: dict[str, str],
    archives: dict[str, str] | None = None,
    addresses: dict[str, SourceAddress] | None = None,
    source_words: Callable[[str], str] | None = None,
) -> str:
    """A link to each cited paragraph, with the verified words of the source beside it, and
    once per source its archived copy (`archives`: source id -> archive URL).

    A quoted paragraph of a source with an address or an archived copy (`addresses`) links to
    the source itself, opened at the quote (a text fragment made of the source's own words:
    `source_words` gives them for a quote in the edition's glyphs); any other citation links
    to the paragraph's entry on the sources page."""
    parts = []
    archived = dict(archives or {})
    for c in cites:
        prefix = md_text(source_labels.get(c.source, ""))
        title = f"{ui('来源段落')} {c.paragraph}"
        address = (addresses or {}).get(c.source)
        if address is not None and c.quote:
            exact = source_words(c.quote) if source_words else c.quote
            link = _link_to_source(f"{prefix}¶{c.paragraph}", title, address, exact, "cite-link")
        else:
            link = (
                f"[{prefix}¶{c.paragraph}]({sources_page}#{source_anchor(c.source, c.paragraph)})"
                f'{{ .cite-link title="{attr(ui("来源段落"))} {c.paragraph}" }}'
            )
        if c.quote:
            quote = md_text(inside_corner_brackets(c.quote))
            link += f'<span class="cite-quote">{ui("原文")}：「{quote}」</span>'
        archive = archived.pop(c.source, None)
        if archive:
            link += f" [{ui('存档')}](<{archive}>){{ .cite-archive }}"
        parts.append(link)
    return " ".join(parts)


def cite_label(
    fact: Cited,
    ui: Ui,
    sources_page: str,
    source_labels: dict[str, str] | None = None,
    archives: dict[str, str] | None = None,
    addresses: dict[str, SourceAddress] | None = None,
    source_words: Callable[[str], str] | None = None,
) -> str:
    """Visible citation: attribution label and a link to each cited paragraph with its quote."""
    kind = fact.attribution.value
    label = f'<span class="cite cite--{kind}">{ui(ATTRIBUTION_WORDS[fact.attribution])}</span>'
    links = citation_links(
        fact.cite, ui, sources_page, source_labels or {}, archives, addresses, source_words
    )
    return f"{label} {links}"


def inferred_tag(fact: Cited, field: str, ui: Ui) -> str:
    """The "推断" tag (its reason on hover) after a field the site inferred, such as a country."""
    why = fact.inferred.get(field)
    if why is None:
        return ""
    return f' <span class="fact-tag fact-tag--inferred" title="{md_text(why)}">{ui("推断")}</span>'


def date_shown(fact: Cited, field: str, ui: Ui, *, reason: bool = True) -> str:
    """A date field of a fact in words, marked as inferred (with the reason) when it is."""
    value = getattr(fact, field)
    words = md_text(ui(date_words(value)))
    why = fact.inferred.get(field)
    if why is None:
        return words
    tag = f'{words} <span class="fact-tag fact-tag--inferred" title="{md_text(why)}">{ui("推断")}</span>'
    return tag + (f'<span class="fact-inferred">（{md_text(why)}）</span>' if reason else "")
