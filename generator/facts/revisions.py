"""Git, in one place: the revisions of the data, their history, the merge base and the build date.

Every other module asks here and never runs git itself. `git` raises GitError when a command
fails (an unknown revision, not a repository, git missing); the `*_or_none` readers answer None
instead, for callers to whom no answer is an answer (outside a checkout nothing is known).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# Base branches a contributor's work is compared with, first found first.
BASE_CANDIDATES = ("origin/main", "main")
_FIELD_SEP, _RECORD_SEP = "\x1f", "\x1e"
_TIMEOUT = 60


class GitError(Exception):
    """A git command failed (unknown revision, not a repository, git missing)."""


class NotInRepositoryError(GitError):
    """The data folder is not inside a git repository (or git is missing)."""


class UnknownRevisionError(GitError):
    """A revision names no commit; its text is the contributor's message."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """The output of `git -C root ARGS`; GitError when it fails."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            check=False,
            timeout=_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git {' '.join(args)}: {error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args)}: {message}")
    return done.stdout


def git_text_or_none(root: Path, *args: str) -> str | None:
    """The output of `git -C root ARGS` as text, or None when it fails."""
    try:
        return git(root, *args).decode("utf-8", "replace")
    except GitError:
        return None


def repository_of(data_dir: Path) -> tuple[Path, str]:
    """(repository root, data folder relative to it, in git's / notation)."""
    start = data_dir if data_dir.is_dir() else Path.cwd()
    try:
        root = Path(git(start, "rev-parse", "--show-toplevel").decode().strip())
        relative = data_dir.resolve().relative_to(root.resolve())
    except (GitError, ValueError) as error:
        raise NotInRepositoryError(str(error)) from None
    return root, relative.as_posix()


def is_shallow(root: Path) -> bool:
    return git(root, "rev-parse", "--is-shallow-repository").decode().strip() == "true"


def head(root: Path) -> str:
    """HEAD's commit, or "" in a repository without a commit yet."""
    return (git_text_or_none(root, "rev-parse", "--verify", "--quiet", "HEAD") or "").strip()


def commit_of(root: Path, revision: str) -> str | None:
    """The commit `revision` names, or None when it names none."""
    found = git_text_or_none(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    return found.strip() if found else None


def tree_of(root: Path, revision: str, folder: str) -> str:
    """The tree id of `folder` at `revision`: equal trees hold equal files."""
    return git(root, "rev-parse", f"{revision}:{folder}").decode().strip()


def merge_base(folder: Path) -> tuple[str, str] | None:
    """(commit, branch name) of the merge-base of HEAD with the first base branch that exists."""
    for branch in BASE_CANDIDATES:
        found = git_text_or_none(folder, "merge-base", "HEAD", branch)
        if found:
            return found.strip(), branch
    return None


def show(root: Path, revision: str, path: str) -> str | None:
    """The text of `path` at `revision`, or None when it is not there."""
    return git_text_or_none(root, "show", f"{revision}:{path}")


def changed_files(root: Path, base: str, folder: str) -> list[str]:
    """Files under `folder` that differ between `base` and the working tree."""
    return (git_text_or_none(root, "diff", "--name-only", base, "--", folder) or "").splitlines()


def blobs(root: Path, names: list[str]) -> Iterator[tuple[str, bytes]]:
    """(name, content) of each `REV:PATH` in `names` that exists, read by one git process."""
    out = git(root, "cat-file", "--batch", stdin="".join(f"{name}\n" for name in names).encode())
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


@dataclass(frozen=True)
class Commit:
    """One commit as the history of the facts reads it."""

    id: str
    first_parent: str  # "" for a root commit
    timestamp: int  # seconds since the epoch, committer time
    time: str  # ISO 8601 with the committer's UTC offset
    message: str


def commits_touching(root: Path, folder: str) -> list[Commit]:
    """The first-parent commits of HEAD that touched `folder`, oldest first."""
    fields = _FIELD_SEP.join(["%H", "%P", "%ct", "%cI", "%B"])
    out = git(
        root,
        "log",
        "--first-parent",
        "--reverse",
        f"--format={fields}{_RECORD_SEP}",
        "HEAD",
        "--",
        folder,
    ).decode("utf-8", "replace")
    found = []
    for chunk in out.split(_RECORD_SEP):
        parts = chunk.strip("\n").split(_FIELD_SEP)
        if len(parts) != 5:
            continue
        commit, parents, timestamp, iso, message = parts
        first_parent = parents.split(" ")[0] if parents else ""
        found.append(Commit(commit, first_parent, int(timestamp), iso, message))
    return found


def merged_messages(root: Path, commit: str, first_parent: str) -> str:
    """All messages a merge brings in, so a trailer in a merged commit still counts."""
    if not first_parent:
        return ""
    return git(root, "log", "--format=%B", f"{first_parent}..{commit}").decode("utf-8", "replace")


def last_commit_of(root: Path, path: Path) -> Commit | None:
    """The newest commit of HEAD that touched `path`, or None (outside the repository, untracked)."""
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
        out = git(root, "log", "-1", "--format=%H%x1f%ct%x1f%cI", "HEAD", "--", relative)
    except (GitError, ValueError):
        return None
    parts = out.decode().strip().split(_FIELD_SEP)
    if len(parts) != 3:
        return None
    commit, timestamp, iso = parts
    return Commit(commit, "", int(timestamp), iso, "")


def build_time(project_dir: Path) -> datetime | None:
    """The moment the build describes: SOURCE_DATE_EPOCH, else the last commit, else unknown.

    A SOURCE_DATE_EPOCH of 0 (what a script writes when it found no commit), empty or not a
    number is no date at all: nothing the report publishes is dated 1970-01-01.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit() or int(epoch) == 0:
        epoch = (git_text_or_none(project_dir, "log", "-1", "--format=%ct") or "").strip()
        if not epoch.isdigit() or int(epoch) == 0:
            return None
    return datetime.fromtimestamp(int(epoch), tz=UTC)
