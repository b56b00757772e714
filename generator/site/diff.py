"""Fact diff: what changed in the data between two git revisions, record by record.

Each revision's data/*.yml is read with `git show REV:data/NAME` into a temporary folder and
loaded like any other data set. Records are matched by id across every list (roles, moves and
market counts included); glossary entries by their Simplified term. A removed and an added record
of the same kind whose other fields are (nearly) the same are shown as a rename.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.editions.convert import converter_for
from generator.facts.fields import string_fields
from generator.facts.kinds import DATA_FILES, FILE_OF_LIST, KIND_OF_MODEL, kind_word
from generator.facts.load import load_fact_base
from generator.facts.messages import say, word
from generator.facts.model import TEXT, Citation, Cited, FactBase, GlossaryEntry, Identified
from generator.facts.problems import DataError
from generator.site.review import conversion_lines

# A removed and an added record are one renamed record when their other fields are this alike
# on average (0..1), and no single field less alike than FIELD_SIMILARITY.
RENAME_SIMILARITY = 0.9
FIELD_SIMILARITY = 0.6
_CITED = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)#(\d+)")
# The edition a reviewer reads new text in.
REVIEW_OPENCC, REVIEW_LANG = "s2twp", "zh-Hant"


class GitError(Exception):
    """A git command failed (unknown revision, not a repository)."""


@dataclass(frozen=True)
class Entry:
    """One record flattened: its file, kind, key, enclosing record and field values as text."""

    file: str
    kind: str
    key: str
    parent: str  # "person wang-xiaoming" for a role, "" for a top-level record
    fields: dict[str, str]
    cites: tuple[tuple[str, int], ...] = ()
    texts: frozenset[str] = frozenset()  # the fields a reader meets, converted per script

    def similarity(self, other: Entry) -> float:
        """How alike the fields other than the id are, 0..1; 0 when any field is rewritten.

        Each field scores 1 when equal and its text similarity otherwise (0 when only one side
        has it); a field scoring under FIELD_SIMILARITY makes the records different records.
        """
        paths = self.fields.keys() | other.fields.keys()
        if not paths:
            return 1.0
        scores = [_alike(self.fields.get(path), other.fields.get(path)) for path in paths]
        return 0.0 if min(scores) < FIELD_SIMILARITY else sum(scores) / len(scores)


def _alike(before: str | None, after: str | None) -> float:
    if before == after:
        return 1.0
    if before is None or after is None:
        return 0.0
    return difflib.SequenceMatcher(a=before, b=after, autojunk=False).ratio()


@dataclass(frozen=True)
class FieldChange:
    path: str
    before: str | None
    after: str | None


@dataclass
class RecordChange:
    status: str  # "added", "removed", "renamed" or "changed"
    file: str
    kind: str
    key: str
    old_key: str | None = None
    parent: str = ""
    fields: list[FieldChange] = field(default_factory=list)
    # For a reviewer: (source, paragraph, gist) of each citation, and each changed text field
    # as the Traditional edition renders it.
    gists: list[tuple[str, int, str]] = field(default_factory=list)
    hant: dict[str, str] = field(default_factory=dict)

    def title(self, code: Callable[[str], str] = str) -> str:
        name = f"{code(self.old_key)} → {code(self.key)}" if self.old_key else code(self.key)
        parent = ""
        if self.parent:
            parent_kind, _, parent_id = self.parent.partition(" ")
            parent = say("diff-parent", kind=kind_word(parent_kind), id=code(parent_id))
        return f"{word(self.status)} {kind_word(self.kind)} {name}{parent}"


# ---------------------------------------------------------------------------- loading revisions


def _git(root: Path, *args: str) -> bytes:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args)}: {message}")
    return done.stdout


def repository_of(data_dir: Path) -> tuple[Path, str]:
    """(repository root, data folder relative to it, in git's / notation)."""
    start = data_dir if data_dir.is_dir() else Path.cwd()
    root = Path(_git(start, "rev-parse", "--show-toplevel").decode().strip())
    relative = data_dir.resolve().relative_to(root.resolve())
    return root, relative.as_posix()


def _blobs(root: Path, names: list[str]) -> Iterator[tuple[str, bytes]]:
    """(name, content) of each `REV:PATH` in `names` that exists, read by one git process."""
    out = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"],
        input="".join(f"{name}\n" for name in names).encode(),
        capture_output=True,
        check=False,
    ).stdout
    at = 0
    for name in names:
        end = out.find(b"\n", at)
        if end < 0:
            return
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue  # missing: load_fact_base reports the missing file
        size = int(header[2])
        yield name, out[at : at + size]
        at += size + 1


