"""Conversion review: what OpenCC's phrase vocabulary, the glossary and the vocabulary change.

Character-for-character conversion (`s2tw`) is what a reader expects by default; the phrase step
(`s2twp`: 视频→影片, 数据→資料), the glossary and the newsroom vocabulary change words. Beside
them, a second converter (zhconv-rs) gives its opinion: every word the two write differently is
listed, `decided` when a glossary term or vocabulary entry settles it, `differs` while nobody
has. A reviewer settles each `differs` line in data/glossary.yml.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import rjieba

from generator.editions.convert import ScriptConverter, converter_for, vocabulary_for
from generator.editions.edition import conversion_of
from generator.editions.interface_vocabulary import interface_vocabulary
from generator.editions.markdown_convert import convert_markdown
from generator.editions.second_opinion import decided_by, disagreements
from generator.facts.fields import EXAMPLE, PathKey, dotted, readable, records, string_fields
from generator.facts.kinds import FILE_OF_LIST
from generator.facts.messages import say
from generator.facts.model import REPORT_FILE, SOURCE_WORDS, TEXT, FactBase, Identified, Report
from generator.facts.yaml_source import YamlDocument
from generator.site.pages import page_context
from generator.site.prose_refs import expand_references, hand_written_pages
from generator.site.site_files import page_sources
from generator.site.ui_literals import interface_words

MAX_PLACES = 4
MAX_JOINED_WORDS = 4


@dataclass
class Change:
    """One distinct change: Simplified phrase, what it became, how often and where."""

    source: str
    result: str
    kind: str  # "phrase" (OpenCC), "glossary", "vocabulary", "decided" or "differs"
    places: list[str] = field(default_factory=list)

    def line(self) -> str:
        shown = ", ".join(sorted(set(self.places))[:MAX_PLACES])
        more = len(set(self.places)) - MAX_PLACES
        tail = say("review-more-places", count=more) if more > 0 else ""
        return f"{self.kind:8} {self.source} → {self.result} ×{len(self.places)}  {shown}{tail}"


def record_ids(base: FactBase) -> dict[PathKey, str]:
    """Path -> id of every record that has one, to name places by id."""
    return {path: item.id for path, item in records(base) if isinstance(item, Identified)}


def texts_of(
    base: FactBase, docs_dir: Path | None, documents: dict[str, YamlDocument] | None = None
) -> Iterator[tuple[str, str]]:
    """(place, Simplified text) for every reader-facing text in the data and the docs.

    With the loaded `documents` a place is file:line; without, the file and the record's id.
    """
    ids = record_ids(base)
    for path, value, markers in string_fields(base):
        # The source's own words (quotes) change glyphs only: no wording to review.
        if TEXT not in markers or SOURCE_WORDS in markers:
            continue
        document = (documents or {}).get(str(path[0]))
        if document is not None:
            yield f"{document.path}:{document.positions.of(path)[0]}", value
        else:
            yield f"{FILE_OF_LIST.get(str(path[0]), '?')} › {readable(path, ids)}", value
    if docs_dir is not None:
        for page in sorted(docs_dir.rglob("*.md")):
            source = page.read_text(encoding="utf-8")
            for text in _markdown_texts(source):
                where = f":{source[: source.find(text)].count(chr(10)) + 1}" if documents else ""
                yield f"docs/{page.relative_to(docs_dir)}{where}", text


def page_texts(base: FactBase, docs_dir: Path | None = None) -> Iterator[tuple[str, str]]:
    """(place, Simplified text) for the generator's own words on each page and chart, and
    the interface words around them (update stamps, feed, share cards, tool bars)."""
    for uri, texts in recorded_page_texts(base, docs_dir).items():
        for text in texts:
            yield f"page {uri}", text
    yield from interface_words()


class _Recorder(ScriptConverter):
    """Passes text through unchanged and remembers it: what a page asks to have converted."""

    def __init__(self) -> None:
        super().__init__(None, "zh-Hans")
        self.seen: list[str] = []

    def __call__(self, text: str) -> str:
        self.seen.append(text)
        return text


def recorded_page_texts(base: FactBase, docs_dir: Path | None = None) -> dict[str, list[str]]:
    """Page source -> every text its generated parts ask to have converted, in order."""
    recorder = _Recorder()
    # With the docs, links to the kinds that hand-written pages list are made (and their words).
    hand_written = hand_written_pages(docs_dir) if docs_dir is not None else {}
    ctx = page_context(base, recorder, "zh-Hans", hand_written=hand_written)
    texts: dict[str, list[str]] = {}
    for uri, markdown in page_sources(ctx):
        expand_references(markdown, ctx, uri)
        texts[uri], recorder.seen = recorder.seen, []
    return texts


def _markdown_texts(source: str) -> list[str]:
    """The stretches of a Markdown page that conversion would touch."""
    collected: list[str] = []

    def collect(text: str) -> str:
        collected.append(text)
        return text

    convert_markdown(source, collect)
    return collected


def _phrase_changes(
    text: str, phrase: ScriptConverter, characters: ScriptConverter
) -> Iterator[tuple[str, str]]:
    """Words of `text` whose phrase conversion differs from character conversion.

    The two outputs are aligned character by character (s2tw keeps the source's length), and
    each differing stretch is widened to the words around it (rjieba's), so a reviewer sees 用户 →
    使用者 rather than a fragment.
    """
    by_phrase, by_character = phrase.plain(text), characters.plain(text)
    if by_phrase == by_character or len(by_character) != len(text):
        return
    matcher = difflib.SequenceMatcher(a=by_character, b=by_phrase, autojunk=False)
    words = rjieba.tokenize(text)
    changed: set[int] = set()
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            low, high = max(0, i1 - (i1 == i2)), max(i2, i1 + 1)
            changed.update(
                n for n, (_, start, end) in enumerate(words) if start < high and end > low
            )
    for group in _runs(sorted(changed)):
        source = text[words[group[0]][1] : words[group[-1]][2]]
        if phrase.plain(source) != characters.plain(source):
            yield source, phrase.plain(source)


def _runs(indices: list[int]) -> Iterator[list[int]]:
    run: list[int] = []
    for index in indices:
        if run and index != run[-1] + 1:
            yield run
            run = []
        run.append(index)
    if run:
        yield run


KIND_ORDER = ("differs", "decided", "glossary", "vocabulary", "phrase")


def _word_conversions(text: str, converter: ScriptConverter) -> Iterator[tuple[str, str]]:
    """(word, its Traditional form) for every glossary term and word (rjieba's) the conversion changes.

    Glossary terms are cut out first, as the converter does; between them each word is
    converted alone and checked against OpenCC's conversion of the whole stretch. Where a phrase
    spans words (and so converts differently in context), the words are joined.
    """
    last = 0
    for match in converter.term_pattern.finditer(text) if converter.term_pattern else []:
        yield from _plain_word_conversions(text[last : match.start()], converter)
        yield match.group(), converter.terms[match.group()]
        last = match.end()
    yield from _plain_word_conversions(text[last:], converter)


def _plain_word_conversions(text: str, converter: ScriptConverter) -> Iterator[tuple[str, str]]:
    whole = converter.plain(text)
    if whole == text:
        return
    words = [word for word, _, _ in rjieba.tokenize(text)]
    at = 0  # position in `whole`
    index = 0
    while index < len(words):
        for span in range(1, MAX_JOINED_WORDS + 1):
            source = "".join(words[index : index + span])
            result = converter.plain(source)
            if whole.startswith(result, at):
                break
        else:  # no split agrees with the whole: show the rest as one stretch
            source, result, span = "".join(words[index:]), whole[at:], len(words) - index
        if source != result and source.strip():
            yield source, result
        at += len(result)
        index += span


def conversions_in(
    texts: list[tuple[str, str]], base: FactBase, opencc_config: str, lang: str
) -> list[Change]:
    """Every word the edition's conversion changes in `texts`, character conversions included.

    Each is marked `glossary` (a reviewed term), `phrase` (OpenCC's vocabulary, differs from
    character conversion) or `char` (character by character).
    """
    converter = converter_for(base, opencc_config, lang)
    characters = ScriptConverter(conversion_of(opencc_config).glyphs, lang)
    changes: dict[tuple[str, str, str], Change] = {}
    for place, written in texts:
        for source, result in _word_conversions(EXAMPLE.sub("", written), converter):
            if source in converter.terms:
                kind = "glossary"
            elif converter.plain(source) != characters.plain(source):
                kind = "phrase"
            else:
                kind = "char"
            changes.setdefault((kind, source, result), Change(source, result, kind))
            changes[(kind, source, result)].places.append(place)
    order = {"glossary": 0, "phrase": 1, "char": 2}
    return sorted(changes.values(), key=lambda c: (order[c.kind], -len(c.places), c.source))


def review(
    base: FactBase,
    opencc_config: str,
    lang: str,
    docs_dir: Path | None,
    pages: bool = True,
    documents: dict[str, YamlDocument] | None = None,
    second_opinion: bool = False,
    report: Report | None = None,
) -> list[Change]:
    """Every phrase-level, glossary and vocabulary change the edition's conversion makes.

    With `pages`, the generator's own words on every page and chart are reviewed too; with
    `second_opinion`, every word zhconv-rs writes differently is listed as well.
    """
    converter = converter_for(base, opencc_config, lang)
    characters = ScriptConverter(conversion_of(opencc_config).glyphs, lang)
    changes: dict[tuple[str, str, str], Change] = {}

    def note(kind: str, source: str, result: str, place: str) -> None:
        key = (kind, source, result)
        changes.setdefault(key, Change(source, result, kind)).places.append(place)

    # The generator's own record of an OpenCC word kept (資料 → 資料) changes nothing: only the
    # second opinion's `decided` shows it; a report's own such entry is listed as it wrote it.
    own = vocabulary_for(base.vocabulary, lang)
    kept = {
        word
        for word, written in interface_vocabulary(opencc_config).items()
        if word == written and word not in own
    }
    texts = [*texts_of(base, docs_dir, documents), *(page_texts(base, docs_dir) if pages else [])]
    if report is not None:
        texts += [
            (f"{REPORT_FILE} › {dotted(path)}", value)
            for path, value, markers in string_fields(report)
            if TEXT in markers
        ]
    for place, written in texts:
        # An example of conversion (-{视频}-) is never converted: nothing in it to review.
        text = EXAMPLE.sub("", written)
        pattern = converter.term_pattern
        pieces = pattern.split(text) if pattern else [text]
        for match in pattern.finditer(text) if pattern else []:
            note("glossary", match.group(), converter.terms[match.group()], place)
        for piece in pieces:
            for source, result in _phrase_changes(piece, converter, characters):
                note("phrase", source, result, place)
            for word in _vocabulary_words(converter.plain(piece), converter):
                if word not in kept:
                    note("vocabulary", word, converter.vocabulary[word], place)
        if second_opinion:
            for found in disagreements(text, converter):
                kind = "decided" if decided_by(found, text, converter) else "differs"
                note(kind, found.source, f"{found.ours}（zhconv-rs：{found.theirs}）", place)
    return sorted(
        changes.values(), key=lambda c: (KIND_ORDER.index(c.kind), -len(c.places), c.source)
    )


def _vocabulary_words(converted: str, converter: ScriptConverter) -> list[str]:
    pattern = converter.vocabulary_pattern
    return [match.group() for match in pattern.finditer(converted)] if pattern else []


def conversion_lines(
    base: FactBase,
    opencc_config: str = "s2twp",
    lang: str = "zh-Hant",
    docs_dir: Path | None = Path("docs"),
) -> list[str]:
    """The review of the data and docs as text lines, one per distinct change (for fact diffs)."""
    docs = docs_dir if docs_dir and docs_dir.exists() else None
    return [change.line() for change in review(base, opencc_config, lang, docs, pages=False)]


def group_counts(changes: list[Change]) -> dict[str, int]:
    """How many places each kind of change touches (for a summary line)."""
    counts: dict[str, int] = defaultdict(int)
    for change in changes:
        counts[change.kind] += len(change.places)
    return dict(counts)
