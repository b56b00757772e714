"""MkDocs glue: turns MkDocs events into calls on the report's own modules.

Each event method says why it runs where it does; the real work lives in load, convert, pages,
charts and editions.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.editions.convert import (
    ScriptConverter,
    convert_fact_base,
    converter_for,
    to_simplified,
)
from generator.editions.edition import Edition
from generator.editions.markdown_convert import convert_markdown
from generator.editions.search_dict import (
    handed_words,
    handing_on,
    indexed_words,
    user_dictionary,
    words_in,
)
from generator.facts.history import History, Revision, read_history
from generator.facts.load import cached_fact_base, last_good_fact_base, load_report
from generator.facts.messages import say
from generator.facts.model import FactBase, Report
from generator.facts.problems import DataError
from generator.facts.revisions import build_time
from generator.glue.config import THEME_DIR, ReportConfig, editions_of
from generator.glue.edition_builds import build_edition, edition_being_built, link_between
from generator.glue.shared_assets import drop_theme_assets, share_root_assets
from generator.site.chart_embed import holds_chart, plotly_words
from generator.site.chart_share import (
    ChartOnPage,
    EmbedPage,
    charts_in,
    embed_page,
    embed_uri,
    export_words_json,
    site_address,
    source_line,
    tool_words,
    with_chart_tools,
)
from generator.site.context import PageContext
from generator.site.feed import atom_feed
from generator.site.freshness import day_words, page_revision, page_stamp, quiet_usual_days
from generator.site.heading_links import keep_permalink_with_heading
from generator.site.linked_data import page_linked_data
from generator.site.metadata import head_tags, report_json_ld
from generator.site.pages import changes as changes_page
from generator.site.pages import generated_pages, page_context
from generator.site.preview_problems import (
    empty_fact_base,
    problems_panel,
    tell_terminal,
    with_panel,
)
from generator.site.prose_refs import (
    REFERENCE,
    check_references,
    expand_references,
    hand_written_pages,
)
from generator.site.publication import Licence, Publication
from generator.site.share_cards import Card, CardCache, CardFonts, find_fonts
from generator.site.site_files import FEED_URI, generated_files, page_sources, report_names
from generator.site.slugs import anchor_map
from generator.site.table_cards import card_ready_tables
from generator.site.theme_words import UI_TEXT
from generator.site.web_safety import add_content_security_policy, inline_scripts

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
        self.editions: list[Edition] = []
        self.edition: Edition | None = None
        self.source_base: FactBase | None = None
        self.source_report = Report()  # the last good report.yml, kept while previewing
        self.base: FactBase | None = None
        self.convert: ScriptConverter | None = None
        self.other_converters: dict[str, ScriptConverter] = {}
        self.ctx: PageContext | None = None
        self.serve_url: str | None = None
        self.command: Literal["build", "gh-deploy", "serve"] = "build"
        self.dirty = False  # only changed pages are rebuilt (and indexed)
        self.problems: list[str] = []  # shown in the preview instead of stopping it
        self.history = History()
        self.built: datetime | None = None  # the build's date; None: unknown (outside git)
        self.docs_dir = "docs"
        self.fonts: CardFonts | None = None
        self.cards: dict[str, Card] = {}
        self.embeds: dict[str, tuple[ChartOnPage, str]] = {}  # chart id -> chart, its page URL

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    # Runs before every other plugin's on_config: the search plugin must find our jieba
    # dictionary, and bad data must stop the build before MkDocs cleans the site directory.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.editions = editions_of(self.config)
        wanted = edition_being_built()
        self.edition = next((e for e in self.editions if e.lang == wanted), self.editions[0])
        data_dir, shown = Path(self.config.data_dir), _shown(self.config.data_dir, config)
        self.problems = []
        self.embeds = {}
        try:
            self.source_base = cached_fact_base(data_dir, shown)
            self.source_report = load_report(data_dir, self.source_base, shown, report_names())
        except DataError as error:
            self._stop_or_show(error, config)
            self.source_base = last_good_fact_base(data_dir, shown) or empty_fact_base()
        self.convert = converter_for(self.source_base, self.edition.opencc, self.edition.lang)
        self.base = convert_fact_base(self.source_base, self.convert)
        report = convert_fact_base(self.source_report, self.convert)
        self._read_history(config)
        self.built = build_time(Path(config.config_file_path).parent)
        hand_written = hand_written_pages(Path(config.docs_dir))
        self.other_converters = {
            e.lang: converter_for(self.source_base, e.opencc, e.lang) for e in self.editions
        }
        if not self.problems:
            problems = check_references(Path(config.docs_dir), self.source_base)
            if problems:
                self._stop_or_show(DataError(problems), config)
        self._configure_edition(config)
        self.ctx = page_context(
            self.base,
            self.convert,
            self.edition.lang,
            history=self.history,
            publication=self._publication(config),
            hand_written=hand_written,
            report=report,
            source_figures={figure.id: figure for figure in self.source_base.figures},
        )
        config.theme.dirs.insert(0, str(THEME_DIR))
        config.extra_css.append("assets/stylesheets/report.css")
        return config

    def _stop_or_show(self, error: DataError, config: MkDocsConfig) -> None:
        """Stop the build; while previewing, keep going and show the problems on every page."""
        if self.command != "serve":
            raise PluginError("\n" + error.report()) from None
        self.problems = [str(problem) for problem in error.problems]
        # Links into facts the broken data lacks would be warnings, and strict mode would then
        # fail this build: the preview would hang instead of showing the problems.
        config["strict"] = False
        if edition_being_built() is None:
            tell_terminal(self.problems)

    def _read_history(self, config: MkDocsConfig) -> None:
        assert self.edition is not None
        self.docs_dir = config.docs_dir
        docs = sorted(Path(config.docs_dir).rglob("*.md"))
        self.history = read_history(Path(self.config.data_dir), Path(self.config.cache_dir), docs)
        if self.history.missing:
            _tell_once(missing_history_line(self.history.missing))
        self.fonts = find_fonts(self.edition.lang)
        if self.fonts is None:
            _tell_once(say("cards-no-font"))
        self.cards = {}

    def _configure_edition(self, config: MkDocsConfig) -> None:
        assert self.edition is not None and self.convert is not None
        config.theme["language"] = self.edition.lang
        config.extra["report_ui"] = {
            **{key: self.convert(text) for key, text in UI_TEXT.items()},
            "plotly_words": plotly_words(self.convert),
            "chart_export": export_words_json(tool_words(self.convert)),
        }
        toc = config.mdx_configs.get("toc")
        if isinstance(toc, dict) and toc.get("permalink"):
            toc["permalink_title"] = self.convert(
                toc.get("permalink_title") or UI_TEXT["permalink"]
            )
        simplified_name = config.site_name
        config.site_name = self.convert(config.site_name)
        # Material prints the palette toggles' names as written in mkdocs.yml.
        for scheme in config.theme.get("palette") or []:
            toggle = scheme.get("toggle") if isinstance(scheme, dict) else None
            if toggle and toggle.get("name"):
                toggle["name"] = self.convert(toggle["name"])
        for name in ("site_description", "site_author", "copyright"):
            if config[name]:
                config[name] = self.convert(config[name])
        root_url = (config.site_url or "").rstrip("/")
        # Search engines want absolute alternates: in <head> and in each edition's sitemap.
        config.extra["edition_roots"] = [
            {"lang": e.lang, "url": f"{root_url}/{e.path + '/' if e.path else ''}"}
            for e in self.editions
            if root_url
        ]
        if self.edition.path:
            config.site_url = f"{root_url}/{self.edition.path}/" if root_url else None
        search = _search_plugin(config)
        if self.convert.converts and search is not None and search.config.get("enabled", True):
            handed = handed_words()
            words = (
                handed
                if handed is not None
                else words_in(self._source_texts(config, simplified_name))
            )
            dictionary = user_dictionary(words, self.convert, Path(self.config.cache_dir))
            search.config["jieba_dict_user"] = str(dictionary)

    def _publication(self, config: MkDocsConfig) -> Publication:
        """This edition as a work to cite, from mkdocs.yml as already converted."""
        assert self.edition is not None
        licence = self.config.data_licence
        return Publication(
            key=self.config.citation_key,
            title=config.site_name,
            author=config.site_author or config.site_name,
            url=config.site_url,
            issued=self.built.date() if self.built is not None else None,
            lang=self.edition.lang,
            data_licence=Licence(licence.name, licence.url),
        )

    def _source_texts(self, config: MkDocsConfig, site_name: str) -> Iterator[str]:
        """All Simplified text of the report: generated pages, hand-written pages, site name."""
        assert self.source_base is not None
        source_ctx = page_context(
            self.source_base,
            ScriptConverter(None, "zh-Hans"),
            "zh-Hans",
            report=self.source_report,
        )
        yield site_name
        for _, markdown in page_sources(source_ctx):
            yield markdown
        for page in sorted(Path(config.docs_dir).rglob("*.md")):
            yield page.read_text(encoding="utf-8")

    @property
    def _source_of(self) -> Callable[[str], str | None]:
        """The Simplified source of a converted text (folded back by character when unknown)."""
        assert self.convert is not None
        convert = self.convert
        if not convert.converts:
            return lambda text: text
        return lambda text: convert.sources_of.get(text) or to_simplified(text)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        self.serve_url = config.site_url or "/"
        return server

    # Generated pages and assets are added here so that MkDocs puts them in the nav, the
    # search index and the sitemap like hand-written pages; hand-written pages are converted
    # here (not in on_page_markdown) so that front-matter titles are converted too.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.ctx is not None and self.convert is not None
        for uri, content in generated_files(self.ctx):
            file = File.generated(config, uri, content=content)
            if files.get_file_from_path(file.src_uri):
                files.remove(files.get_file_from_path(file.src_uri))  # type: ignore[arg-type]
            files.append(file)
        if self.edition is not None and self.edition.path:
            drop_theme_assets(files)
        files.append(File.generated(config, FEED_URI, content=self._feed(config, files)))
        for file in files.documentation_pages():
            if file.abs_src_path and not file.generated_by:
                source = Path(file.abs_src_path).read_text(encoding="utf-8")
                # The source edition only drops the marks of examples of conversion (-{…}-).
                if self.convert.converts or "-{" in source:
                    file.content_string = convert_markdown(source, self.convert)
        return files

    def _feed(self, config: MkDocsConfig, files: Files) -> str:
        assert self.edition is not None and self.convert is not None
        site_url = config.site_url or ""
        changes = files.get_file_from_path(changes_page.PAGE.uri)
        return atom_feed(
            self.history,
            ui=self.convert,
            lang=self.edition.lang,
            site_name=config.site_name,
            changes_url=site_url + (changes.url if changes else ""),
            feed_url=site_url + FEED_URI,
            names=self.ctx.names if self.ctx else {},
            built=self.built,
        )

    # The editions of one build render the same templates: compile them once per process.
    # A non-root edition's asset URLs lead to the root edition's single copy.
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = TEMPLATE_CACHE
        if self.edition is not None and self.edition.path:
            share_root_assets(env, self.edition.path)
        return env

    # Also where each page's update date is set: the sitemap is written before any page, and
    # its <lastmod> should be the day the page last changed, else the build's day; when neither
    # is known (outside git) the page is listed in `undated_pages` and has no <lastmod>, instead
    # of the day MkDocs would take from the clock.
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.convert is not None
        for item in _walk_nav(nav.items):
            if item.title:
                item.title = self.convert(item.title)
        build_day = self.built.date().isoformat() if self.built is not None else None
        undated = []
        for file in files.documentation_pages():
            if file.page is None:
                continue
            updated = self._page_revision(file)
            day = updated.day if updated is not None else build_day
            if day is None:
                undated.append(file.src_uri)
            else:
                file.page.update_date = day
        config.extra["undated_pages"] = undated
        return nav

    # Once the page is HTML, before its template and before search indexes it: the fact dates
    # most of the page shares leave (known only once the page is whole: prose places facts of
    # any page), wide tables get their column names for the phone's cards, each heading's ¶ is
    # tied to its last character, and any page that holds a chart (a chart block expanded
    # above) gets the script that loads plotly.js. Each chart gets its export details and embed
    # box, and is remembered for its embed page (written after the build).
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.base is not None and self.convert is not None
        updated = self._page_revision(page.file)
        page_day = updated.day if updated is not None else None
        html, page.meta["usual_fact_day"] = quiet_usual_days(html, page_day)
        html = keep_permalink_with_heading(card_ready_tables(html))
        if holds_chart(html):
            page.meta["charts"] = True
        charts = charts_in(html)
        if not charts:
            return html
        for chart in charts:
            self.embeds.setdefault(chart.chart_id, (chart, page.url))
        depth = page.url.count("/")
        site_url = config.site_url

        def embed_src(chart_id: str) -> str:
            return (site_url or "../" * depth) + embed_uri(chart_id)

        return with_chart_tools(
            html,
            embed_src=embed_src,
            source=source_line(self.base, self.convert, config.site_name),
            site=site_address(site_url),
            words=tool_words(self.convert),
        )

    def _write_embeds(self, config: MkDocsConfig) -> None:
        """One page per chart under embed/: the chart, its title, source line and a link back."""
        assert self.edition is not None and self.base is not None and self.convert is not None
        up = "../" * (1 + len([part for part in self.edition.path.split("/") if part]))
        ui = self.convert
        for chart_id, (chart, page_url) in sorted(self.embeds.items()):
            back = f"{config.site_url or '../'}{page_url}#chart-{chart_id}"
            document = embed_page(
                chart,
                EmbedPage(
                    lang=self.edition.lang,
                    site_name=config.site_name,
                    source=source_line(self.base, ui, config.site_name),
                    site=site_address(config.site_url),
                    back_href=back,
                    back_words=f"{ui('查看完整图表、数据与出处')}：{config.site_name}",
                    assets=up + "assets/",
                    icon=up + str(config.theme.get("favicon") or "assets/images/favicon.png"),
                    plotly_words=plotly_words(ui),
                    export_words=export_words_json(tool_words(ui)),
                ),
            )
            if self.command != "serve":
                document = add_content_security_policy(document)
            target = Path(config.site_dir) / embed_uri(chart_id)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(document, encoding="utf-8")

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.ctx is not None
        try:
            return expand_references(markdown, self.ctx, page.file.src_uri)
        except DataError as error:
            if self.problems:  # the page refers to facts the broken data did not deliver
                return markdown
            raise PluginError("\n" + error.report()) from None

    # Per page, because the selector and hreflang links point at the same page in each edition,
    # and the sharing metadata describes this page. The selector stays page-relative (the site
    # works from disk and under a sub-path); the hreflang links in <head> are absolute.
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        assert self.edition is not None and self.base is not None and self.convert is not None
        config.extra["alternate"] = [
            {
                "name": self.convert(other.name),
                "lang": other.lang,
                "relative": link_between(self.edition, page.url, other),
                "anchors": json.dumps(
                    anchor_map(page.toc, self._source_of, self.other_converters[other.lang]),
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            }
            for other in self.editions
        ]
        roots = config.extra["edition_roots"]
        hreflang = [{"lang": root["lang"], "href": root["url"] + page.url} for root in roots]
        if roots:  # readers whose language is neither edition's get the first edition
            hreflang.append({"lang": "x-default", "href": roots[0]["url"] + page.url})
        config.extra["hreflang"] = hreflang
        title = str(page.meta.get("title") or page.title or config.site_name)
        description = str(page.meta.get("description") or config.site_description or "")
        url = page.canonical_url
        json_ld = (
            report_json_ld(self.base, url or page.url, self.edition.lang, title, description)
            if page.is_homepage
            else None
        )
        updated = self._page_revision(page.file)
        image = self._share_card(page, config, title, description, updated)
        context["report_head"] = head_tags(  # type: ignore[typeddict-unknown-key]
            title=title,
            description=description,
            site_name=config.site_name,
            url=url,
            lang=self.edition.lang,
            json_ld=json_ld,
            image=image,
            image_alt=f"{title} - {config.site_name}",
            linked=page_linked_data(self.ctx, page.file.src_uri, url, self.docs_dir),
        )
        usual_day = page.meta.get("usual_fact_day")
        context["report_updated"] = page_stamp(updated, self.convert, usual_day)  # type: ignore[typeddict-unknown-key]
        return context

    def _page_revision(self, file: File) -> Revision | None:
        """When a page last changed: its records' changes, or its own file's and references'."""
        assert self.ctx is not None
        uri = file.src_uri
        if file.generated_by:
            generated = next((page for page in generated_pages() if page.uri == uri), None)
            shown = [key for key, on in self.ctx.pages_of_ids.items() if on == uri]
            # A page that shows no kind of record is about the whole fact base.
            about_all = generated is None or not generated.shows
            return page_revision(self.history, None if about_all else shown, None)
        # Converted pages no longer name their source file: it is the one in docs_dir.
        path = Path(self.docs_dir) / uri
        names = [m.group(1) for m in REFERENCE.finditer(path.read_text(encoding="utf-8"))]
        ids = None if any(n.startswith("@") for n in names) else names
        return page_revision(self.history, ids, str(path))

    def _share_card(
        self,
        page: Page,
        config: MkDocsConfig,
        title: str,
        description: str,
        updated: Revision | None,
    ) -> str | None:
        """Absolute URL of the page's card (drawn after the build), or None without one."""
        assert self.edition is not None and self.convert is not None
        if self.fonts is None or not config.site_url:
            return None
        uri = "share/" + page.file.dest_uri.removesuffix(".html").replace("/", "-") + ".png"
        ui = self.convert
        self.cards[uri] = Card(
            lang=self.edition.lang,
            kicker="" if page.is_homepage else config.site_name,
            title=config.site_name if page.is_homepage else title,
            description=description,
            footer=f"{self.edition.name} · {_host(config.site_url)}",
            updated=ui("更新于") + ui(day_words(updated)) if updated else "",
        )
        return config.site_url + uri

    # Last, so the policy hashes the page's final inline scripts. Not under `mkdocs serve`,
    # whose live-reload script is injected into each response after the build.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # An inline script in the page's own content is refused, never hashed: only the theme's
        # scripts run. The root edition says so (as a warning, so that a strict build stops);
        # the preview shows it on its pages.
        refused = inline_scripts(page.content or "")
        if refused and edition_being_built() is None:
            message = say("inline-script-refused", page=_where_script(page, config))
            if self.command == "serve":
                self.problems.append(message)
            else:
                log.warning(message)
        if self.command == "serve":
            return self._shown_in_preview(output)
        return add_content_security_policy(output, refused)

    # The 404 page is a theme template, not a page, so on_post_page never sees it.
    @event_priority(-100)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        if self.command == "serve":
            return self._shown_in_preview(output_content)
        return add_content_security_policy(output_content)

    def _shown_in_preview(self, page_html: str) -> str:
        assert self.convert is not None
        if not self.problems:
            return page_html
        return with_panel(page_html, problems_panel(self.problems, self.convert))

    # The root edition builds the others last, into its own site_dir, so `mkdocs build` and
    # `mkdocs serve` always produce every edition together.
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._write_embeds(config)
        if self.fonts is not None:
            cache = CardCache(Path(self.config.cache_dir))
            cache.write_all(self.cards, self.fonts, Path(config.site_dir))
        if edition_being_built() is not None or self.edition is not self.editions[0]:
            return
        with handing_on(self._indexed_source_words(config)):
            for other in self.editions[1:]:
                build_edition(
                    str(config.config_file_path),
                    other,
                    Path(config.site_dir) / other.path,
                    self.command,
                    self.serve_url,
                )

    def _indexed_source_words(self, config: MkDocsConfig) -> set[str] | None:
        """The words search cut this edition into, when it is in the source script: the other
        editions' search dictionaries are made of them (cutting the text again takes longer)."""
        assert self.convert is not None
        search = _search_plugin(config)
        index = getattr(search, "search_index", None)
        entries = getattr(index, "entries", None)
        # A dirty build indexes only the pages it rebuilt: their words are not all the report's.
        if self.dirty or self.convert.converts or not isinstance(entries, list) or not entries:
            return None
        return indexed_words(entries)


