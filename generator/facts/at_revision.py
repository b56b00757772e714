"""The fact base as it stood at a git revision: each data file read from git, loaded as written."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.facts.kinds import DATA_FILES
from generator.facts.load import load_fact_base
from generator.facts.messages import say
from generator.facts.model import FactBase
from generator.facts.revisions import (
    GitError,
    NotInRepositoryError,
    UnknownRevisionError,
    blobs,
    commit_of,
)


def load_revision(root: Path, data_rel: str, revision: str) -> FactBase:
    """The fact base as it stood at `revision`; DataError names files as `REV:data/NAME`."""
    if commit_of(root, revision) is None:
        raise UnknownRevisionError(say("unknown-revision", revision=revision))
    with tempfile.TemporaryDirectory(prefix="fact-diff-") as folder:
        for name, content in blobs(root, [f"{revision}:{data_rel}/{name}" for name in DATA_FILES]):
            (Path(folder) / name.rpartition("/")[2]).write_bytes(content)
        # Facts are compared as written; older revisions predate the grounding checks.
        return load_fact_base(Path(folder), f"{revision}:{data_rel}", grounding=False)


def revision_problem(error: GitError, command: str, data: str) -> str:
    """What went wrong reading the data's history, as one line naming the fix."""
    if isinstance(error, NotInRepositoryError):
        return say("review-not-in-git", command=command, data=data)
    if isinstance(error, UnknownRevisionError):
        return str(error)
    return say("review-git-failed", command=command, reason=error)
