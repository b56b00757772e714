"""Simplified to Traditional: OpenCC plus a reviewed glossary, applied to text and to the model.

The glossary runs first: its terms (and every entity's explicit Traditional name) are cut out of
the text and replaced with their reviewed form, OpenCC converts what lies between. A script with
no OpenCC config (the source script) passes text through unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import opencc

from generator.fields import map_strings
from generator.model import SOURCE_WORDS, TEXT, FactBase, GlossaryEntry

# OpenCC configs that also localise vocabulary -> the same script without that step.
GLYPH_CONFIGS = {"s2twp": "s2tw"}


@lru_cache(maxsize=8)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def explicit_names(base: FactBase) -> dict[str, str]:
    """Names whose Traditional form is given in the data: Simplified name -> Traditional."""
    pairs: dict[str, str] = {}
    for group in (base.organizations, base.people, base.products):
        for entity in group:
            if entity.name_hant:
                pairs[entity.name] = entity.name_hant
    return pairs


class ScriptConverter:
    """Converts Simplified text for one edition; counts which glossary terms it applied."""

    def __init__(
        self,
        opencc_config: str | None,
        lang: str,
        glossary: Iterable[GlossaryEntry] = (),
        names: dict[str, str] | None = None,
    ) -> None:
        self.opencc_config = opencc_config
        self.lang = lang
        self.terms: dict[str, str] = dict(names or {})
        for entry in glossary:
            self.terms[entry.simplified] = entry.locales.get(lang, entry.traditional)
        self.hits: Counter[str] = Counter()
        # Converted text -> its Simplified source, so anchors can be made from the source.
        self.sources_of: dict[str, str] = {}
        ordered = sorted(self.terms, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    @property
    def converts(self) -> bool:
        """False for the source script, whose text passes through unchanged."""
        return self.opencc_config is not None

    def plain(self, text: str) -> str:
        """OpenCC alone, without the glossary (for reviewing what the glossary changes)."""
        if not self.opencc_config:
            return text
        return str(_opencc(self.opencc_config).convert(text))

    def glyphs(self, text: str) -> str:
        """Characters only, no regional wording (s2twp's 视频→影片): for the source's own words."""
        if not self.opencc_config:
            return text
        return str(_opencc(GLYPH_CONFIGS.get(self.opencc_config, self.opencc_config)).convert(text))

    def __call__(self, text: str) -> str:
        if not self.opencc_config or not text:
            return text
        converted = self._convert(text)
        if converted != text:
            self.sources_of[converted.strip()] = text.strip()
        return converted

    def _convert(self, text: str) -> str:
        if self._pattern is None:
            return self.plain(text)
        pieces: list[str] = []
        last = 0
        for match in self._pattern.finditer(text):
            pieces.append(self.plain(text[last : match.start()]))
            pieces.append(self.terms[match.group()])
            self.hits[match.group()] += 1
            last = match.end()
        pieces.append(self.plain(text[last:]))
        return "".join(pieces)


def converter_for(base: FactBase, opencc_config: str | None, lang: str) -> ScriptConverter:
    """The converter of one edition, with the glossary and the data's explicit names."""
    return ScriptConverter(opencc_config, lang, base.glossary, explicit_names(base))


def convert_fact_base(base: FactBase, convert: ScriptConverter) -> FactBase:
    """A copy of the model whose reader-facing text is in the edition's script."""
    if not convert.converts:
        return base

    def change(value: str, markers: tuple[Any, ...]) -> str:
        if SOURCE_WORDS in markers:
            return convert.glyphs(value)
        return convert(value) if TEXT in markers else value

    converted: FactBase = map_strings(base, change)
    return converted
