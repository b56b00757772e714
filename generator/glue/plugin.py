"""MkDocs glue: each MkDocs event handed to the module that does that part of the work.

The plugin keeps two things between events: the options of the build (command, preview address)
and the `EditionRun` of the edition being built, made anew at each `on_config`. Each hook says
why it runs where it does; what it does lives in the modules it calls.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.editions.convert import convert_fact_base, converter_for
from generator.editions.markdown_convert import convert_markdown
from generator.editions.search_dict import handing_on
from generator.facts.history import read_history
from generator.facts.load import cached_fact_base, last_good_fact_base, load_report
from generator.facts.messages import say
from generator.facts.model import REPORT_FILE, Report
from generator.facts.problems import DataError
from generator.facts.revisions import build_time
from generator.glue.chart_pages import with_tools, write_embeds
from generator.glue.config import THEME_DIR, ReportConfig, editions_of
from generator.glue.edition_builds import build_edition, edition_being_built
from generator.glue.edition_run import Command, EditionRun, stop_or_show
from generator.glue.edition_settings import configure_edition
from generator.glue.engine_warnings import hint_link_warnings
from generator.glue.finished_html import finished_page, finished_template
from generator.glue.page_dates import date_pages, without_usual_fact_days
from generator.glue.page_head import fill_page_context
from generator.glue.page_tree import PageTree
from generator.glue.report_nav import fill_nav, titled_from_report
from generator.glue.search_words import (
    cut_search_entries,
    indexed_source_words,
    search_segmenter,
)
from generator.glue.share_card_files import write_cards
from generator.glue.shared_assets import drop_theme_assets, share_root_assets
from generator.site.chart_embed import holds_chart
from generator.site.feed import atom_feed
from generator.site.pages import changes as changes_page
from generator.site.pages import page_context
from generator.site.preview_problems import empty_fact_base
from generator.site.prose_refs import check_references, expand_references, hand_written_pages
from generator.site.publication import Licence, Publication
from generator.site.share_cards import find_fonts
from generator.site.site_files import FEED_URI, generated_files, report_names

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
_told: set[str] = set()


def _tell_once(message: str) -> None:
    """An INFO line once per process (warnings would fail `--strict` builds and previews)."""
    if message not in _told:
        _told.add(message)
        log.info(message)


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled Jinja templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _MemoryBytecodeCache()


class ReportPlugin(BasePlugin[ReportConfig]):
    """Loads the facts, renders the pages of one edition and builds the other editions."""

    def __init__(self) -> None:
        self.command: Command = "build"
        self.dirty = False  # only changed pages are rebuilt (and indexed)
        self.serve_url: str | None = None  # known once the preview's server has started
        self._run: EditionRun | None = None
        # The last report.yml that loaded: a preview keeps its words while the file is broken.
        self.last_good_report = Report()

    @property
    def run(self) -> EditionRun:
        """The edition being built (every hook after on_config has one)."""
        assert self._run is not None, "on_config makes the edition's run first"
        return self._run

    def on_startup(self, *, command: Command, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    # Runs before every other plugin's on_config: the search plugin must find the edition's
    # settings (configure_edition), and bad data must stop the build before MkDocs cleans the
    # site directory.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        editions = editions_of(self.config)
        wanted = edition_being_built()
        edition = next((e for e in editions if e.lang == wanted), editions[0])
        data_dir, shown = Path(self.config.data_dir), _shown(self.config.data_dir, config)
        cache_dir = Path(self.config.cache_dir)
        problems: list[str] = []
        try:
            source_base = cached_fact_base(data_dir, shown)
            self.last_good_report = load_report(data_dir, source_base, shown, report_names())
        except DataError as error:
            problems = self._stop_or_show(error, config)
            source_base = last_good_fact_base(data_dir, shown) or empty_fact_base()
        convert = converter_for(source_base, edition.opencc, edition.lang)
        docs = sorted(Path(config.docs_dir).rglob("*.md"))
        history = read_history(data_dir, cache_dir, docs)
        if history.missing:
            _tell_once(missing_history_line(history.missing))
        fonts = find_fonts(edition.lang)
        if fonts is None:
            _tell_once(say("cards-no-font"))
        built = build_time(Path(config.config_file_path).parent)
        if not problems:
            found = check_references(Path(config.docs_dir), source_base, self.last_good_report)
            if found:
                problems = self._stop_or_show(DataError(found), config)
        fill_nav(config, self.last_good_report, f"{shown}/{REPORT_FILE}")
        simplified_name = config.site_name
        configure_edition(config, edition, editions, convert)
        search_cut = search_segmenter(
            config, convert, source_base, self.last_good_report, simplified_name
        )
        ctx = page_context(
            convert_fact_base(source_base, convert),
            convert,
            edition.lang,
            history=history,
            publication=self._publication(config, edition.lang, built),
            hand_written=hand_written_pages(Path(config.docs_dir)),
            report=convert_fact_base(self.last_good_report, convert),
            source_figures={figure.id: figure for figure in source_base.figures},
        )
        self._run = EditionRun(
            edition=edition,
            editions=editions,
            command=self.command,
            source_base=source_base,
            convert=convert,
            ctx=ctx,
            other_converters={
                e.lang: converter_for(source_base, e.opencc, e.lang) for e in editions
            },
            history=history,
            built=built,
            docs_dir=Path(config.docs_dir),
            has_fonts=fonts is not None,
            problems=problems,
            search_cut=search_cut,
        )
        config.theme.dirs.insert(0, str(THEME_DIR))
        config.extra_css.append("assets/stylesheets/report.css")
        if not any(isinstance(e, PageTree) for e in config.markdown_extensions):
            config.markdown_extensions.append(PageTree())  # type: ignore[arg-type]
        return config

    def _stop_or_show(self, error: DataError, config: MkDocsConfig) -> list[str]:
        """Stop the build; while previewing, keep going and show the problems on every page."""
        problems = stop_or_show(error, self.command, nested=edition_being_built() is not None)
        # Links into facts the broken data lacks would be warnings, and strict mode would then
        # fail this build: the preview would hang instead of showing the problems.
        config["strict"] = False
        return problems

    def _publication(self, config: MkDocsConfig, lang: str, built: datetime | None) -> Publication:
        """This edition as a work to cite, from mkdocs.yml as already converted."""
        licence = self.config.data_licence
        return Publication(
            key=self.config.citation_key,
            title=config.site_name,
            author=config.site_author or config.site_name,
            url=config.site_url,
            issued=built.date() if built is not None else None,
            lang=lang,
            data_licence=Licence(licence.name, licence.url),
        )

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        self.serve_url = config.site_url or "/"
        return server

    # Generated pages and assets are added here so that MkDocs puts them in the nav, the
    # search index and the sitemap like hand-written pages; hand-written pages are converted
    # here (not in on_page_markdown) so that front-matter titles are converted too.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        run = self.run
        for uri, content in generated_files(run.ctx):
            file = File.generated(config, uri, content=content)
            if files.get_file_from_path(file.src_uri):
                files.remove(files.get_file_from_path(file.src_uri))  # type: ignore[arg-type]
            files.append(file)
        if run.edition.path:
            drop_theme_assets(files)
        files.append(File.generated(config, FEED_URI, content=self._feed(config, files)))
        pages = sorted(file.src_uri for file in files.documentation_pages())
        hint_link_warnings(Path(config.docs_dir), pages)
        for file in files.documentation_pages():
            if file.abs_src_path and not file.generated_by:
                source = Path(file.abs_src_path).read_text(encoding="utf-8")
                # The source edition only drops the marks of examples of conversion (-{…}-).
                if run.convert.converts or "-{" in source:
                    file.content_string = convert_markdown(source, run.convert)
        return files

    def _feed(self, config: MkDocsConfig, files: Files) -> str:
        run = self.run
        site_url = config.site_url or ""
        changes = files.get_file_from_path(changes_page.PAGE.uri)
        return atom_feed(
            run.history,
            ui=run.convert,
            lang=run.edition.lang,
            site_name=config.site_name,
            changes_url=site_url + (changes.url if changes else ""),
            feed_url=site_url + FEED_URI,
            names=run.ctx.names,
            built=run.built,
            codes=run.ctx.declared_words,
        )

    # The editions of one build render the same templates: compile them once per process.
    # A non-root edition's asset URLs lead to the root edition's single copy.
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = TEMPLATE_CACHE
        if self.run.edition.path:
            share_root_assets(env, self.run.edition.path)
        return env

    # Also where each page's update date is set (see page_dates): the sitemap is written before
    # any page.
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        for item in _walk_nav(nav.items):
            if item.title:
                item.title = self.run.convert(item.title)
        titled_from_report(nav, self.run.ctx.report)
        date_pages(files, config, self.run)
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        try:
            return expand_references(markdown, self.run.ctx, page.file.src_uri)
        except DataError as error:
            if self.run.problems:  # the page refers to facts the broken data did not deliver
                return markdown
            raise PluginError("\n" + error.report()) from None

    # Once the page is HTML, before its template and before search indexes it (tables and
    # headings were finished on the tree, by page_tree): the fact dates most of the page shares
    # leave, a page that holds a chart loads plotly.js, and each chart gets its tools.
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = without_usual_fact_days(html, page, self.run)
        if holds_chart(html):
            page.meta["charts"] = True
        return with_tools(html, page, config, self.run)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        fill_page_context(context, page, config, self.run)
        return context

    # Last, so the policy hashes the page's final inline scripts (see finished_html).
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        shown_docs = _shown(config.docs_dir, config)
        nested = edition_being_built() is not None
        return finished_page(output, page, config, self.run, shown_docs, nested)

    # The 404 page is a theme template, not a page, so on_post_page never sees it.
    @event_priority(-100)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return finished_template(output_content, template_name, self.run)

    # Before search's on_post_build writes the index: its entries are cut into words here.
    # The root edition builds the others last, into its own site_dir, so `mkdocs build` and
    # `mkdocs serve` always produce every edition together.
    @event_priority(50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        run = self.run
        cut_search_entries(config, run.search_cut)
        write_embeds(config, run)
        write_cards(run, Path(self.config.cache_dir), Path(config.site_dir))
        if edition_being_built() is not None or not run.root:
            return
        with handing_on(indexed_source_words(config, run, self.dirty)):
            for other in run.editions[1:]:
                build_edition(
                    str(config.config_file_path),
                    other,
                    Path(config.site_dir) / other.path,
                    self.command,
                    self.serve_url,
                )


def missing_history_line(missing: str) -> str:
    """The INFO line for a build without history, naming why (History.missing) and the fix."""
    reasons = {
        "no-git": say("history-no-git"),
        "shallow": say("history-shallow"),
        "no-commits": say("history-no-commits"),
    }
    return say("history-missing", why=reasons.get(missing, missing))


def _walk_nav(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk_nav(item.children)


def _shown(data_dir: str, config: MkDocsConfig) -> str:
    """The data folder as messages show it: relative to the project when possible."""
    root = Path(config.config_file_path).parent
    try:
        return str(Path(data_dir).resolve().relative_to(root.resolve()))
    except ValueError:
        return data_dir
