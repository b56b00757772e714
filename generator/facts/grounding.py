"""Grounding checks: each record says no more than the source paragraphs it cites.

Run after the schema and reference checks, on the records and the sources' fingerprints:
every citation carries a quote found verbatim in its paragraph; a hedged quote caps the
attribution; a named record is named in one of its quotes; a date is no more precise than the
cited paragraphs write it (a year they leave out included) unless it is marked inferred with a
reason; a country, maker, parent, relation or party to an event is stated by a quote or marked
inferred; an editor's note reckons only from numbers its paragraphs write. Every message is in the
catalogue of generator/facts/messages.py, in Chinese and English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from generator.facts.commands import step_command
from generator.facts.dates import DateError, Point, Precision, parse_date, parse_point
from generator.facts.fields import PathKey, readable, records
from generator.facts.fingerprint import (
    GRAM,
    MIN_QUOTE,
    ParagraphPrint,
    SourcePrint,
    fingerprint_path,
    normalise,
    parse,
)
from generator.facts.messages import say
from generator.facts.model import (
    Attribution,
    Citation,
    Cited,
    Identified,
    Note,
    Organization,
    Person,
    Product,
    Source,
)
from generator.facts.problems import DataError, Problem
from generator.facts.yaml_source import YamlDocument, read_yaml

# Fields the model leaves optional (so that a missing one gets this module's message, naming the
# paragraph to quote from, and conversion reviews load without grounding) but that `check`
# refuses to do without: the contributing guide's field tables mark them required from here.
REQUIRED_BY_CHECK: dict[type[BaseModel], tuple[str, ...]] = {Citation: ("quote",)}
MAX_QUOTE_HAN = 15  # the no-copy rule: never 16 consecutive Chinese characters of a source
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

# Attribution levels that state a fact; a hedged quote cannot carry them.
ASSERTING = {Attribution.OFFICIAL, Attribution.ANALYST, Attribution.REPORTED}
DATE_FIELDS = ("date", "start", "end", "made_on", "expected", "launched", "announced")
# Fields that place a record or link it to another: each needs a quote that states it.
LINK_FIELDS = ("country", "maker", "parent", "involves", "target")
# How a text places an organization in each country or region the model offers.
PLACE_WORDS = {
    "CN": ("中国", "国内", "内地"),
    "HK": ("香港",),
    "US": ("美国", "硅谷"),
    "GB": ("英国",),
    "global": ("全球",),
}


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def read_fingerprints(
    data_dir: Path, shown_dir: str, sources: dict[str, Source]
) -> tuple[dict[str, SourcePrint], list[Problem]]:
    """The fingerprint of every source that has one, and problems with those that exist."""
    prints: dict[str, SourcePrint] = {}
    problems: list[Problem] = []
    for source_id in sources:
        path = fingerprint_path(data_dir, source_id)
        if not path.exists():
            continue
        shown = f"{shown_dir}/{path.relative_to(data_dir).as_posix()}"
        try:
            document: YamlDocument = read_yaml(path, shown)
            prints[source_id] = parse(document.data)
        except DataError as error:
            problems += error.problems
        except (KeyError, TypeError, ValueError):
            problems.append(Problem(shown, 1, 1, "", say("not-a-fingerprint")))
    return prints, problems


@dataclass(frozen=True)
class _Quoted:
    """A citation whose quote was found: the paragraph's print and where the quote starts."""

    citation: Citation
    paragraph: ParagraphPrint
    start: int


@dataclass
class _Where:
    file: str
    path: PathKey
    document: YamlDocument

    def problem(self, sub: PathKey, text: str) -> Problem:
        line, column = self.document.positions.of((*self.path, *sub))
        label = readable((*self.path, *sub), self.document.positions.ids)
        return Problem(self.file, line, column, label, text)


