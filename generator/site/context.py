"""What every page renderer gets: the edition's model, UI text, and where each record lives."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from generator.facts.categories import (
    BROUGHT_OUT,
    GROUPS,
    RELEASED,
    Category,
    launch_verb,
    merged,
)
from generator.facts.dates import parse_date
from generator.facts.export import Export, export_of
from generator.facts.fields import records
from generator.facts.history import History
from generator.facts.kinds import KIND_OF_MODEL
from generator.facts.model import (
    Cited,
    FactBase,
    Figure,
    Identified,
    Note,
    Product,
    Report,
    Source,
)
from generator.site.freshness import fact_correction, fact_updated
from generator.site.labels import FIGURE_SOURCE_WORDS, NOTE_KIND_WORDS
from generator.site.publication import Publication
from generator.site.render import (
    SourceAddress,
    citation_links,
    cite_label,
    figure_value,
    md_text,
)


def _display_name(record: object) -> str:
    for field_name in ("name", "title", "label", "theme", "measure"):
        value = getattr(record, field_name, None)
        if value:
            return str(value)
    text = str(
        getattr(record, "text", None)
        or getattr(record, "claim", None)
        or getattr(record, "summary", "")
    )
    return text if len(text) <= 28 else text[:27] + "…"


def _day_of(edtf: str | None) -> str | None:
    """The day an EDTF date names, when it names exactly one (Robust Links wants a day)."""
    if not edtf:
        return None
    dates = parse_date(edtf)
    return dates.earliest.isoformat() if dates.earliest and dates.earliest == dates.latest else None


@dataclass
class PageContext:
    """The edition's fact model plus helpers shared by all page renderers."""

    base: FactBase
    ui: Callable[[str], str]
    lang: str
    pages_of_ids: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    charts: list[str] = field(default_factory=list)
    publication: Publication | None = None
    history: History = field(default_factory=History)
    # Kind of record -> the hand-written page (docs/) that lists it through a block, and the
    # generated page that shows it (`pages.page_context` fills it from the generated pages).
    hand_written: dict[str, str] = field(default_factory=dict)
    generated: dict[str, str] = field(default_factory=dict)
    page_of_kind: dict[str, str] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    by_id: dict[str, Identified] = field(default_factory=dict)
    # Each figure as the source edition holds it (its scale word and unit as the source writes).
    source_figures: dict[str, Figure] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.page_of_kind = {**self.hand_written, **self.generated}
        for _, record in records(self.base):
            if not isinstance(record, Identified):
                continue
            self.by_id[record.id] = record
            kind = KIND_OF_MODEL.get(type(record))
            page = self.page_of_kind.get(kind.name) if kind else None
            if page is not None:
                self.pages_of_ids[record.id] = page
                self.names[record.id] = _display_name(record)

    @cached_property
    def export(self) -> Export:
        """The edition's downloads: made once, listed by the data page, offered and zipped."""
        # A selector's `exact` is the quote as this edition prints it: a Traditional edition's
        # downloads hold no Simplified text (the Simplified edition's give the source's own).
        return export_of(self.base, self.ui, conversion_tables=not self.converted)

    @property
    def as_of(self) -> date:
        """The day the report speaks for: report.yml's as_of, else the newest day by which a
        source surely existed (its publication, or the copy read when that is all that is known)."""
        if self.report.as_of:
            days = [parse_date(self.report.as_of).latest]
        else:
            days = [source.exists_by() for source in self.base.sources]
        return max((day for day in days if day is not None), default=date(1970, 1, 1))

    def page_texts(self, page: str, description: str) -> tuple[str, str]:
        """(description, intro) of a generated page: report.yml's words, else the generic ones."""
        texts = self.report.pages.get(page)
        shown = texts.description if texts and texts.description else self.ui(description)
        return shown, texts.intro if texts and texts.intro else ""

    def page_title(self, page: str, generic: str) -> str:
        """A generated page's title: report.yml's, else the generic one, in the edition's script."""
        texts = self.report.pages.get(page)
        return texts.title if texts and texts.title else self.ui(generic)

    def chart_title(self, chart: str, generic: str) -> str:
        """A chart's title: report.yml's, else the generic one, in the edition's script."""
        return self.report.charts.get(chart) or self.ui(generic)

    @property
    def converted(self) -> bool:
        """True in an edition whose text is converted from the Simplified source."""
        return bool(getattr(self.ui, "converts", False))

    def as_written(self, figure: Figure) -> str:
        """The figure as its source writes it, in the edition's glyphs only (8萬億美元, 156.98萬張,
        where the edition's own words say 8兆美元, 156.98萬顆): for what is labelled 原文."""
        written = figure_value(self.source_figures.get(figure.id, figure))
        glyphs: Callable[[str], str] | None = getattr(self.ui, "glyphs", None)
        return glyphs(written) if glyphs is not None else written

    def name(self, record_id: str) -> str:
        """Display name of a record (already in the edition's script), escaped."""
        if record_id not in self.names and record_id in self.by_id:
            return md_text(_display_name(self.by_id[record_id]))
        return md_text(self.names.get(record_id, record_id))

    def link(self, record_id: str) -> str:
        """A Markdown link to the record's entry on the page that shows it; its name alone when
        the report has no page for its kind (report.yml's nav leaves that page out)."""
        page = self.pages_of_ids.get(record_id)
        if page is None:
            return self.name(record_id)
        return f"[{self.name(record_id)}]({page}#{record_id})"

    @property
    def source_labels(self) -> dict[str, str]:
        """Short label before ¶ for every source but the first (the report's main source)."""
        return {s.id: s.short for s in self.base.sources[1:] if s.short}

    @property
    def source_archives(self) -> dict[str, str]:
        """Archived copy of each source that has one: shown beside its citations."""
        return {s.id: s.archive_url for s in self.base.sources if s.archive_url}

    @cached_property
    def source_addresses(self) -> dict[str, SourceAddress]:
        """Each source a reader can open (its address or an archived copy): citations of its
        quotes open it at the quote, with its archived copy's address and day."""
        addresses = {}
        for s in self.base.sources:
            if s.url or s.archive_url:
                addresses[s.id] = SourceAddress(s.url, s.archive_url, _day_of(s.archived))
        return addresses

    @cached_property
    def _source_words_of_quotes(self) -> dict[str, str]:
        """Each verified quote as this edition shows it (its glyphs) -> as the source writes it."""
        glyphs: Callable[[str], str] | None = getattr(self.ui, "glyphs", None)
        written: list[str] = list(getattr(self.ui, "source_words", []))
        if glyphs is None or not self.converted:
            return {}
        return {glyphs(words): words for words in written}

    def source_words(self, quote: str) -> str:
        """A quote as its source writes it (a converted edition shows it in its own glyphs):
        what a text fragment must match to open the source at it."""
        return self._source_words_of_quotes.get(quote, quote)

    def cite(self, fact: Cited) -> str:
        """The citation label of a fact, with when it last changed and any correction.

        Label, links, quotes and date stay out of the search index (Material skips an element
        marked `data-search-exclude`), so a search result shows the fact's own words; a
        correction is part of what the page says and stays searchable. The wrapper is a
        <small> (small print: attribution) because Material's indexer tells elements apart by
        tag only: a <span> wrapper would end at its first inner </span>.
        """
        record_id = fact.id if isinstance(fact, Identified) else None
        links = cite_label(
            fact,
            self.ui,
            self.sources_page,
            self.source_labels,
            self.source_archives,
            self.source_addresses,
            self.source_words,
        )
        updated = fact_updated(self.history, record_id, self.ui)
        correction = fact_correction(self.history, record_id, self.ui)
        source = f'<small class="fact-source" data-search-exclude="true">{links}{updated}</small>'
        return source + correction

    @property
    def sources_page(self) -> str:
        """The page that lists the sources, which every citation links to."""
        return self.page_of_kind[KIND_OF_MODEL[Source].name]

    def notes_about(self, record_ids: list[str] | tuple[str, ...] | str) -> list[Note]:
        """The editor's notes shown beside any of these records, in data order."""
        wanted = {record_ids} if isinstance(record_ids, str) else set(record_ids)
        return [note for note in self.base.notes if wanted & set(note.about)]

    def note_body(self, note: Note, *, link: bool = True) -> list[str]:
        """The paragraphs of one editor's note: text, arithmetic steps, basis, citations."""
        ui = self.ui
        lines = [md_text(note.text), ""]
        if note.arithmetic:
            lines += [f"{ui('算式')}：", ""]
            lines += [
                f'- <span class="note-step">{md_text(step)}</span>' for step in note.arithmetic
            ]
            lines.append("")
        if note.relies_on:
            lines += [f"{ui('所依据的一般知识（本站未收录来源）')}：{md_text(note.relies_on)}", ""]
        tail = (
            '<small class="fact-source" data-search-exclude="true">'
            + citation_links(
                note.cite,
                ui,
                self.sources_page,
                self.source_labels,
                self.source_archives,
                self.source_addresses,
                self.source_words,
            )
            + "</small>"
            if note.cite
            else ""
        )
        notes_page = self.page_of_kind.get(KIND_OF_MODEL[Note].name)
        if link and notes_page:
            tail += f" [{ui('全部编者注')}]({notes_page}#{note.id})"
        if tail.strip():
            lines += [tail.strip(), ""]
        return lines

    def note_title(self, note: Note) -> str:
        ui = self.ui
        return f"{ui('编者注')}·{ui(NOTE_KIND_WORDS[note.kind])}：{md_text(note.title)}"

    def note_lines(
        self, record_ids: list[str] | tuple[str, ...] | str, indent: str = ""
    ) -> list[str]:
        """Each editor's note about these records as a box beside them."""
        lines: list[str] = []
        for note in self.notes_about(record_ids):
            box = "warning" if note.kind == "inconsistency" else "note"
            lines += [f'{indent}!!! {box} "{self.note_title(note)}"', ""]
            lines += [f"{indent}    {line}" if line else "" for line in self.note_body(note)]
        return lines

    def categories(self, group: str) -> dict[str, Category]:
        """A group's categories (generator.facts.categories) in reading order: the defaults and
        report.yml's own, with their colours. Their words are as written: `category` gives a
        word in the edition's script (converting only the words a page shows)."""
        return self._categories[group]

    @cached_property
    def _categories(self) -> dict[str, dict[str, Category]]:
        own = {
            group: {
                code: Category(entry.word, entry.color, entry.released)
                for code, entry in getattr(self.report.categories, group).items()
            }
            for group in GROUPS
        }
        return {group: merged(group, own[group]) for group in GROUPS}

    def _shown(self, group: str, code: str, word: str, field: str) -> str:
        """`word` in the edition's script: report.yml's words come converted with the report,
        the generator's defaults are converted here."""
        declared = getattr(self.report.categories, group).get(code)
        return word if declared is not None and getattr(declared, field) else self.ui(word)

    def category(self, group: str, code: str) -> str:
        """The word for a kind or status in the edition's script (the code itself if unknown)."""
        entry = self.categories(group).get(code)
        return self._shown(group, code, entry.word, "word") if entry else code

    def status_word(self, product: Product) -> str:
        """A product's status as its kind of product reads it: an app released is online, a chip
        on sale, a data set public; a kind that does not say reads the neutral word."""
        if product.status == RELEASED:
            kind = self.categories("product_kind").get(product.kind)
            if kind is not None and kind.released:
                return self._shown("product_kind", product.kind, kind.released, "released")
        return self.category("product_status", product.status)

    @cached_property
    def declared_words(self) -> dict[str, dict[str, str]]:
        """The words of report.yml's own kinds and statuses in the edition's script, by the
        field that holds them (`kind`, `status`): for the corrections page and the feed."""
        words: dict[str, dict[str, str]] = {"kind": {}, "status": {}}
        for group in GROUPS:
            field = "status" if group == "product_status" else "kind"
            for code in getattr(self.report.categories, group):
                words[field][code] = self.category(group, code)
        return words

    def launch_words(self, products: Iterable[Product], template: str) -> str:
        """`template` ("{verb}时间") in the edition's script, with the verb the products' kinds are
        launched with when they share one (上线 for apps, 上市 for chips, 公开 for data sets), else
        the neutral 推出."""
        verbs = set()
        for product in products:
            kind = self.categories("product_kind").get(product.kind)
            verbs.add(launch_verb(kind.released if kind else None))
        return self.ui(template.format(verb=verbs.pop() if len(verbs) == 1 else BROUGHT_OUT))

    def launch_unknown(self, product: Product) -> str:
        """ "Launch date unknown" as the kind of product is launched: an app goes online (上线时间
        不详), a chip on sale (上市), a data set public (公开), other kinds are brought out (推出)."""
        return self.launch_words([product], "{verb}时间不详")

    def figure_source(self, figure: Figure) -> str:
        """A figure's "who says" label, by its attribution: a company's own result is published
        (公布方), an analyst's number estimated (估算方)."""
        return self.ui(FIGURE_SOURCE_WORDS[figure.attribution])
