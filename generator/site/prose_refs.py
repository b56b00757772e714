"""Fact references in hand-written Markdown: `{{ id }}` or `{{ id.field }}` become data values.

Prose that quotes a figure, a date or a name takes it from the data, in the page's script, so it
cannot drift from the facts. Every reference is checked before the build starts.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from generator.facts.fields import records
from generator.facts.kinds import KIND_OF_MODEL
from generator.facts.messages import did_you_mean, say
from generator.facts.model import FactBase, Figure, Identified, Report
from generator.facts.problems import DataError, Problem
from generator.site.blocks import KIND_OF_BLOCK
from generator.site.context import PageContext
from generator.site.labels import COMPARATOR_WORDS
from generator.site.pages import generated_page_of_kind
from generator.site.render import date_words, figure_value, md_text

REFERENCE = re.compile(r"\{\{\s*(@?[a-z0-9:-]+)(?:\.([a-z_]+))?\s*\}\}")
# What prose may take from a record, when the record has it: a name or title as written, a date
# in words (the first of these fields it has), a figure's value, a link to its entry.
NAME_FIELDS = ("name", "title", "label")
DATE_FIELDS = ("expected", "date", "launched", "published")


def _allowed(record: Identified, page_of_kind: dict[str, str]) -> set[str]:
    fields = {name for name in NAME_FIELDS if name in type(record).model_fields}
    if any(name in type(record).model_fields for name in DATE_FIELDS):
        fields.add("date")
    if isinstance(record, Figure):
        fields.add("value")
    kind = KIND_OF_MODEL.get(type(record))
    if kind is not None and kind.name in page_of_kind:
        fields.add("link")
    return fields


def hand_written_pages(docs_dir: Path) -> dict[str, str]:
    """Kind of record -> the hand-written page that lists it by placing its block."""

    found: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        for match in REFERENCE.finditer(path.read_text(encoding="utf-8")):
            kind = KIND_OF_BLOCK.get(match.group(1).removeprefix("@"))
            if match.group(1).startswith("@") and kind is not None:
                found.setdefault(kind, path.relative_to(docs_dir).as_posix())
    return found


def _records_by_id(base: FactBase) -> dict[str, Identified]:
    return {r.id: r for _, r in records(base) if isinstance(r, Identified)}


def check_references(docs_dir: Path, base: FactBase, report: Report | None = None) -> list[Problem]:
    """Every unknown id or field referenced from any Markdown file under `docs_dir`."""
    by_id = _records_by_id(base)
    page_of_kind = {**hand_written_pages(docs_dir), **generated_page_of_kind(report)}
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = str(Path(docs_dir.name) / path.relative_to(docs_dir))
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in REFERENCE.finditer(line):
                problem = _problem(match, by_id, page_of_kind) or _about_twice(
                    line[: match.start()], match, by_id
                )
                if problem:
                    problems.append(
                        Problem(shown, line_no, match.start() + 1, match.group(0), problem)
                    )
    return problems


# Words that say "about" right before a reference: 约, 约为, 大约是….
_ABOUT_BEFORE = re.compile(r"(约[为是合莫]?)\s*$")


def _about_twice(before: str, match: re.Match[str], by_id: dict[str, Identified]) -> str | None:
    """A reference to a value that already says 约 (约157.68亿秒), written after 约 or 约为:
    the page would read 约为约…."""
    record = by_id.get(match.group(1))
    if not isinstance(record, Figure) or match.group(2) not in (None, "value"):
        return None
    value = figure_value(record)
    about = _ABOUT_BEFORE.search(before)
    if about is None or not value.startswith(COMPARATOR_WORDS["~"]):
        return None
    return say("about-twice", ref=match.group(0), value=value, before=about.group(1))


def _problem(
    match: re.Match[str], by_id: dict[str, Identified], page_of_kind: dict[str, str]
) -> str | None:
    record_id, field = match.group(1), match.group(2)
    if record_id.startswith("@"):
        from generator.site.blocks import BLOCKS

        if record_id[1:] in BLOCKS and not field:
            return None
        hint = did_you_mean(record_id, [f"@{name}" for name in BLOCKS])
        return say("unknown-block", name=record_id, hint=hint)
    record = by_id.get(record_id)
    if record is None:
        return say("unknown-fact-id", id=record_id, hint=did_you_mean(record_id, by_id))
    allowed = _allowed(record, page_of_kind)
    if field and field not in allowed:
        return say(
            "no-field-to-show", id=record_id, field=field, options=", ".join(sorted(allowed))
        )
    if not field and not allowed & {"link", "value", "date", *NAME_FIELDS}:
        return say("needs-field", id=record_id)
    return None


def _shown_field(allowed: set[str]) -> str:
    """What `{{ id }}` shows: a link to the record's entry; its name, unlinked, when the report
    has no page for its kind (report.yml's nav leaves it out); else its date."""
    if "link" in allowed:
        return "link"
    return next((name for name in NAME_FIELDS if name in allowed), "date")


def _render(record: Identified, field: str | None, ctx: PageContext, from_page: str) -> str:
    record_id = record.id
    if field is None:
        field = (
            "value"
            if isinstance(record, Figure)
            else _shown_field(_allowed(record, ctx.page_of_kind))
        )
    if field == "link":
        page = posixpath.relpath(ctx.pages_of_ids[record_id], posixpath.dirname(from_page) or ".")
        return f"[{ctx.name(record_id)}]({page}#{record_id})"
    if field == "name":
        return ctx.name(record_id)
    if field in ("title", "label"):
        return md_text(getattr(record, field))
    if field == "value":
        assert isinstance(record, Figure)
        return md_text(ctx.ui(figure_value(record)))
    date = next(
        (getattr(record, name) for name in DATE_FIELDS if getattr(record, name, None)), None
    )
    return md_text(ctx.ui(date_words(date))) if date else md_text(ctx.ui("日期不详"))


def expand_references(markdown: str, ctx: PageContext, page_uri: str) -> str:
    """Replace every reference in a page; raise DataError for any that does not resolve."""
    by_id = ctx.by_id
    problems = []

    def replace(match: re.Match[str]) -> str:
        problem = _problem(match, by_id, ctx.page_of_kind)
        if problem:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(f"docs/{page_uri}", line, 1, match.group(0), problem))
            return match.group(0)
        if match.group(1).startswith("@"):
            from generator.site.blocks import BLOCKS

            return BLOCKS[match.group(1)[1:]](ctx)
        return _render(by_id[match.group(1)], match.group(2), ctx, page_uri)

    expanded = REFERENCE.sub(replace, markdown)
    if problems:
        raise DataError(problems)
    return expanded
