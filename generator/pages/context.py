"""What every page renderer gets: the edition's model, UI text, and where each record lives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.fields import records
from generator.model import Cited, FactBase
from generator.render import cite_label, md_text

# Which page shows each kind of record (by its list in the fact base).
PAGE_OF_LIST = {
    "sources": "sources.md",
    "organizations": "organizations.md",
    "people": "people.md",
    "roles": "people.md",
    "moves": "people.md",
    "products": "products.md",
    "events": "timeline.md",
    "market_moves": "market.md",
    "counts": "market.md",
    "series": "market.md",
    "figures": "compute.md",
    "claims": "analysis.md",
    "forecasts": "forecasts.md",
}


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


@dataclass
class PageContext:
    """The edition's fact model plus helpers shared by all page renderers."""

    base: FactBase
    ui: Callable[[str], str]
    lang: str
    pages_of_ids: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    charts: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for path, record in records(self.base):
            record_id = getattr(record, "id", None)
            list_name = next((part for part in reversed(path) if isinstance(part, str)), "")
            if record_id and list_name in PAGE_OF_LIST:
                self.pages_of_ids[record_id] = PAGE_OF_LIST[list_name]
                self.names[record_id] = _display_name(record)

    @property
    def converted(self) -> bool:
        """True in an edition whose text is converted from the Simplified source."""
        return bool(getattr(self.ui, "converts", False))

    def name(self, record_id: str) -> str:
        """Display name of a record (already in the edition's script), escaped."""
        return md_text(self.names.get(record_id, record_id))

    def link(self, record_id: str) -> str:
        """A Markdown link to the record's entry on the page that shows it."""
        page = self.pages_of_ids[record_id]
        return f"[{self.name(record_id)}]({page}#{record_id})"

    def cite(self, fact: Cited) -> str:
        """The citation label of a fact, in this edition's script."""
        return cite_label(fact, self.ui, "sources.md")
