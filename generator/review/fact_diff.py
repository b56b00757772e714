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
from generator.facts.at_revision import load_revision
from generator.facts.compare import STATUS_ORDER, Entry, RecordChange, compare, entries
from generator.facts.kinds import kind_word
from generator.facts.load import load_fact_base
from generator.facts.messages import say, word
from generator.facts.model import FactBase
from generator.facts.problems import DataError
from generator.facts.revisions import GitError, repository_of
from generator.review.conversions import conversion_lines

_CITED = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)#(\d+)")
# The edition a reviewer reads new text in.
REVIEW_OPENCC, REVIEW_LANG = "s2twp", "zh-Hant"


@dataclass
class Reviewed:
    """A record change with what a reviewer checks it against.

    `gists`: (source, paragraph, gist) of each citation; `hant`: each changed text field as the
    Traditional edition renders it.
    """

    change: RecordChange
    gists: list[tuple[str, int, str]] = field(default_factory=list)
    hant: dict[str, str] = field(default_factory=dict)


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


def reviewed(old: FactBase, new: FactBase) -> list[Reviewed]:
    """Every change between the two fact bases, each with its review notes."""
    after = entries(new)
    return _with_notes(compare(old, new), after, new)


def _with_notes(
    changes: list[RecordChange], after: dict[tuple[str, str], Entry], new: FactBase
) -> list[Reviewed]:
    """Give each new or changed record its cited paragraphs' gists and its text in Traditional."""
    convert = converter_for(new, REVIEW_OPENCC, REVIEW_LANG)
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
        item_notes.hant = {
            item.path: convert(item.after)
            for item in change.fields
            if item.after and item.path in entry.texts
        }
    return found


def conversion_changes(old: FactBase, new: FactBase) -> tuple[list[str], list[str]]:
    """(lines only in the old review, lines only in the new) of the conversion review."""
    before, after = conversion_lines(old), conversion_lines(new)
    return [x for x in before if x not in after], [x for x in after if x not in before]


def _summary(changes: list[Reviewed]) -> str:
    counts = {status: 0 for status in STATUS_ORDER}
    for item in changes:
        counts[item.change.status] += 1
    return say("diff-summary", **counts)


def render_text(
    changes: list[Reviewed],
    conversions: tuple[list[str], list[str]],
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
        for path, text in notes.hant.items():
            shown = text.replace("\n", "\n" + " " * 8)
            field = contributor_path(path)
            lines.append("      " + say("diff-hant", field=field, lang=REVIEW_LANG, text=shown))
    gone, new = conversions
    if gone or new:
        lines += ["", say("diff-conversions", lang=REVIEW_LANG)]
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
    conversions: tuple[list[str], list[str]],
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
        if notes.hant:
            lines += [
                "- "
                + say(
                    "diff-hant",
                    field=_code(contributor_path(path)),
                    lang=REVIEW_LANG,
                    text=escape_cell(text),
                )
                for path, text in notes.hant.items()
            ]
    gone, new = conversions
    if gone or new:
        lines += ["", "### " + say("diff-conversions", lang=REVIEW_LANG), "", "```diff"]
        lines += [f"- {line}" for line in gone]
        lines += [f"+ {line}" for line in new]
        lines.append("```")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- command


def run_diff(base_rev: str, head_rev: str | None, data_dir: Path, *, markdown: bool) -> int:
    """The `diff` command: print the fact diff of base and head (default: the working tree)."""
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
    except (GitError, ValueError) as error:
        print(f"diff: {error}", file=sys.stderr)
        return 1
    changes = reviewed(old, new)
    conversions = conversion_changes(old, new)
    render = render_markdown if markdown else render_text
    sys.stdout.write(render(changes, conversions, base_rev, head_rev or word("working-tree")))
    return 0
