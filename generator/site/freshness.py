"""When a fact or page last changed, and the correction notice a corrected fact carries.

Dates come from commit times in the history (never the clock), so the same commit always builds
the same pages. Every piece here is Markdown for a page; text from commit messages is escaped.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.site.history import History, Revision
from generator.site.render import md_text

CHANGES_PAGE = "changes.md"
Ui = Callable[[str], str]


def day_words(revision: Revision) -> str:
    """The revision's day in Simplified Chinese words: 2026年11月25日."""
    year, month, day = revision.day.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def _time(revision: Revision, ui: Ui) -> str:
    return f'<time datetime="{revision.day}">{ui(day_words(revision))}</time>'


def fact_stamp(history: History, record_id: str | None, ui: Ui) -> str:
    """The "updated" date of a fact, and its correction notice when it was corrected."""
    if record_id is None:
        return ""
    parts = []
    updated = history.updated.get(record_id)
    if updated is not None:
        parts.append(f'<span class="fact-updated">{ui("更新于")}{_time(updated, ui)}</span>')
    corrected = history.corrected.get(record_id)
    if corrected is not None and corrected.correction:
        link = f"[{ui('更正')}]({CHANGES_PAGE}#{corrected.anchor})"
        parts.append(
            f'<span class="fact-correction"><strong>{link}</strong>'
            f"（{_time(corrected, ui)}）：{md_text(ui(corrected.correction))}</span>"
        )
    return (" " + " ".join(parts)) if parts else ""


def page_stamp(revision: Revision | None, ui: Ui) -> str:
    """HTML for the foot of a page: when it last changed (empty without history)."""
    if revision is None:
        return ""
    return f'<p class="page-updated">{ui("本页更新于")}{_time(revision, ui)}</p>'


def page_revision(
    history: History, record_ids: list[str] | None, source_file: str | None
) -> Revision | None:
    """The newest change to a page: to the records it shows (all when None) or to its file."""
    found = [history.latest(record_ids), history.file_times.get(source_file or "")]
    return max((r for r in found if r is not None), key=lambda r: r.timestamp, default=None)
