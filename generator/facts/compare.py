"""Fact comparison: what differs between two fact bases, record by record. Pure: no git, no words.

Records are matched by id across every list (roles, moves and market counts included); glossary
entries by their Simplified term. A removed and an added record of the same kind whose other
fields are (nearly) the same are one renamed record. A changed field is named by a neutral path
(`relations[1].kind`) that each renderer words for its own reader.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from generator.facts.fields import string_fields
from generator.facts.kinds import DATA_FILES, FILE_OF_LIST, KIND_OF_MODEL
from generator.facts.model import TEXT, Citation, Cited, FactBase, GlossaryEntry, Identified

# A removed and an added record are one renamed record when their other fields are this alike
# on average (0..1), and no single field less alike than FIELD_SIMILARITY.
RENAME_SIMILARITY = 0.9
FIELD_SIMILARITY = 0.6


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
    """One record added, removed, renamed or changed, with each of its fields that differ."""

    status: str  # "added", "removed", "renamed" or "changed"
    file: str
    kind: str
    key: str
    old_key: str | None = None
    parent: str = ""  # "person wang-xiaoming" for a role, "" for a top-level record
    fields: list[FieldChange] = field(default_factory=list)


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


def field_path(parts: tuple[str | int, ...]) -> str:
    """`('relations', 1, 'kind')` -> `relations[1].kind`: the same in every message language,
    so each renderer words it for its own reader (`contributor_path`, `labels.field_words`)."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part:
            text = f"{text}.{part}" if text else part
    return text


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
            yield from _flatten(getattr(value, name), field_path((path, name)))
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
                yield from _flatten(item, field_path((path, index)))
    elif isinstance(value, dict):
        for key in sorted(value):
            yield from _flatten(value[key], field_path((path, key)))
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
            field_path(path)
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
    """Every added, removed, renamed or changed record, in data-file order."""
    return changes_between(entries(old), entries(new))


def changes_between(
    before: dict[tuple[str, str], Entry], after: dict[tuple[str, str], Entry]
) -> list[RecordChange]:
    """What `compare` finds, from two fact bases' entries (each made once by `entries`)."""
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
