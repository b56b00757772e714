"""When a fact or page last changed, and the correction notice a corrected fact carries.

Dates come from commit times in the history (never the clock), so the same commit always builds
the same pages. Every piece here is Markdown for a page; text from commit messages is escaped.
A page names once, at its foot, the day most of its facts share; only facts that changed on
another day carry their own date (`quiet_usual_days`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from generator.facts.history import History, Revision
from generator.site.html_parts import parts_with_class, spliced
from generator.site.render import md_text

CHANGES_PAGE = "changes.md"
Ui = Callable[[str], str]


# A fact's own date, as fact_updated writes it: <span class="fact-updated" data-day="…">.
FACT_DAY_CLASS = "fact-updated"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_words(revision: Revision | str) -> str:
    """The day (a revision's, or YYYY-MM-DD) in Simplified Chinese words: 2026年11月25日."""
    day_text = revision if isinstance(revision, str) else revision.day
    year, month, day = day_text.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def _time(revision: Revision | str, ui: Ui) -> str:
    day = revision if isinstance(revision, str) else revision.day
    return f'<time datetime="{day}">{ui(day_words(day))}</time>'


def fact_updated(history: History, record_id: str | None, ui: Ui) -> str:
    """The day a fact last changed (removed later where most of its page shares that day)."""
    updated = history.updated.get(record_id) if record_id is not None else None
    if updated is None:
        return ""
    return (
        f' <span class="fact-updated" data-day="{updated.day}">'
        f"{ui('更新于')}{_time(updated, ui)}</span>"
    )


def fact_correction(history: History, record_id: str | None, ui: Ui) -> str:
    """The correction notice of a corrected fact: link to the corrections page, day and reason."""
    corrected = history.corrected.get(record_id) if record_id is not None else None
    if corrected is None or not corrected.correction:
        return ""
    link = f"[{ui('更正')}]({CHANGES_PAGE}#{corrected.anchor})"
    # A correction's reason speaks of everything its commit changed: beside one of several
    # records it would say things about others (and repeat under each), so it stays on the
    # corrections page and the notice says where.
    count = len(corrected.records)
    said = (
        md_text(ui(corrected.correction))
        if count <= 1
        else ui(f"这次更正一并改了{count}条记录，原因见更正与修订页。")
    )
    return (
        f' <span class="fact-correction"><strong>{link}</strong>'
        f"（{_time(corrected, ui)}）：{said}</span>"
    )


def quiet_usual_days(html: str, page_day: str | None) -> tuple[str, str | None]:
    """The page's HTML without the fact dates that most of its facts share, and that day.

    The same date after every fact says nothing; a date that differs from its neighbours' says
    which facts changed. Ties go to the page's own day. Corrections are never touched.
    """
    dated = [
        part
        for part in parts_with_class(html, FACT_DAY_CLASS)
        if part.tag == "span" and part.end > 0 and _DAY.fullmatch(part.attrs.get("data-day", ""))
    ]
    days = Counter(part.attrs["data-day"] for part in dated)
    if not days:
        return html, None
    usual = max(days, key=lambda day: (days[day], day == page_day, day))
    # The space fact_updated puts before the date leaves with it.
    edits = [
        (part.start - (html[part.start - 1 : part.start] == " "), part.end, "")
        for part in dated
        if part.attrs["data-day"] == usual
    ]
    return spliced(html, edits), usual


def page_stamp(revision: Revision | None, ui: Ui, usual_fact_day: str | None = None) -> str:
    """HTML for the foot of a page: when it last changed (empty without history), and the day
    its undated facts last changed when that is another day."""
    if revision is None:
        return ""
    stamp = f"{ui('本页更新于')}{_time(revision, ui)}"
    if usual_fact_day is not None and usual_fact_day != revision.day:
        stamp += f"{ui('；未注明日期的事实更新于')}{_time(usual_fact_day, ui)}"
    return f'<p class="page-updated">{stamp}</p>'


def page_revision(
    history: History, record_ids: list[str] | None, source_file: str | None
) -> Revision | None:
    """The newest change to a page: to the records it shows (all when None) or to its file."""
    found = [history.latest(record_ids), history.file_times.get(source_file or "")]
    return max((r for r in found if r is not None), key=lambda r: r.timestamp, default=None)
