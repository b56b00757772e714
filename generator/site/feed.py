"""Atom feed (RFC 4287) of the published changes to the facts, one per edition.

Each revision of the history is one entry, linking to its section of the corrections page. Every
value is escaped for XML; times are commit times, so the feed is the same for the same commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from generator.facts.history import History, Revision
from generator.site.freshness import day_words
from generator.site.labels import (
    CHANGE_STATUS_WORDS,
    RECORD_KIND_WORDS,
    field_words,
)
from generator.site.render import changed_value

Ui = Callable[[str], str]
# The words of the report's own kinds and statuses, by the field that holds them.
Codes = Mapping[str, Mapping[str, str]]
MAX_ENTRIES = 100


def xml_text(text: str) -> str:
    """Text escaped for XML, without the control characters XML 1.0 cannot hold."""
    return escape("".join(c for c in text if c >= " " or c in "\t\n\r"))


def _atom_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _entry_title(revision: Revision, ui: Ui) -> str:
    when = ui(day_words(revision))
    if revision.initial:
        return f"{when} {ui('首次发布')}"
    if revision.correction:
        return f"{when} {ui('更正')}：{ui(revision.correction)}"
    if not revision.reason:
        return f"{when} {ui('修订')}"
    return f"{when} {ui('修订')}：{ui(revision.reason)}"


def _entry_html(revision: Revision, ui: Ui, names: dict[str, str], codes: Codes) -> str:
    if revision.initial:
        return f"<p>{xml_text(ui(f'首次发布 {revision.record_count} 条记录。'))}</p>"
    items = []
    for edit in revision.records:
        words = f"{ui(CHANGE_STATUS_WORDS[edit.status])} {ui(RECORD_KIND_WORDS.get(edit.kind, edit.kind))} {names.get(edit.key, edit.key)}"
        changed = "".join(
            f"<li>{xml_text(ui(field_words(item.path)))}："
            f"<del>{xml_text(_value(item.path, item.before, ui, names, codes))}</del>"
            f" → <ins>{xml_text(_value(item.path, item.after, ui, names, codes))}</ins></li>"
            for item in edit.fields
            if edit.status in ("changed", "renamed")
        )
        items.append(
            f"<li>{xml_text(words)}" + (f"<ul>{changed}</ul>" if changed else "") + "</li>"
        )
    reason = revision.correction or revision.reason
    said = f"<p>{xml_text(ui(reason))}</p>" if reason else ""
    return f"{said}<ul>{''.join(items)}</ul>"


def _value(path: str, value: str | None, ui: Ui, names: dict[str, str], codes: Codes) -> str:
    """A changed value as the corrections page shows it (a citation keeps the source's words)."""
    return changed_value(path, value, ui, names, codes) if value else "—"


def _entry_id(revision: Revision, lang: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_OID, f'{revision.commit}/{lang}')}"


def atom_feed(
    history: History,
    *,
    ui: Ui,
    lang: str,
    site_name: str,
    changes_url: str,
    feed_url: str,
    names: dict[str, str] | None = None,
    built: datetime | None = None,
    codes: Codes | None = None,
) -> str:
    """The feed of one edition; `changes_url` and `feed_url` should be absolute.

    `names` gives the record names to show (in the edition's script) instead of their ids, and
    `codes` the words of the report's own kinds and statuses by field.
    `built` is the build's time (publication.build_time): the `updated` of a feed without
    entries. With neither, the feed has no `updated`: a date it cannot know is left out rather
    than invented (the clock's or 1970's); feed readers take a feed without one.
    """
    revisions = list(reversed(history.revisions))[:MAX_ENTRIES]
    updated = revisions[0].time if revisions else _atom_time(built) if built else None
    # A bar, not a colon: a site name may hold a colon of its own (报告：副题：更正).
    title = f"{site_name}｜{ui('更正与修订')}"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(lang)}>',
        f"  <id>urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed_url)}</id>",
        f"  <title>{xml_text(title)}</title>",
        f"  <subtitle>{xml_text(ui('已发布事实的每一次改动与更正'))}</subtitle>",
        *([f"  <updated>{updated}</updated>"] if updated else []),
        f"  <author><name>{xml_text(site_name)}</name></author>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed_url)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(changes_url)}/>',
    ]
    for revision in revisions:
        link = f"{changes_url}#{revision.anchor}"
        category = "correction" if revision.correction else "change"
        lines += [
            "  <entry>",
            f"    <id>{_entry_id(revision, lang)}</id>",
            f"    <title>{xml_text(_entry_title(revision, ui))}</title>",
            f"    <updated>{revision.time}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"    <category term={quoteattr(category)}/>",
            f'    <content type="html">{xml_text(_entry_html(revision, ui, names or {}, codes or {}))}</content>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
