"""Published history of the facts: every commit that changed the data, what it changed and why.

The first-parent history of HEAD is walked oldest first; each commit that touched the data folder
is compared with its first parent (`generator.facts.compare`). The result for one
commit never changes, so it is kept in `.cache/history/` by commit (`generator.facts.cache`: the key
covers the message language, which words field paths, and a hash of the code that loads and
compares facts, all of `generator/facts/`): a rebuild reads only commits it has not seen, and a
change to that code or language starts afresh. The history of one HEAD is read once per process,
so the second edition of a build reuses the first's.

Reasons come from lines the contributor writes in the commit message (or the pull request
description that becomes it): `更正：…` / `Correction: …` marks a correction, `说明：…` /
`Reason: …` gives the reason of an ordinary change; without one, the subject line is the reason.

Outside git, in a shallow clone or when git itself is missing there is no history: `History.missing`
says why, pages say there is none, and the build goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.facts.at_revision import load_revision
from generator.facts.cache import DiskCache
from generator.facts.compare import Entry, changes_between, entries
from generator.facts.problems import DataError
from generator.facts.revisions import (
    Commit,
    GitError,
    commits_touching,
    head,
    is_shallow,
    last_commit_of,
    merged_messages,
    repository_of,
    tree_of,
)

CACHE_FOLDER = "history"
# Kinds that are not facts a reader sees (the conversion glossary) stay off the history.
NOT_FACTS = frozenset({"glossary"})
CORRECTION_LINE = re.compile(r"^\s*(?:更正|Correction)\s*[：:]\s*(?P<text>\S.*?)\s*$", re.M | re.I)
REASON_LINE = re.compile(r"^\s*(?:说明|說明|Reason)\s*[：:]\s*(?P<text>\S.*?)\s*$", re.M | re.I)
# The code whose change changes a cached diff: loading, checking and comparing facts, this file.
_CODE = ("facts",)
# Old commits' records kept in memory while reading (each commit is compared with its parent).
_LOADED_KEPT = 4


@dataclass(frozen=True)
class FieldEdit:
    """One field of a record before and after a change (None: the field was absent)."""

    path: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class RecordEdit:
    """What one commit did to one record."""

    status: str  # "added", "removed", "renamed" or "changed"
    kind: str
    key: str
    old_key: str | None
    fields: tuple[FieldEdit, ...]


@dataclass(frozen=True)
class Revision:
    """One commit that changed the facts, as readers see it."""

    commit: str
    timestamp: int  # seconds since the epoch, committer time
    time: str  # ISO 8601 with the committer's UTC offset
    correction: str | None  # the reason, when the commit is a correction
    reason: str  # the reason given, or the subject line
    initial: bool  # the first publication of the facts
    records: tuple[RecordEdit, ...]
    record_count: int  # records published by the initial revision; 0 otherwise

    @property
    def anchor(self) -> str:
        return f"rev-{self.commit[:10]}"

    @property
    def day(self) -> str:
        return self.time[:10]


@dataclass
class History:
    """The revisions of the facts, oldest first, and when each record last changed."""

    revisions: list[Revision] = field(default_factory=list)
    missing: str | None = "no history was read"
    updated: dict[str, Revision] = field(default_factory=dict)
    corrected: dict[str, Revision] = field(default_factory=dict)
    file_times: dict[str, Revision] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.missing is None

    def latest(self, keys: list[str] | None = None) -> Revision | None:
        """The newest revision that changed any of `keys` (any record when None)."""
        if keys is None:
            return self.revisions[-1] if self.revisions else None
        found = [self.updated[key] for key in keys if key in self.updated]
        return max(found, key=lambda r: r.timestamp, default=None)


_READERS_SCRIPT = re.compile(r"[\u3400-\u9fff]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]")
_CLOSING_MARKS = ("。", "！", "？", "；", "…")


def reasons_of(message: str) -> tuple[str | None, str]:
    """(the correction, or None; the reason shown) that a commit message gives."""
    message = "".join(c for c in message if c >= " " or c in "\t\n")
    corrections = [m.group("text") for m in CORRECTION_LINE.finditer(message)]
    reasons = [m.group("text") for m in REASON_LINE.finditer(message)]
    subject = next((line.strip() for line in message.splitlines() if line.strip()), "")
    # A subject line is shown to readers only when it is mostly written in their script: a commit
    # without a 说明 line and with an English subject gets no reason rather than a foreign one.
    if len(_READERS_SCRIPT.findall(subject)) < len(_LATIN_LETTERS.findall(subject)):
        subject = ""
    correction = _sentences(corrections) or None
    return correction, _sentences(reasons) or correction or subject


def _sentences(parts: list[str]) -> str:
    """Reasons run together: a ； between two only where the first has no closing mark."""
    joined = ""
    for part in (part.strip() for part in parts):
        if joined and not joined.endswith(_CLOSING_MARKS):
            joined += "；"
        joined += part
    return joined


Entries = dict[tuple[str, str], Entry]


class _Revisions:
    """The records of old commits, loaded once per data tree (each commit is compared with its
    parent, loaded just before): the last few are kept, so a long history fits in memory."""

    def __init__(self, root: Path, data_rel: str) -> None:
        self.root, self.data_rel = root, data_rel
        self.loaded: dict[str, Entries | DataError] = {}

    def load(self, commit: str) -> Entries:
        tree = tree_of(self.root, commit, self.data_rel)
        if tree not in self.loaded:
            try:
                base = load_revision(self.root, self.data_rel, commit)
                self.loaded[tree] = entries(base, texts=False)
            except DataError as error:
                self.loaded[tree] = error
            while len(self.loaded) > _LOADED_KEPT:
                del self.loaded[next(iter(self.loaded))]  # the oldest loaded
        found = self.loaded[tree]
        if isinstance(found, DataError):
            raise found
        return found


def _diff_of(revisions: _Revisions, commit: str, bases: list[str]) -> dict[str, Any]:
    """What `commit` did to the facts, as a JSON-able dict (the cached form).

    Compared with the first of `bases` whose data loads: the first parent, else the last
    commit whose data loaded (so a commit that broke the data is passed over, not lost).
    """
    try:
        new = revisions.load(commit)
    except (DataError, GitError):
        return {"unreadable": True}
    old = None
    for base in filter(None, bases):
        try:
            old = revisions.load(base)
            break
        except (DataError, GitError):
            continue
    if old is None:
        keys = [key for (kind, key) in new if kind not in NOT_FACTS]
        return {"initial": True, "keys": keys}
    records = [
        {
            "status": change.status,
            "kind": change.kind,
            "key": change.key,
            "old_key": change.old_key,
            "fields": [[f.path, f.before, f.after] for f in change.fields],
        }
        for change in changes_between(old, new)
        if change.kind not in NOT_FACTS
    ]
    return {"initial": False, "records": records}


def _revision(commit: Commit, message: str, diff: dict[str, Any]) -> Revision:
    correction, reason = reasons_of(message)
    edits = tuple(
        RecordEdit(
            item["status"],
            item["kind"],
            item["key"],
            item["old_key"],
            tuple(FieldEdit(*edit) for edit in item["fields"]),
        )
        for item in diff.get("records", [])
    )
    return Revision(
        commit.id,
        commit.timestamp,
        commit.time,
        None if diff.get("initial") else correction,
        reason,
        bool(diff.get("initial")),
        edits,
        len(diff.get("keys", [])),
    )


def apply_revision(history: History, revision: Revision, keys: list[str]) -> None:
    """Record which facts `revision` touched (oldest revision first)."""
    for key in keys:
        history.updated[key] = revision
    for edit in revision.records:
        if edit.status == "removed":
            history.updated.pop(edit.key, None)
            history.corrected.pop(edit.key, None)
            continue
        if edit.old_key:
            earlier = history.corrected.pop(edit.old_key, None)
            history.updated.pop(edit.old_key, None)
            if earlier is not None:
                history.corrected[edit.key] = earlier
        history.updated[edit.key] = revision
        if revision.correction is not None and edit.status in ("changed", "renamed"):
            history.corrected[edit.key] = revision


# The last history read in this process, by what it was read from (see read_history).
_last_read: dict[tuple[str, ...], History] = {}


def read_history(data_dir: Path, cache_dir: Path, docs: list[Path] | None = None) -> History:
    """The history of the facts in `data_dir`; never raises (History.missing says why not).

    Read again only when HEAD, the folders, the documents, the code or the message language
    changed since the last call: the editions of one build share one reading (callers must not
    change it).
    """
    try:
        root, data_rel = repository_of(data_dir)
        if is_shallow(root):
            return History(missing="shallow")
    except (GitError, OSError, ValueError):
        return History(missing="no-git")
    cache = DiskCache(cache_dir, CACHE_FOLDER, _CODE)
    read_from = (str(root), data_rel, head(root), str(cache.folder), *map(str, docs or []))
    if read_from in _last_read:
        return _last_read[read_from]
    found = _read(root, data_rel, cache, docs)
    _last_read.clear()
    _last_read[read_from] = found
    return found


def _read(root: Path, data_rel: str, cache: DiskCache, docs: list[Path] | None) -> History:
    try:
        commits = commits_touching(root, data_rel)
    except GitError:
        commits = []  # a repository without a commit yet
    if not commits:
        return History(missing="no-commits")
    history = History(missing=None)
    last_readable = ""
    revisions = _Revisions(root, data_rel)
    for commit in commits:
        diff = cache.read_json(commit.id)
        if not isinstance(diff, dict):
            diff = _diff_of(revisions, commit.id, [commit.first_parent, last_readable])
            if commit.first_parent:
                diff["merged"] = merged_messages(root, commit.id, commit.first_parent)
            cache.write_json(diff, commit.id)
        if diff.get("unreadable"):
            continue
        last_readable = commit.id
        if not diff.get("initial") and not diff.get("records"):
            continue
        if diff.get("initial") and history.revisions:
            continue  # data that stopped loading and came back is not a new publication
        revision = _revision(commit, diff.get("merged") or commit.message, diff)
        history.revisions.append(revision)
        apply_revision(history, revision, diff.get("keys", []))
    for doc in docs or []:
        _file_time(history, root, doc)
    return history


def _file_time(history: History, root: Path, path: Path) -> None:
    commit = last_commit_of(root, path)
    if commit is not None:
        history.file_times[str(path)] = Revision(
            commit.id, commit.timestamp, commit.time, None, "", False, (), 0
        )
