"""One edition's build as one object: what was loaded, converted and found for it.

The plugin makes a new `EditionRun` at each `on_config` (each edition, each rebuild of a
preview), so nothing of one build or edition leaks into the next; what the later hooks add to it
(share cards, chart embeds, problems) starts empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator.editions.convert import ScriptConverter, to_simplified
from generator.editions.edition import Edition
from generator.editions.search_dict import WordCutter
from generator.facts.history import History, Revision
from generator.facts.model import FactBase
from generator.facts.problems import DataError
from generator.site.chart_share import ChartOnPage
from generator.site.context import PageContext
from generator.site.freshness import page_revision
from generator.site.pages import generated_pages
from generator.site.preview_problems import tell_terminal
from generator.site.prose_refs import REFERENCE
from generator.site.share_cards import Card

Command = Literal["build", "gh-deploy", "serve"]


@dataclass
class EditionRun:
    """One edition being built: its facts, words, page context, history and what pages add."""

    edition: Edition
    editions: list[Edition]
    command: Command
    source_base: FactBase  # the facts as written (Simplified)
    convert: ScriptConverter
    ctx: PageContext  # the edition's facts and words, for every renderer
    other_converters: dict[str, ScriptConverter]
    history: History
    built: datetime | None  # the build's time; None: unknown (outside git)
    docs_dir: Path
    has_fonts: bool  # the edition's Noto Sans CJK face is installed: pages get share cards
    problems: list[str] = field(default_factory=list)  # shown in the preview, not stopping it
    cards: dict[str, Card] = field(default_factory=dict)  # share card file -> card
    embeds: dict[str, tuple[ChartOnPage, str]] = field(default_factory=dict)  # id -> chart, page
    search_cut: WordCutter | None = None  # cuts search's entries into words; None: search is off

    @property
    def base(self) -> FactBase:
        """The facts in the edition's script."""
        return self.ctx.base

    @property
    def root(self) -> bool:
        """True for the root edition, whose build builds the others."""
        return self.edition is self.editions[0]

    def source_of(self, text: str) -> str | None:
        """The Simplified source of a converted text (folded back by character when unknown)."""
        if not self.convert.converts:
            return text
        return self.convert.sources_of.get(text) or to_simplified(text)

    def page_revision(self, file: File) -> Revision | None:
        """When a page last changed: its records' changes, or its own file's and references'."""
        uri = file.src_uri
        if file.generated_by:
            generated = next((page for page in generated_pages() if page.uri == uri), None)
            shown = [key for key, on in self.ctx.pages_of_ids.items() if on == uri]
            # A page that shows no kind of record is about the whole fact base.
            about_all = generated is None or not generated.shows
            return page_revision(self.history, None if about_all else shown, None)
        # Converted pages no longer name their source file: it is the one in docs_dir.
        path = self.docs_dir / uri
        names = [m.group(1) for m in REFERENCE.finditer(path.read_text(encoding="utf-8"))]
        ids = None if any(n.startswith("@") for n in names) else names
        return page_revision(self.history, ids, str(path))


def stop_or_show(error: DataError, command: Command, nested: bool) -> list[str]:
    """Stop the build (PluginError); while previewing, the problems to show on every page.

    Only the root build of a preview prints them in the terminal (`nested` is False there).
    """
    if command != "serve":
        raise PluginError("\n" + error.report()) from None
    problems = [str(problem) for problem in error.problems]
    if not nested:
        tell_terminal(problems)
    return problems
