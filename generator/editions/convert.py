"""Simplified to Traditional: a reviewed glossary, OpenCC, then newsroom vocabulary and quotes.

Per edition, in this order:
1. the glossary (and every entity's Traditional name for this edition) is cut out of the text
   and replaced with its reviewed form;
2. OpenCC converts what lies between;
3. the vocabulary replaces words of OpenCC's output with what the edition's newsrooms write
   (時間線 → 時間軸, 萬億 → 兆); it never touches a glossary term or a name;
4. quotation marks become corner brackets, 「」 outside and 『』 inside, by depth.
The source's own words change glyphs only: OpenCC's character config, the one-to-many glyph
traps it leaves (60只 → 60隻, a measure word), the vocabulary entries marked as glyph variants
(宣佈 → 宣布), corner brackets, and full-width punctuation. They are the quote fields, a
source's title wherever it appears, and a stretch of a verified quote or title wherever a text
puts it inside quotation marks (原文写作“8万亿美元”).
An example of conversion written `-{视频}-` is never converted: its marks are dropped and, in a
converted edition, only the characters that cannot be Traditional change, one by one (视频 →
視頻, 宣佈→宣布 as written). A script with no OpenCC config (the source script) passes text
through unchanged but for those marks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

import opencc

from generator.editions.edition import conversion_of
from generator.editions.interface_vocabulary import interface_vocabulary
from generator.facts.fields import EXAMPLE, map_strings, string_fields, without_example_marks
from generator.facts.model import (
    SOURCE_WORDS,
    TEXT,
    FactBase,
    Figure,
    GlossaryEntry,
    Record,
    VocabularyEntry,
)

Converted = TypeVar("Converted", bound=Record)

# Quotation marks, whichever style the text uses; depth decides the bracket a reader sees.
OPENING_QUOTES = frozenset("“‘「『")
CLOSING_QUOTES = frozenset("”’」』")
# Half-width punctuation a Chinese quote may carry from its source (a comma between digits is a
# thousands separator and stays).
_HALF_WIDTH_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_HALF_WIDTH_PARENS = str.maketrans({"(": "（", ")": "）"})
_ONE_LEVEL_DOWN = str.maketrans("「」『』", "『』「」")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Characters that OpenCC rewrites alone but that Traditional text writes as they are (台灣,
# 平台): an example keeps them.
SHARED_CHARACTERS = frozenset("台")
# One-to-many glyphs OpenCC leaves wrong after an Arabic numeral: 60只个股 is 60隻 (a measure
# word; 只 reads as "only"). Not before a word that makes 只 the adverb (3只有).
_MEASURE_ZHI = re.compile(r"(?<=[0-9０-９])只(?![是有能要會会在不好得])")
# A quotation, its marks apart: “…”, 「…」, ‘…’, 『…』.
_QUOTATION = re.compile(r"(?<=[“「‘『])([^“”「」‘’『』]{2,})(?=[”」’』])")
_CITED_TITLE = re.compile(r"《([^《》]+)》")
MIN_QUOTED = 2  # characters of a quotation that make it the source's words


@lru_cache(maxsize=8)
def opencc_for(config: str) -> opencc.OpenCC:
    """OpenCC loaded with `config`, once per process; RuntimeError when it has no such config."""
    return opencc.OpenCC(config)


def resolved_glyph_traps(converted: str) -> str:
    """OpenCC output with the one-to-many glyphs it leaves resolved (60只 → 60隻)."""
    return _MEASURE_ZHI.sub("隻", converted)


@lru_cache(maxsize=4096)
def _example_character(config: str, char: str) -> str:
    if char in SHARED_CHARACTERS:
        return char
    converted = str(opencc_for(config).convert(char))
    return converted if len(converted) == 1 else char


def example_as_written(text: str, config: str) -> str:
    """An example of conversion in a converted edition: as written, but for the characters that
    cannot be Traditional, each converted alone (视频 → 視頻; 宣佈→宣布 and 平臺→平台 stay)."""
    glyph_config = conversion_of(config).glyphs
    return "".join(_example_character(glyph_config, char) for char in text)


def to_simplified(text: str) -> str:
    """Traditional text folded back to Simplified character by character (OpenCC t2s)."""
    return str(opencc_for("t2s").convert(text))


def corner_quotes(text: str) -> str:
    """Quotation marks as corner brackets by depth: 「」 outside, 『』 one level in, 「」 again
    below that. Curly quotes and brackets already there are levelled alike, so a quote wrapped
    in 「」 gets 『』 inside. An apostrophe between Latin letters (it’s) is left alone."""
    out: list[str] = []
    depth = 0
    for index, char in enumerate(text):
        if char == "’" and _between_letters(text, index):
            out.append(char)
        elif char in OPENING_QUOTES:
            out.append("「" if depth % 2 == 0 else "『")
            depth += 1
        elif char in CLOSING_QUOTES:
            depth = max(depth - 1, 0)
            out.append("」" if depth % 2 == 0 else "』")
        else:
            out.append(char)
    return "".join(out)


def inside_corner_brackets(text: str) -> str:
    """`text` as it reads when wrapped in 「」: its own corner brackets one level down (「」 ↔ 『』).
    Curly quotes are left as they are (the Simplified edition quotes the source as written)."""
    return text.translate(_ONE_LEVEL_DOWN)


def _between_letters(text: str, index: int) -> bool:
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


def full_width_punctuation(text: str) -> str:
    """Commas and parentheses of a Chinese text in full width: `韓尚佑(CEO),` → `韓尚佑（CEO），`."""
    if not _CJK.search(text):
        return text
    return _HALF_WIDTH_COMMA.sub("，", text).translate(_HALF_WIDTH_PARENS)


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def explicit_names(base: FactBase, lang: str = "zh-Hant") -> dict[str, str]:
    """Names whose form in edition `lang` is given in the data: Simplified name -> that form."""
    pairs: dict[str, str] = {}
    for group in (base.organizations, base.people, base.products):
        for entity in group:
            form = entity.name_forms.get(lang) or entity.name_hant
            if form:
                pairs[entity.name] = form
    return pairs


def vocabulary_for(
    entries: Iterable[VocabularyEntry], lang: str, *, glyphs_only: bool = False
) -> dict[str, str]:
    """OpenCC's word -> the edition's word, for the entries that name edition `lang` (with
    `glyphs_only`, those marked as a glyph variant, which quotes take too)."""
    return {
        entry.opencc: entry.editions[lang]
        for entry in entries
        if lang in entry.editions and (entry.glyph or not glyphs_only)
    }


class ScriptConverter:
    """Converts Simplified text for one edition; counts which glossary terms it applied."""

    def __init__(
        self,
        opencc_config: str | None,
        lang: str,
        glossary: Iterable[GlossaryEntry] = (),
        names: dict[str, str] | None = None,
        vocabulary: dict[str, str] | None = None,
        glyph_variants: dict[str, str] | None = None,
        source_words: Iterable[str] = (),
        source_titles: Iterable[str] = (),
    ) -> None:
        self.opencc_config = opencc_config
        self.lang = lang
        self.terms: dict[str, str] = dict(names or {})
        for entry in glossary:
            self.terms[entry.simplified] = entry.locales.get(lang, entry.traditional)
        self.vocabulary: dict[str, str] = dict(vocabulary or {})
        self.hits: Counter[str] = Counter()
        # Converted text -> its Simplified source, so anchors can be made from the source.
        self.sources_of: dict[str, str] = {}
        self.term_pattern = _alternation(self.terms)
        self.vocabulary_pattern = _alternation(self.vocabulary)
        # OpenCC's glyph -> the edition's glyph (宣佈 → 宣布), for quotes as well as text.
        self.glyph_variants: dict[str, str] = dict(glyph_variants or {})
        self.glyph_pattern = _alternation(self.glyph_variants)
        # The source's words: glyphs only where they are quoted (inside quotation marks).
        self.source_words = sorted({w for w in source_words if w}, key=len, reverse=True)
        # A source's title is a name: glyphs only wherever it appears.
        if self.converts:
            for title in source_titles:
                self.terms[title] = self.glyphs(title)
            self.term_pattern = _alternation(self.terms)

    @property
    def converts(self) -> bool:
        """False for the source script, whose text passes through unchanged."""
        return self.opencc_config is not None

    def plain(self, text: str) -> str:
        """OpenCC alone, without glossary or vocabulary (for reviewing what they change)."""
        if not self.opencc_config:
            return text
        return resolved_glyph_traps(str(opencc_for(self.opencc_config).convert(text)))

    def worded(self, text: str) -> str:
        """OpenCC followed by the edition's vocabulary (the text between glossary terms)."""
        converted = self.plain(text)
        if self.vocabulary_pattern is None:
            return converted
        return self.vocabulary_pattern.sub(lambda m: self.vocabulary[m.group()], converted)

    def glyphs(self, text: str) -> str:
        """Characters, quotation marks and punctuation only, no regional wording (s2twp's
        视频→影片): for the source's own words, which are quoted as written.
        """
        if not self.opencc_config:
            return text
        config = conversion_of(self.opencc_config).glyphs
        converted = resolved_glyph_traps(str(opencc_for(config).convert(text)))
        if self.glyph_pattern is not None:
            converted = self.glyph_pattern.sub(lambda m: self.glyph_variants[m.group()], converted)
        return corner_quotes(full_width_punctuation(converted))

    def __call__(self, text: str) -> str:
        if not self.opencc_config or not text:
            return without_example_marks(text)
        examples: list[str] = []

        def set_aside(match: re.Match[str]) -> str:
            assert self.opencc_config is not None
            examples.append(example_as_written(match.group(1), self.opencc_config))
            return f"\ue000{len(examples) - 1}\ue001"

        kept = EXAMPLE.sub(set_aside, text) if "-{" in text else text
        converted = corner_quotes(self._convert(kept))
        if examples:
            converted = re.sub("\ue000(\\d+)\ue001", lambda m: examples[int(m.group(1))], converted)
        if converted != text:
            self.sources_of[converted.strip()] = without_example_marks(text).strip()
        return converted

    def _quoted_source_words(self, text: str) -> list[tuple[int, int]]:
        """Where `text` quotes a stretch of a verified quote (“8万亿美元”): (start, end) inside
        the quotation marks."""
        if not self.source_words:
            return []
        return [
            match.span(1)
            for match in _QUOTATION.finditer(text)
            if len(match.group(1)) >= MIN_QUOTED
            and any(match.group(1) in words for words in self.source_words)
        ]

    def _convert(self, text: str) -> str:
        pieces: list[str] = []
        last = 0
        for start, end in self._quoted_source_words(text):
            pieces.append(self._convert_terms(text[last:start]))
            pieces.append(self.glyphs(text[start:end]))
            last = end
        pieces.append(self._convert_terms(text[last:]))
        return "".join(pieces)

    def _convert_terms(self, text: str) -> str:
        if self.term_pattern is None:
            return self.worded(text)
        pieces: list[str] = []
        last = 0
        for match in self.term_pattern.finditer(text):
            pieces.append(self.worded(text[last : match.start()]))
            pieces.append(self.terms[match.group()])
            self.hits[match.group()] += 1
            last = match.end()
        pieces.append(self.worded(text[last:]))
        return "".join(pieces)