def load_revision(root: Path, data_rel: str, revision: str) -> FactBase:
    """The fact base as it stood at `revision`; DataError names files as `REV:data/NAME`."""
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except GitError:
        raise GitError(say("unknown-revision", revision=revision)) from None
    with tempfile.TemporaryDirectory(prefix="fact-diff-") as folder:
        for name, content in _blobs(root, [f"{revision}:{data_rel}/{name}" for name in DATA_FILES]):
            (Path(folder) / name.rpartition("/")[2]).write_bytes(content)
        # Facts are compared as written; older revisions predate the grounding checks.
        return load_fact_base(Path(folder), f"{revision}:{data_rel}", grounding=False)


# ---------------------------------------------------------------------------- flattening


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return value if value else '""'
    return str(value)


_CITED_FIELDS = frozenset(Cited.model_fields)


def _has_own_id(item: Any) -> bool:
    return type(item) in KIND_OF_MODEL


def _field_path(parts: tuple[str | int, ...]) -> str:
    """`('relations', 1, 'kind')` -> `relations[1].kind`: the same in every message language,
    so each renderer words it for its own reader (`contributor_path`, `labels.field_words`)."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part:
            text = f"{text}.{part}" if text else part
    return text


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


def _flatten(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(field path, value as text) for every leaf of `value`; nested records with ids skipped."""
    if value is None:
        return
    if isinstance(value, BaseModel):
        names = list(type(value).model_fields)
        # A record's own fields first, then the citation fields every fact shares.
        names.sort(key=lambda name: name in _CITED_FIELDS)
        for name in names:
            if name == "id":
                continue
            yield from _flatten(getattr(value, name), _field_path((path, name)))
    elif isinstance(value, list):
        if not value or any(_has_own_id(item) for item in value):
            return
        if all(isinstance(item, Citation) for item in value):
            yield (
                path,
                ", ".join(
                    f"{c.source}#{c.paragraph}" + (f"「{c.quote}」" if c.quote else "")
                    for c in value
                ),
            )
        elif all(not isinstance(item, BaseModel | list | dict) for item in value):
            yield path, ", ".join(_show(item) for item in value)
        else:
            for index, item in enumerate(value):
                yield from _flatten(item, _field_path((path, index)))
    elif isinstance(value, dict):
        for key in sorted(value):
            yield from _flatten(value[key], _field_path((path, key)))
    else:
        yield path, _show(value)


def entries(base: FactBase, texts: bool = True) -> dict[tuple[str, str], Entry]:
    """Every record of `base` with an id (and every glossary entry), keyed by (kind, key).

    `texts=False` leaves out which fields a reader meets (the review's need, not the history's).
    """
    found: dict[tuple[str, str], Entry] = {}

    def visit(record: BaseModel, file: str, parent: str) -> None:
        known = KIND_OF_MODEL.get(type(record))
        if isinstance(record, GlossaryEntry):
            kind, key = "glossary", record.simplified
        elif known is not None and isinstance(record, Identified):
            kind, key = known.name, record.id
        else:
            return
        fields = dict(_flatten(record, ""))
        if kind == "glossary":
            fields.pop("simplified", None)
        cites = tuple((c.source, c.paragraph) for c in getattr(record, "cite", None) or [])
        read = frozenset(
            _field_path(path)
            for path, _, markers in (string_fields(record) if texts else ())
            if TEXT in markers
        )
        found[(kind, key)] = Entry(file, kind, key, parent, fields, cites, read)
        for name in type(record).model_fields:
            value = getattr(record, name)
            for item in value if isinstance(value, list) else []:
                if _has_own_id(item):
                    visit(item, file, f"{kind} {key}")

    for name in type(base).model_fields:
        for record in getattr(base, name):
            visit(record, FILE_OF_LIST[name], "")
    return found