def missing_history_line(missing: str) -> str:
    """The INFO line for a build without history, naming why (History.missing) and the fix."""
    reasons = {
        "no-git": say("history-no-git"),
        "shallow": say("history-shallow"),
        "no-commits": say("history-no-commits"),
    }
    return say("history-missing", why=reasons.get(missing, missing))


def _where_script(page: Page, config: MkDocsConfig) -> str:
    """`docs/page.md:LINE` of the first <script in a hand-written page, else the page's path."""
    shown = (Path(_shown(config.docs_dir, config)) / page.file.src_uri).as_posix()
    source = Path(page.file.abs_src_path or "")
    if not page.file.generated_by and source.is_file():
        lines = source.read_text(encoding="utf-8").splitlines()
        found = next((n for n, line in enumerate(lines, 1) if "<script" in line.lower()), None)
        if found is not None:
            return f"{shown}:{found}"
    return shown


def _search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def _walk_nav(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk_nav(item.children)


def _host(site_url: str) -> str:
    """The site address as a card prints it: host and path, no scheme."""
    return site_url.split("://", 1)[-1].rstrip("/")


def _shown(data_dir: str, config: MkDocsConfig) -> str:
    """The data folder as messages show it: relative to the project when possible."""
    root = Path(config.config_file_path).parent
    try:
        return str(Path(data_dir).resolve().relative_to(root.resolve()))
    except ValueError:
        return data_dir
