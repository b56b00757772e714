"""Simplified to Traditional: a reviewed glossary, OpenCC, then newsroom vocabulary and quotes.

Per edition, in this order:
1. the glossary (and every entity's Traditional name for this edition) is cut out of the text
   and replaced with its reviewed form;
2. OpenCC converts what lies between;
3. the vocabulary replaces words of OpenCC's output with what the edition's newsrooms write
   (時間線 → 時間軸, 萬億 → 兆); it never touches a glossary term or a name;
4. quotation marks become corner brackets, 「」 outside and 『』 inside.
A script with no OpenCC config (the source script) passes text through unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

import opencc

from generator.facts.fields import map_strings
from generator.facts.model import (
    SOURCE_WORDS,
    TEXT,
    FactBase,
    GlossaryEntry,
    Record,
    VocabularyEntry,
)

Converted = TypeVar("Converted", bound=Record)

# Traditional editions quote with corner brackets: “ ” → 「 」 and, nested, ‘ ’ → 『 』.
CORNER_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
# OpenCC configs that also localise vocabulary -> the same script without that step.
GLYPH_CONFIGS = {"s2twp": "s2tw"}


@lru_cache(maxsize=8)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional text folded back to Simplified character by character (OpenCC t2s)."""
    return str(_opencc("t2s").convert(text))


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


def vocabulary_for(entries: Iterable[VocabularyEntry], lang: str) -> dict[str, str]:
    """OpenCC's word -> the edition's word, for the entries that name edition `lang`."""
    return {entry.opencc: entry.editions[lang] for entry in entries if lang in entry.editions}


class ScriptConverter:
    """Converts Simplified text for one edition; counts which glossary terms it applied."""

    def __init__(
        self,
        opencc_config: str | None,
        lang: str,
        glossary: Iterable[GlossaryEntry] = (),
        names: dict[str, str] | None = None,
        vocabulary: dict[str, str] | None = None,
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

    @property
    def converts(self) -> bool:
        """False for the source script, whose text passes through unchanged."""
        return self.opencc_config is not None

    def plain(self, text: str) -> str:
        """OpenCC alone, without glossary or vocabulary (for reviewing what they change)."""
        if not self.opencc_config:
            return text
        return str(_opencc(self.opencc_config).convert(text))

    def worded(self, text: str) -> str:
        """OpenCC followed by the edition's vocabulary (the text between glossary terms)."""
        converted = self.plain(text)
        if self.vocabulary_pattern is None:
            return converted
        return self.vocabulary_pattern.sub(lambda m: self.vocabulary[m.group()], converted)

    def glyphs(self, text: str) -> str:
        """Characters and quotation marks only, no regional wording (s2twp's 视频→影片).

        For the source's own words, which are quoted as written.
        """
        if not self.opencc_config:
            return text
        config = GLYPH_CONFIGS.get(self.opencc_config, self.opencc_config)
        return str(_opencc(config).convert(text)).translate(CORNER_QUOTES)

    def __call__(self, text: str) -> str:
        if not self.opencc_config or not text:
            return text
        converted = self._convert(text).translate(CORNER_QUOTES)
        if converted != text:
            self.sources_of[converted.strip()] = text.strip()
        return converted

    def _convert(self, text: str) -> str:
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


def converter_for(base: FactBase, opencc_config: str | None, lang: str) -> ScriptConverter:
    """The converter of one edition: glossary, the data's names, OpenCC and vocabulary."""
    return ScriptConverter(
        opencc_config,
        lang,
        base.glossary,
        explicit_names(base, lang),
        vocabulary_for(base.vocabulary, lang),
    )


def convert_fact_base(base: Converted, convert: ScriptConverter) -> Converted:
    """A copy of the model (the fact base, or the report's settings) whose reader-facing text is
    in the edition's script."""
    if not convert.converts:
        return base

    def change(value: str, markers: tuple[Any, ...]) -> str:
        if SOURCE_WORDS in markers:
            return convert.glyphs(value)
        return convert(value) if TEXT in markers else value

    converted: Converted = map_strings(base, change)
    return converted