# ---------------------------------------------------------------------------- comparing


def _field_changes(before: dict[str, str], after: dict[str, str]) -> list[FieldChange]:
    order = [*before, *(path for path in after if path not in before)]
    return [
        FieldChange(path, before.get(path), after.get(path))
        for path in order
        if before.get(path) != after.get(path)
    ]


def _renames(
    removed: list[Entry], added: list[Entry]
) -> list[tuple[Entry, Entry]]:  # (old, new), most alike first
    scored = sorted(
        (
            (old.similarity(new), index_old, index_new)
            for index_old, old in enumerate(removed)
            for index_new, new in enumerate(added)
            if old.kind == new.kind
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    pairs: list[tuple[Entry, Entry]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, index_old, index_new in scored:
        if score < RENAME_SIMILARITY or index_old in used_old or index_new in used_new:
            continue
        used_old.add(index_old)
        used_new.add(index_new)
        pairs.append((removed[index_old], added[index_new]))
    return pairs


STATUS_ORDER = {"added": 0, "removed": 1, "renamed": 2, "changed": 3}


def compare(old: FactBase, new: FactBase) -> list[RecordChange]:
    """Every added, removed, renamed or changed record, in data-file order, with review notes."""
    before, after = entries(old), entries(new)
    changes = changes_between(before, after)
    _add_review_notes(changes, after, new)
    return changes


def changes_between(
    before: dict[tuple[str, str], Entry], after: dict[tuple[str, str], Entry]
) -> list[RecordChange]:
    """What `compare` finds between two fact bases' entries, without the review notes."""
    removed = [entry for key, entry in before.items() if key not in after]
    added = [entry for key, entry in after.items() if key not in before]
    changes: list[RecordChange] = []
    renamed = _renames(removed, added)
    for was, now in renamed:
        changes.append(
            RecordChange(
                "renamed",
                now.file,
                now.kind,
                now.key,
                was.key,
                now.parent,
                _field_changes(was.fields, now.fields),
            )
        )
    gone = {id(was) for was, _ in renamed} | {id(now) for _, now in renamed}
    for status, side in (("added", added), ("removed", removed)):
        for entry in side:
            if id(entry) not in gone:
                olds, news = ({}, entry.fields) if status == "added" else (entry.fields, {})
                changes.append(
                    RecordChange(
                        status,
                        entry.file,
                        entry.kind,
                        entry.key,
                        parent=entry.parent,
                        fields=_field_changes(olds, news),
                    )
                )
    for key, was in before.items():
        now_entry = after.get(key)
        if now_entry is not None and was.fields != now_entry.fields:
            changes.append(
                RecordChange(
                    "changed",
                    now_entry.file,
                    now_entry.kind,
                    now_entry.key,
                    parent=now_entry.parent,
                    fields=_field_changes(was.fields, now_entry.fields),
                )
            )
    kinds = list(
        dict.fromkeys([*(e.kind for e in before.values()), *(e.kind for e in after.values())])
    )
    files = list(DATA_FILES)
    changes.sort(
        key=lambda c: (files.index(c.file), kinds.index(c.kind), STATUS_ORDER[c.status], c.key)
    )
    return changes


def _add_review_notes(
    changes: list[RecordChange], after: dict[tuple[str, str], Entry], new: FactBase
) -> None:
    """Give each new or changed record its cited paragraphs' gists and its text in Traditional."""
    convert = converter_for(new, REVIEW_OPENCC, REVIEW_LANG)
    gists = {(s.id, p.n): p.gist for s in new.sources for p in s.paragraphs}
    for change in changes:
        entry = after.get((change.kind, change.key))
        if entry is None or change.status == "removed":
            continue
        cited = list(entry.cites)
        for item in change.fields:  # citations of nested records (relations, counts) that changed
            if item.after and item.path.endswith("cite"):
                for source, paragraph in _CITED.findall(item.after):
                    cited.append((source, int(paragraph)))
        change.gists = [
            (source, paragraph, gists.get((source, paragraph), "?"))
            for source, paragraph in dict.fromkeys(cited)
        ]
        change.hant = {
            item.path: convert(item.after)
            for item in change.fields
            if item.after and item.path in entry.texts
        }


def conversion_changes(old: FactBase, new: FactBase) -> tuple[list[str], list[str]]:
    """(lines only in the old review, lines only in the new) of the conversion review."""
    before, after = conversion_lines(old), conversion_lines(new)
    return [x for x in before if x not in after], [x for x in after if x not in before]


# ---------------------------------------------------------------------------- rendering


def _summary(changes: list[RecordChange]) -> str:
    counts = {status: 0 for status in STATUS_ORDER}
    for change in changes:
        counts[change.status] += 1
    return say("diff-summary", **counts)


def render_text(
    changes: list[RecordChange],
    conversions: tuple[list[str], list[str]],
    base_label: str,
    head_label: str,
) -> str:
    lines = [say("diff-title", base=base_label, head=head_label), _summary(changes)]
    if not changes:
        lines.append(say("diff-none"))
    file = None
    for change in changes:
        if change.file != file:
            file = change.file
            lines += ["", file]
        lines.append(f"  {change.title()}")
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
        for source, paragraph, gist in change.gists:
            lines.append("      " + say("diff-gist", source=source, paragraph=paragraph, gist=gist))
        for path, text in change.hant.items():
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
    changes: list[RecordChange],
    conversions: tuple[list[str], list[str]],
    base_label: str,
    head_label: str,
) -> str:
    title = say("diff-title", base=_code(base_label), head=_code(head_label))
    lines = [f"## {title}", "", _summary(changes)]
    if not changes:
        lines += ["", say("diff-none")]
    heading: tuple[str, str] | None = None
    for change in changes:
        if heading is None or change.file != heading[0]:
            lines += ["", f"### {change.file}"]
        if heading != (change.file, change.kind):
            lines += ["", f"#### {kind_word(change.kind)}"]
            heading = (change.file, change.kind)
        status, _, rest = change.title(_code).partition(" ")
        lines += ["", f"**{status}** {rest}"]
        if change.fields:
            lines += ["", say("diff-table-head"), "| --- | --- | --- |"]
            lines += [
                f"| {escape_cell(contributor_path(item.path))} | {escape_cell(item.before)}"
                f" | {escape_cell(item.after)} |"
                for item in change.fields
            ]
        if change.gists:
            lines.append("")
            lines += [
                "- "
                + say(
                    "diff-gist",
                    source=_code(source),
                    paragraph=paragraph,
                    gist=escape_cell(gist),
                )
                for source, paragraph, gist in change.gists
            ]
        if change.hant:
            lines += [
                "- "
                + say(
                    "diff-hant",
                    field=_code(contributor_path(path)),
                    lang=REVIEW_LANG,
                    text=escape_cell(text),
                )
                for path, text in change.hant.items()
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
    changes = compare(old, new)
    conversions = conversion_changes(old, new)
    render = render_markdown if markdown else render_text
    sys.stdout.write(render(changes, conversions, base_rev, head_rev or word("working-tree")))
    return 0
