"""The fact diff for reviewers: what changed between two revisions, as text or as Markdown.

`facts.compare` finds the changes; this adds what a reviewer checks them against (the gist of
each cited paragraph, each changed text as the Traditional edition renders it, the conversion
review's lines that come and go) and words each field path in the contributors' language.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.editions.convert import converter_for
from generator.editions.edition import Edition
from generator.facts.at_revision import load_revision, revision_problem
from generator.facts.compare import STATUS_ORDER, Entry, RecordChange, compare, entries
from generator.facts.kinds import kind_word
from generator.facts.load import load_fact_base
from generator.facts.messages import say, word
from generator.facts.model import FactBase
from generator.facts.problems import DataError
from generator.facts.revisions import GitError, repository_of
from generator.review.conversions import conversion_lines

_CITED = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)#(\d+)")
# An edition's conversion review, as lines: (only in the base's, only in the head's).
Conversions = dict[str, tuple[list[str], list[str]]]


@dataclass
class Reviewed:
    """A record change with what a reviewer checks it against.

    `gists`: (source, paragraph, gist) of each citation; `converted`: each changed text field as
    each converted edition renders it (language -> field path -> text).
    """

    change: RecordChange
    gists: list[tuple[str, int, str]] = field(default_factory=list)
    converted: dict[str, dict[str, str]] = field(default_factory=dict)


def change_title(change: RecordChange, code: Callable[[str], str] = str) -> str:
    """`新增 人物 wang` / `改名 产品 a → b（人物 x 之下）` in the contributors' language."""
    name = f"{code(change.old_key)} → {code(change.key)}" if change.old_key else code(change.key)
    parent = ""
    if change.parent:
        parent_kind, _, parent_id = change.parent.partition(" ")
        parent = say("diff-parent", kind=kind_word(parent_kind), id=code(parent_id))
    return f"{word(change.status)} {kind_word(change.kind)} {name}{parent}"


_PATH_SEGMENT = re.compile(r"^(?P<name>[^\[\]]+)(?:\[(?P<index>\d+)\])?$")


def contributor_path(path: str) -> str:
    """A field path as contributors read it in the fact diff: `relations 第2条 › kind`
    (their YAML keys, list items counted from 1, in their message language)."""
    words = []
    for segment in path.split("."):
        match = _PATH_SEGMENT.match(segment)
        if match is None:
            words.append(segment)
        elif match.group("index") is None:
            words.append(match.group("name"))
        else:
            words.append(match.group("name") + " " + word("item", n=int(match.group("index")) + 1))
    return " › ".join(words)


def reviewed(old: FactBase, new: FactBase, editions: list[Edition]) -> list[Reviewed]:
    """Every change between the two fact bases, each with its review notes for `editions`."""
    after = entries(new)
    return _with_notes(compare(old, new), after, new, editions)


def _with_notes(
    changes: list[RecordChange],
    after: dict[tuple[str, str], Entry],
    new: FactBase,
    editions: list[Edition],
) -> list[Reviewed]:
    """Give each new or changed record its cited paragraphs' gists and its converted text."""
    converters = {e.lang: converter_for(new, e.opencc, e.lang) for e in editions}
    gists = {(s.id, p.n): p.gist for s in new.sources for p in s.paragraphs}
    found = []
    for change in changes:
        entry = after.get((change.kind, change.key))
        item_notes = Reviewed(change)
        found.append(item_notes)
        if entry is None or change.status == "removed":
            continue
        cited = list(entry.cites)
        for item in change.fields:  # citations of nested records (relations, counts) that changed
            if item.after and item.path.endswith("cite"):
                for source, paragraph in _CITED.findall(item.after):
                    cited.append((source, int(paragraph)))
        item_notes.gists = [
            (source, paragraph, gists.get((source, paragraph), "?"))
            for source, paragraph in dict.fromkeys(cited)
        ]
        texts = [item for item in change.fields if item.after and item.path in entry.texts]
        item_notes.converted = {
            lang: {item.path: convert(item.after or "") for item in texts}
            for lang, convert in converters.items()
            if texts
        }
    return found


def conversion_changes(old: FactBase, new: FactBase, editions: list[Edition]) -> Conversions:
    """Per edition: (lines only in the old review, lines only in the new) of its conversion
    review."""
    found: Conversions = {}
    for edition in editions:
        assert edition.opencc is not None
        before = conversion_lines(old, edition.opencc, edition.lang)
        after = conversion_lines(new, edition.opencc, edition.lang)
        found[edition.lang] = (
            [x for x in before if x not in after],
            [x for x in after if x not in before],
        )
    return found


def _summary(changes: list[Reviewed]) -> str:
    counts = {status: 0 for status in STATUS_ORDER}
    for item in changes:
        counts[item.change.status] += 1
    return say("diff-summary", **counts)