def source_titles_of(base: FactBase) -> list[str]:
    """Every source's title as the source writes it. A title that cites another in 《》
    describes a copy of it (某论坛转载《…》的帖子页面): only the cited title is the source's."""
    return [
        cited
        for source in base.sources
        for cited in (_CITED_TITLE.findall(source.title) or [source.title])
    ]


def source_words_of(base: FactBase) -> list[str]:
    """The sources' own words the data holds: its titles and every verified quote."""
    quotes = [value for _, value, markers in string_fields(base) if SOURCE_WORDS in markers]
    return [*source_titles_of(base), *quotes]


def converter_for(base: FactBase, opencc_config: str | None, lang: str) -> ScriptConverter:
    """The converter of one edition: glossary, the data's names, the sources' own words, OpenCC,
    the generator's interface vocabulary and the report's vocabulary (which wins where both name
    a word)."""
    return ScriptConverter(
        opencc_config,
        lang,
        base.glossary,
        explicit_names(base, lang),
        {**interface_vocabulary(opencc_config), **vocabulary_for(base.vocabulary, lang)},
        {
            **interface_vocabulary(opencc_config, glyphs_only=True),
            **vocabulary_for(base.vocabulary, lang, glyphs_only=True),
        },
        source_words_of(base),
        source_titles_of(base),
    )


def convert_fact_base(base: Converted, convert: ScriptConverter) -> Converted:
    """A copy of the model (the fact base, or the report's settings) whose reader-facing text is
    in the edition's script (in the source edition, its examples' marks dropped)."""
    if not convert.converts:
        unmarked: Converted = map_strings(
            base, lambda value, markers: convert(value) if TEXT in markers else value
        )
        return unmarked

    def change(value: str, markers: tuple[Any, ...]) -> str:
        if SOURCE_WORDS in markers:
            return convert.glyphs(value)
        return convert(value) if TEXT in markers else value

    converted: Converted = map_strings(base, change)
    if isinstance(converted, FactBase):
        figures = [_in_edition_unit(figure, convert.lang) for figure in converted.figures]
        return converted.model_copy(update={"figures": figures})
    return converted


def _in_edition_unit(figure: Figure, lang: str) -> Figure:
    """A figure whose unit is written as edition `lang` counts it (Taiwan counts GPUs in 顆)."""
    unit = figure.unit_forms.get(lang)
    return figure.model_copy(update={"unit": unit}) if unit else figure