def _verify_citation(
    citation: Citation, prints: dict[str, SourcePrint], data_dir_shown: str
) -> tuple[_Quoted | None, str | None]:
    """The verified quote, or the message saying what is wrong with it."""
    if citation.quote is None:
        return None, say("quote-missing", paragraph=citation.paragraph)
    count = han_count(citation.quote)
    if count > MAX_QUOTE_HAN:
        return None, say("quote-too-long", count=count)
    short = len(normalise(citation.quote)) < MIN_QUOTE
    too_short = say("quote-too-short", quote=citation.quote, minimum=MIN_QUOTE)
    source_print = prints.get(citation.source)
    if source_print is None:
        return None, too_short if short else None  # a missing print is reported at the source
    paragraph = source_print.paragraphs.get(citation.paragraph)
    if paragraph is None:
        # A missing paragraph, or a stale fingerprint, is reported elsewhere.
        return None, too_short if short else None
    if short and not paragraph.is_whole(citation.quote):
        return None, too_short
    start = paragraph.find(citation.quote)
    if start is None:
        found = [str(p.n) for p in source_print.paragraphs.values() if p.find(citation.quote)]
        elsewhere = say("quote-elsewhere", paragraphs=", ".join(found)) if found else ""
        return None, say(
            "quote-not-found",
            quote=citation.quote,
            paragraph=citation.paragraph,
            source=citation.source,
            elsewhere=elsewhere,
        )
    return _Quoted(citation, paragraph, start), None


def _names(record: BaseModel) -> list[str]:
    names = [getattr(record, key, None) for key in ("name", "short", "name_en")]
    return [n for n in [*names, *getattr(record, "aliases", [])] if n]


def _check_named(where: _Where, record: BaseModel, quoted: list[_Quoted]) -> Iterator[Problem]:
    if not quoted or not isinstance(record, Organization | Person | Product):
        return
    names = [normalise(n) for n in _names(record)]
    quotes = [normalise(q.citation.quote or "") for q in quoted]
    if not any(name and name in quote for name in names for quote in quotes):
        yield where.problem(("cite",), say("unnamed", name=record.name))


def _check_hedges(where: _Where, record: Cited, quoted: list[_Quoted]) -> Iterator[Problem]:
    """Official needs paragraphs free of hearsay; a stated fact needs a quote outside a hedge."""
    if record.attribution not in ASSERTING:
        return
    for item in quoted:
        if record.attribution is Attribution.OFFICIAL:
            hedges = [h.word for h in item.paragraph.hedges]
        else:
            length = max(len(normalise(item.citation.quote or "")), GRAM)
            hedges = item.paragraph.hedges_over(item.start, length)
        if hedges:
            official = record.attribution is Attribution.OFFICIAL
            yield where.problem(
                ("attribution",),
                say(
                    "hedged-official" if official else "hedged",
                    paragraph=item.citation.paragraph,
                    hedge=hedges[0],
                    attribution=record.attribution.value,
                ),
            )
            return


# ---------------------------------------------------------------- date precision

_CN_QUARTER = {1: "一季度", 2: "二季度", 3: "三季度", 4: "四季度"}
_RELATIVE_YEARS = ("去年", "今年", "明年", "前年")


@dataclass(frozen=True)
class SourceDays:
    """What the cited sources say about when they were written: the day by which they surely
    existed (publication or the copy read, whichever is known) and the publication day, if known."""

    exists_by: date | None
    published: date | None


def _year_written(year: int, numerals: list[str]) -> bool:
    """Only a year the text writes out counts: 去年 or 今年 is read from a date, an inference."""
    return any(re.search(rf"(?<!\d){year}(?!\d)", n) for n in numerals)


