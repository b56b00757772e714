"""The search plugin's word list for a converted edition, and its hand-off between editions.

Material's search cuts Chinese text into words with jieba; an edition in another script needs
the report's own words in that script (`jieba_dict_user`), or names and terms are cut apart. The
root (Simplified) edition's index already holds the words it was cut into: they are handed on to
the other editions' builds instead of cutting the whole report again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.editions.convert import ScriptConverter
from generator.editions.search_dict import handed_words, indexed_words, user_dictionary, words_in
from generator.facts.model import FactBase, Report
from generator.glue.edition_run import EditionRun
from generator.site.pages import page_context
from generator.site.site_files import page_sources


def search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def give_search_words(
    config: MkDocsConfig,
    convert: ScriptConverter,
    source_base: FactBase,
    report: Report,
    site_name: str,
    cache_dir: Path,
) -> None:
    """Point a converted edition's search at a dictionary of the report's words in its script.

    `source_base`, `report` and `site_name` are the report as written (Simplified).
    """
    search = search_plugin(config)
    if not convert.converts or search is None or not search.config.get("enabled", True):
        return
    handed = handed_words()
    words = (
        handed
        if handed is not None
        else words_in(_source_texts(config, source_base, report, site_name))
    )
    search.config["jieba_dict_user"] = str(user_dictionary(words, convert, cache_dir))


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


def indexed_source_words(config: MkDocsConfig, run: EditionRun, dirty: bool) -> set[str] | None:
    """The words search cut this edition into, when it is in the source script: the other
    editions' search dictionaries are made of them (cutting the text again takes longer)."""
    index = getattr(search_plugin(config), "search_index", None)
    entries = getattr(index, "entries", None)
    # A dirty build indexes only the pages it rebuilt: their words are not all the report's.
    if dirty or run.convert.converts or not isinstance(entries, list) or not entries:
        return None
    return indexed_words(entries)