def render_text(
    changes: list[Reviewed],
    conversions: Conversions,
    base_label: str,
    head_label: str,
) -> str:
    lines = [say("diff-title", base=base_label, head=head_label), _summary(changes)]
    if not changes:
        lines.append(say("diff-none"))
    file = None
    for notes in changes:
        change = notes.change
        if change.file != file:
            file = change.file
            lines += ["", file]
        lines.append(f"  {change_title(change)}")
        for item in change.fields:
            before = word("absent") if item.before is None else item.before
            after = word("absent") if item.after is None else item.after
            if change.status == "added":
                shown = after
            elif change.status == "removed":
                shown = before
            else:
                shown = f"{before} → {after}"
            lines.append(
                f"      {contributor_path(item.path)}: " + shown.replace("\n", "\n" + " " * 8)
            )
        for source, paragraph, gist in notes.gists:
            lines.append("      " + say("diff-gist", source=source, paragraph=paragraph, gist=gist))
        for lang, texts in notes.converted.items():
            for path, text in texts.items():
                shown = text.replace("\n", "\n" + " " * 8)
                field = contributor_path(path)
                lines.append("      " + say("diff-hant", field=field, lang=lang, text=shown))
    for lang, (gone, new) in conversions.items():
        if gone or new:
            lines += ["", say("diff-conversions", lang=lang)]
            lines += [f"  - {line}" for line in gone]
            lines += [f"  + {line}" for line in new]
    return "\n".join(lines) + "\n"


def escape_cell(text: str | None) -> str:
    """A value safe inside a Markdown table cell: pipes escaped, line breaks as <br>."""
    if text is None:
        return ""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return "<br>".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text else f"`` {text} ``"


def render_markdown(
    changes: list[Reviewed],
    conversions: Conversions,
    base_label: str,
    head_label: str,
) -> str:
    title = say("diff-title", base=_code(base_label), head=_code(head_label))
    lines = [f"## {title}", "", _summary(changes)]
    if not changes:
        lines += ["", say("diff-none")]
    heading: tuple[str, str] | None = None
    for notes in changes:
        change = notes.change
        if heading is None or change.file != heading[0]:
            lines += ["", f"### {change.file}"]
        if heading != (change.file, change.kind):
            lines += ["", f"#### {kind_word(change.kind)}"]
            heading = (change.file, change.kind)
        status, _, rest = change_title(change, _code).partition(" ")
        lines += ["", f"**{status}** {rest}"]
        if change.fields:
            lines += ["", say("diff-table-head"), "| --- | --- | --- |"]
            lines += [
                f"| {escape_cell(contributor_path(item.path))} | {escape_cell(item.before)}"
                f" | {escape_cell(item.after)} |"
                for item in change.fields
            ]
        if notes.gists:
            lines.append("")
            lines += [
                "- "
                + say(
                    "diff-gist",
                    source=_code(source),
                    paragraph=paragraph,
                    gist=escape_cell(gist),
                )
                for source, paragraph, gist in notes.gists
            ]
        lines += [
            "- "
            + say(
                "diff-hant",
                field=_code(contributor_path(path)),
                lang=lang,
                text=escape_cell(text),
            )
            for lang, texts in notes.converted.items()
            for path, text in texts.items()
        ]
    for lang, (gone, new) in conversions.items():
        if gone or new:
            lines += ["", "### " + say("diff-conversions", lang=lang), "", "```diff"]
            lines += [f"- {line}" for line in gone]
            lines += [f"+ {line}" for line in new]
            lines.append("```")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- command


def run_diff(
    base_rev: str, head_rev: str | None, data_dir: Path, editions: list[Edition], *, markdown: bool
) -> int:
    """The `diff` command: print the fact diff of base and head (default: the working tree),
    with each changed text and the conversion review in every edition of `editions`."""
    try:
        root, data_rel = repository_of(data_dir)
        try:
            old = load_revision(root, data_rel, base_rev)
        except DataError as error:
            print(say("diff-base-broken", base=base_rev, report=error.report()), file=sys.stderr)
            return 1
        try:
            if head_rev is None:
                new = load_fact_base(data_dir, data_dir.as_posix(), grounding=False)
            else:
                new = load_revision(root, data_rel, head_rev)
        except DataError as error:
            shown = head_rev or word("working-tree")
            print(say("diff-head-broken", head=shown, report=error.report()), file=sys.stderr)
            return 1
    except GitError as error:
        print(revision_problem(error, "diff", data_dir.as_posix()), file=sys.stderr)
        return 1
    changes = reviewed(old, new, editions)
    conversions = conversion_changes(old, new, editions)
    render = render_markdown if markdown else render_text
    sys.stdout.write(render(changes, conversions, base_rev, head_rev or word("working-tree")))
    return 0
