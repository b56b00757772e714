"""Conversion review: what OpenCC's phrase vocabulary, the glossary and the vocabulary change.

Character-for-character conversion (`s2tw`) is what a reader expects by default; the phrase step
(`s2twp`: 视频→影片, 数据→資料), the glossary and the newsroom vocabulary change words. Beside
them, a second converter (zhconv-rs) gives its opinion: every word the two write differently is
listed, `decided` when a glossary term or vocabulary entry settles it, `differs` while nobody
has. A reviewer settles each `differs` line in data/glossary.yml.
"""

from __future__ import annotations

import difflib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jieba

from generator.convert import ScriptConverter, converter_for
from generator.fields import PathKey, dotted, string_fields
from generator.markdown_convert import convert_markdown
from generator.model import DATA_FILES, TEXT, FactBase
from generator.second_opinion import CHARACTER_CONFIG, decided_by, disagreements
from generator.yaml_source import read_yaml

MAX_PLACES = 4

# jieba announces every dictionary load on stderr; its warnings are enough.
jieba.setLogLevel(logging.WARNING)


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
        tail = f" (+{more} more)" if more > 0 else ""
        return f"{self.kind:8} {self.source} → {self.result} ×{len(self.places)}  {shown}{tail}"


def texts_of(
    base: FactBase, docs_dir: Path | None, data_dir: Path | None = None
) -> Iterator[tuple[str, str]]:
    """(place, Simplified text) for every reader-facing text in the data and the docs.

    A place is `file:field path`; given `data_dir`, it is `file:line` (docs pages: `page:line`).
    """
    file_of_list = {name: file for file, model in DATA_FILES.items() for name in model.model_fields}
    lines = _line_finder(data_dir)
    for path, value, markers in string_fields(base):
        if TEXT in markers:
            file = file_of_list.get(str(path[0]), "?")
            if data_dir is None:
                yield f"{file}:{dotted(path)}", value
            else:
                yield f"{data_dir.as_posix()}/{file}:{lines(file, path)}", value
    if docs_dir is not None:
        for page in sorted(docs_dir.rglob("*.md")):
            source = page.read_text(encoding="utf-8")
            for text in _markdown_texts(source):
                where = f":{source[: source.find(text)].count(chr(10)) + 1}" if data_dir else ""
                yield f"docs/{page.relative_to(docs_dir)}{where}", text


def _line_finder(data_dir: Path | None) -> Callable[[str, PathKey], int]:
    documents: dict[str, Any] = {}

    def line_of(file: str, path: PathKey) -> int:
        if file not in documents and data_dir is not None:
            documents[file] = read_yaml(data_dir / file, file).positions
        return int(documents[file].of(path)[0])

    return line_of


def page_texts(base: FactBase) -> Iterator[tuple[str, str]]:
    """(place, Simplified text) for the generator's own words on each page and chart."""
    for uri, texts in _recorded_page_texts(base).items():
        for text in texts:
            yield f"page {uri}", text


class _Recorder(ScriptConverter):
    """Passes text through unchanged and remembers it: what a page asks to have converted."""

    def __init__(self) -> None:
        super().__init__(None, "zh-Hans")
        self.seen: list[str] = []

    def __call__(self, text: str) -> str:
        self.seen.append(text)
        return text


def _recorded_page_texts(base: FactBase) -> dict[str, list[str]]:
    from generator.pages.context import PageContext
    from generator.prose_refs import expand_references
    from generator.site_files import page_sources

    recorder = _Recorder()
    ctx = PageContext(base, recorder, "zh-Hans")
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
    each differing stretch is widened to the jieba words around it, so a reviewer sees 用户 →
    使用者 rather than a fragment.
    """
    by_phrase, by_character = phrase.plain(text), characters.plain(text)
    if by_phrase == by_character or len(by_character) != len(text):
        return
    matcher = difflib.SequenceMatcher(a=by_character, b=by_phrase, autojunk=False)
    words = list(jieba.tokenize(text))
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


def review(
    base: FactBase,
    opencc_config: str,
    lang: str,
    docs_dir: Path | None,
    pages: bool = True,
    data_dir: Path | None = None,
    second_opinion: bool = False,
) -> list[Change]:
    """Every phrase-level, glossary and vocabulary change the edition's conversion makes.

    With `pages`, the generator's own words on every page and chart are reviewed too; with
    `second_opinion`, every word zhconv-rs writes differently is listed as well.
    """
    converter = converter_for(base, opencc_config, lang)
    characters = ScriptConverter(CHARACTER_CONFIG.get(opencc_config, "s2t"), lang)
    changes: dict[tuple[str, str, str], Change] = {}

    def note(kind: str, source: str, result: str, place: str) -> None:
        key = (kind, source, result)
        changes.setdefault(key, Change(source, result, kind)).places.append(place)

    texts = [*texts_of(base, docs_dir, data_dir), *(page_texts(base) if pages else [])]
    for place, text in texts:
        pattern = converter.term_pattern
        pieces = pattern.split(text) if pattern else [text]
        for match in pattern.finditer(text) if pattern else []:
            note("glossary", match.group(), converter.terms[match.group()], place)
        for piece in pieces:
            for source, result in _phrase_changes(piece, converter, characters):
                note("phrase", source, result, place)
            for word in _vocabulary_words(converter.plain(piece), converter):
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