def _within_year_written(point: Point, numerals: list[str]) -> bool:
    """Whether the month, quarter, half or day of `point` is written, its year aside."""
    first = point.first
    if point.precision is Precision.DAY:
        return any(f"{first.month}月{first.day}日" in n for n in numerals)
    if point.precision is Precision.MONTH:
        return any(re.search(rf"(?<!\d){first.month}月", n) for n in numerals)
    if point.precision is Precision.QUARTER:
        return any(_CN_QUARTER[(first.month + 2) // 3] in n for n in numerals)
    if point.precision is Precision.HALF:
        return ("上半年" if first.month == 1 else "下半年") in numerals
    return point.precision is Precision.YEAR


def _bounded(point: Point, days: SourceDays, *, alone: bool) -> bool:
    """A point the source's own date gives: the end of a span at the day the source surely
    existed by (a copy's date bounds what its text tells), a month or quarter holding that
    day, or, for a single day, the publication day itself when that is known."""
    if point.precision is Precision.YEAR:
        return False
    if point.precision is Precision.DAY and alone:
        return days.published is not None and point.first == days.published
    return days.exists_by is not None and point.first <= days.exists_by <= point.last


def _ends(value: str) -> list[Point] | None:
    try:
        parse_date(value)
    except DateError:
        return None  # the schema check reports it
    if "/" not in value:
        return [parse_point(value)]
    return [parse_point(part) for part in value.partition("/")[::2] if part and part != ".."]


def date_written(value: str, numerals: list[str], days: SourceDays) -> bool:
    """Whether `value` is no more precise than what the numerals (and the source's date) give."""
    for point in _ends(value) or []:
        if _bounded(point, days, alone="/" not in value):
            continue
        if not (
            _year_written(point.first.year, numerals) and _within_year_written(point, numerals)
        ):
            return False
    return True


def year_only_inferred(value: str, numerals: list[str], days: SourceDays) -> bool:
    """Whether `value` would be written but for a year the text does not write (2月9日, 去年11月)."""
    points = [p for p in _ends(value) or [] if not _bounded(p, days, alone="/" not in value)]
    relative = any(n in _RELATIVE_YEARS for n in numerals)
    return bool(points) and all(
        relative if p.precision is Precision.YEAR else _within_year_written(p, numerals)
        for p in points
    )


def source_days(record: Cited | Note, sources: dict[str, Source]) -> SourceDays:
    """The dates of the sources a record cites (the earliest of each, when it cites several)."""
    cited = [sources[c.source] for c in record.cite if c.source in sources]
    exists = [day for day in (s.exists_by() for s in cited) if day is not None]
    published = [day for day in (s.published_day() for s in cited) if day is not None]
    return SourceDays(min(exists, default=None), min(published, default=None))


def _check_dates(
    where: _Where, record: Cited, quoted: list[_Quoted], sources: dict[str, Source]
) -> Iterator[Problem]:
    for key in record.inferred:
        if key not in (*DATE_FIELDS, *LINK_FIELDS) or getattr(record, key, None) in (None, []):
            yield where.problem(("inferred", key), say("inferred-field", field=key))
    if not quoted:
        return
    numerals = [n for item in quoted for n in item.paragraph.numerals]
    days = source_days(record, sources)
    written = "、".join(dict.fromkeys(numerals)) or "no date"
    for key in DATE_FIELDS:
        value = getattr(record, key, None)
        if not isinstance(value, str) or key in record.inferred:
            continue
        if date_written(value, numerals, days):
            continue
        if year_only_inferred(value, numerals, days):
            message = say("date-year-inferred", value=value, written=written, field=key)
        else:
            message = say("date-too-precise", value=value, written=written, field=key)
        yield where.problem((key,), message)


# ---------------------------------------------------------------- places and relations


def _named_in(names: list[str], quotes: list[str]) -> bool:
    folded = [normalise(name) for name in names]
    return any(name and name in quote for name in folded for quote in quotes)


def _by_paragraph(quoted: list[_Quoted]) -> dict[tuple[str, int], list[str]]:
    """The record's verified quotes (normalised), grouped by the paragraph they come from."""
    grouped: dict[tuple[str, int], list[str]] = {}
    for item in quoted:
        key = (item.citation.source, item.citation.paragraph)
        grouped.setdefault(key, []).append(normalise(item.citation.quote or ""))
    return grouped


def _paragraphs(record: BaseModel) -> set[tuple[str, int]]:
    return {(c.source, c.paragraph) for c in getattr(record, "cite", [])}


def _stated(
    subject: BaseModel | None,
    target: BaseModel,
    quoted: list[_Quoted],
    *,
    words: tuple[str, ...] = (),
) -> bool:
    """Whether one cited paragraph's quotes name the target (or hold one of `words`) and, when
    there is a subject, name it too. A target with no name (a figure, an event) is stated by a
    paragraph both records cite."""
    target_names = list(words) or _names(target)
    for paragraph, quotes in _by_paragraph(quoted).items():
        if subject is not None and not _named_in(_names(subject), quotes):
            continue
        if target_names and _named_in(target_names, quotes):
            return True
        if not target_names and paragraph in _paragraphs(target):
            return True
    return False


def _unstated(key: str, value: str) -> str:
    """The message for a link no quote states."""
    if key == "country":
        return say("unstated-country", value=value)
    if key == "parent":
        return say("unstated-parent", value=value)
    if key == "maker":
        return say("unstated-maker", value=value)
    return say("unstated-involves", value=value)


def _organization(by_id: dict[str, BaseModel], record_id: str) -> Organization | None:
    found = by_id.get(record_id)
    return found if isinstance(found, Organization) else None


def _check_links(
    where: _Where,
    record: Cited,
    quoted: list[_Quoted],
    by_id: dict[str, BaseModel],
    prints: dict[str, SourcePrint],
) -> Iterator[Problem]:
    """A country, maker, parent, relation or party to an event needs a quote that states it."""
    if not quoted or len(quoted) < len(record.cite):
        return  # an unverified citation has its own message
    links: list[tuple[PathKey, str, BaseModel | None, BaseModel | None, tuple[str, ...]]] = []
    if isinstance(record, Organization) and record.country != "unknown":
        words = PLACE_WORDS.get(record.country, ())
        links.append((("country",), "country", record, record, words))
    # A reference to the wrong kind of record has its own message.
    if isinstance(record, Organization) and record.parent:
        links.append((("parent",), "parent", record, _organization(by_id, record.parent), ()))
    if isinstance(record, Product) and record.maker:
        links.append((("maker",), "maker", record, _organization(by_id, record.maker), ()))
    for index, target in enumerate(getattr(record, "involves", [])):
        links.append((("involves", index), "involves", None, by_id.get(target), ()))
    for path, key, subject, target, words in links:
        if target is None or key in record.inferred:
            continue
        if not _stated(subject, target, quoted, words=words):
            value = getattr(record, key)
            shown = value[int(path[-1])] if isinstance(value, list) else value
            yield where.problem(path, _unstated(key, str(shown)))
    if isinstance(record, Product):
        for index, relation in enumerate(record.relations):
            target = by_id.get(relation.target)
            if target is None or "target" in relation.inferred:
                continue
            found = [_verify_citation(c, prints, "")[0] for c in relation.cite]
            verified = [item for item in found if item is not None]
            if len(verified) == len(relation.cite) and not _stated(None, target, verified):
                yield where.problem(
                    ("relations", index, "target"),
                    say("unstated-target", value=relation.target),
                )


# ---------------------------------------------------------------- numbers

_CN_VALUES = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SCALE_VALUES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_NAME_DIGITS = re.compile(r"[A-Za-z][A-Za-z0-9]*-?\d+[A-Za-z]*")
TEXT_FIELDS = ("name", "title", "about", "summary", "text", "claim", "label", "measures", "measure")


def numeral_values(numerals: list[str]) -> set[float]:
    """Every value the numerals write: digits as written and scaled, Chinese digits, 十多."""
    values: set[float] = set()
    for numeral in numerals:
        for match in _DIGITS.finditer(numeral):
            value = float(match.group())
            values.add(value)
            rest = numeral[match.end() :]
            for word, size in _SCALE_VALUES.items():
                if rest.startswith(word) or rest.lstrip("多余").startswith(word):
                    values.add(value * size)
                    break
        if numeral.startswith("十"):
            values.add(10.0)
        for char, value in _CN_VALUES.items():
            if numeral.startswith(char):
                values.add(float(value))
    return values


def _numbers_in_text(text: str) -> list[float]:
    masked = _NAME_DIGITS.sub(" ", text)
    return [float(m.group()) for m in _DIGITS.finditer(masked)]


def _number_written(
    value: float, values: set[float], numerals: list[str], written_by: date | None
) -> bool:
    if any(abs(value - known) <= 1e-9 * max(1.0, abs(known)) for known in values):
        return True
    if written_by is None:
        return False
    # A year in prose (2023年下半年 for 去年下半年) is checked against the source's date; the
    # record's date fields say whether it is an inference.
    last_year = value == written_by.year - 1 and "去年" in numerals
    return value == written_by.year or last_year


def _check_numbers(
    where: _Where, record: Cited, quoted: list[_Quoted], sources: dict[str, Source]
) -> Iterator[Problem]:
    if not quoted or len(quoted) < len(record.cite):
        return  # an unverified citation has its own message; its numbers cannot be judged
    numerals = [n for item in quoted for n in item.paragraph.numerals]
    values = numeral_values(numerals)
    written_by = source_days(record, sources).exists_by
    fields: list[tuple[str, float]] = []
    for key in ("value", "value_max"):
        number = getattr(record, key, None)
        if isinstance(number, int | float) and not isinstance(number, bool):
            fields.append((key, float(number)))
    threshold = getattr(record, "threshold", None)
    if threshold is not None:
        fields.append(("threshold.value", float(threshold.value)))
    for key in TEXT_FIELDS:
        text = getattr(record, key, None)
        if isinstance(text, str):
            fields += [(key, number) for number in _numbers_in_text(text)]
    for key, number in fields:
        if not _number_written(number, values, numerals, written_by):
            written = "、".join(dict.fromkeys(numerals)) or "no number"
            yield where.problem(
                tuple(key.split(".")),
                say("number-not-written", number=f"{number:g}", written=written),
            )
            return


# Numbers an editor's note may use without a source: units of time and of counting.
CONVERSIONS = {
    1.0,
    2.0,
    7.0,
    10.0,
    12.0,
    24.0,
    30.0,
    31.0,
    60.0,
    100.0,
    365.0,
    366.0,
    1000.0,
    3600.0,
}
_NOTE_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?(万亿|亿|万)?")


def _note_numbers(text: str) -> list[float]:
    found = []
    for match in _NOTE_NUMBER.finditer(_NAME_DIGITS.sub(" ", text)):
        digits = match.group().rstrip("万亿").replace(",", "")
        found.append(float(digits) * _SCALE_VALUES.get(match.group(1) or "", 1.0))
    return found


def _known(number: float, values: set[float]) -> bool:
    return any(abs(number - value) <= 1e-6 * max(1.0, abs(value)) for value in values)


def _check_note_numbers(where: _Where, note: Note, quoted: list[_Quoted]) -> Iterator[Problem]:
    """An editor's note rests on sourced numbers: each step of its arithmetic starts from numbers
    its cited paragraphs write, units of time, or results of earlier steps; its text uses only
    those and the results."""
    if len(quoted) < len(note.cite):
        return  # an unverified citation has its own message
    numerals = [n for item in quoted for n in item.paragraph.numerals]
    known = numeral_values(numerals) | CONVERSIONS
    for value in numeral_values(numerals):
        known |= {value * size for size in _SCALE_VALUES.values()}
    for index, step in enumerate(note.arithmetic):
        parts = [part for part in step.split("=") if _note_numbers(part)]
        for number in _note_numbers(parts[0]) if parts else []:
            if not _known(number, known):
                yield where.problem(
                    ("arithmetic", index), say("note-number-unsourced", number=f"{number:g}")
                )
                return
        for part in parts[1:]:
            known |= set(_note_numbers(part))
    for key in ("title", "text"):
        for number in _note_numbers(getattr(note, key)):
            if not _known(number, known):
                yield where.problem((key,), say("note-number-unsourced", number=f"{number:g}"))
                return


def check_grounding(
    parsed: dict[str, tuple[BaseModel, YamlDocument]],
    sources: dict[str, Source],
    prints: dict[str, SourcePrint],
    data_dir_shown: str,
) -> list[Problem]:
    """Every grounding problem of every record."""
    problems: list[Problem] = []
    by_id: dict[str, BaseModel] = {
        item.id: item
        for record, _ in parsed.values()
        for _, item in records(record)
        if isinstance(item, Identified)
    }
    for record, document in parsed.values():
        for path, item in records(record):
            where = _Where(document.path, path, document)
            if isinstance(item, Source):
                problems += _check_source(where, item, prints, data_dir_shown)
            if not isinstance(item, Cited | Note):
                continue
            quoted: list[_Quoted] = []
            for index, citation in enumerate(item.cite):
                found, text = _verify_citation(citation, prints, data_dir_shown)
                if text:
                    problems.append(where.problem(("cite", index, "quote"), text))
                if found:
                    quoted.append(found)
            if isinstance(item, Note):
                problems += _check_note_numbers(where, item, quoted)
            if isinstance(item, Cited):
                problems += _check_named(where, item, quoted)
                problems += _check_hedges(where, item, quoted)
                problems += _check_dates(where, item, quoted, sources)
                problems += _check_numbers(where, item, quoted, sources)
                problems += _check_links(where, item, quoted, by_id, prints)
    return problems


def _check_source(
    where: _Where, source: Source, prints: dict[str, SourcePrint], data_dir_shown: str
) -> list[Problem]:
    printed = prints.get(source.id)
    if printed is None:
        path = f"{data_dir_shown}/fingerprints/{source.id}.yml"
        return [
            where.problem(
                ("id",),
                say(
                    "no-fingerprint",
                    source=source.id,
                    path=path,
                    command=step_command("fingerprint"),
                ),
            )
        ]
    if len(printed.paragraphs) != len(source.paragraphs):
        return [
            where.problem(
                ("paragraphs",),
                say(
                    "fingerprint-count",
                    printed=len(printed.paragraphs),
                    listed=len(source.paragraphs),
                ),
            )
        ]
    return []
