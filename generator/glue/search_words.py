"""Search's words: the report's text cut into words for Material's search index, in every script.

Material's search cuts Chinese text into words only when jieba (2020, unmaintained) can be
imported; this project uses rjieba instead, so the cutting is done here, the way Material does it
(each run of Han characters cut into words, U+200B around and between them), on the index's
entries just before the search plugin writes them. A converted edition cuts with a segmenter that
knows the report's own words in that script (`generator.editions.search_dict`), or names and
terms are cut apart. The root (Simplified) edition's index already holds the words it was cut
into: they are handed on to the other editions' builds instead of cutting the whole report again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from backrefs import bre
from mkdocs.config.defaults import MkDocsConfig

from generator.editions.convert import ScriptConverter
from generator.editions.search_dict import (
    WORD_BREAK,
    WordCutter,
    handed_words,
    indexed_words,
    segmenter,
    words_in,
)
from generator.facts.model import FactBase, Report
from generator.glue.edition_run import EditionRun
from generator.site.pages import page_context
from generator.site.site_files import page_sources

# Material's own pattern for the text it cuts (material/plugins/search/plugin.py).
_HAN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)


def search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def _searching(config: MkDocsConfig) -> Any:
    """The search plugin, when it is on."""
    search = search_plugin(config)
    return search if search is not None and search.config.get("enabled", True) else None


def search_segmenter(
    config: MkDocsConfig,
    convert: ScriptConverter,
    source_base: FactBase,
    report: Report,
    site_name: str,
) -> WordCutter | None:
    """What cuts this edition's search entries into words (None: search is off).

    `source_base`, `report` and `site_name` are the report as written (Simplified).
    """
    if _searching(config) is None:
        return None
    if not convert.converts:
        return segmenter((), convert)
    handed = handed_words()
    words = (
        handed
        if handed is not None
        else words_in(_source_texts(config, source_base, report, site_name))
    )
    return segmenter(words, convert)


def _source_texts(
    config: MkDocsConfig, source_base: FactBase, report: Report, site_name: str
) -> Iterator[str]:
    """All Simplified text of the report: generated pages, hand-written pages, site name."""
    source_ctx = page_context(
        source_base, ScriptConverter(None, "zh-Hans"), "zh-Hans", report=report
    )
    yield site_name
    for _, markdown in page_sources(source_ctx):
        yield markdown
    for page in sorted(Path(config.docs_dir).rglob("*.md")):
        yield page.read_text(encoding="utf-8")


def cut_into_words(text: str, cut: WordCutter) -> str:
    """`text` with each run of Han characters cut into words, U+200B around and between them
    (as Material's search writes its index). A cut made before (Material cuts with jieba where
    jieba is still installed) is undone first, so words are never cut twice."""

    def words(match: Any) -> str:
        return WORD_BREAK + WORD_BREAK.join(cut(match.group(0))) + WORD_BREAK

    return str(_HAN.sub(words, text.replace(WORD_BREAK, ""))).strip(WORD_BREAK)


def cut_search_entries(config: MkDocsConfig, cut: WordCutter | None) -> None:
    """Cut the titles and texts of the entries search indexed in this build into words."""
    index = getattr(_searching(config), "search_index", None)
    entries = getattr(index, "entries", None)
    if cut is None or not isinstance(entries, list):
        return
    for entry in entries:
        for field in ("title", "text"):
            if isinstance(entry.get(field), str):
                entry[field] = cut_into_words(entry[field], cut)


def indexed_source_words(config: MkDocsConfig, run: EditionRun, dirty: bool) -> set[str] | None:
    """The words search cut this edition into, when it is in the source script: the other
    editions' search segmenters are made of them (cutting the text again takes longer)."""
    index = getattr(search_plugin(config), "search_index", None)
    entries = getattr(index, "entries", None)
    # A dirty build indexes only the pages it rebuilt: their words are not all the report's.
    if dirty or run.convert.converts or not isinstance(entries, list) or not entries:
        return None
    return indexed_words(entries)
